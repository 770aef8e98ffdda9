"""portal_content.model: every kind outside news and pages is an Item made the same way,
and Pelican's {filename}/{static} links work to and inside items (the link step)."""

from __future__ import annotations

from types import SimpleNamespace

from portal_catalogue.model import Product
from portal_certification.model import Edition
from portal_content.model import Item
from portal_content.relations import link
from portal_directory.model import Entity, Owes
from portal_events.model import Event
from portal_films.model import Film
from sitebuild import portal_settings

SETTINGS = portal_settings(PATH="/repo/content")


def meta(**fields):
    return SimpleNamespace(**fields)


def test_each_kind_takes_its_address_from_its_settings():
    entity = Entity(meta(name="Pyrlandia"), "pyrlandia", "/repo/content/podmioty/pyrlandia.md", "", SETTINGS)
    assert (entity.url, entity.save_as) == ("podmioty/pyrlandia/", "podmioty/pyrlandia/index.html")
    owes = Owes(meta(name="OWES"), "owes-poznan", "/repo/content/owes/owes-poznan.md", "", SETTINGS)
    assert owes.url == "owes/owes-poznan/" and owes.entities == () and owes.events == ()
    film = Film(meta(title="Dzień w pracowni"), "dzien", "/repo/content/filmy/dzien.md", "", SETTINGS)
    assert film.save_as == "filmy/dzien/index.html" and film.title == "Dzień w pracowni"
    edition = Edition(meta(year=2025), "2025", "/repo/content/zakup-prospoleczny/2025.yaml", "", SETTINGS)
    assert edition.url == "zakup-prospoleczny/edycja-2025/" and edition.year == 2025
    other = portal_settings(
        PATH="/repo/content", PRODUCT_URL="sklep/{slug}.html", PRODUCT_SAVE_AS="sklep/{slug}.html"
    )
    product = Product(meta(name="Kubek", photos=[]), "kubek", "/repo/catalogue/kubek.yaml", "", other)
    assert (product.url, product.save_as, product.title) == ("sklep/kubek.html", "sklep/kubek.html", "Kubek")


def test_an_event_address_has_its_year():
    import datetime as dt

    event = Event(
        meta(title="Gala", start=dt.datetime(2027, 1, 15, 18), end=dt.datetime(2027, 1, 15, 21)),
        "gala",
        "/repo/content/wydarzenia/2027/gala.md",
        "",
        SETTINGS,
    )
    assert event.url == "wydarzenia/2027/gala/" and event.ics_url == "wydarzenia/2027/gala/wydarzenie.ics"


def test_the_body_is_converted_once_and_cleaned():
    entity = Entity(
        meta(name="P"), "p", "/repo/content/podmioty/p.md", "**Szyjemy** <script>x</script>", SETTINGS
    )
    assert entity.content is entity.content
    assert "<strong>Szyjemy</strong>" in entity.content and "<script" not in entity.content
    assert entity.get_relative_source_path() == "podmioty/p.md"


class _Generator:
    """What the link step needs of a generator: its context and the items it made."""

    def __init__(self, context, items):
        self.context, self.items = context, items

    def content_items(self):
        return self.items


def test_links_reach_items_and_are_resolved_inside_them():
    context = {"generated_content": {}, "static_content": {}, "localsiteurl": ""}
    page = SimpleNamespace(url="o-nas/")
    context["generated_content"]["strony/o-nas.md"] = page
    entity = Entity(
        meta(name="Pyrlandia"),
        "pyrlandia",
        "/repo/content/podmioty/pyrlandia.md",
        "Zobacz [o nas]({filename}../strony/o-nas.md) i [OWES]({filename}/owes/owes-poznan.md).",
        SETTINGS,
    )
    owes = Owes(
        meta(name="OWES"), "owes-poznan", "/repo/content/owes/owes-poznan.md", "Bez linków.", SETTINGS
    )
    product = Product(
        meta(name="Kubek", photos=[], maker=None), "kubek", "/repo/catalogue/kubek.yaml", "", SETTINGS
    )
    link([_Generator(context, {"entity": [entity], "owes": [owes], "product": [product]})])
    # news and pages (Pelican's links) find every item under content/ by its file
    assert context["generated_content"]["podmioty/pyrlandia.md"] is entity
    assert "../catalogue/kubek.yaml" not in context["generated_content"]
    assert 'href="/o-nas/"' in entity.content and 'href="/owes/owes-poznan/"' in entity.content
    assert "{filename}" not in entity.content
    assert str(owes.content) == "<p>Bez linków.</p>"
    # an item kept for the next build (the devserver keeps films) follows a moved target
    context["generated_content"]["strony/o-nas.md"] = SimpleNamespace(url="kontakt/")
    link([_Generator(context, {"entity": [entity], "owes": [owes], "product": [product]})])
    assert 'href="/kontakt/"' in entity.content and 'href="/o-nas/"' not in entity.content


def test_every_kind_but_news_and_pages_is_an_item():
    from portal_site import KINDS

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    made = {cls.KIND: cls for cls in subclasses(Item)}
    declared = {kind.name for kind in KINDS} - {"news", "page"}
    assert declared == set(made) >= {"entity", "owes", "product", "event", "film", "edition"}
    assert made["entity"] is Entity and made["edition"] is Edition
