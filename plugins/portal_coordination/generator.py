"""CoordinationGenerator: /koordynacja/ (the committee, the working groups, the OWES
network, the programme and the assessments) and a page per body."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator
from portal_content.model import Item
from portal_content.relations import Backref
from portal_content.validate import records_of

from .schema import BODY_KINDS, BodyMeta


class Body(Item):
    """The Regional Committee or a working group; URL from BODY_URL."""

    KIND = "body"
    URL_SETTING = "BODY_URL"
    template = "body"
    RELATIONS = {
        "meetings": Backref("event", "group", order=lambda event: event.start),
        "outputs": Backref("publication", "group", order=lambda p: (p.meta.date, p.slug)),
    }

    meta: BodyMeta

    @property
    def title(self) -> str:
        return self.meta.name

    @property
    def kind_label(self) -> str:
        return BODY_KINDS[self.meta.kind]


class CoordinationGenerator(Generator):
    def generate_context(self) -> None:
        bodies = [Body.from_record(r, self.settings) for r in records_of(self.settings, "body")]
        self.bodies = sorted(bodies, key=lambda b: (b.meta.kind != "komitet", b.meta.order, b.meta.name))
        self.url = self.settings["COORDINATION_URL"]
        self.context["coordination"] = self if self.bodies else None

    def content_items(self) -> dict[str, list]:
        return {"body": self.bodies}

    @property
    def committee(self) -> Body | None:
        return next((b for b in self.bodies if b.meta.kind == "komitet"), None)

    @property
    def groups(self) -> list[Body]:
        return [b for b in self.bodies if b.meta.kind == "grupa-robocza"]

    def programme(self, publications: Any) -> list[Any]:
        """The regional programme and the committee's resolutions (its assessments among them)."""
        if publications is None:
            return []
        return [
            p
            for p in publications.publications
            if p.meta.type == "program"
            or (p.meta.type == "uchwala" and self.committee and p.meta.group == self.committee.slug)
        ]

    def generate_output(self, writer) -> None:
        if not self.bodies:
            return
        writer.write_file(self.url + "index.html", self.get_template("coordination"), self.context)
        for body in self.bodies:
            writer.write_file(body.save_as, self.get_template("body"), self.context, body=body)
