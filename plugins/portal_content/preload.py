"""Reading a large portal's files in parallel, before the build reads them one by one.

A decade of a busy portal is thousands of files: parsing and validating each front matter,
converting each Markdown body and decoding each new photo once (the photo check) take most
of a minute on one core. Pelican reads files one after another, so this runs first, in
forked worker processes (every worker already has the plugins and settings), and fills the
caches the build then reads from: the validated records (``validate._cache``), the HTML of
Markdown bodies (``render.prerendered``) and the photos that passed the check
(``portal_images.checks``). The results are the same objects a serial read would make.

Bodies that embed a film are left to the build: rendering the player asks the image
pipeline for the poster, and that request must happen in the building process.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path
from typing import Any

from . import render, validate

# below this many files, starting workers costs more than it saves (tests set it lower)
MIN_FILES = int(os.environ.get("PORTAL_PRELOAD_MIN_FILES") or 200)
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
_settings: dict[str, Any] = {}


def _read(item: tuple[str, str]) -> tuple[str, int, int, Any, str | None]:
    path, kind = item
    stat = os.stat(path)
    result = validate._load(Path(path), kind)
    html = None
    if not isinstance(result, list) and validate.KINDS[kind].suffix == ".md":
        body = result.doc.body
        if body and "[film:" not in body:
            html = str(render.render_markdown(body, _settings))
    return path, stat.st_mtime_ns, stat.st_size, result, html


def _check(path: str) -> str | None:
    """The photo check's cache key when the photo passed (problems are reported by the build)."""
    from portal_images import checks

    before = set(checks._remembered(_settings))
    checks.check_image(Path(path), _settings)
    added = checks._remembered(_settings) - before
    return next(iter(added), None)


def preload(settings: dict[str, Any]) -> int:
    """Fill the caches in parallel; the number of files read (0 when not worth it)."""
    from portal_images import checks

    workers = int(settings.get("RENDER_WORKERS") or 1)
    render.prerendered.clear()
    files = [
        (os.path.abspath(path), kind)
        for path, kind in validate.content_files(settings)
        if os.path.abspath(path) not in validate._cache
    ]
    roots = [settings["PATH"], settings.get("CATALOGUE_PATH")]
    passed = checks._remembered(settings)
    photos = [
        str(path)
        for root in roots
        if root and Path(root).is_dir()
        for path in Path(root).rglob("*")
        if path.suffix.lower() in PHOTO_SUFFIXES
    ]
    if workers < 2 or len(files) + len(photos) < MIN_FILES:
        return 0
    _settings.clear()
    _settings.update(settings)
    known = {key.split("|", 1)[0] for key in passed}
    photos = [p for p in photos if p not in known]
    config = render.config_key(settings)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for path, mtime, size, result, html in pool.imap_unordered(_read, files, chunksize=32):
            validate._cache[path] = (mtime, size, result)
            if html is not None:
                render.prerendered[(config, result.doc.body)] = html
        for key in pool.imap_unordered(_check, photos, chunksize=8):
            if key:
                passed.add(key)
                checks._passed["dirty"] = True
    return len(files) + len(photos)
