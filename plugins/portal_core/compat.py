"""Every use of a private attribute or behaviour of Pelican or Python-Markdown, in one place.

The portal uses Pelican's and Python-Markdown's public APIs everywhere else. Where speed or
the devserver's partial update needs more, the need is met here, with why; each assumption
has a test in tests/unit/test_compat.py, so an upgrade that changes one fails a named test
instead of silently building a wrong site. Written for the versions below; the build says
(in Polish) when another version is installed (``version_warning``).

Pelican
- ``Content.get_content`` and ``Content.get_summary`` are ``pelican.utils.memoized``
  descriptors with a ``cache`` dict, and every reader of a content's HTML (``.content``,
  ``.summary``, feeds) goes through ``get_content``: ``track_text_reads`` wraps it to note
  which page read which text; ``forget_rendered_text`` empties both caches.
- ``Content._content`` holds the HTML the reader made: ``swap_text`` replaces it after a
  news item's text was edited (the devserver's partial update).
- ``Content.url`` and ``save_as`` return ``override_url`` / ``override_save_as`` when set
  (documented for metadata, used here for every content): ``fix_url``.
- ``Writer._open_w`` opens every output file of ``write_file`` and ``write_feed``, and
  ``Writer._written_files`` / ``_overridden_files`` hold what was written: ``HookedWriter``
  turns them into ``open_output`` and ``written_files``/``add_written``.
- ``Writer.write_file`` and ``write_feed`` send ``content_written`` and ``feed_written``
  themselves: ``quiet_writer_signals`` mutes them in a render worker, and
  ``announce_written`` sends them in the building process, once per file.

Python-Markdown
- Inline patterns live in ``Markdown.inlinePatterns`` and in the ``inlinePatterns`` of the
  inline tree processor, each with a ``compiled_re``: ``replace_inline_patterns``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import markdown
import pelican
from pelican import signals
from pelican.contents import Content
from pelican.writers import Writer

PELICAN_VERSION = "4.12.0"
MARKDOWN_VERSION = "3.11"  # any 3.11.x


def version_warning() -> str | None:
    """A sentence for the terminal when the installed Pelican or Python-Markdown is not the
    version this layer was written for (None when it is)."""
    found = []
    if pelican.__version__ != PELICAN_VERSION:
        found.append(f"Pelican {pelican.__version__} (oczekiwano {PELICAN_VERSION})")
    if not markdown.__version__.startswith(MARKDOWN_VERSION + "."):
        found.append(f"Python-Markdown {markdown.__version__} (oczekiwano {MARKDOWN_VERSION}.x)")
    if not found:
        return None
    return (
        "Uwaga: zainstalowano " + " i ".join(found) + ". Warstwa zgodności "
        "(plugins/portal_core/compat.py) została napisana dla innej wersji; uruchom `make test` "
        "(testy tests/unit/test_compat.py pokażą, co się zmieniło) albo zainstaluj wersje z "
        "requirements.txt (`make clean` i `make serve`)."
    )


# --- Content: who reads whose text ----------------------------------------------------


class _TrackedText:
    """Wraps Pelican's memoized ``Content.get_content``: tells ``on_read`` who is read."""

    def __init__(self, memoized: Any, on_read: Callable[[Content], None]) -> None:
        self.memoized, self.on_read = memoized, on_read

    def __get__(self, obj, objtype=None):
        bound = self.memoized.__get__(obj, objtype)
        if obj is None:
            return bound
        on_read = self.on_read

        def get_content(siteurl):
            on_read(obj)
            return bound(siteurl)

        return get_content


def track_text_reads(on_read: Callable[[Content], None]) -> None:
    """Call ``on_read(content)`` whenever a content's HTML is read (its page, a feed, a
    summary cut from it). Installed once per process; a later call replaces the callback."""
    current = Content.__dict__["get_content"]
    memoized = current.memoized if isinstance(current, _TrackedText) else current
    Content.get_content = _TrackedText(memoized, on_read)


def forget_rendered_text() -> None:
    """Empty Pelican's memoized texts and summaries (they keep every old object alive, and
    hold the old text after ``swap_text``)."""
    current = Content.__dict__["get_content"]
    memoized = current.memoized if isinstance(current, _TrackedText) else current
    memoized.cache.clear()
    Content.__dict__["get_summary"].cache.clear()


def text_of(content: Content) -> str:
    """The HTML the reader made for ``content`` (before links are fixed for a page)."""
    return content._content


def swap_text(content: Content, html: str) -> str:
    """Give ``content`` the HTML ``html`` (a re-read of its edited file); the old HTML."""
    old, content._content = content._content, html
    return old


def fix_url(content: Content) -> None:
    """Make ``content.url`` and ``save_as`` fixed values (Pelican formats them from the
    metadata on every use otherwise); overrides set in the metadata are kept."""
    for key in ("url", "save_as"):
        if not hasattr(content, f"override_{key}"):
            setattr(content, f"override_{key}", getattr(content, key))


# --- Writer ---------------------------------------------------------------------------


class HookedWriter(Writer):
    """Pelican's Writer with public names for the internals the portal's writer needs."""

    def _open_w(self, filename, encoding, override=False):
        return self.open_output(filename, encoding, override)

    def open_output(self, filename: str, encoding: str, override: bool = False):
        """Open an output file of ``write_file`` or ``write_feed`` (Pelican's own checks of
        files written twice included); a subclass may write elsewhere."""
        return Writer._open_w(self, filename, encoding, override)

    def written_files(self) -> tuple[set[str], set[str]]:
        """(written, overridden): the output files this writer opened."""
        return set(self._written_files), set(self._overridden_files)

    def add_written(self, written: set[str], overridden: set[str]) -> None:
        """Count files another process wrote for this writer as written by it."""
        self._written_files |= written
        self._overridden_files |= overridden


@contextlib.contextmanager
def quiet_writer_signals() -> Iterator[None]:
    """No ``content_written`` or ``feed_written`` while inside (a render worker's writes are
    announced by the building process instead, once per file: ``announce_written``)."""
    with signals.content_written.muted(), signals.feed_written.muted():
        yield


def announce_written(path: str, context: dict[str, Any]) -> None:
    """What Pelican's ``write_file`` sends for a page it wrote."""
    signals.content_written.send(path, context=context)


# --- Python-Markdown ------------------------------------------------------------------


def replace_inline_patterns(converter: markdown.Markdown, faster: dict[str, str]) -> int:
    """Swap each inline pattern whose regular expression is a key of ``faster`` for the
    value (same flags), in the converter and in its tree processors; how many were swapped."""
    import re

    registries = [converter.inlinePatterns]
    registries += [p.inlinePatterns for p in converter.treeprocessors if hasattr(p, "inlinePatterns")]
    swapped = 0
    for registry in registries:
        for pattern in registry:
            replacement = faster.get(pattern.compiled_re.pattern)
            if replacement is not None:
                pattern.compiled_re = re.compile(replacement, pattern.compiled_re.flags)
                swapped += 1
    return swapped
