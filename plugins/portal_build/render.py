"""portal_incremental: render pages in parallel, and after an edit of a news item's text
render only what shows that text.

Why our own plugin: Pelican renders every page on every build, in one process. Its
WRITE_SELECTED setting (write only chosen files) has been removed (4.12 warns when it is
set), its content cache only saves the reading of files, and no maintained plugin renders
in parallel or knows which pages show which content. On a large portal (about 8,700 pages)
a full build takes about a minute; an editor fixing a sentence in a news item should see
the page in a second (`make devserver`).

How it works:

- The writer (registered through ``get_writer``) remembers every ``write_file``,
  ``write_feed`` and ``write_data`` (bytes drawn per item: QR codes, calendars) call:
  output name, template, context and arguments (references, no copies). With
  RENDER_WORKERS > 1 it only records them while the generators run; the first
  ``finalized`` receiver renders them in forked processes that take batches of calls as
  they go (each already has the whole context). What rendering leaves behind besides
  files - photos asked for by <picture>, share cards, the pages Pelican announces through
  ``content_written`` - is sent back to the main process (``render_state``), so the other
  plugins finish the site exactly as after a serial run (a test compares the two).
- While a call renders, every content object whose text is read (``Content.get_content``,
  behind ``.content`` and a summary cut from the text) is noted against that call.
- ``update(paths)`` handles a change of news items' text only. It reads each file again with
  Pelican's own reader (so the file is checked exactly as in a build), and gives up - the
  caller then makes a full build - when a file is new or gone, is not a news item, embeds
  other films than before (whether a film exists is a check across files), or its front matter (title, date, category, tags, summary, photo: everything lists, feeds'
  headers, the sitemap and share previews show) differs in any way. Otherwise the new text
  goes into the existing object and only the calls that read that text are rendered
  again: the item's own page and the feeds that carry it. All of them are rendered in
  memory first; files are replaced (each atomically) only when every one succeeded.
- The search index is not touched by ``update``: the caller re-indexes the output
  (Pagefind has no incremental mode).

A test builds the site, edits a news item's text, updates, and compares every file with a
clean full build of the edited content.

Signals: ``initialized`` (forget the last build), ``all_generators_finalized`` (keep the
generators, fix each content's URL: ``fix_urls``), ``get_writer`` (the recording writer),
``finalized`` (render what was deferred; this plugin comes first in PLUGINS so that this
runs before the others finish the site).
Sends ``pages_rendered`` (its own signal) when the pages are written.
"""

from __future__ import annotations

import gc
import io
import logging
import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from blinker import Namespace
from pelican import signals
from pelican.contents import Article, Content
from pelican.writers import Writer
from portal_content.atomic import write_atomic
from portal_content.problems import ContentError

log = logging.getLogger(__name__)


@dataclass
class Call:
    method: str  # "write_file" or "write_feed"
    args: tuple
    kwargs: dict
    outputs: set[str] = field(default_factory=set)  # absolute paths written when last rendered
    reads: set[str] = field(default_factory=set)  # source paths whose text was read


@dataclass
class LastBuild:
    output: Path | None = None
    generators: list = field(default_factory=list)
    writer: RecordingWriter | None = None
    written: list[str] = field(default_factory=list)  # by the last update()


_last = LastBuild()

# sent (with the Pelican object) when every page of a full build is written: the HTML is
# complete from here on (portal_publish starts the search index then, while the other
# plugins still copy photos and cards)
pages_rendered = Namespace().signal("portal_pages_rendered")
_rendering: list[Call] = []  # the call being rendered (a stack of one)
BATCH = 16  # calls a render process takes at a time

# What rendering leaves behind besides files (photos asked for by <picture>, share cards):
# (name, take, merge) - ``take()`` returns it, picklable, from a worker process and
# ``merge(value)`` adds it to the main process. Plugins register theirs at import time.
RENDER_STATE: list[tuple[str, Callable[[], Any], Callable[[Any], None]]] = []


def render_state(name: str, take: Callable[[], Any], merge: Callable[[Any], None]) -> None:
    RENDER_STATE[:] = [entry for entry in RENDER_STATE if entry[0] != name] + [(name, take, merge)]


class _TrackedText:
    """Wraps Pelican's memoized ``Content.get_content``: notes who reads whose text."""

    def __init__(self, memoized) -> None:
        self.memoized = memoized

    def __get__(self, obj, objtype=None):
        bound = self.memoized.__get__(obj, objtype)
        if obj is None or not _rendering:
            return bound

        def get_content(siteurl):
            _rendering[-1].reads.add(obj.source_path)
            return bound(siteurl)

        return get_content


def _install_tracking() -> None:
    if not isinstance(Content.__dict__.get("get_content"), _TrackedText):
        Content.get_content = _TrackedText(Content.__dict__["get_content"])


def _forget_rendered_text() -> None:
    """Drop Pelican's memoized text and summaries (they would keep every old object alive)."""
    tracked = Content.__dict__["get_content"]
    memo = tracked.memoized if isinstance(tracked, _TrackedText) else tracked
    memo.cache.clear()
    Content.__dict__["get_summary"].cache.clear()


class RecordingWriter(Writer):
    """Pelican's writer that remembers its calls and, when replaying, writes into memory.

    With ``workers`` > 1 the calls are only recorded while the generators run, and
    ``flush()`` renders them in that many processes (forked: each has the whole context
    already, nothing is pickled but the results).
    """

    def __init__(self, output_path, settings=None, workers: int = 1) -> None:
        super().__init__(output_path, settings=settings)
        self.calls: list[Call] = []
        self.pending: dict[str, str | bytes] | None = None  # replay: path -> text or bytes
        self.workers = workers
        self.deferred: list[Call] = []
        self.claimed: dict[str, Call] = {}  # output file -> the call that writes it
        self.collisions: list = []  # portal_content Problems, raised by flush()

    def _record(self, method: str, args: tuple, kwargs: dict) -> Any:
        call = Call(method, args, kwargs)
        if not self._claim(call):
            return None  # reported with every other collision when the pages are rendered
        self.calls.append(call)
        if self.workers > 1:
            self.deferred.append(call)
            return None
        return self._run(call)

    def _claim(self, call: Call) -> bool:
        """Whether ``call`` may write its file: a second call for the same output file is a
        collision (a page whose address is /katalog/, an entity slug equal to a listing's),
        noted with both sources and raised by ``flush`` with all others. Pelican would let
        an override win silently, and files rendered in two processes are never compared."""
        target = _target(call, self.output_path)
        if target is None:
            return True
        first = self.claimed.setdefault(target, call)
        if first is call:
            return True
        self.collisions.append(_collision(first, call, os.path.relpath(target, self.output_path)))
        return False

    def flush(self) -> None:
        """Render the deferred calls in the worker processes (this one included), which take
        batches of calls as they go: pages differ in cost, so a fixed split left one process
        waiting seconds for the other."""
        if self.collisions:
            raise ContentError(self.collisions)
        calls, self.deferred = self.deferred, []
        if self.workers <= 1 or len(calls) < 2 * self.workers:
            for call in calls:
                self._run(call)
            return
        batches = [calls[start : start + BATCH] for start in range(0, len(calls), BATCH)]
        taken = multiprocessing.get_context("fork").Value("i", 0)  # the next batch to render
        index = {id(call): number for number, call in enumerate(calls)}
        # objects made so far are never collected in the workers: a collection would write
        # to every object of the build's (shared, copy-on-write) memory
        gc.freeze()
        failure: BaseException | None = None
        try:
            children = [self._fork(batches, taken, index) for _ in range(self.workers - 1)]
            try:
                self._render_batches(batches, taken)
            except BaseException as error:  # noqa: BLE001 - re-raised after the workers are collected
                failure = error
                with taken.get_lock():
                    taken.value = len(batches)  # the workers stop after their current batch
            for pid, reader in children:
                with os.fdopen(reader, "rb") as pipe:
                    data = pipe.read()
                os.waitpid(pid, 0)
                # our own forked worker wrote it through a private pipe
                result = pickle.loads(data) if data else {"error": "proces renderujący przerwał pracę"}  # noqa: S301
                if "error" in result:
                    failure = failure or RuntimeError(result["error"])
                    continue
                self._merge(calls, result)
        finally:
            gc.unfreeze()
        if failure is not None:
            raise failure

    def _fork(self, batches: list[list[Call]], taken, index: dict[int, int]) -> tuple[int, int]:
        reader, writer = os.pipe()
        pid = os.fork()
        if pid:
            os.close(writer)
            return pid, reader
        os.close(reader)  # the worker: render, send the results, exit without cleanup
        status = 0
        try:
            done = self._render_batches(batches, taken)
            result: dict[str, Any] = {
                "calls": [(index[id(c)], c.outputs, c.reads) for c in done],
                "written": (self._written_files, self._overridden_files),
                "state": {name: take() for name, take, _ in RENDER_STATE},
            }
        except BaseException as error:  # noqa: BLE001 - sent to the main process as text
            result = {"error": "".join(traceback.format_exception_only(error)).strip()}
            status = 1
        try:
            with os.fdopen(writer, "wb") as pipe:
                pipe.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        finally:
            os._exit(status)

    def _merge(self, calls: list[Call], result: dict[str, Any]) -> None:
        from pelican import signals as pelican_signals

        for number, outputs, reads in result["calls"]:
            call = calls[number]
            call.outputs, call.reads = outputs, reads
            if call.method == "write_file":  # what Pelican's writer tells plugins per page
                context = {key: call.kwargs.get(key) for key in ("article", "page") if key in call.kwargs}
                for path in sorted(outputs):
                    pelican_signals.content_written.send(path, context=context)
        written, overridden = result["written"]
        self._written_files |= written
        self._overridden_files |= overridden
        merges = {name: merge for name, _, merge in RENDER_STATE}
        for name, value in result["state"].items():
            merges[name](value)

    def _render_batches(self, batches: list[list[Call]], taken) -> list[Call]:
        """Render batches nobody has taken yet until none is left; the calls rendered."""
        done: list[Call] = []
        for batch in _batches(batches, taken):
            for call in batch:
                self._run(call)
            done += batch
        return done

    def _run(self, call: Call) -> Any:
        _rendering.append(call)
        try:
            if call.method == "write_data":
                return self._write_data(call)
            return getattr(super(), call.method)(*call.args, **call.kwargs)
        except RenderError:
            raise
        except Exception as error:  # noqa: BLE001 - named with the page and its file, re-raised
            raise RenderError(f"{_describe(call)}: {type(error).__name__}: {error}") from error
        finally:
            _rendering.pop()

    def write_data(self, path: Path, make: Callable[..., bytes], *args: Any) -> None:
        """Write the bytes ``make(*args)`` returns to ``path`` - a file drawn per item beside
        its page (a QR code, an .ics), drawn in the worker processes with the pages."""
        self._record("write_data", (path, make, *args), {})

    def _write_data(self, call: Call) -> None:
        path, make, *args = call.args
        data = make(*args)
        target = os.path.abspath(path)
        call.outputs.add(target)
        if self.pending is not None:  # replayed: into memory, like the pages
            self.pending[target] = data
            return
        os.makedirs(os.path.dirname(target), exist_ok=True)  # its page may come later
        with open(target, "wb") as handle:
            handle.write(data)

    def write_file(self, *args, **kwargs):
        return self._record("write_file", args, kwargs)

    def write_feed(self, *args, **kwargs):
        return self._record("write_feed", args, kwargs)

    def _open_w(self, filename, encoding, override=False):
        if _rendering:
            _rendering[-1].outputs.add(os.path.abspath(filename))
        if self.pending is None:
            return super()._open_w(filename, encoding, override)
        return _MemoryFile(self.pending, os.path.abspath(filename))

    def replay(self, calls: list[Call]) -> dict[str, str]:
        """Render ``calls`` again; the texts by output path (nothing is written)."""
        self.pending = {}
        try:
            for call in calls:
                call.reads.clear()
                self._run(call)
            return self.pending
        finally:
            self.pending = None


def _target(call: Call, output_path: str) -> str | None:
    """The output file a call writes (its first, for a paginated list), or None."""
    if call.method == "write_data":
        name = call.args[0]
    elif call.method == "write_feed":
        name = call.kwargs.get("path") or (call.args[2] if len(call.args) > 2 else None)
    else:
        name = call.kwargs.get("name") or (call.args[0] if call.args else None)
    if not name:
        return None
    return os.path.abspath(os.path.join(output_path, os.fspath(name)))


def _sources(call: Call) -> list[str]:
    """The content files a call shows (its page's article, entity, product, film ...)."""
    found = []
    for value in call.kwargs.values():
        source = getattr(value, "source_path", None) or getattr(value, "source", None)
        if isinstance(source, str | os.PathLike) and os.fspath(source):
            found.append(os.fspath(source))
    return found


def _source(call: Call) -> tuple[str, int, str] | None:
    """(file, line, field) of the content file a call shows: the line of its slug when the
    slug is written in it (that is what to change), else the first line."""
    from portal_content import validate
    from portal_content.problems import display_path

    for source in _sources(call)[:1]:
        cached = validate._cache.get(os.path.abspath(source))
        record = cached[2] if cached and not isinstance(cached[2], list) else None
        line = record.doc.line_for(("slug",)) if record and getattr(record.meta, "slug", None) else 1
        return display_path(Path(source)), line, "slug"
    return None


def _collision(first: Call, second: Call, relative: str):
    """The problem of two calls writing one file: reported at the content file (or files)."""
    from portal_content.problems import Problem

    address = "/" + relative.replace(os.sep, "/").removesuffix("index.html")
    mine, theirs = _source(second), _source(first)
    if mine is None:
        mine, theirs, first, second = theirs, mine, second, first
    template = (
        getattr(first.args[1], "name", "") if first.method == "write_file" and len(first.args) > 1 else ""
    )
    other = theirs[0] if theirs else f"stronę generowaną przez portal ({template or 'wykaz'})"
    if mine is None:
        return Problem(
            "(portal)", 1, "adres", f"dwie strony portalu mają adres {address}; zgłoś to administratorowi"
        )
    return Problem(
        mine[0],
        mine[1],
        mine[2],
        f"adres {address} ma już {other}; nadaj tej treści inny adres polem 'slug:' (albo zmień nazwę pliku)",
    )


class RenderError(Exception):
    """A page could not be made; the message names it and the content file it shows."""


def _describe(call: Call) -> str:
    """The page a call writes and, where one is known, the content file it shows."""
    from portal_content.problems import display_path

    name = call.kwargs.get("name") or (call.args[0] if call.args else "?")
    sources = [display_path(Path(source)) for source in _sources(call)]
    where = f" (z pliku {', '.join(sources)})" if sources else ""
    return f"strona {os.fspath(name)}{where}"


def _batches(batches: list[list[Call]], taken) -> Iterator[list[Call]]:
    """The batches this process renders: each the next one nobody has taken yet."""
    while True:
        with taken.get_lock():
            number = taken.value
            if number >= len(batches):
                return
            taken.value = number + 1
        yield batches[number]


class _MemoryFile(io.StringIO):
    def __init__(self, store: dict[str, str], path: str) -> None:
        super().__init__()
        self.store, self.path = store, path

    def close(self) -> None:
        self.store[self.path] = self.getvalue()
        super().close()


def start(pelican) -> None:
    _install_tracking()
    _forget_rendered_text()
    _last.output, _last.generators, _last.writer = None, [], None


def keep_generators(generators) -> None:
    _last.generators = list(generators)
    fix_urls(generators)


# the lists of Pelican's article and page generators
CONTENT_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
    "draft_translations",
)


def fix_urls(generators) -> None:
    """Give every article and page its URL and output name as Pelican's own overrides
    (``override_url``, ``override_save_as``), now that slugs, dates and categories are
    settled. Pelican otherwise formats them from the metadata on every use: a news item's
    URL is read on its page, its feed entries and each list that shows its card, which cost
    several seconds of a large portal's build. Overrides set in the metadata are kept."""
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, None) or ():
                for key in ("url", "save_as"):
                    if not hasattr(content, f"override_{key}"):
                        setattr(content, f"override_{key}", getattr(content, key))


def get_writer(pelican):
    return _Writer


class _Writer(RecordingWriter):
    def __init__(self, output_path, settings=None) -> None:
        workers = int((settings or {}).get("RENDER_WORKERS") or os.cpu_count() or 1)
        super().__init__(output_path, settings=settings, workers=workers)
        _last.writer, _last.output = self, Path(output_path)


def write_data(writer: Writer, path: Path, make: Callable[..., bytes], *args: Any) -> None:
    """For other plugins' generators: ``writer.write_data`` when the writer is ours (a site
    built without this plugin writes the file at once)."""
    if isinstance(writer, RecordingWriter):
        writer.write_data(path, make, *args)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(make(*args))


def render_deferred(pelican) -> None:
    """First ``finalized`` receiver: the pages exist before other plugins finish the site."""
    if _last.writer is not None:
        _last.writer.flush()
    pages_rendered.send(pelican)


def built_into(output: Path) -> None:
    """The output folder was moved (the build script swaps its fresh folder in): replayed
    calls write there."""
    if _last.writer is not None and _last.output is not None:
        _last.writer.output_path = str(output)
        _last.output = output


def _films(text: str) -> set[str]:
    from portal_films.embed import embeds_in

    return {slug for _, slug in embeds_in(text)}


def _intrasite(text: str) -> set[str]:
    from portal_content.safety import INTRASITE, links_in

    return {url for _, url in links_in(text) if INTRASITE.match(url)}


def _intrasite_of(article: Content) -> set[str]:
    from portal_content import validate

    cached = validate._cache.get(os.path.abspath(article.source_path))
    if cached is None or isinstance(cached[2], list):
        return {"?"}  # not known: a full build
    return _intrasite(cached[2].doc.body)


def _films_of(article: Content) -> set[str] | None:
    """Films embedded in the text the last build read (None when it is not known)."""
    from portal_content import validate

    cached = validate._cache.get(os.path.abspath(article.source_path))
    if cached is None or isinstance(cached[2], list):
        return None
    return _films(cached[2].doc.body)


class NotIncremental(Exception):
    """The change needs a full build; the message says why (for the terminal)."""


def update(paths: list[Path]) -> list[str]:
    """Apply a change of news items' text to the last build; the output files rewritten.

    Raises NotIncremental when the change needs a full build, and whatever reading a file
    raises (ContentError for a bad file) - then nothing was written.
    """
    writer, generators = _last.writer, _last.generators
    if writer is None or _last.output is None or not _last.output.is_dir():
        raise NotIncremental("brak poprzedniego budowania w tym procesie")
    settings = generators[0].settings if generators else {}
    if any(settings.get(k) for k in ("PUBLISH_FINGERPRINT", "PUBLISH_MINIFY", "PUBLISH_PRECOMPRESS")):
        raise NotIncremental("budowanie produkcyjne (publishconf) zawsze jest pełne")
    articles = next((g for g in generators if g.__class__.__name__ == "ArticlesGenerator"), None)
    if articles is None:
        raise NotIncremental("brak generatora aktualności")
    known = {
        os.path.abspath(a.source_path): a
        for a in (*articles.articles, *articles.translations, *articles.drafts, *articles.drafts_translations)
    }
    changed: list[tuple[Content, Content]] = []
    for path in paths:
        old = known.get(os.path.abspath(path))
        if old is None or not Path(path).is_file():
            raise NotIncremental(f"{path}: nowy, usunięty albo nie jest aktualnością")
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        if _films_of(old) != _films(text):
            # whether an embedded film exists is a check across files: a full build makes it
            raise NotIncremental(f"{path}: zmienione filmy w treści")
        if _intrasite(text) or _intrasite_of(old):
            # {static}/{filename} links are checked across files, and linked files are copied
            raise NotIncremental(f"{path}: linki do plików lub innych treści")
        new = articles.readers.read_file(
            base_path=articles.path,
            path=os.path.relpath(path, articles.path),
            content_class=Article,
            context=articles.context,
        )
        if new.metadata != old.metadata:
            raise NotIncremental(f"{path}: zmieniony nagłówek (pola nad treścią)")
        changed.append((old, new))
    sources = {old.source_path for old, _ in changed}
    calls = [call for call in writer.calls if call.reads & sources]
    saved = {old: old._content for old, _ in changed}
    for old, new in changed:
        old._content = new._content
    _forget_rendered_text()
    try:
        texts = writer.replay(calls)
    except BaseException:
        for old, content in saved.items():
            old._content = content
        _forget_rendered_text()
        raise
    for path, text in texts.items():
        write_atomic(path, text)  # under the output folder: Pelican's writer joined it safely
    _last.written = sorted(texts)
    return _last.written


def register() -> None:
    signals.initialized.connect(start)
    signals.all_generators_finalized.connect(keep_generators)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(render_deferred)
