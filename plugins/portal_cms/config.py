"""The Decap CMS configuration, generated from the content schemas.

Every form field comes from the JSON Schema of its kind (``Kind.model.model_json_schema()``,
the schema ``make check`` validates with and ``make schemas`` publishes): required flag,
choices (``enum``, with the labels of ``x-options`` where the schema gives them), limits
(``maxLength`` as a pattern with a Polish message, ``minimum``/``maximum``, ``minItems``),
date formats, and the Polish description as the hint. What a schema cannot say is here,
in one table per concern:

- ``COLLECTIONS``: where each kind's files live and how a new one is named (the same names
  as ``make new-...``: tools/scaffold.py reads ``NEW_FILES``), the folders photos upload to;
- ``labels.LABELS``: the Polish label of each field name;
- ``relation_targets``: which fields name another content item (from each model's
  ``RELATIONS``), offered as a choice of the existing items;
- ``OMITTED``: schema fields the form leaves out, each with its reason.

tests/unit/test_cms_config.py walks every schema and fails when the configuration and the
schema disagree on any field.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portal_directory.vocabulary import LEGAL_FORMS

from .labels import CHOICE_LABELS, LABELS

# Where each kind's new files go: the same pattern as `make new-...` (tools/scaffold.py).
NEW_FILES: dict[str, str] = {
    "news": "content/aktualnosci/{year}/{slug}.md",
    "entity": "content/podmioty/{slug}.md",
    "owes": "content/owes/{slug}.md",
    "product": "catalogue/{slug}.yaml",
    "film": "content/filmy/{slug}.md",
    "event": "content/wydarzenia/{year}/{slug}.md",
    "page": "content/strony/{slug}.md",
    "edition": "content/zakup-prospoleczny/{year}.yaml",
    "publication": "content/wiedza/{slug}.md",
    "monitoring": "content/monitoring/{year}.yaml",
    "body": "content/koordynacja/{slug}.md",
    "etr": "content/tekst-latwy/{slug}.md",
    "en_page": "content/en/{slug}.md",
}


@dataclass(frozen=True)
class Collection:
    kind: str
    name: str  # the collection's address in the CMS (#/collections/<name>)
    label: str
    label_singular: str
    identifier: str = "title"  # the field a new file is named after
    media: str | None = None  # folder photos upload to, relative to the repository
    public: str | None = None  # how the field names an uploaded photo (relative to its root)
    summary: str = "{{title}}"
    description: str = ""


COLLECTIONS: tuple[Collection, ...] = (
    Collection(
        "news",
        "aktualnosci",
        "Aktualności",
        "Aktualność",
        media="content/images/aktualnosci",
        public="images/aktualnosci",
        summary="{{title}} ({{date}})",
        description="Aktualności portalu. Nowa aktualność trafia do content/aktualnosci/<rok>/.",
    ),
    Collection(
        "event",
        "wydarzenia",
        "Wydarzenia",
        "Wydarzenie",
        media="content/images/wydarzenia",
        public="images/wydarzenia",
        summary="{{title}} ({{start}})",
    ),
    Collection(
        "product",
        "katalog",
        "Katalog pamiątek",
        "Produkt",
        identifier="name",
        media="catalogue",
        public="",
        summary="{{name}}",
        description="Produkty marki. Zdjęcia zapisują się obok pliku produktu w catalogue/.",
    ),
    Collection(
        "entity",
        "podmioty",
        "Podmioty ekonomii społecznej",
        "Podmiot",
        identifier="name",
        media="content/images/podmioty",
        public="images/podmioty",
        summary="{{name}}",
    ),
    Collection("owes", "owes", "Ośrodki wsparcia (OWES)", "Ośrodek", identifier="name", summary="{{name}}"),
    Collection(
        "film",
        "filmy",
        "Filmy",
        "Film",
        media="content/images/filmy",
        public="images/filmy",
    ),
    Collection("page", "strony", "Strony", "Strona"),
    Collection(
        "body",
        "koordynacja",
        "Komitet i grupy robocze",
        "Komitet lub grupa",
        identifier="name",
        summary="{{name}}",
        description="Regionalny Komitet i grupy robocze: cel, skład (instytucje i role, bez danych osobowych).",
    ),
    Collection(
        "etr",
        "tekst-latwy",
        "Tekst łatwy do czytania",
        "Strona w tekście łatwym",
        summary="{{order}}. {{title}}",
        description="Strony w tekście łatwym do czytania: krótkie zdania, jedna myśl w zdaniu, proste słowa, bez skrótów. Po zapisaniu make check podpowie, co uprościć.",
    ),
    Collection(
        "en_page",
        "english",
        "Strony po angielsku (English)",
        "Strona po angielsku",
        summary="{{title}}",
        description="Strony w języku angielskim (/en/); home.md to angielska strona główna. Pole counterpart: polska strona z tą samą treścią.",
    ),
    Collection(
        "monitoring",
        "monitoring",
        "Monitoring: dane roczne",
        "Rok danych",
        identifier="year",
        summary="Rok {{year}}",
        description="Dane monitoringu za rok: 35 powiatów, formy prawne, źródło i definicja.",
    ),
    Collection(
        "publication",
        "wiedza",
        "Wiedza: publikacje",
        "Publikacja",
        media="content/pliki/wiedza",
        public="pliki/wiedza",
        summary="{{title}} ({{date}})",
        description="Raporty, diagnozy, ewaluacje, uchwały. Pliki (PDF, ODT, DOCX, XLSX) zapisują się w content/pliki/wiedza/.",
    ),
    Collection(
        "edition",
        "certyfikacja",
        "Edycje „Zakup Prospołeczny”",
        "Edycja",
        identifier="year",
        summary="Edycja {{year}}",
    ),
)

# Choices that are not content items (an event organised by ROPS itself).
EXTRA_CHOICES: dict[str, list[dict[str, str]]] = {
    "rops": [{"value": "rops", "label": "ROPS w Poznaniu (rops)"}],
}
# (kind, field) -> the extra choices it offers besides the items of its kinds
EXTRA_FOR: dict[tuple[str, str], str] = {("event", "organiser"): "rops"}

# Values a new item starts with (as `make new-...` writes them): a news item is dated now.
DEFAULTS: dict[tuple[str, str], Any] = {("news", "date"): "{{now}}", ("film", "published"): "{{now}}"}

# Mappings whose keys are a vocabulary (the schema has no fields for them): the form shows
# one number per key, with its label.
COUNTS_BY: dict[tuple[str, str], dict[str, str]] = {("monitoring", "by_form"): LEGAL_FORMS}

# Fields that name a document the editor uploads (to the collection's media folder).
FILE_FIELDS = {"document"}

# Schema fields the form does not show, and why.
OMITTED: dict[str, str] = {
    "slug": "the address is the file name, which the CMS makes from the title as make new-... does; "
    "a different slug would break the links other files make to the item",
}

# Long texts: a text area instead of one line (besides every field whose limit is over 160
# characters; fields described as Markdown get the Markdown editor).
TEXT_FIELDS = {"summary", "description", "story", "mission", "note", "accessibility", "operator"}
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$"
MAX_LINE = 160


def relation_targets() -> dict[tuple[str, str], tuple[str, ...]]:
    """(kind, field name) -> the kinds it names, from the models' RELATIONS (every class that
    declares them), so a relation added to a model reaches the form. Certificates live
    inside an edition's file: their relations are fields of the edition's form."""
    from portal_content.relations import Ref, Related

    found: dict[tuple[str, str], tuple[str, ...]] = {}
    classes, seen = list(Related.__subclasses__()), set()
    while classes:
        cls = classes.pop()
        if cls in seen:
            continue
        seen.add(cls)
        classes.extend(cls.__subclasses__())
        kind = getattr(cls, "KIND", None) or CONTAINED_IN.get(cls.__name__)
        for relation in cls.__dict__.get("RELATIONS", {}).values():
            if isinstance(relation, Ref) and kind:
                found[(kind, relation.field)] = relation.kinds
    return found


# Models without a file of their own: the kind whose file holds them.
CONTAINED_IN = {"CertificateRecord": "edition"}


class _Builder:
    def __init__(self, kind: str, schema: dict[str, Any], choices: dict[str, list[dict[str, str]]]) -> None:
        self.kind = kind
        self.defs = schema.get("$defs", {})
        self.choices = choices  # kind -> options of its items (for relations)
        self.relations = relation_targets()
        # inside an optional object (a news item's photo, an event's place): Decap checks the
        # required fields of an object the editor left empty too and refuses to save, so
        # there they are optional in the form; `make check` still requires them (e.g. the
        # alt text of a photo that is given) and says so in the merge request
        self.optional_parent: str | None = None

    def resolve(self, prop: dict[str, Any]) -> dict[str, Any]:
        """The property without $ref and without its null alternative."""
        if "anyOf" in prop:
            options = [p for p in prop["anyOf"] if p.get("type") != "null"]
            merged = {k: v for k, v in prop.items() if k != "anyOf"}
            if len(options) == 1:
                prop = {**options[0], **merged}
        if "$ref" in prop:
            target = self.defs[prop["$ref"].rsplit("/", 1)[-1]]
            prop = {**target, **{k: v for k, v in prop.items() if k != "$ref"}}
        return prop

    def fields(self, properties: dict[str, Any], required: list[str]) -> list[dict[str, Any]]:
        return [
            self.field(name, prop, name in required)
            for name, prop in properties.items()
            if name not in OMITTED
        ]

    def field(self, name: str, raw: dict[str, Any], required: bool) -> dict[str, Any]:
        prop = self.resolve(raw)
        parent = self.optional_parent
        out: dict[str, Any] = {"name": name, "label": LABELS[name], "required": required and parent is None}
        hint = raw.get("description") or prop.get("description") or ""
        if required and parent is not None:
            hint = f"{hint} Obowiązkowe, gdy wypełniasz „{LABELS[parent]}”.".strip()
        if hint:
            out["hint"] = hint
        if "default" in raw and raw["default"] not in (None, [], {}):
            out["default"] = raw["default"]
        if (self.kind, name) in DEFAULTS:
            out["default"] = DEFAULTS[(self.kind, name)]
        kinds = self.relations.get((self.kind, name))
        many = prop.get("type") == "array"
        if kinds:
            return {**out, **self.relation(name, kinds, many, prop)}
        if many:
            return {**out, **self.array(name, prop)}
        if not required and parent is None and (prop.get("type") == "object" or "properties" in prop):
            self.optional_parent = name
            try:
                return {**out, **self.scalar(name, prop)}
            finally:
                self.optional_parent = None
        return {**out, **self.scalar(name, prop)}

    def relation(self, name: str, kinds: tuple[str, ...], many: bool, prop: dict[str, Any]) -> dict[str, Any]:
        """A choice of existing items. One flat folder: Decap's relation widget, which reads
        the items live; several kinds or a dated folder: the items of the last build."""
        spec: dict[str, Any] = {}
        if many:
            spec["min"] = prop.get("minItems", 0)
        collection = next((c for c in COLLECTIONS if c.kind == kinds[0]), None)
        if len(kinds) == 1 and collection is not None and "{year}" not in NEW_FILES[kinds[0]]:
            spec.update(
                widget="relation",
                collection=collection.name,
                value_field="{{slug}}",
                search_fields=[collection.identifier],
                display_fields=[collection.identifier],
            )
        else:
            extra = EXTRA_FOR.get((self.kind, name), "")
            options = [
                *self.choices.get(extra, []),
                *(o for kind in kinds for o in self.choices.get(kind, [])),
            ]
            spec.update(widget="select", options=options)
        if many:
            spec["multiple"] = True
        return spec

    def array(self, name: str, prop: dict[str, Any]) -> dict[str, Any]:
        items = self.resolve(prop.get("items", {}))
        spec: dict[str, Any] = {"widget": "list"}
        if prop.get("minItems"):
            spec["min"] = prop["minItems"]
        if "enum" in items:
            return {"widget": "select", "multiple": True, "options": self.options(items), **_min(prop)}
        if items.get("type") == "object" or "properties" in items:
            if set(items.get("properties", {})) >= {"src", "alt"}:  # photos: the file and its alt text
                spec["fields"] = self.image_fields(items)
            else:
                spec["fields"] = self.fields(items.get("properties", {}), items.get("required", []))
            if name == "photos":
                spec["summary"] = "{{fields.alt}}"
            spec["label_singular"] = {"photos": "zdjęcie", "certificates": "certyfikat"}.get(name, "pozycję")
            return spec
        spec["field"] = {"name": "item", "label": LABELS[name], "widget": "string"}
        return spec

    def options(self, prop: dict[str, Any]) -> list[dict[str, Any]]:
        if "x-options" in prop:
            return list(prop["x-options"])
        return [
            {"value": value, "label": CHOICE_LABELS.get(str(value), str(value))} for value in prop["enum"]
        ]

    def scalar(self, name: str, prop: dict[str, Any]) -> dict[str, Any]:
        kind = prop.get("type")
        if (self.kind, name) in COUNTS_BY:
            keys = COUNTS_BY[(self.kind, name)]
            return {
                "widget": "object",
                "collapsed": True,
                "fields": [
                    {
                        "name": key,
                        "label": label,
                        "required": False,
                        "widget": "number",
                        "value_type": "int",
                        "min": 0,
                    }
                    for key, label in keys.items()
                ],
            }
        if "enum" in prop:
            return {"widget": "select", "options": self.options(prop)}
        if kind == "object" or "properties" in prop:
            if name in {"image", "poster"} or (set(prop.get("properties", {})) >= {"src", "alt"}):
                return {"widget": "object", "fields": self.image_fields(prop)}
            return {
                "widget": "object",
                "collapsed": False,
                "fields": self.fields(prop.get("properties", {}), prop.get("required", [])),
            }
        if kind == "boolean":
            return {"widget": "boolean"}
        if name in FILE_FIELDS:  # a document to upload (a publication's PDF ...)
            return {"widget": "file", "choose_url": False}
        if kind == "integer":
            return {"widget": "number", "value_type": "int", **_bounds(prop)}
        if kind == ["number", "string"] or kind == "number":
            return {"widget": "number", "value_type": "float", "min": 0, "step": 0.01}
        if kind == ["boolean", "string"]:  # a film's captions: set for films on a video host
            return {"widget": "boolean"}
        pattern = prop.get("pattern")
        if pattern == DATE_PATTERN:
            return {
                "widget": "datetime",
                "format": "YYYY-MM-DD",
                "date_format": "DD.MM.YYYY",
                "time_format": False,
            }
        if pattern == DATETIME_PATTERN:
            return {
                "widget": "datetime",
                "format": "YYYY-MM-DD HH:mm",
                "date_format": "DD.MM.YYYY",
                "time_format": "HH:mm",
                "picker_utc": False,
            }
        description = prop.get("description", "")
        limit = prop.get("maxLength")
        if "Markdown" in description:
            widget = "markdown"
        elif name in TEXT_FIELDS or (limit or 0) > MAX_LINE:
            widget = "text"
        else:
            widget = "string"
        spec: dict[str, Any] = {"widget": widget}
        if limit:
            spec["pattern"] = [rf"^[\s\S]{{0,{limit}}}$", f"najwyżej {limit} znaków"]
        elif pattern:
            spec["pattern"] = [pattern, f"wpisz w formie: {(prop.get('examples') or [''])[0]}".rstrip(": ")]
        return spec

    def image_fields(self, prop: dict[str, Any]) -> list[dict[str, Any]]:
        """A photo: the file (uploaded to the collection's folder) and its alt text, required
        (where the photo itself is: in an optional photo the check requires them)."""
        fields = []
        required = prop.get("required", [])
        for name, sub in prop.get("properties", {}).items():
            if name == "src":
                parent = self.optional_parent
                hint = sub.get("description", "")
                if parent is not None:
                    hint = f"{hint} Obowiązkowe, gdy wypełniasz „{LABELS[parent]}”."
                field = {
                    "name": "src",
                    "label": LABELS["src"],
                    "widget": "image",
                    "required": parent is None,
                    "choose_url": False,
                    "hint": hint,
                }
                fields.append(field)
            else:
                fields.append(self.field(name, sub, name in required))
        return fields


def _min(prop: dict[str, Any]) -> dict[str, Any]:
    return {"min": prop["minItems"]} if prop.get("minItems") else {}


def _bounds(prop: dict[str, Any]) -> dict[str, Any]:
    return {name: prop[key] for key, name in (("minimum", "min"), ("maximum", "max")) if key in prop}


@functools.cache
def _schema(model: Any) -> dict[str, Any]:
    """The model's JSON Schema, made once per process (the devserver builds many times)."""
    return model.model_json_schema()


def collection_config(
    collection: Collection, kind: Any, settings: dict[str, Any], choices: dict[str, list[dict[str, str]]]
) -> dict[str, Any]:
    schema = _schema(kind.model)
    builder = _Builder(collection.kind, schema, choices)
    root = Path(repository_root(settings))
    folder = os.path.relpath(Path(settings[kind.root]) / kind.folder, root).replace(os.sep, "/")
    pattern = NEW_FILES[collection.kind]  # e.g. content/aktualnosci/{year}/{slug}.md
    prefix = pattern[: pattern.index("{")]
    path = (
        pattern[len(prefix) :].rsplit(".", 1)[0].replace("{year}", "{{year}}").replace("{slug}", "{{slug}}")
    )
    config: dict[str, Any] = {
        "name": collection.name,
        "label": collection.label,
        "label_singular": collection.label_singular,
        "folder": folder,
        "extension": kind.suffix.lstrip("."),
        "format": "frontmatter" if kind.suffix == ".md" else "yaml",
        "create": True,
        "identifier_field": collection.identifier,
        "summary": collection.summary,
        "slug": "{{fields.year}}" if path == "{{year}}" else "{{slug}}",
    }
    if collection.description:
        config["description"] = collection.description
    if "/" in path:  # a file in a folder of its year
        config["path"] = path
    if collection.media is not None:
        media = os.path.relpath(root / collection.media, root).replace(os.sep, "/")
        config["media_folder"] = "/" + media if media != "." else "/"
        config["public_folder"] = collection.public
    fields = builder.fields(schema["properties"], schema.get("required", []))
    if kind.suffix == ".md":
        fields.append(
            {
                "name": "body",
                "label": "Treść",
                "widget": "markdown",
                "required": bool(kind.body_required),
                "hint": "Akapity oddziel pustą linią. Nagłówki od poziomu 2.",
            }
        )
    config["fields"] = fields
    return config


def repository_root(settings: dict[str, Any]) -> str:
    """The working copy the CMS writes into: CMS_REPOSITORY_ROOT, or the folder that holds
    the content and catalogue folders (a test's copy of a site, too)."""
    named = settings.get("CMS_REPOSITORY_ROOT")
    if named:
        return str(named)
    return os.path.commonpath(
        [os.path.dirname(settings["PATH"]), os.path.dirname(settings["CATALOGUE_PATH"])]
    )


def cms_config(settings: dict[str, Any], choices: dict[str, list[dict[str, str]]]) -> dict[str, Any]:
    """The whole configuration (config.yml) for the settings: backend, workflow, collections."""
    from portal_content.validate import KINDS

    from .policy import backend as backend_of

    backend = backend_of(settings)
    config: dict[str, Any] = {
        "locale": "pl",
        "backend": backend,
        "publish_mode": settings["CMS_PUBLISH_MODE"],
        "media_folder": os.path.relpath(Path(settings["PATH"]) / "images", repository_root(settings)).replace(
            os.sep, "/"
        ),
        "public_folder": "images",
        "omit_empty_optional_fields": True,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "site_url": settings.get("SITEURL") or "/",
        "show_preview_links": False,
        "search": True,
    }
    if settings.get("CMS_LOCAL_BACKEND"):
        config["local_backend"] = {
            "url": settings["CMS_LOCAL_BACKEND"],
            "allowed_hosts": ["127.0.0.1", "localhost"],
        }
    config["collections"] = [
        collection_config(collection, KINDS[collection.kind], settings, choices)
        for collection in COLLECTIONS
        if collection.kind in KINDS
    ]
    return config
