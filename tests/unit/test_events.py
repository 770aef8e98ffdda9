"""Events: times in Europe/Warsaw (also across a daylight-saving change), iCalendar, JSON-LD."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from icalendar import Calendar
from portal_events.model import WARSAW, Event, calendar
from portal_events.schema import EventMeta
from portal_theme.filters import jsonld

SETTINGS = {
    "EVENT_URL": "wydarzenia/{year}/{slug}/",
    "OWNER": {"name": "ROPS w Poznaniu", "email": "es@rops.poznan.pl"},
}
STAMP = dt.datetime(2026, 11, 27, tzinfo=dt.UTC)


def event(**changes) -> Event:
    fields = {
        "title": "Wizyta studyjna na Dolnym Śląsku",
        "type": "wizyta studyjna",
        "start": "2026-10-24 08:00",  # CEST, UTC+2
        "end": "2026-10-25 18:00",  # CET, UTC+1: clocks go back at 03:00 on 25 October
        "summary": "Dwa dni wyjazdu.",
        "place": {
            "name": "Parking",
            "street": "ul. Feliksa Nowowiejskiego 11",
            "postal_code": "61-731",
            "city": "Poznań",
        },
        "organiser": "rops",
        "registration": {"url": "https://example.org/zapisy"},
    }
    fields.update(changes)
    return Event(
        EventMeta.model_validate(fields), "wizyta", "content/wydarzenia/2026/wizyta.md", "Opis", SETTINGS
    )


def parsed(data: bytes) -> list:
    return [c for c in Calendar.from_ical(data).walk() if c.name == "VEVENT"]


def test_times_are_warsaw_local_across_the_dst_change():
    e = event()
    assert e.start.utcoffset() == dt.timedelta(hours=2)
    assert e.end.utcoffset() == dt.timedelta(hours=1)
    utc = dt.UTC
    # one hour longer than the wall clocks suggest (Python subtracts same-zone times by the clock)
    assert e.end.astimezone(utc) - e.start.astimezone(utc) == dt.timedelta(hours=35)


def test_icalendar_parses_back_with_the_same_instants():
    (entry,) = parsed(calendar([event()], "https://wielkopolskaes.pl", "Kalendarz", STAMP))
    start, end = entry.decoded("dtstart"), entry.decoded("dtend")
    assert str(entry["dtstart"].params["TZID"]) == "Europe/Warsaw"
    assert start.astimezone(dt.UTC) == dt.datetime(2026, 10, 24, 6, 0, tzinfo=dt.UTC)
    assert end.astimezone(dt.UTC) == dt.datetime(2026, 10, 25, 17, 0, tzinfo=dt.UTC)
    assert str(entry["summary"]) == "Wizyta studyjna na Dolnym Śląsku"
    assert str(entry["url"]) == "https://wielkopolskaes.pl/wydarzenia/2026/wizyta/"
    assert "Zapisy: https://example.org/zapisy" in str(entry["description"])
    assert str(entry["location"]) == "Parking, ul. Feliksa Nowowiejskiego 11, 61-731 Poznań"


def test_calendar_defines_the_time_zone_and_is_stable():
    events = [
        event(),
        event(title="Szkolenie zimowe", start="2027-01-21 10:00", end="2027-01-21 15:00", slug="szkolenie"),
    ]
    data = calendar(events, "https://wielkopolskaes.pl", "Kalendarz", STAMP)
    cal = Calendar.from_ical(data)
    zones = [c for c in cal.walk() if c.name == "VTIMEZONE"]
    assert [str(z["tzid"]) for z in zones] == ["Europe/Warsaw"]
    winter = parsed(data)[1].decoded("dtstart")
    assert winter.utcoffset() == dt.timedelta(hours=1)
    assert data == calendar(events, "https://wielkopolskaes.pl", "Kalendarz", STAMP)  # same bytes every build
    uids = [str(e["uid"]) for e in parsed(data)]
    assert len(set(uids)) == 2 and all(uid.endswith("@wielkopolskaes.pl") for uid in uids)


def test_jsonld_is_a_schema_org_event_with_offsets():
    data = json.loads(
        jsonld(event(online="https://example.org/transmisja").jsonld("https://wielkopolskaes.pl", None))
    )
    assert data["@type"] == "Event"
    assert data["startDate"] == "2026-10-24T08:00:00+02:00"
    assert data["endDate"] == "2026-10-25T18:00:00+01:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [loc["@type"] for loc in data["location"]] == ["Place", "VirtualLocation"]
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "ROPS w Poznaniu",
        "url": "https://wielkopolskaes.pl/kontakt/",
    }


@pytest.mark.parametrize(
    ("today", "upcoming"),
    [(dt.date(2026, 10, 23), True), (dt.date(2026, 10, 25), True), (dt.date(2026, 10, 26), False)],
)
def test_an_event_is_upcoming_until_its_last_day_ends(today, upcoming):
    assert event().upcoming(today) is upcoming


def test_naive_times_are_read_as_warsaw_time():
    assert event().start.tzinfo is WARSAW
    assert (
        event(start="2026-07-01 10:00", end="2026-07-01 11:00").start.isoformat()
        == "2026-07-01T10:00:00+02:00"
    )
