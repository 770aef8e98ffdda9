"""portal_catalogue: the social-design souvenir catalogue for business buyers.

Why our own plugin: products are YAML data (prices, VAT, minimum orders, makers) rather
than documents, and they must be checked against the directory of makers.

Handlers (wired by portal_site):
- ``setup`` (``initialized``): template globals.
- ``get_generators``: adds CatalogueGenerator.
A product declares its maker (``Product.RELATIONS``); portal_content.relations links it.
Declares the content kind ``product`` (CATALOGUE_PATH/*.yaml) and the cross-file rules of
``check_catalogue`` (makers, personalisation minimums, price tiers, materials, photos).
Settings read: CATALOGUE_PATH, CATALOGUE_URL, PRODUCT_URL, PRODUCT_SAVE_AS, OPEN_DATA_URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from portal_content.problems import Problem, nearest
from portal_content.validate import Kind, Record, Rules, check_named_image, rule

from .generator import CatalogueGenerator
from .schema import AVAILABILITY, CATEGORIES, FOOD, ProductMeta, material_group, material_words


@dataclass
class CatalogueFacts:
    makers: set[str]  # slugs of entities
    settings: dict[str, Any]


@rule("product")
def maker_exists(record: Record, facts: CatalogueFacts) -> Iterator[Problem]:
    if record.meta.maker not in facts.makers:
        yield record.problem(
            ("maker",),
            f"nie ma podmiotu „{record.meta.maker}” w content/podmioty/; {nearest(record.meta.maker, facts.makers)}"
            "wpisz nazwę pliku profilu wytwórcy bez .md, np. pracownia-pod-kasztanami",
        )


@rule("product")
def personalisation_from_the_minimum_order(record: Record, facts: CatalogueFacts) -> Iterator[Problem]:
    meta: Any = record.meta
    for index, option in enumerate(meta.personalisation):
        if option.min_order < meta.min_order:
            yield record.problem(
                ("personalisation", index, "min_order"),
                f"minimum personalizacji ({option.min_order} szt.) jest mniejsze niż minimalne zamówienie produktu ({meta.min_order} szt.); wpisz co najmniej {meta.min_order}",
            )


@rule("product")
def price_tiers_above_the_minimum_order(record: Record, facts: CatalogueFacts) -> Iterator[Problem]:
    meta: Any = record.meta
    for index, tier in enumerate(meta.price_tiers):
        if tier.min_quantity <= meta.min_order:
            yield record.problem(
                ("price_tiers", index, "min_quantity"),
                f"próg cenowy musi być większy niż minimalne zamówienie ({meta.min_order} szt.)",
            )


@rule("product")
def materials_or_ingredients(record: Record, facts: CatalogueFacts) -> Iterator[Problem]:
    """Food lists its ingredients, everything else its materials from the vocabulary."""
    meta: Any = record.meta
    if meta.category == FOOD:
        if not meta.ingredients:
            yield record.problem(
                ("ingredients",),
                "produkt spożywczy podaje skład: dopisz ingredients: z listą składników, np. [śliwki węgierki]",
            )
        if meta.materials:
            yield record.problem(
                ("materials",),
                "produkt spożywczy nie ma materiałów: przenieś składniki do ingredients:, a słoik czy skrzynkę opisz w packaging:",
            )
        return
    if meta.ingredients:
        yield record.problem(
            ("ingredients",),
            f"skład podaje tylko żywność (category: {FOOD}); z czego zrobiony jest produkt, wpisz w materials:",
        )
    if not meta.materials:
        yield record.problem(
            ("materials",), "dopisz materiały: materials: z listą, np. [filc wełniany, stalowe kółko]"
        )
    for index, material in enumerate(meta.materials):
        if material_group(material) is None:
            yield record.problem(
                ("materials", index),
                f"materiał „{material}” nie zaczyna się od słowa ze słownika katalogu (filtr „Materiał” by go nie znalazł); "
                f"zacznij od jednego z: {material_words()}, np. „bawełna organiczna”. Nowe słowo dopisuje zespół portalu "
                "(MATERIALS w plugins/portal_catalogue/schema.py)",
            )


@rule("product")
def photos_beside_the_product(record: Record, facts: CatalogueFacts) -> Iterator[Problem]:
    for index, photo in enumerate(record.meta.photos):
        message = check_named_image(record.path.parent, photo.src, facts.settings)
        if message:
            message = message.replace(
                "(ścieżka liczy się od folderu content/)",
                "(plik ma leżeć obok pliku produktu w catalogue/)",
            )
            yield record.problem(("photos", index, "src"), message)


check_catalogue = Rules(
    lambda records, settings: CatalogueFacts({r.slug for r in records if r.kind == "entity"}, settings),
    (
        maker_exists,
        personalisation_from_the_minimum_order,
        price_tiers_above_the_minimum_order,
        materials_or_ingredients,
        photos_beside_the_product,
    ),
)


def setup(pelican) -> None:
    pelican.settings.setdefault("JINJA_GLOBALS", {}).update(
        PRODUCT_CATEGORIES=CATEGORIES, AVAILABILITY=AVAILABILITY
    )


def get_generators(pelican):
    return CatalogueGenerator


# What the catalogue declares (the wiring, portal_site, registers it)
KINDS = [Kind("product", "", ProductMeta, "product", suffix=".yaml", root="CATALOGUE_PATH")]
CHECKERS = [check_catalogue]
