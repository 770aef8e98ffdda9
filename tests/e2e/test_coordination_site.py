"""End-to-end: /koordynacja/ of the real content - the committee and the five working
groups with their members (institutions and roles only), meetings with agendas and minutes
linked both ways, the documents each body issued, the OWES network and the programme."""

from __future__ import annotations

from htmlscan import scan
from portal_content.validate import content_files, load
from portal_site import register_content
from sitebuild import ROOT

register_content()
FILES = content_files(ROOT / "content")
BODIES = [load(p, k) for p, k in FILES if k == "body"]
MEETINGS = [load(p, k) for p, k in FILES if k == "event" and load(p, k).meta.type == "posiedzenie"]
PUBLICATIONS = [load(p, k) for p, k in FILES if k == "publication"]
OWES = [load(p, k) for p, k in FILES if k == "owes"]


def test_the_sample_has_the_committee_five_groups_and_their_meetings():
    kinds = sorted(b.meta.kind for b in BODIES)
    assert kinds == ["grupa-robocza"] * 5 + ["komitet"]
    assert {m.meta.group for m in MEETINGS} == {b.slug for b in BODIES}
    assert sum(1 for m in MEETINGS if m.meta.minutes) >= 2


def test_the_index_lists_the_bodies_the_owes_network_and_the_programme(site):
    page = scan(site / "koordynacja" / "index.html")
    hrefs = {a.get("href") for a in page.all("a")}
    assert {f"/koordynacja/{b.slug}/" for b in BODIES} <= hrefs
    assert {f"/owes/{o.slug}/" for o in OWES} <= hrefs
    programme = {p.slug for p in PUBLICATIONS if p.meta.type == "program"}
    assert programme and {f"/wiedza/{slug}/" for slug in programme} <= hrefs


def test_a_body_page_has_members_meetings_and_documents(site):
    for body in BODIES:
        page = scan(site / "koordynacja" / body.slug / "index.html")
        hrefs = {a.get("href") for a in page.all("a")}
        for member in body.meta.members:
            assert member.institution in page.text and member.role in page.text
        for meeting in MEETINGS:
            if meeting.meta.group == body.slug:
                assert f"/wydarzenia/{meeting.meta.start.year}/{meeting.slug}/" in hrefs
                if meeting.meta.minutes:
                    assert f"/wiedza/{meeting.meta.minutes}/" in hrefs
        issued = {f"/wiedza/{p.slug}/" for p in PUBLICATIONS if p.meta.group == body.slug}
        assert issued <= hrefs


def test_a_meeting_shows_its_body_agenda_and_minutes_and_the_minutes_name_the_body(site):
    for meeting in MEETINGS:
        page = scan(site / "wydarzenia" / str(meeting.meta.start.year) / meeting.slug / "index.html")
        hrefs = {a.get("href") for a in page.all("a")}
        assert f"/koordynacja/{meeting.meta.group}/" in hrefs
        assert all(item in page.text for item in meeting.meta.agenda) and "Porządek obrad" in page.text
        if meeting.meta.minutes:
            assert f"/wiedza/{meeting.meta.minutes}/" in hrefs
    for publication in PUBLICATIONS:
        if publication.meta.group:
            page = scan(site / "wiedza" / publication.slug / "index.html")
            assert f"/koordynacja/{publication.meta.group}/" in {a.get("href") for a in page.all("a")}
