"""`make devserver` in Chromium: a saved change reloads the open page by itself."""

from __future__ import annotations

import re

from devservertools import running_devserver, wait_for
from playwright.sync_api import expect


def test_open_page_reloads_after_a_save(context, tmp_path):
    with running_devserver(tmp_path) as (base, content):
        page = context.new_page()
        page.goto(base + "/aktualnosci/")
        news = content / "aktualnosci" / "ok.md"
        original = news.read_text(encoding="utf-8")
        page.wait_for_timeout(500)  # the page has connected to the event stream
        news.write_text(original.replace("title: ", "title: Nowy tytuł – ", 1), encoding="utf-8")
        expect(page.locator("main")).to_contain_text("Nowy tytuł – ", timeout=60_000)
        news.write_text(original.replace("category: ", "category: Nieznana", 1), encoding="utf-8")
        expect(page.locator("h1")).to_have_text("Strona nie została zbudowana", timeout=60_000)
        expect(page.locator(".pl-dev-errors")).to_contain_text("content/aktualnosci/ok.md")


def test_search_finds_an_edit_at_once_and_not_the_text_it_replaced(context, tmp_path):
    """The search under `make devserver` merges the small index of the pages edited since
    the last full index (tools/portal.py SearchRefresh): the new word is found before the
    full index is done, and the page is one result, not two (its older entry is left out)."""
    with running_devserver(tmp_path) as (base, content):
        news = content / "aktualnosci" / "ok.md"
        log = tmp_path / "devserver.log"
        page = context.new_page()
        page.goto(base + "/szukaj/?q=Poprawna")
        expect(page.locator(".pl-search__status")).to_have_text(re.compile("^Znaleziono 1 wynik"))
        news.write_text(
            news.read_text(encoding="utf-8") + "\nOpisujemy też kurs krawiecki Pyzdrak.\n", encoding="utf-8"
        )
        wait_for(lambda: "wyszukiwarka zna zmiany" in log.read_text(encoding="utf-8"))
        page.goto(base + "/szukaj/?q=Pyzdrak")
        expect(page.locator(".pl-search__status")).to_have_text(re.compile("^Znaleziono 1 wynik"))
        expect(page.locator(".pl-result__title a")).to_have_attribute("href", "/aktualnosci/2026/ok/")
        page.goto(base + "/szukaj/?q=Poprawna")
        expect(page.locator(".pl-search__status")).to_have_text(re.compile("^Znaleziono 1 wynik"))
        # the whole site is indexed only after 10 s without a save: the small index answered
        assert "indeks wyszukiwarki odświeżony" not in log.read_text(encoding="utf-8")
        wait_for(lambda: "indeks wyszukiwarki odświeżony" in log.read_text(encoding="utf-8"))
        assert not (tmp_path / "output-wyszukiwarka-zmiany").exists()
        page.goto(base + "/szukaj/?q=Pyzdrak")
        expect(page.locator(".pl-search__status")).to_have_text(re.compile("^Znaleziono 1 wynik"))
