"""Make the sample monitoring data (content/monitoring/<rok>.yaml): three years for all 35
powiats, invented but plausible (city powiats and large ones have more, every year grows a
little), marked `sample: true`. Run once by a developer; the output is committed."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
YEARS = (2023, 2024, 2025)
# share of the region's entities by legal form (the forms of portal_directory.vocabulary)
FORMS = {
    "stowarzyszenie": 0.38,
    "fundacja": 0.22,
    "spoldzielnia-socjalna": 0.07,
    "kgw": 0.12,
    "spoldzielnia-pracy": 0.03,
    "spolka-non-profit": 0.03,
    "cis": 0.02,
    "kis": 0.03,
    "wtz": 0.05,
    "zaz": 0.01,
    "spoldzielnia-inwalidow": 0.02,
    "spoldzielnia-niewidomych": 0.01,
    "koscielna-osoba-prawna": 0.01,
}
BIG = {
    "Poznań": 6.0,
    "poznański": 2.6,
    "Kalisz": 1.8,
    "Konin": 1.4,
    "Leszno": 1.2,
    "ostrowski": 1.5,
    "gnieźnieński": 1.4,
    "pilski": 1.3,
}


def main() -> int:
    region = yaml.safe_load((ROOT / "content" / "region" / "wielkopolska.yaml").read_text(encoding="utf-8"))
    rng = random.Random(35)  # noqa: S311 - sample numbers, not security
    base = {p["name"]: rng.randint(38, 70) * BIG.get(p["name"], 1.0) for p in region["powiaty"]}
    folder = ROOT / "content" / "monitoring"
    folder.mkdir(exist_ok=True)
    for step, year in enumerate(YEARS):
        rows = []
        for powiat in region["powiaty"]:
            entities = round(base[powiat["name"]] * (1 + 0.04 * step) + rng.randint(-2, 3))
            rows.append(
                {
                    "powiat": powiat["name"],
                    "es_entities": entities,
                    "social_enterprises": max(
                        0, round(entities * (0.06 + 0.015 * step)) + rng.randint(-1, 1)
                    ),
                    "jobs": round(entities * rng.uniform(1.6, 2.6)),
                    "supported": round(entities * rng.uniform(0.5, 1.1)),
                }
            )
        total = sum(r["es_entities"] for r in rows)
        by_form = {form: int(total * share) for form, share in FORMS.items()}
        by_form["stowarzyszenie"] += total - sum(by_form.values())
        data = {
            "year": year,
            "as_of": f"{year}-12-31",
            "source": "Regionalny monitoring ekonomii społecznej prowadzony przez ROPS w Poznaniu z ośrodkami wsparcia (dane przykładowe, zmyślone).",
            "definition": "Podmioty ekonomii społecznej w rozumieniu art. 2 pkt 5 ustawy o ekonomii społecznej, wpisane do rejestrów i prowadzące działalność; przedsiębiorstwa społeczne ze statusem nadanym decyzją wojewody; miejsca pracy osób zagrożonych wykluczeniem społecznym w tych podmiotach; osoby i podmioty, którym OWES udzieliły wsparcia w roku.",
            "by_form": by_form,
            "powiaty": rows,
            "sample": True,
        }
        header = f"# Monitoring ekonomii społecznej w Wielkopolsce, rok {year} (dane przykładowe).\n"
        (folder / f"{year}.yaml").write_text(
            header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8"
        )
    print(f"{len(YEARS)} lata danych w {folder.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
