"""The pagination of long lists links a window of pages, rendered by the theme's macro with
Pelican's own Paginator."""

from __future__ import annotations

import re

from jinja2 import Environment, FileSystemLoader
from pelican.paginator import Paginator
from pelican.settings import read_settings
from portal_theme.filters import FILTERS
from sitebuild import ROOT


def render(number: int, items: int) -> str:
    settings = read_settings(str(ROOT / "pelicanconf.py"))  # the portal's pagination URLs
    paginator = Paginator("aktualnosci/index.html", "aktualnosci/", list(range(items)), settings, 10)
    env = Environment(loader=FileSystemLoader(ROOT / "theme" / "templates"), autoescape=True)
    env.filters.update(FILTERS)
    macro = env.from_string(
        '{% from "components/pagination.html" import pagination %}{{ pagination(page, paginator) }}'
    )
    return macro.render(page=paginator.page(number), paginator=paginator, SITEURL="")


def test_a_page_in_the_middle_of_400_links_its_neighbours_the_ends_and_shows_the_gaps():
    html = render(200, 4000)
    links = re.findall(
        r'href="/aktualnosci/(strona/\d+/)?"(?: aria-current="page")?><span[^>]*>Strona </span>(\d+)', html
    )
    assert links == [("", "1")] + [(f"strona/{n}/", str(n)) for n in (198, 199, 200, 201, 202, 400)]
    assert 'strona/200/" aria-current="page"' in html and html.count("aria-current") == 1
    assert html.count('class="pl-pagination__gap" aria-hidden="true"') == 2
    assert 'href="/aktualnosci/strona/199/" rel="prev"' in html
    assert 'href="/aktualnosci/strona/201/" rel="next"' in html


def test_a_short_list_links_every_page_and_one_page_renders_nothing():
    html = render(2, 50)
    assert re.findall(r"Strona </span>(\d+)", html) == ["1", "2", "3", "4", "5"]
    assert "pl-pagination__gap" not in html
    assert render(1, 10).strip() == ""
