"""Schema of a year of monitoring data: content/monitoring/<rok>.yaml (one file per year or
survey): the region's entities by legal form, and per powiat the entities, social
enterprises, jobs and people supported by the support centres."""

from __future__ import annotations

from portal_content.schema import Day, Strict, Text
from portal_directory.schema import LegalForm
from pydantic import Field

# the measures of a powiat, as readers see them: (field, label, noun forms for 1/2-4/5+)
MEASURES = {
    "es_entities": ("Podmioty ekonomii społecznej", ("podmiot", "podmioty", "podmiotów")),
    "social_enterprises": (
        "Przedsiębiorstwa społeczne",
        ("przedsiębiorstwo", "przedsiębiorstwa", "przedsiębiorstw"),
    ),
    "jobs": (
        "Miejsca pracy osób zagrożonych wykluczeniem",
        ("miejsce pracy", "miejsca pracy", "miejsc pracy"),
    ),
    "supported": ("Osoby wsparte przez OWES", ("osoba", "osoby", "osób")),
}


# each measure's map page under SECTOR_URL (the entities' map is on the page itself)
MEASURE_SLUGS = {
    "es_entities": "podmioty",
    "social_enterprises": "przedsiebiorstwa-spoleczne",
    "jobs": "miejsca-pracy",
    "supported": "wsparcie-owes",
}


class PowiatFigures(Strict):
    powiat: Text = Field(description="Powiat (nazwa z pliku regionu).", examples=["złotowski"])
    es_entities: int = Field(ge=0, description="Liczba podmiotów ekonomii społecznej.", examples=[42])
    social_enterprises: int = Field(ge=0, description="Liczba przedsiębiorstw społecznych.", examples=[5])
    jobs: int = Field(ge=0, description="Miejsca pracy osób zagrożonych wykluczeniem w PES.", examples=[120])
    supported: int = Field(ge=0, description="Osoby i podmioty wsparte przez OWES w roku.", examples=[60])


class MonitoringMeta(Strict):
    """A year of monitoring: content/monitoring/<rok>.yaml"""

    year: int = Field(ge=2000, le=2100, description="Rok, którego dotyczą dane.", examples=[2025])
    as_of: Day = Field(description="Stan na dzień (RRRR-MM-DD).", examples=["2025-12-31"])
    source: Text = Field(
        description="Źródło: kto zebrał dane i jak.",
        examples=["Regionalny monitoring ekonomii społecznej ROPS"],
    )
    definition: Text = Field(description="Co jest liczone jako podmiot ekonomii społecznej.")
    by_form: dict[LegalForm, int] = Field(
        description="Podmioty w całym województwie według formy prawnej (kod formy: liczba).",
        examples=["\n  spoldzielnia-socjalna: 98"],
    )
    powiaty: list[PowiatFigures] = Field(min_length=1, description="Dane każdego z 35 powiatów.")
    sample: bool = Field(False, description="true: dane przykładowe (zmyślone).")
