"""`make new-...`: Polish slugs, valid files once filled, placeholders flagged, nothing overwritten."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from scaffold import MAX_SLUG, slugify_pl
from sitebuild import ROOT, build_in_process, copy_fixture_site

SCAFFOLD = [sys.executable, str(ROOT / "tools" / "scaffold.py")]
TODAY = "2026-11-27"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Łódź – Gala 2026!", "lodz-gala-2026"),
        ("Zażółć gęślą jaźń", "zazolc-gesla-jazn"),
        ("ŁĄCZNIK ŚWIĘTOKRZYSKI", "lacznik-swietokrzyski"),
        ("Spółdzielnia Socjalna „Pyrlandia”", "spoldzielnia-socjalna-pyrlandia"),
        ("  Wiele   spacji  ", "wiele-spacji"),
        ("!!! ???", ""),
    ],
)
def test_slugs_are_ascii_from_polish_titles(title, slug):
    assert slugify_pl(title) == slug


def test_long_titles_are_cut_at_a_word():
    slug = slugify_pl("Bardzo długi tytuł aktualności o ekonomii społecznej " * 4)
    assert len(slug) <= MAX_SLUG and not slug.endswith("-") and slug.startswith("bardzo-dlugi-tytul")


# what an editor writes in place of each placeholder, by field (the last key on the line)
FILL = {
    "order": 6,
    "category": {"news": "Promocja", "product": "breloki"},
    "summary": "Krótka zapowiedź po polsku.",
    "mission": "Dajemy pracę osobom, które najtrudniej ją znajdują.",
    "legal_form": "fundacja",
    "street": "ul. Próbna 1",
    "postal_code": "61-001",
    "city": "Poznań",
    "gmina": "Poznań",
    "powiat": "Poznań",
    "email": "biuro@proba.example",
    "phone": "600 000 000",
    "categories": "[gastronomia]",
    "description": "Opis po polsku.",
    "materials": "[filc]",
    "dimensions": "6 × 4 cm",
    "maker": "proba",
    "brand_line": "Klunkry Wielkopolskie",
    "motif": "pyra",
    "designer": "Studio Przykładowe",
    "story": "Wytwarza pracownia zakładu aktywności zawodowej.",
    "packaging": "papierowa torebka",
    "alt": "Przedmiot na jasnym tle",
    "price_net": "12.5",
    "min_order": "50",
    "lead_time_days": "14",
    "video_id": "Pq7rL2sVx0a",
    "duration": "3:25",
    "type": {"event": "szkolenie", "publication": "diagnoza-lokalna"},
    "authors": "[Ośrodek Wsparcia Ekonomii Społecznej w Pile]",
    "publisher": "Ośrodek Wsparcia Ekonomii Społecznej w Pile",
    "subregion": "pilski",
    "powiaty": "[złotowski]",
    "gminy": "[Złotów]",
    "name": "Sala konferencyjna",
    "decision_date": "2027-11-05",
    "date": "2027-11-19",
    "place": "Poznań",
    "entity": "proba",
    "services": "[catering]",
    "valid_from": "2027-11-05",
    "valid_until": "2028-11-30",
    "upcycled": "false",
    "vat": "23",
    "availability": "dostepny",
    "provider": "youtube",
    "published": "2025-11-21",
    "captions": "true",
    "start": "2027-01-12 10:00",
    "end": "2027-01-12 13:00",
    "organiser": "rops",
}


def fill(path, kind):
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "UZUPEŁNIJ" in line:
            match = re.match(r"^(\s*(?:- )?)([a-z_]+):", line)
            if match:
                value = FILL[match.group(2)]
                value = value[kind] if isinstance(value, dict) else value
                line = f"{match.group(1)}{match.group(2)}: {value}"
            else:
                line = "Treść napisana przez redakcję."
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def repo(tmp_path):
    content = copy_fixture_site("ok-certification", tmp_path)
    (content / "images" / "filmy").mkdir(parents=True)
    return tmp_path


def scaffold(root, kind, title):
    return subprocess.run(
        [*SCAFFOLD, kind, title, "--root", str(root), "--date", TODAY], capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("kind", "title", "relative"),
    [
        ("news", "Nowa spółdzielnia w Łeknie", "content/aktualnosci/2026/nowa-spoldzielnia-w-leknie.md"),
        ("entity", "Fundacja „Żółty Dom”", "content/podmioty/fundacja-zolty-dom.md"),
        ("product", "Kubek „Łabędź”", "catalogue/kubek-labedz.yaml"),
        ("film", "Dzień w pracowni", "content/filmy/dzien-w-pracowni.md"),
        ("event", "Szkolenie z zamówień", "content/wydarzenia/2026/szkolenie-z-zamowien.md"),
        ("edition", "2027", "content/zakup-prospoleczny/2027.yaml"),
        ("publication", "Diagnoza lokalna: gmina Złotów", "content/wiedza/diagnoza-lokalna-gmina-zlotow.md"),
        ("etr", "Jak kupić pamiątkę?", "content/tekst-latwy/jak-kupic-pamiatke.md"),
    ],
)
def test_scaffolded_file_is_flagged_until_filled_then_valid(repo, kind, title, relative):
    done = scaffold(repo, kind, title)
    assert done.returncode == 0, done.stderr
    assert f"Utworzono {relative}" in done.stdout
    target = repo / relative
    text = target.read_text(encoding="utf-8")
    if kind in ("news", "entity"):
        assert TODAY in text
    # nothing the editor has to decide comes with a plausible value: no date, time, rate or
    # organiser outside a placeholder, and the photo structures are there, not commented out
    decided = [
        line
        for line in text.splitlines()
        if re.match(r"^\s*(start|end|published|vat|organiser|captions|upcycled|availability|provider):", line)
    ]
    assert all("UZUPEŁNIJ" in line for line in decided), decided
    assert not [line for line in text.splitlines() if re.match(r"^#\s*(image|src|alt):", line)]
    check = build_in_process(repo / "content", repo / "unused", command="check", cwd=repo)
    assert check.returncode == 1
    flagged = [line for line in check.stderr.splitlines() if "do uzupełnienia" in line]
    assert flagged and all(line.startswith(relative + ":") for line in flagged), check.stderr
    assert "Traceback" not in check.stderr
    photo = ROOT / "tests" / "fixtures" / "images" / "foto.jpg"
    if kind == "product":
        assert text.count("  - src: kubek-labedz-") == 3  # three photo structures, ready to fill
        for number in (1, 2, 3):
            shutil.copy(
                repo / "catalogue" / "brelok-proba-1.jpg", repo / "catalogue" / f"kubek-labedz-{number}.jpg"
            )
    folders = {"news": "aktualnosci", "entity": "podmioty", "event": "wydarzenia"}
    if kind in folders:
        (repo / "content" / "images" / folders[kind]).mkdir(parents=True, exist_ok=True)
        shutil.copy(photo, repo / "content" / "images" / folders[kind] / f"{target.stem}.jpg")
    if kind == "film":
        shutil.copy(
            ROOT / "tests" / "fixtures" / "images" / "foto.jpg",
            repo / "content" / "images" / "filmy" / "dzien-w-pracowni.jpg",
        )
    if kind == "publication":
        (repo / "content" / "pliki" / "wiedza").mkdir(parents=True)
        shutil.copy(
            ROOT / "content" / "pliki" / "wiedza" / "diagnoza-lokalna-gniezno.pdf",
            repo / "content" / "pliki" / "wiedza" / f"{target.stem}.pdf",
        )
    fill(target, kind)
    check = build_in_process(repo / "content", repo / "unused", command="check", cwd=repo)
    assert check.returncode == 0, check.stderr


def test_existing_file_is_never_overwritten(repo):
    assert scaffold(repo, "news", "Gala 2026").returncode == 0
    target = repo / "content" / "aktualnosci" / "2026" / "gala-2026.md"
    target.write_text("moja praca", encoding="utf-8")
    again = scaffold(repo, "news", "Gala 2026")
    assert again.returncode == 1
    assert again.stderr.startswith(
        "content/aktualnosci/2026/gala-2026.md już istnieje i nie został zmieniony."
    )
    assert target.read_text(encoding="utf-8") == "moja praca"


@pytest.mark.parametrize(
    ("kind", "title"), [("news", ""), ("event", "   "), ("entity", "„”!!"), ("edition", "dwa tysiące")]
)
def test_empty_or_unusable_titles_are_refused(repo, kind, title):
    before = sorted(p for p in repo.rglob("*") if p.is_file())
    done = scaffold(repo, kind, title)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip() and "Traceback" not in done.stderr
    assert sorted(p for p in repo.rglob("*") if p.is_file()) == before
