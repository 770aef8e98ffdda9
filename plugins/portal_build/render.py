"""The writer of every build: pages rendered in parallel processes, and who read what.

How it works:

- The writer (Pelican's ``get_writer`` signal) remembers every ``write_file``,
  ``write_feed`` and ``write_data`` (bytes drawn per item: QR codes, calendars) call:
  output name, template, context and arguments (references, no copies). With
  RENDER_WORKERS > 1 it only records them while the generators run; ``finish``
  (the first ``finalized`` step) renders them in forked processes (portal_core.parallel:
  each already has the whole context). What rendering leaves behind besides files -
  photos asked for by <picture>, share cards - is sent back to the building process
  (``render_state``), so the other steps finish the site exactly as after a serial run.
- Writer signals keep Pelican's meaning: ``content_written`` and ``feed_written`` are sent
  once per file, in the building process (workers are quiet; the building process
  announces their pages, and renders the feeds itself), so a receiver such as
  pelican-plugins' image-process behaves as in a one-process build (a test counts them).
- While a call renders, every content object whose text is read (``.content``, a summary
  cut from it) is noted against that call: ``portal_build.update`` uses that.
- A second call for an output file another call writes is a collision, reported with
  the content files of both (``flush`` raises ContentError with every collision).
- While a call renders, every read of what depends on the build date - the ``BUILD_DATE``
  template variable, a certificate's status, whether an event is upcoming, an event
  calendar's stamp - is noted in ``Call.dated`` with the value read (``note_date_read``),
  and what it asks for besides files (photos, share cards: ``Requests``) in ``Call.asked``.
  A build whose only change is the date carries a call's files over from the last build
  (``portal_build.carry``) when every such value is the same, instead of rendering it.

Sends ``pages_rendered`` (its own signal) when the pages are written.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2.runtime
from blinker import Namespace
from portal_content.problems import ContentError
from portal_core import compat
from portal_core.parallel import Parallel, WorkerFailed

from . import carry


@dataclass
class Call:
    method: str  # "write_file", "write_feed" or "write_data"
    args: tuple
    kwargs: dict
    outputs: set[str] = field(default_factory=set)  # absolute paths written when last rendered
    reads: set[str] = field(default_factory=set)  # source paths whose text was read
    dated: dict = field(default_factory=dict)  # what it read that depends on the date: key -> value
    asked: dict[str, set] = field(default_factory=dict)  # Requests' name -> keys it asked for
    carried: bool = False  # its files were carried over from the last build, not rendered
    target: str | None = None  # the (first) output file, absolute


@dataclass
class LastBuild:
    """The build this process made last: what ``portal_build.update`` works on."""

    output: Path | None = None
    generators: list = field(default_factory=list)
    writer: RecordingWriter | None = None
    written: list[str] = field(default_factory=list)  # by the last update


_last = LastBuild()


def last_build() -> LastBuild:
    return _last


# sent (with the Pelican object) when every page of a full build is written: the HTML is
# complete from here on (portal_publish starts the search index then, while the other
# steps still copy photos and cards)
pages_rendered = Namespace().signal("portal_pages_rendered")
_rendering: list[Call] = []  # the call being rendered (a stack of one)
BATCH = 16  # calls a render process takes at a time

# What rendering leaves behind besides files (photos asked for by <picture>, share cards):
# (name, take, merge) - ``take()`` returns it, picklable, from a worker process and
# ``merge(value)`` adds it to the building process. Registered by the wiring (portal_site).
RENDER_STATE: list[tuple[str, Callable[[], Any], Callable[[Any], None]]] = []


def render_state(name: str, take: Callable[[], Any], merge: Callable[[Any], None]) -> None:
    RENDER_STATE[:] = [entry for entry in RENDER_STATE if entry[0] != name] + [(name, take, merge)]


def _note_read(content) -> None:
    if _rendering:
        _rendering[-1].reads.add(content.source_path)


def note_date_read(key: tuple, value: Any) -> None:
    """The page being rendered shows something that depends on the build date: ``key``
    names it (``("BUILD_DATE",)``, a certificate's status, an event's state) and ``value``
    is what it was. A build on another day renders the page again only when some value it
    read is another one then (``portal_build.carry.date_value`` says how to know)."""
    if _rendering:
        _rendering[-1].dated[key] = value


DATE_VARIABLES = frozenset({"BUILD_DATE"})


class DateContext(jinja2.runtime.Context):
    """Jinja's template context, noting a read of the build date (templates look every
    variable up here; an included template or a macro gets a context of the same class)."""

    def resolve_or_missing(self, key: str) -> Any:
        value = super().resolve_or_missing(key)
        if key in DATE_VARIABLES:
            note_date_read((key,), str(value))
        return value


class Requests(dict):
    """What pages ask for besides their files (photos, share cards), keyed, with the call
    that asked noted (``Call.asked``): a build that carries a page over from the last build
    asks for the same things in its place."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def _asked(self, key: Any) -> None:
        if _rendering:
            _rendering[-1].asked.setdefault(self.name, set()).add(key)

    def get(self, key: Any, default: Any = None) -> Any:
        found = super().get(key, default)
        if found is not None:
            self._asked(key)
        return found

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(key, value)
        self._asked(key)


# Pelican's writer arguments that are not template variables (write_file's signature)
_WRITE_OPTIONS = {"relative_urls", "paginated", "template_name", "override_output", "url", "context"}


class RecordingWriter(compat.HookedWriter):
    """Pelican's writer that remembers its calls and, when replaying, writes into memory.

    With ``workers`` > 1 the calls are only recorded while the generators run, and
    ``flush()`` renders them in that many processes.
    """

    def __init__(self, output_path, settings=None, workers: int = 1) -> None:
        super().__init__(output_path, settings=settings)
        self.calls: list[Call] = []
        self.pending: dict[str, str | bytes] | None = None  # replay: path -> text or bytes
        self.workers = workers
        self.deferred: list[Call] = []
        self.claimed: dict[str, Call] = {}  # output file -> the call that writes it
        self.collisions: list = []  # portal_content Problems, raised by flush()
        self.building_process = os.getpid()

    def _record(self, method: str, args: tuple, kwargs: dict) -> Any:
        call = Call(method, args, kwargs)
        if not self._claim(call):
            return None  # reported with every other collision when the pages are rendered
        self.calls.append(call)
        if carry.take(call, call.target, self.output_path):
            return None  # its files are linked from the last build by ``flush``
        if self.workers > 1:
            self.deferred.append(call)
            return None
        return self._run(call)

    def _claim(self, call: Call) -> bool:
        """Whether ``call`` may write its file: a second call for the same output file is a
        collision (a page whose address is /katalog/, an entity slug equal to a listing's),
        noted with both sources and raised by ``flush`` with all others. Pelican would let
        an override win silently, and files rendered in two processes are never compared."""
        target = call.target = target_of(call, self.output_path)
        if target is None:
            return True
        first = self.claimed.setdefault(target, call)
        if first is call:
            return True
        self.collisions.append(_collision(first, call, os.path.relpath(target, self.output_path)))
        return False

    def flush(self) -> None:
        """Render the deferred calls: the pages in the worker processes (this one included),
        the feeds in this process meanwhile (so ``feed_written`` is sent here, with the
        feed, as Pelican sends it)."""
        if self.collisions:
            raise ContentError(self.collisions)
        carry.link_carried([c for c in self.calls if c.carried], self.output_path)
        calls, self.deferred = self.deferred, []
        pages = [call for call in calls if call.method != "write_feed"]
        pool = Parallel(
            self._render_page,
            pages,
            self.workers,
            chunk=BATCH,
            leftover=self._leftover,
            merge=self._merge_leftover,
        ).start()
        try:
            for call in calls:
                if call.method == "write_feed":
                    self._run(call)
            results = pool.results()
        except WorkerFailed as error:  # a page a worker could not make: named as here
            raise RenderError(error.text if error.kind == "RenderError" else str(error)) from None
        for call, (outputs, reads, dated, asked, quiet) in zip(pages, results, strict=True):
            call.outputs, call.reads, call.dated, call.asked = outputs, reads, dated, asked
            if quiet and call.method == "write_file":  # rendered by a quiet worker
                for path in sorted(outputs):
                    compat.announce_written(path, _template_context(call))
        for call in self.calls:  # carried over: announced as if written now
            if call.carried and call.method == "write_file":
                for path in sorted(call.outputs):
                    compat.announce_written(path, _template_context(call))

    def _render_page(self, call: Call) -> tuple[set[str], set[str], dict, dict[str, set], bool]:
        """Render one call; (files written, texts read, what it read that depends on the date,
        what it asked for, whether its signals are still to be sent). Worker processes are
        quiet: the building process announces their files."""
        if os.getpid() == self.building_process:
            self._run(call)
            return call.outputs, call.reads, call.dated, call.asked, False
        with compat.quiet_writer_signals():
            self._run(call)
        return call.outputs, call.reads, call.dated, call.asked, True

    def _leftover(self) -> dict[str, Any]:
        return {"written": self.written_files(), "state": {name: take() for name, take, _ in RENDER_STATE}}

    def _merge_leftover(self, leftover: dict[str, Any]) -> None:
        self.add_written(*leftover["written"])
        merges = {name: merge for name, _, merge in RENDER_STATE}
        for name, value in leftover["state"].items():
            merges[name](value)

    def _run(self, call: Call) -> Any:
        environment = getattr(call.args[1], "environment", None) if call.method == "write_file" else None
        if environment is not None:  # its templates note a read of the build date
            environment.context_class = DateContext
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

    def open_output(self, filename, encoding, override=False):
        if _rendering:
            _rendering[-1].outputs.add(os.path.abspath(filename))
        if self.pending is None:
            file = super().open_output(filename, encoding, override)
        else:
            file = _MemoryFile(self.pending, os.path.abspath(filename))
        return _SeparatedFile(file) if str(filename).endswith(".html") else file

    def replay(self, calls: list[Call]) -> dict[str, str | bytes]:
        """Render ``calls`` again; the texts by output path (nothing is written)."""
        self.pending = {}
        try:
            for call in calls:
                call.reads.clear()
                call.dated, call.asked = {}, {}
                self._run(call)
            return self.pending
        finally:
            self.pending = None


def _template_context(call: Call) -> dict[str, Any]:
    """The variables a ``write_file`` call's template saw (Pelican's ``localcontext``, less
    the page number variables of a paginated list): what ``content_written`` carries."""
    context = call.kwargs.get("context")
    if context is None and len(call.args) > 2:
        context = call.args[2]
    variables = dict(context or {})
    variables.update((k, v) for k, v in call.kwargs.items() if k not in _WRITE_OPTIONS)
    return variables


def target_of(call: Call, output_path: str) -> str | None:
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
    from portal_content.problems import display_path
    from portal_content.store import store

    for source in _sources(call)[:1]:
        record = store.record(source)
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


# Pagefind joins the text of sibling elements it does not treat as blocks: a definition list
# or a table header came out in search excerpts as "ProjektZofia GrzelakMotyw" and
# "ZamówienieNettoBrutto" (measured on Pagefind 1.5 for each element). A line break after
# their closing tags, where the next tag follows at once, keeps the words apart; in these
# places it changes nothing on the page (table cells, list terms, blocks). The production
# build indexes the pages before it minifies them (portal_publish), as the minifier takes
# the line break out again.
_GLUED = re.compile(
    r"(</(?:dt|dd|th|dl|caption|header|aside|figure|figcaption|blockquote|address|details|summary"
    r"|legend|fieldset)>)(?=<)"
)


def separate_blocks(html: str) -> str:
    """``html`` with a line break after the closing tags whose text Pagefind would glue to
    the next element's (see ``_GLUED``)."""
    return _GLUED.sub("\\1\n", html)


class _SeparatedFile:
    """An output file whose HTML is written through ``separate_blocks``."""

    def __init__(self, file: Any) -> None:
        self.file = file

    def write(self, text: str) -> int:
        return self.file.write(separate_blocks(text))

    def __enter__(self) -> _SeparatedFile:
        self.file.__enter__()
        return self

    def __exit__(self, *exc: Any) -> Any:
        return self.file.__exit__(*exc)


class _MemoryFile(io.StringIO):
    def __init__(self, store: dict[str, str], path: str) -> None:
        super().__init__()
        self.store, self.path = store, path

    def close(self) -> None:
        self.store[self.path] = self.getvalue()
        super().close()


def setup(pelican) -> None:
    """Forget the last build; note text reads from now on."""
    settings = pelican.settings
    carry.date_value("BUILD_DATE", lambda key: str(settings["BUILD_DATE"]))
    compat.track_text_reads(_note_read)
    compat.forget_rendered_text()
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
    """Give every article and page its URL and output name as fixed values, now that slugs,
    dates and categories are settled. Pelican otherwise formats them from the metadata on
    every use: a news item's URL is read on its page, its feed entries and each list that
    shows its card, which cost several seconds of a large portal's build."""
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, None) or ():
                compat.fix_url(content)


def get_writer(pelican):
    return _Writer


class _Writer(RecordingWriter):
    def __init__(self, output_path, settings=None) -> None:
        workers = int((settings or {}).get("RENDER_WORKERS") or 1)
        super().__init__(output_path, settings=settings, workers=workers)
        _last.writer, _last.output = self, Path(output_path)


def write_data(writer: Any, path: Path, make: Callable[..., bytes], *args: Any) -> None:
    """For generators: ``writer.write_data`` when the writer is ours (a site built without
    it writes the file at once)."""
    if isinstance(writer, RecordingWriter):
        writer.write_data(path, make, *args)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(make(*args))


def finish(pelican) -> None:
    """Render what was deferred: the first ``finalized`` step, so the pages exist before
    the other steps finish the site. What a later build whose only change is the date may
    carry over is noted then (``portal_build.carry``)."""
    if _last.writer is not None:
        _last.writer.flush()
        carry.merge_carried(_last.writer.calls, {n: m for n, _, m in RENDER_STATE})
        carry.note_build(_last.writer.calls, _last.writer.output_path, {n: t() for n, t, _ in RENDER_STATE})
    pages_rendered.send(pelican)


def built_into(output: Path) -> None:
    """The output folder was moved (the build script swaps its fresh folder in): replayed
    calls write there."""
    if _last.writer is not None and _last.output is not None:
        _last.writer.output_path = str(output)
        _last.output = output
