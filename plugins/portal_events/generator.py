"""EventGenerator: /wydarzenia/ (upcoming first, then past by year), one page and one .ics
per event, and the subscribable calendar of all events."""

from __future__ import annotations

import datetime as dt
import functools
from itertools import groupby
from pathlib import Path

from pelican.generators import Generator
from portal_build import carry
from portal_build.render import write_data
from portal_content.validate import records_of
from portal_core.address import site_address

from .model import Event, build_date, calendar, upcoming_now


class EventGenerator(Generator):
    def generate_context(self) -> None:
        events = [Event.from_record(record, self.settings) for record in records_of(self.settings, "event")]
        self.events = sorted(events, key=lambda e: (e.start, e.slug))
        self.context["events"] = self
        # how a build on another day knows whether a page showing an event's state must change
        carry.date_value("wydarzenie", functools.partial(upcoming_now, {e.url: e for e in self.events}))

    def content_items(self) -> dict[str, list]:
        """The items this generator made, by kind (portal_content.relations links them)."""
        return {"event": self.events}

    @property
    def today(self) -> dt.date:
        return build_date(self.settings)

    @property
    def upcoming(self) -> list[Event]:
        return [e for e in self.events if e.upcoming(self.today)]

    @property
    def past_by_year(self) -> list[tuple[int, list[Event]]]:
        past = sorted(
            (e for e in self.events if not e.upcoming(self.today)), key=lambda e: e.start, reverse=True
        )
        return [(year, list(items)) for year, items in groupby(past, key=lambda e: e.start.year)]

    def generate_output(self, writer) -> None:
        base = self.settings["EVENTS_URL"]
        public = site_address(self.settings)
        writer.write_file(base + "index.html", self.get_template("events"), self.context)
        stamp = dt.datetime.combine(self.today, dt.time(), tzinfo=dt.UTC)
        out = Path(self.output_path)
        for event in self.events:
            writer.write_file(event.save_as, self.get_template("event"), self.context, event=event)
            # drawn with the pages (in parallel): a few ms a calendar, hundreds of events
            write_data(writer, out / event.ics_url, calendar, [event], public, event.title, stamp)
        name = f"Wydarzenia – {self.settings['SITENAME']}"
        write_data(writer, out / self.settings["EVENTS_CALENDAR"], calendar, self.events, public, name, stamp)
