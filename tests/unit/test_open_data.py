"""The open data files (/dane/): portal_directory.opendata and portal_catalogue.opendata on
the sample content's items: one row per item in CSV and JSON, the same values in both,
absolute addresses, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
import json

import pytest
from portal_catalogue import opendata as catalogue_data
from portal_catalogue.generator import CatalogueGenerator
from portal_content.relations import link
from portal_directory import opendata as directory_data
from portal_directory.generator import DirectoryGenerator
from portal_site import register_content
from sitebuild import ROOT, portal_settings

register_content()
SETTINGS = portal_settings(PATH=str(ROOT / "content"), CATALOGUE_PATH=str(ROOT / "catalogue"))
SITE = "https://wielkopolskaes.pl"


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The sample content's entities and products, made and linked by their generators."""
    context = {"generated_content": {}, "static_content": {}}
    output = str(tmp_path_factory.mktemp("output"))
    generators = [
        cls(
            context=context,
            settings=SETTINGS,
            path=SETTINGS["PATH"],
            theme=SETTINGS["THEME"],
            output_path=output,
        )
        for cls in (DirectoryGenerator, CatalogueGenerator)
    ]
    for generator in generators:
        generator.generate_context()
    link(generators)
    return generators


@pytest.fixture(scope="module")
def entities(made):
    found = list(made[0].entities)
    # an editor's name that a spreadsheet would run as a formula
    found[0].meta = found[0].meta.model_copy(update={"name": '=HYPERLINK("http://zly.example","kliknij")'})
    return found


def read_csv(text: str) -> list[dict]:
    assert text.startswith("\ufeff") and "\r\n" in text
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_directory_csv_and_json_hold_the_same_entities(entities):
    table = read_csv(directory_data.to_csv(entities, SITE))
    document = json.loads(directory_data.to_json(entities, SITE, "2026-11-27"))
    assert len(table) == len(entities) == document["liczba_podmiotow"] >= 10
    assert list(table[0]) == [c.name for c in directory_data.COLUMNS] == list(document["kolumny"])
    assert [row["id"] for row in table] == [row["id"] for row in document["podmioty"]]
    assert table[0]["nazwa"] == "'" + entities[0].meta.name  # shown as text, never run
    assert document["podmioty"][0]["nazwa"] == entities[0].meta.name  # JSON keeps the value
    assert document["data_zbudowania"] == "2026-11-27"
    for row in table:
        assert not row["nazwa"].startswith(("=", "+", "-", "@"))
        assert row["profil"].startswith(SITE + "/podmioty/")


def test_catalogue_csv_and_json_hold_the_same_products(made):
    products = made[1].products
    table = read_csv(catalogue_data.to_csv(products, SITE))
    document = json.loads(catalogue_data.to_json(products, SITE, "2026-11-27"))
    assert len(table) == len(products) == document["liczba_produktow"] >= 10
    assert list(table[0]) == list(catalogue_data.COLUMNS)
    by_json = {row["id"]: row for row in document["produkty"]}
    for row in table:
        assert set(row) == set(by_json[row["id"]])
        assert row["adres"] == by_json[row["id"]]["adres"] and row["adres"].startswith(SITE + "/katalog/")
