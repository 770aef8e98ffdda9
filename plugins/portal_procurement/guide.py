"""The buyers' guide (/dla-zamawiajacych/): legal bases, clause templates, examples, contact.

One data file, content/zamowienia/dla-zamawiajacych.yaml, validated here like every
content file. Each legal basis names its provision, the source where its text was
checked and the date; what could not be checked says so in ``unverified`` and the page
shows it. Each clause template points at its basis and is published three ways: on the
page (with a copy button), as ODT (odfpy) and as DOCX (python-docx), one file per clause
and one with all of them. Examples name a supplier by its profile's file name.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from portal_content.problems import Problem, display_path, field_name
from portal_content.schema import Day, Line, Slug, Strict, Text, Url
from portal_content.validate import read_data_file
from pydantic import Field

GUIDE_FILE = Path("zamowienia") / "dla-zamawiajacych.yaml"


class LegalBasis(Strict):
    slug: Slug = Field(
        description="Krótki identyfikator (adres kotwicy).", examples=["zamowienia-zastrzezone"]
    )
    title: Line = Field(description="Tytuł podstawy.", examples=["Zamówienia zastrzeżone"])
    provision: Text = Field(
        description="Przepis: artykuł i ustawa.",
        examples=["art. 94 ustawy z dnia 11 września 2019 r. – Prawo zamówień publicznych"],
    )
    summary: Text = Field(description="Wyjaśnienie prostym językiem.")
    source: Url = Field(description="Gdzie sprawdzono treść przepisu (adres).")
    checked: Day = Field(description="Kiedy sprawdzono (RRRR-MM-DD).", examples=["2026-11-29"])
    unverified: Text | None = Field(
        None, description="Czego nie udało się sprawdzić (pokazywane na stronie)."
    )


class Clause(Strict):
    slug: Slug = Field(description="Nazwa pliku klauzuli (ODT, DOCX).", examples=["zastrzezenie-art-94"])
    title: Line = Field(description="Tytuł klauzuli.")
    basis: Slug = Field(
        description="Podstawa prawna: 'slug' z listy 'bases'.", examples=["zamowienia-zastrzezone"]
    )
    use: Text = Field(description="Kiedy jej użyć i gdzie wkleić.")
    text: Text = Field(description="Treść wzoru; pola do uzupełnienia w nawiasach kwadratowych.")


class Example(Strict):
    buyer: Line = Field(description="Zamawiający.", examples=["Gmina Śrem"])
    bought: Text = Field(description="Co kupił.")
    supplier: Slug = Field(
        description="Dostawca: nazwa pliku profilu z content/podmioty/ (bez .md).", examples=["pyrlandia"]
    )
    year: int = Field(description="Rok.", ge=2000, le=2100)
    basis: Slug = Field(description="Podstawa prawna: 'slug' z listy 'bases'.")
    sample: bool = Field(False, description="true = przykład zmyślony.")


class GuideContact(Strict):
    unit: Line = Field(description="Komórka, która doradza zamawiającym.")
    person: Line | None = Field(None, description="Osoba do kontaktu (stanowisko).")
    email: Line = Field(description="E-mail.")
    phone: Line = Field(description="Telefon.")
    hours: Line | None = Field(None, description="Kiedy można dzwonić.")


class GuideFile(Strict):
    """content/zamowienia/dla-zamawiajacych.yaml"""

    intro: Text = Field(description="Wstęp strony.")
    bases: list[LegalBasis] = Field(min_length=1, description="Podstawy prawne.")
    clauses: list[Clause] = Field(min_length=1, description="Wzory klauzul.")
    examples: list[Example] = Field(default_factory=list, description="Przykłady zakupów w regionie.")
    contact: GuideContact = Field(description="Kontakt w ROPS dla zamawiających.")


def load_guide(content_root: Path, entity_slugs: set[str] | None) -> tuple[GuideFile | None, list[Problem]]:
    """The guide and the problems of its file (none and no problem when there is no file).
    ``entity_slugs``: the profiles examples may name (None: not checked)."""
    path = content_root / GUIDE_FILE
    if not path.is_file():
        return None, []
    guide, doc, problems = read_data_file(path, GuideFile)
    if guide is None:
        return None, problems
    shown = display_path(path)
    bases = {basis.slug for basis in guide.bases}
    known = ", ".join(sorted(bases))

    def problem(loc: tuple, message: str) -> None:
        problems.append(Problem(shown, doc.line_for(loc), field_name(loc), message))

    for kind, items in (("clauses", guide.clauses), ("examples", guide.examples)):
        for index, item in enumerate(items):
            if item.basis not in bases:
                problem((kind, index, "basis"), f"nieznana podstawa „{item.basis}”; wpisz jedną z: {known}")
    for index, example in enumerate(guide.examples):
        if entity_slugs is not None and example.supplier not in entity_slugs:
            problem(
                ("examples", index, "supplier"),
                f"nie ma podmiotu „{example.supplier}”; wpisz nazwę pliku profilu z content/podmioty/ bez .md",
            )
    for kind, items in (("bases", guide.bases), ("clauses", guide.clauses)):
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item.slug in seen:
                problem(
                    (kind, index, "slug"),
                    f"„{item.slug}” jest już wyżej; każda pozycja potrzebuje innego 'slug'",
                )
            seen.add(item.slug)
    return (None if problems else guide), problems


def paragraphs(text: str) -> list[str]:
    """A template's paragraphs: blank lines separate them, single line breaks are kept."""
    return [part.strip() for part in text.strip().split("\n\n") if part.strip()]


DOCUMENT_NOTE = (
    "Wzór do dostosowania do postępowania; przed użyciem sprawdź aktualne brzmienie przepisów "
    "i skonsultuj treść z osobą obsługującą zamówienia. Źródło: {site}"
)


def reproducible(document: bytes, day: dt.date) -> bytes:
    """The same ZIP package (ODT, DOCX) with every member dated ``day``: the libraries date
    them now, and two builds of the same content must be byte-identical. Order and
    compression are kept (an ODT's ``mimetype`` stays first and stored)."""
    source = zipfile.ZipFile(io.BytesIO(document))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=(day.year, day.month, day.day, 0, 0, 0))
            info.compress_type = member.compress_type
            info.external_attr = member.external_attr
            target.writestr(info, source.read(member.filename))
    return buffer.getvalue()


def _about(guide: GuideFile, clause: Clause) -> str:
    basis = next(b for b in guide.bases if b.slug == clause.basis)
    return f"Podstawa: {basis.provision}. {clause.use}"


def to_odt(guide: GuideFile, clauses: list[Clause], title: str, site: str, day: dt.date) -> bytes:
    """The clauses as an OpenDocument text (odfpy): a heading, basis and use, the template."""
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style, TextProperties
    from odf.text import H, P

    document = OpenDocumentText()
    heading = Style(name="Heading", family="paragraph")
    heading.addElement(TextProperties(fontsize="14pt", fontweight="bold"))
    heading.addElement(ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm"))
    note = Style(name="Note", family="paragraph")
    note.addElement(TextProperties(fontstyle="italic", fontsize="10pt"))
    document.styles.addElement(heading)
    document.styles.addElement(note)
    document.meta.addElement(_odf_title(title))
    document.text.addElement(H(outlinelevel=1, stylename=heading, text=title))
    document.text.addElement(P(stylename=note, text=DOCUMENT_NOTE.format(site=site)))
    for clause in clauses:
        document.text.addElement(H(outlinelevel=2, stylename=heading, text=clause.title))
        document.text.addElement(P(stylename=note, text=_about(guide, clause)))
        for part in paragraphs(clause.text):
            document.text.addElement(P(text=part))
    buffer = io.BytesIO()
    document.write(buffer)
    return reproducible(buffer.getvalue(), day)


def _odf_title(title: str) -> Any:
    from odf.dc import Title

    return Title(text=title)


def to_docx(guide: GuideFile, clauses: list[Clause], title: str, site: str, day: dt.date) -> bytes:
    """The clauses as a Word document (python-docx), the same parts as ``to_odt``."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.language = "pl-PL"
    moment = dt.datetime(day.year, day.month, day.day)
    document.core_properties.created = document.core_properties.modified = moment
    document.add_heading(title, level=1)
    document.add_paragraph(DOCUMENT_NOTE.format(site=site)).runs[0].italic = True
    for clause in clauses:
        document.add_heading(clause.title, level=2)
        document.add_paragraph(_about(guide, clause)).runs[0].italic = True
        for part in paragraphs(clause.text):
            document.add_paragraph(part)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible(buffer.getvalue(), day)
