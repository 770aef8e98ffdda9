"""What the law lets a public buyer do with a supplier, read from the supplier's data only.

Each statement follows from the legal form or a status the profile records, never from a
guess: a form the law does not name gets the conditions it would have to show, not a
"yes". The provisions, and where and when their text was checked, are in
content/zamowienia/dla-zamawiajacych.yaml (shown on /dla-zamawiajacych/); this wording is
on the profile and in the shortlist files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# the register where the voivode's PS decisions can be checked (wykaz przedsiębiorstw
# społecznych, art. 19 ust. 1 of the act on the social economy, kept in RJPS)
PS_REGISTER_URL = (
    "https://rjps.mrips.gov.pl/RJPS/WJ/start.do?szukanaFraza=przedsi%C4%99biorstwo%20spo%C5%82eczne&wersja=1"
)
PS_REGISTER_NAME = "wykaz przedsiębiorstw społecznych w Rejestrze Jednostek Pomocy Społecznej (RJPS)"

RESERVATION_SHARE = 30  # art. 94 ust. 2 Pzp: at least 30% of the employed are marginalised


@dataclass(frozen=True)
class Basis:
    """One legal basis a buyer may use with this supplier."""

    article: str  # e.g. "art. 94 Pzp"
    named: bool  # the law names the form or status outright
    short: str  # one line for tables and files
    text: str  # the explanation on the profile


def _reservation_conditions() -> str:
    return (
        "główny cel działalności (albo jednostki, która wykona zamówienie) to społeczna i zawodowa "
        "integracja osób społecznie marginalizowanych, a osoby te stanowią co najmniej "
        f"{RESERVATION_SHARE}% zatrudnionych (art. 94 ust. 1–2 Pzp)"
    )


def reserved_contracts(legal_form: str, procurement: Any, parent_body: Any, form_label: str) -> list[Basis]:
    """The reserved-contract bases open to a supplier of this form and recorded status."""
    protected = bool(procurement and procurement.protected_workplace)
    bases: list[Basis] = []
    if legal_form == "spoldzielnia-socjalna" or protected:
        who = (
            "Spółdzielnie socjalne są wymienione"
            if not protected
            else "Zakłady pracy chronionej są wymienione"
        )
        if legal_form == "spoldzielnia-socjalna" and protected:
            who = "Spółdzielnie socjalne i zakłady pracy chronionej są wymienione"
        bases.append(
            Basis(
                "art. 94 Pzp",
                True,
                "zamówienia zastrzeżone: forma lub status wymienione wprost w art. 94 ust. 1 Pzp",
                f"{who} wprost w art. 94 ust. 1 Pzp wśród wykonawców, dla których zamawiający może "
                f"zastrzec zamówienie. Art. 94 ust. 2 wymaga, by co najmniej {RESERVATION_SHARE}% "
                "zatrudnionych stanowiły osoby społecznie marginalizowane.",
            )
        )
    else:
        executor = (
            f" Wykonawcą w postępowaniu jest podmiot prowadzący ({parent_body.name})." if parent_body else ""
        )
        bases.append(
            Basis(
                "art. 94 Pzp",
                False,
                "zamówienia zastrzeżone: forma niewymieniona wprost; warunki art. 94 ust. 1–2 Pzp do wykazania",
                f"Forma prawna „{form_label}” nie jest wymieniona wprost w art. 94 ust. 1 Pzp. Podmiot może "
                f"ubiegać się o zamówienie zastrzeżone, jeśli wykaże, że {_reservation_conditions()}.{executor}",
            )
        )
    if legal_form == "spoldzielnia-socjalna":
        bases.append(
            Basis(
                "art. 15a ustawy o spółdzielniach socjalnych",
                True,
                "zamówienia poniżej 130 000 zł: zastrzeżenie dla spółdzielni socjalnych (art. 15a ustawy o spółdzielniach socjalnych)",
                "W zamówieniach, do których ze względu na wartość nie stosuje się Pzp (poniżej 130 000 zł), "
                "jednostka sektora finansów publicznych może zastrzec, że ubiegać się mogą wyłącznie "
                "spółdzielnie socjalne (art. 15a ustawy o spółdzielniach socjalnych).",
            )
        )
    return bases
