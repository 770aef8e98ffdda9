"""portal_core.compat: every assumption about Pelican's and Python-Markdown's internals.

Each test names one behaviour the compatibility layer relies on. After an upgrade of
Pelican or Python-Markdown, a failing test here says which assumption no longer holds
(and so which part of compat.py to change), instead of a silently wrong site.
"""

from __future__ import annotations

import datetime as dt

import markdown
import pelican
import pytest
from pelican import signals
from pelican.contents import Article, Category
from pelican.settings import read_settings
from pelican.writers import Writer
from portal_content.render import FASTER_PATTERNS, markdown_options
from portal_core import compat
from sitebuild import ROOT

SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))


def article(html: str = "<p>Treść</p>", slug: str = "targi") -> Article:
    metadata = {
        "title": slug,
        "slug": slug,
        "date": dt.datetime(2026, 5, 4),
        "category": Category("Wydarzenia", SETTINGS),
    }
    return Article(html, metadata=metadata, settings=SETTINGS)


def test_the_installed_versions_are_the_ones_written_for():
    assert pelican.__version__ == compat.PELICAN_VERSION
    assert markdown.__version__.startswith(compat.MARKDOWN_VERSION + ".")
    assert compat.version_warning() is None


def test_another_version_is_named_in_polish(monkeypatch):
    monkeypatch.setattr(pelican, "__version__", "4.13.0")
    warning = compat.version_warning()
    assert warning is not None
    assert "Pelican 4.13.0 (oczekiwano 4.12.0)" in warning and "compat.py" in warning


def test_get_content_and_get_summary_are_memoized_with_a_cache():
    # compat.forget_rendered_text empties these caches
    from pelican.contents import Content

    compat.track_text_reads(lambda content: None)
    compat.forget_rendered_text()
    tracked = Content.__dict__["get_content"]
    assert isinstance(tracked.memoized.cache, dict)
    assert isinstance(Content.__dict__["get_summary"].cache, dict)


def test_every_read_of_the_text_goes_through_get_content():
    read: list[str] = []
    compat.track_text_reads(lambda content: read.append(content.slug))
    try:
        item = article()
        assert item.content == "<p>Treść</p>" and read == ["targi"]
        item.summary  # noqa: B018 - a summary is cut from the text
        assert len(read) >= 2
    finally:
        compat.track_text_reads(lambda content: None)


def test_the_readers_html_is_in_content_and_can_be_swapped():
    item = article("<p>Stara treść</p>")
    assert compat.text_of(item) == "<p>Stara treść</p>"
    assert item.content == "<p>Stara treść</p>"
    old = compat.swap_text(item, "<p>Nowa treść</p>")
    compat.forget_rendered_text()
    assert old == "<p>Stara treść</p>" and item.content == "<p>Nowa treść</p>"


def test_override_url_and_save_as_win_over_the_metadata():
    item = article()
    compat.fix_url(item)
    item.slug = "inny"
    assert item.url == "aktualnosci/2026/targi/" and item.save_as == "aktualnosci/2026/targi/index.html"


def test_write_file_and_write_feed_open_their_files_through_open_w(tmp_path):
    opened: list[str] = []

    class Noting(compat.HookedWriter):
        def open_output(self, filename, encoding, override=False):
            opened.append(filename)
            return super().open_output(filename, encoding, override)

    settings = {**SETTINGS, "SITEURL": "", "FEED_DOMAIN": "http://127.0.0.1"}
    writer = Noting(str(tmp_path), settings=settings)
    env = pytest.importorskip("jinja2").Environment()
    writer.write_file("strona.html", env.from_string("{{ SITENAME }}"), settings)
    writer.write_feed([article()], settings, "feed.xml")
    assert [name.rsplit("/", 1)[1] for name in opened] == ["strona.html", "feed.xml"]
    written, overridden = writer.written_files()
    assert {name.rsplit("/", 1)[1] for name in written} == {"strona.html", "feed.xml"} and not overridden
    writer.add_written({"/inny/plik.html"}, set())
    assert "/inny/plik.html" in writer.written_files()[0]
    # the layer's hook is the method Pelican's writer really calls
    assert "_open_w" in Writer.__dict__ and "_written_files" in vars(Writer(str(tmp_path), settings=settings))


def test_writer_signals_can_be_muted_and_announced(tmp_path):
    seen: list[str] = []

    def receiver(path, context):
        seen.append(path)

    signals.content_written.connect(receiver)
    try:
        writer = compat.HookedWriter(str(tmp_path), settings={**SETTINGS, "SITEURL": ""})
        template = pytest.importorskip("jinja2").Environment().from_string("x")
        with compat.quiet_writer_signals():
            writer.write_file("cicho.html", template, {})
        assert seen == []
        writer.write_file("glosno.html", template, {})
        assert [p.rsplit("/", 1)[1] for p in seen] == ["glosno.html"]  # Pelican sends it itself
        compat.announce_written(str(tmp_path / "cicho.html"), {})
        assert seen[-1].endswith("cicho.html")
    finally:
        signals.content_written.disconnect(receiver)


def test_every_faster_inline_pattern_is_found_and_gives_the_same_html():
    options = markdown_options(SETTINGS)
    plain = markdown.Markdown(**options)
    faster = markdown.Markdown(**options)
    swapped = compat.replace_inline_patterns(faster, FASTER_PATTERNS)
    found = {p.compiled_re.pattern for p in faster.inlinePatterns}
    for processor in faster.treeprocessors:
        found |= {p.compiled_re.pattern for p in getattr(processor, "inlinePatterns", [])}
    assert swapped >= len(FASTER_PATTERNS) and set(FASTER_PATTERNS.values()) <= found
    text = "Kod `a` i [link](/x/) -- oraz --- i ... a \\`nie kod\\` ![obraz](/a.jpg)"
    assert faster.convert(text) == plain.convert(text)


def test_the_commands_say_so_when_another_pelican_is_installed(monkeypatch, tmp_path):
    from sitebuild import build_in_process, copy_fixture_site

    monkeypatch.setattr(pelican, "__version__", "4.13.0")
    content = copy_fixture_site("ok-minimal", tmp_path)
    result = build_in_process(content, tmp_path / "unused", command="check", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.startswith("Uwaga: zainstalowano Pelican 4.13.0 (oczekiwano 4.12.0)")
    assert "Treść jest poprawna" in result.stdout
