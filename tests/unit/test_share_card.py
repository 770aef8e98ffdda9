"""The generated share card: size, colours, Polish glyphs from the shipped font, fitting."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont
from portal_share.card import BOLD, HEIGHT, MAX_LINES, PRIMARY, WIDTH, Card, _fit_title, draw, render

POLISH = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ„”–"


def card(title: str = "Gala „Zakup Prospołeczny” 2025") -> Card:
    return Card(title, "Aktualności", "Ekonomia społeczna w Wielkopolsce", "wielkopolskaes.pl")


def test_card_is_1200_by_630_in_the_portal_colours(tmp_path):
    image = draw(card())
    assert image.size == (WIDTH, HEIGHT) == (1200, 630)
    assert image.getpixel((600, 20)) == PRIMARY
    target = tmp_path / "karta.png"
    render(card(), target)
    with Image.open(target) as saved:
        assert saved.format == "PNG" and saved.size == (1200, 630) and saved.mode == "P"
    assert target.stat().st_size < 40_000
    assert not list(tmp_path.glob("*.part"))


def test_shipped_font_has_every_polish_letter():
    font = ImageFont.truetype(str(BOLD), 60)

    def glyph(text: str) -> bytes:
        image = Image.new("L", (120, 120))
        ImageDraw.Draw(image).text((10, 10), text, font=font, fill=255)
        return image.tobytes()

    missing = glyph("\U0010fffd")  # an unassigned code point: the "missing" box
    for letter in POLISH:
        assert glyph(letter) != missing, letter
    # and the letters with diacritics do not fall back to their plain forms
    for plain, marked in zip("acelnoszzACELNOSZZ", POLISH, strict=False):
        assert glyph(plain) != glyph(marked), marked


def test_key_follows_what_is_drawn():
    assert card().key == card().key
    assert card().key != card("Gala „Zakup Prospołeczny” 2024").key
    assert card().key != Card(card().title, "Filmy", card().site_name, card().site_host).key


def test_long_titles_shrink_and_end_with_an_ellipsis():
    canvas = ImageDraw.Draw(Image.new("RGB", (WIDTH, HEIGHT)))
    short_font, short = _fit_title(canvas, "Kontakt", 1040)
    assert short == ["Kontakt"] and short_font.size == 68
    title = "Spółdzielnia socjalna " * 20
    font, lines = _fit_title(canvas, title.strip(), 1040)
    assert len(lines) == MAX_LINES and lines[-1].endswith("…")
    assert font.size == 40
    assert all(canvas.textlength(line, font=font) <= 1040 for line in lines)
