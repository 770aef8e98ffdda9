"""portal_english: text that falls back to Polish is marked so; counterparts pair both ways."""

from __future__ import annotations

import datetime as dt

from portal_english import plugin
from portal_english.generator import en_text


def test_english_text_is_escaped_and_polish_fallback_is_marked():
    assert str(en_text("Soup & <b>bread</b>", "Zupa")) == "Soup &amp; &lt;b&gt;bread&lt;/b&gt;"
    assert (
        str(en_text(None, "Zupa <i>i</i> chleb")) == '<span lang="pl">Zupa &lt;i&gt;i&lt;/i&gt; chleb</span>'
    )
    assert str(en_text("One.\n\nTwo <x>.", "", block=True)) == "<p>One.</p>\n<p>Two &lt;x&gt;.</p>\n"
    assert (
        str(en_text("", "Jeden.\n\nDwa.", block=True)) == '<p lang="pl">Jeden.</p>\n<p lang="pl">Dwa.</p>\n'
    )


def test_counterparts_pair_both_ways_and_give_symmetric_hreflang():
    plugin._pairs.clear()
    plugin.pair("podmioty/pyrlandia/", "en/directory/pyrlandia/")
    plugin.pair("", "en/")
    assert plugin.counterpart("podmioty/pyrlandia/") == "en/directory/pyrlandia/"
    assert plugin.counterpart("en/directory/pyrlandia/") == "podmioty/pyrlandia/"
    expected = [("pl", "podmioty/pyrlandia/"), ("en", "en/directory/pyrlandia/")]
    assert (
        plugin.alternates("podmioty/pyrlandia/") == plugin.alternates("en/directory/pyrlandia/") == expected
    )
    assert plugin.alternates("") == plugin.alternates("en/") == [("pl", ""), ("en", "en/")]
    assert plugin.counterpart("aktualnosci/") is None and plugin.alternates("aktualnosci/") == []
    plugin._pairs.clear()


def test_dates_in_english():
    assert plugin.date_en(dt.date(2026, 12, 31)) == "31 December 2026"


def test_a_site_without_english_pages_offers_no_language_switch(tmp_path):
    from sitebuild import build_in_process, copy_fixture_site

    content = copy_fixture_site("ok-minimal", tmp_path)
    result = build_in_process(content, tmp_path / "output", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "output" / "index.html").read_text(encoding="utf-8")
    assert "data-pl-language" not in home and 'hreflang="en"' not in home
    assert not (tmp_path / "output" / "en").exists()
