"""Carrying pages over from the last build when only the build date changed.

The portal is rebuilt every night although nothing was edited: certificates expire and
events pass, and both are shown for the day of the build. ``portal_build.render`` notes,
for every page, what it read that depends on the date, with the value it read: the
``BUILD_DATE`` variable (the page prints the date), a certificate's status, whether an
event is still upcoming, a calendar's stamp (``note_date_read``). After a build, this
module keeps a manifest beside the caches: the input stamp without the date, and for every
page its output files, what it asked for besides them (photos, share cards) and those
values.

A later build of the same output whose inputs are the same but for the date (``plan``)
records every call as usual, and asks, for a call in the manifest, what each value it read
is today (``date_value``: each capability says how to know). When all are as they were -
always for a news item, which reads none - the page would come out byte for byte as the
night before, so it is not rendered: its files are hard-linked from the last build's folder
(the current site) into the new one (``link_carried``) and what it asked for is asked for
again (``merge_carried``). The others are rendered. The manifest also keeps which pages
the search index is made of; when none of them changed in what Pagefind reads, the last
build's index is taken over too (``search_input_unchanged``).

Only ordinary builds carry pages (``tools/portal.py build``, ``make html``): a production
build (``make publish``) rewrites its pages afterwards (fingerprints, minifying, compressed
copies) and is always made in full, as is a build with ``--force`` and the devserver's.
The end-to-end test builds a site, moves the date so that certificates expire and events
pass, and compares the carried build with a full one, file by file, and the pages rendered
with the pages that changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from portal_core.atomic import write_atomic

CARRIED_METHODS = ("write_file", "write_data")  # feeds are rendered every time (Pelican's feed_written)
VERSION = 3
Entry = tuple[list[str], dict[str, list], dict[tuple, Any]]  # outputs, asked, date values read


@dataclass
class Plan:
    previous: Path  # the last build's output folder: the site being replaced
    pages: dict[str, Entry]  # first output -> its entry
    state: dict[str, dict]  # what the carried pages asked for: Requests' name -> key -> value
    searched: frozenset[str] = frozenset()  # the pages (data-pagefind-body) its index is made of
    carried: int = 0


@dataclass
class _Noted:
    pages: dict[str, Entry] = field(default_factory=dict)
    state: dict[str, dict] = field(default_factory=dict)
    searched: set[str] = field(default_factory=set)  # pages the search index is made of
    compare: list[str] = field(default_factory=list)  # searched pages rendered in this build


_active: dict[str, Any] = {"plan": None, "noted": None}
_values: dict[str, Callable[[tuple], Any]] = {}


def date_value(kind: str, value_now: Callable[[tuple], Any]) -> None:
    """How to know, in this build, the value of a date-dependent read whose key starts with
    ``kind`` (a capability registers it when it makes its items)."""
    _values[kind] = value_now


def _unchanged(reads: dict[tuple, Any]) -> bool:
    """Whether every date-dependent value a page read is the same in this build."""
    for key, value in reads.items():
        value_now = _values.get(key[0])
        if value_now is None:
            return False
        try:
            if value_now(key) != value:
                return False
        except LookupError:  # the certificate or event is gone
            return False
    return True


def manifest_path(cache_dir: Path, output: Path) -> Path:
    name = hashlib.sha256(str(Path(output).resolve()).encode()).hexdigest()[:16]
    return Path(cache_dir) / "build" / f"{name}.carry.pickle"


def plan(cache_dir: Path, output: Path, inputs: str) -> Plan | None:
    """What the build into ``output`` may carry over: the manifest of the build that made
    ``output``, when its inputs but the date were ``inputs`` (None: build in full)."""
    output = Path(output)
    if not (output / "index.html").is_file():
        return None
    try:
        with open(manifest_path(cache_dir, output), "rb") as handle:
            version, kept_inputs, pages, state, searched = pickle.load(handle)  # noqa: S301 - our own cache file
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError, AttributeError, ImportError):
        return None
    if version != VERSION or kept_inputs != inputs:
        return None
    return Plan(output, pages, state, frozenset(searched))


def activate(chosen: Plan | None) -> None:
    """The plan of the build that starts now (None: every page is rendered)."""
    _active["plan"] = chosen
    _active["noted"] = None


def active() -> Plan | None:
    return _active["plan"]


def take(call: Any, target: str | None, output_path: str) -> bool:
    """Whether ``call`` is carried over (its ``outputs`` and ``asked`` are set then)."""
    chosen: Plan | None = _active["plan"]
    if chosen is None or target is None or call.method not in CARRIED_METHODS:
        return False
    entry = chosen.pages.get(_relative(target, output_path))
    if entry is None:
        return False
    outputs, asked, reads = entry
    if not _unchanged(reads):
        return False  # it shows something that is different today: render it
    previous = str(chosen.previous) + os.sep
    if not all(os.path.isfile(previous + name) for name in outputs):
        return False  # the last build's files are not all there: render it
    call.carried = True
    call.outputs = {os.path.join(output_path, name) for name in outputs}
    call.asked = {name: set(keys) for name, keys in asked.items()}
    call.dated = dict(reads)
    chosen.carried += 1
    return True


def link_carried(calls: list[Any], output_path: str) -> None:
    """Put the carried calls' files into the new output: hard links to the last build's
    (the same bytes, no copy; a copy where the file system cannot link)."""
    chosen: Plan | None = _active["plan"]
    if chosen is None:
        return
    made: set[str] = set()
    previous = str(chosen.previous) + os.sep
    for call in calls:
        for path in sorted(call.outputs):
            source = previous + _relative(path, output_path)
            folder = os.path.dirname(path)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            try:
                os.link(source, path)
            except OSError:
                shutil.copy2(source, path)


def merge_carried(calls: list[Any], merges: dict[str, Callable[[dict], None]]) -> None:
    """Ask again for what the carried pages asked for (their photos, share cards)."""
    chosen: Plan | None = _active["plan"]
    if chosen is None:
        return
    for name, merge in merges.items():
        kept = chosen.state.get(name, {})
        merge({key: kept[key] for call in calls if call.carried for key in call.asked.get(name, ())})


def note_build(calls: list[Any], output_path: str, state: dict[str, dict]) -> None:
    """Note what a later build with another date may carry over (saved by ``save``), and
    which pages the search index is made of: a carried page is searched when it was in the
    last build, a rendered one is read."""
    chosen: Plan | None = _active["plan"]
    before = chosen.searched if chosen is not None else frozenset()
    noted = _Noted()
    for call in calls:
        outputs = sorted(_relative(path, output_path) for path in call.outputs)
        for name in outputs:
            if not name.endswith(".html"):
                continue
            if getattr(call, "carried", False):
                if name in before:
                    noted.searched.add(name)
            elif SEARCHED in _read(os.path.join(output_path, name)):
                noted.searched.add(name)
                noted.compare.append(name)
        if call.method not in CARRIED_METHODS or not outputs:
            continue
        first = _first(call, output_path)
        if first is None:
            continue
        noted.pages[first] = (
            outputs,
            {name: sorted(keys) for name, keys in call.asked.items()},
            dict(call.dated),
        )
        for name, keys in call.asked.items():
            values = state.get(name, {})
            noted.state.setdefault(name, {}).update((key, values[key]) for key in keys if key in values)
    _active["noted"] = noted


def _first(call: Any, output_path: str) -> str | None:
    from .render import target_of

    target = call.target or target_of(call, output_path)
    return _relative(target, output_path) if target else None


def _relative(path: str, folder: str) -> str:
    """``path`` relative to ``folder`` (os.path.relpath, without its cost when ``path`` is
    inside: thousands of calls a build)."""
    prefix = folder.rstrip(os.sep) + os.sep
    return path[len(prefix) :] if path.startswith(prefix) else os.path.relpath(path, folder)


def save(cache_dir: Path, output: Path, inputs: str) -> None:
    """Keep the manifest of the build now in ``output`` (made from ``inputs``)."""
    noted: _Noted | None = _active["noted"]
    path = manifest_path(cache_dir, output)
    if noted is None:
        path.unlink(missing_ok=True)
        return
    with contextlib.suppress(OSError):  # only a cache: the next build is made in full
        kept = (VERSION, inputs, noted.pages, noted.state, sorted(noted.searched))
        write_atomic(path, pickle.dumps(kept, pickle.HIGHEST_PROTOCOL))


def forget(cache_dir: Path, output: Path) -> None:
    manifest_path(cache_dir, output).unlink(missing_ok=True)


SEARCHED = b"data-pagefind-body"
# What never reaches Pagefind's index: an element it leaves out (data-pagefind-ignore) that
# holds no element of its own name and no Pagefind attribute but "ignore" (meta, filters and
# sorting, which "ignore" without "all" would still read), and class attributes (Pagefind
# reads none). The templates put what changes with the date inside searched pages in such
# elements (an event's "wydarzenie minione", a certificate's status).
_IGNORED = re.compile(
    rb"<(\w+)\b[^>]*\bdata-pagefind-ignore\b[^>]*>(?:(?!<\1\b|data-pagefind-(?!ignore)).)*?</\1>", re.S
)
_CLASS = re.compile(rb'\sclass="[^"]*"')


def searched_part(data: bytes) -> bytes:
    """A page's bytes without what Pagefind does not read (see ``_IGNORED``): two pages
    with the same searched part give the same index."""
    return _CLASS.sub(b"", _IGNORED.sub(b"", data))


def search_input_unchanged(output_path: str) -> bool:
    """Whether the pages the search index is made of are exactly the last build's.

    Pagefind indexes only the pages that carry ``data-pagefind-body`` when any page does
    (the portal's do), so the index is a function of those pages' bytes, less what Pagefind
    does not read (``searched_part``): when the same pages carry it (``note_build`` knows
    which) with the same searched parts (the carried ones are the last build's very files;
    the rendered ones are compared), the last build's index is this build's. A page that
    shows the date and is not searched (the home page, the statistics) does not count."""
    chosen: Plan | None = _active["plan"]
    noted: _Noted | None = _active["noted"]
    if chosen is None or noted is None or not chosen.searched:
        return False  # no last build to compare with, or Pagefind indexed every page then
    if noted.searched != chosen.searched:
        return False  # a searched page is new or gone
    previous = str(chosen.previous) + os.sep
    for name in noted.compare:
        data, before = _read(os.path.join(output_path, name)), _read(previous + name)
        if data != before and searched_part(data) != searched_part(before):
            return False
    return True


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()
