"""A large portal for `make bench`, written with the real schemas into a folder: a decade of
a busy regional portal. Deterministic (seeded), no network.

    python benchmarks/generate.py OUT [--scale 1.0]

At scale 1: 4,000 news items (about 600 words of Polish text, a photo on one in five), 600
entities, 60 OWES-area information pages, 1,000 products with 3 photos each (2000×1500
JPEG), 15 certificate editions, 100 films, 500 events, 300 publications with a PDF each
(from a pool of PDF_POOL different files, half of them tagged), and the sample years of
monitoring data. Every file passes `make check`.

Photos: every photo is a file of its own, but they are drawn from a pool of PHOTO_POOL
different pictures. The image pipeline caches by the bytes of a photo, so a cold build
encodes each different picture once; encoding 3,900 different photos at about 1.4 photos a
second would take three quarters of an hour on two cores and measure nothing new (the
encoding rate is reported per photo). The "replace one product photo" step writes a new
picture that is not in the pool.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

import yaml
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
PHOTO_POOL = 24
COUNTS = {
    "news": 4000,
    "entities": 600,
    "pages": 60,
    "products": 1000,
    "editions": 15,
    "films": 100,
    "events": 500,
    "publications": 300,
}
PDF_POOL = 6  # different PDFs (half tagged) copied under each publication's own name
CATEGORIES = [
    "Koordynacja ES",
    "Promocja",
    "Reintegracja",
    "Animacja",
    "Edukacja",
    "Potencjał PES/PS",
    "Monitoring i ewaluacja",
]
PRODUCT_CATEGORIES = [
    "torby",
    "fartuchy",
    "breloki",
    "magnesy",
    "notesy",
    "ceramika",
    "tekstylia",
    "zabawki",
    "zywnosc",
]
EVENT_TYPES = ["spotkanie grupy roboczej", "szkolenie", "konferencja", "wizyta studyjna", "targi"]
WORDS = [
    "spółdzielnia",
    "socjalna",
    "zatrudnienie",
    "reintegracja",
    "wsparcie",
    "gmina",
    "powiat",
    "ośrodek",
    "szkolenie",
    "doradztwo",
    "dotacja",
    "przedsiębiorstwo",
    "społeczne",
    "uczestnik",
    "pracownia",
    "zakład",
    "aktywności",
    "zawodowej",
    "warsztat",
    "terapii",
    "zajęciowej",
    "centrum",
    "integracji",
    "klub",
    "wolontariusz",
    "stowarzyszenie",
    "fundacja",
    "koło",
    "gospodyń",
    "wiejskich",
    "catering",
    "usługi",
    "opiekuńcze",
    "sprzątanie",
    "zieleń",
    "rękodzieło",
    "ceramika",
    "szycie",
    "pierniki",
    "konferencja",
    "partnerstwo",
    "samorząd",
    "zamówienia",
    "publiczne",
    "klauzule",
    "społeczne",
    "certyfikat",
    "zakup",
    "prospołeczny",
    "jakość",
    "lokalny",
    "rynek",
    "mieszkańcy",
    "wykluczenie",
    "bezrobocie",
    "niepełnosprawność",
    "młodzież",
    "seniorzy",
    "rodzina",
    "edukacja",
    "promocja",
    "animacja",
    "ewaluacja",
]
TOWNS = [
    "Poznań",
    "Kalisz",
    "Konin",
    "Piła",
    "Leszno",
    "Gniezno",
    "Ostrów Wielkopolski",
    "Września",
    "Środa Wielkopolska",
    "Szamotuły",
    "Koło",
    "Turek",
    "Chodzież",
    "Złotów",
    "Kościan",
    "Rawicz",
    "Krotoszyn",
    "Jarocin",
    "Wągrowiec",
    "Oborniki",
]


def sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    return chosen[0].capitalize() + " " + " ".join(chosen[1:]) + "."


def paragraph(rng: random.Random, words: int) -> str:
    out, count = [], 0
    while count < words:
        n = rng.randint(8, 18)
        out.append(sentence(rng, n))
        count += n
    return " ".join(out)


def draw_photo(index: int, path: Path) -> None:
    rng = random.Random(index)
    image = Image.new("RGB", (2000, 1500), tuple(rng.randint(40, 220) for _ in range(3)))
    canvas = ImageDraw.Draw(image)
    for _ in range(30):
        x, y = rng.randint(0, 1900), rng.randint(0, 1400)
        size = rng.randint(60, 500)
        canvas.ellipse((x, y, x + size, y + size), fill=tuple(rng.randint(0, 255) for _ in range(3)))
    image.save(path, "JPEG", quality=85)


def dump(path: Path, data: dict, body: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text if body is None else f"---\n{text}---\n{body}\n", encoding="utf-8")


def generate(out: Path, scale: float = 1.0) -> dict[str, int]:
    rng = random.Random(2026)
    counts = {k: max(1 if k != "editions" else 2, round(v * scale)) for k, v in COUNTS.items()}
    content, catalogue = out / "content", out / "catalogue"
    shutil.rmtree(out, ignore_errors=True)
    (content / "region").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "region" / "wielkopolska.yaml", content / "region")
    region = yaml.safe_load((ROOT / "content" / "region" / "wielkopolska.yaml").read_text(encoding="utf-8"))
    powiats = [p["name"] for p in region["powiaty"]]
    # each powiat's gminas (an entity's gmina must lie in its powiat)
    gminy = {
        name: entry.get("miejskie", []) + entry.get("wiejskie_i_miejsko_wiejskie", [])
        for name, entry in region["gminy"].items()
    }
    pool = out / "pula-zdjec"
    pool.mkdir()
    for index in range(PHOTO_POOL):
        draw_photo(index, pool / f"{index}.jpg")

    def photo(target: Path, number: int) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pool / f"{number % PHOTO_POOL}.jpg", target)

    # OWES: the five real ones (one per subregion); entities
    shutil.copytree(ROOT / "content" / "owes", content / "owes")
    entities = []
    for i in range(counts["entities"]):
        slug = f"podmiot-{i:04d}"
        entities.append(slug)
        powiat = powiats[i % len(powiats)]
        town = rng.choice(gminy[powiat])
        dump(
            content / "podmioty" / f"{slug}.md",
            {
                "name": f"Spółdzielnia Socjalna „Wspólna Praca {i}”",
                "legal_form": "spoldzielnia-socjalna",
                "address": {"street": f"ul. Polna {i % 90 + 1}", "postal_code": "61-001", "city": town},
                "gmina": town,
                "powiat": powiat,
                "contact": {"email": f"biuro{i}@podmiot.example", "phone": "61 000 00 00"},
                "offer": {"categories": ["gastronomia"], "products": ["obiady"], "services": ["catering"]},
                "beneficiaries": ["bezrobocie"],
                "summary": sentence(rng, 14),
                "mission": sentence(rng, 16),
                "verified": "2026-10-01",
                "sample": True,
            },
            paragraph(rng, 180),
        )
    # products with three photos each
    products = []
    for i in range(counts["products"]):
        slug = f"produkt-{i:04d}"
        products.append((slug, entities[i % len(entities)]))
        for n in (1, 2, 3):
            photo(catalogue / f"{slug}-{n}.jpg", i * 3 + n)
        category = PRODUCT_CATEGORIES[i % len(PRODUCT_CATEGORIES)]
        food = category == "zywnosc"  # food names its ingredients, not materials
        dump(
            catalogue / f"{slug}.yaml",
            {
                "name": f"Upominek „Wielkopolska {i}”",
                "brand_line": "Klunkry Wielkopolskie",
                "category": category,
                "motif": "pyra",
                "description": sentence(rng, 18),
                **({"ingredients": ["śliwki węgierki", "cukier"]} if food else {"materials": ["bawełna"]}),
                "upcycled": i % 7 == 0,
                "dimensions": "10 × 8 cm",
                "maker": entities[i % len(entities)],
                "designer": "Studio Przykładowe",
                "story": sentence(rng, 15),
                "photos": [{"src": f"{slug}-{n}.jpg", "alt": f"Upominek {i}, ujęcie {n}"} for n in (1, 2, 3)],
                "price_net": round(10 + (i % 90) * 0.5, 2),
                "vat": 5 if food else 23,
                "min_order": 20,
                "lead_time_days": 14,
                "packaging": "papierowa torebka",
                "availability": "dostepny",
                "sample": True,
            },
        )
    # news: 4000 over ten years, a photo on one in five
    start = dt.datetime(2017, 1, 2, 9, 0)
    for i in range(counts["news"]):
        when = start + dt.timedelta(hours=i * 21)
        meta: dict = {
            "title": f"{sentence(rng, 6)[:-1]} ({i})",
            "date": when.strftime("%Y-%m-%d %H:%M"),
            "category": CATEGORIES[i % len(CATEGORIES)],
            "summary": sentence(rng, 20),
            "tags": [rng.choice(WORDS), rng.choice(WORDS)],
        }
        if i % 5 == 0:
            src = f"images/aktualnosci/gen/news-{i:04d}.jpg"
            photo(content / src, 10_000 + i)
            meta["image"] = {"src": src, "alt": f"Zdjęcie do aktualności {i}"}
        meta["sample"] = True
        body = "\n\n".join(paragraph(rng, 120) for _ in range(5))
        dump(content / "aktualnosci" / str(when.year) / f"aktualnosc-{i:04d}.md", meta, body)
    # OWES-area information pages
    for i in range(counts["pages"]):
        dump(
            content / "strony" / f"obszar-owes-{i:02d}.md",
            {
                "title": f"Obszar wsparcia {i}: {rng.choice(TOWNS)}",
                "summary": sentence(rng, 12),
                "sample": True,
            },
            paragraph(rng, 300),
        )
    for name in ("deklaracja-dostepnosci.md", "kontakt.md"):
        shutil.copy(ROOT / "content" / "strony" / name, content / "strony" / name)
    # films (hosted, with a poster and a transcript)
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    for i in range(counts["films"]):
        src = f"images/filmy/gen/film-{i:03d}.jpg"
        photo(content / src, 20_000 + i)
        dump(
            content / "filmy" / f"film-{i:03d}.md",
            {
                "title": f"Film o ekonomii społecznej {i}",
                "description": sentence(rng, 16),
                "provider": "youtube",
                "video_id": "".join(rng.choice(letters) for _ in range(11)),
                "duration": f"{rng.randint(1, 9)}:{rng.randint(10, 59)}",
                "published": (dt.date(2020, 1, 1) + dt.timedelta(days=i * 20)).isoformat(),
                "poster": {"src": src, "alt": f"Kadr z filmu {i}"},
                "captions": True,
                "entities": [entities[i % len(entities)]],
                "sample": True,
            },
            paragraph(rng, 250),
        )
    # certificate editions: one a year, 20 certificates each
    for e in range(counts["editions"]):
        year = 2026 - counts["editions"] + 1 + e
        certificates = []
        for n in range(20):
            slug, maker = products[(e * 20 + n) % len(products)]
            certificates.append(
                {
                    "number": f"ZP-{year}-{n + 1:02d}",
                    "entity": maker,
                    "products": [slug],
                    "valid_from": f"{year}-12-01",
                    "valid_until": f"{year + 1}-11-30",
                }
            )
        dump(
            content / "zakup-prospoleczny" / f"{year}.yaml",
            {
                "year": year,
                "decision_date": f"{year}-11-05",
                "gala": {"date": f"{year}-11-20", "place": "Poznań"},
                "board": ["Regionalny Ośrodek Polityki Społecznej w Poznaniu"],
                "certificates": certificates,
                "sample": True,
            },
        )
    # events over the years around the build date
    for i in range(counts["events"]):
        begin = dt.datetime(2022, 1, 10, 10, 0) + dt.timedelta(days=i * 4)
        dump(
            content / "wydarzenia" / str(begin.year) / f"wydarzenie-{i:03d}.md",
            {
                "title": f"Spotkanie ekonomii społecznej {i}",
                "type": EVENT_TYPES[i % len(EVENT_TYPES)],
                "start": begin.strftime("%Y-%m-%d %H:%M"),
                "end": (begin + dt.timedelta(hours=3)).strftime("%Y-%m-%d %H:%M"),
                "summary": sentence(rng, 14),
                "place": {
                    "name": "Sala",
                    "street": "ul. Polna 1",
                    "postal_code": "61-001",
                    "city": rng.choice(TOWNS),
                },
                "organiser": "rops" if i % 3 else entities[i % len(entities)],
                "sample": True,
            },
            paragraph(rng, 80),
        )
    # publications of the knowledge library, each with its PDF
    pdfs = out / "pula-pdf"
    pdfs.mkdir()
    for index in range(PDF_POOL):
        (pdfs / f"{index}.pdf").write_bytes(_sample_pdf(index, tagged=index % 2 == 0))
    kinds = ["raport-z-monitoringu", "diagnoza-lokalna", "ewaluacja", "program", "poradnik", "protokol"]
    for i in range(counts["publications"]):
        day = dt.date(2016, 1, 15) + dt.timedelta(days=i * 12)
        target = content / "pliki" / "wiedza" / f"publikacja-{i:03d}.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pdfs / f"{i % PDF_POOL}.pdf", target)
        dump(
            content / "wiedza" / f"publikacja-{i:03d}.md",
            {
                "title": f"Publikacja o ekonomii społecznej {i}",
                "type": kinds[i % len(kinds)],
                "date": day.isoformat(),
                "authors": ["Regionalny Ośrodek Polityki Społecznej w Poznaniu"],
                "publisher": "Regionalny Ośrodek Polityki Społecznej w Poznaniu",
                "area": {"powiaty": [powiats[i % len(powiats)]]},
                "topics": ["monitoring"],
                "files": [{"document": f"pliki/wiedza/publikacja-{i:03d}.pdf"}],
                "sample": True,
            },
            paragraph(rng, 60),
        )
    shutil.rmtree(pdfs)
    # monitoring data: the real sample years (35 powiats each)
    shutil.copytree(ROOT / "content" / "monitoring", content / "monitoring")
    shutil.rmtree(pool)
    return counts


def _sample_pdf(index: int, tagged: bool) -> bytes:
    """A two-page PDF with Polish text; tagged ones carry a figure with alternative text."""
    import io

    from fpdf import FPDF

    document = FPDF()
    document.add_font("DejaVu", "", str(ROOT / "plugins" / "portal_share" / "fonts" / "DejaVuSans.ttf"))
    document.set_title(f"Publikacja próbna {index}")
    document.set_lang("pl")
    for _ in range(2):
        document.add_page()
        document.set_font("DejaVu", size=11)
        document.multi_cell(0, 6, "Zażółć gęślą jaźń. " * 40)
    if tagged:
        image = io.BytesIO()
        Image.new("RGB", (60, 30), (11, 74, 111)).save(image, "PNG")
        document.image(image, w=60, alt_text=f"Wykres próbny {index}")
    return bytes(document.output())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    print(generate(Path(args.out), args.scale))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
