"""portal_directory: entities (PES/PS) and support centres (OWES), listings, open data.

Handlers (wired by portal_site):
- ``setup`` (``initialized``): vocabularies for templates.
- ``get_generators`` (generator.py): adds DirectoryGenerator (profiles, listing pages,
  /dane/ files).
Declares the content kinds ``entity`` (content/podmioty/*.md) and ``owes``
(content/owes/*.md), sharing one slug namespace, and an entity's relations (its products,
certificates, films and events); the rules of ``check_directory`` validate
powiats, gminas and subregions (also of the areas an entity serves and the gminas an OWES
also serves) against content/region/wielkopolska.yaml, parent bodies of
reintegration units, one OWES per subregion and profile photos.
Settings read: ENTITY_URL, ENTITY_SAVE_AS, OWES_URL, OWES_SAVE_AS, DIRECTORY_URL,
OWES_INDEX_URL, OPEN_DATA_URL, SITE_ADDRESS (absolute links in open data).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portal_content.problems import Problem, display_path
from portal_content.validate import (
    Kind,
    Record,
    Rules,
    check_named_image,
    rule,
)

from .region import REGION_FILE, load_region
from .schema import EntityMeta, OwesMeta
from .vocabulary import BENEFICIARIES, LEGAL_FORMS, LEGAL_FORMS_PLURAL, OFFER_CATEGORIES, REINTEGRATION_UNITS


@dataclass
class DirectoryFacts:
    region: Any
    problems: list[Problem]  # of the region file itself, reported first
    root: Path  # the content folder
    settings: dict[str, Any]
    first_owes: dict[str, Record]  # subregion slug -> its first OWES file

    def __bool__(self) -> bool:
        return self.region is not None  # no region: its problems are reported, no rule runs


def directory_facts(records: list[Record], settings: dict[str, Any]) -> DirectoryFacts:
    root = Path(settings["PATH"])
    region, problems = load_region(root)
    facts = DirectoryFacts(region, problems, root, settings, {})
    if region is None:
        return facts
    for record in records:
        subregion = region.subregion(record.meta.subregion) if record.kind == "owes" else None
        if subregion is not None:
            facts.first_owes.setdefault(subregion.slug, record)
    return facts


@rule("entity")
def powiat_is_in_the_region(record: Record, facts: DirectoryFacts) -> Iterator[Problem]:
    powiat = record.meta.powiat
    if facts.region.powiat(powiat) is None:
        yield record.problem(
            ("powiat",), f"nieznany powiat „{powiat}”; {facts.region.suggest_powiat(powiat)}"
        )


@rule("entity")
def gmina_is_in_its_powiat(record: Record, facts: DirectoryFacts) -> Iterator[Problem]:
    powiat = facts.region.powiat(record.meta.powiat)
    gmina = record.meta.gmina
    if powiat is not None and facts.region.gmina(gmina, powiat) is None:
        yield record.problem(("gmina",), facts.region.gmina_problem(gmina, powiat))


@rule("entity")
def areas_served_are_known(record: Record, facts: DirectoryFacts) -> Iterator[Problem]:
    procurement = record.meta.procurement
    for index, text in enumerate(procurement.area_served if procurement else ()):
        if facts.region.area(text) is None:
            yield record.problem(
                ("procurement", "area_served", index),
                f"nieznany obszar „{text}”; {facts.region.suggest_area(text)}",
            )


@rule("entity")
def reintegration_unit_names_its_parent(record: Record, facts: DirectoryFacts) -> Iterator[Problem]:
    meta: Any = record.meta
    if meta.legal_form in REINTEGRATION_UNITS and meta.parent_body is None:
        yield record.problem(
            ("legal_form",),
            f"{LEGAL_FORMS[meta.legal_form]} działa w ramach podmiotu prowadzącego; dopisz 'parent_body:' z polem 'name:', np. name: Stowarzyszenie Przykładowe",
            "parent_body",
        )


@rule("entity")
def profile_photos_are_usable(record: Record, facts: DirectoryFacts) -> Iterator[Problem]:
    for index, photo in enumerate(record.meta.photos):
        message = check_named_image(facts.root, photo.src, facts.settings)
        if message:
            yield record.problem(("photos", index, "src"), message)


@rule("owes")
def one_owes_in_a_known_subregion(record: Record, facts: DirectoryFacts) -> Iterator[Problem]:
    subregion = facts.region.subregion(record.meta.subregion)
    if subregion is None:
        yield record.problem(
            ("subregion",),
            f"nieznany subregion „{record.meta.subregion}”; wpisz jeden z: {facts.region.suggest_subregion()}",
        )
    elif facts.first_owes[subregion.slug] is not record:
        yield record.problem(
            ("subregion",),
            f"subregion {subregion.name} ma już ośrodek w {display_path(facts.first_owes[subregion.slug].path)}; każdy subregion ma jeden OWES",
        )


@rule("owes")
def gminas_served_outside_the_subregion(record: Record, facts: DirectoryFacts) -> Iterator[Problem]:
    subregion = facts.region.subregion(record.meta.subregion)
    for index, served in enumerate(record.meta.also_serves):
        powiat = facts.region.powiat(served.powiat)
        if powiat is None:
            yield record.problem(
                ("also_serves", index, "powiat"),
                f"nieznany powiat „{served.powiat}”; {facts.region.suggest_powiat(served.powiat)}",
            )
        elif subregion is not None and powiat.subregion is subregion:
            yield record.problem(
                ("also_serves", index, "powiat"),
                f"powiat {powiat.name} leży w subregionie, który ośrodek obsługuje cały (subregion {subregion.name}); "
                "w 'also_serves' wpisz tylko gminy spoza subregionu",
            )
        elif facts.region.gmina(served.gmina, powiat) is None:
            yield record.problem(
                ("also_serves", index, "gmina"), facts.region.gmina_problem(served.gmina, powiat)
            )


# The powiats, gminas and subregions of content/region/wielkopolska.yaml, parent bodies of
# reintegration units, one OWES per subregion and the gminas it serves outside it, profile
# photos.
check_directory = Rules(
    directory_facts,
    (
        powiat_is_in_the_region,
        gmina_is_in_its_powiat,
        areas_served_are_known,
        reintegration_unit_names_its_parent,
        profile_photos_are_usable,
        one_owes_in_a_known_subregion,
        gminas_served_outside_the_subregion,
    ),
)


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
