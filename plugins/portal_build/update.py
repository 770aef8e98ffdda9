"""The devserver's partial update: after an edit of a news item's text, render again only
the pages that show that text.

``update(paths)`` handles a change of news items' text only. It reads each file again with
Pelican's own reader (so the file is checked exactly as in a build), and gives up - the
caller then makes a full build - when a file is new or gone, is not a news item, embeds
other content than before (a film: whether it exists is a check across files), links to files or
other content, or its front matter (title, date, category, tags, summary, photo: everything
lists, feeds' headers, the sitemap and share previews show) differs in any way. Otherwise
the new text goes into the existing object and only the calls that read that text (noted
by ``portal_build.render``) are rendered again: the item's own page and the feeds that
carry it. All of them are rendered in memory first; files are replaced (each atomically)
only when every one succeeded.

The search index is not touched by ``update``: the caller re-indexes the output (Pagefind
has no incremental mode). A test builds the site, edits a news item's text, updates, and
compares every file with a clean full build of the edited content.
"""

from __future__ import annotations

import os
from pathlib import Path

from pelican.contents import Article, Content
from pelican.generators import ArticlesGenerator
from portal_content.safety import INTRASITE, links_in
from portal_content.store import store
from portal_content.validate import embedded
from portal_core import compat
from portal_core.atomic import write_atomic

from .render import last_build


def _intrasite(text: str) -> set[str]:
    return {url for _, url in links_in(text) if INTRASITE.match(url)}


def _intrasite_of(article: Content) -> set[str]:
    record = store.record(article.source_path)
    if record is None:
        return {"?"}  # not known: a full build
    return _intrasite(record.doc.body)


def _embedded_of(article: Content) -> set[str] | None:
    """Films embedded in the text the last build read (None when it is not known)."""
    record = store.record(article.source_path)
    if record is None:
        return None
    return embedded(record.doc.body)


class NotIncremental(Exception):
    """The change needs a full build; the message says why (for the terminal)."""


def update(paths: list[Path]) -> list[str]:
    """Apply a change of news items' text to the last build; the output files rewritten.

    Raises NotIncremental when the change needs a full build, and whatever reading a file
    raises (ContentError for a bad file) - then nothing was written.
    """
    last = last_build()
    writer, generators = last.writer, last.generators
    if writer is None or last.output is None or not last.output.is_dir():
        raise NotIncremental("brak poprzedniego budowania w tym procesie")
    settings = generators[0].settings if generators else {}
    if any(settings.get(k) for k in ("PUBLISH_FINGERPRINT", "PUBLISH_MINIFY", "PUBLISH_PRECOMPRESS")):
        raise NotIncremental("budowanie produkcyjne (publishconf) zawsze jest pełne")
    articles = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
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
        if _embedded_of(old) != embedded(text):
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
    saved = {old: compat.swap_text(old, compat.text_of(new)) for old, new in changed}
    compat.forget_rendered_text()
    try:
        texts = writer.replay(calls)
    except BaseException:
        for old, html in saved.items():
            compat.swap_text(old, html)
        compat.forget_rendered_text()
        raise
    for path, text in texts.items():
        write_atomic(path, text)  # under the output folder: Pelican's writer joined it safely
    last.written = sorted(texts)
    return last.written
