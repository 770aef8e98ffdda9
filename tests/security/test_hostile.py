"""Hostile text in every text and URL field of every content type comes out inert, in the
development build and in the publish build (minified, fingerprinted):

- every page has exactly the elements and attributes it has when the fields hold a plain
  word (so no element or attribute was created by the text);
- every JSON-LD block parses as JSON and holds the text exactly;
- open-data CSV cells cannot start a formula, the JSON files keep the exact value;
- every .ics file parses and its summary is the text; feeds and SVG files parse as XML and
  carry no live markup.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
import yaml
from hostilesite import HOSTILE, HOSTILE_LINES, write_site
from sitebuild import build_in_process

MODES = {
    "html": ("pelicanconf.py", {}),
    "publish": ("publishconf.py", {"PORTAL_SITEURL": "https://example.org"}),
}


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[tuple[str, bool], Path]:
    built = {}
    for hostile in (False, True):
        folder = tmp_path_factory.mktemp("hostile" if hostile else "plain")
        content = write_site(folder, hostile)
        for mode, (settings, env) in MODES.items():
            result = build_in_process(content, folder / mode, settings=settings, env=env)
            assert result.returncode == 0, result.stderr
            built[(mode, hostile)] = folder / mode
    return built


class Shape(HTMLParser):
    """The elements of a page with their attribute names, and the JSON-LD blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shape: list[tuple[str, tuple[str, ...]]] = []
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        self.shape.append((tag, tuple(sorted(name for name, _ in attrs))))
        self._in_jsonld = tag == "script" and ("type", "application/ld+json") in attrs
        if self._in_jsonld:
            self.jsonld.append("")

    def handle_endtag(self, tag):
        self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld[-1] += data


def shape(path: Path) -> Shape:
    parser = Shape()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


@pytest.mark.parametrize("mode", MODES)
def test_hostile_text_creates_no_element_or_attribute(builds, mode):
    plain = sorted(tuple(shape(p).shape) for p in builds[(mode, False)].rglob("*.html"))
    hostile = sorted(tuple(shape(p).shape) for p in builds[(mode, True)].rglob("*.html"))
    assert len(plain) == len(hostile) > 40
    assert plain == hostile
    scripts = {
        tuple(attrs)
        for page in builds[(mode, True)].rglob("*.html")
        for tag, attrs in shape(page).shape
        if tag == "script"
    }
    # our files and JSON-LD only (/admin/'s preview script names the stylesheet in data-style)
    assert scripts <= {("src",), ("defer", "src"), ("type",), ("data-style", "src")}


def test_the_cms_configuration_holds_hostile_names_as_plain_text(builds):
    """Names and titles reach /admin/config.yml as choices (an event's organiser, an
    edition's report): the YAML still parses and holds them exactly, as text."""
    config = yaml.safe_load((builds[("html", True)] / "admin" / "config.yml").read_text(encoding="utf-8"))
    events = next(c for c in config["collections"] if c["name"] == "wydarzenia")
    organiser = next(f for f in events["fields"] if f["name"] == "organiser")
    labels = [option["label"] for option in organiser["options"]]
    assert any(label.startswith(HOSTILE) for label in labels), labels
    assert all(isinstance(option["value"], str) for option in organiser["options"])


@pytest.mark.parametrize("mode", MODES)
def test_json_ld_parses_and_holds_the_text_exactly(builds, mode):
    values = []
    for page in builds[(mode, True)].rglob("*.html"):
        for block in shape(page).jsonld:
            values += strings(json.loads(block))
    assert HOSTILE in values and HOSTILE_LINES in values


@pytest.mark.parametrize("mode", MODES)
def test_open_data_cells_cannot_start_a_formula(builds, mode):
    folder = builds[(mode, True)] / "dane"
    cells = []
    for table in ("podmioty.csv", "katalog.csv", "certyfikaty.csv"):
        rows = list(csv.reader(io.StringIO((folder / table).read_text(encoding="utf-8-sig"))))
        cells += [cell for row in rows[1:] for cell in row]
    # the shortlists of suppliers pre-built per CPV code: the same rule, and in the XLSX the
    # text is a string cell, never a formula
    for shortlist_csv in (builds[(mode, True)] / "podmioty" / "wykaz").glob("*.csv"):
        rows = list(csv.reader(io.StringIO(shortlist_csv.read_text(encoding="utf-8-sig"))))
        cells += [cell for row in rows[1:] for cell in row]
    workbook = openpyxl.load_workbook(builds[(mode, True)] / "podmioty" / "wykaz" / "wykaz-cpv-55520000.xlsx")
    values = [cell for row in workbook["Wykaz"].iter_rows() for cell in row]
    assert any(cell.value == HOSTILE and cell.data_type == "s" for cell in values)
    assert "'" + HOSTILE in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    for document in ("podmioty.json", "katalog.json", "certyfikaty.json"):
        assert HOSTILE in strings(json.loads((folder / document).read_text(encoding="utf-8")))


@pytest.mark.parametrize("mode", MODES)
def test_calendars_parse_and_keep_the_text(builds, mode):
    from icalendar import Calendar

    files = list(builds[(mode, True)].rglob("*.ics"))
    assert len(files) == 2
    for file in files:
        calendar = Calendar.from_ical(file.read_bytes())
        events = list(calendar.walk("VEVENT"))
        assert [str(e["SUMMARY"]) for e in events] == [HOSTILE]
        assert str(events[0]["DESCRIPTION"]).startswith(HOSTILE_LINES)


def feed_shapes(output: Path) -> list:
    """The elements and attribute names of the HTML in every feed entry's summary and content
    (what a feed reader renders as HTML)."""
    atom = "{http://www.w3.org/2005/Atom}"
    shapes = []
    for feed in sorted((output / "feeds").glob("*.xml")):
        for entry in ET.parse(feed).getroot().iter(f"{atom}entry"):
            for part in ("summary", "content"):
                element = entry.find(f"{atom}{part}")
                inner = Shape()
                inner.feed(element.text if element is not None and element.text else "")
                shapes.append(tuple(inner.shape))
    return shapes


@pytest.mark.parametrize("mode", MODES)
def test_feeds_svg_and_sitemap_parse_and_carry_no_live_markup(builds, mode):
    output = builds[(mode, True)]
    shapes = feed_shapes(output)
    assert shapes and shapes == feed_shapes(builds[(mode, False)])
    assert not [
        tag for entry in shapes for tag, _ in entry if tag in ("script", "iframe", "title", "textarea")
    ]
    for svg in list(output.rglob("znak.svg")) + list(output.rglob("qr.svg")):
        root = ET.parse(svg).getroot()
        assert not [e for e in root.iter() if e.tag.endswith("script")]
    ET.parse(output / "sitemap.xml")


def test_clause_documents_hold_the_text_exactly(builds):
    """The buyers' guide's ODT and DOCX files: hostile text is text in them, whole."""
    import docx
    from odf import teletype
    from odf import text as odf_text
    from odf.opendocument import load

    folder = builds[("html", True)] / "dla-zamawiajacych" / "klauzule"
    paragraphs = [p.text for p in docx.Document(folder / "klauzula.docx").paragraphs]
    assert HOSTILE in paragraphs and any(HOSTILE_LINES.split("\n")[0] in p for p in paragraphs)
    document = load(str(folder / "klauzula.odt"))
    texts = [teletype.extractText(p) for p in document.getElementsByType(odf_text.P)]
    assert any(HOSTILE in t for t in texts)
