"""An event with its times in Europe/Warsaw, its page, JSON-LD and iCalendar entry."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone, vText
from icalendar import Event as IcsEvent
from portal_build.render import note_date_read
from portal_content.model import Item
from portal_content.relations import Ref

from .schema import EVENT_TYPES, EventMeta

WARSAW = ZoneInfo("Europe/Warsaw")
PRODID = "-//ROPS Poznań//Ekonomia społeczna w Wielkopolsce//PL"


class Event(Item):
    KIND = "event"
    URL_SETTING = "EVENT_URL"
    RELATIONS = {
        "organiser": Ref(("entity", "owes"), "organiser"),  # None: ROPS itself
        "group": Ref("body", "group"),  # a meeting's committee or working group
        "minutes": Ref("publication", "minutes"),
    }

    meta: EventMeta

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ics_url = self.url + "wydarzenie.ics"

    def address_fields(self) -> dict[str, Any]:
        return {"slug": self.slug, "year": self.start.year}

    @property
    def start(self) -> dt.datetime:
        return self.meta.start.replace(tzinfo=WARSAW)

    @property
    def end(self) -> dt.datetime:
        return self.meta.end.replace(tzinfo=WARSAW)

    @property
    def type_label(self) -> str:
        return EVENT_TYPES[self.meta.type]

    @property
    def one_day(self) -> bool:
        return self.start.date() == self.end.date()

    @property
    def attendance(self) -> str:
        if self.meta.place and self.meta.online:
            return "stacjonarnie i online"
        return "online" if self.meta.online else "stacjonarnie"

    def upcoming(self, today: dt.date) -> bool:
        """Not over yet on ``today`` (events that end today are still upcoming)."""
        answer = self.end.date() >= today
        if today == build_date(self.settings):  # what the page shows changes with the build date
            note_date_read(("wydarzenie", self.url), answer)
        else:  # another day, maybe counted from the build date: any new date renders it again
            note_date_read(("BUILD_DATE",), str(build_date(self.settings)))
        return answer

    @property
    def is_upcoming(self) -> bool:
        """Not over yet on the build date (what pages show)."""
        return self.upcoming(build_date(self.settings))

    @property
    def organiser_name(self) -> str:
        if self.organiser is None:
            return self.settings["OWNER"]["name"]
        return self.organiser.meta.name

    @property
    def organiser_email(self) -> str:
        contact = getattr(getattr(self.organiser, "meta", None), "contact", None)
        return getattr(contact, "email", None) or self.settings["OWNER"]["email"]

    def organiser_url(self, siteurl: str) -> str:
        if self.organiser is None:
            return f"{siteurl}/kontakt/"
        return f"{siteurl}/{self.organiser.url}"

    def uid(self) -> str:
        """Stable across builds and edits of everything but the address of the page."""
        digest = hashlib.sha256(self.url.encode("utf-8")).hexdigest()[:16]
        return f"{digest}@wielkopolskaes.pl"

    def jsonld(self, siteurl: str, image_url: str | None) -> dict[str, Any]:
        meta = self.meta
        modes = {
            "stacjonarnie": "https://schema.org/OfflineEventAttendanceMode",
            "online": "https://schema.org/OnlineEventAttendanceMode",
            "stacjonarnie i online": "https://schema.org/MixedEventAttendanceMode",
        }
        locations: list[dict[str, Any]] = []
        if meta.place:
            locations.append(
                {
                    "@type": "Place",
                    "name": meta.place.name,
                    "address": {
                        "@type": "PostalAddress",
                        "streetAddress": meta.place.street,
                        "postalCode": meta.place.postal_code,
                        "addressLocality": meta.place.city,
                        "addressRegion": "wielkopolskie",
                        "addressCountry": "PL",
                    },
                }
            )
        if meta.online:
            locations.append({"@type": "VirtualLocation", "url": meta.online})
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": meta.title,
            "description": meta.summary,
            "startDate": self.start.isoformat(),
            "endDate": self.end.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": modes[self.attendance],
            "location": locations[0] if len(locations) == 1 else locations,
            "organizer": {
                "@type": "Organization",
                "name": self.organiser_name,
                "url": self.organiser_url(siteurl),
            },
            "url": f"{siteurl}/{self.url}",
            "inLanguage": "pl",
        }
        if image_url:
            data["image"] = [image_url]
        return data  # written into the page by the `jsonld` filter (portal_theme), escaped there

    def ics_event(self, siteurl: str, stamp: dt.datetime) -> IcsEvent:
        meta = self.meta
        entry = IcsEvent()
        entry.add("uid", self.uid())
        entry.add("dtstamp", stamp)
        entry.add("dtstart", self.start)
        entry.add("dtend", self.end)
        entry.add("summary", meta.title)
        page = f"{siteurl}/{self.url}"
        lines = [meta.summary]
        if meta.online:
            lines.append(f"Online: {meta.online}")
        if meta.registration and meta.registration.url:
            lines.append(f"Zapisy: {meta.registration.url}")
        lines.append(f"Więcej: {page}")
        entry.add("description", "\n\n".join(lines))
        entry.add("url", page)
        if meta.place:
            place = meta.place
            entry.add("location", vText(f"{place.name}, {place.street}, {place.postal_code} {place.city}"))
        elif meta.online:
            entry.add("location", vText("online"))
        entry.add("categories", [self.type_label])
        entry.add("organizer", f"mailto:{self.organiser_email}", parameters={"cn": self.organiser_name})
        entry.add("status", "CONFIRMED")
        entry.add("transp", "OPAQUE")
        return entry


def build_date(settings: dict[str, Any]) -> dt.date:
    """The build date (portal_theme sets it; today where a test's settings lack it)."""
    value = settings.get("BUILD_DATE")
    return value if isinstance(value, dt.date) else dt.date.today()


def upcoming_now(events: dict[str, Event], key: tuple) -> bool:
    """The value an ``upcoming`` read of ``key`` gives in this build."""
    event = events[key[1]]
    return event.end.date() >= build_date(event.settings)


def calendar(events: list[Event], siteurl: str, name: str, stamp: dt.datetime) -> bytes:
    """An iCalendar file with ``events`` and the Europe/Warsaw time zone definition (stamped
    with the build date: made again every day)."""
    note_date_read(("BUILD_DATE",), str(stamp.date()))
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Warsaw")
    cal.add("refresh-interval", dt.timedelta(hours=12), parameters={"value": "DURATION"})
    for event in events:
        cal.add_component(event.ics_event(siteurl, stamp))
    text = cal.to_ical()
    # add_missing_timezones() would put the time zone definitions first among the
    # components; the same Europe/Warsaw definition (long, folded RDATE lines) would be made
    # and written again for every file (500 event files on a large portal, every night: the
    # stamp is the build date), so it is written once and put in the same place
    zones = b"".join(_vtimezone(tzid) for tzid in sorted(cal.get_missing_tzids()))
    if zones:
        first = text.index(b"\r\nBEGIN:VEVENT\r\n") + 2  # a line of its own: values never hold CRLF
        text = text[:first] + zones + text[first:]
    return text


@functools.cache
def _vtimezone(tzid: str) -> bytes:
    return Timezone.from_tzid(tzid).to_ical()
