"""A catalogue product as templates and open data see it: prices, facets, JSON-LD."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from portal_content.model import Item
from portal_content.relations import Ref

from .schema import AVAILABILITY, CATEGORIES, FOOD, MATERIALS, ProductMeta, material_group

CENT = Decimal("0.01")
SCHEMA_AVAILABILITY = {
    "dostepny": "https://schema.org/InStock",
    "na-zamowienie": "https://schema.org/PreOrder",
    "sezonowy": "https://schema.org/LimitedAvailability",
    "wycofany": "https://schema.org/Discontinued",
}


def gross(net: Decimal, vat: int) -> Decimal:
    return (net * (100 + vat) / 100).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class ProductPhoto:
    """A photo with its resolved path, so the image pipeline needs no content root."""

    src: str
    alt: str
    path: Path


class Product(Item):
    KIND = "product"
    URL_SETTING = "PRODUCT_URL"
    SAVE_AS_SETTING = "PRODUCT_SAVE_AS"
    RELATIONS = {"maker": Ref("entity", "maker")}

    meta: ProductMeta

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        folder = Path(self.source_path).parent
        self.photos = [ProductPhoto(p.src, p.alt, folder / p.src) for p in self.meta.photos]

    @property
    def name(self) -> str:
        return self.meta.name

    @property
    def certificate(self) -> Any:
        """The maker's certificate valid on the build date that names this product."""
        maker = self.maker
        if maker is None:
            return None
        return next((c for c in maker.certificates if c.status.current and self in c.products), None)

    @property
    def maker_certificate(self) -> Any:
        """The maker's valid certificate when none names this product (shown as the
        maker's, never as the product's)."""
        if self.maker is None or self.certificate is not None:
            return None
        return self.maker.current_certificate

    @property
    def price_gross(self) -> Decimal:
        return gross(self.meta.price_net, self.meta.vat)

    @property
    def price_from(self) -> Decimal:
        return min([self.meta.price_net, *(t.price_net for t in self.meta.price_tiers)])

    @property
    def tiers(self) -> list[tuple[int, Decimal, Decimal]]:
        """(from quantity, net, gross) rows, base price first."""
        rows = [(self.meta.min_order, self.meta.price_net)] + [
            (t.min_quantity, t.price_net) for t in self.meta.price_tiers
        ]
        return [(q, net, gross(net, self.meta.vat)) for q, net in sorted(rows)]

    @property
    def tier_data(self) -> str:
        """The tiers for catalogue-filter.js: "from:net" pairs, e.g. "20:59.00 100:52.00"."""
        return " ".join(f"{q}:{net:.2f}" for q, net, _ in self.tiers)

    @property
    def logo_data(self) -> str:
        """The personalisation options for catalogue-filter.js: "from:extra" pairs, the
        extra empty where the maker quotes it case by case, e.g. "20:8.00 50:"."""
        return " ".join(
            f"{x.min_order}:{'' if x.price_net_extra is None else f'{x.price_net_extra:.2f}'}"
            for x in self.meta.personalisation
        )

    @property
    def is_food(self) -> bool:
        return self.meta.category == FOOD

    @property
    def material_groups(self) -> list[tuple[str, str]]:
        """(slug, label) of the MATERIALS groups of this product's materials, once each."""
        slugs = {material_group(m) for m in self.meta.materials}
        return [(slug, label) for slug, (label, _, _) in MATERIALS.items() if slug in slugs]

    @property
    def personalisable(self) -> bool:
        return bool(self.meta.personalisation)

    @property
    def category_label(self) -> str:
        return CATEGORIES[self.meta.category]

    @property
    def availability_label(self) -> str:
        return AVAILABILITY[self.meta.availability]

    def jsonld(self, siteurl: str, image_urls: list[str]) -> dict[str, Any]:
        meta = self.meta
        offer: dict[str, Any] = {
            "@type": "Offer",
            "url": f"{siteurl}/{self.url}",
            "priceCurrency": "PLN",
            "price": f"{self.price_gross:.2f}",
            "priceSpecification": [
                {
                    "@type": "UnitPriceSpecification",
                    "price": f"{meta.price_net:.2f}",
                    "priceCurrency": "PLN",
                    "valueAddedTaxIncluded": False,
                },
                {
                    "@type": "UnitPriceSpecification",
                    "price": f"{self.price_gross:.2f}",
                    "priceCurrency": "PLN",
                    "valueAddedTaxIncluded": True,
                },
            ],
            "availability": SCHEMA_AVAILABILITY[meta.availability],
            "eligibleQuantity": {"@type": "QuantitativeValue", "minValue": meta.min_order, "unitCode": "H87"},
            "deliveryLeadTime": {
                "@type": "QuantitativeValue",
                "value": meta.lead_time_days,
                "unitCode": "DAY",
            },
        }
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "Product",
            "name": meta.name,
            "sku": self.slug,
            "description": meta.description,
            "category": self.category_label,
            **({"material": ", ".join(meta.materials)} if meta.materials else {}),
            "brand": {"@type": "Brand", "name": meta.brand_line},
            "image": image_urls,
            "offers": offer,
        }
        if self.maker is not None:
            data["manufacturer"] = {
                "@type": "Organization",
                "name": self.maker.meta.name,
                "url": f"{siteurl}/{self.maker.url}",
            }
        return data  # written into the page by the `jsonld` filter (portal_theme), escaped there
