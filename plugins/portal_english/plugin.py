"""portal_english: the English part of the portal (/en/) for partners and buyers abroad.

Why our own plugin: pelican-plugins' i18n_subsites builds a whole second site per language
from gettext catalogues; here English is a curated subset (about the sector, the support
centres, the directory, contact, the accessibility statement), written beside the Polish
text in the same content files (``en:`` fields), and one build must know each page's
counterpart in the other language for the language switch and ``hreflang``.
Filters ``date_en``, ``money_en`` (PLN, net and gross explained by the templates) and
``number_en`` format for English readers.

Handlers (wired by portal_site):
- ``setup`` (``initialized``): Jinja globals ``UI`` (the frame's words, ui.py),
  ``counterpart(url)`` and ``alternates(url)`` (a page's other-language address and its
  hreflang pairs, from the pairs the generator records); forgets the last build's pairs.
- ``get_generators``: adds EnglishGenerator (generator.py).
Declares the kind ``en_page`` (content/en/*.md, body required); ``check_english``: a page's
``counterpart`` is a Polish page. A missing ``en:`` field is never an error.
Settings read: EN_URL, EN_PAGE_URL, EN_DIRECTORY_URL, EN_OWES_URL, EN_CATALOGUE_URL, SITENAME_EN,
SITESUBTITLE_EN, NAVIGATION_EN, FOOTER_EN.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from portal_content.problems import Problem, nearest
from portal_content.validate import Kind, Record, Rules, rule

from .schema import EnglishPageMeta
from .ui import UI

_pairs: dict[str, str] = {}  # address -> its counterpart's, both ways (relative to the site)


def pair(polish: str, english: str) -> None:
    """Record that two pages say the same in Polish and in English."""
    _pairs[polish] = english
    _pairs[english] = polish


def counterpart(url: str) -> str | None:
    return _pairs.get(url)


def alternates(url: str) -> list[tuple[str, str]]:
    """(hreflang, address) of the page in both languages, or nothing when it has no
    counterpart."""
    other = _pairs.get(url)
    if other is None:
        return []
    english = url if url.startswith("en/") else other
    polish = other if english == url else url
    return [("pl", polish), ("en", english)]


MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def date_en(value: Any) -> str:
    """27 November 2026"""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def money_en(value: Any) -> str:
    """PLN 1,234.50 (a non-breaking space after the code: the amount never wraps)."""
    return f"PLN\u00a0{Decimal(str(value)).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"


def number_en(value: Any) -> str:
    """1,234"""
    return f"{int(value):,}"


def setup(pelican) -> None:
    _pairs.clear()
    pelican.settings.setdefault("JINJA_GLOBALS", {}).update(
        UI=UI, counterpart=counterpart, alternates=alternates
    )
    pelican.settings.setdefault("JINJA_FILTERS", {}).update(
        date_en=date_en, money_en=money_en, number_en=number_en
    )


@dataclass
class EnglishFacts:
    pages: set[str]  # the published Polish pages (their slugs): what a counterpart may name


@rule("en_page")
def counterpart_is_a_polish_page(record: Record, facts: EnglishFacts) -> Iterator[Problem]:
    slug = record.meta.counterpart
    if slug is not None and slug not in facts.pages:
        yield record.problem(
            ("counterpart",),
            f"nie ma opublikowanej polskiej strony „{slug}” w content/strony/; {nearest(slug, facts.pages)}"
            "wpisz nazwę jej pliku bez .md",
        )


check_english = Rules(
    lambda records, settings: EnglishFacts(
        {r.slug for r in records if r.kind == "page" and getattr(r.meta, "status", "published") != "draft"}
    ),
    (counterpart_is_a_polish_page,),
)


def get_generators(pelican):
    from .generator import EnglishGenerator

    return EnglishGenerator


KINDS = [Kind("en_page", "en", EnglishPageMeta, "en_page", body_required=True)]
CHECKERS = [check_english]
