"""The content store: what this process has read, validated and converted, in one place.

Every content file goes through it: ``read`` parses and validates a file once (the next
call returns the same Record while the file's time and size are unchanged), the Markdown
of bodies is converted once per text and Markdown configuration (``html``), and objects
a capability builds from a Record - a film with its transcript rendered - are made once
per Record (``built``). The walk of the content roots is kept until ``forget_walk`` (each
build and each check starts afresh).

``portal_content.preload`` warms the store before a build (in parallel, and from its disk
cache); nothing else keeps a cache of content. The devserver's process keeps the store
between builds: a Record read again is a new object, so what was built from the old one
is built again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

Made = TypeVar("Made")


class ContentStore:
    def __init__(self) -> None:
        self._records: dict[str, tuple[int, int, Any]] = {}  # path -> (mtime, size, Record | problems)
        self._html: dict[tuple, str] = {}  # (Markdown configuration, text) -> HTML
        self._built: dict[tuple[int, str], tuple[Any, Any]] = {}  # (id(record), what) -> (record, object)
        self._walk: tuple[Any, Any] = (None, None)  # (key, inventory)

    # records ---------------------------------------------------------------------
    def read(self, path: str | os.PathLike[str], read: Callable[[], Any]) -> Any:
        """The Record (or problems) of ``path``: kept while the file is unchanged, else made
        by ``read()``."""
        stat = os.stat(path)
        key = os.path.abspath(path)
        kept = self._records.get(key)
        if kept and kept[0] == stat.st_mtime_ns and kept[1] == stat.st_size:
            return kept[2]
        result = read()
        self._records[key] = (stat.st_mtime_ns, stat.st_size, result)
        return result

    def remember(self, path: str, mtime_ns: int, size: int, result: Any) -> None:
        """Keep a read made elsewhere (preload: in parallel, or from its disk cache)."""
        self._records[os.path.abspath(path)] = (mtime_ns, size, result)

    def record(self, path: str | os.PathLike[str]) -> Any | None:
        """The valid Record of ``path`` read last (None: not read, or it had problems)."""
        kept = self._records.get(os.path.abspath(path))
        return kept[2] if kept is not None and not isinstance(kept[2], list) else None

    # converted Markdown ------------------------------------------------------------
    def html(self, config: tuple, text: str) -> str | None:
        return self._html.get((config, text)) if self._html else None

    def remember_html(self, config: tuple, text: str, html: str) -> None:
        self._html[(config, text)] = html

    def forget_html(self) -> None:
        self._html.clear()

    # objects built from records ----------------------------------------------------
    def built(self, record: Any, what: str, make: Callable[[], Made]) -> Made:
        """The object ``make()`` builds from ``record`` (``what`` names the kind of object),
        made once per Record."""
        key = (id(record), what)
        kept = self._built.get(key)
        if kept is None or kept[0] is not record:
            kept = (record, make())
            self._built[key] = kept
        return kept[1]

    # the walk of the content roots -----------------------------------------------------
    def walk(self, key: Any, make: Callable[[], Made]) -> Made:
        """The inventory of the content roots for ``key`` (roots, kinds, data files)."""
        if self._walk[0] != key:
            self._walk = (key, make())
        return self._walk[1]

    def forget_walk(self) -> None:
        self._walk = (None, None)


store = ContentStore()
