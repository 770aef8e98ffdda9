"""BuyersGenerator: the page /dla-zamawiajacych/ and its clause files (ODT and DOCX).

Why a generator of our own: the page is made from a validated data file
(content/zamowienia/dla-zamawiajacych.yaml, guide.py), not from Markdown, and its
downloads are documents written at build time; no pelican-plugin does either."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from pelican.generators import Generator
from portal_core.address import site_address

from . import guide as guide_module


class BuyersGenerator(Generator):
    def generate_context(self) -> None:
        guide, problems = guide_module.load_guide(Path(self.path), None)
        assert not problems  # validated before any generator runs
        self.guide = guide
        self.url = self.settings["BUYERS_URL"]
        self.context["buyers"] = self if guide else None

    def file(self, clause: guide_module.Clause | None, extension: str) -> str:
        """A clause's download (None: all clauses in one document), under BUYERS_URL."""
        name = clause.slug if clause else "klauzule-spoleczne"
        return f"{self.url}klauzule/{name}.{extension}"

    def basis(self, slug: str) -> guide_module.LegalBasis:
        return next(b for b in self.guide.bases if b.slug == slug)

    def generate_output(self, writer) -> None:
        if self.guide is None:
            return
        site = site_address(self.settings)
        page = f"{site}/{self.url}"
        folder = Path(self.output_path) / self.url / "klauzule"
        folder.mkdir(parents=True, exist_ok=True)
        everything = (None, self.guide.clauses, "Wzory klauzul społecznych w zamówieniach publicznych")
        out = Path(self.output_path)
        single = "Wzór klauzuli społecznej w zamówieniu publicznym"
        for clause, clauses, title in [*((c, [c], single) for c in self.guide.clauses), everything]:
            for extension in ("odt", "docx"):
                (out / self.file(clause, extension)).write_bytes(
                    _document(
                        extension,
                        self.guide.model_dump_json(),
                        tuple(c.slug for c in clauses),
                        title,
                        page,
                        self.settings["BUILD_DATE"],
                    )
                )
        writer.write_file(self.url + "index.html", self.get_template("buyers"), self.context, url=self.url)


@functools.lru_cache(maxsize=64)
def _document(
    extension: str, guide_json: str, slugs: tuple[str, ...], title: str, page: str, day: dt.date
) -> bytes:
    """A clause document; the devserver rebuilds in one process, so one whose guide did not
    change is taken from the last build (python-docx takes about 50 ms a file)."""
    guide = guide_module.GuideFile.model_validate_json(guide_json)
    clauses = [c for c in guide.clauses if c.slug in slugs]
    make = guide_module.to_odt if extension == "odt" else guide_module.to_docx
    return make(guide, clauses, title, page, day)


def get_generators(pelican):
    return BuyersGenerator
