"""portal_theme.plugin: the build date, the EU signs check, the meta CSP, the once-per-build
cards (``remember``), the years of the news lists and what ``setup`` gives templates."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from portal_content.problems import ContentError
from portal_theme import plugin as theme
from sitebuild import portal_settings


def test_build_date_from_setting_environment_or_today(monkeypatch):
    monkeypatch.delenv("PORTAL_BUILD_DATE", raising=False)
    assert theme.build_date({}) == dt.date.today()
    monkeypatch.setenv("PORTAL_BUILD_DATE", "2026-11-27")
    assert theme.build_date({}) == dt.date(2026, 11, 27)
    assert theme.build_date({"PORTAL_BUILD_DATE": dt.date(2025, 1, 2)}) == dt.date(2025, 1, 2)
    with pytest.raises(ContentError) as raised:
        theme.build_date({"PORTAL_BUILD_DATE": "27.11.2026"})
    (problem,) = raised.value.problems
    assert problem.field == "PORTAL_BUILD_DATE" and "wpisz RRRR-MM-DD" in problem.message


def test_eu_signs_at_most_four_each_with_alt_and_file(tmp_path):
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "fe.svg").write_text("<svg/>")
    good = {"src": "fe.svg", "alt": "Fundusze Europejskie"}
    assert theme.check_signs({"THEME": tmp_path, "EU_FUNDING_SIGNS": [good] * 4}) == []
    problems = theme.check_signs(
        {"THEME": tmp_path, "EU_FUNDING_SIGNS": [good, {"src": "ue.svg", "alt": ""}, good, good, good]}
    )
    assert [p.field for p in problems] == [
        "EU_FUNDING_SIGNS",
        "EU_FUNDING_SIGNS[1].alt",
        "EU_FUNDING_SIGNS[1].src",
    ]
    assert "najwyżej 4" in problems[0].message and "theme/static/ue.svg" in problems[2].message


def test_meta_policy_drops_what_only_a_header_can_carry():
    policy = "default-src 'self'; frame-ancestors 'none'; img-src 'self' data:; report-uri /csp; sandbox"
    assert theme.meta_policy(policy) == "default-src 'self'; img-src 'self' data:"


def test_remember_makes_each_card_once_per_item():
    calls = []

    def card(item, size):
        calls.append((item, size))
        return f"<li>{item.title} {size}</li>"

    card.name = "card"
    remember = theme.Remembered()
    first, second = SimpleNamespace(title="A"), SimpleNamespace(title="B")
    assert remember(card, first, "m") == remember(card, first, "m") == "<li>A m</li>"
    assert remember(card, second, "m") == "<li>B m</li>" and remember(card, first, "s") == "<li>A s</li>"
    assert calls == [(first, "m"), (second, "m"), (first, "s")]


def test_news_years_newest_first_with_counts():
    dates = [SimpleNamespace(date=dt.datetime(y, 1, 1)) for y in (2024, 2026, 2026, 2025, 2026)]
    generator = SimpleNamespace(dates=dates, context={})
    theme.news_years(generator)
    assert generator.context["news_years"] == [(2026, 3), (2025, 1), (2024, 1)]


def test_setup_gives_templates_the_date_filters_and_policy(monkeypatch):
    monkeypatch.setenv("PORTAL_BUILD_DATE", "2026-11-27")
    settings = portal_settings(JINJA_FILTERS={}, JINJA_GLOBALS={}, SITEURL="https://e.pl")
    theme.setup(SimpleNamespace(settings=settings))
    assert settings["BUILD_DATE"] == dt.date(2026, 11, 27)
    assert settings["JINJA_GLOBALS"]["SITEURL"] == "https://e.pl"
    assert "frame-ancestors" not in settings["JINJA_GLOBALS"]["CSP_META"]
    assert "default-src" in settings["JINJA_GLOBALS"]["CSP_META"]
    assert str(settings["JINJA_FILTERS"]["markdown"]("**ważne**")) == "<p><strong>ważne</strong></p>"
    assert {"date_pl", "markdown"} <= set(settings["JINJA_FILTERS"])


def test_the_eu_signs_texts_fit_their_signs_in_any_font():
    """Each line of text in an EU funding sign is drawn at a fixed length (textLength with
    lengthAdjust), inside the sign's box, so no reader's font makes it run past the edge
    ("Fundusze Europe…"); the size the page gives a sign keeps its proportions."""
    import re
    import xml.etree.ElementTree as ET

    from pelican.settings import read_settings
    from sitebuild import ROOT

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    ns = "{http://www.w3.org/2000/svg}"
    for sign in settings["EU_FUNDING_SIGNS"]:
        svg = ET.parse(ROOT / "theme" / "static" / sign["src"]).getroot()
        _, _, width, height = (float(v) for v in svg.get("viewBox").split())
        assert (sign["width"], sign["height"]) == (width, height), sign["src"]
        texts = svg.iter(ns + "text")
        for text in texts:
            assert text.get("lengthAdjust") == "spacingAndGlyphs", (sign["src"], text.text)
            assert float(text.get("x")) + float(text.get("textLength")) <= width - 2, (sign["src"], text.text)
        assert re.search(r"<text", (ROOT / "theme" / "static" / sign["src"]).read_text())
