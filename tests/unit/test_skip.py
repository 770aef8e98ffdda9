"""portal_build.skip: the input stamp changes with everything a build reads, and only then."""

from __future__ import annotations

import os

import pytest
from portal_build.skip import StampFile, input_stamp


@pytest.fixture
def tree(tmp_path, monkeypatch):
    for name in ("content", "catalogue", "theme", "plugins"):
        (tmp_path / name).mkdir()
    (tmp_path / "content" / "a.md").write_text("---\ntitle: A\n---\nTekst.\n")
    (tmp_path / "content" / "foto.jpg").write_bytes(b"\xff\xd8" + b"0" * 100)
    (tmp_path / "pelicanconf.py").write_text("SITENAME = 'x'\n")
    for key in [k for k in os.environ if k.startswith("PORTAL_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("PORTAL_BUILD_DATE", "2026-11-27")
    settings = {
        "PATH": str(tmp_path / "content"),
        "CATALOGUE_PATH": str(tmp_path / "catalogue"),
        "THEME": str(tmp_path / "theme"),
        "PLUGIN_PATHS": [str(tmp_path / "plugins")],
        "OUTPUT_PATH": str(tmp_path / "output"),
        "SITENAME": "x",
    }
    return tmp_path, settings


def stamp(tree_and_settings, **changes):
    root, settings = tree_and_settings
    return input_stamp({**settings, **changes}, [root / "pelicanconf.py"])


def test_same_inputs_same_stamp_whatever_the_output_folder(tree):
    assert stamp(tree) == stamp(tree) == stamp(tree, OUTPUT_PATH="/elsewhere")


def test_a_text_edit_that_keeps_size_and_time_is_seen(tree):
    root, _ = tree
    before = stamp(tree)
    page = root / "content" / "a.md"
    info = page.stat()
    page.write_text("---\ntitle: B\n---\nTekst.\n")  # same length
    os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert stamp(tree) != before


def test_photos_count_by_size_and_time(tree):
    root, _ = tree
    before = stamp(tree)
    photo = root / "content" / "foto.jpg"
    info = photo.stat()
    photo.write_bytes(b"\xff\xd8" + b"1" * 100)  # same size, same time: not read again
    os.utime(photo, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert stamp(tree) == before
    os.utime(photo, ns=(info.st_atime_ns, info.st_mtime_ns + 1))
    assert stamp(tree) != before


@pytest.mark.parametrize(
    "change",
    ["new file", "settings value", "settings file", "environment", "build date", "symbolic link", "plugin"],
)
def test_each_input_changes_the_stamp(tree, monkeypatch, change):
    root, _ = tree
    before = stamp(tree)
    extra = {}
    if change == "new file":
        (root / "catalogue" / "kubek.yaml").write_text("name: Kubek\n")
    elif change == "settings value":
        extra = {"SITENAME": "y"}
    elif change == "settings file":
        (root / "pelicanconf.py").write_text("SITENAME = 'y'\n")
    elif change == "environment":
        monkeypatch.setenv("PORTAL_SITEURL", "https://example.org")
    elif change == "build date":
        monkeypatch.setenv("PORTAL_BUILD_DATE", "2026-11-28")
    elif change == "symbolic link":
        (root / "content" / "link.md").symlink_to("/etc/hostname")
    elif change == "plugin":
        (root / "plugins" / "extra.py").write_text("X = 1\n")
    assert stamp(tree, **extra) != before


def test_debug_output_does_not_change_the_stamp(tree, monkeypatch):
    before = stamp(tree)
    monkeypatch.setenv("PORTAL_DEBUG", "1")
    assert stamp(tree) == before


def test_stamp_file_matches_only_a_complete_output(tmp_path):
    output = tmp_path / "output"
    kept = StampFile(tmp_path / "cache", output)
    assert not kept.matches("abc")
    kept.save("abc")
    assert not kept.matches("abc")  # no output (index.html) to keep
    output.mkdir()
    (output / "index.html").write_text("<!DOCTYPE html>")
    assert kept.matches("abc") and not kept.matches("abd")
    assert kept.path.parent == tmp_path / "cache" / "build"
    kept.forget()
    assert not kept.matches("abc")


def test_both_stamps_from_one_reading_of_the_files(tree, monkeypatch):
    """The build command takes the stamp with and without the date (the nightly rebuild's
    comparison) from one walk of the files; the one without ignores only the date."""
    from portal_build.skip import input_stamps

    root, settings = tree
    files = [root / "pelicanconf.py"]
    assert input_stamps(settings, files) == (
        input_stamp(settings, files),
        input_stamp(settings, files, False),
    )
    dated, undated = input_stamps(settings, files)
    monkeypatch.setenv("PORTAL_BUILD_DATE", "2026-11-28")
    assert input_stamps(settings, files)[0] != dated
    assert input_stamps(settings, files)[1] == undated
    (root / "content" / "a.md").write_text("---\ntitle: B\n---\nTekst.\n")
    assert input_stamps(settings, files)[1] != undated
