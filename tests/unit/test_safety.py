"""The HTML allow-list of Markdown bodies: named problems first, the sanitiser behind them."""

from __future__ import annotations

import pytest
from portal_content.safety import ALLOWED, body_problems, clean, url_problem


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:x",
        " java\tscript:x",
        "jav&#x09;ascript:x",
        "data:text/html,x",
        "vbscript:x",
    ],
)
def test_scripted_schemes_are_problems(url):
    assert "może uruchomić kod" in url_problem(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a?b=1&c=2",
        "http://x.pl",
        "mailto:a@b.pl",
        "tel:+48618567343",
        "/kontakt/",
        "#tresc",
        "a/b/",
    ],
)
def test_safe_and_relative_links_pass(url):
    assert url_problem(url) is None


def test_other_schemes_are_named():
    assert (
        url_problem("ftp://x")
        == "adres „ftp:” nie jest dozwolony; link zaczynaj od https://, http://, mailto: albo tel:"
    )


def test_allowed_html_passes_and_code_is_not_html():
    body = '<abbr title="x">ES</abbr> <sup>1</sup> <a href="https://x.pl" hreflang="en">x</a>\n\n`<script>`\n\n```\n<iframe>\n```\n<!-- <script> -->\n'
    assert body_problems(body) == []


def test_each_problem_has_its_line():
    body = "a\n\n<b onclick=x>b</b>\n\n<table style=x><tr><td>1</td></tr></table>\n\n<svg></svg>\n"
    assert [line for line, _ in body_problems(body)] == [2, 4, 6]


def test_the_sanitiser_removes_what_the_check_would_name():
    html = (
        '<p onclick="x" style="y">a</p><script>alert(1)</script><iframe src="https://e"></iframe>'
        '<a href="javascript:alert(1)">b</a><img src="https://evil.example/x.png" alt="c">'
        '<img src="https://portal.example/obrazy/x.jpg" alt="d"><!-- uwaga -->'
    )
    assert clean(html, "https://portal.example") == (
        '<p>a</p><a>b</a><img alt="c"><img src="https://portal.example/obrazy/x.jpg" alt="d">'
    )


def test_the_documented_list_is_the_enforced_one():
    from pathlib import Path

    guide = (Path(__file__).resolve().parents[2] / "docs" / "redakcja.md").read_text(encoding="utf-8")
    section = guide.split("### Dozwolony HTML", 1)[1].split("\n## ", 1)[0]
    for element in ALLOWED:
        assert f"`<{element}>`" in section, element
