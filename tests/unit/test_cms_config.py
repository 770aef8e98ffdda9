"""The CMS form (Decap's config.yml, plugins/portal_cms) agrees with the content schemas.

Every field of every schema is walked next to the generated form: the same name, a Polish
label, the same required flag, the schema's description as the hint, the same choices,
the same length limit (checked by running the form's pattern), the same bounds, and a
choice of existing items wherever a model declares a relation. A field added to a schema
without its label, or a relation the form would take as free text, fails here.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from portal_cms import config as cms
from portal_cms.labels import LABELS
from portal_cms.policy import admin_policy
from portal_content.schema import Strict, Text
from portal_content.validate import KINDS, Kind
from portal_site import register_content
from pydantic import Field
from sitebuild import ROOT

register_content()

SETTINGS = {
    "PATH": str(ROOT / "content"),
    "CATALOGUE_PATH": str(ROOT / "catalogue"),
    "CMS_REPOSITORY_ROOT": None,
    "CMS_BACKEND": {"name": "gitlab", "repo": "rops/portal-es", "branch": "main"},
    "CMS_PUBLISH_MODE": "editorial_workflow",
    "CMS_LOCAL_BACKEND": None,
    "SITEURL": "",
}
CHOICES = {
    "entity": [{"value": "pyrlandia", "label": "Pyrlandia (pyrlandia)"}],
    "owes": [{"value": "owes-poznanski", "label": "OWES (owes-poznanski)"}],
    "news": [{"value": "gala", "label": "Gala (gala)"}],
    **cms.EXTRA_CHOICES,
}


def generated() -> dict[str, Any]:
    return cms.cms_config(SETTINGS, CHOICES)


def _resolve(prop: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    if "anyOf" in prop:
        options = [p for p in prop["anyOf"] if p.get("type") != "null"]
        if len(options) == 1:
            prop = {**options[0], **{k: v for k, v in prop.items() if k != "anyOf"}}
    if "$ref" in prop:
        prop = {**defs[prop["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in prop.items() if k != "$ref"}}
    return prop


def _compare(
    kind: str,
    where: str,
    schema_object: dict[str, Any],
    fields: list[dict],
    defs: dict,
    optional: bool = False,
) -> list[str]:
    """Every disagreement between the schema's properties and the form's fields, as sentences.
    Inside an optional object (``optional``) the form requires nothing: Decap would refuse
    to save when the editor leaves the whole object empty; the hint says when it is needed."""
    wrong: list[str] = []
    by_name = {field["name"]: field for field in fields}
    required = set(schema_object.get("required", []))
    relations = cms.relation_targets()
    for name, raw in schema_object.get("properties", {}).items():
        at = f"{kind}: {where}{name}"
        if name in cms.OMITTED:
            if name in by_name:
                wrong.append(f"{at}: omitted field is in the form")
            continue
        field = by_name.get(name)
        if field is None:
            wrong.append(f"{at}: no field in the form")
            continue
        prop = _resolve(raw, defs)
        if field["label"] != LABELS.get(name):
            wrong.append(f"{at}: label {field['label']!r} is not the Polish label")
        expected_required = name in required and not optional
        if field.get("required") != expected_required:
            wrong.append(f"{at}: required={field.get('required')} but the schema says {name in required}")
        description = raw.get("description") or prop.get("description")
        if description and not (field.get("hint") or "").startswith(description):
            wrong.append(f"{at}: hint {field.get('hint')!r} is not the schema's description")
        if optional and name in required and "Obowiązkowe, gdy wypełniasz" not in field.get("hint", ""):
            wrong.append(f"{at}: required inside an optional object, but the hint does not say so")
        if (kind, name) in relations:
            if field["widget"] not in {"relation", "select"}:
                wrong.append(f"{at}: names another item but the form takes free text ({field['widget']})")
            continue
        items = _resolve(prop.get("items", {}), defs) if prop.get("type") == "array" else None
        enum = (items or prop).get("enum")
        if enum is not None:
            values = [option["value"] for option in field.get("options", [])]
            expected = [o["value"] for o in (items or prop).get("x-options", [])] or list(enum)
            if values != expected:
                wrong.append(f"{at}: choices {values} differ from the schema's {expected}")
            if not set(values) <= set(enum):
                wrong.append(f"{at}: the form offers values the schema refuses")
        limit = prop.get("maxLength")
        if limit:
            pattern = re.compile(field.get("pattern", [""])[0])
            if not pattern.match("ą" * limit) or pattern.match("ą" * (limit + 1)):
                wrong.append(f"{at}: the form's pattern does not hold the limit of {limit} characters")
        for key, name_in_form in (("minimum", "min"), ("maximum", "max"), ("minItems", "min")):
            if key in prop and field.get(name_in_form) != prop[key]:
                wrong.append(
                    f"{at}: {key}={prop[key]} but the form has {name_in_form}={field.get(name_in_form)}"
                )
        if items is not None and "properties" in items:
            wrong += _compare(kind, f"{where}{name}.", items, field.get("fields", []), defs)
        elif "properties" in prop:
            inner_optional = optional or name not in required
            wrong += _compare(kind, f"{where}{name}.", prop, field.get("fields", []), defs, inner_optional)
    for name in by_name:
        if name not in schema_object.get("properties", {}) and not (name == "body" and where == ""):
            wrong.append(f"{kind}: {where}{name}: in the form but not in the schema")
    return wrong


def test_every_kind_has_a_collection_and_every_field_agrees_with_its_schema():
    config = generated()
    collections = {c["name"]: c for c in config["collections"]}
    wrong = []
    for collection in cms.COLLECTIONS:
        assert collection.kind in KINDS, f"COLLECTIONS names an unknown kind {collection.kind}"
    assert {c.kind for c in cms.COLLECTIONS} == set(KINDS), "every content kind is editable in the CMS"
    for collection in cms.COLLECTIONS:
        schema = KINDS[collection.kind].model.model_json_schema()
        fields = collections[collection.name]["fields"]
        wrong += _compare(collection.kind, "", schema, fields, schema.get("$defs", {}))
    assert wrong == []


def test_a_field_added_to_a_schema_appears_in_the_form_with_its_flag_hint_and_limit():
    class WithNewField(KINDS["news"].model):
        venue: Text = Field(description="Miejsce wydarzenia, o którym mowa.", max_length=90)

    LABELS["venue"] = "Miejsce"
    try:
        kind = Kind("news", "aktualnosci", WithNewField, "news")
        form = cms.collection_config(cms.COLLECTIONS[0], kind, SETTINGS, CHOICES)
    finally:
        del LABELS["venue"]
    field = next(f for f in form["fields"] if f["name"] == "venue")
    assert field["required"] is True
    assert field["hint"] == "Miejsce wydarzenia, o którym mowa."
    assert re.match(field["pattern"][0], "x" * 90) and not re.match(field["pattern"][0], "x" * 91)
    assert field["pattern"][1] == "najwyżej 90 znaków"


def test_a_field_without_a_polish_label_stops_the_generation():
    class Unlabelled(Strict):
        title: Text = Field(description="Tytuł.")
        colour_of_the_sky: Text = Field(description="Kolor.")

    kind = Kind("news", "aktualnosci", Unlabelled, "news")
    with pytest.raises(KeyError, match="colour_of_the_sky"):
        cms.collection_config(cms.COLLECTIONS[0], kind, SETTINGS, CHOICES)


def test_new_items_get_the_file_names_of_make_new():
    config = generated()
    for collection in cms.COLLECTIONS:
        form = next(c for c in config["collections"] if c["name"] == collection.name)
        kind = KINDS[collection.kind]
        name = form["path"] if "path" in form else form["slug"].replace("fields.", "")
        written = f"{form['folder']}/{name}.{form['extension']}".replace("{{", "{").replace("}}", "}")
        assert written == cms.NEW_FILES[collection.kind], collection.kind
        assert form["extension"] == kind.suffix.lstrip(".")


def test_relations_choose_existing_items():
    config = generated()
    product = next(c for c in config["collections"] if c["name"] == "katalog")
    maker = next(f for f in product["fields"] if f["name"] == "maker")
    assert (
        maker["widget"] == "relation"
        and maker["collection"] == "podmioty"
        and maker["value_field"] == "{{slug}}"
    )
    event = next(c for c in config["collections"] if c["name"] == "wydarzenia")
    organiser = next(f for f in event["fields"] if f["name"] == "organiser")
    assert [o["value"] for o in organiser["options"]] == ["rops", "pyrlandia", "owes-poznanski"]
    edition = next(c for c in config["collections"] if c["name"] == "certyfikacja")
    certificates = next(f for f in edition["fields"] if f["name"] == "certificates")
    entity = next(f for f in certificates["fields"] if f["name"] == "entity")
    assert entity["widget"] == "relation" and entity["collection"] == "podmioty"


def test_photos_upload_to_the_folders_of_the_guide_with_alt_text_required():
    config = generated()
    folders = {c["name"]: (c.get("media_folder"), c.get("public_folder")) for c in config["collections"]}
    assert folders["aktualnosci"] == ("/content/images/aktualnosci", "images/aktualnosci")
    assert folders["katalog"] == ("/catalogue", "")  # beside the product's file
    guide = (ROOT / "docs" / "redakcja.md").read_text(encoding="utf-8")
    for name in ("content/images/aktualnosci/", "content/images/podmioty/", "content/images/filmy/"):
        assert name in guide
    product = next(c for c in config["collections"] if c["name"] == "katalog")
    photos = next(f for f in product["fields"] if f["name"] == "photos")
    assert photos["min"] == 1
    assert {f["name"]: (f["widget"], f["required"]) for f in photos["fields"]} == {
        "src": ("image", True),
        "alt": ("text", True),
    }


def test_the_admin_policy_allows_the_cms_and_nothing_the_public_pages_need_not():
    local = admin_policy({**SETTINGS, "CMS_LOCAL_BACKEND": "http://127.0.0.1:8081/api/v1"})
    assert "connect-src 'self' blob: data: http://127.0.0.1:8081;" in local
    production = admin_policy(
        {**SETTINGS, "CMS_BACKEND": {**SETTINGS["CMS_BACKEND"], "base_url": "https://git.example.org"}}
    )
    assert "https://git.example.org" in production and "127.0.0.1" not in production
    assert "'unsafe-inline'" not in production.split("script-src", 1)[1].split(";", 1)[0]
    assert "frame-ancestors 'none'" in production and "object-src 'none'" in production
    public = (ROOT / "deploy" / "content-security-policy.txt").read_text()
    assert "'unsafe-eval'" not in public and "'unsafe-inline'" not in public
