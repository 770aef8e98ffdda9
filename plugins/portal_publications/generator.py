"""PublicationGenerator: /wiedza/ (newest first, with filters), a page per type (the way
without JavaScript), a page per publication, the Atom feed, and the files themselves
(copied from content/pliki/wiedza/ to PUBLICATION_FILES_URL)."""

from __future__ import annotations

import shutil
from pathlib import Path

from feedgenerator import Atom1Feed
from pelican.generators import Generator
from portal_content.validate import records_of
from portal_core.address import site_address

from .model import Publication
from .schema import PUBLICATION_TYPES, PUBLICATION_TYPES_PLURAL, TOPICS


class PublicationGenerator(Generator):
    def generate_context(self) -> None:
        region = self.context["directory"].region  # the directory's generator read it first
        items = [Publication.from_record(r, self.settings) for r in records_of(self.settings, "publication")]
        for item in items:
            area = item.meta.area
            if area is not None:
                item.subregion = region.subregion(area.subregion) if area.subregion else None
                item.powiaty = [region.powiat(p) for p in area.powiaty]
                item.gminy = [region.gmina(g) for g in area.gminy]
        self.publications = sorted(items, key=lambda p: (p.meta.date, p.slug), reverse=True)
        self.region = region
        self.url = self.settings["PUBLICATIONS_URL"]
        self.feed_url = self.url + "kanal.atom.xml"
        self.context["publications"] = self if self.publications else None

    def content_items(self) -> dict[str, list]:
        return {"publication": self.publications}

    @property
    def types(self) -> list[tuple[str, str, list[Publication]]]:
        """(slug, plural heading, publications) of every type that has some."""
        return [
            (slug, PUBLICATION_TYPES_PLURAL[slug], members)
            for slug in PUBLICATION_TYPES
            if (members := [p for p in self.publications if p.meta.type == slug])
        ]

    def type_url(self, slug: str) -> str:
        return f"{self.url}rodzaj/{slug}/"

    @property
    def years(self) -> list[int]:
        return sorted({p.year for p in self.publications}, reverse=True)

    @property
    def topics(self) -> list[tuple[str, str]]:
        used = {t for p in self.publications for t in p.meta.topics}
        return [(slug, label) for slug, label in TOPICS.items() if slug in used]

    @property
    def inaccessible(self) -> list[Publication]:
        """Publications with a file that is not fully accessible (the accessibility statement)."""
        return [p for p in self.publications if p.inaccessible]

    def concerning_powiat(self, powiat) -> list[Publication]:
        """About the powiat, or about one of its gminas."""
        return [
            p for p in self.publications if powiat in p.powiaty or any(g.powiat is powiat for g in p.gminy)
        ]

    def concerning_gmina(self, gmina) -> list[Publication]:
        return [p for p in self.publications if gmina in p.gminy]

    def generate_output(self, writer) -> None:
        if not self.publications:
            return
        out = Path(self.output_path)
        root = Path(self.path)
        for publication in self.publications:
            for item in publication.files:
                target = out / item.url
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(root / item.src, target)
            writer.write_file(
                publication.save_as,
                self.get_template("publication"),
                self.context,
                publication=publication,
                jsonld=publication.jsonld(site_address(self.settings)),
            )
        writer.write_file(
            self.url + "index.html", self.get_template("publications"), self.context, listing=None
        )
        for slug, heading, members in self.types:
            writer.write_file(
                self.type_url(slug) + "index.html",
                self.get_template("publications"),
                self.context,
                listing=(slug, heading, members),
            )
        self._write_feed(out)

    def _write_feed(self, out: Path) -> None:
        public = site_address(self.settings)
        feed = Atom1Feed(
            title=f"Wiedza – {self.settings['SITENAME']}",
            link=f"{public}/{self.url}",
            feed_url=f"{public}/{self.feed_url}",
            description="Raporty, diagnozy lokalne, ewaluacje i programy ekonomii społecznej w Wielkopolsce",
            language="pl",
        )
        for publication in self.publications[:50]:
            feed.add_item(
                title=publication.title,
                link=f"{public}/{publication.url}",
                unique_id=f"{public}/{publication.url}",
                description=publication.description,
                pubdate=_midnight(publication.meta.date),
                updateddate=_midnight(publication.meta.date),
                categories=[publication.type_label, *publication.topic_labels],
                author_name=", ".join(publication.meta.authors),
            )
        target = out / self.feed_url
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as handle:
            feed.write(handle, "utf-8")


def _midnight(day):
    import datetime as dt

    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
