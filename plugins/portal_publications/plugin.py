"""portal_publications: the knowledge library (/wiedza/): monitoring reports, local
diagnoses, evaluations, programmes, resolutions, minutes, guides, presentations.

Why our own plugin: a publication is a content file whose downloads must be checked (they
open, their size, pages, title, language, and for a PDF its tags) and whose accessibility
shortcomings must reach the accessibility statement; no pelican-plugin does that.

Handlers (wired by portal_site):
- ``get_generators``: adds PublicationGenerator (list, pages by type, one page per
  publication, the feed, the files).
Declares the content kind ``publication`` (content/wiedza/*.md, summary required); the
rules of ``check_publications``: the area's subregion, powiats and gminas are in the region file,
each file opens and is within PUBLICATION_MAX_MB. ``notices`` lists what is not
accessible (an untagged PDF, one without a title or language): shown to the editor, never
blocking.
Settings read: PUBLICATIONS_URL, PUBLICATION_URL, PUBLICATION_MAX_MB, SITE_ADDRESS.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portal_content.problems import Problem
from portal_content.validate import Kind, Record, Rules, rule
from portal_directory.region import load_region

from . import documents
from .schema import PublicationMeta

DEFAULT_MAX_MB = 10


@dataclass
class PublicationFacts:
    region: Any
    root: Path
    max_bytes: int

    def __bool__(self) -> bool:
        return self.region is not None  # the region file's problems are the directory's


def publication_facts(records: list[Record], settings: dict[str, Any]) -> PublicationFacts:
    root = Path(settings["PATH"])
    region, _ = load_region(root)
    return PublicationFacts(region, root, int(settings.get("PUBLICATION_MAX_MB", DEFAULT_MAX_MB) * 1_000_000))


@rule("publication")
def area_is_in_the_region(record: Record, facts: PublicationFacts) -> Iterator[Problem]:
    area = record.meta.area
    if area is None:
        return
    if area.subregion and facts.region.subregion(area.subregion) is None:
        yield record.problem(
            ("area", "subregion"),
            f"nieznany subregion „{area.subregion}”; wpisz jeden z: {facts.region.suggest_subregion()}",
        )
    for index, powiat in enumerate(area.powiaty):
        if facts.region.powiat(powiat) is None:
            yield record.problem(
                ("area", "powiaty", index),
                f"nieznany powiat „{powiat}”; {facts.region.suggest_powiat(powiat)}",
            )
    for index, gmina in enumerate(area.gminy):
        if facts.region.gmina(gmina) is None:
            yield record.problem(("area", "gminy", index), facts.region.gmina_problem(gmina))


@rule("publication")
def files_open_and_fit(record: Record, facts: PublicationFacts) -> Iterator[Problem]:
    for index, item in enumerate(record.meta.files):
        path = facts.root / item.document
        if not path.is_file():
            yield record.problem(
                ("files", index, "document"),
                f"nie ma pliku {item.document}; sprawdź folder i nazwę (wielkość liter!)",
            )
            continue
        found = documents.inspect(path)
        if found.size > facts.max_bytes:
            limit = facts.max_bytes // 1_000_000
            yield record.problem(
                ("files", index, "document"),
                f"plik ma {found.size_label}, a publikacja może mieć pliki do {limit} MB (czytelnicy pobierają je też "
                "na telefonach); zmniejsz go, np. zapisz PDF z kompresją zdjęć, albo podziel na części",
            )
        elif found.problem:
            yield record.problem(("files", index, "document"), found.problem)


check_publications = Rules(publication_facts, (area_is_in_the_region, files_open_and_fit))


def notices(records: list[Record], settings: dict[str, Any]) -> list[Problem]:
    """What is not accessible in the publications' files: never blocks a build."""
    root = Path(settings["PATH"])
    found = []
    for record in records:
        if record.kind != "publication":
            continue
        for index, item in enumerate(record.meta.files):
            path = root / item.document
            if path.is_file():
                for shortcoming in documents.inspect(path).shortcomings:
                    found.append(
                        record.problem(
                            ("files", index, "document"),
                            f"{shortcoming}; portal wymieni ten plik w deklaracji dostępności – popraw go, jeśli możesz "
                            "(np. eksport do PDF z zaznaczoną opcją „PDF z tagami” i tytułem dokumentu)",
                        )
                    )
    return found


def get_generators(pelican):
    from .generator import PublicationGenerator

    return PublicationGenerator


# What publications declare (the wiring, portal_site, registers it)
KINDS = [Kind("publication", "wiedza", PublicationMeta, "publication", body_required=True)]
CHECKERS = [check_publications]
NOTICES = [notices]
