"""Every mistake an editor can make: one clear message, non-zero exit, previous site kept.

Each case is a tiny site in tests/fixtures/sites/bad-*/ with the exact expected output in
expected.txt beside its content folder. Run with PORTAL_UPDATE_REFERENCE=1 to rewrite the
expected files after a deliberate change of wording (then read the diff).

The cases run the command's ``main`` in this process (``build_in_process``): a new Python
process per case cost most of the suite's time. Smoke tests run the real command in its own
process for a few cases, so exit codes and streams are checked end to end too.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sitebuild import FIXTURES, build_in_process, copy_fixture_site, run_build

CASES = sorted(p.name for p in FIXTURES.iterdir() if p.name.startswith("bad-"))
SENTINEL = "<!doctype html><title>poprzednia wersja</title>"


@pytest.fixture
def previous_site(tmp_path) -> Path:
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text(SENTINEL)
    return output


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_reported_and_nothing_is_written(case, tmp_path, previous_site):
    content = copy_fixture_site(case, tmp_path)
    result = build_in_process(content, previous_site, cwd=tmp_path)
    expected_file = FIXTURES / case / "expected.txt"
    if os.environ.get("PORTAL_UPDATE_REFERENCE"):
        expected_file.write_text(result.stderr, encoding="utf-8")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == expected_file.read_text(encoding="utf-8")
    assert result.stdout == ""
    # the previous site is untouched and no half-built folder is left behind
    assert [p.name for p in previous_site.iterdir()] == ["index.html"]
    assert (previous_site / "index.html").read_text() == SENTINEL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalogue", "content", "output"]


@pytest.mark.parametrize("case", CASES)
def test_check_reports_the_same_problems(case, tmp_path):
    content = copy_fixture_site(case, tmp_path)
    result = build_in_process(content, tmp_path / "unused", command="check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (FIXTURES / case / "expected.txt").read_text(encoding="utf-8")
    assert not (tmp_path / "unused").exists()


SMOKE = [("bad-many", "build"), ("bad-yaml-syntax", "check"), ("bad-corrupt-image", "build")]


@pytest.mark.parametrize(("case", "command"), SMOKE)
def test_the_real_command_reports_the_same_in_its_own_process(case, command, tmp_path, previous_site):
    content = copy_fixture_site(case, tmp_path)
    result = run_build(content, previous_site, command=command, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert result.stderr == (FIXTURES / case / "expected.txt").read_text(encoding="utf-8")
    assert (previous_site / "index.html").read_text() == SENTINEL
    assert [p.name for p in previous_site.iterdir()] == ["index.html"]


def test_every_problem_line_has_path_line_field_message():
    for case in CASES:
        lines = (FIXTURES / case / "expected.txt").read_text(encoding="utf-8").splitlines()
        assert lines[-1].startswith("Znaleziono "), case
        for line in lines[:-1]:
            path, number, field, message = line.split(": ", 1)[0].split(":") + [
                line.split(": ", 2)[1],
                line.split(": ", 2)[2],
            ]
            assert path.startswith(("content/", "catalogue/")) and number.isdigit() and field and message, (
                line
            )


def test_good_directory_fixture_builds(tmp_path):
    content = copy_fixture_site("ok-directory", tmp_path)
    result = build_in_process(content, tmp_path / "output", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / "podmioty" / "proba" / "index.html").is_file()
    assert (tmp_path / "output" / "podmioty" / "cis-proba" / "index.html").is_file()
    assert (tmp_path / "output" / "owes" / "owes-test" / "index.html").is_file()


def test_good_fixture_builds(tmp_path):
    content = copy_fixture_site("ok-minimal", tmp_path)
    result = run_build(content, tmp_path / "output", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / "aktualnosci" / "2026" / "ok" / "index.html").is_file()
    # a byte-order mark (Windows Notepad) is read as UTF-8, not as part of the first line
    notepad = (tmp_path / "output" / "aktualnosci" / "2026" / "z-notatnika" / "index.html").read_text()
    assert "Zapisane w Notatniku" in notepad and "\ufeff" not in notepad
    page = (tmp_path / "output" / "aktualnosci" / "2026" / "ze-zdjeciem" / "index.html").read_text()
    assert 'alt="Żółte koło na niebieskim tle"' in page
    assert (tmp_path / "output" / "aktualnosci" / "tag" / "lodz" / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalogue", "content", "output"]


def test_good_catalogue_fixture_builds(tmp_path):
    content = copy_fixture_site("ok-catalogue", tmp_path)
    result = build_in_process(content, tmp_path / "output", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "output" / "katalog" / "brelok-proba" / "index.html").read_text()
    assert "Brelok „Próba”" in page and "12,50\u00a0zł" in page and "15,38\u00a0zł" in page
    assert "/podmioty/proba/" in page


def test_good_certification_fixture_builds(tmp_path):
    content = copy_fixture_site("ok-certification", tmp_path)
    result = build_in_process(content, tmp_path / "output", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (
        tmp_path / "output" / "zakup-prospoleczny" / "certyfikat" / "ZP-2025-01" / "index.html"
    ).read_text()
    assert (
        "Spółdzielnia Socjalna „Próba”" in page and "ważny, wygasa wkrótce" in page
    )  # build date 2026-11-27
    assert (tmp_path / "output" / "zakup-prospoleczny" / "certyfikat" / "ZP-2025-01" / "qr.svg").is_file()
    product = (tmp_path / "output" / "katalog" / "brelok-proba" / "index.html").read_text()
    assert "Zakup Prospołeczny 2025" in product


def test_good_films_fixture_builds(tmp_path):
    content = copy_fixture_site("ok-films", tmp_path)
    result = build_in_process(content, tmp_path / "output", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    news = (tmp_path / "output" / "aktualnosci" / "2026" / "z-filmem" / "index.html").read_text()
    assert 'data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;rel=0"' in news
    assert "<iframe" not in news and "[film:" not in news
    local = (tmp_path / "output" / "filmy" / "klip" / "index.html").read_text()
    assert (
        '<video class="pl-film__video" controls preload="none"' in local and '<track kind="captions"' in local
    )
    # a film with a version in Polish Sign Language offers it; the signed film names its original,
    # and its captions are Polish text (srclang), whatever the film's language
    hosted = (tmp_path / "output" / "filmy" / "film-probny" / "index.html").read_text()
    assert 'ten film jest też w wersji w PJM – <a href="/filmy/klip/">' in hosted
    assert 'To wersja w polskim języku migowym filmu <a href="/filmy/film-probny/">' in local
    assert 'srclang="pl"' in local and '"inLanguage": "pso"' in local
    signed = (tmp_path / "output" / "filmy" / "pjm" / "index.html").read_text()
    assert "/filmy/klip/" in signed and "/filmy/film-probny/" in signed  # its version is signed


def test_good_links_fixture_builds(tmp_path):
    content = copy_fixture_site("ok-links", tmp_path)
    result = build_in_process(content, tmp_path / "output", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "output" / "aktualnosci" / "2026" / "z-linkami" / "index.html").read_text()
    assert 'href="/pliki/regulamin.pdf"' in page and 'href="/o-nas/"' in page
    # Pelican's links work the same way to and in every kind of content (an event here)
    assert 'href="/wydarzenia/2026/spotkanie/"' in page
    event = (tmp_path / "output" / "wydarzenia" / "2026" / "spotkanie" / "index.html").read_text()
    assert 'href="/pliki/regulamin.pdf"' in event and 'href="/o-nas/"' in event
    assert "{static}" not in event and "{filename}" not in event
    # the linked document is published; nothing else of content/ is copied as it is
    assert (tmp_path / "output" / "pliki" / "regulamin.pdf").read_bytes() == (
        content / "pliki" / "regulamin.pdf"
    ).read_bytes()
    assert not list((tmp_path / "output").rglob("*.md"))


def _expected_problems(case: str) -> list[tuple[str, int, str, str]]:
    """(file, line, field, message) of each problem in the case's expected.txt."""
    found = []
    for line in (FIXTURES / case / "expected.txt").read_text(encoding="utf-8").splitlines()[:-1]:
        path, number, field, message = line.split(":", 3)
        found.append((path, int(number), field.strip(), message.strip()))
    return found


def test_check_for_github_puts_each_problem_on_its_line_of_the_file(tmp_path):
    content = copy_fixture_site("bad-many", tmp_path)
    result = build_in_process(
        content, tmp_path / "unused", command="check", cwd=tmp_path, extra=["--format=github"]
    )
    assert result.returncode == 1
    assert result.stderr == (FIXTURES / "bad-many" / "expected.txt").read_text(
        encoding="utf-8"
    )  # and for people
    annotations = result.stdout.splitlines()
    expected = _expected_problems("bad-many")
    assert len(annotations) == len(expected)
    for annotation, (path, line, field, message) in zip(annotations, expected, strict=True):
        assert annotation == f"::error file={path},line={line},title=Treść%3A {field}::{message}"


def test_check_for_gitlab_writes_a_code_quality_report_also_when_all_is_well(tmp_path):
    content = copy_fixture_site("bad-many", tmp_path)
    report = tmp_path / "quality.json"
    extra = ["--format=gitlab", f"--report={report}"]
    result = build_in_process(content, tmp_path / "unused", command="check", cwd=tmp_path, extra=extra)
    assert result.returncode == 1 and result.stdout == ""
    entries = json.loads(report.read_text(encoding="utf-8"))
    expected = _expected_problems("bad-many")
    assert [(e["location"]["path"], e["location"]["lines"]["begin"]) for e in entries] == [
        e[:2] for e in expected
    ]
    assert [e["description"] for e in entries] == [f"{field}: {message}" for _, _, field, message in expected]
    assert {e["severity"] for e in entries} == {"major"} and len({e["fingerprint"] for e in entries}) == len(
        entries
    )
    fixed = copy_fixture_site("ok-minimal", tmp_path / "fixed")
    passed = build_in_process(
        fixed, tmp_path / "unused", command="check", cwd=tmp_path / "fixed", extra=extra
    )
    assert passed.returncode == 0
    assert json.loads(report.read_text(encoding="utf-8")) == []
