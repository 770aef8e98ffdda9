"""End-to-end: /dane/sektor/ from the real monitoring data - totals, the series and their
tables, the map of 35 linked powiats, the map pages of the other measures, the year pages,
the downloads, and the directory's own map and the sentence on why the counts differ."""

from __future__ import annotations

import csv
import json
import re

from htmlscan import scan
from portal_content.validate import content_files, load
from portal_directory.region import load_region
from portal_monitoring.schema import MEASURE_SLUGS, MEASURES
from portal_site import register_content
from sitebuild import ROOT

register_content()
REGION, _ = load_region(ROOT / "content")
YEARS = sorted(
    (load(p, k) for p, k in content_files(ROOT / "content") if k == "monitoring"), key=lambda r: r.meta.year
)
ENTITIES = [load(p, k) for p, k in content_files(ROOT / "content") if k == "entity"]


def total(record, measure):
    return sum(getattr(row, measure) for row in record.meta.powiaty)


def test_the_sample_has_three_years_of_all_35_powiats():
    assert [r.meta.year for r in YEARS] == [2023, 2024, 2025] and all(r.meta.sample for r in YEARS)
    assert all(len(r.meta.powiaty) == 35 for r in YEARS)


def test_the_page_states_the_latest_totals_and_every_series_has_its_table(site):
    page = scan(site / "dane" / "sektor" / "index.html")
    html = (site / "dane" / "sektor" / "index.html").read_text(encoding="utf-8")
    latest = YEARS[-1]
    assert f"działało {total(latest, 'es_entities')} podmiotów" in page.text
    for measure in MEASURES:
        chart = re.search(
            rf'<svg class="pl-chart" id="seria-{MEASURE_SLUGS[measure]}".*?</svg>', html, re.S
        ).group(0)
        assert 'role="img"' in chart and all(str(total(r, measure)) in chart for r in YEARS)
        for record in YEARS:  # the same numbers in the table after it
            row = (
                rf'<th scope="row">{record.meta.year}</th>\s*<td class="pl-num">{total(record, measure)}</td>'
            )
            assert re.search(row, html), (measure, record.meta.year)


def test_the_map_has_35_linked_powiats_named_with_their_values(site):
    html = (site / "dane" / "sektor" / "index.html").read_text(encoding="utf-8")
    svg = re.search(r'<svg class="pl-map" id="mapa-es-entities".*?</svg>', html, re.S).group(0)
    links = re.findall(r'<a class="pl-map__link" href="([^"]+)"><title>([^<]+)</title>', svg)
    assert len(links) == 35
    latest = {REGION.powiat(row.powiat).slug: row for row in YEARS[-1].meta.powiaty}
    for href, label in links:
        slug = href.rstrip("/").rsplit("/", 1)[1]
        assert href == f"/podmioty/powiat/{slug}/"
        assert re.match(rf".+: {latest[slug].es_entities} podmiot", label)
    assert [h for h, _ in links][0].endswith("/zlotowski/")  # north first, in reading order


def test_other_measures_and_years_have_their_pages(site):
    for measure in MEASURES:
        if measure != "es_entities":
            page = scan(site / "dane" / "sektor" / "mapa" / MEASURE_SLUGS[measure] / "index.html")
            assert MEASURES[measure][0] in page.text
    for record in YEARS:
        page = scan(site / "dane" / "sektor" / str(record.meta.year) / "index.html")
        assert record.meta.source in page.text and str(total(record, "jobs")) in page.text


def test_downloads_hold_every_number(site):
    with (site / "dane" / "sektor" / "monitoring.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 35 * len(YEARS)
    for record in YEARS:
        for row in record.meta.powiaty:
            found = next(r for r in rows if r["rok"] == str(record.meta.year) and r["powiat"] == row.powiat)
            assert all(found[m] == str(getattr(row, m)) for m in MEASURES)
    document = json.loads((site / "dane" / "sektor" / "monitoring.json").read_text(encoding="utf-8"))
    assert [y["rok"] for y in document["lata"]] == [r.meta.year for r in YEARS]
    assert document["lata"][-1]["wedlug_form"] == dict(YEARS[-1].meta.by_form)


def test_the_directorys_map_and_the_difference_between_the_counts(site):
    stats = (site / "dane" / "statystyki" / "index.html").read_text(encoding="utf-8")
    svg = re.search(r'<svg class="pl-map" id="mapa-katalog".*?</svg>', stats, re.S).group(0)
    labels = re.findall(r"<title>([^<]+)</title>", svg)  # the squares (the map's title has an id)
    assert len(labels) == 35
    poznan = sum(1 for e in ENTITIES if REGION.powiat(e.meta.powiat).name == "Poznań")
    assert f"Poznań (miasto na prawach powiatu): {poznan} podmiot" in " ".join(labels)
    page = scan(site / "dane" / "sektor" / "index.html")
    assert f"W katalogu podmiotów jest {len(ENTITIES)} podmiotów" in page.text
    assert (
        f"a monitoring liczy {total(YEARS[-1], 'es_entities')}" in page.text and "To różne miary" in page.text
    )
