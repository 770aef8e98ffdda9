"""The directory's items (entities, OWES) and the facets readers filter by."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from portal_content.model import Item
from portal_content.relations import Backref
from portal_procurement.facts import Basis, reserved_contracts

from .schema import EntityMeta, OwesMeta, tel_href
from .vocabulary import BENEFICIARIES, LEGAL_FORMS, OFFER_CATEGORIES


class Entity(Item):
    """An entity profile; URL from ENTITY_URL / ENTITY_SAVE_AS."""

    KIND = "entity"
    URL_SETTING = "ENTITY_URL"
    SAVE_AS_SETTING = "ENTITY_SAVE_AS"
    template = "entity"

    # what other capabilities' content says of this entity (portal_content.relations)
    RELATIONS = {
        "products": Backref("product", "maker"),
        "certificates": Backref("certificate", "entity", order=lambda certificate: certificate.sort_key()),
        "films": Backref("film", "entities"),
        "events": Backref("event", "organiser"),
    }

    meta: EntityMeta
    # set by the DirectoryGenerator from the region data (content/region.yaml)
    powiat_obj: Any = None
    gmina_obj: Any = None  # region.Gmina of meta.gmina
    subregion: Any = None
    owes: Owes | None = None
    # the known CPV codes of its offer, and those and every known code above them (the
    # codes a buyer finds it under): portal_procurement.cpv, set by the DirectoryGenerator
    cpv: list[Any] | tuple = ()
    cpv_covering: list[Any] | tuple = ()
    # the areas of meta.procurement.area_served as readers see them (region.Area), set by
    # the DirectoryGenerator
    areas_served: list[Any] | tuple = ()

    @property
    def reservations(self) -> list[Basis]:
        """The reserved-contract bases its legal form and recorded status open (portal_procurement.facts)."""
        return reserved_contracts(
            self.meta.legal_form, self.meta.procurement, self.meta.parent_body, self.legal_form_label
        )

    @property
    def current_certificate(self) -> Any:
        """The certificate valid on the build date (None when none is)."""
        return next((c for c in self.certificates if c.status.current), None)

    @property
    def legal_form_label(self) -> str:
        return LEGAL_FORMS[self.meta.legal_form]

    @property
    def offer_labels(self) -> list[tuple[str, str]]:
        return [(slug, OFFER_CATEGORIES[slug]) for slug in self.meta.offer.categories]

    @property
    def beneficiary_labels(self) -> list[str]:
        return [BENEFICIARIES[slug] for slug in self.meta.beneficiaries]

    @property
    def is_ps(self) -> bool:
        return self.meta.ps is not None

    @property
    def phone_href(self) -> str | None:
        return tel_href(self.meta.contact.phone) if self.meta.contact.phone else None

    @property
    def display_name(self) -> str:
        return self.meta.short_name or self.meta.name

    def jsonld(self, siteurl: str) -> dict[str, Any]:
        meta = self.meta
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": meta.name,
            "description": meta.summary,
            "url": f"{siteurl}/{self.url}",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": meta.address.street,
                "postalCode": meta.address.postal_code,
                "addressLocality": meta.address.city,
                "addressRegion": "wielkopolskie",
                "addressCountry": "PL",
            },
        }
        if meta.contact.email:
            data["email"] = meta.contact.email
        if meta.contact.phone:
            data["telephone"] = self.phone_href
        if meta.nip:
            data["taxID"] = meta.nip
        identifiers = [
            {"@type": "PropertyValue", "propertyID": name, "value": value}
            for name, value in (("KRS", meta.krs), ("REGON", meta.regon))
            if value
        ]
        if identifiers:
            data["identifier"] = identifiers
        links = [
            u
            for u in (
                meta.contact.website,
                meta.contact.facebook,
                meta.contact.instagram,
                meta.contact.linkedin,
                meta.contact.youtube,
            )
            if u
        ]
        if links:
            data["sameAs"] = links
        if meta.founded:
            data["foundingDate"] = str(meta.founded)
        return data  # written into the page by the `jsonld` filter (portal_theme), escaped there


class Owes(Item):
    """A support centre (OWES) profile; URL from OWES_URL / OWES_SAVE_AS."""

    KIND = "owes"
    URL_SETTING = "OWES_URL"
    SAVE_AS_SETTING = "OWES_SAVE_AS"
    template = "owes"
    RELATIONS = {"events": Backref("event", "organiser")}

    meta: OwesMeta
    # set by the DirectoryGenerator from the region data
    subregion: Any = None
    entities: tuple[Entity, ...] | list[Entity] = ()
    served_outside: list[Any] | tuple = ()  # the gminas (region.Gmina) outside its subregion it also serves

    @property
    def phone_href(self) -> str | None:
        return tel_href(self.meta.contact.phone) if self.meta.contact.phone else None


@dataclass
class Listing:
    """One generated list page of the directory (a subregion, a powiat, a legal form ...)."""

    kind: str  # subregion | powiat | gmina | forma | oferta | ps
    slug: str
    title: str
    description: str
    entities: list[Entity]
    url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def save_as(self) -> str:
        return self.url + "index.html"
