"""The events calendar of the real content: list order, pages, .ics files, links from profiles."""

from __future__ import annotations

import datetime as dt

from htmlscan import scan
from icalendar import Calendar


def titles_in(html_path, marker: str) -> list[str]:
    """Titles of event cards in the part of the page after ``marker`` (a heading id)."""
    text = html_path.read_text(encoding="utf-8")
    part = text.split(f'id="{marker}"', 1)[1]
    return [
        chunk.split(">", 1)[1].split("<", 1)[0]
        for chunk in part.split('class="pl-event-card__title"><a href=')[1:]
    ]


def test_upcoming_first_soonest_on_top_then_past_by_year(site):
    page = site / "wydarzenia" / "index.html"
    upcoming = titles_in(page, "nadchodzace")
    assert upcoming[0] == "Jak założyć spółdzielnię socjalną? Szkolenie dla grup inicjatywnych"  # 3 Dec 2026
    assert len(upcoming) >= 10  # the list after the marker runs on into the past ones
    html = page.read_text(encoding="utf-8")
    assert html.index('id="nadchodzace"') < html.index('id="minione-2026"') < html.index('id="minione-2025"')
    past_2026 = titles_in(page, "minione-2026")
    assert (
        past_2026[0] == "Dwudniowa wizyta studyjna: ekonomia społeczna na Dolnym Śląsku"
    )  # most recent first


def test_every_event_has_a_page_with_jsonld_and_an_ics_file(site):
    pages = sorted((site / "wydarzenia").glob("*/*/index.html"))
    assert len(pages) >= 10
    for path in pages:
        ics = path.parent / "wydarzenie.ics"
        assert ics.is_file(), path
        (entry,) = [c for c in Calendar.from_ical(ics.read_bytes()).walk() if c.name == "VEVENT"]
        assert entry.decoded("dtstart").tzinfo is not None
        links = [a.get("href") for a in scan(path).all("a")]
        assert "/" + ics.relative_to(site).as_posix() in links


def test_subscribable_calendar_holds_every_event(site):
    data = (site / "wydarzenia" / "kalendarz.ics").read_bytes()
    cal = Calendar.from_ical(data)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    assert len(events) == len(list((site / "wydarzenia").glob("*/*/index.html")))
    assert str(cal["x-wr-timezone"]) == "Europe/Warsaw"
    summer = next(e for e in events if str(e["summary"]).startswith("Jarmark"))
    assert summer.decoded("dtstart").utcoffset() == dt.timedelta(hours=2)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="/wydarzenia/2026/szkolenie-jak-zalozyc-spoldzielnie-pila/"' in home


def test_organisers_profiles_list_their_events(site):
    entity = (site / "podmioty" / "szwalnia-dobrych-rzeczy" / "index.html").read_text(encoding="utf-8")
    assert 'href="/wydarzenia/2026/kiermasz-swiateczny-szwalnia/"' in entity
    owes = (site / "owes" / "owes-pilski" / "index.html").read_text(encoding="utf-8")
    assert 'href="/wydarzenia/2026/szkolenie-jak-zalozyc-spoldzielnie-pila/"' in owes
    event = (site / "wydarzenia" / "2026" / "kiermasz-swiateczny-szwalnia" / "index.html").read_text(
        encoding="utf-8"
    )
    assert 'href="/podmioty/szwalnia-dobrych-rzeczy/">Fundacja „Szwalnia Dobrych Rzeczy”</a>' in event
