"""portal_procurement: what public buyers need.

- CPV codes on the entities' offers: the data file content/zamowienia/cpv.yaml (the
  vocabulary the portal knows, read and validated by cpv.py) and the rule of
  ``check_procurement``: every code an entity's offer names is in it (its form and check
  digit are checked by the schema's ``CpvCode``). The directory (portal_directory) lists
  suppliers by code through ``cpv.load_vocabulary``.
- What the law lets a buyer do with a supplier (facts.py), shown on profiles and in the
  shortlist files (shortlist.py, written by the directory).
- The buyers' guide: the data file content/zamowienia/dla-zamawiajacych.yaml (guide.py,
  checked here too: its examples name existing profiles) and its page and clause
  documents (generator.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portal_content.problems import Problem, display_path
from portal_content.validate import Record, Rules, rule
from portal_directory.schema import tel_href

from . import shortlist
from .cpv import VOCABULARY_FILE, Vocabulary, load_vocabulary
from .facts import PS_REGISTER_NAME, PS_REGISTER_URL
from .guide import GUIDE_FILE, load_guide, paragraphs


@dataclass
class ProcurementFacts:
    vocabulary: Vocabulary | None
    problems: list[Problem]  # of the vocabulary and guide files themselves, reported first
    shown: str  # the vocabulary file's path as the editor knows it

    def __bool__(self) -> bool:
        return self.vocabulary is not None


def procurement_facts(records: list[Record], settings: dict[str, Any]) -> ProcurementFacts:
    root = Path(settings["PATH"])
    vocabulary, problems = load_vocabulary(root)
    entities = {record.slug for record in records if record.kind == "entity"}
    _, guide_problems = load_guide(root, entities)
    return ProcurementFacts(vocabulary, problems + guide_problems, display_path(root / VOCABULARY_FILE))


@rule("entity")
def offer_codes_are_known(record: Record, facts: ProcurementFacts) -> Iterator[Problem]:
    vocabulary = facts.vocabulary
    assert vocabulary is not None
    for index, code in enumerate(record.meta.offer.cpv):
        if vocabulary.get(code) is None:
            yield record.problem(
                ("offer", "cpv", index),
                f"kodu CPV {code} nie ma w słowniku portalu ({facts.shown}); {vocabulary.suggest(code)}"
                "jeśli kod jest właściwy, dopisz go do słownika z jego polską nazwą z rozporządzenia",
            )


check_procurement = Rules(procurement_facts, (offer_codes_are_known,))


def setup(pelican) -> None:
    settings = pelican.settings
    settings.setdefault("JINJA_GLOBALS", {}).update(
        PS_REGISTER_URL=PS_REGISTER_URL,
        PS_REGISTER_NAME=PS_REGISTER_NAME,
        tel_href=tel_href,
        shortlist_notes=shortlist.notes,
        guide_paragraphs=paragraphs,
    )


DATA_FILES = [("PATH", VOCABULARY_FILE.as_posix()), ("PATH", GUIDE_FILE.as_posix())]
CHECKERS = [check_procurement]
