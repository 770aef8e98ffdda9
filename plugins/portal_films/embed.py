"""Markdown extension: a paragraph that is only ``[film: adres]`` becomes the film player.

The syntax is one line editors can type; anything else on the line keeps it ordinary text.
Unknown addresses never reach this point: the checker reports them with file and line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Extension
from markdown.blockprocessors import BlockProcessor

EMBED_RE = re.compile(r"^\[film:\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*\]$")


def embedded_films(text: str) -> set[str]:
    """The films a Markdown text embeds, as "film:slug" (portal_content.validate.embedded)."""
    return {f"film:{slug}" for _, slug in embeds_in(text)}


def embeds_in(text: str) -> list[tuple[int, str]]:
    """(0-based line, slug) of every embed line in a Markdown text."""
    found = []
    for index, line in enumerate(text.splitlines()):
        match = EMBED_RE.match(line.strip())
        if match:
            found.append((index, match.group(1)))
    return found


class FilmBlockProcessor(BlockProcessor):
    def __init__(self, parser, render: Callable[[str], str | None]) -> None:
        super().__init__(parser)
        self.render = render

    def test(self, parent, block: str) -> bool:
        return bool(EMBED_RE.match(block.strip()))

    def run(self, parent, blocks: list[str]) -> bool:
        slug = EMBED_RE.match(blocks[0].strip()).group(1)
        html = self.render(slug)
        if html is None:
            return False
        blocks.pop(0)
        placeholder = self.parser.md.htmlStash.store(str(html))
        element = etree.SubElement(parent, "div")
        element.set("class", "pl-film-embed")
        element.text = placeholder
        return True


class FilmExtension(Extension):
    def __init__(self, render: Callable[[str], str | None], **kwargs) -> None:
        self.render = render
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's API name
        md.parser.blockprocessors.register(FilmBlockProcessor(md.parser, self.render), "portal_film", 100)
