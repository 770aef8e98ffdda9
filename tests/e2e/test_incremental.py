"""portal_build.update: an edit of a news item's text renders only what shows that text, and
the result is the same, byte for byte, as a clean full build of the edited content."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from htmlscan import html_files
from sitebuild import BUILD_DATE, ROOT, build_in_process, run_build

NEWS = "aktualnosci/2025/zaz-leszno-ceramika.md"  # no {filename} link: edited without a full build


def tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


class Live:
    """The helper process: one full build, then incremental updates on request."""

    def __init__(self, tmp: Path) -> None:
        self.content, self.catalogue, self.output = tmp / "content", tmp / "catalogue", tmp / "output"
        shutil.copytree(ROOT / "content", self.content)
        shutil.copytree(ROOT / "catalogue", self.catalogue)
        env = {**__import__("os").environ, "PORTAL_BUILD_DATE": BUILD_DATE, "PYTHONUNBUFFERED": "1"}
        env.pop("PORTAL_DEBUG", None)
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "tests" / "incrementalrun.py"),
                *map(str, (self.content, self.catalogue, self.output)),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        assert "built" in self.reply()

    def reply(self) -> dict:
        while True:
            line = self.process.stdout.readline()
            assert line, "the build process stopped"
            if line.startswith("@@"):
                return json.loads(line[2:])

    def update(self, *paths: Path) -> dict:
        self.process.stdin.write(json.dumps([str(p) for p in paths]) + "\n")
        self.process.stdin.flush()
        return self.reply()

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    running = Live(tmp_path_factory.mktemp("incremental"))
    yield running
    running.close()


def test_text_edit_rewrites_its_page_and_feeds_and_equals_a_full_build(live, tmp_path):
    news = live.content / NEWS
    news.write_text(
        news.read_text(encoding="utf-8") + "\nDopisane zdanie po redakcji: **ważne**.\n", encoding="utf-8"
    )
    before = tree(live.output)
    result = live.update(news)
    assert result.get("written"), result
    page = "aktualnosci/2025/zaz-leszno-ceramika/index.html"
    assert set(result["written"]) == {
        page,
        "feeds/aktualnosci.atom.xml",
        "feeds/kategoria-reintegracja.atom.xml",
    }
    assert "Dopisane zdanie po redakcji: <strong>ważne</strong>." in (live.output / page).read_text(
        encoding="utf-8"
    )
    after = tree(live.output)
    changed = {name for name in after if before.get(name) != after[name]}
    assert page in changed and all(n in result["written"] or n.startswith("pagefind/") for n in changed)

    full = run_build(live.content, tmp_path / "full")
    assert full.returncode == 0, full.stderr
    assert after == tree(tmp_path / "full")  # every file, the search index included


def test_header_edit_or_new_file_needs_a_full_build(live):
    news = live.content / NEWS
    original = news.read_text(encoding="utf-8")
    news.write_text(original.replace("title: ", "title: Nowy tytuł – ", 1), encoding="utf-8")
    try:
        assert "nagłówek" in live.update(news).get("full", "")
    finally:
        news.write_text(original, encoding="utf-8")
    extra = live.content / "aktualnosci" / "2025" / "nowa.md"
    shutil.copy(news, extra)
    try:
        assert "nowy" in live.update(extra).get("full", "")
    finally:
        extra.unlink()
    entity = live.content / "podmioty" / "cis-koscian.md"
    assert "nie jest aktualnością" in live.update(entity).get("full", "")
    news.write_text(original + "\n[film: nie-ma-takiego-filmu]\n", encoding="utf-8")
    try:  # a full build checks that the film exists
        assert "zmienione filmy w treści" in live.update(news).get("full", "")
    finally:
        news.write_text(original, encoding="utf-8")


def test_bad_text_is_reported_and_nothing_is_written(live):
    news = live.content / NEWS
    original = news.read_text(encoding="utf-8")
    before = tree(live.output)
    news.write_text(original + "\nUZUPEŁNIJ: napisz zakończenie\n", encoding="utf-8")
    try:
        result = live.update(news)
    finally:
        news.write_text(original, encoding="utf-8")
    assert "zaz-leszno-ceramika.md" in result.get("failed", "") and "napisz zakończenie" in result["failed"]
    assert tree(live.output) == before


def test_build_with_nothing_changed_is_skipped_and_any_change_is_built(tmp_path):
    from sitebuild import copy_fixture_site

    content = copy_fixture_site("ok-minimal", tmp_path)
    output = tmp_path / "output"
    assert build_in_process(content, output).returncode == 0
    page = output / "index.html"
    written = page.stat().st_mtime_ns
    again = build_in_process(content, output)
    assert again.returncode == 0 and "Bez zmian" in again.stdout
    assert page.stat().st_mtime_ns == written

    news = content / "aktualnosci" / "ok.md"
    stat = news.stat()
    text = news.read_text(encoding="utf-8")
    same_size = text.replace("Poprawna", "Poprawka", 1)
    assert len(same_size.encode()) == len(text.encode())
    news.write_text(same_size, encoding="utf-8")
    import os

    os.utime(news, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size and time: only the bytes differ
    rebuilt = build_in_process(content, output)
    assert rebuilt.returncode == 0 and "Zbudowano" in rebuilt.stdout
    assert "Zbudowano" in build_in_process(content, output, build_date="2026-11-28").stdout  # "today" changed


def test_reading_and_rendering_in_two_processes_gives_the_same_site(tmp_path):
    serial = run_build(None, tmp_path / "serial", extra=["--render-workers", "1"])
    assert serial.returncode == 0 and "(1 proces)" in serial.stdout, serial.stderr
    parallel = run_build(
        None, tmp_path / "parallel", extra=["--render-workers", "2"], env={"PORTAL_PRELOAD_MIN_FILES": "1"}
    )
    assert parallel.returncode == 0 and "(2 procesy)" in parallel.stdout, parallel.stderr
    assert tree(tmp_path / "serial") == tree(tmp_path / "parallel")


def test_content_cache_between_builds_never_hides_a_problem(tmp_path):
    """Converted content is kept between builds by path and bytes; files with problems are
    not kept, and going back to good bytes uses the kept result again."""
    from sitebuild import copy_fixture_site

    content = copy_fixture_site("ok-minimal", tmp_path)
    cache = tmp_path / "cache"
    env = {"PORTAL_CACHE_DIR": str(cache), "PORTAL_PRELOAD_MIN_FILES": "1"}
    first = run_build(content, tmp_path / "one", env=env)
    assert first.returncode == 0, first.stderr
    assert list((cache / "content").glob("*.pickle"))

    news = content / "aktualnosci" / "ok.md"
    good = news.read_text(encoding="utf-8")
    news.write_text(good + "\nUZUPEŁNIJ: ostatnie zdanie\n", encoding="utf-8")
    for attempt in ("two", "three"):  # reported every time
        failed = run_build(content, tmp_path / attempt, env=env)
        assert failed.returncode == 1 and "ok.md" in failed.stderr and "ostatnie zdanie" in failed.stderr
        assert not (tmp_path / attempt).exists()
    news.write_text(good.replace("Treść.", "Treść poprawiona."), encoding="utf-8")
    fixed = run_build(content, tmp_path / "four", env=env)
    assert fixed.returncode == 0, fixed.stderr
    assert "Treść poprawiona." in (
        tmp_path / "four" / "aktualnosci" / "2026" / "ok" / "index.html"
    ).read_text(encoding="utf-8")


NEW_DATE = "2027-06-30"  # certificates of the sample content expire, its events pass
DATE_FREE = ("aktualnosci/", "strony/", "filmy/", "szukaj/", "deklaracja-dostepnosci/")


def test_a_new_build_date_re_renders_exactly_the_pages_that_show_it_and_equals_a_full_build(tmp_path):
    """The nightly rebuild (only "today" moved): the pages showing a certificate's status, an
    event's state or the date that is different today are rendered again, every other file
    is carried over from the last build (portal_build.carry), and the site is the same, file
    by file, as a full build on the new date."""
    import os

    output = tmp_path / "output"
    first = build_in_process(None, output)
    assert first.returncode == 0, first.stderr
    yesterday = tmp_path / "yesterday"
    shutil.copytree(output, yesterday, copy_function=os.link)  # the same files: carried ones stay so
    nightly = build_in_process(None, output, build_date=NEW_DATE)
    assert nightly.returncode == 0, nightly.stderr
    assert "zmieniła się tylko data" in nightly.stdout
    full = build_in_process(None, tmp_path / "full", build_date=NEW_DATE)
    assert full.returncode == 0 and "zmieniła się tylko data" not in full.stdout
    assert tree(output) == tree(tmp_path / "full")  # every file, the search index included

    # the portal's pages (not /admin/, the CMS: written anew by every build, date-free)
    pages = sorted(p.relative_to(output).as_posix() for p in html_files(output))
    rendered = {
        name
        for name in pages
        if not (yesterday / name).exists() or not os.path.samefile(output / name, yesterday / name)
    }
    changed = {name for name in pages if (yesterday / name).read_bytes() != (output / name).read_bytes()}
    assert changed and changed <= rendered  # nothing that shows the date is stale
    assert rendered == changed  # and only what shows something that is different today
    # what shows certificates, events or the date: catalogue, directory, certificates, events,
    # the home page and the statistics; news, pages and films show none of it
    assert all(not name.startswith(DATE_FREE) for name in rendered), sorted(rendered)
    assert {"index.html", "dane/statystyki/index.html", "wydarzenia/index.html"} <= rendered
    assert any(name.startswith("zakup-prospoleczny/certyfikat/") for name in rendered)
    carried = set(pages) - rendered
    assert sum(name.startswith("aktualnosci/") for name in carried) == sum(
        name.startswith("aktualnosci/") for name in pages
    )
    assert len(carried) > len(rendered)


def test_a_night_that_changes_only_what_the_search_does_not_read_keeps_the_search_index(tmp_path):
    """Between 4 and 10 December 2026 an event of the sample content passes (its page says
    "wydarzenie minione" in an element Pagefind leaves out) and no certificate changes: the
    carried build takes the last search index over (the same files), and that index is the
    one Pagefind makes of the carried site."""
    import os

    output = tmp_path / "output"
    assert build_in_process(None, output, build_date="2026-12-04").returncode == 0
    yesterday = tmp_path / "yesterday"
    shutil.copytree(output, yesterday, copy_function=os.link)
    nightly = build_in_process(None, output, build_date="2026-12-10")
    assert nightly.returncode == 0 and "zmieniła się tylko data" in nightly.stdout, nightly.stderr
    event = next(
        p.relative_to(output)
        for p in output.glob("wydarzenia/*/*/index.html")
        if b"wydarzenie minione" in p.read_bytes()
        and b"wydarzenie minione" not in (yesterday / p.relative_to(output)).read_bytes()
    )
    assert event  # a searched page changed, in what the search does not read
    assert os.path.samefile(
        output / "pagefind" / "pagefind-entry.json", yesterday / "pagefind" / "pagefind-entry.json"
    )
    # the index taken over is the index Pagefind makes of these pages (the pages themselves
    # are checked against a full build by the test above)
    from portal_publish.finishing import search_index

    search_index(output, "", into=tmp_path / "fresh-index")  # SEARCH_LANGUAGE: each page in its own
    assert tree(output / "pagefind") == tree(tmp_path / "fresh-index")
