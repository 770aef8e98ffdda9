import datetime as dt

from portal_theme.filters import date_pl, month_pl, number_pl, page_window, plural_pl

NBSP = "\u00a0"


def test_polish_dates():
    assert date_pl(dt.date(2026, 11, 27)) == "27 listopada 2026"
    assert date_pl(dt.datetime(2025, 9, 1, 10, 0)) == "1 września 2025"
    assert month_pl(dt.date(2026, 2, 1)) == "luty 2026"


def test_polish_numbers_group_with_nbsp_and_use_comma():
    assert number_pl(1234.5, 2) == f"1{NBSP}234,50"
    assert number_pl(1234567) == f"1{NBSP}234{NBSP}567"
    assert number_pl(999) == "999"
    assert number_pl(-1500.255, 2) == f"-1{NBSP}500,26"


def test_polish_plural():
    assert [plural_pl(n, "a", "b", "c") for n in (1, 2, 4, 5, 12, 22, 25, 112)] == [
        "a",
        "b",
        "b",
        "c",
        "c",
        "b",
        "c",
        "c",
    ]


def test_page_window_links_ends_and_neighbours_of_long_lists():
    assert page_window(1, 1) == [1]
    assert page_window(3, 7) == [1, 2, 3, 4, 5, 6, 7]  # short lists: every page
    assert page_window(1, 400) == [1, 2, 3, None, 400]
    assert page_window(200, 400) == [1, None, 198, 199, 200, 201, 202, None, 400]
    assert page_window(400, 400) == [1, None, 398, 399, 400]
    # a gap of one page shows that page, not an ellipsis
    assert page_window(5, 400) == [1, 2, 3, 4, 5, 6, 7, None, 400]
    assert page_window(396, 400) == [1, None, 394, 395, 396, 397, 398, 399, 400]


def test_jsonld_cannot_end_its_script_and_parses_to_the_data():
    import json
    from pathlib import Path

    from portal_theme.filters import jsonld

    hostile = "</script><!--<script>alert('x')</script>&amp;"
    written = str(jsonld({"name": hostile, "url": "https://x.pl/?a=1&b='2'"}))
    assert not any(mark in written for mark in ("<", ">", "&", "'"))
    assert json.loads(written) == {"name": hostile, "url": "https://x.pl/?a=1&b='2'"}
    # every JSON-LD block of every template goes through that one filter
    templates = Path(__file__).resolve().parents[2] / "theme" / "templates"
    for template in templates.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        for block in text.split('<script type="application/ld+json">')[1:]:
            assert block.split("</script>", 1)[0].rstrip().endswith("|jsonld }}"), template.name


def test_the_meta_policy_is_the_header_policy_without_header_only_directives():
    from pathlib import Path

    from portal_theme.plugin import meta_policy

    policy = (
        (Path(__file__).resolve().parents[2] / "deploy" / "content-security-policy.txt").read_text().strip()
    )
    meta = meta_policy(policy)
    assert "frame-ancestors" in policy and "frame-ancestors" not in meta
    assert meta == "; ".join(
        p.strip() for p in policy.split(";") if not p.strip().startswith("frame-ancestors")
    )
    assert "script-src 'self' 'wasm-unsafe-eval'" in meta and "object-src 'none'" in meta
