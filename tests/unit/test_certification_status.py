"""Certificate status at the boundary dates."""

import datetime as dt

import pytest
from portal_certification.status import EXPIRING_DAYS, status_on

FROM = dt.date(2025, 12, 1)
UNTIL = dt.date(2026, 12, 31)


@pytest.mark.parametrize(
    "day,code",
    [
        (dt.date(2025, 11, 30), "future"),  # the day before it starts
        (FROM, "valid"),  # first valid day
        (UNTIL - dt.timedelta(days=EXPIRING_DAYS + 1), "valid"),  # 61 days before the end
        (UNTIL - dt.timedelta(days=EXPIRING_DAYS), "expiring"),  # 60 days before the end
        (dt.date(2026, 11, 27), "expiring"),
        (UNTIL, "expiring"),  # the last valid day is still valid
        (UNTIL + dt.timedelta(days=1), "expired"),  # the first expired day
        (dt.date(2030, 1, 1), "expired"),
    ],
)
def test_status_on_boundary_days(day, code):
    assert status_on(day, FROM, UNTIL).code == code


def test_current_means_valid_or_expiring():
    assert status_on(UNTIL, FROM, UNTIL).current
    assert not status_on(UNTIL + dt.timedelta(days=1), FROM, UNTIL).current
    assert status_on(UNTIL, FROM, UNTIL).label == "ważny, wygasa wkrótce"
    assert status_on(UNTIL + dt.timedelta(days=1), FROM, UNTIL).label == "wygasł"
    assert status_on(UNTIL - dt.timedelta(days=1), FROM, UNTIL).days_left == 1


def test_lists_of_valid_certificates_show_an_entity_once_per_scope():
    from types import SimpleNamespace

    from portal_certification.generator import CertificationGenerator

    def cert(number, entity, until, products=(), services=("catering",), code="valid"):
        return SimpleNamespace(
            number=number,
            meta=SimpleNamespace(entity=entity, products=list(products)),
            services=list(services),
            valid_until=dt.date.fromisoformat(until),
            status=SimpleNamespace(current=code in ("valid", "expiring")),
        )

    old = cert("ZP-2025-01", "pyra", "2026-12-31")
    renewal = cert("ZP-2026-04", "pyra", "2027-12-31")  # already valid, same scope
    other_scope = cert("ZP-2026-05", "pyra", "2027-12-31", services=("sprzątanie",))
    expired = cert("ZP-2024-02", "glina", "2025-12-31", code="expired")
    generator = object.__new__(CertificationGenerator)
    generator.certificates = [old, renewal, other_scope, expired]
    assert generator.current == [renewal, other_scope]
