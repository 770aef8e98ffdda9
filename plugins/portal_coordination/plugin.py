"""portal_coordination: the Regional Committee for the social economy and its working
groups (/koordynacja/), their members, meetings and outputs.

Why our own plugin: coordination is its own content (bodies with members) tied to events
(a meeting names its body, with an agenda and minutes) and to publications (resolutions,
minutes, the programme name the body that issued them); pelican-plugins have nothing of
the kind.

Handlers (wired by portal_site): ``get_generators`` adds CoordinationGenerator.
Declares the kind ``body`` (content/koordynacja/*.md); the rules of ``check_coordination``:
a meeting (event type "posiedzenie") names a known body and minutes that are a publication;
an event or a publication that names a body names a known one.
Settings read: COORDINATION_URL, BODY_URL, OWES_INDEX_URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from portal_content.problems import Problem, nearest
from portal_content.validate import Kind, Record, Rules, rule

from .schema import BodyMeta


def coordination_facts(records: list[Record], settings: dict[str, Any]) -> dict[str, set[str]]:
    return {
        "bodies": {r.slug for r in records if r.kind == "body"},
        "publications": {r.slug for r in records if r.kind == "publication"},
    }


def _known_body(record: Record, facts: dict[str, set[str]]) -> Iterator[Problem]:
    body = getattr(record.meta, "group", None)
    if body is not None and body not in facts["bodies"]:
        yield record.problem(
            ("group",),
            f"nie ma komitetu ani grupy „{body}”; {nearest(body, facts['bodies'])}"
            "wpisz nazwę pliku z content/koordynacja/ bez .md",
        )


@rule("event")
def a_meeting_names_its_body_and_minutes(record: Record, facts: dict[str, set[str]]) -> Iterator[Problem]:
    meta: Any = record.meta
    if meta.type == "posiedzenie" and meta.group is None:
        yield record.problem(
            ("type",),
            "posiedzenie potrzebuje pola 'group:' z komitetem albo grupą roboczą (nazwa pliku z content/koordynacja/)",
            "group",
        )
    yield from _known_body(record, facts)
    if meta.minutes is not None and meta.minutes not in facts["publications"]:
        yield record.problem(
            ("minutes",),
            f"nie ma publikacji „{meta.minutes}”; {nearest(meta.minutes, facts['publications'])}"
            "wpisz nazwę pliku protokołu z content/wiedza/ bez .md",
        )


@rule("publication")
def a_publication_names_a_known_body(record: Record, facts: dict[str, set[str]]) -> Iterator[Problem]:
    yield from _known_body(record, facts)


check_coordination = Rules(
    coordination_facts, (a_meeting_names_its_body_and_minutes, a_publication_names_a_known_body)
)


def get_generators(pelican):
    from .generator import CoordinationGenerator

    return CoordinationGenerator


KINDS = [Kind("body", "koordynacja", BodyMeta, "body", body_required=True)]
CHECKERS = [check_coordination]
