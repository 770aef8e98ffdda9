"""Measurable rules of easy-to-read Polish (ETR), checked on every ETR text.

Why our own rules: no maintained Python implementation of a Polish readability index
exists (Jasnopis and the FOG-PL application of the Pracownia Prostej Polszczyzny,
University of Wrocław, are web services; textstat's formulas are calibrated for English).
So the portal applies simple rules taken from the easy-to-read guidelines (short
sentences, one idea per sentence, common and short words, no abbreviations, few and small
numbers) and Gunning's fog index as the FOG-PL application adapts it to Polish
(words of four or more syllables are hard), with these thresholds:

- a sentence has at most ``MAX_WORDS`` words;
- a word has at most ``MAX_SYLLABLES`` syllables (counted as groups of vowels: a, ą, e, ę,
  i, o, ó, u, y; so "ia", "ie", "io", "iu" are one syllable, as in Polish spelling);
- no abbreviation with a dot (np., tzw., ul. ...) and no acronym (ROPS, OWES ...) unless
  the text introduces it: "... w skrócie ROPS";
- no number over ``MAX_NUMBER`` written in digits and no percentage (years, telephone
  numbers and postal codes are left alone);
- the fog index of the whole text, 0.4 × (words per sentence + 100 × share of words of
  four or more syllables), at most ``MAX_FOG``; only for a text of ``FOG_MIN_WORDS`` words
  or more (in a three-sentence summary two common long words, "pomagają", "ekonomia",
  would decide it).

The thresholds are the portal's own, not a standard: the sample easy-to-read pages, written
to the guidelines, pass them; ROPS's easy-to-read editors and testers should tune them.

Each finding is one sentence for the editor: what is wrong, where, and what to do.
Findings never stop a build (portal_etr.plugin.notices).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from portal_content.problems import plural_pl

MAX_WORDS = 15
MAX_SYLLABLES = 5
HARD_SYLLABLES = 4
MAX_FOG = 8.0
FOG_MIN_WORDS = 40
MAX_NUMBER = 100
ABBREVIATIONS = (
    "np.", "tzw.", "m.in.", "itd.", "itp.", "ul.", "tel.", "ok.", "godz.", "dot.", "wg.", "nr",
    "zł.", "pkt.", "ust.", "art.", "r.", "tj.", "ws.", "ds.", "al.", "pl.", "os.",
)  # fmt: skip

_VOWELS = re.compile(r"[aąeęioóuy]+", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n\s*\n|\n\s*[-*•]\s+")
_ACRONYM = re.compile(r"\b[A-ZĄĆĘŁŃÓŚŹŻ]{2,6}\b")
_INTRODUCED = re.compile(r"(?i:w skrócie):?\s+([A-ZĄĆĘŁŃÓŚŹŻ]{2,6})\b")
_NUMBER = re.compile(r"(?<![\w+\-/])(\d[\d  ]*(?:[.,]\d+)?)(?![\d\-/])(\s*%)?")


def syllables(word: str) -> int:
    return max(1, len(_VOWELS.findall(word)))


_DOTTED = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(a[:-1]) for a in ABBREVIATIONS if a.endswith(".")) + r")\.(?=\s)",
    re.IGNORECASE,
)


def sentences(text: str) -> list[str]:
    """The sentences of ``text``; an abbreviation's dot (np., tzw., r.) does not end one."""
    protected = _DOTTED.sub(lambda m: m.group(1) + "\u2024", text.strip())
    parts = (" ".join(part.split()).replace("\u2024", ".") for part in _SENTENCE_END.split(protected))
    return [part for part in parts if _WORD.search(part)]


def _abbreviations(text: str) -> list[str]:
    found = []
    lowered = f" {text.lower()} "
    for abbreviation in ABBREVIATIONS:
        if (
            re.search(rf"(?<![\w.]){re.escape(abbreviation)}(?=[\s,;:)]|$)", lowered)
            and abbreviation not in found
        ):
            found.append(abbreviation)
    introduced = set(_INTRODUCED.findall(text))
    found += sorted({a for a in _ACRONYM.findall(text) if a not in introduced})
    return found


def _numbers(text: str) -> list[str]:
    found = []
    for match in _NUMBER.finditer(text):
        raw, percent = match.group(1).strip(), match.group(2)
        if percent:
            found.append(raw + "%")
            continue
        groups = raw.split()
        if (
            len(groups) > 1
            and all(len(g) <= 3 for g in groups[1:])
            and len(groups[0]) <= 3
            and len(groups) >= 3
        ):
            continue  # a telephone number: 61 856 73 43
        digits = raw.replace(" ", "").replace("\u00a0", "")
        if re.fullmatch(r"\d{2}-\d{3}", raw) or not digits.replace(",", "").replace(".", "").isdigit():
            continue
        value = float(digits.replace(",", ".")) if digits.count(",") + digits.count(".") <= 1 else 0
        if value > MAX_NUMBER and not (len(digits) == 4 and 1900 <= value <= 2100):
            found.append(raw)
    return found


@dataclass(frozen=True)
class Reading:
    """What the rules found in one text, and its fog index."""

    fog: float
    findings: tuple[str, ...]


def fog_index(words: list[str], sentence_count: int) -> float:
    if not words or not sentence_count:
        return 0.0
    hard = sum(1 for w in words if syllables(w) >= HARD_SYLLABLES)
    return round(0.4 * (len(words) / sentence_count + 100 * hard / len(words)), 1)


def read(text: str) -> Reading:
    """The rules above applied to ``text`` (plain text or Markdown without markup)."""
    text = re.sub(r"[*_`#>]+", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link: its words only
    parts = sentences(text)
    words = [w for part in parts for w in _WORD.findall(part)]
    findings = []
    for part in parts:
        count = len(_WORD.findall(part))
        if count > MAX_WORDS:
            start = " ".join(part.split()[:6])
            findings.append(
                f"zdanie „{start} …” ma {count} {plural_pl(count, 'słowo', 'słowa', 'słów')} (najwyżej {MAX_WORDS}); "
                "podziel je na krótsze zdania, jedna myśl w zdaniu"
            )
    long_words = sorted({w for w in words if syllables(w) > MAX_SYLLABLES}, key=str.lower)
    if long_words:
        shown = ", ".join(f"„{w}”" for w in long_words[:5])
        findings.append(
            f"długie słowa ({shown}: więcej niż {MAX_SYLLABLES} sylab); użyj krótszych, częściej używanych słów"
        )
    abbreviations = _abbreviations(text)
    if abbreviations:
        findings.append(
            f"skróty ({', '.join(abbreviations)}); napisz pełne słowa, a skrót nazwy wprowadź tak: "
            "„Regionalny Ośrodek Polityki Społecznej, w skrócie ROPS”"
        )
    numbers = _numbers(text)
    if numbers:
        findings.append(
            f"duże liczby lub procenty ({', '.join(numbers)}); napisz np. „wiele”, „około połowy” albo podaj małą liczbę"
        )
    fog = fog_index(words, len(parts))
    if fog > MAX_FOG and len(words) >= FOG_MIN_WORDS:
        findings.append(
            f"indeks mglistości FOG wynosi {str(fog).replace('.', ',')} (najwyżej {str(MAX_FOG).replace('.', ',')}); "
            "skróć zdania i zamień długie słowa na krótsze"
        )
    return Reading(fog, tuple(findings))
