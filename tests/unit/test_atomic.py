"""portal_core.atomic: a file or a folder appears in one step, or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from portal_core.atomic import new_folder_beside, read_json, replace_folder, temporary_beside, write_atomic


def test_write_atomic_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "a" / "cache.json"
    write_atomic(target, '{"x": 1}')
    write_atomic(target, b'{"x": 2}')
    assert read_json(target) == {"x": 2}
    assert [p.name for p in target.parent.iterdir()] == ["cache.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "stamp"
    write_atomic(target, "old")

    def broken(*args):
        raise OSError("dysk pełny")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["stamp"]


def test_one_temporary_name_pattern_per_process_and_thread(tmp_path):
    name = temporary_beside(tmp_path / "output").name
    assert name.startswith(".output.") and name.endswith(".tmp") and str(os.getpid()) in name
    assert temporary_beside(tmp_path / "output", "old").name.endswith(".old")


def test_replace_folder_swaps_and_removes_the_old_one(tmp_path):
    target = tmp_path / "output"
    target.mkdir()
    (target / "old.html").write_text("old")
    new = new_folder_beside(target)
    (new / "index.html").write_text("new")
    replace_folder(new, target)
    assert sorted(p.name for p in target.iterdir()) == ["index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_replace_folder_into_a_missing_target(tmp_path):
    new = new_folder_beside(tmp_path / "output")
    replace_folder(new, tmp_path / "output")
    assert [p.name for p in tmp_path.iterdir()] == ["output"]


def test_replace_folder_keeping_what_another_process_made_first(tmp_path):
    target = tmp_path / "variants"
    target.mkdir()
    (target / "first.jpg").write_bytes(b"1")
    new = new_folder_beside(target)
    (new / "second.jpg").write_bytes(b"2")
    replace_folder(new, target, keep_existing=True)
    assert [p.name for p in target.iterdir()] == ["first.jpg"]
    assert [p.name for p in tmp_path.iterdir()] == ["variants"]


def test_a_failed_swap_puts_the_old_folder_back(tmp_path, monkeypatch):
    target = tmp_path / "output"
    target.mkdir()
    (target / "index.html").write_text("old")
    new = new_folder_beside(target)
    real_rename = Path.rename

    def rename(self, other):
        if self == new:
            raise OSError("nie można")
        return real_rename(self, other)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError):
        replace_folder(new, target)
    assert (target / "index.html").read_text() == "old"


def test_the_next_swap_does_not_wait_for_the_last_old_folder_to_be_deleted(tmp_path, monkeypatch):
    """The devserver builds again and again in one process, each old site deleted in the
    background: a second swap while the first old folder is still there (here: its deletion
    never starts) finds a name of its own (seen on a loaded machine as "Directory not
    empty" from the rename)."""
    import subprocess

    monkeypatch.setattr(subprocess, "Popen", lambda *args, **kwargs: None)
    target = tmp_path / "output"
    for build in ("first", "second", "third"):
        new = new_folder_beside(target)
        (new / "index.html").write_text(build)
        replace_folder(new, target, later=True)
    assert (target / "index.html").read_text() == "third"
    olds = [p for p in tmp_path.iterdir() if p.name.endswith(".old")]
    assert sorted((p / "index.html").read_text() for p in olds) == ["first", "second"]


def test_read_json_of_a_missing_or_half_file_is_none(tmp_path):
    (tmp_path / "half.json").write_text('{"x": ')
    assert read_json(tmp_path / "half.json") is None and read_json(tmp_path / "none.json") is None
