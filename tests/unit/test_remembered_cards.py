"""portal_theme's ``remember``: a news card is rendered once per item and arguments in a
build, and the cached card is the HTML the macro writes."""

from __future__ import annotations

from jinja2 import DictLoader, Environment
from portal_theme.plugin import Remembered


class Item:
    def __init__(self, title: str) -> None:
        self.title = title


def environment(remember: Remembered, calls: list) -> Environment:
    env = Environment(
        loader=DictLoader(
            {
                "card.html": (
                    "{% macro card(item, level=3) %}{{ remember(_card, item, level) }}{% endmacro %}"
                    "{% macro _card(item, level) %}{{ count(item) }}<h{{ level }}>{{ item.title }}</h{{ level }}>"
                    "{% endmacro %}"
                ),
                "list.html": '{% from "card.html" import card %}{% for i in items %}{{ card(i, level) }}{% endfor %}',
            }
        ),
        autoescape=True,
    )
    env.globals.update(remember=remember, count=lambda item: calls.append(item.title) or "")
    return env


def test_each_card_is_made_once_per_item_and_arguments():
    calls: list[str] = []
    env = environment(Remembered(), calls)
    a, b = Item("Gala <2026>"), Item("Targi")
    first = env.get_template("list.html").render(items=[a, b], level=3)
    again = env.get_template("list.html").render(items=[b, a], level=3)
    other_level = env.get_template("list.html").render(items=[a], level=2)
    assert first == "<h3>Gala &lt;2026&gt;</h3><h3>Targi</h3>"  # escaped once, as the macro does
    assert again == "<h3>Targi</h3><h3>Gala &lt;2026&gt;</h3>"
    assert other_level == "<h2>Gala &lt;2026&gt;</h2>"
    assert calls == ["Gala <2026>", "Targi", "Gala <2026>"]


def test_a_new_build_and_a_new_object_are_never_served_an_old_card():
    calls: list[str] = []
    remember = Remembered()
    env = environment(remember, calls)
    old = Item("Stary tytuł")
    assert env.get_template("list.html").render(items=[old], level=3) == "<h3>Stary tytuł</h3>"
    # an edited item is a new object, even where Python gives it the id of the old one
    new = Item("Nowy tytuł")
    key = next(iter(remember._made))
    remember._made[(key[0], id(new), *key[2:])] = remember._made.pop(key)
    assert env.get_template("list.html").render(items=[new], level=3) == "<h3>Nowy tytuł</h3>"
    # and each build starts with its own, empty ``remember``
    fresh = environment(Remembered(), calls)
    assert fresh.get_template("list.html").render(items=[old], level=3) == "<h3>Stary tytuł</h3>"
    assert calls == ["Stary tytuł", "Nowy tytuł", "Stary tytuł"]
