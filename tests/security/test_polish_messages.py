"""Every validation message an editor can get is a Polish sentence: no pydantic English
("Input should be a finite number") for any wrong value in any field of any content type."""

from __future__ import annotations

import re

import pytest
from portal_content.problems import translate
from portal_content.validate import KINDS
from portal_site import register_content
from pydantic import BaseModel, ValidationError

WRONG = [
    None,
    [],
    {},
    "",
    "x",
    1.5,
    float("nan"),
    float("inf"),
    True,
    -1,
    10**40,
    "2026-02-30",
    [{"a": 1}],
    "a\nb",
]
ENGLISH = re.compile(r"\b(Input|should|Field required|Value error|valid|Extra inputs|at least|at most)\b")

register_content()


def models(model: type[BaseModel], seen: set) -> list[type[BaseModel]]:
    """The model and every model nested in its fields."""
    if model in seen:
        return []
    seen.add(model)
    found = [model]
    for info in model.model_fields.values():
        for candidate in _classes(info.annotation):
            found += models(candidate, seen)
    return found


def _classes(annotation) -> list:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [c for arg in getattr(annotation, "__args__", ()) or () for c in _classes(arg)]


@pytest.mark.parametrize(
    "kind", sorted({"news", "page", "entity", "owes", "product", "edition", "film", "event"})
)
def test_every_wrong_value_gets_a_polish_message(kind):
    checked = 0
    for model in models(KINDS[kind].model, set()):
        for field in model.model_fields:
            for value in WRONG:
                try:
                    model.model_validate({field: value})
                except ValidationError as error:
                    for detail in error.errors():
                        message = translate(model, detail)
                        checked += 1
                        assert not ENGLISH.search(message), (model.__name__, field, repr(value), message)
    assert checked > 100
