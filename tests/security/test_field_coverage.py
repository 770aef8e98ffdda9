"""Every free-text and URL field of every content type is in the hostile site, so the
hostile-input tests cover a field from the day it is added to a schema."""

from __future__ import annotations

import pytest
from hostilesite import HOSTILE, HOSTILE_LINES, HOSTILE_URL, MATERIAL_WORD, documents
from portal_content.schema import _URL_RE
from portal_content.validate import KINDS
from portal_site import register_content

# fields whose text is checked against a format (identifiers, numbers, contact details)
# or names a file (contained and typed by tests/unit/test_content_files.py)
FORMATTED = {
    "email",
    "phone",
    "contact_email",
    "contact_phone",
    "postal_code",
    "krs",
    "nip",
    "regon",
    "number",
    "renews",
    "video_id",
    "powiat",  # names checked against content/region/wielkopolska.yaml
    "gmina",  # names checked against the region file's gminas
    "gminy",  # a publication's area: gminas of the region file
    "counterpart",  # an English page's Polish page: a file name, checked (portal_english)
    "subregion",
    "area_served",
    "powiaty",  # a publication's area: powiats of the region file
    "group",  # a committee or working group's file name (portal_coordination)
    "minutes",  # a publication's file name  # a powiat, a subregion or a whole, checked against the region file
    "cpv",  # codes: form and check digit (portal_procurement.cpv), known in content/zamowienia/cpv.yaml
}
FILES = {"src", "file", "document"}
FILE_OF_KIND = {
    "news": "content/aktualnosci/2026/wiadomosc.md",
    "page": "content/strony/deklaracja.md",
    "entity": "content/podmioty/proba.md",
    "owes": "content/owes/owes-proba.md",
    "product": ("catalogue/brelok-proba.yaml", "catalogue/konfitura-proba.yaml"),  # and food
    "edition": "content/zakup-prospoleczny/2025.yaml",
    "film": "content/filmy/film-proba.md",
    "event": "content/wydarzenia/2026/spotkanie.md",
    "publication": "content/wiedza/publikacja.md",
    "monitoring": "content/monitoring/2025.yaml",
    "body": "content/koordynacja/grupa.md",
    "etr": "content/tekst-latwy/strona.md",
    "en_page": "content/en/strona.md",
}


def text_fields(schema: dict, node: dict, path: tuple = ()) -> list[tuple[tuple, str]]:
    """(path, "text" | "url") of every free-text and URL property, lists as their first item."""
    if "$ref" in node:
        return text_fields(schema, schema["$defs"][node["$ref"].rsplit("/", 1)[1]], path)
    for key in ("anyOf", "oneOf"):
        if key in node:
            return [found for option in node[key] for found in text_fields(schema, option, path)]
    if node.get("type") == "object" or "properties" in node:
        return [
            found
            for name, child in node.get("properties", {}).items()
            if name not in FORMATTED | FILES and "markdown" not in child.get("description", "").lower()
            for found in text_fields(schema, child, (*path, name))
        ]
    if node.get("type") == "array":
        return text_fields(schema, node.get("items", {}), (*path, 0))
    if node.get("type") == "string" and not {"enum", "const", "format"} & node.keys():
        if node.get("pattern") == _URL_RE.pattern:
            return [(path, "url")]
        if "pattern" not in node:
            return [(path, "text")]
    return []


@pytest.fixture(autouse=True)
def kinds():
    register_content()


def test_every_kind_has_a_hostile_file():
    assert set(KINDS) == set(FILE_OF_KIND)


@pytest.mark.parametrize("kind", sorted(FILE_OF_KIND))
def test_every_text_and_url_field_holds_the_hostile_value(kind):
    schema = KINDS[kind].model.model_json_schema()
    fields = text_fields(schema, schema)
    assert fields, kind
    files = FILE_OF_KIND[kind] if isinstance(FILE_OF_KIND[kind], tuple) else (FILE_OF_KIND[kind],)
    missing = []
    for path, what in fields:
        expected = {HOSTILE_URL} if what == "url" else {HOSTILE, HOSTILE_LINES}
        if path[0] == "materials":  # begins with a word of the vocabulary, then free text
            expected = {MATERIAL_WORD + HOSTILE}
        if not any(value_at(documents(True)[file], path) in expected for file in files):
            missing.append(".".join(map(str, path)))
    assert missing == []


def value_at(data, path: tuple):
    value = data
    for part in path:
        value = value[part] if isinstance(value, dict) and part in value or isinstance(value, list) else None
        if value is None:
            break
    return value
