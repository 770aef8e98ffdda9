"""Publications: what the document checks say of real files (pypdf, odfpy, python-docx,
openpyxl), and the rules of check_publications on one record."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fpdf import FPDF
from portal_content.validate import load
from portal_publications import documents
from portal_publications.plugin import files_open_and_fit, notices, publication_facts
from portal_site import register_content
from sitebuild import ROOT

register_content()
FONT = ROOT / "plugins" / "portal_share" / "fonts" / "DejaVuSans.ttf"
SAMPLES = ROOT / "content" / "pliki" / "wiedza"


def make_pdf(path: Path, *, tagged: bool, title: str | None, language: str | None = "pl") -> Path:
    from PIL import Image

    document = FPDF()
    document.add_font("DejaVu", "", str(FONT))
    if title:
        document.set_title(title)
    if language:
        document.set_lang(language)
    document.add_page()
    document.set_font("DejaVu", size=12)
    document.multi_cell(0, 6, "Zażółć gęślą jaźń – raport próbny.")
    if tagged:
        image = io.BytesIO()
        Image.new("RGB", (20, 10), "navy").save(image, "PNG")
        document.image(image, w=40, alt_text="Wykres próbny")
    document.add_page()
    path.write_bytes(bytes(document.output()))
    return path


def test_a_tagged_pdf_with_title_and_language_is_fully_accessible(tmp_path):
    facts = documents.inspect(make_pdf(tmp_path / "a.pdf", tagged=True, title="Raport"))
    assert (facts.kind, facts.pages, facts.title, facts.language, facts.tagged) == (
        "PDF",
        2,
        "Raport",
        "pl",
        True,
    )
    assert facts.problem is None and facts.shortcomings == ()


def test_an_untagged_pdf_without_title_or_language_has_three_shortcomings(tmp_path):
    facts = documents.inspect(make_pdf(tmp_path / "b.pdf", tagged=False, title=None, language=None))
    assert facts.problem is None and facts.tagged is False
    assert [s.split(" ")[2] for s in facts.shortcomings] == ["znaczników", "tytułu", "określonego"]


@pytest.mark.parametrize("content", [b"", b"%PDF-1.7\nnot really", b"<html>strona</html>"])
def test_a_file_that_is_no_pdf_does_not_open(tmp_path, content):
    path = tmp_path / "zly.pdf"
    path.write_bytes(content)
    facts = documents.inspect(path)
    assert facts.problem.startswith("nie da się otworzyć pliku PDF: jest uszkodzony")


def test_office_files_open_with_their_libraries(tmp_path):
    odt = documents.inspect(SAMPLES / "uchwala-komitetu-1-2025.odt")
    assert (odt.kind, odt.title, odt.problem, odt.shortcomings) == (
        "ODT",
        "Uchwała nr 1/2025 Regionalnego Komitetu Rozwoju Ekonomii Społecznej w sprawie planu pracy na 2025 rok",
        None,
        (),
    )
    xlsx = documents.inspect(SAMPLES / "raport-z-monitoringu-2025-tabele.xlsx")
    assert xlsx.kind == "XLSX" and xlsx.problem is None
    broken = tmp_path / "zla.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    assert documents.inspect(broken).problem.startswith("nie da się otworzyć pliku DOCX")


def test_size_labels_are_polish():
    assert documents.DocumentFacts("PDF", 1_234_567).size_label == "1,2 MB"
    assert documents.DocumentFacts("PDF", 340_100).size_label == "340 kB"
    assert documents.DocumentFacts("PDF", 12).size_label == "1 kB"


def _record(tmp_path: Path, body_files: str) -> object:
    (tmp_path / "wiedza").mkdir()
    path = tmp_path / "wiedza" / "raport.md"
    path.write_text(
        "---\ntitle: Raport\ntype: poradnik\ndate: 2026-01-01\nauthors: [ROPS]\npublisher: ROPS\n"
        f"files:\n{body_files}---\nStreszczenie.\n",
        encoding="utf-8",
    )
    return load(path, "publication")


def test_a_file_over_the_limit_is_a_problem_and_is_not_opened(tmp_path):
    folder = tmp_path / "pliki" / "wiedza"
    folder.mkdir(parents=True)
    with (folder / "duzy.pdf").open("wb") as handle:
        handle.truncate(11_000_000)  # sparse: no disk used
    record = _record(tmp_path, "  - document: pliki/wiedza/duzy.pdf\n")
    facts = publication_facts([record], {"PATH": str(tmp_path), "PUBLICATION_MAX_MB": 10})
    (problem,) = files_open_and_fit(record, facts)
    assert problem.field == "files (plik 1).document"
    assert "plik ma 11,0 MB, a publikacja może mieć pliki do 10 MB" in problem.message


def test_notices_name_the_file_and_what_it_lacks(tmp_path):
    folder = tmp_path / "pliki" / "wiedza"
    folder.mkdir(parents=True)
    make_pdf(folder / "a.pdf", tagged=False, title="Raport")
    record = _record(tmp_path, "  - document: pliki/wiedza/a.pdf\n")
    (notice,) = notices([record], {"PATH": str(tmp_path)})
    assert notice.path.endswith("wiedza/raport.md") and notice.field == "files (plik 1).document"
    assert notice.message.startswith("PDF bez znaczników struktury (nieotagowany)")
    assert "wymieni ten plik w deklaracji dostępności" in notice.message
