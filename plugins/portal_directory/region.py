"""The voivodeship's powiats and OWES subregions, read from content/region/wielkopolska.yaml.

The file is data the working group can correct (subregion lists marked unverified), so it is
validated like content: 31 land and 4 city powiats, each in exactly one subregion.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pelican.utils import slugify
from portal_content.problems import Problem, display_path, field_name
from portal_content.schema import Slug, Strict, Text
from portal_content.validate import read_data_file

REGION_FILE = Path("region") / "wielkopolska.yaml"
EXPECTED = {"ziemski": 31, "grodzki": 4}


class PowiatEntry(Strict):
    name: Text
    type: Literal["ziemski", "grodzki"]


class SubregionEntry(Strict):
    slug: Slug
    name: Text
    verified: bool
    powiaty: list[Text]


class RegionFile(Strict):
    powiaty: list[PowiatEntry]
    subregiony: list[SubregionEntry]


@dataclass(eq=False)  # identity: powiat and subregion refer to each other
class Powiat:
    name: str
    slug: str
    type: str
    subregion: Subregion | None = None

    @property
    def label(self) -> str:
        """How readers see it: 'powiat poznański' or 'Poznań (miasto na prawach powiatu)'."""
        return f"{self.name} (miasto na prawach powiatu)" if self.type == "grodzki" else f"powiat {self.name}"


@dataclass(eq=False)
class Subregion:
    slug: str
    name: str
    verified: bool
    powiaty: list[Powiat] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"subregion {self.name}"


@dataclass(frozen=True)
class Area:
    """An area an entity serves: a powiat, a subregion or a whole (the voivodeship, Poland)."""

    label: str
    path: str | None = None  # its directory page under DIRECTORY_URL, when it has one


WHOLE_AREAS = {"województwo wielkopolskie": "województwo wielkopolskie", "cała polska": "cała Polska"}


def _key(text: str) -> str:
    text = text.strip().casefold()
    for prefix in ("powiat ", "m. ", "miasto "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    return text


@dataclass
class Region:
    powiaty: list[Powiat]
    subregions: list[Subregion]

    def __post_init__(self) -> None:
        self._by_key = {}
        for p in self.powiaty:
            self._by_key[_key(p.name)] = p
            self._by_key[p.slug] = p
        self._subregions = {}
        for s in self.subregions:
            self._subregions[s.slug] = s
            self._subregions[s.name.casefold()] = s

    def powiat(self, text: str) -> Powiat | None:
        return self._by_key.get(_key(text))

    def subregion(self, text: str) -> Subregion | None:
        return self._subregions.get(text.strip().casefold())

    def area(self, text: str) -> Area | None:
        """An area as editors write it: a powiat's name, 'subregion <nazwa>' or a whole."""
        key = " ".join(text.split()).casefold()
        if key in WHOLE_AREAS:
            return Area(WHOLE_AREAS[key])
        if key.startswith("subregion "):
            subregion = self.subregion(key.removeprefix("subregion "))
            return Area(subregion.label, f"subregion/{subregion.slug}/") if subregion else None
        powiat = self.powiat(text)
        return Area(powiat.label, f"powiat/{powiat.slug}/") if powiat else None

    def suggest_area(self, text: str) -> str:
        return (
            f"{self.suggest_powiat(text)}; albo 'subregion {self.subregions[0].name}', "
            "'województwo wielkopolskie', 'cała Polska'"
        )

    def suggest_powiat(self, text: str) -> str:
        names = [p.name for p in self.powiaty]
        guess = difflib.get_close_matches(_key(text), names, n=1, cutoff=0.6)
        hint = f"czy chodziło o „{guess[0]}”? " if guess else ""
        return (
            f"{hint}wpisz nazwę powiatu ziemskiego (np. poznański, czarnkowsko-trzcianecki) "
            "albo miasta na prawach powiatu (Kalisz, Konin, Leszno, Poznań)"
        )

    def suggest_subregion(self) -> str:
        return ", ".join(s.slug for s in self.subregions)


def load_region(content_root: Path) -> tuple[Region | None, list[Problem]]:
    path = content_root / REGION_FILE
    shown = display_path(path)
    if not path.is_file():
        return None, [
            Problem(shown, 1, "(plik)", "brak pliku z podziałem województwa na powiaty i subregiony")
        ]
    data, doc, problems = read_data_file(path, RegionFile)
    if data is None:
        return None, problems
    powiaty: dict[str, Powiat] = {}
    for index, entry in enumerate(data.powiaty):
        key = _key(entry.name)
        if key in powiaty:
            problems.append(
                Problem(
                    shown,
                    doc.line_for(("powiaty", index)),
                    f"powiaty[{index}]",
                    f"powiat {entry.name} jest na liście dwa razy; usuń powtórzenie",
                )
            )
            continue
        powiaty[key] = Powiat(entry.name, slugify(entry.name), entry.type)
    for kind, expected in EXPECTED.items():
        count = sum(1 for p in powiaty.values() if p.type == kind)
        if count != expected:
            problems.append(
                Problem(
                    shown,
                    doc.line_for(("powiaty",)),
                    "powiaty",
                    f"województwo ma {expected} powiatów typu {kind}, a lista ma {count}; uzupełnij lub popraw listę",
                )
            )
    subregions = []
    for s_index, entry in enumerate(data.subregiony):
        subregion = Subregion(entry.slug, entry.name, entry.verified)
        subregions.append(subregion)
        for p_index, name in enumerate(entry.powiaty):
            where = ("subregiony", s_index, "powiaty", p_index)
            powiat = powiaty.get(_key(name))
            if powiat is None:
                problems.append(
                    Problem(
                        shown,
                        doc.line_for(where),
                        field_name(where),
                        f"nieznany powiat „{name}”; wpisz nazwę z listy 'powiaty' na początku pliku",
                    )
                )
            elif powiat.subregion is not None:
                problems.append(
                    Problem(
                        shown,
                        doc.line_for(where),
                        field_name(where),
                        f"powiat {name} jest już na liście innego subregionu (subregion {powiat.subregion.name}); powiat może należeć tylko do jednego subregionu",
                    )
                )
            else:
                powiat.subregion = subregion
                subregion.powiaty.append(powiat)
    for powiat in powiaty.values():
        if powiat.subregion is None:
            problems.append(
                Problem(
                    shown,
                    doc.line_for(("subregiony",)),
                    "subregiony",
                    f"powiat {powiat.name} nie należy do żadnego subregionu; dopisz go do listy 'powiaty' właściwego subregionu",
                )
            )
    slugs = [s.slug for s in subregions]
    for s_index, slug in enumerate(slugs):
        if slugs.index(slug) != s_index:
            problems.append(
                Problem(
                    shown,
                    doc.line_for(("subregiony", s_index, "slug")),
                    f"subregiony[{s_index}].slug",
                    f"subregion „{slug}” jest już zdefiniowany; nadaj inny slug",
                )
            )
    return Region(list(powiaty.values()), subregions), problems
