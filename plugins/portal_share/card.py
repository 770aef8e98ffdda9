"""The 1200×630 share image of a page that has no photo of its own, drawn with Pillow.

The picture is a plain card in the portal's colours: the section name, the page title in
large type (shrunk and wrapped to fit at most four lines), a rule in the accent colour and
the portal's name and address at the bottom. Text is set in DejaVu Sans, shipped in
``fonts/`` (its licence is beside it), so Polish letters render the same on every machine.
"""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from portal_core.atomic import write_atomic

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).resolve().parent / "fonts"
BOLD = FONTS / "DejaVuSans-Bold.ttf"
REGULAR = FONTS / "DejaVuSans.ttf"
# the portal's tokens (theme/static/css/portal.css)
PRIMARY = (11, 74, 111)
PRIMARY_DARK = (7, 50, 75)
ACCENT = (255, 191, 71)
ON_PRIMARY = (255, 255, 255)
MARGIN = 80
TITLE_SIZES = (68, 60, 52, 46, 40)
MAX_LINES = 4
# bump when the drawing changes so cached cards are drawn again
VERSION = "2"  # how cards are drawn and saved; a new version draws every card again


@dataclass(frozen=True)
class Card:
    title: str
    section: str
    site_name: str
    site_host: str

    @property
    def key(self) -> str:
        text = "\x1f".join((VERSION, self.title, self.section, self.site_name, self.site_host))
        return hashlib.sha256(text.encode("utf-8") + _fonts_digest()).hexdigest()[:16]


@functools.cache
def _fonts_digest() -> bytes:
    """The fonts take part in every card's key (read once per process: 1.4 MB)."""
    return b"".join(hashlib.sha256(path.read_bytes()).digest() for path in (BOLD, REGULAR))


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _fit_title(draw: ImageDraw.ImageDraw, title: str, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which the title fits in MAX_LINES; cut with an ellipsis if none does."""
    for size in TITLE_SIZES:
        font = ImageFont.truetype(str(BOLD), size)
        lines = _wrap(draw, title, font, width)
        if len(lines) <= MAX_LINES and all(draw.textlength(line, font=font) <= width for line in lines):
            return font, lines
    lines = lines[:MAX_LINES]
    while lines[-1] and draw.textlength(lines[-1] + "…", font=font) > width:
        lines[-1] = lines[-1][:-1]
    lines[-1] = lines[-1].rstrip() + "…"
    return font, lines


def draw(card: Card) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), PRIMARY)
    canvas = ImageDraw.Draw(image)
    canvas.rectangle((0, HEIGHT - 120, WIDTH, HEIGHT), fill=PRIMARY_DARK)
    canvas.rectangle((0, 0, 24, HEIGHT), fill=ACCENT)
    label = ImageFont.truetype(str(BOLD), 30)
    canvas.text((MARGIN, 70), card.section.upper(), font=label, fill=ACCENT)
    font, lines = _fit_title(canvas, card.title, WIDTH - 2 * MARGIN)
    line_height = int(font.size * 1.2)
    top = 135 + max(0, (MAX_LINES - len(lines)) * line_height // 2 - 20)
    for number, line in enumerate(lines):
        canvas.text((MARGIN, top + number * line_height), line, font=font, fill=ON_PRIMARY)
    footer = ImageFont.truetype(str(REGULAR), 30)
    canvas.text((MARGIN, HEIGHT - 78), card.site_name, font=footer, fill=ON_PRIMARY)
    host_width = canvas.textlength(card.site_host, font=footer)
    canvas.text((WIDTH - MARGIN - host_width, HEIGHT - 78), card.site_host, font=footer, fill=ACCENT)
    return image


def render(card: Card, target: Path) -> None:
    """Draw ``card`` into ``target`` (PNG), written atomically: render workers and the next
    build may draw or read the same card at once."""
    # 32 colours keep the anti-aliased text smooth at a third of the RGB file's size. Fast
    # octree and zlib level 6: 22 ms a card instead of 105 (median cut, level 9) for about
    # 2 KB more - a large portal draws thousands of cards on its first build.
    png = io.BytesIO()
    draw(card).quantize(colors=32, method=Image.Quantize.FASTOCTREE).save(png, format="PNG", compress_level=6)
    write_atomic(target, png.getvalue())
