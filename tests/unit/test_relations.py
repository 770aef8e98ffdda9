"""portal_content.relations: relations declared on models, resolved once, never undefined."""

from __future__ import annotations

from types import SimpleNamespace

from portal_content.relations import Backref, Ref, Related, resolve


class Maker(Related):
    RELATIONS = {
        "products": Backref("product", "maker"),
        "films": Backref("film", "entities"),
        "awards": Backref("award", "holder", order=lambda award: award.meta.rank),
    }

    def __init__(self, slug: str) -> None:
        self.slug, self.meta = slug, SimpleNamespace()


class Thing(Related):
    RELATIONS = {"maker": Ref("entity", "maker")}

    def __init__(self, slug: str, maker: str | None) -> None:
        self.slug, self.meta = slug, SimpleNamespace(maker=maker)


class Film(Related):
    RELATIONS = {"entities": Ref(("entity", "centre"), "entities", many=True)}

    def __init__(self, slug: str, entities: list[str]) -> None:
        self.slug, self.meta = slug, SimpleNamespace(entities=entities)


class Award(Related):
    RELATIONS = {"holder": Ref("entity", "holder")}

    def __init__(self, holder: str, rank: int) -> None:
        self.meta = SimpleNamespace(holder=holder, rank=rank)  # no slug: never a target


def test_unresolved_relations_have_empty_defaults():
    assert Thing("kubek", "pyra").maker is None
    assert Maker("pyra").products == () and Film("f", []).entities == ()


def test_refs_and_backrefs_are_resolved_in_generator_order():
    pyra, szwalnia = Maker("pyra"), Maker("szwalnia")
    mug, apron, orphan = Thing("kubek", "pyra"), Thing("fartuch", "pyra"), Thing("bez", None)
    film = Film("film", ["szwalnia", "nie-ma", "pyra"])
    first, second = Award("pyra", 2), Award("pyra", 1)
    resolve(
        {
            "entity": [pyra, szwalnia],
            "product": [mug, apron, orphan],
            "film": [film],
            "award": [first, second],
        }
    )
    assert mug.maker is pyra and orphan.maker is None
    assert pyra.products == [mug, apron] and szwalnia.products == []
    assert film.entities == [szwalnia, pyra]  # a slug not built is left out
    assert pyra.films == [film] and szwalnia.films == [film]
    assert pyra.awards == [second, first]  # sorted by the Backref's order


def test_a_kind_that_is_not_built_leaves_relations_empty():
    pyra = Maker("pyra")
    resolve({"entity": [pyra]})
    assert pyra.products == [] and pyra.films == []


def test_resolving_again_starts_afresh():
    pyra, mug = Maker("pyra"), Thing("kubek", "pyra")
    resolve({"entity": [pyra], "product": [mug]})
    resolve({"entity": [pyra], "product": [mug]})
    assert pyra.products == [mug]
