"""FilmGenerator: the film library and one page per film (player, description, transcript)."""

from __future__ import annotations

import shutil
from pathlib import Path

from pelican.generators import Generator

from . import plugin_state


class FilmGenerator(Generator):
    def generate_context(self) -> None:
        self.films = plugin_state.films(self.settings)
        self.context["films"] = self

    def content_items(self) -> dict[str, list]:
        """The items this generator made, by kind (portal_content.relations links them)."""
        return {"film": self.films}

    @property
    def all(self):
        return self.films

    @property
    def tags(self) -> list[tuple[str, str]]:
        found = {}
        for film in self.films:
            for tag, slug in zip(film.meta.tags, film.tag_slugs, strict=True):
                found.setdefault(slug, tag)
        return sorted(found.items(), key=lambda pair: pair[1])

    @property
    def with_pjm(self):
        """The films whoever reads Polish Sign Language can follow (signed or with a PJM
        version): /filmy/pjm/, the library's filter without JavaScript."""
        return [film for film in self.films if film.has_pjm]

    @property
    def pjm_url(self) -> str:
        return self.settings["FILMS_URL"] + "pjm/"

    def generate_output(self, writer) -> None:
        base = self.settings["FILMS_URL"]
        writer.write_file(base + "index.html", self.get_template("films"), self.context, url=base)
        writer.write_file(
            self.pjm_url + "index.html", self.get_template("films_pjm"), self.context, url=self.pjm_url
        )
        for film in self.films:
            writer.write_file(film.save_as, self.get_template("film"), self.context, film=film, url=film.url)
        media = Path(self.output_path) / self.settings["FILM_MEDIA_URL"]
        for film in self.films:
            if film.meta.provider == "local":
                media.mkdir(parents=True, exist_ok=True)
                for relative in (film.meta.file, film.meta.captions):
                    shutil.copyfile(Path(self.settings["PATH"]) / relative, media / Path(relative).name)
