"""Controlled vocabularies of the directory: legal forms, offer categories, beneficiaries.

Slugs (ASCII) are what editors may write and what URLs and open data use; the values are
the Polish labels shown to readers.
"""

from __future__ import annotations

# Forms of the act of 5 August 2022 on the social economy (art. 2 pkt 5).
LEGAL_FORMS: dict[str, str] = {
    "spoldzielnia-socjalna": "spółdzielnia socjalna",
    "cis": "centrum integracji społecznej (CIS)",
    "kis": "klub integracji społecznej (KIS)",
    "wtz": "warsztat terapii zajęciowej (WTZ)",
    "zaz": "zakład aktywności zawodowej (ZAZ)",
    "spoldzielnia-pracy": "spółdzielnia pracy",
    "spoldzielnia-inwalidow": "spółdzielnia inwalidów",
    "spoldzielnia-niewidomych": "spółdzielnia niewidomych",
    "spoldzielnia-produkcji-rolnej": "spółdzielnia produkcji rolnej",
    "fundacja": "fundacja",
    "stowarzyszenie": "stowarzyszenie",
    "spolka-non-profit": "spółka non-profit",
    "kgw": "koło gospodyń wiejskich (KGW)",
    "koscielna-osoba-prawna": "kościelna osoba prawna",
}
# Page titles of the per-form listings.
LEGAL_FORMS_PLURAL: dict[str, str] = {
    "spoldzielnia-socjalna": "Spółdzielnie socjalne",
    "cis": "Centra integracji społecznej",
    "kis": "Kluby integracji społecznej",
    "wtz": "Warsztaty terapii zajęciowej",
    "zaz": "Zakłady aktywności zawodowej",
    "spoldzielnia-pracy": "Spółdzielnie pracy",
    "spoldzielnia-inwalidow": "Spółdzielnie inwalidów",
    "spoldzielnia-niewidomych": "Spółdzielnie niewidomych",
    "spoldzielnia-produkcji-rolnej": "Spółdzielnie produkcji rolnej",
    "fundacja": "Fundacje",
    "stowarzyszenie": "Stowarzyszenia",
    "spolka-non-profit": "Spółki non-profit",
    "kgw": "Koła gospodyń wiejskich",
    "koscielna-osoba-prawna": "Kościelne osoby prawne",
}
# Reintegration units are run by a parent body (jednostka tworząca).
REINTEGRATION_UNITS = frozenset({"cis", "kis", "wtz", "zaz"})

OFFER_CATEGORIES: dict[str, str] = {
    "gastronomia": "Gastronomia i catering",
    "opieka": "Usługi opiekuńcze i asystenckie",
    "sprzatanie": "Sprzątanie i utrzymanie czystości",
    "zielen": "Zieleń i ogrodnictwo",
    "remonty": "Remonty i budownictwo",
    "rekodzielo": "Rękodzieło i pamiątki",
    "tekstylia": "Szycie i tekstylia",
    "poligrafia": "Poligrafia, reklama i media",
    "turystyka": "Turystyka, noclegi i wydarzenia",
    "zywnosc": "Żywność i przetwory",
    "edukacja": "Edukacja i szkolenia",
    "transport": "Transport i przeprowadzki",
    "rehabilitacja": "Rehabilitacja i zdrowie",
    "biuro": "Usługi biurowe i IT",
}

BENEFICIARIES: dict[str, str] = {
    "niepelnosprawnosc": "osoby z niepełnosprawnościami",
    "bezrobocie": "osoby długotrwale bezrobotne",
    "bezdomnosc": "osoby w kryzysie bezdomności",
    "uzaleznienia": "osoby wychodzące z uzależnień",
    "po-wyroku": "osoby opuszczające zakłady karne",
    "seniorzy": "seniorzy",
    "mlodziez": "młodzież, w tym z pieczy zastępczej",
    "migranci": "uchodźcy i migranci",
    "rodziny": "rodziny w kryzysie",
    "zdrowie-psychiczne": "osoby w kryzysie psychicznym",
}
