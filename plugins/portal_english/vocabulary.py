"""English labels of the directory's and the catalogue's controlled vocabularies (the
slugs are the same as in Polish: portal_directory.vocabulary). The legal forms keep their
Polish name beside the English one: it is what a buyer finds in Polish registers."""

from __future__ import annotations

LEGAL_FORMS_EN: dict[str, str] = {
    "spoldzielnia-socjalna": "social cooperative",
    "cis": "social integration centre (CIS)",
    "kis": "social integration club (KIS)",
    "wtz": "occupational therapy workshop (WTZ)",
    "zaz": "vocational activity establishment (ZAZ)",
    "spoldzielnia-pracy": "workers' cooperative",
    "spoldzielnia-inwalidow": "cooperative of persons with disabilities",
    "spoldzielnia-niewidomych": "cooperative of blind persons",
    "spoldzielnia-produkcji-rolnej": "agricultural production cooperative",
    "fundacja": "foundation",
    "stowarzyszenie": "association",
    "spolka-non-profit": "non-profit company",
    "kgw": "rural women's circle (KGW)",
    "koscielna-osoba-prawna": "church legal person",
}

OFFER_CATEGORIES_EN: dict[str, str] = {
    "gastronomia": "Catering and food service",
    "opieka": "Care and personal assistance",
    "sprzatanie": "Cleaning",
    "zielen": "Gardening and green areas",
    "remonty": "Renovation and construction",
    "rekodzielo": "Crafts and souvenirs",
    "tekstylia": "Sewing and textiles",
    "poligrafia": "Printing, advertising and media",
    "turystyka": "Tourism, accommodation and events",
    "zywnosc": "Food and preserves",
    "edukacja": "Education and training",
    "transport": "Transport and removals",
    "rehabilitacja": "Rehabilitation and health",
    "biuro": "Office services and IT",
}

SUBREGIONS_EN: dict[str, str] = {
    "poznanski": "Poznań subregion",
    "koninski": "Konin subregion",
    "pilski": "Piła subregion",
    "kaliski": "Kalisz subregion",
    "leszczynski": "Leszno subregion",
}

CATEGORIES_EN: dict[str, str] = {
    "torby": "Bags and backpacks",
    "fartuchy": "Aprons",
    "breloki": "Key rings",
    "magnesy": "Magnets",
    "notesy": "Notebooks and stationery",
    "ceramika": "Ceramics",
    "tekstylia": "Textiles",
    "zabawki": "Toys",
    "zywnosc": "Food",
}

AVAILABILITY_EN: dict[str, str] = {
    "dostepny": "in stock",
    "na-zamowienie": "made to order",
    "sezonowy": "seasonal",
    "wycofany": "withdrawn",
}

# A certificate's status (portal_certification.status codes); cert-status.js has the same
# words for the reader's own date.
CERT_STATUS_EN: dict[str, str] = {
    "valid": "valid",
    "expiring": "valid, expires soon",
    "expired": "expired",
    "future": "not yet valid",
}
