"""CPV codes: the EU's Common Procurement Vocabulary (Commission Regulation (EC) No
213/2008), which every Polish tender uses to say what it buys.

A code is eight digits, a hyphen and a check digit (``55520000-1``). Its leading digits
are a hierarchy: the division (2 digits, ``55000000``), the group (3, ``55500000``), the
class (4, ``55520000``), the category (5, ``55521000``) and finer subdivisions (6-8). So a
buyer who asks for a group asks for everything whose significant digits start with its own.

The check digit: the eight digits weighted 3, 7, 1, 3, 7, 1, 3, 7, the sum modulo 10. The
regulation does not publish the rule; it holds for every code of the official list we
compared it with (tests/unit/test_cpv.py) and for every code in the portal's vocabulary.

The portal knows the part of the vocabulary social-economy suppliers sell, with the
official Polish names: ``content/zamowienia/cpv.yaml``, a data file the working group can
extend (validated like content; a code used in a profile must be in it).

Why our own module: no maintained Python package validates CPV codes or reads the
vocabulary's hierarchy (PyPI has none with a release in the last years), and the rules
above are a few lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from portal_content.problems import Problem, display_path
from portal_content.schema import Strict, Text
from portal_content.validate import read_data_file
from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

VOCABULARY_FILE = Path("zamowienia") / "cpv.yaml"
WEIGHTS = (3, 7, 1, 3, 7, 1, 3, 7)
CODE_RE = re.compile(r"^(\d{8})-(\d)$")
EXAMPLE = "55520000-1"


def check_digit(digits: str) -> int:
    """The check digit of eight digits."""
    return sum(weight * int(digit) for weight, digit in zip(WEIGHTS, digits, strict=True)) % 10


def full_code(digits: str) -> str:
    """'55520000' -> '55520000-1'."""
    return f"{digits}-{check_digit(digits)}"


def code_problem(text: str) -> str | None:
    """What is wrong with a written code, in Polish, or None."""
    value = text.strip()
    if re.fullmatch(r"\d{8}", value):
        return f"kod CPV „{value}” nie ma cyfry kontrolnej; wpisz {full_code(value)}"
    match = CODE_RE.match(value)
    if not match:
        return (
            f"„{value}” to nie jest kod CPV; kod ma 8 cyfr, myślnik i cyfrę kontrolną, "
            f"np. {EXAMPLE} (usługi dostarczania posiłków)"
        )
    digits, check = match.groups()
    if int(check) != check_digit(digits):
        return (
            f"w kodzie CPV {value} cyfra kontrolna (po myślniku) powinna być {check_digit(digits)}: "
            f"wpisz {full_code(digits)} albo sprawdź osiem pierwszych cyfr"
        )
    return None


def _code(value: Any) -> str:
    problem = code_problem(value)
    if problem:
        raise PydanticCustomError("portal_cpv", problem)
    return value.strip()


# A code as content writes it: checked for its form and check digit by the schema; whether
# the portal knows it is a cross-file rule (the vocabulary is another file).
CpvCode = Annotated[
    str, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v), AfterValidator(_code)
]


def significant(digits: str) -> str:
    """The digits that place a code in the hierarchy: '55520000' -> '5552' (at least the
    division's two)."""
    stripped = digits.rstrip("0")
    return stripped if len(stripped) >= 2 else digits[:2]


def ancestors(digits: str) -> list[str]:
    """The codes above one, nearest first: '55521000' -> ['55520000', '55500000', '55000000']."""
    prefix = significant(digits)
    return [prefix[:n].ljust(8, "0") for n in range(len(prefix) - 1, 1, -1)]


class CpvEntry(Strict):
    code: CpvCode = Field(description="Kod CPV z cyfrą kontrolną.", examples=[EXAMPLE])
    name: Text = Field(
        description="Nazwa polska z rozporządzenia (WE) nr 213/2008.",
        examples=["Usługi dostarczania posiłków"],
    )


class CpvFile(Strict):
    codes: list[CpvEntry] = Field(min_length=1)


@dataclass(eq=False)
class Cpv:
    """One code of the vocabulary, with its place in the hierarchy of the known codes."""

    code: str  # 55520000-1
    name: str
    parent: Cpv | None = None  # the nearest known code above it
    children: list[Cpv] = field(default_factory=list)

    @property
    def digits(self) -> str:
        return self.code[:8]


@dataclass
class Vocabulary:
    codes: list[Cpv]  # in code order

    def __post_init__(self) -> None:
        self._by_digits = {c.digits: c for c in self.codes}
        for cpv in self.codes:
            cpv.parent = next(
                (self._by_digits[a] for a in ancestors(cpv.digits) if a in self._by_digits), None
            )
            if cpv.parent is not None:
                cpv.parent.children.append(cpv)

    @property
    def roots(self) -> list[Cpv]:
        return [c for c in self.codes if c.parent is None]

    def get(self, code: str) -> Cpv | None:
        """The known code for '55520000-1' or '55520000'."""
        return self._by_digits.get(code.strip()[:8])

    def covering(self, codes: list[str]) -> list[Cpv]:
        """The known codes a supplier of ``codes`` is found under: each code and every
        known code above it (a buyer choosing a group finds its every member)."""
        found: dict[str, Cpv] = {}
        for code in codes:
            for digits in (code[:8], *ancestors(code[:8])):
                if digits in self._by_digits:
                    found.setdefault(digits, self._by_digits[digits])
        return sorted(found.values(), key=lambda c: c.digits)

    def suggest(self, code: str) -> str:
        """'czy chodziło o 55520000-1 „Usługi dostarczania posiłków”? ' for a code not known:
        the known code sharing the longest start with it, or ''."""
        digits = code.strip()[:8]
        best = max(self.codes, key=lambda c: len(_common(c.digits, digits)), default=None)
        if best is None or len(_common(best.digits, digits)) < 2:
            return ""
        return f"czy chodziło o {best.code} „{best.name}”? "


def _common(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def load_vocabulary(content_root: Path) -> tuple[Vocabulary | None, list[Problem]]:
    """The vocabulary of content/zamowienia/cpv.yaml and the problems of that file."""
    path = content_root / VOCABULARY_FILE
    shown = display_path(path)
    if not path.is_file():  # a site whose profiles name no code needs none
        return Vocabulary([]), []
    data, doc, problems = read_data_file(path, CpvFile)
    if data is None:
        return None, problems
    seen: dict[str, int] = {}
    for index, entry in enumerate(data.codes):
        if entry.code[:8] in seen:
            problems.append(
                Problem(
                    shown,
                    doc.line_for(("codes", index, "code")),
                    f"codes[{index}].code",
                    f"kod {entry.code} jest już w słowniku (pozycja {seen[entry.code[:8]] + 1}); usuń powtórzenie",
                )
            )
        seen.setdefault(entry.code[:8], index)
    if problems:
        return None, problems
    entries = sorted(data.codes, key=lambda e: e.code)
    return Vocabulary([Cpv(e.code, e.name) for e in entries]), []
