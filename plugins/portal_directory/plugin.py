"""portal_directory: entities (PES/PS) and support centres (OWES), listings, open data.

Signals:
- ``initialized``: URL settings' defaults and vocabularies for templates.
- ``get_generators``: adds DirectoryGenerator (profiles, listing pages, /dane/ files).
Content kinds registered with portal_content: ``entity`` (content/podmioty/*.md) and
``owes`` (content/owes/*.md), sharing one slug namespace; a cross-file checker validates
powiats and subregions against content/region/wielkopolska.yaml, parent bodies of
reintegration units, one OWES per subregion and profile photos.
Settings read: ENTITY_URL, ENTITY_SAVE_AS, OWES_URL, OWES_SAVE_AS, DIRECTORY_URL,
OWES_INDEX_URL, OPEN_DATA_URL, SITE_ADDRESS (absolute links in open data).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from portal_content.problems import Problem, display_path
from portal_content.validate import (
    Kind,
    Record,
    check_named_image,
)

from .region import REGION_FILE, load_region
from .schema import EntityMeta, OwesMeta
from .vocabulary import BENEFICIARIES, LEGAL_FORMS, LEGAL_FORMS_PLURAL, OFFER_CATEGORIES, REINTEGRATION_UNITS


def check_directory(records: list[Record], settings: dict[str, Any]) -> list[Problem]:
    content_root = Path(settings["PATH"])
    region, problems = load_region(content_root)
    entities = [r for r in records if r.kind == "entity"]
    owes = [r for r in records if r.kind == "owes"]
    if region is None:
        return problems
    for record in entities:
        meta: Any = record.meta
        shown = display_path(record.path)
        if region.powiat(meta.powiat) is None:
            problems.append(
                Problem(
                    shown,
                    record.doc.line_for(("powiat",)),
                    "powiat",
                    f"nieznany powiat „{meta.powiat}”; {region.suggest_powiat(meta.powiat)}",
                )
            )
        if meta.legal_form in REINTEGRATION_UNITS and meta.parent_body is None:
            problems.append(
                Problem(
                    shown,
                    record.doc.line_for(("legal_form",)),
                    "parent_body",
                    f"{LEGAL_FORMS[meta.legal_form]} działa w ramach podmiotu prowadzącego; dopisz 'parent_body:' z polem 'name:', np. name: Stowarzyszenie Przykładowe",
                )
            )
        for index, photo in enumerate(meta.photos):
            message = check_named_image(content_root, photo.src, settings)
            if message:
                problems.append(
                    Problem(
                        shown, record.doc.line_for(("photos", index, "src")), f"photos[{index}].src", message
                    )
                )
    seen: dict[str, Record] = {}
    for record in owes:
        meta = record.meta
        shown = display_path(record.path)
        subregion = region.subregion(meta.subregion)
        if subregion is None:
            problems.append(
                Problem(
                    shown,
                    record.doc.line_for(("subregion",)),
                    "subregion",
                    f"nieznany subregion „{meta.subregion}”; wpisz jeden z: {region.suggest_subregion()}",
                )
            )
        elif subregion.slug in seen:
            problems.append(
                Problem(
                    shown,
                    record.doc.line_for(("subregion",)),
                    "subregion",
                    f"subregion {subregion.name} ma już ośrodek w {display_path(seen[subregion.slug].path)}; każdy subregion ma jeden OWES",
                )
            )
        else:
            seen[subregion.slug] = record
    return problems


def setup(pelican) -> None:
    settings = pelican.settings
    settings.setdefault("JINJA_GLOBALS", {}).update(
        LEGAL_FORMS=LEGAL_FORMS,
        LEGAL_FORMS_PLURAL=LEGAL_FORMS_PLURAL,
        OFFER_CATEGORIES=OFFER_CATEGORIES,
        BENEFICIARIES=BENEFICIARIES,
    )


# What the directory declares (the wiring, portal_site, registers it): entities and OWES
# share one slug namespace; the region file is a data file the checker reads itself.
KINDS = [Kind("entity", "podmioty", EntityMeta, "directory"), Kind("owes", "owes", OwesMeta, "directory")]
CHECKERS = [check_directory]
DATA_FILES = [("PATH", REGION_FILE.as_posix())]
