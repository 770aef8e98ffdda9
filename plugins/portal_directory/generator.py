"""DirectoryGenerator: entity and OWES profiles, listing pages and open data.

Entities and OWES are Items made from their validated records (portal_content.model),
like every kind outside news and pages; they are written with the Writer in
generate_output."""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from typing import Any

from pelican.generators import Generator
from portal_content.validate import records_of
from portal_core.address import site_address
from portal_procurement import shortlist
from portal_procurement.cpv import load_vocabulary
from portal_theme.filters import date_pl, sort_key_pl

from . import charts, opendata
from .model import Entity, Listing, Owes
from .region import load_region
from .vocabulary import LEGAL_FORMS, LEGAL_FORMS_PLURAL, OFFER_CATEGORIES

log = logging.getLogger(__name__)


class DirectoryGenerator(Generator):
    def __init__(self, *args, **kwargs):
        self.entities: list[Entity] = []
        self.owes: list[Owes] = []
        self.listings: list[Listing] = []
        super().__init__(*args, **kwargs)

    def _made(self, item_class: type[Entity] | type[Owes]) -> list:
        return [item_class.from_record(r, self.settings) for r in records_of(self.settings, item_class.KIND)]

    def generate_context(self) -> None:
        region, problems = load_region(Path(self.path))
        assert region is not None and not problems  # validated before any generator runs
        self.region = region
        vocabulary, problems = load_vocabulary(Path(self.path))
        assert vocabulary is not None and not problems  # validated before any generator runs
        self.vocabulary = vocabulary
        self.owes = sorted(self._made(Owes), key=lambda o: sort_key_pl(o.meta.subregion))
        self.entities = sorted(self._made(Entity), key=lambda e: sort_key_pl(e.display_name))
        by_subregion = {}
        for owes in self.owes:
            owes.subregion = region.subregion(owes.meta.subregion)
            owes.served_outside = [
                region.gmina(served.gmina, region.powiat(served.powiat)) for served in owes.meta.also_serves
            ]
            by_subregion[owes.subregion.slug] = owes
        self.owes_by_subregion = by_subregion
        for entity in self.entities:
            entity.powiat_obj = region.powiat(entity.meta.powiat)
            entity.gmina_obj = region.gmina(entity.meta.gmina, entity.powiat_obj)
            entity.subregion = entity.powiat_obj.subregion
            entity.owes = by_subregion.get(entity.subregion.slug)
            entity.cpv = [vocabulary.get(code) for code in entity.meta.offer.cpv]
            entity.cpv_covering = vocabulary.covering(entity.meta.offer.cpv)
            procurement = entity.meta.procurement
            entity.areas_served = (
                [region.area(text) for text in procurement.area_served] if procurement else []
            )
        for owes in self.owes:
            owes.entities = [e for e in self.entities if e.subregion is owes.subregion]
        self.by_gmina: dict[Any, list[Entity]] = {}
        for entity in self.entities:
            self.by_gmina.setdefault(entity.gmina_obj, []).append(entity)
        self.listings = self._listings()
        self.context["directory"] = self

    def _listings(self) -> list[Listing]:
        base = self.settings["DIRECTORY_URL"]
        listings = []
        for subregion in self.region.subregions:
            members = [e for e in self.entities if e.subregion is subregion]
            listings.append(
                Listing(
                    "subregion",
                    subregion.slug,
                    # the region's names are nominative adjectives: never put in another case
                    f"Podmioty: subregion {subregion.name}",
                    f"Podmioty ekonomii społecznej – subregion {subregion.name}, powiaty: "
                    + ", ".join(p.name for p in subregion.powiaty)
                    + ".",
                    members,
                    f"{base}subregion/{subregion.slug}/",
                    {"subregion": subregion},
                )
            )
        for powiat in sorted(self.region.powiaty, key=lambda p: sort_key_pl(p.name)):
            members = [e for e in self.entities if e.powiat_obj is powiat]
            title = f"Podmioty: {powiat.label}"
            listings.append(
                Listing(
                    "powiat",
                    powiat.slug,
                    title,
                    f"Podmioty ekonomii społecznej — {powiat.label} (subregion {powiat.subregion.name}).",
                    members,
                    f"{base}powiat/{powiat.slug}/",
                    {"powiat": powiat},
                )
            )
        for powiat in self.region.powiaty:
            if powiat.type == "grodzki":
                continue  # a city with powiat rights is one gmina: its page is the powiat's
            for gmina in powiat.gminy:
                listings.append(
                    Listing(
                        "gmina",
                        gmina.slug,
                        f"Podmioty: {gmina.label}",
                        f"Podmioty ekonomii społecznej z siedzibą w gminie — {gmina.label} ({powiat.label}).",
                        self.entities_in_gmina(gmina),
                        f"{base}{gmina.path}",
                        {"gmina": gmina, "powiat": powiat},
                    )
                )
        for slug in LEGAL_FORMS:
            members = [e for e in self.entities if e.meta.legal_form == slug]
            if members:
                listings.append(
                    Listing(
                        "forma",
                        slug,
                        LEGAL_FORMS_PLURAL[slug],
                        f"{LEGAL_FORMS_PLURAL[slug]} w Wielkopolsce.",
                        members,
                        f"{base}forma/{slug}/",
                    )
                )
        for slug, label in OFFER_CATEGORIES.items():
            members = [e for e in self.entities if slug in e.meta.offer.categories]
            if members:
                listings.append(
                    Listing(
                        "oferta",
                        slug,
                        f"Oferta: {label}",
                        f"Podmioty ekonomii społecznej oferujące: {label.lower()}.",
                        members,
                        f"{base}oferta/{slug}/",
                    )
                )
        members = [e for e in self.entities if e.is_ps]
        listings.append(
            Listing(
                "ps",
                "przedsiebiorstwa-spoleczne",
                "Przedsiębiorstwa społeczne",
                "Podmioty ze statusem przedsiębiorstwa społecznego nadanym decyzją wojewody.",
                members,
                f"{base}przedsiebiorstwa-spoleczne/",
            )
        )
        return listings

    def content_items(self) -> dict[str, list]:
        """The items this generator made, by kind (portal_content.relations links them)."""
        return {"entity": self.entities, "owes": self.owes}

    def entity(self, slug: str) -> Entity:
        return next(e for e in self.entities if e.slug == slug)

    def owes_for_powiat(self, powiat: Any) -> tuple[Owes | None, list[tuple[Any, Owes]]]:
        """The OWES of the powiat's subregion, and the gminas of the powiat that another OWES
        also serves (``also_serves``): (Gmina, that OWES)."""
        others = [
            (gmina, owes) for owes in self.owes for gmina in owes.served_outside if gmina.powiat is powiat
        ]
        return self.owes_by_subregion.get(powiat.subregion.slug), sorted(
            others, key=lambda pair: sort_key_pl(pair[0].name)
        )

    def owes_for_gmina(self, gmina: Any) -> list[Owes]:
        """The support centres a gmina's entities can turn to: its subregion's, and any that
        also serves it (``also_serves``)."""
        main = self.owes_by_subregion.get(gmina.powiat.subregion.slug)
        return [main] * (main is not None) + [o for o in self.owes if gmina in o.served_outside]

    def entities_in_gmina(self, gmina: Any) -> list[Entity]:
        return self.by_gmina.get(gmina, [])

    def listings_of(self, kind: str) -> list[Listing]:
        return [item for item in self.listings if item.kind == kind]

    def cpv_suppliers(self, code: Any) -> list[Entity]:
        """The entities a buyer finds under a known CPV code (its own or a narrower one), by
        subregion, then by name."""
        order = {subregion.slug: index for index, subregion in enumerate(self.region.subregions)}
        return sorted(
            (e for e in self.entities if code in e.cpv_covering),
            key=lambda e: (order[e.subregion.slug], sort_key_pl(e.display_name)),
        )

    def generate_output(self, writer) -> None:
        for entity in self.entities:
            writer.write_file(
                entity.save_as,
                self.get_template(entity.template),
                self.context,
                entity=entity,
                url=entity.url,
                jsonld=entity.jsonld(site_address(self.settings)),
            )
        for owes in self.owes:
            writer.write_file(
                owes.save_as, self.get_template(owes.template), self.context, owes=owes, url=owes.url
            )
        base = self.settings["DIRECTORY_URL"]
        writer.write_file(base + "index.html", self.get_template("directory"), self.context, url=base)
        for listing in self.listings:
            writer.write_file(
                listing.save_as,
                self.get_template("directory_list"),
                self.context,
                listing=listing,
                url=listing.url,
            )
        writer.write_file(
            base + "cpv/index.html", self.get_template("directory_cpv"), self.context, url=base + "cpv/"
        )
        writer.write_file(
            self.shortlist_url + "index.html",
            self.get_template("directory_shortlist"),
            self.context,
            url=self.shortlist_url,
            columns=shortlist.COLUMNS,
        )
        self._write_shortlists()
        owes_url = self.settings["OWES_INDEX_URL"]
        writer.write_file(owes_url + "index.html", self.get_template("owes_list"), self.context, url=owes_url)
        self._write_open_data(writer)

    @property
    def shortlist_url(self) -> str:
        return self.settings["DIRECTORY_URL"] + "wykaz/"

    def shortlist_file(self, code: Any) -> str:
        """The pre-built shortlist of every supplier under a CPV code, without its extension."""
        return f"{self.shortlist_url}wykaz-cpv-{code.digits}"

    def _write_shortlists(self) -> None:
        """For every CPV code with suppliers, the shortlist of all of them (XLSX and CSV):
        the buyer's files without JavaScript (portal_procurement.shortlist)."""
        public = site_address(self.settings)
        by_id = {row["id"]: row for row in opendata.rows(self.entities, public)}
        folder = Path(self.output_path) / self.shortlist_url
        folder.mkdir(parents=True, exist_ok=True)
        day = date_pl(self.settings["BUILD_DATE"])
        data = f"{public}/{self.settings['OPEN_DATA_URL']}podmioty.json"
        for code in self.vocabulary.codes:
            suppliers = self.cpv_suppliers(code)
            if not suppliers:
                continue
            rows = [by_id[entity.slug] for entity in suppliers]
            about = [
                ("Kryteria", f"kod CPV {code.code} „{code.name}” razem z kodami węższymi; cała Wielkopolska"),
                ("Liczba wykonawców", str(len(rows))),
                *shortlist.notes(f"{public}/{self.settings['DIRECTORY_URL']}cpv/#cpv-{code.digits}", data),
            ]
            name = Path(self.output_path) / self.shortlist_file(code)
            name.with_suffix(".xlsx").write_bytes(shortlist.to_xlsx(rows, day, about))
            name.with_suffix(".csv").write_text(shortlist.to_csv(rows), encoding="utf-8", newline="")

    def _write_open_data(self, writer) -> None:
        data_url = self.settings["OPEN_DATA_URL"]
        public = site_address(self.settings)
        folder = Path(self.output_path) / data_url
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "podmioty.csv").write_text(
            opendata.to_csv(self.entities, public), encoding="utf-8", newline=""
        )
        (folder / "podmioty.json").write_text(
            opendata.to_json(self.entities, public, str(self.settings["BUILD_DATE"])), encoding="utf-8"
        )
        (folder / opendata.SCHEMA_NAME).write_text(opendata.json_schema(public, data_url), encoding="utf-8")
        by_form = Counter(e.meta.legal_form for e in self.entities)
        form_rows = [(LEGAL_FORMS[slug], by_form[slug]) for slug in LEGAL_FORMS if by_form[slug]]
        form_rows.sort(key=lambda row: (-row[1], sort_key_pl(row[0])))
        region_rows = [
            (f"subregion {s.name}", sum(1 for e in self.entities if e.subregion is s))
            for s in self.region.subregions
        ]
        stats = {
            "by_powiat": dict(Counter(e.powiat_obj.slug for e in self.entities)),
            "total": len(self.entities),
            "ps": sum(1 for e in self.entities if e.is_ps),
            "by_form": form_rows,
            "by_subregion": region_rows,
            "form_chart": charts.bar_chart(
                "wykres-formy", "Liczba podmiotów według formy prawnej", form_rows
            ),
            "region_chart": charts.bar_chart(
                "wykres-subregiony", "Liczba podmiotów według subregionu", region_rows
            ),
        }
        writer.write_file(
            data_url + "index.html",
            self.get_template("open_data"),
            self.context,
            url=data_url,
            columns=opendata.COLUMNS,
        )
        writer.write_file(
            data_url + "statystyki/index.html",
            self.get_template("statistics"),
            self.context,
            url=data_url + "statystyki/",
            stats=stats,
        )


def get_generators(pelican):
    return DirectoryGenerator
