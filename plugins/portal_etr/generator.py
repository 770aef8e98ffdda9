"""EtrGenerator: /tekst-latwy/ (the easy-to-read section: its pages in order and the items
described in easy-to-read text), a page per ETR page, and a short page beside every item
with an ``etr:`` summary (``<the item's address>tekst-latwy/``)."""

from __future__ import annotations

import functools
import re
from typing import Any

from markupsafe import Markup, escape
from pelican.generators import Generator
from portal_content.model import Item
from portal_content.render import render_markdown
from portal_content.validate import records_of

from .plugin import SUMMARY_KINDS

KIND_LABELS = {
    "entity": "Firmy społeczne",
    "owes": "Ośrodki wsparcia",
    "film": "Filmy",
    "news": "Wiadomości",
    "event": "Wydarzenia",
}


def paragraphs(text: str) -> Markup:
    """An ``etr:`` summary as HTML: its paragraphs (separated by an empty line), escaped,
    each line of the text on a line of its own (easy-to-read text starts every sentence
    on a new line)."""
    html = []
    for part in text.split("\n\n"):
        lines = [" ".join(line.split()) for line in part.splitlines() if line.strip()]
        if lines:
            html.append(Markup("<p>{}</p>\n").format(Markup("<br>\n").join(escape(line) for line in lines)))
    return Markup("").join(html)


_BLOCK_START = re.compile(r"\s*([-*+] |\d+\. |#)")


def hard_breaks(markdown: str) -> str:
    """Markdown whose lines inside a paragraph or a list item stay lines (a hard break at the
    end of each): the page keeps the editor's one sentence per line."""
    lines = markdown.split("\n")
    out = []
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        joined = line.strip() and following.strip() and not _BLOCK_START.match(following)
        out.append(line.rstrip() + "  " if joined and not line.lstrip().startswith("#") else line)
    return "\n".join(out)


def etr_url(item: Any) -> str:
    """The address of an item's easy-to-read page."""
    return f"{item.url}tekst-latwy/"


class EtrPage(Item):
    """A page of the easy-to-read section; URL from ETR_PAGE_URL."""

    KIND = "etr"
    URL_SETTING = "ETR_PAGE_URL"
    template = "etr_page"

    @functools.cached_property
    def content(self) -> Markup:
        return render_markdown(hard_breaks(self.body), self.settings)


class EtrGenerator(Generator):
    def generate_context(self) -> None:
        pages = [EtrPage.from_record(r, self.settings) for r in records_of(self.settings, "etr")]
        self.pages = sorted(pages, key=lambda p: (p.meta.order, p.slug))
        self.url = self.settings["ETR_URL"]
        self.context["etr"] = self

    def content_items(self) -> dict[str, list]:
        return {"etr": self.pages}

    def summarised(self) -> list[tuple[str, list[Any]]]:
        """(heading, items) of every kind with items that have an ``etr:`` summary."""
        items: dict[str, list] = {kind: [] for kind in SUMMARY_KINDS}
        for name in ("directory", "films", "events"):
            generator = self.context.get(name)
            for kind, found in (generator.content_items() if generator else {}).items():
                items.setdefault(kind, []).extend(i for i in found if getattr(i.meta, "etr", None))
        items["news"] = [a for a in self.context.get("articles", ()) if getattr(a.meta, "etr", None)]
        return [(KIND_LABELS[kind], found) for kind, found in items.items() if found]

    def generate_output(self, writer) -> None:
        writer.write_file(self.url + "index.html", self.get_template("etr"), self.context, url=self.url)
        for page in self.pages:
            writer.write_file(
                page.save_as, self.get_template(page.template), self.context, etr_page=page, url=page.url
            )
        for heading, items in self.summarised():
            for item in items:
                url = etr_url(item)
                writer.write_file(
                    url + "index.html",
                    self.get_template("etr_summary"),
                    self.context,
                    item=item,
                    item_kind=heading,
                    etr_page_url=url,
                    url=url,
                )
