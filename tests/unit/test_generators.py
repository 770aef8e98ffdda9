"""The portal's generators, in-process, as pelican-plugins test theirs: each made with a
settings dict and a plain context, ``generate_context``, the ``link`` step, then
``generate_output`` into a writer that only notes what it is asked to write. No Pelican
run, no templates rendered: what each generator makes and asks for, quickly."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from portal_catalogue.generator import CatalogueGenerator
from portal_certification.generator import CertificationGenerator
from portal_content.relations import link
from portal_content.store import store
from portal_directory.generator import DirectoryGenerator
from portal_events.generator import EventGenerator
from portal_films.generator import FilmGenerator
from portal_site import register_content
from sitebuild import copy_fixture_site, portal_settings

register_content()  # the kinds and checkers the wiring declares


class NotingWriter:
    """Notes each page a generator asks for: its file and the template variables given."""

    def __init__(self):
        self.pages: dict[str, dict] = {}

    def write_file(self, name, template, context, **variables):
        assert name not in self.pages, f"{name} asked for twice"
        self.pages[str(name)] = {"template": template.name, **variables}


def made(generator_classes, tmp_path, fixture, day=dt.date(2026, 11, 27), pelican_made=None):
    """``pelican_made``: what Pelican's own generators would have registered (pages, static
    files), by file under content/."""
    content = copy_fixture_site(fixture, tmp_path)
    settings = portal_settings(PATH=str(content), CATALOGUE_PATH=str(tmp_path / "catalogue"), BUILD_DATE=day)
    store.forget_walk()
    context = {"generated_content": dict(pelican_made or {}), "static_content": {}, "localsiteurl": ""}
    context["static_content"] = {
        k: v for k, v in context["generated_content"].items() if k.startswith("pliki/")
    }
    generators = [
        cls(
            context=context,
            settings=settings,
            path=str(content),
            theme=settings["THEME"],
            output_path=str(tmp_path / "output"),
        )
        for cls in generator_classes
    ]
    for generator in generators:
        generator.get_template = lambda name: SimpleNamespace(name=name)  # nothing is rendered here
        generator.generate_context()
    link(generators)
    writer = NotingWriter()
    for generator in generators:
        generator.generate_output(writer)
    return context, generators, writer.pages


def test_directory_catalogue_and_certification_make_linked_items(tmp_path):
    context, (directory, catalogue, certification), pages = made(
        [DirectoryGenerator, CatalogueGenerator, CertificationGenerator], tmp_path, "ok-certification"
    )
    assert context["directory"] is directory and context["catalogue"] is catalogue
    proba = next(e for e in directory.entities if e.slug == "proba")
    brelok = next(p for p in catalogue.products if p.slug == "brelok-proba")
    (certificate,) = [c for c in certification.certificates if c.number == "ZP-2025-01"]
    assert brelok.maker is proba and brelok in proba.products
    assert certificate.entity is proba and certificate.products == [brelok]
    assert proba.current_certificate is certificate and brelok.certificate is certificate
    assert proba.subregion is proba.powiat_obj.subregion
    # each item's page, with the item under its own name and its address
    assert pages["podmioty/proba/index.html"]["entity"] is proba
    assert pages["podmioty/proba/index.html"]["url"] == "podmioty/proba/"
    assert pages["katalog/brelok-proba/index.html"]["product"] is brelok
    assert pages[certificate.save_as]["certificate"] is certificate
    # the directory's lists: one per subregion and powiat, by legal form, and open data
    assert sum(1 for name in pages if name.startswith("podmioty/subregion/")) == 5
    assert (tmp_path / "output" / "dane" / "podmioty.csv").read_text(encoding="utf-8").count("\n") == 1 + len(
        directory.entities
    )


def test_a_certificate_past_its_end_is_not_current(tmp_path):
    _, (directory, _catalogue, _certification), _ = made(
        [DirectoryGenerator, CatalogueGenerator, CertificationGenerator],
        tmp_path,
        "ok-certification",
        day=dt.date(2027, 1, 1),
    )
    proba = next(e for e in directory.entities if e.slug == "proba")
    assert proba.certificates and proba.current_certificate is None


def test_events_and_films_make_their_pages(tmp_path):
    pelican_made = {
        "strony/o-nas.md": SimpleNamespace(url="o-nas/"),
        "pliki/regulamin.pdf": SimpleNamespace(url="pliki/regulamin.pdf"),
    }
    context, (events,), pages = made([EventGenerator], tmp_path, "ok-links", pelican_made=pelican_made)
    (event,) = events.events
    assert event.url == "wydarzenia/2026/spotkanie/" and pages[event.save_as]["event"] is event
    assert 'href="/pliki/regulamin.pdf"' in event.content and 'href="/o-nas/"' in event.content
    assert context["generated_content"]["wydarzenia/2026/spotkanie.md"] is event

    _, (films,), pages = made([FilmGenerator], tmp_path / "films", "ok-films")
    assert films.films and all(pages[film.save_as]["film"] is film for film in films.films)
    assert "filmy/index.html" in pages


@pytest.fixture(autouse=True)
def _fresh_store():
    yield
    store.forget_walk()
