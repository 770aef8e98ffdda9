"""End-to-end: certificates on every page that shows them, with one status, never lying."""

from __future__ import annotations

import csv
import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest
from htmlscan import html_files, scan
from portal_certification.status import LABELS, status_on
from portal_content.validate import content_files, load
from portal_site import register_content
from sitebuild import BUILD_DATE, ROOT, build_in_process

register_content()
SETTINGS = {"PATH": ROOT / "content", "CATALOGUE_PATH": ROOT / "catalogue"}
EDITIONS = [load(p, k) for p, k in content_files(SETTINGS) if k == "edition"]
CERTS = [(e.meta, c) for e in EDITIONS for c in e.meta.certificates]
DAY = dt.date.fromisoformat(BUILD_DATE)


def status(c):
    return status_on(DAY, c.valid_from, c.valid_until)


def test_sample_editions():
    assert len(EDITIONS) >= 3 and len(CERTS) >= 20
    codes = {status(c).code for _, c in CERTS}
    assert {"valid", "expiring", "expired"} <= codes
    assert sum(1 for _, c in CERTS if c.renews) >= 3
    assert sum(1 for _, c in CERTS if c.products) >= 8
    assert all(e.meta.sample for e in EDITIONS)


@pytest.mark.parametrize(
    "edition,cert", CERTS, ids=lambda v: getattr(v, "number", None) or str(getattr(v, "year", ""))
)
def test_certificate_on_every_page_with_one_status(site, edition, cert):
    label = LABELS[status(cert).code]
    verify = scan(site / "zakup-prospoleczny" / "certyfikat" / cert.number / "index.html")
    assert label in verify.text and cert.number in verify.text
    assert (site / "zakup-prospoleczny" / "certyfikat" / cert.number / "znak.svg").is_file()
    ET.parse(site / "zakup-prospoleczny" / "certyfikat" / cert.number / "qr.svg")
    edition_page = (site / "zakup-prospoleczny" / f"edycja-{edition.year}" / "index.html").read_text(
        encoding="utf-8"
    )
    profile = (site / "podmioty" / cert.entity / "index.html").read_text(encoding="utf-8")
    for html in (edition_page, profile):
        block = html.split(f'href="/zakup-prospoleczny/certyfikat/{cert.number}/"')[0].rsplit(
            '<div class="pl-cert ', 1
        )[1]
        assert (
            f"pl-cert--{status(cert).code}" in block
            and f"<strong data-pl-cert-status>{label}</strong>" in block
        )
        assert f'data-valid-until="{cert.valid_until.isoformat()}"' in block
    for product in cert.products:
        page = (site / "katalog" / product / "index.html").read_text(encoding="utf-8")
        # a product shows the current certificate covering it that runs longest
        covering = [(e, c) for e, c in CERTS if product in c.products and status(c).current]
        if covering:
            best_edition, best = max(covering, key=lambda pair: pair[1].valid_until)
            assert f"Zakup Prospołeczny {best_edition.year}</span>" in page
            assert f'data-valid-until="{best.valid_until.isoformat()}"' in page
        else:
            assert (
                '<span class="pl-cert__name">Zakup Prospołeczny' not in page
            )  # at most "Certyfikowany wytwórca"


def test_no_page_calls_an_expired_certificate_valid(site):
    expired = {c.number: c for _, c in CERTS if status(c).code == "expired"}
    for path in html_files(site):
        html = path.read_text(encoding="utf-8")
        for part in html.split('<div class="pl-cert ')[1:]:
            until = part.split('data-valid-until="', 1)[1][:10]
            if dt.date.fromisoformat(until) < DAY:
                assert (
                    "pl-cert--expired" in part.split(">", 1)[0]
                    and "<strong data-pl-cert-status>wygasł</strong>" in part
                ), path
    assert expired


def test_build_after_every_end_date_shows_nothing_valid(tmp_path):
    last = max(c.valid_until for _, c in CERTS)
    result = build_in_process(None, tmp_path / "output", build_date=(last + dt.timedelta(days=1)).isoformat())
    assert result.returncode == 0, result.stderr
    badges = 0
    for path in html_files(tmp_path / "output"):
        html = path.read_text(encoding="utf-8")
        badges += html.count('<div class="pl-cert ')
        assert "pl-cert--valid" not in html and "pl-cert--expiring" not in html, path
        assert "<strong data-pl-cert-status>ważny" not in html, path
    assert badges > len(CERTS)  # the badges are still there, as history
    assert "Brak ważnych certyfikatów" in (
        tmp_path / "output" / "zakup-prospoleczny" / "index.html"
    ).read_text(encoding="utf-8")


def test_open_data_matches(site):
    with open(site / "dane" / "certyfikaty.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {r["numer"]: r for r in csv.DictReader(handle)}
    document = json.loads((site / "dane" / "certyfikaty.json").read_text(encoding="utf-8"))
    items = {r["numer"]: r for r in document["certyfikaty"]}
    assert set(rows) == set(items) == {c.number for _, c in CERTS}
    for _, c in CERTS:
        assert (
            rows[c.number]["status_w_dniu_zbudowania"]
            == items[c.number]["status_w_dniu_zbudowania"]
            == status(c).code
        )
        assert items[c.number]["wazny_do"] == c.valid_until.isoformat()


def test_certified_now_is_marked_for_the_filters(site):
    current = {c.entity for _, c in CERTS if status(c).current}
    page = scan(site / "podmioty" / "index.html")
    cards = {
        a.get("data-powiat") + a.get("data-forma"): a
        for t, a in page.tags
        if t == "li" and a.get("class") == "pl-entity-card"
    }
    assert sum(1 for a in cards.values() if a.get("data-certyfikat") == "1") == len(current)
    home = scan(site / "index.html").text
    assert "ważnych certyfikatów" in home or "ważne certyfikaty" in home


def test_the_gala_news_gives_the_numbers_of_the_register():
    """Sample content agrees with itself: a gala's news item says how many entities got a
    certificate and how many for the first time, and the edition's register holds exactly
    those (a certificate that renews an earlier one is not a first)."""
    import re

    from sitebuild import ROOT

    settings = {"PATH": ROOT / "content", "CATALOGUE_PATH": ROOT / "catalogue"}
    files = content_files(settings)
    editions = {r.meta.year: r.meta for r in (load(p, k) for p, k in files if k == "edition")}
    galas = [r for r in (load(p, k) for p, k in files if k == "news") if "gala" in (r.meta.tags or [])]
    checked = 0
    for news in galas:
        said = re.search(r"certyfikaty dla (\d+) podmiot", news.meta.title)
        first = re.search(r"w tym (\d+) po raz pierwszy", news.meta.summary or "")
        if not said:
            continue
        edition = editions[news.meta.date.year]
        assert int(said.group(1)) == len({c.entity for c in edition.certificates}), news.path
        if first:
            assert int(first.group(1)) == sum(1 for c in edition.certificates if not c.renews), news.path
        checked += 1
    assert checked >= 1
