"""Schema of a catalogue product: catalogue/<adres>.yaml with its photos beside it."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from portal_content.schema import Line, Slug, Strict, Text, choice, media_path
from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

CATEGORIES: dict[str, str] = {
    "torby": "Torby i plecaki",
    "fartuchy": "Fartuchy",
    "breloki": "Breloki",
    "magnesy": "Magnesy",
    "notesy": "Notesy i papeteria",
    "ceramika": "Ceramika",
    "tekstylia": "Tekstylia",
    "zabawki": "Zabawki",
    "zywnosc": "Żywność",
}
AVAILABILITY: dict[str, str] = {
    "dostepny": "dostępny od ręki",
    "na-zamowienie": "na zamówienie",
    "sezonowy": "sezonowy",
    "wycofany": "wycofany z oferty",
}
VAT_RATES = (23, 8, 5, 0)  # Polish VAT rates in force for goods
FOOD = "zywnosc"  # the category whose products list ``ingredients`` instead of ``materials``

# The catalogue's controlled vocabulary of materials: a product's ``materials`` stay as the
# editor writes them ("bawełna organiczna 180 g/m²"), and each must begin with a word of one
# of these groups, which the buyers' filter offers ("bawełna" finds every cotton product).
# slug -> (label, the words a material may begin with, offered in the filter)
MATERIALS: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "bawelna": ("bawełna", ("bawełna", "taśma bawełniana", "sznurek bawełniany"), True),
    "len": ("len", ("len", "płótno lniane", "tkanina lniana"), True),
    "filc": ("filc", ("filc",), True),
    "papier": ("papier i karton", ("papier", "karton", "tektura"), True),
    "ceramika": (
        "ceramika (kamionka, porcelana)",
        ("ceramika", "kamionka", "porcelana", "glina", "szkliwo"),
        True,
    ),
    "drewno": ("drewno", ("drewno", "sklejka"), True),
    "odzysk": (
        "baner i tworzywa z odzysku",
        ("baner", "pasy transportowe", "plandeka", "wypełnienie z recyklingu"),
        True,
    ),
    "metal": ("metal", ("metal", "stal", "stalowe", "magnes", "zamek błyskawiczny"), True),
    "szklo": ("szkło", ("szkło", "szklany", "szklana"), True),
    "dodatki": ("dodatki i wykończenie", ("farby", "nadruk", "olej", "lakier", "gumka", "nici"), False),
}


def material_group(text: str) -> str | None:
    """The MATERIALS group a material belongs to: the first whose word it begins with
    (followed by the end or a space, so "len" is not "lenno")."""
    lowered = " ".join(text.lower().split())
    for slug, (_, words, _) in MATERIALS.items():
        if any(lowered == word or lowered.startswith(word + " ") for word in words):
            return slug
    return None


def material_words() -> str:
    """The vocabulary as an editor's hint: "bawełna, taśma bawełniana, ..."."""
    return ", ".join(word for _, words, _ in MATERIALS.values() for word in words)


def _money(value: Any) -> Any:
    # "12,50" is how prices are written in Poland; YAML floats become exact decimals
    if isinstance(value, str):
        text = value.strip().replace(" ", "").replace("\u00a0", "").replace("zł", "").replace(",", ".")
        try:
            return Decimal(text)
        except ArithmeticError:
            pass
        raise PydanticCustomError(
            "portal_price", "„{value}” to nie jest kwota; wpisz liczbę, np. 12.50", {"value": value}
        )
    if isinstance(value, bool):
        raise PydanticCustomError(
            "portal_price", "„{value}” to nie jest kwota; wpisz liczbę, np. 12.50", {"value": value}
        )
    if isinstance(value, int | float):
        return Decimal(str(value))
    return value


def _vat(value: Any) -> int:
    if isinstance(value, str):
        value = value.strip().rstrip("%").strip()
        if value.isdigit():
            value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value in VAT_RATES:
        return value
    raise PydanticCustomError(
        "portal_vat",
        "stawka VAT „{value}” nie jest polską stawką dla towarów; wpisz 23, 8, 5 albo 0",
        {"value": str(value)},
    )


ProductCategory = choice(CATEGORIES, "kategoria")
Availability = choice(AVAILABILITY, "dostępność")
Money = Annotated[
    Decimal,
    BeforeValidator(_money),
    WithJsonSchema({"type": ["number", "string"], "description": "kwota w zł, np. 12.50"}),
]
Vat = Annotated[int, BeforeValidator(_vat), WithJsonSchema({"enum": list(VAT_RATES)})]


class Photo(Strict):
    src: media_path("catalogue_photo") = Field(
        description="Plik zdjęcia obok pliku produktu (JPEG, ok. 2000 px).", examples=["brelok-pyra-1.jpg"]
    )
    alt: Text = Field(
        description="Co widać na zdjęciu (dla osób niewidomych).",
        examples=["Brelok w kształcie ziemniaka na drewnianym stole"],
        max_length=250,
    )


class Variant(Strict):
    name: Text = Field(description="Czego dotyczy wybór, np. kolor.", examples=["kolor"])
    options: list[Text] = Field(
        min_length=1, description="Możliwości do wyboru.", examples=["[brązowy, beżowy]"]
    )


class PriceTier(Strict):
    min_quantity: int = Field(ge=1, description="Od ilu sztuk obowiązuje cena.", examples=["200"])
    price_net: Money = Field(gt=0, description="Cena netto za sztukę w zł.", examples=["9.90"])


class Personalisation(Strict):
    name: Text = Field(description="Rodzaj personalizacji.", examples=["nadruk logo"])
    description: Text | None = Field(None, description="Szczegóły (technika, pole nadruku).")
    min_order: int = Field(
        ge=1, description="Minimalne zamówienie z tą personalizacją (szt.).", examples=["100"]
    )
    price_net_extra: Money | None = Field(
        None, description="Dopłata netto za sztukę w zł.", examples=["1.50"]
    )


class ProductEnglish(Strict):
    """A product's name and description in English (the /en/ catalogue); both optional."""

    name: Line | None = Field(
        None, description="Nazwa po angielsku.", max_length=120, examples=["“Pyra” key ring"]
    )
    description: Text | None = Field(None, description="Opis po angielsku.", max_length=1000)


class ProductMeta(Strict):
    """A product of the social-design souvenir brand: catalogue/<adres>.yaml"""

    name: Line = Field(description="Nazwa produktu.", examples=["Brelok „Pyra”"], max_length=120)
    slug: Slug | None = Field(
        None, description="Adres w URL; domyślnie nazwa pliku bez .yaml.", examples=["brelok-pyra"]
    )
    brand_line: Text = Field(description="Linia marki.", examples=["Klunkry Wielkopolskie"])
    category: ProductCategory = Field(description="Kategoria katalogu.", examples=["breloki"])
    motif: Text = Field(description="Motyw (np. pyra, koziołki, gzik).", examples=["pyra"])
    description: Text = Field(
        description="Opis produktu dla kupującego.", examples=["Brelok z filcu w kształcie pyry."]
    )
    materials: list[Text] = Field(
        default_factory=list,
        description="Materiały (nie dla żywności): każdy zaczyna się od słowa ze słownika katalogu, np. bawełna, len, filc, papier, kamionka, drewno, baner, stal, szkło, nadruk.",
        examples=["[filc wełniany, stalowe kółko]"],
    )
    ingredients: list[Text] = Field(
        default_factory=list,
        description="Skład (tylko żywność, kategoria zywnosc), np. śliwki węgierki, cukier.",
        examples=["[śliwki węgierki]"],
    )
    upcycled: bool = Field(
        description="true = wykonany z materiałów z odzysku (upcykling).", examples=["false"]
    )
    dimensions: Text = Field(description="Wymiary, np. 6 × 4 × 1 cm.", examples=["6 × 4 × 1 cm"])
    variants: list[Variant] = Field(default_factory=list, description="Warianty (np. kolory).")
    maker: Slug = Field(
        description="Wytwórca: adres profilu podmiotu z content/podmioty/.",
        examples=["pracownia-pod-kasztanami"],
    )
    designer: Text = Field(description="Projektant lub projektantka.", examples=["Studio Przykładowe"])
    story: Text = Field(
        description="Historia społeczna: kto i gdzie wykonuje produkt.",
        examples=["Breloki szyją pracownicy zakładu aktywności zawodowej."],
    )
    photos: list[Photo] = Field(
        min_length=1,
        description="Zdjęcia (pierwsze jest główne).",
        examples=["[{src: brelok-pyra-1.jpg, alt: Brelok na drewnianym stole}]"],
    )
    price_net: Money = Field(gt=0, description="Cena netto za sztukę w zł.", examples=["12.50"])
    vat: Vat = Field(description="Stawka VAT w procentach: 23, 8, 5 albo 0.", examples=["23"])
    price_tiers: list[PriceTier] = Field(
        default_factory=list, description="Niższe ceny dla większych zamówień."
    )
    min_order: int = Field(ge=1, description="Minimalne zamówienie (szt.).", examples=["50"])
    lead_time_days: int = Field(ge=1, le=365, description="Czas realizacji w dniach.", examples=["14"])
    personalisation: list[Personalisation] = Field(
        default_factory=list, description="Możliwości personalizacji."
    )
    packaging: Text = Field(description="Opakowanie.", examples=["papierowa torebka z metką"])
    availability: Availability = Field(
        description="dostepny, na-zamowienie, sezonowy albo wycofany.", examples=["dostepny"]
    )
    en: ProductEnglish | None = Field(None, description="Po angielsku (katalog /en/); pola nieobowiązkowe.")
    sample: bool = Field(False, description="true = produkt przykładowy (zmyślony).")
