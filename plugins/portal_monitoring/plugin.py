"""portal_monitoring: the sector in numbers (/dane/sektor/).

Why our own plugin: the monitoring data are files of numbers (one per year), validated
against the region file, and drawn at build time as SVG charts and a tile-grid map of the
35 powiats with their data tables; nothing in pelican-plugins draws charts without a
script in the browser.

Handlers (wired by portal_site): ``get_generators`` adds MonitoringGenerator.
Declares the kind ``monitoring`` (content/monitoring/*.yaml); the rules of
``check_monitoring``: every powiat known and each once, all 35 given, social enterprises
not more than entities, the forms adding up to the powiats, one file per year.
Settings read: SECTOR_URL, OPEN_DATA_URL, DIRECTORY_URL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from portal_content.problems import Problem, display_path
from portal_content.validate import Kind, Record, Rules, rule
from portal_directory.region import load_region

from .schema import MonitoringMeta


def monitoring_facts(records: list[Record], settings: dict[str, Any]) -> Any:
    region, _ = load_region(Path(settings["PATH"]))
    years = Counter(r.meta.year for r in records if r.kind == "monitoring")
    first = {}
    for record in records:
        if record.kind == "monitoring":
            first.setdefault(record.meta.year, record)
    return {"region": region, "years": years, "first": first} if region is not None else None


@rule("monitoring")
def powiats_are_the_regions_each_once(record: Record, facts: Any) -> Iterator[Problem]:
    region = facts["region"]
    seen: dict[str, int] = {}
    for index, row in enumerate(record.meta.powiaty):
        powiat = region.powiat(row.powiat)
        if powiat is None:
            yield record.problem(
                ("powiaty", index, "powiat"),
                f"nieznany powiat „{row.powiat}”; {region.suggest_powiat(row.powiat)}",
            )
        elif powiat.slug in seen:
            yield record.problem(
                ("powiaty", index, "powiat"),
                f"powiat {powiat.name} jest już wyżej (pozycja {seen[powiat.slug] + 1}); każdy powiat podaj raz",
            )
        else:
            seen[powiat.slug] = index
        if row.social_enterprises > row.es_entities:
            yield record.problem(
                ("powiaty", index, "social_enterprises"),
                f"przedsiębiorstw społecznych ({row.social_enterprises}) jest więcej niż podmiotów ({row.es_entities}); "
                "przedsiębiorstwo społeczne jest też podmiotem ekonomii społecznej – popraw jedną z liczb",
            )
    missing = [p.name for p in region.powiaty if p.slug not in seen]
    unknown = any(region.powiat(row.powiat) is None for row in record.meta.powiaty)
    if missing and not unknown:  # a misspelt name is reported as such, not as a gap
        yield record.problem(
            ("powiaty",), "brakuje powiatów: " + ", ".join(missing) + "; dopisz ich dane (także zera)"
        )


@rule("monitoring")
def forms_add_up_to_the_powiats(record: Record, facts: Any) -> Iterator[Problem]:
    forms = sum(record.meta.by_form.values())
    powiats = sum(row.es_entities for row in record.meta.powiaty)
    if forms != powiats:
        yield record.problem(
            ("by_form",),
            f"suma podmiotów według form ({forms}) nie równa się sumie podmiotów w powiatach ({powiats}); "
            "popraw liczby tak, by obie sumy się zgadzały",
        )


@rule("monitoring")
def one_file_a_year(record: Record, facts: Any) -> Iterator[Problem]:
    first = facts["first"][record.meta.year]
    if first is not record:
        yield record.problem(
            ("year",),
            f"dane za rok {record.meta.year} są już w {display_path(first.path)}; jeden plik na rok",
        )


check_monitoring = Rules(
    monitoring_facts, (powiats_are_the_regions_each_once, forms_add_up_to_the_powiats, one_file_a_year)
)


def get_generators(pelican):
    from .generator import MonitoringGenerator

    return MonitoringGenerator


KINDS = [Kind("monitoring", "monitoring", MonitoringMeta, "monitoring", suffix=".yaml")]
CHECKERS = [check_monitoring]
