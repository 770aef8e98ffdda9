"""A build publishes only checked files from inside the repository: a symbolic link in the
content (to a file, a folder, or nowhere) is refused before anything reads through it, the
message is the same whether its target exists or not, and the previous site is kept."""

from __future__ import annotations

import os

import pytest
from sitebuild import build_in_process, copy_fixture_site

OUTSIDE_TEXT = "zawartosc-pliku-spoza-repozytorium"


@pytest.mark.parametrize("target", ["secret", "missing", "folder"])
def test_a_link_out_of_the_content_is_refused_without_reading_it(tmp_path, target):
    content = copy_fixture_site("ok-minimal", tmp_path)
    outside = tmp_path.parent / f"{tmp_path.name}-poza"
    outside.mkdir()
    (outside / "plik.jpg").write_text(OUTSIDE_TEXT)
    link = content / "images" / "zdjecie-z-linku.jpg"
    if target == "secret":
        os.symlink(outside / "plik.jpg", link)
    elif target == "missing":
        os.symlink(outside / "nie-ma.jpg", link)
    else:
        link = content / "images" / "folder"
        os.symlink(outside, link)
    news = content / "aktualnosci" / "ze-zdjeciem.md"
    photo = "images/folder/plik.jpg" if target == "folder" else "images/zdjecie-z-linku.jpg"
    news.write_text(news.read_text(encoding="utf-8").replace("images/foto.jpg", photo), encoding="utf-8")
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("poprzednia wersja")
    result = build_in_process(content, output, cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr and OUTSIDE_TEXT not in result.stderr
    shown = link.relative_to(tmp_path).as_posix()
    assert (
        f"{shown}:1: (plik): dowiązanie symboliczne (link do innego miejsca na dysku) nie jest dozwolone"
        in result.stderr
    )
    # the same words whether the target exists or not: nothing is learnt about the machine
    assert "nie ma pliku" not in result.stderr and str(outside) not in result.stderr
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text() == "poprzednia wersja"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalogue", "content", "output"]
