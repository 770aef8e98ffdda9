"""Template components (theme/templates/components/): each documents its macro in one
format, and each has an example rendered here with the real content's objects.

The examples render with the template environment of a build (every filter and global)
and the objects the generators made from content/ (read in this process; the build is
stopped before anything is written).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pelican import Pelican, signals
from pelican.paginator import Paginator
from pelican.settings import read_settings
from sitebuild import ROOT

COMPONENTS = ROOT / "theme" / "templates" / "components"
MACRO = re.compile(r"{%-? macro (\w+)\(([^)]*)\)")
DOC = re.compile(r"{#- (\w+)\(([^)]*)\)\n(.*?)-#}", re.S)


class _Read(Exception):
    """Stops the build once the generators have made their objects."""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    output = tmp_path_factory.mktemp("components")
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={"OUTPUT_PATH": str(output), "RENDER_WORKERS": 1, "PORTAL_BUILD_DATE": "2026-11-27"},
    )
    kept = {}

    def keep(generators):
        kept["generators"] = generators
        raise _Read

    pelican = Pelican(settings)  # the wiring connects its steps here; ours runs after them
    signals.all_generators_finalized.connect(keep)
    try:
        with pytest.raises(_Read):
            pelican.run()
    finally:
        signals.all_generators_finalized.disconnect(keep)
    generator = kept["generators"][0]
    return generator.env, generator.context, settings


def render(built, source: str, **variables) -> str:
    env, context, _ = built
    return env.from_string(source).render({**context, **variables})


def call(template: str, macro: str, arguments: str) -> str:
    return f'{{% from "components/{template}" import {macro} with context %}}{{{{ {macro}({arguments}) }}}}'


def public_macros() -> dict[str, tuple[str, str]]:
    """macro name -> (file, parameters) of every macro meant for templates."""
    found = {}
    for path in sorted(COMPONENTS.glob("*.html")):
        for name, parameters in MACRO.findall(path.read_text(encoding="utf-8")):
            if not name.startswith("_"):
                found[name] = (path.name, parameters)
    return found


@pytest.mark.parametrize("name", sorted(public_macros()))
def test_every_macro_is_documented_in_one_format(name):
    file, parameters = public_macros()[name]
    docs = {
        doc_name: (signature, body)
        for doc_name, signature, body in DOC.findall((COMPONENTS / file).read_text())
    }
    assert name in docs, f"{file}: {{#- {name}({parameters}) ... -#}} missing above the macro"
    signature, body = docs[name]
    assert signature == parameters, (
        f"{file}: the comment says {name}({signature}), the macro {name}({parameters})"
    )
    assert "Parameters:" in body, f"{file}: {name} has no 'Parameters:' section"
    section = body.split("Parameters:", 1)[1]
    names = [p.split("=")[0].strip() for p in parameters.split(",") if p.strip()]
    if not names:
        assert section.strip().startswith("none")
    for parameter in names:
        assert re.search(rf"\b{parameter}\b", section), f"{file}: {name}: parameter {parameter} not described"


def test_every_macro_has_an_example():
    assert set(public_macros()) == set(EXAMPLES)


def _entity(context, certified: bool):
    return next(e for e in context["directory"].entities if bool(e.current_certificate) == certified)


EXAMPLES = {
    "breadcrumbs": lambda b: (
        call(
            "breadcrumbs.html",
            "breadcrumbs",
            'items=[("Podmioty", "podmioty/"), ("Pyrlandia", "podmioty/pyrlandia/")]',
        ),
        {},
        [
            '<a href="/podmioty/">Podmioty</a>',
            '<span aria-current="page">Pyrlandia</span>',
            '"BreadcrumbList"',
        ],
    ),
    "cert_badge": lambda b: (
        call("cert-badge.html", "cert_badge", "certificate, 'profile'"),
        {"certificate": _entity(b[1], True).current_certificate},
        ["pl-cert--profile", "Zakup Prospołeczny", "data-valid-until="],
    ),
    "cert_maker_badge": lambda b: (
        call("cert-badge.html", "cert_maker_badge", "certificate"),
        {"certificate": _entity(b[1], True).current_certificate},
        ["Certyfikowany wytwórca", "pl-cert--maker"],
    ),
    "draft_banner": lambda b: (
        call("draft-banner.html", "draft_banner", ""),
        {},
        ["SZKIC — nie jest opublikowany."],
    ),
    "entity_card": lambda b: (
        call("entity-card.html", "entity_card", "entity, 2"),
        {"entity": _entity(b[1], True)},
        ['<h2 class="pl-entity-card__title">', 'data-certyfikat="1"', "/podmioty/"],
    ),
    "entity_list": lambda b: (
        call("entity-card.html", "entity_list", "entities"),
        {"entities": b[1]["directory"].entities[:2]},
        ["data-pl-results", b[1]["directory"].entities[1].url],
    ),
    "etr_block": lambda b: (
        call("etr-block.html", "etr_block", "entity"),
        {"entity": b[1]["directory"].entity("pyrlandia")},
        [
            '<h2 class="pl-etr-block__title" id="w-prostych-slowach">W prostych słowach</h2>',
            "<br>",
            "/podmioty/pyrlandia/tekst-latwy/",
        ],
    ),
    "event_when": lambda b: (
        call("event-card.html", "event_when", "event"),
        {"event": b[1]["events"].events[0]},
        ["<time datetime=", "</time>"],
    ),
    "event_list": lambda b: (
        call("event-card.html", "event_list", "events"),
        {"events": b[1]["events"].events[:2]},
        ['<ul class="pl-event-list">', b[1]["events"].events[1].url],
    ),
    "film_player_element": lambda b: (
        "{{ film_player(hosted) }}{{ film_player(local, 'Z filmu') }}",
        {
            "hosted": next(f for f in b[1]["films"].films if f.embed_url),
            "local": next(f for f in b[1]["films"].films if not f.embed_url),
        },
        ["data-embed=", "<picture>", "<video", '<p class="pl-film__title">Z filmu</p>', "#transkrypcja"],
    ),
    "news_card": lambda b: (
        call("news-card.html", "news_card", "article"),
        {"article": b[1]["articles"][0]},
        ['<article class="pl-news-card">', b[1]["articles"][0].url],
    ),
    "news_list": lambda b: (
        call("news-card.html", "news_list", "articles"),
        {"articles": b[1]["articles"][:2]},
        ['<ul class="pl-news-list">', b[1]["articles"][1].url],
    ),
    "pagination": lambda b: (
        call("pagination.html", "pagination", "page, paginator"),
        {
            "paginator": (
                paginator := Paginator("aktualnosci/index.html", "aktualnosci/", b[1]["articles"], b[2], 4)
            ),
            "page": paginator.page(1),
        },
        ['rel="next"', "/aktualnosci/strona/2/"],
    ),
    "picture_element": lambda b: (
        call(
            "picture.html",
            "picture_element",
            "[('image/avif', 'a-400.avif 400w')], '/a-400.jpg', 'a-400.jpg 400w', '100vw', 400, 300, 'Kubek & spodek', 'pl-img', True",
        ),
        {},
        [
            '<picture><source type="image/avif" srcset="a-400.avif 400w" sizes="100vw">'
            '<img class="pl-img" src="/a-400.jpg" srcset="a-400.jpg 400w" sizes="100vw" width="400" height="300"'
            ' alt="Kubek &amp; spodek" fetchpriority="high" decoding="async"></picture>'
        ],
    ),
    "product_card": lambda b: (
        call("product-card.html", "product_card", "product"),
        {"product": b[1]["catalogue"].products[0]},
        ['<li class="pl-product-card"', "<picture>", b[1]["catalogue"].products[0].url],
    ),
    "product_grid": lambda b: (
        call("product-card.html", "product_grid", "products"),
        {"products": b[1]["catalogue"].products[:3]},
        ["data-pl-products", 'fetchpriority="high"', 'loading="lazy"'],
    ),
    "publication_card": lambda b: (
        call("publication-card.html", "publication_card", "publication, 2"),
        {"publication": b[1]["publications"].publications[0]},
        ['<h2 class="pl-publication-card__title">', "data-rodzaj=", "/wiedza/pliki/", " download>"],
    ),
    "sample_note": lambda b: (call("sample-note.html", "sample_note", ""), {}, ["Treść przykładowa"]),
    "share_links": lambda b: (
        call("share-links.html", "share_links", "'katalog/', 'Katalog & upominki'"),
        {},
        [
            "facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwielkopolskaes.pl%2Fkatalog%2F",
            "Katalog%20%26%20upominki",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_renders(built, name):
    source, variables, expected = EXAMPLES[name](built)
    html = render(built, source, **variables)
    for piece in expected:
        assert piece in html, f"{name}: {piece!r} not in {html[:600]!r}"
    assert "{{" not in html and "{%" not in html


def test_components_folder_holds_only_components():
    assert all(Path(p).suffix == ".html" for p in COMPONENTS.iterdir())
