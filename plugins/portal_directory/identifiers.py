"""Polish register identifiers: NIP, REGON (9 and 14 digits) and KRS.

NIP and REGON carry a check digit (weighted sum modulo 11); KRS is a ten-digit number
without one, so only its format can be checked.
"""

from __future__ import annotations

import re

NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
REGON9_WEIGHTS = (8, 9, 2, 3, 4, 5, 6, 7)
REGON14_WEIGHTS = (2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8)


def digits(text: str) -> str:
    """Drop the separators people type (spaces, hyphens) and a 'PL' prefix of a NIP."""
    text = str(text).strip().upper()
    if text.startswith("PL"):
        text = text[2:]
    return re.sub(r"[\s-]", "", text)


def _check_digit(number: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(number, weights, strict=False)) % 11


def nip_problem(text: str) -> str | None:
    number = digits(text)
    if not re.fullmatch(r"\d{10}", number):
        return f"NIP „{text}” musi mieć 10 cyfr (można pisać z myślnikami, np. 782-123-45-67)"
    check = _check_digit(number, NIP_WEIGHTS)
    if check == 10 or check != int(number[9]):
        return (
            f"NIP „{text}” ma błędną cyfrę kontrolną; przepisz go ponownie z dokumentu (np. z KRS lub CEIDG)"
        )
    return None


def regon_problem(text: str) -> str | None:
    number = digits(text)
    if not re.fullmatch(r"\d{9}|\d{14}", number):
        return f"REGON „{text}” musi mieć 9 albo 14 cyfr"
    if _check_digit(number[:8], REGON9_WEIGHTS) % 10 != int(number[8]):
        return f"REGON „{text}” ma błędną cyfrę kontrolną; przepisz go ponownie z dokumentu"
    if len(number) == 14 and _check_digit(number, REGON14_WEIGHTS) % 10 != int(number[13]):
        return f"REGON „{text}” ma błędną cyfrę kontrolną; przepisz go ponownie z dokumentu"
    return None


def krs_problem(text: str) -> str | None:
    number = digits(text)
    if not re.fullmatch(r"\d{10}", number):
        return f"numer KRS „{text}” musi mieć 10 cyfr, także zera na początku (np. 0000123456)"
    return None


def with_nip_check(first_nine: str) -> str | None:
    """The valid NIP starting with these nine digits, or None (no digit fits). For sample data."""
    check = _check_digit(first_nine, NIP_WEIGHTS)
    return None if check == 10 else first_nine + str(check)


def with_regon_check(first_eight: str) -> str:
    return first_eight + str(_check_digit(first_eight, REGON9_WEIGHTS) % 10)
