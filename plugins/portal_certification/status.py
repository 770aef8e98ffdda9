"""Certificate status for a day: the one rule every page, badge and file uses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

EXPIRING_DAYS = 60
LABELS = {
    "valid": "ważny",
    "expiring": "ważny, wygasa wkrótce",
    "expired": "wygasł",
    "future": "jeszcze nieobowiązujący",
}


@dataclass(frozen=True)
class Status:
    code: str  # valid | expiring | expired | future
    days_left: int | None

    @property
    def label(self) -> str:
        return LABELS[self.code]

    @property
    def current(self) -> bool:
        """Valid on the day (including the last 60 days)."""
        return self.code in ("valid", "expiring")


def status_on(day: dt.date, valid_from: dt.date, valid_until: dt.date) -> Status:
    """valid_until is the last valid day; the day after it the certificate is expired."""
    if day < valid_from:
        return Status("future", None)
    if day > valid_until:
        return Status("expired", None)
    left = (valid_until - day).days
    return Status("expiring" if left <= EXPIRING_DAYS else "valid", left)
