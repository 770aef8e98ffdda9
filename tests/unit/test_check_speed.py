"""`make check` does no work twice: files a build (or a check) read come from the disk
cache, photos are checked by their header, and unchanged inputs pass at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import build_in_process, copy_fixture_site


@pytest.fixture
def reads(monkeypatch):
    """The content files parsed in this process (the cases are small: no worker processes)."""
    from portal_content import validate

    parsed: list[str] = []
    original = validate.read_record

    def counting(path, kind):
        parsed.append(path.name)
        return original(path, kind)

    monkeypatch.setattr(validate, "read_record", counting)
    return parsed


def check(content, tmp_path):
    return build_in_process(content, tmp_path / "unused", command="check", cwd=tmp_path)


def test_unchanged_inputs_pass_at_once_and_an_edit_is_checked(tmp_path, reads):
    content = copy_fixture_site("ok-minimal", tmp_path)
    first = check(content, tmp_path)
    assert first.returncode == 0 and "4 pliki sprawdzono" in first.stdout, first.stderr
    assert sorted(reads) == ["o-nas.md", "ok.md", "z-notatnika.md", "ze-zdjeciem.md"]

    reads.clear()
    again = check(content, tmp_path)
    assert again.returncode == 0
    assert "Treść jest poprawna: 4 pliki, bez zmian od ostatniego sprawdzenia" in again.stdout
    assert reads == []

    news = content / "aktualnosci" / "ok.md"
    news.write_text(news.read_text(encoding="utf-8") + "\nDopisane zdanie.\n", encoding="utf-8")
    edited = check(content, tmp_path)
    assert "4 pliki sprawdzono" in edited.stdout
    assert reads == ["ok.md"]  # the others come from the disk cache the first check wrote

    news.write_text(news.read_text(encoding="utf-8").replace("title:", "tytul:", 1), encoding="utf-8")
    broken = check(content, tmp_path)
    assert broken.returncode == 1 and "ok.md" in broken.stderr and "title" in broken.stderr
    assert check(content, tmp_path).returncode == 1  # a failed check is never remembered as passed


def test_a_check_after_a_build_reads_nothing_again(tmp_path, reads):
    content = copy_fixture_site("ok-minimal", tmp_path)
    built = build_in_process(content, tmp_path / "output", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    reads.clear()
    checked = check(content, tmp_path)
    assert checked.returncode == 0 and "sprawdzono" in checked.stdout
    assert reads == []


def test_a_build_after_a_check_converts_what_the_check_kept_without_html(tmp_path, reads):
    content = copy_fixture_site("ok-minimal", tmp_path)
    assert check(content, tmp_path).returncode == 0
    reads.clear()
    built = build_in_process(content, tmp_path / "output", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert reads == []  # the records the check kept
    page = (tmp_path / "output" / "aktualnosci" / "2026" / "ok" / "index.html").read_text(encoding="utf-8")
    assert "<p>Treść.</p>" in page  # the body, converted by the build


def test_the_same_relative_folder_elsewhere_is_checked_again(tmp_path, monkeypatch, reads):
    """`make check --content content` in two clones: what passed in one says nothing of the
    other."""
    for clone in ("jeden", "drugi"):
        copy_fixture_site("ok-minimal", tmp_path / clone)
    (tmp_path / "drugi" / "content" / "aktualnosci" / "ok.md").write_text("bez nagłówka\n", encoding="utf-8")
    results = []
    for clone in ("jeden", "drugi"):
        monkeypatch.chdir(tmp_path / clone)
        results.append(
            build_in_process(Path("content"), Path("unused"), command="check", cwd=tmp_path / clone)
        )
    assert results[0].returncode == 0
    assert results[1].returncode == 1 and "ok.md" in results[1].stderr


def test_a_file_saved_while_the_check_runs_is_checked_by_the_next_one(tmp_path, monkeypatch, reads):
    """The check's stamp is taken before it reads: an edit made meanwhile was not checked,
    so the next check reads it instead of passing at once."""
    from portal_content import validate

    content = copy_fixture_site("ok-minimal", tmp_path)
    news = content / "aktualnosci" / "ok.md"
    original = validate.read_record

    def edited_meanwhile(path, kind):
        if path.name == "ok.md" and "Dopisane" not in news.read_text(encoding="utf-8"):
            record = original(path, kind)  # read, then the editor saves again
            news.write_text(news.read_text(encoding="utf-8") + "\nDopisane w trakcie.\n", encoding="utf-8")
            return record
        return original(path, kind)

    monkeypatch.setattr(validate, "read_record", edited_meanwhile)
    assert check(content, tmp_path).returncode == 0
    reads.clear()
    monkeypatch.setattr(
        validate, "read_record", lambda path, kind: reads.append(path.name) or original(path, kind)
    )
    again = check(content, tmp_path)
    assert "bez zmian" not in again.stdout and "ok.md" in reads


def test_notices_do_not_stop_the_fast_path_and_are_said_again(tmp_path, reads):
    """A publication whose PDF has no tags is a notice: the unchanged check after it passes
    at once (reading nothing) and says the same notice again."""
    import shutil

    from sitebuild import ROOT

    content = copy_fixture_site("ok-minimal", tmp_path)
    (content / "wiedza").mkdir()
    (content / "pliki" / "wiedza").mkdir(parents=True)
    shutil.copy(
        ROOT / "content" / "pliki" / "wiedza" / "poradnik-spoldzielnia-socjalna.pdf",
        content / "pliki" / "wiedza" / "p.pdf",
    )
    (content / "wiedza" / "p.md").write_text(
        "---\ntitle: Poradnik\ntype: poradnik\ndate: 2026-01-01\nauthors: [ROPS]\npublisher: ROPS\n"
        "files:\n  - document: pliki/wiedza/p.pdf\n---\nStreszczenie.\n",
        encoding="utf-8",
    )
    first = check(content, tmp_path)
    assert first.returncode == 0 and "5 plików sprawdzono" in first.stdout, first.stderr
    assert first.stderr.startswith("Uwaga: content/wiedza/p.md:") and "nieotagowany" in first.stderr
    reads.clear()
    again = check(content, tmp_path)
    assert "bez zmian od ostatniego sprawdzenia" in again.stdout and reads == []
    assert again.stderr == first.stderr
