"""End-to-end: /dla-zamawiajacych/ from content/zamowienia/dla-zamawiajacych.yaml - the legal
bases with their sources, the clause templates on the page and as ODT and DOCX files that
open and hold the template's text, the examples and the contact."""

from __future__ import annotations

import docx
import pytest
from htmlscan import scan
from odf import teletype
from odf import text as odf_text
from odf.opendocument import load
from portal_procurement.guide import load_guide, paragraphs
from portal_site import register_content
from sitebuild import ROOT

register_content()
GUIDE, _ = load_guide(ROOT / "content", None)
PAGE = "dla-zamawiajacych"


def test_the_sample_guide_is_complete():
    assert GUIDE is not None
    assert {"zamowienia-zastrzezone", "aspekty-spoleczne", "uslugi-spoleczne"} <= {
        b.slug for b in GUIDE.bases
    }
    assert len(GUIDE.clauses) >= 3 and len(GUIDE.examples) >= 3
    assert all(example.sample for example in GUIDE.examples)  # invented: marked as such


def test_each_basis_names_its_provision_source_and_date_and_what_was_not_checked(site):
    page = scan(site / PAGE / "index.html")
    html = (site / PAGE / "index.html").read_text(encoding="utf-8")
    hrefs = {a.get("href") for a in page.all("a")}
    for basis in GUIDE.bases:
        assert f'id="podstawa-{basis.slug}"' in html
        assert basis.provision in page.text and basis.summary in page.text
        assert basis.source in hrefs
        assert f'datetime="{basis.checked.isoformat()}"' in html
        if basis.unverified:
            assert f"Nie sprawdzono: {basis.unverified}" in page.text
    assert page.text.count("Nie sprawdzono:") == sum(1 for b in GUIDE.bases if b.unverified)


def _docx_text(path) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs]


def _odt_text(path) -> list[str]:
    """Headings and paragraphs of the document's body, in order."""
    body = load(str(path)).text
    return [teletype.extractText(node) for node in body.childNodes if node.qname in _BLOCKS]


_BLOCKS = {odf_text.H(outlinelevel=1).qname, odf_text.P().qname}


@pytest.mark.parametrize("clause", GUIDE.clauses, ids=lambda c: c.slug)
def test_a_clause_is_on_the_page_with_a_copy_button_and_in_odt_and_docx(site, clause):
    page = scan(site / PAGE / "index.html")
    html = (site / PAGE / "index.html").read_text(encoding="utf-8")
    assert f'data-pl-copy="tekst-{clause.slug}"' in html and f'id="tekst-{clause.slug}"' in html
    parts = paragraphs(clause.text)
    for part in parts:
        assert part in page.text
    hrefs = {a.get("href") for a in page.all("a")}
    for extension, read in (("docx", _docx_text), ("odt", _odt_text)):
        link = f"/{PAGE}/klauzule/{clause.slug}.{extension}"
        assert link in hrefs
        text = read(site / link.lstrip("/"))
        assert all(part in text for part in parts), extension  # each paragraph whole
        assert clause.title in text
        basis = next(b for b in GUIDE.bases if b.slug == clause.basis)
        assert any(basis.provision in line for line in text)


def test_the_all_clauses_documents_hold_every_clause_in_order(site):
    for extension, read in (("docx", _docx_text), ("odt", _odt_text)):
        text = read(site / PAGE / "klauzule" / f"klauzule-spoleczne.{extension}")
        places = [text.index(paragraphs(c.text)[0]) for c in GUIDE.clauses]
        assert places == sorted(places), extension


def test_examples_link_their_suppliers_and_the_contact_is_given(site):
    page = scan(site / PAGE / "index.html")
    hrefs = {a.get("href") for a in page.all("a")}
    for example in GUIDE.examples:
        assert f"/podmioty/{example.supplier}/" in hrefs
        assert example.buyer in page.text and example.bought in page.text
    assert page.text.count("przykład zmyślony") == sum(1 for e in GUIDE.examples if e.sample)
    assert f"mailto:{GUIDE.contact.email}" in hrefs
    # a profile and the shortlist lead here
    assert f"/{PAGE}/" in {
        a.get("href") for a in scan(site / "podmioty" / "pyrlandia" / "index.html").all("a")
    }
    assert f"/{PAGE}/" in {a.get("href") for a in scan(site / "podmioty" / "wykaz" / "index.html").all("a")}
