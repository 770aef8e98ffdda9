"""Polish formatting for templates: dates ("27 listopada 2026") and numbers ("1 234,50").

Written out here rather than taken from the system locale: a build must not depend on
whether pl_PL is installed, and Polish grouping of four-digit numbers differs between
CLDR (no grouping) and what buyers expect on prices (always grouped).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from portal_content.problems import plural_pl as _plural

MONTHS_GENITIVE = (
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
)
MONTHS_NOMINATIVE = (
    "styczeń",
    "luty",
    "marzec",
    "kwiecień",
    "maj",
    "czerwiec",
    "lipiec",
    "sierpień",
    "wrzesień",
    "październik",
    "listopad",
    "grudzień",
)
NBSP = "\u00a0"


def date_pl(value: dt.date) -> str:
    """27 listopada 2026"""
    return f"{value.day} {MONTHS_GENITIVE[value.month - 1]} {value.year}"


def month_pl(value: dt.date) -> str:
    """listopad 2026"""
    return f"{MONTHS_NOMINATIVE[value.month - 1]} {value.year}"


def date_iso(value: dt.date) -> str:
    return value.strftime("%Y-%m-%d")


def datetime_iso(value: dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    return date_iso(value)


def number_pl(value: float | int | Decimal, decimals: int = 0) -> str:
    """1 234,50 with a non-breaking space as the thousands separator."""
    quantum = Decimal(1).scaleb(-decimals)
    number = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = NBSP.join(groups)
    return sign + text + ("," + fraction if decimals else "")


def plural_pl(count: int, one: str, few: str, many: str) -> str:
    """Polish plural: 1 aktualność, 2 aktualności, 5 aktualności (the rule of messages, too)."""
    return _plural(count, one, few, many)


_ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
_ORDER = {letter: index for index, letter in enumerate(_ALPHABET)}


def sort_key_pl(text: str) -> tuple:
    """Polish alphabetical order (ą after a, ł after l, ż last), case-insensitive."""
    folded = text.casefold()
    return tuple(_ORDER.get(ch, 100 + ord(ch)) for ch in folded)


def money_pl(value, decimals: int = 2) -> str:
    """1 234,50 zł (non-breaking spaces, so the amount never wraps)."""
    return number_pl(value, decimals) + NBSP + "zł"


def page_window(current: int, last: int, around: int = 2) -> list[int | None]:
    """The page numbers a list's pagination links to: the first, the last and ``around``
    either side of the current one; ``None`` where numbers are left out. A gap of a single
    number shows that number instead (``1 2 3`` rather than ``1 … 3``).

    A news list of ten years has hundreds of pages: linking every one of them on every page
    would be hundreds of links to tab and listen through (and most of the page's weight).
    """
    shown = {1, last, *range(max(1, current - around), min(last, current + around) + 1)}
    numbers: list[int | None] = []
    for number in sorted(shown):
        if numbers and number - numbers[-1] == 2:
            numbers.append(number - 1)
        elif numbers and number - numbers[-1] > 2:
            numbers.append(None)
        numbers.append(number)
    return numbers


def jsonld(data: dict[str, Any]) -> Markup:
    """The one way structured data (JSON-LD) is written into a page, for every content type:
    ``<``, ``>``, ``&`` and ``'`` become ``\\u003c`` etc. (as Jinja's ``tojson`` does), so a
    title or a URL can never end the ``<script>`` element or open an HTML comment in it,
    and the block still parses as JSON equal to the data."""
    return htmlsafe_json_dumps(data, dumps=json.dumps, ensure_ascii=False)


FILTERS = {
    "jsonld": jsonld,
    "date_pl": date_pl,
    "month_pl": month_pl,
    "date_iso": date_iso,
    "datetime_iso": datetime_iso,
    "number_pl": number_pl,
    "money_pl": money_pl,
    "page_window": page_window,
}
