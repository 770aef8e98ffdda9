"""The films of the current build, read from content/filmy/ (validated records).

Film objects (with their transcript rendered) are built once per record, in the content
store: each embed in each page does not render every transcript again, and the devserver
still sees edited films (an edited file is a new record).
"""

from __future__ import annotations

from typing import Any

from portal_content.store import store
from portal_content.validate import records_of

from .model import Film


def films(settings: dict[str, Any]) -> list[Film]:
    found = [
        store.built(record, "film", lambda record=record: Film.from_record(record, settings))
        for record in records_of(settings, "film")
    ]
    return sorted(found, key=lambda f: (f.meta.published, f.slug), reverse=True)


def by_slug(settings: dict[str, Any]) -> dict[str, Film]:
    return {film.slug: film for film in films(settings)}
