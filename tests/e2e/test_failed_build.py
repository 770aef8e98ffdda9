"""A build that fails after Pagefind started indexing its pages: the editor gets a sentence,
Pagefind is stopped (not left running into a deleted folder), nothing of the failed build is
left behind, and the last site stays in place byte for byte."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from sitebuild import ROOT, copy_fixture_site, run_build

# a plugin that stops the build right after the pages are written, once Pagefind runs;
# it freezes Pagefind first, so Pagefind cannot finish on its own before the build ends
FAILING_PLUGIN = """
import os
import signal
from pathlib import Path

from portal_build import render
from portal_publish import plugin as publish


def fail(pelican):
    running = publish.search_running()
    assert running is not None and running.process.poll() is None, "Pagefind is not running"
    Path(pelican.settings["FAILURE_NOTE"]).write_text(str(running.process.pid))
    os.kill(running.process.pid, signal.SIGSTOP)
    raise RuntimeError("awaria testowa po zapisaniu stron")


def register():
    # after portal_publish's receiver of the same signal (connected by portal_site, first)
    render.pages_rendered.connect(fail)
"""


def settings_failing_after_pages(folder: Path) -> Path:
    (folder / "fail_after_pages.py").write_text(FAILING_PLUGIN, encoding="utf-8")
    settings = folder / "failing.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *  # noqa: F403\n"
        f"PLUGIN_PATHS = PLUGIN_PATHS + [{str(folder)!r}]\n"
        # it fails when the pages are written (portal_build.render's pages_rendered)
        "PLUGINS = PLUGINS + ['fail_after_pages']\n"
        f"FAILURE_NOTE = {str(folder / 'pagefind.pid')!r}\n",
        encoding="utf-8",
    )
    return settings


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_pagefind_is_stopped_and_nothing_is_left_when_a_build_fails_after_the_pages(tmp_path):
    content = copy_fixture_site("ok-minimal", tmp_path / "site")
    output = tmp_path / "output"
    first = run_build(content, output)
    assert first.returncode == 0, first.stderr
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}

    failed = run_build(
        content, output, settings=str(settings_failing_after_pages(tmp_path)), extra=["--force"]
    )
    assert failed.returncode != 0
    assert "Budowanie przerwane, poprzednia wersja strony została bez zmian" in failed.stderr
    assert "awaria testowa po zapisaniu stron" in failed.stderr and "Traceback" not in failed.stderr
    pid = int((tmp_path / "pagefind.pid").read_text())  # Pagefind did start
    alive = running(pid)
    if alive:
        os.kill(pid, signal.SIGKILL)  # not left frozen after a failed test
    assert not alive
    time.sleep(1)  # a Pagefind left running would write its index into the deleted folder again
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("output")) == ["output"]
    after = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before
    assert os.path.isfile(output / "pagefind" / "pagefind-entry.json")
