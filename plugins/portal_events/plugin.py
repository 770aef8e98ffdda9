"""portal_events: the events calendar (wydarzenia): meetings, trainings, conferences, the gala.

Why our own plugin: the Pelican event plugins (pelican-plugins/events and its forks) read
events from article metadata, write one .ics of all events with times in the server's zone
and know nothing of organisers; the portal needs events as their own content with an
organiser from the directory, Europe/Warsaw times that survive daylight-saving changes in
calendar apps (VTIMEZONE from the `icalendar` library), Event JSON-LD, and the events on
the organisers' profiles and on the home page.

Handlers (wired by portal_site):
- ``get_generators``: adds EventGenerator (list, pages, .ics files).
An event declares its organiser (``Event.RELATIONS``); portal_content.relations links it.
Declares the content kind ``event`` (content/wydarzenia/**/*.md); the rules of
``check_events`` require the end after the start, a place or an online link, a known organiser and
a registration contact when registration is given.
Settings read: EVENTS_URL, EVENTS_CALENDAR, OWNER, SITE_ADDRESS, BUILD_DATE.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from portal_content.problems import Problem, nearest
from portal_content.validate import Kind, Record, Rules, rule

from .generator import EventGenerator
from .schema import ROPS, EventMeta


@rule("event")
def ends_after_it_starts(record: Record, organisers: set[str]) -> Iterator[Problem]:
    meta: Any = record.meta
    if meta.end <= meta.start:
        yield record.problem(
            ("end",),
            f"koniec ({meta.end:%Y-%m-%d %H:%M}) nie jest po początku ({meta.start:%Y-%m-%d %H:%M}); "
            "wpisz datę i godzinę zakończenia późniejszą niż start",
        )


@rule("event")
def has_a_place_or_a_link(record: Record, organisers: set[str]) -> Iterator[Problem]:
    if record.meta.place is None and record.meta.online is None:
        yield record.problem(
            ("title",), "podaj miejsce (place: nazwa, ulica, kod, miasto) albo link online (online:)", "place"
        )


@rule("event")
def organiser_exists(record: Record, organisers: set[str]) -> Iterator[Problem]:
    if record.meta.organiser not in organisers:
        yield record.problem(
            ("organiser",),
            f"nie ma organizatora „{record.meta.organiser}”; {nearest(record.meta.organiser, organisers)}"
            "wpisz nazwę pliku profilu z content/podmioty/ "
            "lub content/owes/ (bez .md) albo rops",
        )


@rule("event")
def registration_says_how_and_closes_in_time(record: Record, organisers: set[str]) -> Iterator[Problem]:
    meta: Any = record.meta
    registration = meta.registration
    if registration is not None and not (registration.url or registration.email or registration.phone):
        yield record.problem(("registration",), "podaj, jak się zapisać: url, email lub phone")
    if registration is not None and registration.deadline and registration.deadline > meta.start.date():
        yield record.problem(
            ("registration", "deadline"),
            "termin zapisów jest po początku wydarzenia; wpisz datę nie późniejszą niż start",
        )


# Cross-field rules of events (the photo in `image:` is checked by portal_content, as for
# news items); the facts are the organisers an event may name.
check_events = Rules(
    lambda records, settings: {r.slug for r in records if r.kind in ("entity", "owes")} | {ROPS},
    (ends_after_it_starts, has_a_place_or_a_link, organiser_exists, registration_says_how_and_closes_in_time),
)


def get_generators(pelican):
    return EventGenerator


# What events declare (the wiring, portal_site, registers it)
KINDS = [Kind("event", "wydarzenia", EventMeta, "event")]
CHECKERS = [check_events]
