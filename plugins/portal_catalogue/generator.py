"""CatalogueGenerator: product pages, category pages, enquiry list, print view, downloads."""

from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator
from portal_content.validate import records_of
from portal_core.address import site_address
from portal_theme.filters import sort_key_pl

from . import opendata
from .model import Product
from .schema import CATEGORIES, MATERIALS


class CatalogueGenerator(Generator):
    """Reads catalogue/*.yaml (validated before generators run) into Product objects."""

    def __init__(self, *args, **kwargs):
        self.products: list[Product] = []
        super().__init__(*args, **kwargs)

    def generate_context(self) -> None:
        products = [Product.from_record(r, self.settings) for r in records_of(self.settings, "product")]
        self.products = sorted(products, key=lambda p: sort_key_pl(p.name))
        self.context["catalogue"] = self

    def content_items(self) -> dict[str, list]:
        """The items this generator made, by kind (portal_content.relations links them)."""
        return {"product": self.products}

    @property
    def categories(self) -> list[tuple[str, str, list[Product]]]:
        """(slug, label, products) of every category that has products."""
        found = []
        for slug, label in CATEGORIES.items():
            members = [p for p in self.products if p.meta.category == slug]
            if members:
                found.append((slug, label, members))
        return found

    @property
    def materials(self) -> list[tuple[str, str]]:
        """(slug, label) of the vocabulary's groups (MATERIALS) offered in the filter that
        some product is made of, in the vocabulary's order."""
        used = {slug for p in self.products for slug, _ in p.material_groups}
        return [(slug, label) for slug, (label, _, offered) in MATERIALS.items() if offered and slug in used]

    @property
    def makers(self) -> list:
        found = {p.maker.slug: p.maker for p in self.products}
        return sorted(found.values(), key=lambda e: sort_key_pl(e.display_name))

    @property
    def featured(self) -> list[Product]:
        return [p for p in self.products if p.meta.availability == "dostepny"][:4]

    def generate_output(self, writer) -> None:
        base = self.settings["CATALOGUE_URL"]
        public = site_address(self.settings)
        for product in self.products:
            writer.write_file(
                product.save_as, self.get_template("product"), self.context, product=product, url=product.url
            )
        writer.write_file(base + "index.html", self.get_template("catalogue"), self.context, url=base)
        for slug, label, members in self.categories:
            url = f"{base}kategoria/{slug}/"
            writer.write_file(
                url + "index.html",
                self.get_template("catalogue_list"),
                self.context,
                url=url,
                current_url=url,
                category_slug=slug,
                category_label=label,
                products=members,
            )
        writer.write_file(
            base + "zapytanie/index.html",
            self.get_template("enquiry"),
            self.context,
            current_url=base + "zapytanie/",
        )
        writer.write_file(
            base + "druk/index.html",
            self.get_template("catalogue_print"),
            self.context,
            current_url=base + "druk/",
        )
        folder = Path(self.output_path) / self.settings["OPEN_DATA_URL"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "katalog.csv").write_text(
            opendata.to_csv(self.products, public), encoding="utf-8", newline=""
        )
        (folder / "katalog.json").write_text(
            opendata.to_json(self.products, public, str(self.settings["BUILD_DATE"])), encoding="utf-8"
        )
