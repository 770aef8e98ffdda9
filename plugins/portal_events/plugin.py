"""portal_events: the events calendar (wydarzenia): meetings, trainings, conferences, the gala.

Why our own plugin: the Pelican event plugins (pelican-plugins/events and its forks) read
events from article metadata, write one .ics of all events with times in the server's zone
and know nothing of organisers; the portal needs events as their own content with an
organiser from the directory, Europe/Warsaw times that survive daylight-saving changes in
calendar apps (VTIMEZONE from the `icalendar` library), Event JSON-LD, and the events on
the organisers' profiles and on the home page.

Signals:
- ``initialized``: URL settings.
- ``get_generators``: adds EventGenerator (list, pages, .ics files).
- ``all_generators_finalized``: links each event to its organiser's profile and back.
Content kind registered with portal_content: ``event`` (content/wydarzenia/**/*.md); the
checker requires the end after the start, a place or an online link, a known organiser and
a registration contact when registration is given.
Settings read: EVENTS_URL, EVENTS_CALENDAR, OWNER, SITE_ADDRESS, BUILD_DATE.
"""

from __future__ import annotations

from typing import Any

from portal_content.problems import Problem, display_path
from portal_content.validate import Kind, Record

from .generator import EventGenerator
from .schema import ROPS, EventMeta


def check_events(records: list[Record], settings: dict[str, Any]) -> list[Problem]:
    """Cross-field rules of events (the photo in `image:` is checked by portal_content, as
    for news items)."""
    organisers = {r.slug for r in records if r.kind in ("entity", "owes")} | {ROPS}
    problems = []
    for record in records:
        if record.kind != "event":
            continue
        meta: Any = record.meta
        shown = display_path(record.path)

        def problem(loc: tuple, field: str, message: str, shown=shown, record=record) -> None:
            problems.append(Problem(shown, record.doc.line_for(loc), field, message))

        if meta.end <= meta.start:
            problem(
                ("end",),
                "end",
                f"koniec ({meta.end:%Y-%m-%d %H:%M}) nie jest po początku ({meta.start:%Y-%m-%d %H:%M}); "
                "wpisz datę i godzinę zakończenia późniejszą niż start",
            )
        if meta.place is None and meta.online is None:
            problem(
                ("title",),
                "place",
                "podaj miejsce (place: nazwa, ulica, kod, miasto) albo link online (online:)",
            )
        if meta.organiser not in organisers:
            problem(
                ("organiser",),
                "organiser",
                f"nie ma organizatora „{meta.organiser}”; wpisz nazwę pliku profilu z content/podmioty/ "
                "lub content/owes/ (bez .md) albo rops",
            )
        registration = meta.registration
        if registration is not None and not (registration.url or registration.email or registration.phone):
            problem(("registration",), "registration", "podaj, jak się zapisać: url, email lub phone")
        if registration is not None and registration.deadline and registration.deadline > meta.start.date():
            problem(
                ("registration", "deadline"),
                "registration.deadline",
                "termin zapisów jest po początku wydarzenia; wpisz datę nie późniejszą niż start",
            )
    return problems


def get_generators(pelican):
    return EventGenerator


# What events declare (the wiring, portal_site, registers it)
KINDS = [Kind("event", "wydarzenia", EventMeta, "event")]
CHECKERS = [check_events]
