"""The devserver's search after an edit (portal_publish.finishing.delta_index): a small
Pagefind index of the edited pages, and the ids of their older entries in the main index
that the site's search leaves out while the small index exists."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

from portal_publish import finishing


def page(folder: Path, relative: str, text: str, searched: bool = True) -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    body = f"<main{' data-pagefind-body' if searched else ''}><h1>{text}</h1><p>{text}</p></main>"
    path.write_text(
        f'<!DOCTYPE html><html lang="pl"><head><title>{text}</title></head><body>{body}</body></html>'
    )
    return path


def test_the_small_index_holds_the_edited_pages_and_names_the_entries_it_replaces(tmp_path):
    site = tmp_path / "output"
    edited = page(site, "aktualnosci/a/index.html", "Warsztaty ceramiczne w Gnieźnie")
    kept = page(site, "aktualnosci/b/index.html", "Kiermasz w Kaliszu")
    plain = page(site, "kontakt/index.html", "Kontakt", searched=False)
    assert finishing.search_index(site, "pl") == 2
    main = finishing.page_ids(site / "pagefind")
    assert set(main) == {"/aktualnosci/a/", "/aktualnosci/b/"}

    page(site, "aktualnosci/a/index.html", "Warsztaty ceramiczne i krawieckie w Gnieźnie")
    delta = tmp_path / "zmiany"
    # the kept page was written again with the same text: its entry is the same, not replaced;
    # a page outside the search (no data-pagefind-body) is not indexed at all
    assert finishing.delta_index(site, [edited, kept, plain], "pl", delta) == 2
    listed = json.loads((delta / finishing.DELTA_FILE).read_text(encoding="utf-8"))
    own = finishing.page_ids(delta)
    assert set(own) == {"/aktualnosci/a/", "/aktualnosci/b/"}
    assert listed["zastapione"] == [main["/aktualnosci/a/"]]
    assert listed["nowe"] == sorted(own.values())
    assert own["/aktualnosci/a/"] != main["/aktualnosci/a/"]
    assert own["/aktualnosci/b/"] == main["/aktualnosci/b/"]
    assert listed["strony"] == 2


def test_an_edit_of_pages_outside_the_search_makes_an_empty_small_index(tmp_path):
    site = tmp_path / "output"
    page(site, "aktualnosci/a/index.html", "Warsztaty")
    plain = page(site, "kontakt/index.html", "Kontakt", searched=False)
    finishing.search_index(site, "pl")
    delta = tmp_path / "zmiany"
    assert finishing.delta_index(site, [plain], "pl", delta) == 0
    assert json.loads((delta / finishing.DELTA_FILE).read_text(encoding="utf-8")) == {
        "strony": 0,
        "nowe": [],
        "zastapione": [],
    }


def test_an_address_is_read_from_a_fragment_longer_than_its_first_bytes(tmp_path, monkeypatch):
    site = tmp_path / "output"
    # hex digits hardly compress: the address outlasts the first 1,024 bytes read
    folders = [hashlib.sha256(str(n).encode()).hexdigest()[:32] for n in range(90)]
    long_name = "/".join(["aktualnosci", *folders, "index.html"])
    page(site, long_name, "Długi adres")
    finishing.search_index(site, "pl")
    whole, decompress = [], gzip.decompress
    monkeypatch.setattr(finishing.gzip, "decompress", lambda data: whole.append(1) or decompress(data))
    assert list(finishing.page_ids(site / "pagefind")) == ["/" + long_name[: -len("index.html")]]
    assert whole == [1]  # the whole fragment was read, once
