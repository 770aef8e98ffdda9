"""portal_theme: Polish template filters, the build date and checks of theme settings.

Handlers (wired by portal_site, plugins/portal_site/__init__.py):
- ``setup`` (``initialized``): adds JINJA_FILTERS/JINJA_GLOBALS (SITEURL, CSP_META: the policy for
  pages' <meta http-equiv>, and a fresh ``remember`` each build), fixes ``BUILD_DATE`` and checks ``EU_FUNDING_SIGNS`` (at most four signs,
  each with an existing file and alt text).
Settings read: ``CONTENT_SECURITY_POLICY``, ``PORTAL_BUILD_DATE`` (YYYY-MM-DD; default today, or the environment
variable of the same name, so builds can be reproduced), ``EU_FUNDING_SIGNS``, ``THEME``.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from markupsafe import Markup
from portal_content.problems import ContentError, Problem
from portal_content.render import render_markdown

from .filters import FILTERS, plural_pl

MAX_SIGNS = 4


def build_date(settings) -> dt.date:
    value = settings.get("PORTAL_BUILD_DATE") or os.environ.get("PORTAL_BUILD_DATE")
    if not value:
        return dt.date.today()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ContentError(
            [
                Problem(
                    "PORTAL_BUILD_DATE",
                    1,
                    "PORTAL_BUILD_DATE",
                    f"„{value}” to nie jest data; wpisz RRRR-MM-DD, np. 2026-11-27",
                )
            ]
        ) from None


def check_signs(settings) -> list[Problem]:
    signs = settings.get("EU_FUNDING_SIGNS", [])
    problems = []
    where = "pelicanconf.py"
    if len(signs) > MAX_SIGNS:
        problems.append(
            Problem(
                where,
                1,
                "EU_FUNDING_SIGNS",
                f"pasek ma {len(signs)} znaki, a wolno najwyżej {MAX_SIGNS}; usuń nadmiarowe",
            )
        )
    static = Path(settings["THEME"]) / "static"
    for index, sign in enumerate(signs):
        if not sign.get("alt"):
            problems.append(
                Problem(
                    where,
                    1,
                    f"EU_FUNDING_SIGNS[{index}].alt",
                    "brak tekstu alternatywnego znaku; wpisz nazwę znaku",
                )
            )
        if not (static / sign.get("src", "")).is_file():
            problems.append(
                Problem(
                    where,
                    1,
                    f"EU_FUNDING_SIGNS[{index}].src",
                    f"nie ma pliku theme/static/{sign.get('src')}; sprawdź nazwę",
                )
            )
    return problems


# Directives a policy in <meta http-equiv> cannot carry (browsers ignore them there and
# report it); they stay in the HTTP headers (deploy/_headers, nginx).
HEADER_ONLY = ("frame-ancestors", "report-uri", "report-to", "sandbox")


def meta_policy(policy: str) -> str:
    """The Content-Security-Policy for a page's <meta http-equiv> (for hosts that ignore
    the _headers file): the same policy without the directives only a header can carry."""
    kept = [part.strip() for part in policy.split(";") if part.strip()]
    return "; ".join(part for part in kept if part.split()[0].lower() not in HEADER_ONLY)


class Remembered:
    """``remember(macro, item, *args)``: the macro's HTML for ``item``, made once per build.

    A news item appears as the same card on many listing pages (the news list, its
    category, each of its tags, its year and month): on a large portal that is about six
    renderings of every card. Only for macros whose output depends on nothing but their
    arguments and the environment's globals (an imported macro does not see the page's
    context anyway). A fresh instance is made for each build (``initialized``), and each
    entry keeps its item, so an id is never reused for another object while it is cached.
    The devserver's quick update changes only a news item's body text in place, and a card
    shows none of it (title, date, category, summary and photo are front matter, whose
    change makes a full build).
    """

    def __init__(self) -> None:
        self._made: dict[tuple, tuple[object, Markup]] = {}

    def __call__(self, macro, item, *args) -> Markup:
        key = (macro.name, id(item), *args)
        made = self._made.get(key)
        if made is None or made[0] is not item:
            made = self._made[key] = (item, macro(item, *args))
        return made[1]


def setup(pelican) -> None:
    settings = pelican.settings
    problems = check_signs(settings)
    if problems:
        raise ContentError(problems)
    settings["BUILD_DATE"] = build_date(settings)
    settings.setdefault("JINJA_FILTERS", {}).update(FILTERS)
    settings.setdefault("JINJA_GLOBALS", {})["plural_pl"] = plural_pl
    settings["JINJA_GLOBALS"]["remember"] = Remembered()
    # macros imported without the page's context (cards, breadcrumbs, pagination) see only
    # the globals: without this their links lost the production address
    settings["JINJA_GLOBALS"]["SITEURL"] = settings["SITEURL"]
    settings["JINJA_GLOBALS"]["CSP_META"] = meta_policy(settings.get("CONTENT_SECURITY_POLICY", ""))

    def markdown(text: str) -> Markup:
        """Markdown text from structured fields (e.g. the accessibility statement) to HTML."""
        return render_markdown(text, settings)

    settings["JINJA_FILTERS"]["markdown"] = markdown


def news_years(generator) -> None:
    """``news_years``: (year, number of news items) newest first, for the side navigation of
    every news listing. Grouping all news by year in the template cost a pass over every
    item on each of the hundreds of listing pages of a large portal."""
    counts: dict[int, int] = {}
    for article in generator.dates:
        counts[article.date.year] = counts.get(article.date.year, 0) + 1
    generator.context["news_years"] = sorted(counts.items(), reverse=True)
