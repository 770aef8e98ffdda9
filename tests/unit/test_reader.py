"""portal_content.reader: what Pelican's generators get for news and pages, and that it
reads nothing else."""

from __future__ import annotations

import pytest
from portal_content.problems import ContentError
from portal_content.reader import PortalMarkdownReader
from portal_site import register_content
from sitebuild import portal_settings

register_content()

NEWS = """---
title: Targi <ekonomii> społecznej
date: 2026-05-12 10:30
category: Promocja
tags: [targi, Poznań]
summary: Stoiska & warsztaty <b>dla wszystkich</b>.
---
**Zapraszamy** na targi.
"""


@pytest.fixture
def reader(tmp_path):
    content = tmp_path / "content"
    for folder in ("aktualnosci/2026", "strony", "podmioty"):
        (content / folder).mkdir(parents=True)
    return content, PortalMarkdownReader(portal_settings(PATH=str(content)))


def test_news_metadata_for_pelican(reader):
    content, portal_reader = reader
    path = content / "aktualnosci" / "2026" / "targi.md"
    path.write_text(NEWS, encoding="utf-8")
    html, metadata = portal_reader.read(str(path))
    assert html == "<p><strong>Zapraszamy</strong> na targi.</p>"
    assert metadata["title"] == "Targi <ekonomii> społecznej"  # escaped where templates print it
    assert metadata["slug"] == "targi"
    assert str(metadata["summary"]) == "Stoiska &amp; warsztaty &lt;b&gt;dla wszystkich&lt;/b&gt;."
    assert metadata["category"].slug == "promocja" and [t.name for t in metadata["tags"]] == [
        "targi",
        "Poznań",
    ]
    assert (metadata["date"].year, metadata["date"].hour, metadata["date"].minute) == (2026, 10, 30)


def test_anything_but_news_and_pages_is_refused(reader):
    content, portal_reader = reader
    for path, says in (
        (content / "podmioty" / "proba.md", "czyta jego generator"),
        (content / "inne.md", "nie jest czytany"),
    ):
        path.write_text("---\nname: x\n---\n", encoding="utf-8")
        with pytest.raises(ContentError) as raised:
            portal_reader.read(str(path))
        assert says in raised.value.problems[0].message


def test_a_news_item_with_a_problem_is_an_error_not_a_page(reader):
    content, portal_reader = reader
    path = content / "aktualnosci" / "2026" / "zla.md"
    path.write_text(NEWS.replace("category: Promocja", "category: Nieznana"), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        portal_reader.read(str(path))
    assert raised.value.problems[0].field == "category"
