"""`make devserver`: serves the site, rebuilds on save, shows a failed build on every page."""

from __future__ import annotations

import pytest
from devservertools import get, running_devserver, wait_for


@pytest.fixture
def devserver(tmp_path):
    with running_devserver(tmp_path) as running:
        yield running


def test_serves_pages_with_the_reload_script(devserver):
    base, _ = devserver
    status, page = get(base + "/aktualnosci/")
    assert status == 200
    assert page.count('<script src="/__portal/reload.js"></script>') == 1
    assert get(base + "/__portal/reload.js")[0] == 200


def test_rebuilds_on_save_and_shows_errors_on_the_page(devserver):
    base, content = devserver
    news = content / "aktualnosci" / "ok.md"
    original = news.read_text(encoding="utf-8")
    news.write_text(original.replace("title: ", "title: Zmieniony tytuł – ", 1), encoding="utf-8")
    wait_for(lambda: "Zmieniony tytuł – " in get(base + "/aktualnosci/")[1])

    news.write_text(original.replace("category: ", "category: Nieznana", 1), encoding="utf-8")
    status, page = wait_for(lambda: (lambda r: r if r[0] == 500 else None)(get(base + "/aktualnosci/")))
    assert "Strona nie została zbudowana" in page
    assert "content/aktualnosci/ok.md:" in page and "category" in page
    assert get(base + "/")[0] == 500  # every page, not a stale one
    assert '<script src="/__portal/reload.js"></script>' in page

    news.write_text(original, encoding="utf-8")
    wait_for(lambda: get(base + "/aktualnosci/")[0] == 200)


def test_text_edit_re_renders_only_that_item(tmp_path):
    with running_devserver(tmp_path) as (base, content):
        news = content / "aktualnosci" / "ok.md"
        news.write_text(
            news.read_text(encoding="utf-8") + "\nZdanie dopisane w podglądzie.\n", encoding="utf-8"
        )
        wait_for(lambda: "Zdanie dopisane w podglądzie." in get(base + "/aktualnosci/2026/ok/")[1])
        log = tmp_path / "devserver.log"
        wait_for(lambda: "indeks wyszukiwarki odświeżony" in log.read_text(encoding="utf-8"))
        text = log.read_text(encoding="utf-8")
        assert "Przebudowano 3 pliki" in text and "pełne budowanie" not in text
