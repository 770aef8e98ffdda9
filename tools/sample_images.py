"""Draw the sample photos of the demo content (deterministic; no network, Pillow only).

The images are illustrations of the scenes their alt texts describe, drawn with simple
shapes, light, blur and grain so they behave like photos in the image pipeline (size,
colour, compression). They are sample data: replace them with real photos.

    python tools/sample_images.py aktualnosci   # or: podmioty
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

W, H = 1800, 1200


def gradient(top, bottom, size=(W, H)):
    w, h = size
    base = Image.new("RGB", (1, h))
    for y in range(h):
        t = y / (h - 1)
        base.putpixel((0, y), tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    return base.resize(size)


def finish(img: Image.Image, rng: random.Random) -> Image.Image:
    img = img.filter(ImageFilter.GaussianBlur(1.4))
    noise = Image.effect_noise((W // 2, H // 2), 24).resize((W, H)).convert("RGB")
    img = ImageChops.overlay(img, Image.blend(noise, Image.new("RGB", (W, H), (128, 128, 128)), 0.75))
    vignette = Image.new("L", (W, H), 0)
    ImageDraw.Draw(vignette).ellipse((-W * 0.25, -H * 0.3, W * 1.25, H * 1.3), fill=255)
    vignette = vignette.filter(ImageFilter.GaussianBlur(180))
    return Image.composite(img, Image.new("RGB", (W, H), (20, 18, 16)), vignette)


def room(rng, wall=(214, 206, 190), floor=(150, 120, 92), screen=True, chairs=True):
    img = gradient(wall, tuple(c - 30 for c in wall))
    d = ImageDraw.Draw(img)
    d.polygon([(0, H * 0.62), (W, H * 0.62), (W, H), (0, H)], fill=floor)
    if screen:
        d.rectangle(
            (W * 0.3, H * 0.12, W * 0.7, H * 0.45), fill=(245, 247, 250), outline=(60, 60, 60), width=6
        )
        for i in range(6):
            h = rng.randint(40, 220)
            x = W * 0.36 + i * 90
            d.rectangle(
                (x, H * 0.42 - h, x + 60, H * 0.42),
                fill=[(11, 74, 111), (29, 107, 58), (200, 120, 30)][i % 3],
            )
    if chairs:
        for row in range(4):
            y = H * 0.68 + row * 110
            scale = 1 + row * 0.25
            for col in range(9):
                x = W * 0.08 + col * W * 0.1 + (row % 2) * 30
                d.rounded_rectangle(
                    (x, y - 70 * scale, x + 90 * scale, y + 20 * scale), 12, fill=(40, 60, 90)
                )
    return img


def table_scene(rng):
    img = room(rng, wall=(225, 222, 214), floor=(120, 96, 70), screen=False, chairs=False)
    d = ImageDraw.Draw(img)
    d.ellipse((W * 0.1, H * 0.55, W * 0.9, H * 1.05), fill=(110, 78, 52))
    for i in range(12):
        x = W * 0.15 + i * 115
        d.rounded_rectangle((x, H * 0.5, x + 80, H * 0.62), 10, fill=(35, 45, 60))
    for i in range(7):
        x = W * 0.22 + i * 170
        d.rectangle((x, H * 0.7, x + 26, H * 0.82), fill=(170, 210, 235))
        d.rectangle((x + 40, H * 0.74, x + 140, H * 0.8), fill=(240, 240, 235))
    return img


def stage(rng):
    img = gradient((18, 16, 40), (40, 20, 30))
    light = Image.new("L", (W, H), 0)
    dl = ImageDraw.Draw(light)
    for x in (W * 0.25, W * 0.5, W * 0.75):
        dl.polygon([(x - 40, 0), (x + 40, 0), (x + 320, H * 0.78), (x - 320, H * 0.78)], fill=110)
    light = light.filter(ImageFilter.GaussianBlur(50))
    img = Image.composite(Image.new("RGB", (W, H), (255, 236, 190)), img, light)
    d = ImageDraw.Draw(img)
    d.rectangle((0, H * 0.78, W, H), fill=(60, 30, 30))
    d.rectangle((W * 0.42, H * 0.5, W * 0.52, H * 0.8), fill=(80, 50, 35))
    d.rectangle((W * 0.6, H * 0.64, W * 0.85, H * 0.8), fill=(230, 230, 230))
    for i in range(8):
        d.rectangle((W * 0.62 + i * 50, H * 0.6, W * 0.62 + i * 50 + 36, H * 0.64), fill=(250, 245, 225))
    return img


def market(rng, indoor=False):
    img = (
        gradient((120, 170, 220), (220, 230, 240)) if not indoor else gradient((90, 90, 100), (190, 190, 195))
    )
    d = ImageDraw.Draw(img)
    d.rectangle((0, H * 0.7, W, H), fill=(170, 160, 150) if not indoor else (120, 120, 125))
    if not indoor:
        for i in range(7):
            x = i * 270
            d.rectangle(
                (x, H * 0.18, x + 250, H * 0.55),
                fill=[(210, 190, 150), (190, 140, 110), (230, 210, 170)][i % 3],
            )
            for k in range(3):
                d.rectangle((x + 30 + k * 75, H * 0.25, x + 70 + k * 75, H * 0.33), fill=(70, 90, 110))
    for i in range(6):
        x = 60 + i * 290
        top = H * (0.45 if not indoor else 0.35)
        d.polygon([(x, top + 80), (x + 125, top), (x + 250, top + 80)], fill=(250, 250, 250))
        d.rectangle(
            (x, top + 80, x + 250, top + 300),
            fill=(245, 245, 240) if not indoor else rng.choice([(11, 74, 111), (29, 107, 58), (180, 60, 50)]),
        )
        d.rectangle((x + 10, top + 230, x + 240, top + 300), fill=(140, 100, 70))
    for i in range(14):
        x = rng.randint(0, W)
        y = rng.randint(int(H * 0.72), int(H * 0.86))
        colour = rng.choice([(40, 40, 60), (120, 40, 40), (30, 80, 60), (200, 170, 60)])
        d.ellipse((x, y - 150, x + 50, y - 100), fill=(225, 190, 160))
        d.rounded_rectangle((x - 15, y - 100, x + 65, y + 60), 20, fill=colour)
    return img


def landscape(rng):
    img = gradient((150, 190, 230), (240, 220, 190))
    d = ImageDraw.Draw(img)
    d.ellipse((W * 0.7, H * 0.12, W * 0.78, H * 0.24), fill=(255, 245, 210))
    for band, colour in enumerate([(120, 150, 80), (170, 160, 70), (110, 140, 60), (190, 170, 90)]):
        top = H * (0.5 + band * 0.12)
        pts = (
            [(0, H)] + [(x, top + 25 * ((x * (band + 3)) % 7) / 7) for x in range(0, W + 100, 100)] + [(W, H)]
        )
        d.polygon(pts, fill=colour)
    for i in range(9):
        x = rng.randint(0, W)
        d.ellipse((x, H * 0.38, x + 120, H * 0.55), fill=(50, 90, 50))
        d.rectangle((x + 52, H * 0.52, x + 68, H * 0.58), fill=(80, 60, 40))
    for i in range(3):
        x = W * (0.15 + i * 0.08)
        d.rectangle((x, H * 0.47, x + 110, H * 0.55), fill=(230, 225, 215))
        d.polygon([(x - 10, H * 0.47), (x + 55, H * 0.42), (x + 120, H * 0.47)], fill=(150, 60, 50))
    return img


def desk(rng, kind="papers"):
    img = gradient((160, 120, 85), (130, 95, 65))
    d = ImageDraw.Draw(img)
    for y in range(0, H, 60):
        d.line((0, y + rng.randint(-5, 5), W, y + rng.randint(-5, 5)), fill=(140, 104, 72), width=3)
    if kind == "papers":
        for i in range(5):
            x, y = rng.randint(100, 1100), rng.randint(60, 600)
            d.rectangle((x, y, x + 520, y + 700), fill=(248, 247, 243), outline=(200, 200, 200))
            for k in range(14):
                d.line(
                    (x + 40, y + 60 + k * 40, x + 40 + rng.randint(250, 440), y + 60 + k * 40),
                    fill=(120, 120, 130),
                    width=6,
                )
        d.rectangle((1300, 700, 1600, 1100), fill=(60, 60, 65))
        d.line((900, 900, 1250, 700), fill=(20, 40, 120), width=16)
    elif kind == "charts":
        for i in range(2):
            x = 200 + i * 720
            d.rectangle((x, 120, x + 640, 1020), fill=(250, 250, 248))
            for k in range(6):
                h = rng.randint(120, 520)
                d.rectangle(
                    (x + 60 + k * 95, 820 - h, x + 120 + k * 95, 820),
                    fill=[(11, 74, 111), (29, 107, 58), (214, 140, 40)][k % 3],
                )
            d.line((x + 50, 820, x + 600, 820), fill=(60, 60, 60), width=4)
    elif kind == "map":
        d.rectangle((150, 80, 1650, 1120), fill=(238, 234, 222))
        d.polygon(
            [(420, 200), (900, 140), (1300, 300), (1400, 700), (1100, 1000), (600, 980), (350, 640)],
            fill=(205, 220, 190),
            outline=(90, 110, 80),
        )
        for x, y in [(800, 560), (1150, 520), (760, 280), (980, 860), (560, 800)]:
            d.ellipse((x - 22, y - 22, x + 22, y + 22), fill=(200, 40, 40))
    elif kind == "jar":
        d.rounded_rectangle(
            (650, 300, 1150, 1050), 60, fill=(200, 215, 220), outline=(240, 245, 245), width=10
        )
        for i in range(60):
            x, y = rng.randint(690, 1100), rng.randint(760, 1010)
            d.ellipse(
                (x, y, x + 60, y + 24), fill=rng.choice([(200, 170, 80), (180, 180, 175), (210, 150, 70)])
            )
        d.line((900, 760, 900, 420), fill=(60, 130, 50), width=14)
        d.ellipse((820, 360, 910, 440), fill=(80, 160, 60))
        d.ellipse((890, 330, 990, 420), fill=(90, 170, 70))
    return img


def shelves(rng):
    img = gradient((220, 210, 195), (190, 178, 160))
    d = ImageDraw.Draw(img)
    for row in range(3):
        y = 330 + row * 320
        d.rectangle((80, y, W - 80, y + 30), fill=(120, 85, 55))
        for i in range(11):
            x = 130 + i * 145
            if rng.random() < 0.5:
                d.rounded_rectangle((x, y - 150, x + 100, y), 14, fill=(190, 150, 120))
                d.arc((x + 85, y - 120, x + 135, y - 50), -90, 90, fill=(190, 150, 120), width=14)
            else:
                d.pieslice((x - 10, y - 120, x + 120, y + 20), 180, 360, fill=(175, 135, 105))
    return img


def board(rng):
    img = room(rng, wall=(200, 205, 210), floor=(110, 110, 115), screen=False, chairs=False)
    d = ImageDraw.Draw(img)
    d.rectangle((W * 0.12, H * 0.08, W * 0.88, H * 0.7), fill=(250, 250, 250), outline=(90, 90, 90), width=8)
    for col in range(5):
        for row in range(rng.randint(3, 5)):
            x = W * 0.16 + col * 260 + rng.randint(-10, 10)
            y = H * 0.14 + row * 150 + rng.randint(-8, 8)
            d.rectangle(
                (x, y, x + 170, y + 120),
                fill=[(255, 230, 90), (255, 170, 190), (150, 220, 255), (170, 240, 160), (255, 200, 120)][
                    col
                ],
            )
    return img


def kitchen(rng):
    img = gradient((225, 230, 232), (200, 205, 208))
    d = ImageDraw.Draw(img)
    for x in range(0, W, 90):
        d.line((x, 0, x, H * 0.5), fill=(210, 215, 218), width=3)
    d.rectangle((0, H * 0.55, W, H * 0.62), fill=(190, 195, 200))
    d.rectangle((0, H * 0.62, W, H), fill=(160, 165, 172))
    for i in range(4):
        x = 150 + i * 420
        d.rectangle((x, H * 0.38, x + 220, H * 0.55), fill=(120, 125, 130))
        d.ellipse((x - 10, H * 0.35, x + 230, H * 0.41), fill=(150, 155, 160))
    for i in range(20):
        x, y = rng.randint(100, 1700), rng.randint(int(H * 0.64), int(H * 0.9))
        d.ellipse(
            (x, y, x + 70, y + 60),
            fill=rng.choice([(220, 60, 40), (240, 140, 40), (90, 160, 60), (230, 210, 80)]),
        )
    return img


def street(rng):
    img = gradient((160, 190, 215), (215, 225, 232))
    d = ImageDraw.Draw(img)
    for i in range(8):
        x = i * 240
        h = rng.randint(350, 700)
        d.rectangle(
            (x, H * 0.75 - h, x + 230, H * 0.75),
            fill=rng.choice([(210, 180, 150), (190, 200, 205), (230, 215, 190), (170, 120, 100)]),
        )
        for r in range(h // 110):
            for c in range(3):
                d.rectangle(
                    (
                        x + 25 + c * 70,
                        H * 0.75 - h + 30 + r * 110,
                        x + 65 + c * 70,
                        H * 0.75 - h + 90 + r * 110,
                    ),
                    fill=(90, 110, 130),
                )
    d.rectangle((0, H * 0.75, W, H), fill=(110, 110, 115))
    d.rectangle((W * 0.35, H * 0.3, W * 0.62, H * 0.9), fill=(60, 65, 70))
    d.rectangle((W * 0.37, H * 0.33, W * 0.6, H * 0.8), fill=(11, 74, 111))
    d.rectangle((W * 0.39, H * 0.4, W * 0.58, H * 0.47), fill=(255, 255, 255))
    d.ellipse((W * 0.43, H * 0.52, W * 0.54, H * 0.72), fill=(240, 200, 70))
    return img


NEWS = {
    "konsultacje-sala": lambda r: room(r),
    "jarmark-stoiska": lambda r: market(r),
    "kuchnia-szkoleniowa": kitchen,
    "dokumenty-biurko": lambda r: desk(r, "papers"),
    "raport-wykresy": lambda r: desk(r, "charts"),
    "posiedzenie-stol": table_scene,
    "gala-scena": stage,
    "pracownia-ceramiki": shelves,
    "mapa-regionu": lambda r: desk(r, "map"),
    "warsztat-karteczki": board,
    "kampania-plakat": street,
    "wies-krajobraz": landscape,
    "szkolenie-sala": lambda r: room(r, wall=(230, 226, 215), screen=True, chairs=True),
    "skarbonka-monety": lambda r: desk(r, "jar"),
    "targi-hala": lambda r: market(r, indoor=True),
}


ENTITIES = {
    "pyrlandia-kuchnia": kitchen,
    "kasztany-pracownia": shelves,
    "szwalnia-stoisko": lambda r: market(r),
    "ogrod-oborniki": landscape,
    "papier-biurko": lambda r: desk(r, "papers"),
    "nadnotecka-ulica": street,
    "opiekunki-sala": lambda r: room(r, wall=(236, 226, 206)),
    "glina-pracownia": shelves,
}
# ---- product "studio" photos (catalogue/) ---------------------------------------------
PW, PH = 2000, 1500


def studio(rng, backdrop):
    img = gradient(backdrop, tuple(max(0, c - 45) for c in backdrop), (PW, PH))
    shadow = Image.new("L", (PW, PH), 0)
    ImageDraw.Draw(shadow).ellipse((PW * 0.22, PH * 0.78, PW * 0.78, PH * 0.92), fill=120)
    shadow = shadow.filter(ImageFilter.GaussianBlur(40))
    return Image.composite(Image.new("RGB", (PW, PH), (40, 36, 32)), img, shadow)


def _text(d, xy, text, size, fill):
    from PIL import ImageFont

    # DejaVu (Debian's fonts-dejavu-core) has the Polish letters; Pillow's built-in font does not
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    font = ImageFont.truetype(str(dejavu), size) if dejavu.is_file() else ImageFont.load_default(size=size)
    d.text(xy, text, font=font, fill=fill, anchor="mm")


def draw_product(kind, colour, label, rng, close=False):
    backdrop = rng.choice([(232, 226, 214), (214, 224, 230), (236, 232, 224), (222, 230, 218)])
    img = studio(rng, backdrop)
    d = ImageDraw.Draw(img)
    cx, cy = PW // 2, int(PH * 0.52)
    s = 1.35 if close else 1.0
    dark = tuple(max(0, c - 60) for c in colour)
    if kind == "brelok":
        d.ellipse((cx - 300 * s, cy - 200 * s, cx + 300 * s, cy + 230 * s), fill=colour)
        for _ in range(9):
            x, y = cx + rng.randint(-220, 220) * s, cy + rng.randint(-120, 150) * s
            d.ellipse((x, y, x + 26 * s, y + 18 * s), fill=dark)
        d.ellipse(
            (cx - 60 * s, cy - 420 * s, cx + 60 * s, cy - 180 * s), outline=(170, 170, 175), width=int(22 * s)
        )
    elif kind == "magnes":
        d.rounded_rectangle(
            (cx - 380 * s, cy - 260 * s, cx + 380 * s, cy + 260 * s),
            int(50 * s),
            fill=(250, 248, 240),
            outline=dark,
            width=10,
        )
        for dx in (-150, 150):
            x = cx + dx * s
            d.ellipse((x - 110 * s, cy - 40 * s, x + 110 * s, cy + 120 * s), fill=colour)
            d.polygon(
                [(x - 60 * s, cy - 40 * s), (x - 110 * s, cy - 170 * s), (x - 20 * s, cy - 60 * s)], fill=dark
            )
            d.polygon(
                [(x + 60 * s, cy - 40 * s), (x + 110 * s, cy - 170 * s), (x + 20 * s, cy - 60 * s)], fill=dark
            )
        _text(d, (cx, cy + 190 * s), label, int(70 * s), dark)
    elif kind == "fartuch":
        d.polygon(
            [
                (cx - 220 * s, cy - 480 * s),
                (cx + 220 * s, cy - 480 * s),
                (cx + 260 * s, cy - 180 * s),
                (cx + 420 * s, cy - 120 * s),
                (cx + 380 * s, cy + 560 * s),
                (cx - 380 * s, cy + 560 * s),
                (cx - 420 * s, cy - 120 * s),
                (cx - 260 * s, cy - 180 * s),
            ],
            fill=colour,
        )
        d.rectangle((cx - 200 * s, cy + 120 * s, cx + 200 * s, cy + 330 * s), outline=dark, width=8)
        _text(d, (cx, cy - 40 * s), label, int(150 * s), (250, 250, 245))
    elif kind == "torba":
        d.arc(
            (cx - 220 * s, cy - 620 * s, cx + 220 * s, cy - 120 * s), 180, 360, fill=dark, width=int(34 * s)
        )
        d.rectangle((cx - 400 * s, cy - 380 * s, cx + 400 * s, cy + 520 * s), fill=colour)
        if label == "baner":
            for i in range(6):
                y = cy - 380 * s + i * 150 * s
                d.rectangle(
                    (cx - 400 * s, y, cx + 400 * s, y + 70 * s),
                    fill=rng.choice([(230, 60, 50), (250, 200, 40), (30, 110, 190), (250, 250, 250)]),
                )
        else:
            _text(d, (cx, cy + 60 * s), label, int(120 * s), (250, 250, 245))
    elif kind == "notes":
        d.rounded_rectangle(
            (cx - 330 * s, cy - 460 * s, cx + 330 * s, cy + 460 * s), int(24 * s), fill=colour
        )
        d.rectangle((cx + 200 * s, cy - 460 * s, cx + 235 * s, cy + 460 * s), fill=dark)
        d.rectangle((cx - 230 * s, cy - 200 * s, cx + 130 * s, cy + 20 * s), fill=(245, 240, 228))
        _text(d, (cx - 50 * s, cy - 90 * s), label, int(80 * s), dark)
    elif kind == "kubek":
        d.arc(
            (cx + 180 * s, cy - 220 * s, cx + 460 * s, cy + 180 * s), -90, 90, fill=colour, width=int(70 * s)
        )
        d.rounded_rectangle(
            (cx - 300 * s, cy - 380 * s, cx + 300 * s, cy + 400 * s), int(40 * s), fill=colour
        )
        d.ellipse((cx - 300 * s, cy - 430 * s, cx + 300 * s, cy - 330 * s), fill=dark)
        _text(d, (cx, cy), label, int(110 * s), (250, 250, 245))
    elif kind == "misa":
        d.pieslice((cx - 520 * s, cy - 420 * s, cx + 520 * s, cy + 420 * s), 0, 180, fill=colour)
        d.ellipse((cx - 520 * s, cy - 90 * s, cx + 520 * s, cy + 90 * s), fill=dark)
    elif kind == "koszulka":
        d.polygon(
            [
                (cx - 250 * s, cy - 480 * s),
                (cx - 560 * s, cy - 300 * s),
                (cx - 440 * s, cy - 80 * s),
                (cx - 330 * s, cy - 150 * s),
                (cx - 330 * s, cy + 520 * s),
                (cx + 330 * s, cy + 520 * s),
                (cx + 330 * s, cy - 150 * s),
                (cx + 440 * s, cy - 80 * s),
                (cx + 560 * s, cy - 300 * s),
                (cx + 250 * s, cy - 480 * s),
                (cx + 120 * s, cy - 420 * s),
                (cx - 120 * s, cy - 420 * s),
            ],
            fill=colour,
        )
        _text(d, (cx, cy - 40 * s), label, int(110 * s), (250, 250, 245))
    elif kind == "zabawka":
        d.rounded_rectangle(
            (cx - 420 * s, cy - 150 * s, cx + 420 * s, cy + 180 * s), int(40 * s), fill=colour
        )
        d.rounded_rectangle(
            (cx - 200 * s, cy - 350 * s, cx + 180 * s, cy - 140 * s), int(30 * s), fill=colour
        )
        for dx in (-260, 260):
            d.ellipse((cx + dx * s - 120 * s, cy + 80 * s, cx + dx * s + 120 * s, cy + 320 * s), fill=dark)
    elif kind == "sloik":
        d.rounded_rectangle(
            (cx - 280 * s, cy - 360 * s, cx + 280 * s, cy + 460 * s), int(60 * s), fill=colour
        )
        d.rectangle((cx - 300 * s, cy - 470 * s, cx + 300 * s, cy - 350 * s), fill=(200, 40, 40))
        d.rectangle((cx - 220 * s, cy - 80 * s, cx + 220 * s, cy + 200 * s), fill=(245, 238, 220))
        _text(d, (cx, cy + 60 * s), label, int(70 * s), (90, 40, 30))
    return finish_product(img)


def finish_product(img):
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    noise = Image.effect_noise((PW // 2, PH // 2), 18).resize((PW, PH)).convert("RGB")
    return ImageChops.overlay(img, Image.blend(noise, Image.new("RGB", (PW, PH), (128, 128, 128)), 0.8))


FILMS = {
    "pyrlandia-kadr": kitchen,
    "gala-2025-kadr": stage,
    "glina-kadr": shelves,
    "ekonomia-kadr": landscape,
    "owes-kadr": lambda r: room(r, wall=(220, 214, 200)),
    "szwalnia-kadr": lambda r: market(r, indoor=True),
}
SETS = {"aktualnosci": (NEWS, 1000), "podmioty": (ENTITIES, 2000), "filmy": (FILMS, 4000)}


def catalogue_photos(specs: dict[str, tuple[str, tuple[int, int, int], str]]) -> None:
    """specs: product slug -> (kind, colour, label); writes <slug>-1.jpg and <slug>-2.jpg."""
    folder = Path(__file__).resolve().parent.parent / "catalogue"
    for index, (slug, (kind, colour, label)) in enumerate(sorted(specs.items())):
        for view in (1, 2):
            rng = random.Random(3000 + index * 10 + view)
            image = draw_product(kind, colour, label, rng, close=view == 2)
            image.save(folder / f"{slug}-{view}.jpg", "JPEG", quality=82, optimize=True, progressive=True)


def main(name: str) -> None:
    if name == "katalog":
        import yaml

        specs = yaml.safe_load(
            (Path(__file__).resolve().parent / "sample_catalogue_photos.yaml").read_text(encoding="utf-8")
        )
        catalogue_photos({slug: (v[0], tuple(v[1]), v[2]) for slug, v in specs.items()})
        return
    scenes, seed = SETS[name]
    folder = Path(__file__).resolve().parent.parent / "content" / "images" / name
    folder.mkdir(parents=True, exist_ok=True)
    for index, (name, draw) in enumerate(scenes.items()):
        rng = random.Random(seed + index)
        finish(draw(rng), rng).save(
            folder / f"{name}.jpg", "JPEG", quality=84, optimize=True, progressive=True
        )
        print(name)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "aktualnosci")
