"""The SVG the build draws from content: the directory's bar charts (portal_directory.charts)
and the certificate badge (portal_certification.badge). Both parse as XML whatever a name
holds, and the badge of a certificate that is not valid never shows the mark."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from portal_certification.badge import certificate_badge_svg
from portal_directory.charts import bar_chart

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = 'Fundacja <script>alert(1)</script> & „Spółka” "x"'


def test_bar_chart_is_one_accessible_image_scaled_to_the_largest_count():
    svg = ET.fromstring(
        str(bar_chart("wykres", "Liczba podmiotów", [("spółdzielnie", 10), ("fundacje", 5), (HOSTILE, 0)]))
    )
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "wykres-t wykres-d"
    assert svg.find(f"{SVG}title").text == "Liczba podmiotów"
    assert svg.find(f"{SVG}desc").text == f"spółdzielnie: 10; fundacje: 5; {HOSTILE}: 0"
    widths = [int(bar.get("width")) for bar in svg.iter(f"{SVG}rect")]
    assert widths[0] == 2 * widths[1] and widths[2] == 2  # an empty bar is still a visible stub
    assert [t.text for t in svg.iter(f"{SVG}text")][-2:] == [HOSTILE, "0"]
    assert svg.find(f".//{SVG}script") is None


def test_bar_chart_without_rows_is_still_valid():
    svg = ET.fromstring(str(bar_chart("pusty", "Nic", [])))
    assert svg.find(f"{SVG}rect") is None


@pytest.mark.parametrize(
    "status,says,mark",
    [
        ("valid", "ważny do 31 grudnia 2026", True),
        ("expiring", "ważny do 31 grudnia 2026", True),
        ("future", "JESZCZE NIEWAŻNY", False),
        ("expired", "WYGASŁ", False),
    ],
)
def test_badge_states_what_the_certificate_is_on_the_build_date(status, says, mark):
    text = certificate_badge_svg(
        "ZP-2026-01", 2026, dt.date(2026, 1, 1), dt.date(2026, 12, 31), HOSTILE, status
    )
    svg = ET.fromstring(text)
    drawn = " ".join(t.text or "" for t in svg.iter(f"{SVG}text"))
    assert says in drawn
    assert (svg.find(f".//{SVG}g") is not None) == mark  # the mark only on a valid certificate
    title = svg.find(f"{SVG}title").text
    assert HOSTILE in title and "ZP-2026-01" in title
    assert svg.find(f".//{SVG}script") is None
