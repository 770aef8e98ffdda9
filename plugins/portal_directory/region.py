"""The voivodeship's powiats, gminas and OWES subregions, read from content/region/wielkopolska.yaml.

The file is data the working group can correct (subregion lists marked unverified), so it is
validated like content: 31 land and 4 city powiats, each in exactly one subregion; 226
gminas, 19 of them urban, each in one powiat, and every powiat with its gminas.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pelican.utils import slugify
from portal_content.problems import Problem, display_path, field_name
from portal_content.schema import Slug, Strict, Text
from portal_content.validate import SLUG_SUBS, read_data_file
from portal_theme.filters import sort_key_pl

REGION_FILE = Path("region") / "wielkopolska.yaml"
EXPECTED = {"ziemski": 31, "grodzki": 4}
EXPECTED_GMINY = 226
EXPECTED_URBAN = 19


class PowiatEntry(Strict):
    name: Text
    type: Literal["ziemski", "grodzki"]


class SubregionEntry(Strict):
    slug: Slug
    name: Text
    verified: bool
    powiaty: list[Text]


class GminyEntry(Strict):
    miejskie: list[Text] = []
    wiejskie_i_miejsko_wiejskie: list[Text] = []


class RegionFile(Strict):
    powiaty: list[PowiatEntry]
    subregiony: list[SubregionEntry]
    gminy_verified: bool
    gminy: dict[str, GminyEntry]


@dataclass(eq=False)  # identity: powiat and subregion refer to each other
class Powiat:
    name: str
    slug: str
    type: str
    subregion: Subregion | None = None
    gminy: list[Gmina] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How readers see it: 'powiat poznański' or 'Poznań (miasto na prawach powiatu)'."""
        return f"{self.name} (miasto na prawach powiatu)" if self.type == "grodzki" else f"powiat {self.name}"

    @property
    def path(self) -> str:
        """Its directory page, under DIRECTORY_URL."""
        return f"powiat/{self.slug}/"


@dataclass(eq=False)
class Gmina:
    """A gmina: urban (the town is the whole gmina) or not (rural or urban-rural; the file
    does not say which). A rural gmina may share its name with the town it surrounds."""

    name: str
    powiat: Powiat
    urban: bool
    shares_name: bool = False  # a town and the rural gmina around it have the same name

    @property
    def label(self) -> str:
        """'gmina Kwilcz'; where a town and a rural gmina share the name, 'gmina miejska
        Gniezno' and 'gmina wiejska Gniezno'; a city with powiat rights as its powiat."""
        if self.powiat.type == "grodzki":
            return self.powiat.label
        if self.shares_name:
            return f"gmina {'miejska' if self.urban else 'wiejska'} {self.name}"
        return f"gmina {self.name}"

    @property
    def slug(self) -> str:
        return slugify(self.name, regex_subs=SLUG_SUBS) + (
            "" if self.urban or not self.shares_name else "-gmina-wiejska"
        )

    @property
    def path(self) -> str:
        """Its directory page, under DIRECTORY_URL; a city with powiat rights has its powiat's."""
        return self.powiat.path if self.powiat.type == "grodzki" else f"gmina/{self.slug}/"


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


def _gmina_key(text: str) -> tuple[str, bool | None]:
    """A gmina as editors write it: 'Gniezno', 'gmina Kwilcz', 'gmina wiejska Gniezno',
    'Gniezno (gmina wiejska)', 'miasto Gniezno'; with urban True/False where the text says."""
    key = " ".join(text.split()).casefold()
    urban = None
    for words, is_urban in (("miejska", True), ("wiejska", False)):
        if key.startswith(f"gmina {words} "):
            key, urban = key.removeprefix(f"gmina {words} "), is_urban
        elif key.endswith(f" (gmina {words})"):
            key, urban = key.removesuffix(f" (gmina {words})"), is_urban
    if key.startswith("miasto "):
        key, urban = key.removeprefix("miasto "), True
    return key.removeprefix("gmina "), urban


@dataclass
class Region:
    powiaty: list[Powiat]
    subregions: list[Subregion]
    gminy_verified: bool = False

    def __post_init__(self) -> None:
        self._by_key = {}
        self._gminy: dict[str, list[Gmina]] = {}
        for p in self.powiaty:
            self._by_key[_key(p.name)] = p
            self._by_key[p.slug] = p
            for gmina in p.gminy:
                self._gminy.setdefault(gmina.name.casefold(), []).append(gmina)
        self._subregions = {}
        for s in self.subregions:
            self._subregions[s.slug] = s
            self._subregions[s.name.casefold()] = s

    def powiat(self, text: str) -> Powiat | None:
        return self._by_key.get(_key(text))

    def subregion(self, text: str) -> Subregion | None:
        return self._subregions.get(text.strip().casefold())

    @property
    def gminy(self) -> list[Gmina]:
        return [g for p in self.powiaty for g in p.gminy]

    def gmina(self, text: str, powiat: Powiat | None = None) -> Gmina | None:
        """The gmina an editor means, within a powiat if one is given. A name a town and a
        rural gmina share means the town unless the text says 'gmina wiejska'."""
        key, urban = _gmina_key(text)
        found = [
            g
            for g in self._gminy.get(key, ())
            if (powiat is None or g.powiat is powiat) and (urban is None or g.urban == urban)
        ]
        found.sort(key=lambda g: not g.urban)
        return found[0] if found else None

    def gmina_problem(self, text: str, powiat: Powiat | None = None) -> str:
        """What is wrong with a gmina not found (in the powiat, if given) and what to write
        instead: where it lies if it is elsewhere in the region, otherwise the nearest name
        and the powiat's gminas."""
        elsewhere = self.gmina(text)
        if powiat is not None and elsewhere is not None and elsewhere.powiat.type == "grodzki":
            return (
                f"{elsewhere.name} to miasto na prawach powiatu: jego gmina i powiat to {elsewhere.name}; "
                f"w polu powiat wpisz {elsewhere.name} albo popraw gminę"
            )
        if powiat is not None and elsewhere is not None:
            return (
                f"{elsewhere.label} nie leży w tym powiecie ({powiat.label}), tylko tu: {elsewhere.powiat.label}; "
                "popraw gminę albo powiat"
            )
        names = [g.name for g in (powiat.gminy if powiat else self.gminy)]
        guess = difflib.get_close_matches(_gmina_key(text)[0], [n.casefold() for n in names], n=1, cutoff=0.6)
        hint = f"czy chodziło o „{next(n for n in names if n.casefold() == guess[0])}”? " if guess else ""
        if powiat is None:
            return f"nieznana gmina „{text}”; {hint}wpisz nazwę gminy z pliku region/wielkopolska.yaml (lista 'gminy')"
        shown = ", ".join(sorted(dict.fromkeys(names), key=sort_key_pl))
        return f"nieznana gmina „{text}”; {hint}gminy w tym powiecie ({powiat.label}): {shown}"

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
    problems += _read_gminy(data, doc, powiaty, shown)
    return Region(list(powiaty.values()), subregions, data.gminy_verified), problems


def _read_gminy(data: RegionFile, doc: Any, powiaty: dict[str, Powiat], shown: str) -> list[Problem]:
    """Put each gmina of the file in its powiat; what is wrong, as problems."""
    problems = []

    def problem(where: tuple, message: str) -> None:
        problems.append(Problem(shown, doc.line_for(where), field_name(where), message))

    for name, entry in data.gminy.items():
        powiat = powiaty.get(_key(name))
        if powiat is None:
            problem(
                ("gminy", name), f"nieznany powiat „{name}”; wpisz nazwę z listy 'powiaty' na początku pliku"
            )
            continue
        if powiat.gminy:
            problem(("gminy", name), f"gminy powiatu {powiat.name} są już wyżej; połącz obie listy w jedną")
            continue
        for group, urban in (("miejskie", True), ("wiejskie_i_miejsko_wiejskie", False)):
            for index, gmina_name in enumerate(getattr(entry, group)):
                if any(g.name == gmina_name and g.urban == urban for g in powiat.gminy):
                    problem(
                        ("gminy", name, group, index),
                        f"gmina {gmina_name} jest na tej liście dwa razy; usuń powtórzenie",
                    )
                    continue
                powiat.gminy.append(Gmina(gmina_name, powiat, urban))
        powiat.gminy.sort(key=lambda g: (sort_key_pl(g.name), not g.urban))
        if powiat.type == "grodzki" and [(g.name, g.urban) for g in powiat.gminy] != [(powiat.name, True)]:
            problem(
                ("gminy", name),
                f"miasto na prawach powiatu jest jedną gminą miejską; wpisz tylko: {powiat.name}: {{miejskie: [{powiat.name}]}}",
            )
    for powiat in powiaty.values():
        if not powiat.gminy and all(_key(name) != _key(powiat.name) for name in data.gminy):
            problem(("gminy",), f"brak gmin powiatu {powiat.name}; dopisz '{powiat.name}:' z jego gminami")
    gminy = [g for p in powiaty.values() for g in p.gminy]
    by_name: dict[str, list[Gmina]] = {}
    for gmina in gminy:
        by_name.setdefault(gmina.name.casefold(), []).append(gmina)
    for same in by_name.values():
        if len(same) > 1:
            for gmina in same:
                gmina.shares_name = True
    slugs: dict[str, Gmina] = {}
    for gmina in gminy:
        other = slugs.setdefault(gmina.slug, gmina)
        if other is not gmina:
            problem(
                ("gminy", gmina.powiat.name),
                f"{gmina.label} (powiat {gmina.powiat.name}) i {other.label} (powiat {other.powiat.name}) "
                "mają ten sam adres strony; portal rozróżnia tylko gminę miejską i wiejską o tej samej nazwie",
            )
    urban = sum(1 for g in gminy if g.urban)
    if len(gminy) != EXPECTED_GMINY or urban != EXPECTED_URBAN:
        problem(
            ("gminy",),
            f"województwo ma {EXPECTED_GMINY} gmin, w tym {EXPECTED_URBAN} miejskich, a lista ma {len(gminy)}, "
            f"w tym {urban} miejskich; uzupełnij lub popraw listę",
        )
    return problems
