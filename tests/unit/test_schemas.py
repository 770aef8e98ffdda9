"""The published JSON Schemas are current and accept the real content."""

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from portal import main as portal_main
from portal_content.validate import KINDS, content_files, load
from portal_site import register_content

ROOT = Path(__file__).resolve().parents[2]
register_content()


def test_committed_schemas_are_up_to_date(tmp_path):
    assert (
        portal_main(["schemas", "--out", str(tmp_path), "--snippets", str(tmp_path / "snippets.json")]) == 0
    )
    assert (tmp_path / "snippets.json").read_text(encoding="utf-8") == (
        ROOT / ".vscode" / "portal.code-snippets"
    ).read_text(encoding="utf-8"), "run `make schemas`: .vscode/portal.code-snippets"
    snippets = json.loads((tmp_path / "snippets.json").read_text(encoding="utf-8"))
    assert {
        "aktualnosci: category",
        "wydarzenia: organiser",
        "podmioty: legal_form",
        "filmy: video_id",
    } <= set(snippets)
    (tmp_path / "snippets.json").unlink()
    fresh = sorted(p.name for p in tmp_path.iterdir())
    assert fresh == sorted(p.name for p in (ROOT / "schemas").glob("*.schema.json"))
    for name in fresh:
        assert (tmp_path / name).read_text(encoding="utf-8") == (ROOT / "schemas" / name).read_text(
            encoding="utf-8"
        ), f"run `make schemas`: {name}"


def _plain(data):
    return json.loads(json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v)))


FILES = content_files({"PATH": ROOT / "content", "CATALOGUE_PATH": ROOT / "catalogue"})


@pytest.mark.parametrize("path,kind", FILES, ids=lambda v: v.name if isinstance(v, Path) else v)
def test_real_files_validate_against_the_published_schema(path, kind):
    schema = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    record = load(path, kind)
    jsonschema.validate(_plain(record.doc.data), schema, cls=jsonschema.Draft202012Validator)


def test_schema_rejects_what_the_build_rejects():
    schema = json.loads((ROOT / "schemas" / "product.schema.json").read_text(encoding="utf-8"))
    record = load(ROOT / "catalogue" / "brelok-pyra.yaml", "product")
    data = _plain(record.doc.data)
    for change in ({"vat": 7}, {"category": "kubki"}, {"cena": 1}, {"min_order": 0}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**data, **change}, schema, cls=jsonschema.Draft202012Validator)
    assert set(KINDS) == {
        "news",
        "page",
        "entity",
        "owes",
        "product",
        "edition",
        "film",
        "event",
        "publication",
        "monitoring",
        "body",
        "etr",
        "en_page",
    }
