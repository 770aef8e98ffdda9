"""Films: provider ids, durations, the [film: ...] Markdown extension."""

import pytest
from markdown import Markdown
from portal_content.problems import translate
from portal_films.embed import FilmExtension, embeds_in
from portal_films.model import duration_clock, duration_words
from portal_films.schema import FilmMeta, provider_problems
from pydantic import ValidationError

BASE = {
    "title": "Film",
    "description": "Opis.",
    "provider": "youtube",
    "video_id": "dQw4w9WgXcQ",
    "duration": "3:25",
    "published": "2026-01-01",
    "poster": {"src": "images/a.jpg", "alt": "Kadr"},
    "captions": True,
}


@pytest.mark.parametrize(
    "text,seconds",
    [("3:25", 205), ("1:02:03", 3723), ("0:06", 6), ("PT3M25S", 205), ("PT1H", 3600), (90, 90)],
)
def test_durations(text, seconds):
    assert FilmMeta.model_validate({**BASE, "duration": text}).duration == seconds


@pytest.mark.parametrize("text", ["3:75", "trzy minuty", "0:00", "", "PT", -5, True])
def test_bad_durations(text):
    with pytest.raises(ValidationError) as error:
        FilmMeta.model_validate({**BASE, "duration": text})
    assert "to nie jest czas trwania" in translate(FilmMeta, error.value.errors()[0])


def test_duration_words():
    assert duration_words(205) == "3 min 25 s"
    assert duration_words(3723) == "1 godz. 2 min 3 s"
    assert duration_clock(3723) == "1:02:03" and duration_clock(6) == "0:06"


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"video_id": "dQw4w9WgXc"}, "video_id"),  # 10 characters
        ({"video_id": "dQw4w9WgXc\u00f3"}, "video_id"),
        ({"video_id": 'x" onload="a'}, "video_id"),  # nothing else can reach an iframe URL
        ({"provider": "vimeo", "video_id": "12ab5678"}, "video_id"),
        ({"video_id": None}, "video_id"),
        ({"poster": None}, "poster"),
        ({"captions": "filmy/pliki/napisy.vtt"}, "captions"),
        ({"provider": "local", "video_id": None, "file": None, "captions": "filmy/pliki/a.vtt"}, "file"),
        ({"provider": "local", "video_id": None, "file": "filmy/pliki/a.webm", "captions": True}, "captions"),
    ],
)
def test_provider_rules(changes, field):
    meta = FilmMeta.model_validate({**BASE, **changes})
    assert field in [f for f, _ in provider_problems(meta)]


def test_valid_ids():
    assert provider_problems(FilmMeta.model_validate(BASE)) == []
    assert (
        provider_problems(FilmMeta.model_validate({**BASE, "provider": "vimeo", "video_id": "76979871"}))
        == []
    )


def test_unknown_provider():
    with pytest.raises(ValidationError) as error:
        FilmMeta.model_validate({**BASE, "provider": "tiktok"})
    assert (
        translate(FilmMeta, error.value.errors()[0])
        == "niedozwolona wartość „tiktok”; wpisz jedną z: youtube, vimeo, local"
    )


def test_embed_lines_are_found_with_their_line():
    text = (
        "Akapit.\n\n[film: gala-2025]\n\nW tekście [film: nie-to] nie jest osadzeniem.\n  [film:  drugi ]\n"
    )
    assert embeds_in(text) == [(2, "gala-2025"), (5, "drugi")]


def test_extension_renders_the_player_for_a_line_of_its_own():
    rendered = Markdown(
        extensions=[
            FilmExtension(lambda slug: f'<figure data-film="{slug}"></figure>' if slug == "gala" else None)
        ]
    )
    html = rendered.convert("Przed.\n\n[film: gala]\n\nPo [film: gala] w zdaniu.")
    assert '<figure data-film="gala"></figure>' in html
    assert "<p>Po [film: gala] w zdaniu.</p>" in html
    assert "<p>Przed.</p>" in html
    unknown = Markdown(extensions=[FilmExtension(lambda slug: None)]).convert("[film: brak]")
    assert unknown == "<p>[film: brak]</p>"
