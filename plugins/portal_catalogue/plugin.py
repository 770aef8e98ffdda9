"""portal_catalogue: the social-design souvenir catalogue for business buyers.

Why our own plugin: products are YAML data (prices, VAT, minimum orders, makers) rather
than documents, and they must be checked against the directory of makers.

Signals:
- ``initialized``: URL settings' defaults, template globals.
- ``get_generators``: adds CatalogueGenerator.
- ``all_generators_finalized``: links each product to its maker (an Entity of
  portal_directory) and each maker to its products, after every generator has read.
Content kind registered with portal_content: ``product`` (CATALOGUE_PATH/*.yaml); the
cross-file checker validates makers, personalisation minimums and photos.
Settings read: CATALOGUE_PATH, CATALOGUE_URL, PRODUCT_URL, PRODUCT_SAVE_AS, OPEN_DATA_URL.
"""

from __future__ import annotations

from typing import Any

from portal_content.problems import Problem, display_path
from portal_content.validate import Kind, Record, check_named_image

from .generator import CatalogueGenerator
from .schema import AVAILABILITY, CATEGORIES, ProductMeta


def check_catalogue(records: list[Record], settings: dict[str, Any]) -> list[Problem]:
    makers = {r.slug: r for r in records if r.kind == "entity"}
    problems = []
    for record in records:
        if record.kind != "product":
            continue
        meta: Any = record.meta
        shown = display_path(record.path)
        if meta.maker not in makers:
            problems.append(
                Problem(
                    shown,
                    record.doc.line_for(("maker",)),
                    "maker",
                    f"nie ma podmiotu „{meta.maker}” w content/podmioty/; wpisz nazwę pliku profilu wytwórcy bez .md, np. pracownia-pod-kasztanami",
                )
            )
        for index, option in enumerate(meta.personalisation):
            if option.min_order < meta.min_order:
                where = ("personalisation", index, "min_order")
                problems.append(
                    Problem(
                        shown,
                        record.doc.line_for(where),
                        f"personalisation[{index}].min_order",
                        f"minimum personalizacji ({option.min_order} szt.) jest mniejsze niż minimalne zamówienie produktu ({meta.min_order} szt.); wpisz co najmniej {meta.min_order}",
                    )
                )
        for index, tier in enumerate(meta.price_tiers):
            if tier.min_quantity <= meta.min_order:
                where = ("price_tiers", index, "min_quantity")
                problems.append(
                    Problem(
                        shown,
                        record.doc.line_for(where),
                        f"price_tiers[{index}].min_quantity",
                        f"próg cenowy musi być większy niż minimalne zamówienie ({meta.min_order} szt.)",
                    )
                )
        for index, photo in enumerate(meta.photos):
            message = check_named_image(record.path.parent, photo.src, settings)
            if message:
                message = message.replace(
                    "(ścieżka liczy się od folderu content/)",
                    "(plik ma leżeć obok pliku produktu w catalogue/)",
                )
                problems.append(
                    Problem(
                        shown, record.doc.line_for(("photos", index, "src")), f"photos[{index}].src", message
                    )
                )
    return problems


def setup(pelican) -> None:
    pelican.settings.setdefault("JINJA_GLOBALS", {}).update(
        PRODUCT_CATEGORIES=CATEGORIES, AVAILABILITY=AVAILABILITY
    )


def get_generators(pelican):
    return CatalogueGenerator


# What the catalogue declares (the wiring, portal_site, registers it)
KINDS = [Kind("product", "", ProductMeta, "product", suffix=".yaml", root="CATALOGUE_PATH")]
CHECKERS = [check_catalogue]
