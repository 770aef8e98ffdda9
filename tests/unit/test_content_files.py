"""Every entry under the content roots is content, media in its folder, or refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from portal_content import files, validate
from portal_site import register_content


@pytest.fixture(autouse=True)
def kinds():
    register_content()


def scan(tmp_path: Path) -> dict[str, str]:
    found = validate.scan({"PATH": str(tmp_path / "content"), "CATALOGUE_PATH": str(tmp_path / "catalogue")})
    return {
        **{p.relative_to(tmp_path).as_posix(): kind for p, kind in found.content},
        **{p.relative_to(tmp_path).as_posix(): media for p, media in found.media},
        **{Path(p.path).as_posix().split(f"{tmp_path.name}/", 1)[-1]: p.message for p in found.problems},
    }


HEADS = {
    ".jpg": b"\xff\xd8\xff\xe0",
    ".pdf": b"%PDF-1.7\n",
    ".webm": b"\x1a\x45\xdf\xa3",
    ".vtt": b"WEBVTT\n",
}


def touch(tmp_path: Path, *names: str) -> None:
    """Files that begin as their type does (media files are sniffed)."""
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(HEADS.get(path.suffix.lower(), b"x"))


def test_content_and_media_in_their_folders_are_accepted(tmp_path):
    touch(
        tmp_path,
        "content/aktualnosci/2026/a.md",
        "content/strony/b.md",
        "content/region/wielkopolska.yaml",
        "content/images/aktualnosci/a.JPG",
        "content/filmy/pliki/k.webm",
        "content/filmy/pliki/k.pl.vtt",
        "content/pliki/regulamin.pdf",
        "catalogue/brelok.yaml",
        "catalogue/brelok-1.jpg",
        "content/aktualnosci/.#a.md",
        "content/images/Thumbs.db",
    )
    assert scan(tmp_path) == {
        "content/aktualnosci/2026/a.md": "news",
        "content/strony/b.md": "page",
        "content/images/aktualnosci/a.JPG": "photo",
        "content/filmy/pliki/k.webm": "video",
        "content/filmy/pliki/k.pl.vtt": "captions",
        "content/pliki/regulamin.pdf": "document",
        "catalogue/brelok.yaml": "product",
        "catalogue/brelok-1.jpg": "catalogue_photo",
    }  # the region file is read by portal_directory; the lock file and Thumbs.db pass


@pytest.mark.parametrize(
    "name,message",
    [
        ("content/aktualnosci/2026/a.markdown", "nazwij go 'a.md'"),
        ("content/aktualnosci/2026/a.MD", "nazwij go 'a.md'"),
        ("content/strony/a.rst", "nieznany rodzaj pliku (.rst)"),
        ("catalogue/brelok.yml", "nazwij go 'brelok.yaml'"),
        ("content/strony/a.html", "pliki .html mogą zawierać skrypty"),
        ("content/images/logo.svg", "grafika SVG może zawierać skrypt"),
        ("content/aktualnosci/2026/foto.jpg", "przenieś plik do content/images/"),
        ("content/images/film.mp4", "przenieś plik do content/filmy/pliki/"),
        ("content/a.md", "poza folderami treści"),
        ("catalogue/regulamin.pdf", "nie należy do catalogue/"),
        ("content/images/skrypt.js", "pliki .js mogą zawierać skrypty"),
    ],
)
def test_unexpected_files_are_refused_with_a_reason(tmp_path, name, message):
    touch(tmp_path, name)
    assert message in scan(tmp_path)[name]


def test_links_odd_names_and_folders_named_like_files_are_refused(tmp_path):
    touch(tmp_path, "content/images/a.jpg", "content/strony/x.md/y.md")
    os.symlink("/etc/passwd", tmp_path / "content/images/haslo.jpg")
    os.symlink("/nonexistent", tmp_path / "content/strony/zepsuty.md")
    os.symlink("/etc", tmp_path / "content/images/etc")
    os.symlink(tmp_path / "content/images/a.jpg", tmp_path / "content/images/b.jpg")
    bad = os.fsencode(tmp_path / "content/strony") + b"/\xb3\xf3d\xbc.md"
    with open(bad, "wb") as handle:
        handle.write(b"x")
    found = scan(tmp_path)
    for link in ("haslo.jpg", "etc", "b.jpg"):
        assert "dowiązanie symboliczne" in found[f"content/images/{link}"]
    assert "dowiązanie symboliczne" in found["content/strony/zepsuty.md"]
    assert "folder ma nazwę jak plik" in found["content/strony/x.md"]
    assert "content/strony/x.md/y.md" not in found  # not read either
    # shown with '?' for each byte that is not UTF-8
    assert found["content/strony/??d?.md"].startswith("nazwa pliku nie jest zapisana w UTF-8")
    assert found["content/images/a.jpg"] == "photo"


def test_a_file_over_its_limit_is_refused_before_it_is_read(tmp_path):
    touch(tmp_path, "content/aktualnosci/2026/a.md")
    with open(tmp_path / "content/aktualnosci/2026/a.md", "wb") as handle:
        handle.truncate(files.MAX_TEXT_BYTES + 1)
    with (
        open(tmp_path / "catalogue/x.jpg", "wb")
        if (tmp_path / "catalogue").mkdir() is None
        else None as handle
    ):
        handle.truncate(files.MEDIA["catalogue_photo"].max_bytes + 1)
    found = scan(tmp_path)
    assert "może mieć najwyżej 1 MB" in found["content/aktualnosci/2026/a.md"]
    assert "może mieć najwyżej 30 MB" in found["catalogue/x.jpg"]


@pytest.mark.parametrize(
    "value",
    [
        "/etc/passwd.jpg",
        "../../etc/x.jpg",
        "images/../../x.jpg",
        "images//a.jpg",
        "~/a.jpg",
        "C:/a.jpg",
        "images\\a.jpg",
    ],
)
def test_a_path_that_leaves_its_folder_is_refused_by_its_text(value):
    message = files.path_problem(value, ("photo",))
    assert message is not None and "content/images/" in message


def test_a_path_field_takes_only_its_types_and_folder():
    assert files.path_problem("images/a.jpg", ("photo",)) is None
    assert "wskazać tylko pliki JPEG, JPG, PNG, WEBP (nie .svg)" in files.path_problem(
        "images/a.svg", ("photo",)
    )
    assert "wskazać tylko pliki MP4, WEBM (nie .js)" in files.path_problem("filmy/pliki/a.js", ("video",))
    assert "musi leżeć w content/filmy/pliki/" in files.path_problem("images/a.vtt", ("captions",))
    assert files.path_problem("brelok-1.jpg", ("catalogue_photo",)) is None


def test_contained_follows_no_link_out_of_the_root(tmp_path):
    (tmp_path / "images").mkdir()
    os.symlink("/etc", tmp_path / "images" / "etc")
    assert files.contained(tmp_path, "images/etc/passwd") is None
    assert files.contained(tmp_path, "images/a.jpg") == tmp_path.resolve() / "images" / "a.jpg"


@pytest.mark.parametrize(
    "name,data,message",
    [
        (
            "content/pliki/regulamin.pdf",
            b"<html><script>alert(1)</script>",
            "nie jest tym, na co wskazuje rozszerzenie .pdf",
        ),
        ("content/images/a.jpg", b"<svg onload=alert(1)>", "nie jest tym, na co wskazuje rozszerzenie .jpg"),
        ("content/filmy/pliki/k.vtt", b"1\n00:00.000 --> 00:01.000\nx", "musi zaczynać się od WEBVTT"),
        ("content/pliki/dane.csv", "a;b\nŁódź;1".encode("cp1250"), "nie jest zapisany w UTF-8"),
    ],
)
def test_a_media_file_whose_bytes_are_not_its_type_is_refused(tmp_path, name, data, message):
    path = tmp_path / name
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    assert message in scan(tmp_path)[name]


def test_a_kind_registered_after_a_scan_is_seen_by_the_next_one(tmp_path):
    from portal_content.schema import PageMeta
    from portal_content.validate import KINDS, Kind, content_files

    touch(tmp_path, "content/nowy-rodzaj/a.md")
    settings = {"PATH": str(tmp_path / "content")}
    assert content_files(settings) == []  # refused: no kind lives there yet
    try:
        KINDS["nowy"] = Kind("nowy", "nowy-rodzaj", PageMeta, "nowy")
        assert content_files(settings) == [(tmp_path / "content" / "nowy-rodzaj" / "a.md", "nowy")]
    finally:
        del KINDS["nowy"]
