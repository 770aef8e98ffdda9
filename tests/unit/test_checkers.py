"""portal_content.validate.Rules: a cross-file checker as a list of rules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from portal_content.frontmatter import parse_text
from portal_content.validate import Record, Rules, rule


def record(kind: str, slug: str, text: str = "title: x\nmaker: nikt") -> Record:
    doc = parse_text(f"---\n{text}\n---\nTreść\n")
    return Record(Path(f"content/{kind}/{slug}.md"), kind, doc.data, doc)  # meta: the plain mapping


@rule("product")
def maker_known(item: Record, facts) -> list:
    return [] if item.meta["maker"] in facts.makers else [item.problem(("maker",), "nieznany wytwórca")]


@rule()
def every_record(item: Record, facts) -> list:
    facts.seen.append(item.path.stem)
    return []


@dataclass
class Facts:
    makers: set
    seen: list
    problems: tuple = ()
    usable: bool = True

    def __bool__(self) -> bool:
        return self.usable


def test_each_rule_sees_the_records_of_its_kinds_and_problems_name_file_line_and_field():
    records = [record("product", "kubek"), record("entity", "pyra", "title: y\nmaker: pyra")]
    facts = Facts({"pyra"}, [])
    problems = list(Rules(lambda records, settings: facts, (maker_known, every_record))(records, {}))
    assert [(p.line, p.field, p.message) for p in problems] == [(3, "maker", "nieznany wytwórca")]
    assert problems[0].path.endswith("kubek.md")
    assert facts.seen == ["kubek", "pyra"]  # a rule without kinds sees every record


def test_facts_problems_come_first_and_false_facts_skip_the_rules():
    facts = Facts(set(), [], problems=("region",), usable=False)
    found = list(
        Rules(lambda records, settings: facts, (maker_known, every_record))([record("product", "a")], {})
    )
    assert found == ["region"] and facts.seen == []
