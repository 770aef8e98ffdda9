"""Schema of a coordinating body: content/koordynacja/<adres>.md - the Regional Committee for
the social economy or a working group. The text below the header describes its role.
Members are institutions and the roles of their representatives, never private data."""

from __future__ import annotations

from portal_content.schema import Line, Slug, Strict, Text, choice
from pydantic import Field

BODY_KINDS = {"komitet": "komitet", "grupa-robocza": "grupa robocza"}
BodyKind = choice(BODY_KINDS, "rodzaj ciała", show_labels=True)


class Member(Strict):
    institution: Line = Field(
        description="Instytucja lub organizacja.",
        examples=["Regionalny Ośrodek Polityki Społecznej w Poznaniu"],
    )
    role: Line = Field(
        description="Rola jej przedstawiciela (bez imion i nazwisk).", examples=["przewodniczący"]
    )


class BodyMeta(Strict):
    """The Regional Committee or a working group: content/koordynacja/<adres>.md"""

    name: Line = Field(description="Nazwa.", max_length=160, examples=["Grupa robocza ds. promocji"])
    slug: Slug | None = Field(None, description="Adres w URL; domyślnie nazwa pliku.")
    kind: BodyKind = Field(description="Rodzaj: komitet albo grupa-robocza.", examples=["grupa-robocza"])
    purpose: Text = Field(description="Cel w 1–2 zdaniach (na listę).", max_length=400)
    chair: Line = Field(description="Kto przewodniczy (instytucja).", examples=["ROPS w Poznaniu"])
    members: list[Member] = Field(min_length=1, description="Członkowie: instytucje i role.")
    order: int = Field(0, description="Kolejność na liście (mniejsza wyżej).", ge=0, le=99)
    sample: bool = Field(False, description="true: dane przykładowe (zmyślone).")
