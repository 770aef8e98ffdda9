"""portal_build.carry: what a build whose only change is the date takes over from the last."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

from portal_build import carry

SEARCHED = "<main data-pagefind-body><h1>{}</h1></main>"
NOT_SEARCHED = "<main><p>Stan na {}</p></main>"


def site(folder: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def built(folder: Path, pages: dict[str, str], carried: tuple[str, ...] = ()) -> list[SimpleNamespace]:
    """The writer's calls of a build into ``folder``: ``pages`` rendered, ``carried`` taken over."""
    site(folder, pages)
    return [
        SimpleNamespace(
            method="write_file",
            outputs={str(folder / name)},
            target=str(folder / name),
            carried=name in carried,
            asked={},
            dated={},
        )
        for name in [*pages, *carried]
    ]


def test_the_search_index_is_taken_over_only_when_the_searched_pages_are_the_same(tmp_path):
    yesterday = {
        "index.html": NOT_SEARCHED.format("27 listopada"),
        "aktualnosci/a/index.html": SEARCHED.format("A"),
        "katalog/kubek/index.html": SEARCHED.format("Kubek"),
    }
    previous = tmp_path / "wczoraj"
    carry.activate(None)
    carry.note_build(built(previous, yesterday), str(previous), {})
    # the last build's searched pages, as its manifest keeps them
    searched = frozenset(carry._active["noted"].searched)
    assert searched == {"aktualnosci/a/index.html", "katalog/kubek/index.html"}
    try:

        def today(pages: dict[str, str], carried: tuple[str, ...] = ("aktualnosci/a/index.html",)) -> bool:
            carry.activate(carry.Plan(previous, {}, {}, searched))
            folder = tmp_path / f"dzis-{len(list(tmp_path.iterdir()))}"
            for name in carried:
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                os.link(previous / name, folder / name)
            carry.note_build(built(folder, pages, carried), str(folder), {})
            return carry.search_input_unchanged(str(folder))

        # the home page shows the new date, the product page came out the same: the same index
        same = {
            "index.html": NOT_SEARCHED.format("28 listopada"),
            "katalog/kubek/index.html": SEARCHED.format("Kubek"),
        }
        assert today(same)
        # a searched page changed (a certificate expired on it), or a searched page is new or gone
        assert not today({**same, "katalog/kubek/index.html": SEARCHED.format("Kubek (certyfikat wygasł)")})
        assert not today({**same, "katalog/nowy/index.html": SEARCHED.format("Nowy")})
        assert not today({"index.html": NOT_SEARCHED.format("28 listopada")})
        assert not today({**same, "katalog/kubek/index.html": NOT_SEARCHED.format("Kubek")})
        # what changed is in an element the search does not read, and a class name: the same
        ignored = '<p class="{}">Targi{}</p>'
        previous.joinpath("katalog/kubek/index.html").write_text(SEARCHED.format(ignored.format("a", "")))
        minione = ignored.format("b", "<span data-pagefind-ignore> · wydarzenie minione</span>")
        assert today({**same, "katalog/kubek/index.html": SEARCHED.format(minione)})
        # an ignored section that holds ignored badges and the date ("Stan na ...") is left out whole
        section = (
            "<section data-pagefind-ignore><p>Stan na {}</p><span data-pagefind-ignore>ważny</span></section>"
        )
        previous.joinpath("katalog/kubek/index.html").write_text(SEARCHED.format(section.format("4 grudnia")))
        assert today({**same, "katalog/kubek/index.html": SEARCHED.format(section.format("10 grudnia"))})
        # ... but not when the ignored element holds something Pagefind reads, or more text
        metadata = ignored.format("a", '<span data-pagefind-ignore><b data-pagefind-meta="x">1</b></span>')
        assert not today({**same, "katalog/kubek/index.html": SEARCHED.format(metadata)})
        assert not today({**same, "katalog/kubek/index.html": SEARCHED.format(minione + "!")})
    finally:
        carry.activate(None)
    assert not carry.search_input_unchanged(str(previous))  # no plan: never


def test_pages_with_the_same_searched_part_give_pagefind_the_same_index(tmp_path):
    """What ``searched_part`` leaves out really does not reach Pagefind's index."""
    from portal_publish.finishing import search_index

    def indexed(kicker: str) -> dict[str, bytes]:
        folder = tmp_path / f"strona-{len(list(tmp_path.iterdir()))}"
        page = (
            '<!DOCTYPE html><html lang="pl"><head><title>Targi</title></head><body>'
            f'<main data-pagefind-body><h1>Targi ekonomii społecznej</h1><p class="{kicker[0]}">Targi{kicker[1]}</p>'
            '<div class="pl-cert"><span data-pagefind-ignore>certyfikat <strong>ważny</strong></span></div></main></body></html>'
        )
        site(folder, {"wydarzenia/targi/index.html": page})
        search_index(folder, "pl")
        index = folder / "pagefind"
        return {
            p.relative_to(index).as_posix(): p.read_bytes() for p in sorted(index.rglob("*")) if p.is_file()
        }

    upcoming = ("pl-a", "")
    past = ("pl-b", "<span data-pagefind-ignore> · wydarzenie minione</span>")
    assert indexed(upcoming) == indexed(past)
    text = ("pl-a", " · wydarzenie minione")
    assert indexed(upcoming) != indexed(text)  # the comparison can tell a change in the text


def test_a_plan_needs_the_same_inputs_and_the_last_output(tmp_path):
    output = site(tmp_path / "output", {"index.html": "<p>x</p>"})
    entry = (["a/index.html"], {}, {})
    carry.activate(None)
    carry._active["noted"] = carry._Noted(pages={"a/index.html": entry})
    carry.save(tmp_path / "cache", output, "wejscia-1")
    assert carry.plan(tmp_path / "cache", output, "wejscia-1").pages == {"a/index.html": entry}
    assert carry.plan(tmp_path / "cache", output, "wejscia-2") is None  # something else changed too
    (output / "index.html").unlink()
    assert carry.plan(tmp_path / "cache", output, "wejscia-1") is None  # no site to carry from


def test_a_page_is_carried_only_while_every_date_dependent_value_it_showed_is_the_same(tmp_path):
    from portal_build.render import Call

    previous = site(
        tmp_path / "wczoraj",
        dict.fromkeys(("news/index.html", "profil/index.html", "dom/index.html"), "<p>strona</p>"),
    )
    statuses = {"ZP-2025-01": "valid"}
    carry.date_value("certyfikat-test", lambda key: statuses[key[1]])
    carry.date_value("BUILD_DATE", lambda key: "2026-11-28")
    pages = {
        "news/index.html": (["news/index.html"], {}, {}),
        "profil/index.html": (["profil/index.html"], {}, {("certyfikat-test", "ZP-2025-01"): "valid"}),
        "dom/index.html": (["dom/index.html"], {}, {("BUILD_DATE",): "2026-11-27"}),
    }
    output = tmp_path / "dzis"

    def carried() -> list[str]:
        carry.activate(carry.Plan(previous, pages, {}))
        try:
            return [
                name
                for name in pages
                if carry.take(Call("write_file", (name, None), {}), str(output / name), str(output))
            ]
        finally:
            carry.activate(None)

    # the home page prints the date, which moved; the certificate is still valid
    assert carried() == ["news/index.html", "profil/index.html"]
    statuses["ZP-2025-01"] = "expired"
    assert carried() == ["news/index.html"]
    del statuses["ZP-2025-01"]  # the certificate is gone from the content: render the page
    assert carried() == ["news/index.html"]
