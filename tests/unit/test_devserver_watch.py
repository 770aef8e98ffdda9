"""`make devserver` sleeps until a file is saved: the operating system tells it (inotify),
it does not look at the files again and again."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from types import SimpleNamespace

import devserver
import pytest

notifications = pytest.mark.skipif(
    not Path("/proc/sys/fs/inotify").is_dir(), reason="no inotify here: the devserver polls (and says so)"
)


def _save_soon(path: Path, text: str, delay: float = 0.3) -> threading.Thread:
    def save() -> None:
        time.sleep(delay)
        path.write_text(text, encoding="utf-8")

    thread = threading.Thread(target=save)
    thread.start()
    return thread


@notifications
def test_wakes_on_a_save_told_by_the_system_not_by_polling(tmp_path):
    folder = tmp_path / "content" / "aktualnosci"
    folder.mkdir(parents=True)
    for number in range(200):  # a folder polling would have to look through
        (folder / f"stara-{number}.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    watcher = devserver.Watcher([tmp_path / "content"])
    try:
        assert watcher.mode == "inotify"
        assert "inotify" in watcher.describe()
        # nothing saved: the wait ends on its timeout with nothing
        assert watcher.wait(timeout_ms=300) == []
        news = folder / "nowa.md"
        saver = _save_soon(news, "---\ntitle: Nowa\n---\n")
        changed = watcher.wait(timeout_ms=10_000)
        saver.join()
        assert changed == [news]
    finally:
        watcher.close()


@notifications
def test_a_save_made_during_the_first_build_is_not_missed(tmp_path):
    watcher = devserver.Watcher([tmp_path])  # made before the first build, as main() does
    try:
        (tmp_path / "zapisany-w-trakcie.md").write_text("x", encoding="utf-8")
        time.sleep(0.2)  # "the first build" runs; nobody waits on the watcher yet
        assert watcher.wait(timeout_ms=5_000) == [tmp_path / "zapisany-w-trakcie.md"]
    finally:
        watcher.close()


@notifications
def test_an_editors_temporary_copy_is_left_out(tmp_path):
    watcher = devserver.Watcher([tmp_path])
    try:
        temporary = tmp_path / ".ok.md.swx"
        temporary.write_text("x", encoding="utf-8")
        temporary.unlink()
        (tmp_path / "ok.md").write_text("treść", encoding="utf-8")
        assert watcher.wait(timeout_ms=5_000) == [tmp_path / "ok.md"]
    finally:
        watcher.close()


def test_polls_where_notifications_are_unavailable_and_says_so(tmp_path):
    watcher = devserver.Watcher([tmp_path], force_polling=True)
    try:
        assert watcher.mode == "polling"
        assert "co 0.4 s" in watcher.describe() and "niedostępne" in watcher.describe()
        saver = _save_soon(tmp_path / "ok.md", "treść")
        changed = watcher.wait(timeout_ms=10_000)
        saver.join()
        assert changed == [tmp_path / "ok.md"]
    finally:
        watcher.close()


@notifications
def test_the_devserver_loop_builds_what_was_saved(tmp_path, monkeypatch):
    built: list[list[Path]] = []
    done = threading.Event()

    def fake_build(args, state, search, changed=None):
        built.append(changed)
        done.set()

    monkeypatch.setattr(devserver, "build", fake_build)
    watcher = devserver.Watcher([tmp_path])
    idle = SimpleNamespace(busy=False, poll=lambda: None)  # no search index to look after
    threading.Thread(
        target=devserver.watch, args=(watcher, None, devserver.State(), idle), daemon=True
    ).start()
    news = tmp_path / "ok.md"
    news.write_text("treść", encoding="utf-8")
    assert done.wait(10)
    assert built == [[news]]


def test_a_save_is_the_files_it_changed(tmp_path):
    """What a save is made of: polling also reports the folder whose list of files changed,
    and an editor may write a temporary file and remove it; neither is a change to build."""
    from watchfiles import Change

    news = tmp_path / "ok.md"
    news.write_text("treść", encoding="utf-8")
    raw = {
        (Change.modified, str(tmp_path)),  # the folder (polling)
        (Change.added, str(news)),
        (Change.added, str(tmp_path / ".ok.md.swx")),  # made and removed in the same save
        (Change.deleted, str(tmp_path / ".ok.md.swx")),
        (Change.deleted, str(tmp_path / "usuniety.md")),  # a file removed: a change
        (Change.added, str(tmp_path / "nowy-folder")),  # a folder moved in: a change
    }
    (tmp_path / "nowy-folder").mkdir()
    assert devserver._changed_files(raw) == [tmp_path / "nowy-folder", news, tmp_path / "usuniety.md"]
