"""Catalogue: product schema, prices net/gross, Polish money format."""

from decimal import Decimal

import pytest
from portal_catalogue.model import gross
from portal_catalogue.schema import ProductMeta
from portal_content.problems import translate
from portal_theme.filters import money_pl
from pydantic import ValidationError

NBSP = "\u00a0"
BASE = {
    "name": "Brelok",
    "brand_line": "Klunkry Wielkopolskie",
    "category": "Breloki",
    "motif": "pyra",
    "description": "d",
    "materials": ["filc"],
    "upcycled": False,
    "dimensions": "5 cm",
    "maker": "pracownia-pod-kasztanami",
    "designer": "x",
    "story": "s",
    "photos": [{"src": "a.jpg", "alt": "b"}],
    "price_net": "12,50",
    "vat": "23%",
    "min_order": 50,
    "lead_time_days": 14,
    "packaging": "p",
    "availability": "dostępny od ręki",
}


def test_product_normalises_polish_input():
    meta = ProductMeta.model_validate(BASE)
    assert meta.price_net == Decimal("12.50")
    assert meta.vat == 23 and meta.category == "breloki" and meta.availability == "dostepny"


@pytest.mark.parametrize(
    "net,vat,expected",
    [
        ("12.50", 23, "15.38"),
        ("10.00", 8, "10.80"),
        ("16.00", 5, "16.80"),
        ("7.30", 0, "7.30"),
        ("0.05", 23, "0.06"),
        ("1234.50", 23, "1518.44"),
    ],
)
def test_gross_rounds_half_up_to_grosze(net, vat, expected):
    assert gross(Decimal(net), vat) == Decimal(expected)


def test_money_format():
    assert money_pl(Decimal("1234.5")) == f"1{NBSP}234,50{NBSP}zł"
    assert money_pl(Decimal("9.9")) == f"9,90{NBSP}zł"


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("vat", 7, "stawka VAT „7” nie jest polską stawką dla towarów; wpisz 23, 8, 5 albo 0"),
        ("vat", True, "stawka VAT „True” nie jest polską stawką dla towarów; wpisz 23, 8, 5 albo 0"),
        ("price_net", "abc", "„abc” to nie jest kwota; wpisz liczbę, np. 12.50"),
        ("price_net", 0, "wartość 0 jest za mała; wpisz liczbę większą niż 0"),
        ("min_order", 0, "wartość 0 jest za mała; wpisz co najmniej 1"),
        (
            "lead_time_days",
            "dwa tygodnie",
            "„dwa tygodnie” to nie jest liczba całkowita; wpisz liczbę, np. 10",
        ),
        ("upcycled", "tak", "„tak” to nie jest tak/nie; wpisz true albo false"),
    ],
)
def test_bad_values_get_polish_messages(field, value, message):
    with pytest.raises(ValidationError) as error:
        ProductMeta.model_validate({**BASE, field: value})
    first = error.value.errors()[0]
    assert first["loc"][0] == field
    assert translate(ProductMeta, first) == message


@pytest.mark.parametrize("cell", ['=HYPERLINK("https://x")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_csv_cells_that_start_a_formula_are_written_as_text(cell):
    import csv
    import io

    from portal_content.opendata import csv_text

    text = csv_text(["a", "b"], [[cell, 5]])
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[1] == ["'" + cell, "5"]


@pytest.mark.parametrize(
    "material,group",
    [
        ("bawełna organiczna 180 g/m²", "bawelna"),
        ("Taśma  bawełniana", "bawelna"),
        ("len", "len"),
        ("lenno", None),  # a word that only begins like one
        ("olej lniany", "dodatki"),  # a finish, not linen
        ("baner PCV z odzysku", "odzysk"),
        ("stalowe kółko", "metal"),
        ("plastik", None),
    ],
)
def test_materials_fall_into_the_vocabulary_by_their_first_words(material, group):
    from portal_catalogue.schema import material_group

    assert material_group(material) == group


def test_the_tiers_and_surcharges_reach_the_page_in_order_for_the_price_at_a_quantity():
    """The data pricing.js reads from a card or a product page (data-ceny, data-logo): tiers
    sorted from the minimum order up whatever order the editor wrote them in, with two
    decimals; a surcharge the maker quotes case by case stays empty, never 0."""
    from types import SimpleNamespace

    from portal_catalogue.model import Product

    meta = ProductMeta.model_validate(
        {
            **BASE,
            "price_tiers": [
                {"min_quantity": 300, "price_net": "10.9"},
                {"min_quantity": 100, "price_net": "11.50"},
            ],
            "personalisation": [
                {"name": "haft logo", "min_order": 100, "price_net_extra": "2"},
                {"name": "metka", "min_order": 50},
            ],
        }
    )
    product = SimpleNamespace(meta=meta)
    product.tiers = Product.tiers.fget(product)
    assert Product.tier_data.fget(product) == "50:12.50 100:11.50 300:10.90"
    assert Product.logo_data.fget(product) == "100:2.00 50:"
