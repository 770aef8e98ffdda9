"""The input stamp of a build: one hash of everything a build reads.

A build whose inputs have the same stamp as the build that made the current output would
write the same bytes again, so ``tools/portal.py build`` skips it (a warm rebuild with
nothing changed takes a fraction of a second instead of minutes on a large portal).

What goes in: every file under the content, catalogue, theme and plugin folders and the
settings files (text files by their bytes, so an edit that keeps the size and the
modification time is still seen; photos and other binary files by size and modification
time, as hashing hundreds of megabytes of photos would cost more than it saves); the
settings themselves (minus the output folder, which every build names differently); the
``PORTAL_*`` environment variables (but PORTAL_DEBUG and PORTAL_TIMINGS, which change
what is printed, not what is built); the build date (certificates and events depend on
"today"); the versions of Python and Pelican.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from portal_core.atomic import write_atomic

TEXT = {".md", ".yaml", ".yml", ".html", ".py", ".css", ".js", ".txt", ".json", ".svg", ".xml", ".csv"}
SKIP_DIRS = {"__pycache__", ".git", "node_modules"}


def _folders(settings: dict[str, Any]) -> list[Path]:
    found = [
        settings["PATH"],
        settings.get("CATALOGUE_PATH"),
        settings["THEME"],
        *settings.get("PLUGIN_PATHS", []),
    ]
    return [Path(f) for f in dict.fromkeys(found) if f and Path(f).is_dir()]


DATE_NAMES = ("PORTAL_BUILD_DATE", "BUILD_DATE")


def _settings_digest(settings: dict[str, Any], with_date: bool = True) -> str:
    left_out = {"OUTPUT_PATH"} | (set() if with_date else set(DATE_NAMES))
    plain = {k: v for k, v in settings.items() if k not in left_out}
    return json.dumps(plain, sort_keys=True, default=lambda value: type(value).__name__, ensure_ascii=False)


def input_stamp(settings: dict[str, Any], settings_files: list[Path], with_date: bool = True) -> str:
    """The stamp; ``with_date=False``: of everything but the build date (what
    ``portal_build.carry`` compares)."""
    return stamp_of(_folders(settings), settings_files, _settings_digest(settings, with_date), with_date)


def input_stamps(settings: dict[str, Any], settings_files: list[Path]) -> tuple[str, str]:
    """``input_stamp`` with and without the date, the files read once for both."""
    walked = _files_digest(_folders(settings), settings_files)
    return (
        _stamp(walked, _settings_digest(settings, True), True),
        _stamp(walked, _settings_digest(settings, False), False),
    )


def stamp_of(
    folders: list[Path], settings_files: list[Path], settings_digest: str, with_date: bool = True
) -> str:
    """``input_stamp`` from its parts: the folders walked, the settings files and the
    settings as text (``make check`` keeps these, and so knows without reading the settings
    - importing Pelican - that nothing changed)."""
    return _stamp(_files_digest(folders, settings_files), settings_digest, with_date)


def _files_digest(folders: list[Path], settings_files: list[Path]) -> bytes:
    """The digest of every file under ``folders`` and of the settings files."""
    digest = hashlib.sha256()
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
                if os.path.islink(path):  # never read through (the build refuses links)
                    digest.update(os.readlink(path).encode("utf-8", "surrogateescape"))
                elif not os.path.isfile(path):  # a pipe or a device: never opened
                    digest.update(b"?")
                elif os.path.splitext(name)[1].lower() in TEXT:
                    with open(path, "rb") as handle:
                        digest.update(hashlib.sha256(handle.read()).digest())
                else:
                    stat = os.lstat(path)
                    digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    for file in settings_files:
        digest.update(str(file).encode() + b"\0" + file.read_bytes())
    return digest.digest()


def _stamp(files_digest: bytes, settings_digest: str, with_date: bool) -> str:
    digest = hashlib.sha256(files_digest)
    digest.update(settings_digest.encode())
    left_out = {"PORTAL_DEBUG", "PORTAL_TIMINGS"} | (set() if with_date else set(DATE_NAMES))
    environment = sorted(
        (k, v) for k, v in os.environ.items() if k.startswith("PORTAL_") and k not in left_out
    )
    digest.update(json.dumps(environment).encode())
    if with_date:
        digest.update((os.environ.get("PORTAL_BUILD_DATE") or dt.date.today().isoformat()).encode())
    digest.update(f"{sys.version}|{metadata.version('pelican')}".encode())
    return digest.hexdigest()


class StampFile:
    """Where the stamp of the build that made ``output`` is kept (beside the caches, never
    inside the published folder)."""

    def __init__(self, cache_dir: Path, output: Path) -> None:
        name = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:16]
        self.path = cache_dir / "build" / f"{name}.stamp"
        self.output = output

    def matches(self, stamp: str) -> bool:
        try:
            return (self.output / "index.html").is_file() and self.path.read_text() == stamp
        except OSError:
            return False

    def save(self, stamp: str) -> None:
        write_atomic(self.path, stamp)

    def forget(self) -> None:
        self.path.unlink(missing_ok=True)


class CheckStamp:
    """What the last ``make check`` that found no problem checked: the parts of its input
    stamp (``stamp_of``) and the number of files. The same inputs pass again, known without
    reading the settings (kept beside the build stamps, by the command's arguments)."""

    def __init__(self, cache_dir: Path, arguments: list[str]) -> None:
        key = hashlib.sha256("\0".join(arguments).encode()).hexdigest()[:16]
        self.path = cache_dir / "build" / f"check-{key}.json"
        self.notices = ""  # what that check noticed (never blocking), said again when it passes at once

    def checked(self) -> int | None:
        """The number of files the last passing check checked when no input changed since
        (None: check)."""
        from portal_core.atomic import read_json

        kept = read_json(self.path)
        try:
            folders = [Path(f) for f in kept["folders"]]
            files = [Path(f) for f in kept["settings_files"]]
            if not all(f.is_file() for f in files):
                return None
            same = stamp_of(folders, files, kept["settings"]) == kept["stamp"]
            self.notices = str(kept.get("notices", "")) if same else ""
            return int(kept["count"]) if same else None
        except (TypeError, KeyError, ValueError, OSError):
            return None

    def inputs(self, settings: dict[str, Any], settings_files: list[Path]) -> dict[str, Any]:
        """The stamp's parts, taken before the check reads anything: a file saved while it
        runs is not recorded as checked (the next check reads it)."""
        folders, digest = _folders(settings), _settings_digest(settings)
        return {
            "folders": [str(f) for f in folders],
            "settings_files": [str(f) for f in settings_files],
            "settings": digest,
            "stamp": stamp_of(folders, settings_files, digest),
        }

    def save(self, inputs: dict[str, Any], count: int, notices: str = "") -> None:
        """Record that the check of ``inputs`` (``inputs()``) found no problem in ``count``
        files, and the ``notices`` it printed."""
        write_atomic(
            self.path, json.dumps({**inputs, "count": count, "notices": notices}, ensure_ascii=False)
        )
