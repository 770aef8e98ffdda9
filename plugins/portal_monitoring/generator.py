"""MonitoringGenerator: /dane/sektor/ (the latest year, time series, subregions, the map of
entities), one map page per other measure, and the data as CSV and JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pelican.generators import Generator
from portal_content.model import Item
from portal_content.opendata import csv_text
from portal_content.validate import records_of
from portal_directory.charts import bar_chart
from portal_directory.vocabulary import LEGAL_FORMS
from portal_theme.filters import plural_pl

from .schema import MEASURE_SLUGS, MEASURES, MonitoringMeta
from .tilemap import Tile, legend, tile_map


class Year(Item):
    """One year of monitoring data (content/monitoring/<rok>.yaml) and its page."""

    KIND = "monitoring"
    URL_SETTING = "MONITORING_YEAR_URL"
    template = "sector_year"

    meta: MonitoringMeta
    rows: list[tuple[Any, Any]] = []  # (Powiat, PowiatFigures) in the region file's order
    totals: dict[str, int] = {}

    @property
    def year(self) -> int:
        return self.meta.year

    @property
    def title(self) -> str:
        return f"Monitoring ekonomii społecznej {self.meta.year}"


def noun(measure: str, value: int) -> str:
    return plural_pl(value, *MEASURES[measure][1])


class MonitoringGenerator(Generator):
    def generate_context(self) -> None:
        region = self.context["directory"].region  # the directory's generator read it first
        self.region = region
        years = []
        for record in records_of(self.settings, "monitoring"):
            year = Year.from_record(record, self.settings)
            by_name = {region.powiat(row.powiat).slug: row for row in record.meta.powiaty}
            year.rows = [(p, by_name[p.slug]) for p in region.powiaty]
            year.totals = {m: sum(getattr(row, m) for _, row in year.rows) for m in MEASURES}
            years.append(year)
        self.years = sorted(years, key=lambda y: y.year)
        self.url = self.settings["SECTOR_URL"]
        self.measures = MEASURES
        self.context["sector"] = self if self.years else None

    def content_items(self) -> dict[str, list]:
        return {"monitoring": self.years}

    @property
    def latest(self) -> Year:
        return self.years[-1]

    @property
    def previous(self) -> Year | None:
        return self.years[-2] if len(self.years) > 1 else None

    def noun(self, measure: str, value: int) -> str:
        return noun(measure, value)

    def map_url(self, measure: str) -> str:
        return self.url if measure == "es_entities" else f"{self.url}mapa/{MEASURE_SLUGS[measure]}/"

    def series_chart(self, measure: str) -> Any:
        rows = [(str(y.year), y.totals[measure]) for y in self.years]
        return bar_chart(
            f"seria-{MEASURE_SLUGS[measure]}",
            f"{MEASURES[measure][0]} w latach {self.years[0].year}–{self.latest.year}",
            rows,
        )

    def subregions(self, year: Year) -> list[tuple[Any, dict[str, int]]]:
        return [
            (s, {m: sum(getattr(row, m) for p, row in year.rows if p.subregion is s) for m in MEASURES})
            for s in self.region.subregions
        ]

    def subregion_chart(self, measure: str) -> Any:
        rows = [(f"subregion {s.name}", values[measure]) for s, values in self.subregions(self.latest)]
        return bar_chart(
            f"subregiony-{MEASURE_SLUGS[measure]}",
            f"{MEASURES[measure][0]} według subregionów, {self.latest.year}",
            rows,
        )

    def tiles(self, measure: str, values: dict[str, int] | None = None) -> list[Tile]:
        """The map's squares: the latest year's ``measure``, or ``values`` by powiat slug."""
        site = self.settings.get("SITEURL", "")
        base = self.settings["DIRECTORY_URL"]
        tiles = []
        for powiat, row in self.latest.rows:
            value = values.get(powiat.slug, 0) if values is not None else getattr(row, measure)
            tiles.append(
                Tile(
                    powiat,
                    value,
                    f"{site}/{base}powiat/{powiat.slug}/",
                    f"{powiat.label}: {value} {noun(measure, value)}",
                )
            )
        return tiles

    def map(
        self, map_id: str, measure: str, values: dict[str, int] | None = None, title: str | None = None
    ) -> Any:
        name = title or f"{MEASURES[measure][0]} w powiatach, {self.latest.year}"
        return tile_map(map_id, name, self.tiles(measure, values))

    def legend(self, measure: str, values: dict[str, int] | None = None) -> list[tuple[int, str]]:
        return legend(self.tiles(measure, values))

    def forms(self, year: Year) -> list[tuple[str, int]]:
        return sorted(((LEGAL_FORMS[k], v) for k, v in year.meta.by_form.items()), key=lambda r: -r[1])

    def generate_output(self, writer) -> None:
        if not self.years:
            return
        writer.write_file(
            self.url + "index.html", self.get_template("sector"), self.context, measure="es_entities"
        )
        for year in self.years:
            writer.write_file(year.save_as, self.get_template("sector_year"), self.context, year=year)
        for measure in MEASURES:
            if measure != "es_entities":
                writer.write_file(
                    self.map_url(measure) + "index.html",
                    self.get_template("sector_map"),
                    self.context,
                    measure=measure,
                )
        folder = Path(self.output_path) / self.url
        folder.mkdir(parents=True, exist_ok=True)
        header = ["rok", "stan_na", "powiat", "powiat_id", "subregion", *MEASURES, "dane_przykladowe"]
        table = [
            [
                y.year,
                y.meta.as_of.isoformat(),
                p.name,
                p.slug,
                p.subregion.slug,
                *(getattr(row, m) for m in MEASURES),
                "tak" if y.meta.sample else "nie",
            ]
            for y in self.years
            for p, row in y.rows
        ]
        (folder / "monitoring.csv").write_text(csv_text(header, table), encoding="utf-8", newline="")
        document = {
            "opis": "Monitoring ekonomii społecznej w Wielkopolsce: dane powiatów według lat",
            "kolumny": {
                "es_entities": MEASURES["es_entities"][0],
                "social_enterprises": MEASURES["social_enterprises"][0],
                "jobs": MEASURES["jobs"][0],
                "supported": MEASURES["supported"][0],
            },
            "lata": [
                {
                    "rok": y.year,
                    "stan_na": y.meta.as_of.isoformat(),
                    "zrodlo": y.meta.source,
                    "definicja": y.meta.definition,
                    "dane_przykladowe": y.meta.sample,
                    "wedlug_form": dict(y.meta.by_form),
                    "powiaty": [
                        {"powiat": p.name, "powiat_id": p.slug, **{m: getattr(row, m) for m in MEASURES}}
                        for p, row in y.rows
                    ],
                }
                for y in self.years
            ],
        }
        (folder / "monitoring.json").write_text(
            json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8"
        )
