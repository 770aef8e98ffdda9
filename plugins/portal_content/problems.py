"""Problems found in content, formatted as ``path:line: field: message``.

Pydantic reports errors as (type, loc, input); here they become Polish sentences that say
what is wrong and what to write instead, because the people reading them edit YAML by hand.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class ContentError(Exception):
    """Raised when content has problems; the build stops before anything is written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(format_problems(self.problems))


def format_notices(notices: list[Problem]) -> str:
    """Notices (not problems): each line marked, and a closing line saying they do not stop
    the build."""
    count = len(notices)
    noun = plural_pl(count, "uwaga", "uwagi", "uwag")
    lines = [f"Uwaga: {n}" for n in sorted(notices)]
    return "\n".join(
        [
            *lines,
            f"{count} {noun} o dostępności (pliki do pobrania, tekst łatwy do czytania): nie zatrzymują publikacji; "
            "niedostępne pliki portal wymieni w deklaracji dostępności.",
        ]
    )


def plural_pl(count: int, one: str, few: str, many: str) -> str:
    """Polish plural: 1 aktualność, 2 aktualności, 5 aktualności (portal_theme's filter too)."""
    if count == 1:
        return one
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return few
    return many


def format_problems(problems: list[Problem]) -> str:
    count = len(problems)
    lines = [str(p) for p in sorted(problems)]
    noun = plural_pl(count, "problem", "problemy", "problemów")
    lines.append(
        f"Znaleziono {count} {noun} w treści; popraw je i uruchom ponownie (nic nie zostało opublikowane)."
    )
    return "\n".join(lines)


def _github_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def github_annotations(problems: list[Problem]) -> str:
    """GitHub Actions workflow commands: each problem shown on its line of the file in the
    pull request ("Files changed"), in Polish, with what to write instead."""
    return "\n".join(
        f"::error file={_github_escape(p.path, prop=True)},line={p.line},"
        f"title={_github_escape('Treść: ' + p.field, prop=True)}::{_github_escape(p.message)}"
        for p in sorted(problems)
    )


def gitlab_report(problems: list[Problem]) -> list[dict[str, Any]]:
    """GitLab's code-quality report (artifacts:reports:codequality): each problem shown in
    the merge request's widget and beside its line in the diff."""
    import hashlib

    return [
        {
            "description": f"{p.field}: {p.message}",
            "check_name": "portal-tresc",
            "fingerprint": hashlib.sha256(f"{p.path}\0{p.field}\0{p.message}".encode()).hexdigest(),
            "severity": "major",
            "location": {"path": p.path, "lines": {"begin": p.line}},
        }
        for p in sorted(problems)
    ]


def _ascii_key(text: str) -> str:
    """'Pracownia pod Kasztanami' -> 'pracownia-pod-kasztanami' (how file names are made)."""
    import re
    import unicodedata

    text = str(text).replace("ł", "l").replace("Ł", "L")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def nearest(value: Any, choices: Any, shown: dict[str, str] | None = None) -> str:
    """'czy chodziło o „x”? ' for the choice closest to a misspelt ``value`` (compared the
    way file names are written, so a name typed instead of a file name is found too), or ''.
    ``shown`` maps a choice to the form the editor should write, when that differs."""
    keys = {_ascii_key(choice): choice for choice in choices}
    guess = difflib.get_close_matches(_ascii_key(value), list(keys), n=1, cutoff=0.6)
    if not guess:
        return ""
    choice = keys[guess[0]]
    return f"czy chodziło o „{(shown or {}).get(choice, choice)}”? "


def display_path(path: Path) -> str:
    """The path as the editor knows it: relative to the current folder when inside it.
    (os.path rather than Path.resolve(): called for every file of every build.)"""
    here = os.getcwd() + os.sep
    full = os.path.abspath(path)
    return full[len(here) :] if full.startswith(here) else str(path)


# What one item of a list field is called, for "photos (zdjęcie 2).alt" instead of photos[1].
ITEM_NOUNS = {
    "photos": "zdjęcie",
    "certificates": "certyfikat",
    "price_tiers": "próg cenowy",
    "personalisation": "personalizacja",
    "variants": "wariant",
    "options": "możliwość",
    "credits": "twórca",
    "materials": "materiał",
    "ingredients": "składnik",
    "tags": "tag",
    "categories": "kategoria",
    "products": "produkt",
    "services": "usługa",
    "board": "członek",
    "beneficiaries": "grupa",
    "also_serves": "gmina",
    "support": "forma wsparcia",
    "entities": "podmiot",
    "subregiony": "subregion",
    "powiaty": "powiat",
    "cpv": "kod",
    "area_served": "obszar",
    "files": "plik",
    "bases": "podstawa",
    "clauses": "klauzula",
    "examples": "przykład",
    "codes": "kod",
}


def field_name(loc: tuple[str | int, ...]) -> str:
    """The field as the editor counts: ``photos (zdjęcie 2).alt`` for loc (photos, 1, alt)."""
    name = ""
    last = ""
    for part in loc:
        if isinstance(part, int):
            name += f" ({ITEM_NOUNS.get(last, 'pozycja')} {part + 1})"
        else:
            name += ("." if name else "") + part
            last = part
    return name or "(plik)"


def _field_info(model: type[BaseModel], loc: tuple[str | int, ...]):
    """The pydantic FieldInfo at ``loc`` and the model that owns it, if any."""
    owner: Any = model
    info = None
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(owner, "model_fields", None)
        if not fields or part not in fields:
            return None, owner
        info = fields[part]
        annotation = info.annotation
        owner = _model_in(annotation)
    return info, owner


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _example(model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    info, _ = _field_info(model, loc)
    if info is not None and info.examples:
        return str(info.examples[0])
    return None


def translate(model: type[BaseModel], error: dict[str, Any]) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    ctx = error.get("ctx") or {}
    value = error.get("input")
    name = loc[-1] if loc and isinstance(loc[-1], str) else field_name(loc)
    if kind == "missing":
        example = _example(model, loc)
        hint = f"'{name}: {example}'" if example else f"'{name}: ...'"
        return f"brak wymaganego pola; dopisz linię {hint}"
    if kind == "extra_forbidden":
        _, owner = _field_info(model, loc[:-1])
        fields = getattr(owner, "model_fields", {}) or {}
        allowed = sorted(fields)
        # a sub-field written without its indentation ("src:" under "image:" from the start of
        # the line): the field it belongs to is named, with the indentation it needs
        parents = [
            field
            for field, info in fields.items()
            if name in (getattr(_model_in(info.annotation), "model_fields", None) or {})
        ]
        if parents and str(name) not in fields:
            return (
                f"pole „{name}” należy do „{parents[0]}”: wetnij je dwiema spacjami pod linią "
                f"'{parents[0]}:' (niewłaściwe wcięcie)"
            )
        guess = difflib.get_close_matches(str(name), allowed, n=1)
        hint = f"czy chodziło o '{guess[0]}'? " if guess else ""
        return f"nieznane pole; {hint}dozwolone pola: {', '.join(allowed)}"
    if kind in {"string_type", "str_type"} and value is None:
        return "pole jest puste; wpisz tekst albo usuń całą linię, jeśli pole nie jest wymagane"
    if kind in {"string_type", "str_type"}:
        return "wpisz tekst (w cudzysłowie, jeśli zawiera ':' lub '#')"
    if kind == "string_too_short":
        return "pole nie może być puste; wpisz tekst"
    if kind == "string_too_long":
        return f"tekst ma {len(str(value))} znaków, a może mieć najwyżej {ctx.get('max_length')}; skróć go"
    if kind in {"bool_type", "bool_parsing"}:
        return f"„{value}” to nie jest tak/nie; wpisz true albo false"
    if kind == "list_type":
        return "wpisz listę, np. [pierwszy, drugi] albo każdy element w nowej linii po '- '"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"„{value}” to nie jest liczba całkowita; wpisz liczbę, np. 10"
    if kind in {"float_type", "float_parsing", "decimal_type", "decimal_parsing"}:
        return f"„{value}” to nie jest liczba; wpisz liczbę z kropką, np. 12.50"
    if kind == "literal_error":
        # pydantic lists the choices as "'a', 'b' or 'c'"
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"niedozwolona wartość „{value}”; wpisz jedną z: {expected}"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        example = _example(model, loc)
        return "to pole składa się z pól podrzędnych; zapisz je pod nim z wcięciem, np. " + (
            example or "'  src: ...'"
        )
    if kind == "greater_than_equal":
        return f"wartość {value} jest za mała; wpisz co najmniej {ctx.get('ge')}"
    if kind == "greater_than":
        return f"wartość {value} jest za mała; wpisz liczbę większą niż {ctx.get('gt')}"
    if kind == "too_short":
        example = _example(model, loc)
        hint = f", np. {example}" if example else ""
        return f"lista jest pusta; wpisz co najmniej {ctx.get('min_length', 1)} element{hint}"
    if kind in {"less_than_equal", "less_than"}:
        limit = ctx.get("le", ctx.get("lt"))
        return f"wartość {value} jest za duża; wpisz najwyżej {limit}"
    if kind == "finite_number":
        return f"„{value}” to nie jest liczba; wpisz zwykłą liczbę, np. 12.50"
    if kind in {"int_parsing_size", "decimal_max_digits", "decimal_max_places", "decimal_whole_digits"}:
        return f"liczba „{value}” jest za długa; wpisz liczbę o rozsądnej wielkości"
    if kind in {
        "date_type",
        "date_parsing",
        "date_from_datetime_parsing",
        "datetime_type",
        "datetime_parsing",
    }:
        return f"„{value}” to nie jest data; wpisz datę jako RRRR-MM-DD, np. 2026-11-27"
    if kind == "multiple_of":
        return f"wartość {value} musi być wielokrotnością {ctx.get('multiple_of')}"
    if kind == "string_pattern_mismatch":
        return f"„{value}” ma niedozwolony zapis; sprawdź opis pola w docs/redakcja.md"
    if kind.startswith("portal_"):
        # Our own validators raise PydanticCustomError with a finished Polish sentence.
        return str(error["msg"])
    # Any other pydantic error: never its English sentence (the editors read Polish).
    shown = str(value) if len(str(value)) <= 60 else str(value)[:57] + "..."
    return (
        f"nieprawidłowa wartość „{shown}”; sprawdź, co wpisać w tym polu, w docs/redakcja.md "
        "(albo w podpowiedziach edytora)"
    )
