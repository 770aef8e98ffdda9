"""Schemas of entity (PES/PS) and OWES profiles: content/podmioty/*.md, content/owes/*.md."""

from __future__ import annotations

import re
from typing import Annotated, Any

from portal_content.schema import Day, EasyText, Image, Line, Slug, Strict, Text, Url, choice, etr_field
from portal_procurement.cpv import CpvCode
from pydantic import AfterValidator, BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from . import identifiers
from .vocabulary import BENEFICIARIES, LEGAL_FORMS, OFFER_CATEGORIES

LegalForm = choice(LEGAL_FORMS, "forma prawna")
OfferCategory = choice(OFFER_CATEGORIES, "kategoria oferty")
Beneficiary = choice(BENEFICIARIES, "grupa odbiorców")


def _identifier(check, name: str):
    def validate(value: Any) -> str:
        text = str(value)
        problem = check(text)
        if problem:
            raise PydanticCustomError(name, problem)
        return identifiers.digits(text)

    return Annotated[
        str, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v), AfterValidator(validate)
    ]


Nip = _identifier(identifiers.nip_problem, "portal_nip")
Regon = _identifier(identifiers.regon_problem, "portal_regon")
Krs = _identifier(identifiers.krs_problem, "portal_krs")

EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def _email(value: str) -> str:
    if not EMAIL_RE.match(value):
        raise PydanticCustomError(
            "portal_email",
            "„{value}” to nie jest adres e-mail; wpisz np. biuro@spoldzielnia.pl",
            {"value": value},
        )
    return value


def _phone(value: str) -> str:
    number = re.sub(r"[\s()-]", "", value)
    if number.startswith("+48"):
        number = number[3:]
    if not re.fullmatch(r"\d{9}", number):
        raise PydanticCustomError(
            "portal_phone",
            "„{value}” to nie jest polski numer telefonu; wpisz 9 cyfr, np. 61 856 73 43 albo 600 123 456",
            {"value": value},
        )
    return value


def _postal(value: str) -> str:
    if not re.fullmatch(r"\d{2}-\d{3}", value):
        raise PydanticCustomError(
            "portal_postal",
            "„{value}” to nie jest kod pocztowy; wpisz go jako NN-NNN, np. 61-731",
            {"value": value},
        )
    return value


Email = Annotated[str, AfterValidator(_email)]
Phone = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v), AfterValidator(_phone)]
PostalCode = Annotated[str, AfterValidator(_postal)]


def tel_href(phone: str) -> str:
    number = re.sub(r"[\s()-]", "", phone)
    return number if number.startswith("+") else "+48" + number


class Address(Strict):
    street: Text = Field(description="Ulica i numer.", examples=["ul. Główna 12"])
    postal_code: PostalCode = Field(description="Kod pocztowy NN-NNN.", examples=["61-731"])
    city: Text = Field(description="Miejscowość.", examples=["Poznań"])


class Contact(Strict):
    person: Text | None = Field(None, description="Osoba do kontaktu.", examples=["Anna Kowalska"])
    email: Email | None = Field(None, description="Adres e-mail.", examples=["biuro@spoldzielnia.pl"])
    phone: Phone | None = Field(None, description="Telefon (9 cyfr).", examples=["600 123 456"])
    website: Url | None = Field(
        None, description="Strona internetowa (https://...).", examples=["https://spoldzielnia.pl"]
    )
    facebook: Url | None = Field(
        None, description="Profil na Facebooku (adres).", examples=["https://www.facebook.com/spoldzielnia"]
    )
    instagram: Url | None = Field(None, description="Profil na Instagramie (adres).")
    linkedin: Url | None = Field(None, description="Profil na LinkedIn (adres).")
    youtube: Url | None = Field(None, description="Kanał na YouTube (adres).")


class ParentBody(Strict):
    name: Text = Field(
        description="Nazwa podmiotu prowadzącego (jednostki tworzącej).",
        examples=["Stowarzyszenie Na Rzecz Osób Niepełnosprawnych"],
    )
    krs: Krs | None = Field(None, description="KRS podmiotu prowadzącego, jeśli ma.")


class PsStatus(Strict):
    decision_date: Day = Field(
        description="Data decyzji wojewody o nadaniu statusu PS.", examples=["2023-05-10"]
    )
    decision_number: Text | None = Field(None, description="Znak decyzji.", examples=["FB-II.9511.12.2023"])


class Offer(Strict):
    categories: list[OfferCategory] = Field(
        min_length=1, description="Kategorie oferty.", examples=["[gastronomia, sprzatanie]"]
    )
    products: list[Text] = Field(default_factory=list, description="Produkty (lista).")
    services: list[Text] = Field(default_factory=list, description="Usługi (lista).")
    cpv: list[CpvCode] = Field(
        default_factory=list,
        description="Kody CPV tego, co podmiot sprzedaje (słownik: content/zamowienia/cpv.yaml).",
        examples=["[55520000-1, 55321000-6]"],
    )


class AtRiskShare(Strict):
    percent: int = Field(
        description="Ile procent zatrudnionych to osoby z grup zagrożonych wykluczeniem społecznym.",
        ge=0,
        le=100,
        examples=[62],
    )
    as_of: Day = Field(description="Stan na dzień (data, której dotyczy liczba).", examples=["2026-06-30"])


class OffersContact(Strict):
    person: Text | None = Field(
        None, description="Osoba przyjmująca zapytania ofertowe.", examples=["Anna Kowalska"]
    )
    email: Email | None = Field(
        None, description="E-mail do zapytań ofertowych.", examples=["oferty@spoldzielnia.pl"]
    )
    phone: Phone | None = Field(
        None, description="Telefon do zapytań ofertowych (9 cyfr).", examples=["600 123 456"]
    )

    @model_validator(mode="after")
    def _reachable(self) -> OffersContact:
        if not (self.email or self.phone):
            raise PydanticCustomError(
                "portal_offers_contact",
                "kontakt w sprawie ofert potrzebuje adresu e-mail albo telefonu; dopisz 'email:' lub 'phone:'",
            )
        return self


class Procurement(Strict):
    """Facts a public buyer needs for a procurement file; each is shown only when written."""

    protected_workplace: bool = Field(
        False, description="true = podmiot ma status zakładu pracy chronionej (art. 94 ust. 1 Pzp)."
    )
    at_risk_share: AtRiskShare | None = Field(
        None,
        description="Odsetek zatrudnionych z grup zagrożonych wykluczeniem, jeśli podmiot go publikuje.",
        examples=["\n    percent: 62\n    as_of: 2026-06-30"],
    )
    area_served: list[Text] = Field(
        default_factory=list,
        description="Gdzie podmiot realizuje zamówienia: powiaty (jak w pliku regionu), 'subregion pilski', 'województwo wielkopolskie' albo 'cała Polska'.",
        examples=["[poznański, Poznań, szamotulski]"],
    )
    contact: OffersContact | None = Field(
        None,
        description="Kontakt w sprawie zapytań ofertowych, jeśli inny niż ogólny.",
        examples=["\n    email: oferty@spoldzielnia.pl"],
    )


class EntityEnglish(Strict):
    """What an entity says in English (the /en/ pages); every field optional: what is
    missing is shown in Polish, marked as such."""

    name: Line | None = Field(
        None, description="Nazwa po angielsku, jeśli podmiot jej używa.", max_length=200
    )
    summary: Text | None = Field(
        None,
        description="Jedno–dwa zdania po angielsku na kartę.",
        max_length=300,
        examples=["Catering for schools."],
    )
    description: Text | None = Field(
        None, description="Opis po angielsku (akapity oddziel pustą linią).", max_length=2000
    )
    offer: Text | None = Field(
        None,
        description="Oferta po angielsku: co podmiot sprzedaje.",
        max_length=600,
        examples=["Lunches and catering."],
    )


class EntityMeta(Strict):
    """A social-economy entity (PES/PS): content/podmioty/<adres>.md"""

    name: Line = Field(
        description="Pełna nazwa podmiotu.", examples=["Spółdzielnia Socjalna „Pyra”"], max_length=200
    )
    short_name: Line | None = Field(None, description="Krótka nazwa na kartach.", max_length=60)
    legal_form: LegalForm = Field(
        description="Forma prawna (ustawa o ekonomii społecznej).", examples=["spoldzielnia-socjalna"]
    )
    parent_body: ParentBody | None = Field(
        None, description="Podmiot prowadzący: wymagany dla CIS, KIS, WTZ i ZAZ."
    )
    ps: PsStatus | None = Field(
        None, description="Status przedsiębiorstwa społecznego (puste = brak statusu)."
    )
    krs: Krs | None = Field(None, description="Numer KRS (10 cyfr).", examples=["0000123456"])
    nip: Nip | None = Field(None, description="NIP (10 cyfr).", examples=["7811234567"])
    regon: Regon | None = Field(None, description="REGON (9 lub 14 cyfr).", examples=["301234567"])
    address: Address = Field(
        description="Adres siedziby.",
        examples=["\n  street: ul. Główna 12\n  postal_code: 61-731\n  city: Poznań"],
    )
    gmina: Text = Field(
        description="Gmina siedziby (nazwa z pliku region/wielkopolska.yaml; gminę wiejską o nazwie miasta wpisz jako „gmina wiejska Gniezno”).",
        examples=["Poznań"],
    )
    powiat: Text = Field(
        description="Powiat (nazwa z pliku region/wielkopolska.yaml).", examples=["poznański"]
    )
    contact: Contact = Field(description="Kontakt.", examples=["\n  email: biuro@spoldzielnia.pl"])
    offer: Offer = Field(
        description="Oferta: kategorie, produkty, usługi.", examples=["\n  categories: [gastronomia]"]
    )
    beneficiaries: list[Beneficiary] = Field(default_factory=list, description="Z kim pracuje podmiot.")
    summary: Text = Field(
        description="Jedno–dwa zdania na kartę w katalogu.",
        max_length=300,
        examples=["Catering dla szkół i firm w Poznaniu."],
    )
    mission: Text = Field(
        description="Misja społeczna.",
        max_length=800,
        examples=["Dajemy pracę osobom po kryzysie bezdomności."],
    )
    procurement: Procurement | None = Field(
        None,
        description="Dla zamawiających publicznych: zakład pracy chronionej, udział zatrudnionych z grup zagrożonych wykluczeniem, obszar działania, kontakt w sprawie ofert.",
        examples=["\n  area_served: [poznański, Poznań]"],
    )
    founded: int | None = Field(None, description="Rok założenia.", ge=1900, le=2100)
    employees: int | None = Field(None, description="Liczba zatrudnionych osób.", ge=0)
    photos: list[Image] = Field(default_factory=list, description="Zdjęcia z tekstem alternatywnym.")
    verified: Day = Field(description="Data ostatniej weryfikacji danych.", examples=["2026-11-27"])
    slug: Slug | None = Field(None, description="Adres w URL; domyślnie nazwa pliku.")
    etr: EasyText | None = etr_field()
    en: EntityEnglish | None = Field(None, description="Po angielsku (strony /en/); pola nieobowiązkowe.")
    sample: bool = Field(False, description="true = podmiot przykładowy (zmyślony).")


class ServedGmina(Strict):
    """A gmina outside its subregion that an OWES also serves."""

    gmina: Line = Field(
        description="Nazwa gminy (jak w pliku region/wielkopolska.yaml).", examples=["Kwilcz"]
    )
    powiat: Text = Field(
        description="Powiat tej gminy (jak w pliku region/wielkopolska.yaml).", examples=["międzychodzki"]
    )


class OwesEnglish(Strict):
    """What a support centre says in English (the /en/ pages)."""

    name: Line | None = Field(None, description="Nazwa ośrodka po angielsku.", max_length=200)
    summary: Text | None = Field(None, description="Jedno–dwa zdania po angielsku.", max_length=300)


class OwesMeta(Strict):
    """A support centre (OWES): content/owes/<adres>.md"""

    name: Line = Field(description="Nazwa ośrodka.", examples=["Ośrodek Wsparcia Ekonomii Społecznej w Pile"])
    operator: Text = Field(
        description="Kto prowadzi ośrodek (organizacja lub partnerstwo).", examples=["Fundacja Przykładowa"]
    )
    subregion: Text = Field(
        description="Subregion (slug z pliku region/wielkopolska.yaml).", examples=["pilski"]
    )
    address: Address = Field(
        description="Adres biura.",
        examples=["\n  street: ul. Główna 12\n  postal_code: 64-920\n  city: Piła"],
    )
    contact: Contact = Field(description="Kontakt.", examples=["\n  email: owes@example.pl"])
    support: list[Text] = Field(
        min_length=1,
        description="Formy wsparcia (lista).",
        examples=["[doradztwo, dotacje na miejsca pracy]"],
    )
    summary: Text = Field(
        description="Jedno–dwa zdania o ośrodku.",
        max_length=300,
        examples=["Wspieramy podmioty ekonomii społecznej w subregionie pilskim."],
    )
    also_serves: list[ServedGmina] = Field(
        default_factory=list,
        description="Gminy spoza subregionu, które ośrodek też obsługuje (wyjątki od podziału na subregiony).",
        examples=["\n  - {gmina: Kwilcz, powiat: międzychodzki}"],
    )
    verified: Day = Field(description="Data ostatniej weryfikacji danych.", examples=["2026-11-27"])
    slug: Slug | None = Field(None, description="Adres w URL; domyślnie nazwa pliku.")
    etr: EasyText | None = etr_field()
    en: OwesEnglish | None = Field(None, description="Po angielsku (strony /en/); pola nieobowiązkowe.")
    sample: bool = Field(False, description="true = dane przykładowe.")
