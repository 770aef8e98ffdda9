"""portal_content: YAML front matter, schemas and validation of news and pages.

Why our own plugin: pelican-yaml-metadata reads YAML but neither validates fields nor keeps
line numbers, and the working group needs ``path:line: field: message`` for every mistake.

Handlers (wired by portal_site, plugins/portal_site/__init__.py):
- ``readers_init``: makes PortalMarkdownReader the only reader (``.md``).
- ``get_generators``: sent at the start of every build (also every devserver rebuild),
  before any generator exists; validates the whole content tree and on any problem raises
  ContentError, so nothing is written. It adds no generator.
Settings read: ``PATH`` (content root), ``MARKDOWN``.
"""

from __future__ import annotations

import logging

from .preload import preload
from .problems import ContentError
from .reader import PortalMarkdownReader
from .validate import forget_scan, validate_content

log = logging.getLogger(__name__)
PREFIX = "[portal_content]"


def add_reader(readers) -> None:
    """Ours is the only reader: Pelican would also read .markdown, .rst and .html files
    (and docutils is installed), publishing them without any check."""
    static = readers.reader_classes.get("static")  # Pelican's own, for the documents that
    readers.reader_classes.clear()  # {static} links copy (validate.py allows content/pliki/ only)
    readers.reader_classes["md"] = PortalMarkdownReader
    if static is not None:
        readers.reader_classes["static"] = static


def validate_before_build(pelican) -> None:
    forget_scan()  # each build (also each devserver rebuild) walks the content roots afresh
    preload(pelican.settings)  # large portals: read in parallel first, into the caches used below
    _, problems = validate_content(pelican.settings)
    if problems:
        raise ContentError(problems)
    log.debug("%s content valid", PREFIX)
    return None  # no generator of ours
