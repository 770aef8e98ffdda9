"""WordPress (WXR) import: clean Markdown, mapped categories, images listed, nothing overwritten."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import shutil
import subprocess
import sys

import pytest
import yaml
from sitebuild import ROOT, build_in_process

IMPORT = [sys.executable, str(ROOT / "tools" / "import_wordpress.py")]
FIXTURE = ROOT / "tests" / "fixtures" / "wordpress" / "eksport.xml"
NEWS = "content/aktualnosci/2023/"


def _importer():
    """tools/import_wordpress.py as a module, loaded once."""
    module = sys.modules.get("import_wordpress_cli")
    if module is None:
        spec = importlib.util.spec_from_file_location(
            "import_wordpress_cli", ROOT / "tools" / "import_wordpress.py"
        )
        module = importlib.util.module_from_spec(spec)
        sys.modules["import_wordpress_cli"] = module
        spec.loader.exec_module(module)
    return module


def run(*args, root):
    """The importer's ``main`` in this process (the real command: the last test)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = _importer().main([*map(str, args), "--root", str(root)])
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def read(path):
    _, header, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(header), body


@pytest.fixture
def imported(tmp_path):
    (tmp_path / "content" / "region").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "region" / "wielkopolska.yaml", tmp_path / "content" / "region")
    (tmp_path / "catalogue").mkdir()
    done = run(FIXTURE, root=tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path, done.stdout


def test_posts_become_news_items_with_mapped_fields(imported):
    root, report = imported
    files = sorted(p.name for p in (root / NEWS).glob("*.md"))
    assert files == [
        "gala-zakup-prospoleczny-2023-wyniki.md",
        "robocza-notatka-o-badaniu.md",
        "szkolenie-jak-zalozyc-spoldzielnie-socjalna-w-zerkowie.md",
    ]
    meta, body = read(root / NEWS / "szkolenie-jak-zalozyc-spoldzielnie-socjalna-w-zerkowie.md")
    assert meta["title"] == "Szkolenie: jak założyć spółdzielnię socjalną w Żerkowie"
    assert str(meta["date"]) == "2023-04-18 09:15"
    assert meta["category"] == "Edukacja"  # "Szkolenia" in WordPress, by the mapping file
    assert meta["tags"] == ["spółdzielnie socjalne", "Żerków"]
    assert meta["image"] == {
        "src": "images/aktualnosci/wp/zerkow-sala.jpg",
        "alt": "Uczestnicy szkolenia przy stołach w sali gminnej",
        "caption": "Sala Gminnego Ośrodka Kultury w Żerkowie",
    }
    assert meta["summary"].startswith("Zapraszamy na bezpłatne szkolenie") and len(meta["summary"]) <= 300
    draft, _ = read(root / NEWS / "robocza-notatka-o-badaniu.md")
    assert draft["status"] == "draft" and draft["category"] == "Monitoring i ewaluacja"
    gala, _ = read(root / NEWS / "gala-zakup-prospoleczny-2023-wyniki.md")
    assert gala["title"] == "Gala „Zakup Prospołeczny” 2023 – wyniki"  # &#8211; decoded
    assert gala["image"]["src"] == "images/aktualnosci/wp/gala-sala.jpg"  # the featured image


def test_body_is_clean_markdown(imported):
    root, _ = imported
    _, body = read(root / NEWS / "szkolenie-jak-zalozyc-spoldzielnie-socjalna-w-zerkowie.md")
    assert "Zapraszamy na **bezpłatne szkolenie** dla osób" in body
    assert "[owes.example](https://owes.example/szkolenia)" in body
    assert (
        "### Program\n\n- statut i członkowie spółdzielni,\n- dotacje na utworzenie miejsc pracy,\n" in body
    )
    for leftover in (
        "style=",
        "<span",
        "<p",
        "class=",
        "<script",
        "alert",
        "[gallery",
        "wp:paragraph",
        "&nbsp;",
        "[caption",
        "\n-\n",
    ):
        assert leftover not in body, leftover


def test_report_lists_images_to_copy_and_what_was_not_converted(imported):
    _, report = imported
    assert (
        f"{NEWS}szkolenie-jak-zalozyc-spoldzielnie-socjalna-w-zerkowie.md: skopiuj zdjęcie "
        "https://stary-portal.example/wp-content/uploads/2023/04/zerkow-sala.jpg -> content/images/aktualnosci/wp/zerkow-sala.jpg"
    ) in report
    assert "uwaga: pominięto kod WordPressa [gallery]" in report
    assert "uwaga: usunięto osadzony element <iframe> https://www.youtube.com/embed/abcdefghijk" in report
    assert "uwaga: kategoria „Certyfikat” nie ma odpowiednika w pliku mapowania" in report
    assert "pominięto 1 × page (importuję tylko wpisy)" in report
    assert report.rstrip().endswith("uruchom: make check")


def test_checker_names_what_the_editor_still_has_to_do(imported):
    root, _ = imported
    check = build_in_process(root / "content", root / "unused", command="check", cwd=root)
    assert check.returncode == 1
    gala = [line for line in check.stderr.splitlines() if "gala-zakup-prospoleczny-2023-wyniki.md" in line]
    fields = {line.split(": ")[1] for line in gala}
    assert {"category", "image.alt", "(treść)"} <= fields, check.stderr
    # once the editor has decided about the second photo, the first one is still to be copied
    target = root / NEWS / "szkolenie-jak-zalozyc-spoldzielnie-socjalna-w-zerkowie.md"
    text = target.read_text(encoding="utf-8")
    target.write_text(
        "\n".join(line for line in text.splitlines() if "UZUPEŁNIJ" not in line) + "\n", encoding="utf-8"
    )
    check = build_in_process(root / "content", root / "unused", command="check", cwd=root)
    assert any("image.src" in line and "zerkow-sala.jpg" in line for line in check.stderr.splitlines()), (
        check.stderr
    )


def test_files_edited_since_the_import_or_not_written_by_it_are_never_overwritten(imported):
    root, _ = imported
    edited = root / NEWS / "gala-zakup-prospoleczny-2023-wyniki.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nDopisane przez redakcję.\n", encoding="utf-8")
    edited_text = edited.read_text(encoding="utf-8")
    own = root / NEWS / "robocza-notatka-o-badaniu.md"
    own.write_text("---\ntitle: Napisane przez redakcję\n---\nTekst.\n", encoding="utf-8")
    again = run(FIXTURE, root=root)
    assert again.returncode == 0
    assert (
        f"{NEWS}gala-zakup-prospoleczny-2023-wyniki.md: pominięto, redakcja zmieniła plik po imporcie"
        in again.stdout
    )
    assert (
        f"{NEWS}robocza-notatka-o-badaniu.md: pominięto, plik już istnieje i nie pochodzi z importu"
        in again.stdout
    )
    assert edited.read_text(encoding="utf-8") == edited_text
    assert own.read_text(encoding="utf-8") == "---\ntitle: Napisane przez redakcję\n---\nTekst.\n"


def test_a_second_run_after_the_mapping_changed_updates_untouched_files_and_lists_photos_still_to_copy(
    imported, tmp_path
):
    root, first = imported
    assert first.rstrip().endswith(
        "Zaimportowano 3 nowe wpisy. Do skopiowania: 3 zdjęcia (lista wyżej). Uzupełnij miejsca UZUPEŁNIJ i uruchom: make check"
    )
    training = root / NEWS / "szkolenie-jak-zalozyc-spoldzielnie-socjalna-w-zerkowie.md"
    mapping = tmp_path / "kategorie.yaml"
    original = (ROOT / "tools" / "wordpress-kategorie.yaml").read_text(encoding="utf-8")
    mapping.write_text(original.replace("Szkolenia: Edukacja", "Szkolenia: Animacja"), encoding="utf-8")
    photos = root / "content" / "images" / "aktualnosci" / "wp"
    photos.mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "fixtures" / "images" / "foto.jpg", photos / "gala-sala.jpg")  # one copied
    again = run(FIXTURE, "--mapping", mapping, root=root)
    assert again.returncode == 0, again.stderr
    assert read(training)[0]["category"] == "Animacja"  # untouched since the import: updated
    assert f"{NEWS}szkolenie-jak-zalozyc-spoldzielnie-socjalna-w-zerkowie.md: zaktualizowano" in again.stdout
    assert "gala-sala.jpg" not in again.stdout and again.stdout.count("skopiuj zdjęcie") == 2
    assert again.stdout.rstrip().endswith(
        "Zaimportowano 0 nowych wpisów, zaktualizowano 1 wpis, bez zmian: 2 wpisy. "
        "Do skopiowania: 2 zdjęcia (lista wyżej). Uzupełnij miejsca UZUPEŁNIJ i uruchom: make check"
    )
    third = run(FIXTURE, "--mapping", mapping, root=root)
    assert "zaktualizowano" not in third.stdout.replace("zaktualizowano 0", "")  # nothing changed since


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (FIXTURE.read_text(encoding="utf-8")[:1500], "to nie jest poprawny plik XML"),
        (
            '<?xml version="1.0"?><rss><channel><title>Blog</title></channel></rss>',
            "to nie jest eksport WordPressa",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><rss>&a;</rss>',
            "niebezpieczne konstrukcje XML",
        ),
    ],
)
def test_malformed_export_is_refused_and_nothing_is_written(tmp_path, text, message):
    source = tmp_path / "eksport.xml"
    source.write_text(text, encoding="utf-8")
    done = run(source, root=tmp_path / "portal")
    assert done.returncode == 1
    assert message in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.rstrip().endswith("Nic nie zostało zapisane.")
    assert not (tmp_path / "portal").exists()


def test_missing_file_and_bad_mapping_are_refused(tmp_path):
    done = run(tmp_path / "brak.xml", root=tmp_path)
    assert done.returncode == 1 and "nie ma takiego pliku" in done.stderr
    mapping = tmp_path / "mapa.yaml"
    mapping.write_text("kategorie:\n  Szkolenia: Kursy\n", encoding="utf-8")
    done = subprocess.run(
        [*IMPORT, str(FIXTURE), "--mapping", str(mapping), "--root", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1 and "„Szkolenia” ma odpowiadać „Kursy”" in done.stderr
    assert not (tmp_path / "content").exists()
