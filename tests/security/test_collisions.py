"""Two things at one address are a problem naming the content file, never a silent
last-wins: a page called katalog, an entity whose slug is a directory listing's, a
product named like the enquiry page. Found while the build records its pages (so by
`make html` and the devserver, in one process or several)."""

from __future__ import annotations

import pytest
from sitebuild import build_in_process, copy_fixture_site

EXPECTED = [
    "catalogue/zapytanie.yaml:1: slug: adres /katalog/zapytanie/ ma już stronę generowaną przez portal (enquiry.html)",
    "content/podmioty/przedsiebiorstwa-spoleczne.md:1: slug: adres /podmioty/przedsiebiorstwa-spoleczne/ ma już "
    "stronę generowaną przez portal (directory_list.html)",
    "content/strony/katalog.md:1: slug: adres /katalog/ ma już stronę generowaną przez portal (catalogue.html)",
    "content/strony/swiat.md:3: slug: adres /aktualnosci/ ma już stronę generowaną przez portal (index.html)",
]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_every_collision_is_named_and_nothing_is_published(tmp_path, workers):
    content = copy_fixture_site("build-collisions", tmp_path)
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("poprzednia wersja")
    result = build_in_process(content, output, cwd=tmp_path, extra=["--render-workers", workers])
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert [line.split("; nadaj", 1)[0] for line in lines[:-1]] == EXPECTED
    assert lines[-1].startswith("Znaleziono 4 problemy")
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text() == "poprzednia wersja"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalogue", "content", "output"]
