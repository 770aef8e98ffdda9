"""EnglishGenerator: /en/ (content/en/home.md), the English pages of content/en/, the
directory (/en/directory/ and a profile per entity), the support centres
(/en/support-centres/ and a page each) and the souvenir catalogue (/en/catalogue/ and a
page per product on offer), every one paired with its Polish counterpart
(plugin.pair) for the language switch, hreflang and the sitemap.

Nothing of it is written, and no page is paired, while content/en/home.md is missing.
An item's English text comes from its ``en:`` fields; what an editor has not written in
English is shown in Polish, marked ``lang="pl"`` with a note (the templates' ``en_text``)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape
from pelican.generators import Generator
from portal_content.model import Item
from portal_content.validate import records_of

from .plugin import pair
from .vocabulary import (
    AVAILABILITY_EN,
    CATEGORIES_EN,
    CERT_STATUS_EN,
    LEGAL_FORMS_EN,
    OFFER_CATEGORIES_EN,
    SUBREGIONS_EN,
)

# pages of content/en/ with a template of their own (it lists what changes with the date)
PAGE_TEMPLATES = {"certificate": "en_certificates"}


class EnglishPage(Item):
    """A page of content/en/; URL from EN_PAGE_URL, or /en/ for home.md."""

    KIND = "en_page"
    URL_SETTING = "EN_PAGE_URL"
    template = "en_page"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.slug == "home":
            self.url = self.settings["EN_URL"]
            self.save_as = self.url + "index.html"


def en_field(meta: Any, name: str) -> Any:
    """The English ``name`` field of an item (``meta.en.<name>``), or None."""
    en = getattr(meta, "en", None)
    return getattr(en, name, None) if en is not None else None


def en_text(value: Any, fallback: Any, block: bool = False) -> Markup:
    """English text, or else the Polish text marked ``lang="pl"`` (the template says, once
    per page, that untranslated text is in Polish). ``block``: paragraphs, split at an
    empty line."""
    text = value or fallback
    if not block:
        return escape(text) if value else Markup('<span lang="pl">{}</span>').format(text)
    parts = [" ".join(part.split()) for part in str(text).split("\n\n") if part.strip()]
    paragraph = Markup("<p>{}</p>\n") if value else Markup('<p lang="pl">{}</p>\n')
    return Markup("").join(paragraph.format(part) for part in parts)


class EnglishGenerator(Generator):
    def generate_context(self) -> None:
        self.url = self.settings["EN_URL"]
        self.directory_url = self.settings["EN_DIRECTORY_URL"]
        self.owes_url = self.settings["EN_OWES_URL"]
        self.pages = sorted(
            (EnglishPage.from_record(r, self.settings) for r in records_of(self.settings, "en_page")),
            key=lambda p: (p.meta.order, p.slug),
        )
        self.catalogue_url = self.settings["EN_CATALOGUE_URL"]
        catalogue = self.context.get("catalogue")
        self.products = (
            [p for p in catalogue.products if p.meta.availability != "wycofany"] if catalogue else []
        )
        self.certificate_url = self.settings["EN_CERTIFICATE_URL"]
        certification = self.context.get("certification")
        self.certificates = list(certification.certificates) if certification else []
        directory = self.context.get("directory")
        self.entities = list(directory.entities) if directory else []
        self.owes = list(directory.owes) if directory else []
        # the English part exists once it has its home page (content/en/home.md): a site
        # without it has no /en/ and no language switch
        self.active = any(page.slug == "home" for page in self.pages)
        self.context["english"] = self if self.active else None
        if not self.active:
            return
        page_url = self.settings["PAGE_URL"]
        for page in self.pages:
            polish = "" if page.slug == "home" else page_url.format(slug=page.meta.counterpart)
            if page.slug == "home" or page.meta.counterpart:
                pair(polish, page.url)
        if self.entities or self.owes:  # the English directory is written (generate_output)
            pair(self.settings["DIRECTORY_URL"], self.directory_url)
            pair(self.settings["OWES_INDEX_URL"], self.owes_url)
            for entity in self.entities:
                pair(entity.url, self.entity_url(entity))
            for owes in self.owes:
                pair(owes.url, self.owes_page_url(owes))
        for certificate in self.certificates:
            pair(certificate.url, self.certificate_page_url(certificate))
        pair("szukaj/", self.settings["EN_SEARCH_URL"])  # the Polish search: TEMPLATE_PAGES
        if self.products:
            pair(self.settings["CATALOGUE_URL"], self.catalogue_url)
            for product in self.products:
                pair(product.url, self.product_url(product))
        self.context.update(
            en_text=en_text,
            en_field=en_field,
            LEGAL_FORMS_EN=LEGAL_FORMS_EN,
            OFFER_CATEGORIES_EN=OFFER_CATEGORIES_EN,
            SUBREGIONS_EN=SUBREGIONS_EN,
            CATEGORIES_EN=CATEGORIES_EN,
            AVAILABILITY_EN=AVAILABILITY_EN,
            CERT_STATUS_EN=CERT_STATUS_EN,
        )

    def content_items(self) -> dict[str, list]:
        return {"en_page": self.pages}

    def entity_url(self, entity: Any) -> str:
        return f"{self.directory_url}{entity.slug}/"

    def owes_page_url(self, owes: Any) -> str:
        return f"{self.owes_url}{owes.slug}/"

    def certificate_page_url(self, certificate: Any) -> str:
        return f"{self.certificate_url}{certificate.number}/"

    @property
    def current_certificates(self) -> list[Any]:
        """The certificates valid on the build date (the status notes that it read the date)."""
        return [c for c in self.certificates if c.status.current]

    def product_url(self, product: Any) -> str:
        return f"{self.catalogue_url}{product.slug}/"

    def by_category(self) -> list[tuple[str, list[Any]]]:
        """(category slug, its products) in the catalogue's order of categories."""
        return [
            (slug, members)
            for slug in CATEGORIES_EN
            if (members := [p for p in self.products if p.meta.category == slug])
        ]

    def by_subregion(self) -> list[tuple[Any, list[Any]]]:
        """(subregion, its entities) in the region file's order: the English directory's list."""
        directory = self.context["directory"]
        return [(s, [e for e in self.entities if e.subregion is s]) for s in directory.region.subregions]

    def generate_output(self, writer) -> None:
        if not self.active:
            return
        for page in self.pages:
            template = PAGE_TEMPLATES.get(page.slug, "en_page")
            writer.write_file(
                page.save_as, self.get_template(template), self.context, en_page=page, url=page.url
            )
        search = self.settings["EN_SEARCH_URL"]
        writer.write_file(search + "index.html", self.get_template("en_search"), self.context, url=search)
        if not self.entities and not self.owes:
            return
        writer.write_file(
            self.directory_url + "index.html",
            self.get_template("en_directory"),
            self.context,
            url=self.directory_url,
        )
        for entity in self.entities:
            url = self.entity_url(entity)
            writer.write_file(
                url + "index.html",
                self.get_template("en_entity"),
                self.context,
                entity=entity,
                en_url=url,
                url=url,
            )
        writer.write_file(
            self.owes_url + "index.html", self.get_template("en_owes_list"), self.context, url=self.owes_url
        )
        for owes in self.owes:
            url = self.owes_page_url(owes)
            writer.write_file(
                url + "index.html", self.get_template("en_owes"), self.context, owes=owes, en_url=url, url=url
            )
        if self.products:
            writer.write_file(
                self.catalogue_url + "index.html",
                self.get_template("en_catalogue"),
                self.context,
                url=self.catalogue_url,
            )
            for product in self.products:
                url = self.product_url(product)
                writer.write_file(
                    url + "index.html",
                    self.get_template("en_product"),
                    self.context,
                    product=product,
                    en_url=url,
                    url=url,
                )
        for certificate in self.certificates:
            url = self.certificate_page_url(certificate)
            writer.write_file(
                url + "index.html",
                self.get_template("en_certificate"),
                self.context,
                certificate=certificate,
                en_url=url,
                url=url,
            )
