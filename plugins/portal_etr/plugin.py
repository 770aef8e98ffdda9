"""portal_etr: easy-to-read Polish (tekst łatwy do czytania, ETR).

Why our own plugin: the act on accessibility asks a public body's website for information
about what it does in easy-to-read text (art. 6 pkt 3 lit. c of the act of 19 July 2019
on ensuring accessibility to persons with special needs); no pelican-plugin gives such a
section, summaries beside the ordinary text, or checks of easy-to-read Polish.

Handlers (wired by portal_site):
- ``setup`` (``initialized``): Jinja globals ``etr_url`` (an item's easy-to-read page) and
  ``etr_paragraphs`` (an ``etr:`` summary as escaped paragraphs).
- ``get_generators``: adds EtrGenerator (/tekst-latwy/, its pages, and the short page of
  every entity, OWES, film, news item and event with an ``etr:`` summary).
Declares the kind ``etr`` (content/tekst-latwy/*.md, body required). ``notices``: what the
easy-to-read rules (readability.py) find in those pages and in every ``etr:`` field, told
to the editor as "Uwaga: ..." and never blocking.
Settings read: ETR_URL, ETR_PAGE_URL.
"""

from __future__ import annotations

from typing import Any

from portal_content.problems import Problem
from portal_content.validate import Kind, Record

from . import readability
from .schema import EtrPageMeta

# the kinds whose items may carry an ``etr:`` summary
SUMMARY_KINDS = ("entity", "owes", "film", "news", "event")


def notices(records: list[Record], settings: dict[str, Any]) -> list[Problem]:
    """The easy-to-read rules' findings in every ETR page and ``etr:`` summary."""
    found = []
    for record in records:
        if record.kind == "etr":
            text, loc, field = record.doc.body, (), "(treść)"
            line = record.doc.body_line
        elif record.kind in SUMMARY_KINDS and getattr(record.meta, "etr", None):
            text, loc, field = record.meta.etr, ("etr",), None
            line = None
        else:
            continue
        for finding in readability.read(text).findings:
            problem = record.problem(loc, f"tekst łatwy do czytania: {finding}", field)
            if line is not None:
                problem = Problem(problem.path, line, problem.field, problem.message)
            found.append(problem)
    return found


def setup(pelican) -> None:
    from .generator import etr_url, paragraphs

    pelican.settings.setdefault("JINJA_GLOBALS", {}).update(etr_url=etr_url, etr_paragraphs=paragraphs)


def get_generators(pelican):
    from .generator import EtrGenerator

    return EtrGenerator


KINDS = [Kind("etr", "tekst-latwy", EtrPageMeta, "etr", body_required=True)]
NOTICES = [notices]
