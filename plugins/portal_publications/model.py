"""A publication: its page, its files with their facts, its citation data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path, PurePosixPath
from typing import Any

from portal_content.model import Item
from portal_content.relations import Ref
from portal_theme.filters import plural_pl

from . import documents
from .schema import LANGUAGES, PUBLICATION_TYPES, TOPICS, PublicationMeta


@dataclass(frozen=True)
class PublishedFile:
    src: str  # under content/
    url: str  # under the site
    label: str
    facts: documents.DocumentFacts

    @property
    def name(self) -> str:
        return PurePosixPath(self.url).name

    @property
    def describe(self) -> str:
        """'PDF, 24 strony, 1,2 MB' beside the link."""
        parts = [self.facts.kind]
        if self.facts.pages:
            parts.append(f"{self.facts.pages} {plural_pl(self.facts.pages, 'strona', 'strony', 'stron')}")
        parts.append(self.facts.size_label)
        return ", ".join(parts)


class Publication(Item):
    KIND = "publication"
    URL_SETTING = "PUBLICATION_URL"
    template = "publication"
    RELATIONS = {"group": Ref("body", "group")}  # the committee or group that issued it

    meta: PublicationMeta
    # set by the PublicationGenerator from the region data: the area as readers see it
    subregion: Any = None
    powiaty: list[Any] | tuple = ()
    gminy: list[Any] | tuple = ()  # region.Gmina of meta.area.gminy

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        root = Path(self.settings["PATH"])
        base = self.settings["PUBLICATION_FILES_URL"]
        self.files = [
            PublishedFile(
                item.document,
                base + PurePosixPath(item.document).name,
                item.label or "Pełny tekst",
                documents.inspect(root / item.document),
            )
            for item in self.meta.files
        ]

    @property
    def type_label(self) -> str:
        return PUBLICATION_TYPES[self.meta.type]

    @property
    def topic_labels(self) -> list[str]:
        return [TOPICS[t] for t in self.meta.topics]

    @property
    def language_label(self) -> str:
        return LANGUAGES[self.meta.language]

    @property
    def year(self) -> int:
        return self.meta.date.year

    @property
    def inaccessible(self) -> list[PublishedFile]:
        return [f for f in self.files if f.facts.shortcomings]

    @property
    def area_label(self) -> str:
        parts = []
        if self.subregion is not None:
            parts.append(self.subregion.label)
        parts += [p.label for p in self.powiaty]
        parts += [g.label for g in self.gminy]
        return ", ".join(parts)

    @property
    def description(self) -> str:
        """The summary's first paragraph as plain text (meta description, feed, JSON-LD)."""
        first = re.search(r"<p>(.*?)</p>", str(self.content), re.S)
        text = re.sub(r"<[^>]+>", "", first.group(1) if first else str(self.content))
        return " ".join(unescape(text).split())

    def jsonld(self, siteurl: str) -> dict[str, Any]:
        meta = self.meta
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "Report"
            if meta.type in ("raport-z-monitoringu", "diagnoza-lokalna", "ewaluacja")
            else "CreativeWork",
            "name": meta.title,
            "description": self.description,
            "datePublished": meta.date.isoformat(),
            "inLanguage": meta.language,
            "author": [{"@type": "Organization", "name": name} for name in meta.authors],
            "publisher": {"@type": "Organization", "name": meta.publisher},
            "genre": self.type_label,
            "url": f"{siteurl}/{self.url}",
            "isAccessibleForFree": True,
            "encoding": [
                {
                    "@type": "MediaObject",
                    "contentUrl": f"{siteurl}/{f.url}",
                    "encodingFormat": f.facts.kind,
                    "contentSize": f.facts.size_label,
                    "name": f.label,
                }
                for f in self.files
            ],
        }
        if self.topic_labels:
            data["keywords"] = ", ".join(self.topic_labels)
        places = [p.label for p in self.powiaty] + ([self.subregion.label] if self.subregion else [])
        places += [g.label for g in self.gminy]
        if places:
            data["spatialCoverage"] = [{"@type": "AdministrativeArea", "name": name} for name in places]
        return data  # written into the page by the `jsonld` filter (portal_theme), escaped there
