"""`make devserver` in Chromium: a saved change reloads the open page by itself."""

from __future__ import annotations

from devservertools import running_devserver
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
