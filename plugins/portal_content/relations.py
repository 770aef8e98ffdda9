"""Relations between content items, declared on the model that owns them, resolved once.

A model class lists its relations in ``RELATIONS`` (and inherits ``Related``, which gives
every relation an empty default, so a template never needs ``is defined``):

- ``Ref(kinds, field)``: the item's front matter names another item by its slug in
  ``field`` (``many=True``: a list of slugs); the attribute holds that item (or items).
  A product's ``maker``, a film's ``entities``, an event's ``organiser``.
- ``Backref(kind, relation)``: the items of ``kind`` whose ``Ref`` called ``relation``
  names this item, in the order of their generator (or sorted by ``order``). An entity's
  ``products``, ``certificates``, ``films`` and ``events``.

``link`` (the ``all_generators_finalized`` step) collects the items of every kind - news
and pages from Pelican's generators, the rest from each generator's ``content_items()`` -
and resolves every relation of every item. A kind that is not built (a test site without
the catalogue) simply has no items: the relations that name it stay empty.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from pelican.generators import ArticlesGenerator, PagesGenerator


@dataclass(frozen=True)
class Ref:
    kinds: tuple[str, ...]
    field: str  # the attribute of the item's ``meta`` that holds the slug (or slugs)
    many: bool = False

    def __init__(self, kinds: str | tuple[str, ...], field: str, many: bool = False) -> None:
        object.__setattr__(self, "kinds", (kinds,) if isinstance(kinds, str) else tuple(kinds))
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "many", many)


@dataclass(frozen=True)
class Backref:
    kind: str  # the kind of the items that point here
    relation: str  # the name of their Ref
    order: Callable[[Any], Any] | None = None


class Related:
    """Gives each relation of ``RELATIONS`` a class default: None for a single ``Ref``, an
    empty tuple for the others (``link`` sets every item's own value)."""

    RELATIONS: ClassVar[dict[str, Ref | Backref]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name, relation in cls.__dict__.get("RELATIONS", {}).items():
            single = isinstance(relation, Ref) and not relation.many
            setattr(cls, name, None if single else ())


def relations_of(item: Any) -> dict[str, Ref | Backref]:
    return getattr(type(item), "RELATIONS", {})


def items_of(generators) -> dict[str, list]:
    """The items of every kind the generators made: news and pages from Pelican's own
    generators, the rest from each portal generator's ``content_items()``."""
    items: dict[str, list] = {}
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            items["news"] = list(generator.articles)
        elif isinstance(generator, PagesGenerator):
            items["page"] = list(generator.pages)
        elif hasattr(generator, "content_items"):
            items.update(generator.content_items())
    return items


def resolve(items: dict[str, list]) -> None:
    """Set every relation of every item in ``items`` (kind -> items)."""
    index = {
        kind: {item.slug: item for item in found if getattr(item, "slug", None)}
        for kind, found in items.items()
    }
    for found in items.values():
        for item in found:
            for name, relation in relations_of(item).items():
                if isinstance(relation, Backref):
                    setattr(item, name, [])
    for kind, found in items.items():
        for item in found:
            for name, relation in relations_of(item).items():
                if isinstance(relation, Ref):
                    for target in _point(item, name, relation, index):
                        _add_back(target, kind, name, item)
    for found in items.values():
        for item in found:
            for name, relation in relations_of(item).items():
                if isinstance(relation, Backref) and relation.order is not None:
                    getattr(item, name).sort(key=relation.order)


def _point(item: Any, name: str, relation: Ref, index: dict[str, dict[str, Any]]) -> list:
    """Set the Ref ``name`` of ``item``; the items it names."""

    def find(slug: str) -> Any:
        for kind in relation.kinds:
            found = index.get(kind, {}).get(slug)
            if found is not None:
                return found
        return None

    value = getattr(item.meta, relation.field)
    if relation.many:
        targets = [target for slug in value or () if (target := find(slug)) is not None]
        setattr(item, name, targets)
        return targets
    target = find(value) if value else None
    setattr(item, name, target)
    return [target] if target is not None else []


def _add_back(target: Any, kind: str, name: str, item: Any) -> None:
    for back_name, back in relations_of(target).items():
        if isinstance(back, Backref) and back.kind == kind and back.relation == name:
            getattr(target, back_name).append(item)


def link(generators) -> None:
    """The ``all_generators_finalized`` step: every relation of every item, once; then
    Pelican's ``{filename}`` links may name any item (its file is registered in the build's
    ``generated_content``, as Pelican registers news and pages), and links in an item's
    own body are resolved (``portal_content.model.resolve_links``)."""
    from .model import Item, resolve_links

    items = items_of(generators)
    resolve(items)
    context = generators[0].context if generators else {}
    own = [item for found in items.values() for item in found if isinstance(item, Item)]
    for item in own:
        relative = item.get_relative_source_path()
        if not relative.startswith("../"):  # the catalogue lies beside content/
            context.setdefault("generated_content", {})[relative] = item
    for item in own:
        if item.has_site_links:
            resolve_links(item, context)
