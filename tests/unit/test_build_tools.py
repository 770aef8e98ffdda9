from pathlib import Path

import pytest
from portal_content.problems import ContentError
from portal_theme.plugin import build_date, check_signs

THEME = Path(__file__).resolve().parents[2] / "theme"
SIGN = {"src": "img/znaki/unia-europejska.svg", "alt": "UE", "width": 1, "height": 1}


def test_at_most_four_signs():
    problems = check_signs({"THEME": str(THEME), "EU_FUNDING_SIGNS": [SIGN] * 5})
    assert [p.field for p in problems] == ["EU_FUNDING_SIGNS"]
    assert "wolno najwyżej 4" in problems[0].message
    assert check_signs({"THEME": str(THEME), "EU_FUNDING_SIGNS": [SIGN] * 4}) == []


def test_sign_needs_file_and_alt():
    problems = check_signs({"THEME": str(THEME), "EU_FUNDING_SIGNS": [{"src": "img/brak.svg", "alt": ""}]})
    assert sorted(p.field for p in problems) == ["EU_FUNDING_SIGNS[0].alt", "EU_FUNDING_SIGNS[0].src"]


def test_build_date_setting():
    assert str(build_date({"PORTAL_BUILD_DATE": "2026-01-31"})) == "2026-01-31"
    with pytest.raises(ContentError):
        build_date({"PORTAL_BUILD_DATE": "31.01.2026"})
