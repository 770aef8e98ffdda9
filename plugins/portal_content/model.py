"""Item: the one model of every content kind outside Pelican's news and pages.

News and pages stay Pelican's own ``Article`` and ``Page``: Pelican's generators give them
categories, tags, archives, feeds and pagination. Every other kind - entity, OWES,
product, event, film, certificate edition - is an ``Item`` subclass made by its generator
from a validated ``Record`` (``validate.records_of``), the same way for all of them:

- ``meta`` is the validated front matter (the kind's pydantic model), ``slug`` the
  record's slug, ``source_path`` the content file (named when its page fails);
- ``url``/``save_as`` come from the kind's settings in ``pelicanconf.py``
  (``URL_SETTING``/``SAVE_AS_SETTING``, formatted with ``address_fields()``);
- ``content`` is the Markdown body as HTML, converted on first use through the content
  store (preload converted it ahead in parallel);
- relations are declared in ``RELATIONS`` (``portal_content.relations``) and resolved by
  the ``link`` step, which also lets Pelican's ``{filename}`` links of news and pages point
  at an item and resolves such links in an item's own body (``resolve_links``).

An item can be made from plain values (``Item(meta, slug, source_path, body, settings)``),
which is how the unit tests make them.
"""

from __future__ import annotations

import functools
import os
from typing import Any, ClassVar

from markupsafe import Markup
from pelican.contents import Content

from .relations import Related
from .render import render_markdown
from .safety import INTRASITE, links_in


class Item(Related):
    KIND: ClassVar[str] = ""
    URL_SETTING: ClassVar[str] = ""  # e.g. "PRODUCT_URL": "katalog/{slug}/"
    SAVE_AS_SETTING: ClassVar[str] = ""  # when empty: the URL + index.html

    def __init__(self, meta: Any, slug: str, source_path: str, body: str, settings: dict[str, Any]) -> None:
        self.meta = meta
        self.slug = slug
        self.source_path = source_path
        self.body = body
        self.settings = settings
        fields = self.address_fields()
        self.url = settings[self.URL_SETTING].format(**fields)
        self.save_as = (
            settings[self.SAVE_AS_SETTING].format(**fields)
            if self.SAVE_AS_SETTING
            else self.url + "index.html"
        )

    @classmethod
    def from_record(cls, record: Any, settings: dict[str, Any]) -> Item:
        return cls(record.meta, record.slug, str(record.path), record.doc.body, settings)

    def address_fields(self) -> dict[str, Any]:
        """What the kind's URL setting is formatted with."""
        return {"slug": self.slug}

    @property
    def title(self) -> str:
        return getattr(self.meta, "title", None) or self.meta.name

    @functools.cached_property
    def content(self) -> Markup:
        return render_markdown(self.body, self.settings)

    def get_relative_source_path(self) -> str:
        """The file's path under content/, as Pelican's ``{filename}`` links name it."""
        relative = os.path.relpath(self.source_path, self.settings["PATH"])
        return relative.replace(os.sep, "/")

    @property
    def has_site_links(self) -> bool:
        return any(INTRASITE.match(url) for _, url in links_in(self.body))


def resolve_links(item: Item, context: dict[str, Any]) -> None:
    """Resolve Pelican's ``{filename}``/``{static}`` links in the item's body, as Pelican
    resolves them in news and pages: through a ``pelican.contents.Content`` holding the
    converted body (its public ``get_content``), with the build's context, whose
    ``generated_content`` and ``static_content`` are complete once every generator ran."""
    holder = Content(
        str(render_markdown(item.body, item.settings)),  # from the text: an item kept between
        # the devserver's builds (films) must not keep the addresses of an earlier build
        metadata={"title": item.title},
        settings=item.settings,
        source_path=item.source_path,
        context=context,
    )
    item.content = Markup(holder.get_content(context.get("localsiteurl", "")))  # noqa: S704 - cleaned HTML
