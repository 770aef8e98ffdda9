"""Reading a large portal's files in parallel, before the build reads them one by one.

A decade of a busy portal is thousands of files: parsing and validating each front matter,
converting each Markdown body and checking each new photo once take most of a minute on one
core. Pelican reads files one after another, so this runs first and fills the caches the
build then reads from (the content store, store.py): the validated records (made in the
building process), the HTML of Markdown bodies (converted meanwhile in forked
worker processes - portal_core.parallel - which already have the plugins and settings) and
the photos that passed the check (``portal_images.checks``, in the workers too). The results are the same objects
a serial read would make.

Records and HTML are also kept on disk between builds (``CONTENT_CACHE_PATH``), by the
file's path and bytes and a signature of our plugin code, library versions and Markdown
settings: a warm full build (after a template change or a new photo) reads nothing again.
Files with problems are never kept: they are read and reported on every build.

Bodies that embed a film are left to the build: rendering the player asks the image
pipeline for the poster, and that request must happen in the building process.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from portal_core.atomic import write_atomic
from portal_core.parallel import Parallel, in_background

from . import frontmatter, render, validate
from .store import store

# below this many files, starting workers costs more than it saves (tests set it lower)
MIN_FILES = int(os.environ.get("PORTAL_PRELOAD_MIN_FILES") or 200)
_settings: dict[str, Any] = {}


def _convert(path: str) -> tuple[str, str | None]:
    """A Markdown file's body as HTML (runs in a worker; the main process validates the file
    meanwhile: handing the validated records across would cost more than making them)."""
    try:
        _, body, _ = frontmatter.split(frontmatter.read_text(Path(path)))
    except frontmatter.FrontMatterError:
        return path, None  # reported by the validation
    if not body or "[film:" in body:
        return path, None
    return path, str(render.render_markdown(body, _settings))


def _check(path: str) -> str | None:
    """The photo check's cache key when the photo passed (problems are reported by the build)."""
    from portal_images import checks

    if checks.check_image(Path(path), _settings) is not None:
        return None
    return checks.passed_key(Path(path), _settings)


def _signature(settings: dict[str, Any]) -> str:
    """What a cached read depends on besides the file: our plugin code (schemas, reader,
    Markdown extensions), the library versions and the Markdown settings."""
    import markdown
    import pydantic

    digest = hashlib.sha256(f"{markdown.__version__}|{pydantic.VERSION}|{sys.version}".encode())
    options = render.markdown_options(settings)
    described = [e if isinstance(e, str) else type(e).__qualname__ for e in options["extensions"]]
    digest.update(repr((described, options.get("extension_configs"), options.get("output_format"))).encode())
    plugins = Path(__file__).resolve().parent.parent
    for source in sorted(plugins.rglob("*.py")):
        digest.update(source.as_posix().encode() + source.read_bytes())
    return digest.hexdigest()


class DiskCache:
    """Results of reading files, kept between builds, by path and the file's bytes."""

    def __init__(self, settings: dict[str, Any]) -> None:
        folder = Path(
            settings.get("CONTENT_CACHE_PATH") or Path(settings["IMAGES_CACHE_PATH"]).parent / "content"
        )
        name = hashlib.sha256(os.path.abspath(settings["PATH"]).encode()).hexdigest()[:16]
        self.file = folder / f"{name}.pickle"
        self.signature = _signature(settings)
        self.entries: dict[tuple[str, str], tuple[Any, str | None]] = {}
        try:
            with open(self.file, "rb") as handle:
                signature, entries = pickle.load(handle)  # noqa: S301 - our own cache file
            if signature == self.signature:
                self.entries = entries
        except (
            OSError,
            EOFError,
            ValueError,
            pickle.UnpicklingError,
            AttributeError,
            ImportError,
            TypeError,
        ):
            pass  # no cache yet, or one written by other code: read everything
        self.used: dict[tuple[str, str], tuple[Any, str | None]] = {}

    @property
    def changed(self) -> bool:
        return self.used.keys() != self.entries.keys()

    def save(self) -> None:
        if not self.changed:
            return
        with contextlib.suppress(OSError):  # only a cache
            write_atomic(
                self.file, pickle.dumps((self.signature, self.used), protocol=pickle.HIGHEST_PROTOCOL)
            )


def _fingerprint(path: str) -> tuple[int, int, str]:
    stat = os.stat(path)
    with open(path, "rb") as handle:
        return stat.st_mtime_ns, stat.st_size, hashlib.sha256(handle.read()).hexdigest()


def _read_or_check(item: tuple) -> Any:
    """A check's work in a worker: one file parsed and validated (the Record or problems
    are sent back), or one photo's header checked (its key when it passed)."""
    if item[0] == "photo":
        return _check(item[1])
    path, kind, *_ = item
    return validate.read_record(Path(path), kind)


def _needs_html(record: Any) -> bool:
    """Whether a record's body is converted ahead (``_convert``'s rule)."""
    body = record.doc.body
    return validate.KINDS[record.kind].suffix == ".md" and bool(body) and "[film:" not in body


def preload(settings: dict[str, Any], convert: bool = True) -> int:
    """Fill the caches (from the disk cache, else in parallel); the number of files read.

    ``convert=False`` (``make check``): the files are only parsed and validated, in parallel,
    and kept on disk without their HTML (the next build converts what lacks it)."""
    from portal_images import checks

    workers = int(settings.get("RENDER_WORKERS") or 1)
    store.forget_html()
    config = render.config_key(settings)
    for process in _saving:  # the last build's cache is written before it is read
        process.join()
    disk = DiskCache(settings)
    todo, unconverted = [], []
    found = validate.scan(settings)  # symbolic links and refused files are never read
    for path, kind in found.content:
        path = os.path.abspath(path)
        mtime, size, digest = _fingerprint(path)
        cached = disk.entries.get((path, digest))
        if cached is None:
            todo.append((path, kind, mtime, size, digest))
            continue
        if convert and cached[1] is None and _needs_html(cached[0]):
            unconverted.append((path, mtime, size, digest, cached[0]))  # read by a check
            continue
        disk.used[(path, digest)] = cached
        _remember(path, mtime, size, *cached, config)
    passed = checks.remembered_passes(settings)
    _settings.clear()
    _settings.update(settings)
    # photos not remembered as passed (a build decodes those whose header alone passed a check)
    known = {key.split("|", 1)[0] for key in passed if not (convert and key.endswith(checks.HEADER_ONLY))}
    photos = [
        str(path)
        for path, media in found.media
        if media in ("photo", "catalogue_photo") and os.path.abspath(path) not in known
    ]
    if not convert:
        many = workers > 1 and len(todo) + len(photos) >= MIN_FILES
        jobs = todo + [("photo", path) for path in photos]
        results = Parallel(_read_or_check, jobs, workers if many else 1, chunk=32).results()
        for (path, _, mtime, size, digest), result in zip(todo, results[: len(todo)], strict=True):
            store.remember(path, mtime, size, result)
            if not isinstance(result, list):  # problems are found again every time
                disk.used[(path, digest)] = (result, None)
        for key in results[len(todo) :]:
            if key:
                checks.note_passed(key)
        _save_meanwhile(disk)
        return len(todo) + len(photos)
    parallel = workers > 1 and len(todo) + len(unconverted) + len(photos) >= MIN_FILES
    markdown = [path for path, kind, *_ in todo if validate.KINDS[kind].suffix == ".md"]
    markdown += [path for path, *_ in unconverted]
    # ``workers`` forked processes convert the Markdown while this one validates the files
    # (and then helps converting what is left): every core stays busy until both are done
    converting = Parallel(
        _convert, markdown, workers + 1 if parallel else 1, chunk=32, serial_below=0
    ).start()
    results = {}
    for path, kind, mtime, size, digest in todo:
        results[path] = (mtime, size, validate.read_record(Path(path), kind), digest)
    for path, mtime, size, digest, record in unconverted:
        results[path] = (mtime, size, record, digest)
    htmls = dict(converting.results())
    for path, (mtime, size, result, digest) in results.items():
        html = htmls.get(path) if not isinstance(result, list) else None
        _remember(path, mtime, size, result, html, config)
        if not isinstance(result, list):  # problems are found again on every build
            disk.used[(path, digest)] = (result, html)
    if parallel:
        for key in Parallel(_check, photos, workers, chunk=8, serial_below=0).results():
            if key:
                checks.note_passed(key)
    _save_meanwhile(disk)
    return len(todo) + len(unconverted) + (len(photos) if parallel else 0)


_saving: list = []  # the process writing the last build's cache (in_background)


def _save_meanwhile(disk: DiskCache) -> None:
    """Write the disk cache in a forked process while the build goes on (pickling the reads
    of a large portal takes seconds of the one process everything else waits for). The file
    appears by a rename, so a build that stops meanwhile leaves the old cache or the new
    one; Python waits for the process before it exits, and the next build before it reads.
    """
    _saving.clear()  # joined by preload before it read the cache
    if not disk.changed:
        return
    _saving.append(in_background(disk.save))


def _remember(path: str, mtime: int, size: int, result: Any, html: str | None, config: tuple) -> None:
    """Put one file's read into the caches the build reads from."""
    store.remember(path, mtime, size, result)
    if html is not None:
        store.remember_html(config, result.doc.body, html)
