"""Scaffolding for the working group: a new content file from a title, ready to fill in.

    python tools/scaffold.py news    "Tytuł aktualności"      (make new-news TYTUL="...")
    python tools/scaffold.py entity  "Nazwa podmiotu"         (make new-entity TYTUL="...")
    python tools/scaffold.py product "Nazwa produktu"         (make new-product TYTUL="...")
    python tools/scaffold.py film    "Tytuł filmu"            (make new-film TYTUL="...")
    python tools/scaffold.py event   "Nazwa wydarzenia"       (make new-event TYTUL="...")
    python tools/scaffold.py edition 2027                     (make new-edition ROK=2027)

Each writes one file with today's date, an ASCII address (slug) made from the Polish title
(ł→l, ą→a ...), and the word UZUPEŁNIJ in every place the editor has to fill in: `make
check` names each of them until it is replaced. An existing file is never overwritten.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from portal_cms.config import NEW_FILES  # noqa: E402 - after the plugins' folder is on the path

EXIT_REFUSED = 1
MAX_SLUG = 80

NEWS = """\
---
title: $title
date: $now
category: "UZUPEŁNIJ: jedna z: Koordynacja ES, Promocja, Reintegracja, Animacja, Edukacja, Potencjał PES/PS, Monitoring i ewaluacja"
summary: "UZUPEŁNIJ: zapowiedź w 1–2 zdaniach (do 300 znaków)"
tags: []
# Zdjęcie: plik w content/images/aktualnosci/ (JPEG, 1600–2400 px szerokości). Bez zdjęcia:
# usuń trzy linie od image: do alt:.
image:
  src: images/aktualnosci/$slug.jpg
  alt: "UZUPEŁNIJ: co widać na zdjęciu (dla osób niewidomych), 1–2 zdania"
---
UZUPEŁNIJ: treść aktualności. Akapity oddziel pustą linią; **pogrubienie**, [link](https://adres), listy zaczynaj od „- ”.
"""

ENTITY = """\
---
name: $title
legal_form: "UZUPEŁNIJ: forma prawna, np. spółdzielnia socjalna, fundacja, stowarzyszenie"
address:
  street: "UZUPEŁNIJ: ulica i numer"
  postal_code: "UZUPEŁNIJ: kod pocztowy NN-NNN"
  city: "UZUPEŁNIJ: miejscowość"
gmina: "UZUPEŁNIJ: gmina"
powiat: "UZUPEŁNIJ: powiat, np. gnieźnieński albo Poznań"
contact:
  email: "UZUPEŁNIJ: adres e-mail"
  phone: "UZUPEŁNIJ: telefon, 9 cyfr"
offer:
  categories: ["UZUPEŁNIJ: kategorie oferty, np. gastronomia"]
  products: []
  services: []
beneficiaries: []
# Zdjęcie: plik w content/images/podmioty/ (JPEG). Bez zdjęcia: usuń trzy linie od photos: do alt:.
photos:
  - src: images/podmioty/$slug.jpg
    alt: "UZUPEŁNIJ: co widać na zdjęciu (dla osób niewidomych)"
summary: "UZUPEŁNIJ: czym się zajmuje, w 1–2 zdaniach"
mission: "UZUPEŁNIJ: misja społeczna: komu i jak pomaga"
# Po angielsku (nieobowiązkowe, strony /en/): usuń # z pięciu linii poniżej i napisz po angielsku.
# en:
#   name: nazwa po angielsku, jeśli podmiot jej używa
#   summary: one or two sentences for the card
#   offer: what you sell
verified: $date
---
UZUPEŁNIJ: opis podmiotu: historia, ludzie, jak zamawiać.
"""

PRODUCT = """\
# Produkt katalogu. Zdjęcia (JPEG, około 2000 px) połóż obok tego pliku: $slug-1.jpg, $slug-2.jpg,
# $slug-3.jpg (pierwsze jest główne). Gdy zdjęć jest mniej, usuń całe pozycje (linie - src i alt).
name: $title
brand_line: "UZUPEŁNIJ: linia marki, np. Klunkry Wielkopolskie"
category: "UZUPEŁNIJ: kategoria: torby, fartuchy, breloki, magnesy, notesy, ceramika, tekstylia, zabawki albo zywnosc"
motif: "UZUPEŁNIJ: motyw, np. pyra, koziołki, gzik"
description: "UZUPEŁNIJ: opis produktu w 1–3 zdaniach"
materials: ["UZUPEŁNIJ: materiał"]
upcycled: "UZUPEŁNIJ: true, gdy produkt jest z materiałów z odzysku (upcykling), inaczej false"
dimensions: "UZUPEŁNIJ: wymiary, np. 10 × 8 cm"
maker: "UZUPEŁNIJ: nazwa pliku profilu wytwórcy z content/podmioty/ bez .md"
designer: "UZUPEŁNIJ: projektant lub studio"
story: "UZUPEŁNIJ: kto i gdzie wytwarza produkt (1–2 zdania)"
photos:
  - src: $slug-1.jpg
    alt: "UZUPEŁNIJ: co widać na zdjęciu 1 (głównym)"
  - src: $slug-2.jpg
    alt: "UZUPEŁNIJ: co widać na zdjęciu 2 (albo usuń to zdjęcie: linie - src i alt)"
  - src: $slug-3.jpg
    alt: "UZUPEŁNIJ: co widać na zdjęciu 3 (albo usuń to zdjęcie: linie - src i alt)"
price_net: "UZUPEŁNIJ: cena netto za sztukę, np. 24.50"
vat: "UZUPEŁNIJ: stawka VAT: 23, 8, 5 albo 0"
min_order: "UZUPEŁNIJ: minimalne zamówienie w sztukach"
lead_time_days: "UZUPEŁNIJ: czas realizacji w dniach"
packaging: "UZUPEŁNIJ: opakowanie, np. papierowa torebka z metką"
availability: "UZUPEŁNIJ: dostepny, na-zamowienie, sezonowy albo wycofany"
# Po angielsku (nieobowiązkowe, katalog /en/): usuń # z trzech linii poniżej.
# en:
#   name: the product's name in English
#   description: one to three sentences in English
"""

FILM = """\
---
title: $title
description: "UZUPEŁNIJ: o czym jest film, w 1–3 zdaniach"
provider: "UZUPEŁNIJ: youtube, vimeo albo local (plik w content/filmy/pliki/)"
video_id: "UZUPEŁNIJ: identyfikator filmu z adresu YouTube (11 znaków po v=) albo Vimeo"
duration: "UZUPEŁNIJ: czas trwania, np. 3:25"
published: "UZUPEŁNIJ: data publikacji filmu, RRRR-MM-DD"
poster:
  src: images/filmy/$slug.jpg
  alt: "UZUPEŁNIJ: co widać na kadrze"
captions: "UZUPEŁNIJ: true, gdy film ma napisy w serwisie, inaczej false"
entities: []
tags: []
---
UZUPEŁNIJ: transkrypcja filmu: kto mówi i co mówi, opis ważnych obrazów.
"""

EVENT = """\
---
title: $title
type: "UZUPEŁNIJ: spotkanie grupy roboczej, szkolenie, konferencja, gala, wizyta studyjna albo targi"
start: "UZUPEŁNIJ: początek RRRR-MM-DD GG:MM (czas polski), np. $start"
end: "UZUPEŁNIJ: koniec RRRR-MM-DD GG:MM, np. $end"
summary: "UZUPEŁNIJ: zapowiedź w 1–2 zdaniach"
place:
  name: "UZUPEŁNIJ: nazwa miejsca"
  street: "UZUPEŁNIJ: ulica i numer"
  postal_code: "UZUPEŁNIJ: kod pocztowy NN-NNN"
  city: "UZUPEŁNIJ: miejscowość"
# online: https://adres-spotkania-online (gdy wydarzenie jest online; wtedy place można usunąć)
organiser: "UZUPEŁNIJ: rops albo nazwa pliku organizatora z content/podmioty/ lub content/owes/ bez .md"
# Zapisy: e-mail, telefon lub formularz (url:). Bez zapisów: usuń dwie linie registration.
registration:
  email: "UZUPEŁNIJ: adres e-mail do zapisów"
# Zdjęcie: plik w content/images/wydarzenia/ (JPEG). Bez zdjęcia: usuń trzy linie od image: do alt:.
image:
  src: images/wydarzenia/$slug.jpg
  alt: "UZUPEŁNIJ: co widać na zdjęciu (dla osób niewidomych)"
---
UZUPEŁNIJ: program i opis wydarzenia.
"""

EDITION = """\
# Edycja certyfikacji „Zakup Prospołeczny” $year.
year: $year
decision_date: "UZUPEŁNIJ: data uchwały kapituły, RRRR-MM-DD"
gala:
  date: "UZUPEŁNIJ: data gali, RRRR-MM-DD"
  place: "UZUPEŁNIJ: miejsce gali"
board:
  - Regionalny Ośrodek Polityki Społecznej w Poznaniu (przewodniczy kapitule)
certificates:
  - number: ZP-$year-01
    entity: "UZUPEŁNIJ: nazwa pliku profilu z content/podmioty/ bez .md"
    products: []
    services: ["UZUPEŁNIJ: usługa objęta certyfikatem (albo products: [adresy produktów])"]
    valid_from: "UZUPEŁNIJ: RRRR-MM-DD"
    valid_until: "UZUPEŁNIJ: RRRR-MM-DD"
"""

PUBLICATION = """\
---
title: $title
type: "UZUPEŁNIJ: rodzaj: raport-z-monitoringu, diagnoza-lokalna, ewaluacja, program, uchwala, protokol, poradnik albo prezentacja"
date: "UZUPEŁNIJ: data wydania RRRR-MM-DD"
authors: ["UZUPEŁNIJ: autor: osoba lub instytucja"]
publisher: "UZUPEŁNIJ: wydawca"
# Obszar, którego dotyczy (np. diagnoza lokalna). Publikacja o całym regionie: usuń cztery linie od area:.
area:
  subregion: "UZUPEŁNIJ: subregion, np. pilski"
  powiaty: ["UZUPEŁNIJ: powiat, np. złotowski"]
  gminy: ["UZUPEŁNIJ: gmina, np. Złotów"]
language: pl
topics: []
# Plik zapisz w content/pliki/wiedza/ (PDF z tagami i tytułem dokumentu, ODT, DOCX albo XLSX; do 10 MB).
files:
  - document: pliki/wiedza/$slug.pdf
---
UZUPEŁNIJ: streszczenie publikacji w kilku zdaniach: czego dotyczy i co z niej wynika. To je czytają mieszkańcy i wyszukiwarki.
"""

ETR = """\
---
title: $title
order: "UZUPEŁNIJ: miejsce na liście, np. 6"
---
UZUPEŁNIJ: tekst łatwy do czytania. Każde zdanie w nowej linii.
Jedna myśl w zdaniu.
Proste słowa, bez skrótów.
"""

# Where new files go: one table with the CMS (/admin/ names new items the same way).
KINDS = {
    "news": (NEWS, NEW_FILES["news"], "aktualność"),
    "entity": (ENTITY, NEW_FILES["entity"], "profil podmiotu"),
    "product": (PRODUCT, NEW_FILES["product"], "produkt"),
    "film": (FILM, NEW_FILES["film"], "film"),
    "event": (EVENT, NEW_FILES["event"], "wydarzenie"),
    "edition": (EDITION, NEW_FILES["edition"], "edycja certyfikacji"),
    "publication": (PUBLICATION, NEW_FILES["publication"], "publikacja"),
    "etr": (ETR, NEW_FILES["etr"], "strona w tekście łatwym do czytania"),
}


def slugify_pl(title: str) -> str:
    """An ASCII address from a Polish title: 'Łódź – Gala 2026!' -> 'lodz-gala-2026'."""
    text = title.replace("ł", "l").replace("Ł", "L")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


def render(kind: str, title: str, today: dt.date) -> tuple[str, str]:
    """(relative path, file text) of a new ``kind`` file titled ``title``."""
    template, where, _ = KINDS[kind]
    if kind == "edition":
        slug, year = title, int(title)
    else:
        slug, year = slugify_pl(title), today.year
    start = dt.datetime.combine(today + dt.timedelta(days=14), dt.time(10))
    text = Template(template).substitute(
        title=json.dumps(title, ensure_ascii=False),
        slug=slug,
        date=today.isoformat(),
        now=f"{today.isoformat()} {dt.datetime.now():%H:%M}",
        start=f"{start:%Y-%m-%d %H:%M}",
        end=f"{start + dt.timedelta(hours=3):%Y-%m-%d %H:%M}",
        year=year,
    )
    return where.format(year=year, slug=slug), text


def refuse(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_REFUSED


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("title", nargs="?", default="")
    parser.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    parser.add_argument("--date", help="today's date (YYYY-MM-DD), for tests")
    args = parser.parse_args(argv)
    title = " ".join(args.title.split())
    label = KINDS[args.kind][2]
    if args.kind == "edition":
        if not re.fullmatch(r"20\d\d", title):
            return refuse("Podaj rok edycji, np.: make new-edition ROK=2027")
    elif not title:
        return refuse(
            f'Podaj tytuł: make new-{args.kind} TYTUL="Tytuł po polsku" ({label} potrzebuje tytułu).'
        )
    elif not slugify_pl(title):
        return refuse(f"Z tytułu „{title}” nie da się zrobić adresu strony: użyj liter lub cyfr.")
    today = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    relative, text = render(args.kind, title, today)
    target = Path(args.root) / relative
    if target.exists():
        return refuse(
            f"{relative} już istnieje i nie został zmieniony. Otwórz go albo wybierz inny tytuł "
            f"(np. z dopiskiem miejsca lub daty)."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    print(f"Utworzono {relative} ({label}).")
    print("Uzupełnij miejsca oznaczone UZUPEŁNIJ, potem sprawdź: make check")
    if args.kind == "product":
        print(f"Zdjęcia połóż obok pliku: catalogue/{Path(relative).stem}-1.jpg (JPEG, około 2000 px).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
