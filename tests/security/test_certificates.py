"""An expired or not yet valid certificate never shows a valid mark anywhere: not in the
embeddable badge at its fixed address (copies on other sites follow at the next build),
not as embed code on its verification page, not on the product or the profile."""

from __future__ import annotations

import pytest
from sitebuild import build_in_process, copy_fixture_site

CERT = "zakup-prospoleczny/certyfikat/ZP-2025-01/"  # valid 2025-12-01 .. 2026-12-31


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("certificates")
    content = copy_fixture_site("ok-certification", root)
    built = {}
    for name, day in (("future", "2025-11-30"), ("valid", "2026-12-31"), ("expired", "2027-01-01")):
        result = build_in_process(content, root / name, build_date=day)
        assert result.returncode == 0, result.stderr
        built[name] = root / name
    return built


def test_the_badge_at_its_fixed_address_follows_the_status(builds):
    valid = (builds["valid"] / CERT / "znak.svg").read_text(encoding="utf-8")
    expired = (builds["expired"] / CERT / "znak.svg").read_text(encoding="utf-8")
    future = (builds["future"] / CERT / "znak.svg").read_text(encoding="utf-8")
    assert "ważny do 31 grudnia 2026" in valid and 'fill="#1d6b3a"' in valid  # the green mark
    for badge, state in ((expired, "WYGASŁ"), (future, "JESZCZE NIEWAŻNY")):
        assert state in badge and "#1d6b3a" not in badge and "ważny do" not in badge


@pytest.mark.parametrize("name", ["future", "expired"])
def test_no_embed_code_and_no_valid_badge_unless_valid(builds, name):
    page = (builds[name] / CERT / "index.html").read_text(encoding="utf-8")
    assert 'id="kod-znaku"' not in page and "kodu znaku do wklejenia nie udostępniamy" in page
    product = (builds[name] / "katalog" / "brelok-proba" / "index.html").read_text(encoding="utf-8")
    listing = (builds[name] / "zakup-prospoleczny" / "edycja-2025" / "index.html").read_text(encoding="utf-8")
    entity = (builds[name] / "podmioty" / "proba" / "index.html").read_text(encoding="utf-8")
    for html in (product, listing, entity, page):
        assert "pl-cert--valid" not in html and "pl-cert--expiring" not in html


def test_a_valid_certificate_offers_its_embed_code(builds):
    page = (builds["valid"] / CERT / "index.html").read_text(encoding="utf-8")
    assert 'id="kod-znaku"' in page and "pl-cert--expiring" in page
    product = (builds["valid"] / "katalog" / "brelok-proba" / "index.html").read_text(encoding="utf-8")
    assert "pl-cert--expiring" in product
