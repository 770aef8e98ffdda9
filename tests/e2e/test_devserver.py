"""`make devserver`: serves the site, rebuilds on save, shows a failed build on every page."""

from __future__ import annotations

import re

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
    # the page carries the build it was served from (v=1: the first build)
    tag = '<script src="/__portal/reload.js?v=1" data-search-delta="/__portal/pagefind/"></script>'
    assert page.count(tag) == 1
    assert get(base + "/__portal/reload.js")[0] == 200
    # no edit yet: no small search index (the site's search then uses its own index alone)
    assert get(base + "/__portal/pagefind/zmiany.json")[0] == 404


def test_answers_only_its_own_address_within_the_output_with_the_policy(devserver, tmp_path):
    import http.client
    import os
    from urllib.parse import urlsplit

    from devserver import POLICY

    base, _ = devserver
    port = urlsplit(base).port
    os.symlink("/etc", tmp_path / "output" / "etc")  # a link out of the output folder

    def ask(path: str, host: str) -> tuple[int, dict]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        response.read()
        return response.status, dict(response.getheaders())

    status, headers = ask("/aktualnosci/", f"127.0.0.1:{port}")
    assert status == 200 and headers["Content-Security-Policy"] == POLICY
    assert ask("/aktualnosci/", f"localhost:{port}")[0] == 200
    assert ask("/aktualnosci/", f"atakujacy.example:{port}")[0] == 421  # DNS rebinding
    assert ask("/aktualnosci/", "127.0.0.1")[0] == 421
    assert ask("/etc/passwd", f"127.0.0.1:{port}")[0] == 404
    assert ask("/etc/hostname", f"127.0.0.1:{port}")[0] == 404
    (tmp_path / "output-wyszukiwarka-zmiany").mkdir()  # the small search index's folder
    os.symlink("/etc", tmp_path / "output-wyszukiwarka-zmiany" / "etc")
    assert ask("/__portal/pagefind/../../../../etc/hostname", f"127.0.0.1:{port}")[0] == 404
    assert ask("/__portal/pagefind/etc/hostname", f"127.0.0.1:{port}")[0] == 404


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
    assert re.search(r'<script src="/__portal/reload\.js\?v=\d+" data-search-delta="[^"]+"></script>', page)

    news.write_text(original, encoding="utf-8")
    wait_for(lambda: get(base + "/aktualnosci/")[0] == 200)


def test_text_edit_re_renders_only_that_item(tmp_path):
    # the whole search index follows 1 s after the save (10 s in use): the log is complete then
    with running_devserver(tmp_path, args=("--full-index-after", "1")) as (base, content):
        news = content / "aktualnosci" / "ok.md"
        news.write_text(
            news.read_text(encoding="utf-8") + "\nZdanie dopisane w podglądzie.\n", encoding="utf-8"
        )
        wait_for(lambda: "Zdanie dopisane w podglądzie." in get(base + "/aktualnosci/2026/ok/")[1])
        log = tmp_path / "devserver.log"
        wait_for(lambda: "indeks wyszukiwarki odświeżony" in log.read_text(encoding="utf-8"))
        text = log.read_text(encoding="utf-8")
        assert "Przebudowano 3 pliki" in text and "pełne budowanie" not in text
