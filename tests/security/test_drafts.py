"""Drafts (status: draft) never leave the editor's machine: no page, feed, list, sitemap
entry, search index word, share card or photo of a draft is in `make html` or `make
publish` output. The editor's preview (`make devserver`, --drafts) shows them with a banner.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import pytest
from sitebuild import build_in_process, copy_fixture_site

MARKER = b"szkictajny"


def readable(path: Path) -> bytes:
    """The file's bytes, unpacked when it is gzip (Pagefind's index files, .gz) or brotli."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        return gzip.decompress(data)
    if path.suffix == ".br":
        return brotli.decompress(data)
    return data


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    root = tmp_path_factory.mktemp("drafts")
    content = copy_fixture_site("ok-drafts", root)
    built = {}
    for name, settings, env in (
        ("html", "pelicanconf.py", {}),
        ("publish", "publishconf.py", {"PORTAL_SITEURL": "https://example.org"}),
    ):
        result = build_in_process(content, root / name, settings=settings, env=env)
        assert result.returncode == 0, result.stderr
        built[name] = root / name
    return built


@pytest.mark.parametrize("build", ["html", "publish"])
def test_no_output_file_holds_anything_of_a_draft(sites, build):
    output = sites[build]
    files = [p for p in output.rglob("*") if p.is_file()]
    assert len(files) > 50 and (output / "pagefind").is_dir()
    leaking = [p.relative_to(output).as_posix() for p in files if MARKER in readable(p).lower()]
    assert leaking == []
    names = {p.relative_to(output).as_posix() for p in files}
    assert not [n for n in names if "szkic" in n or "tajnytag" in n]  # no page, tag, photo or card
    assert "aktualnosci/2026/opublikowana/index.html" in names  # the published item is there
    assert "aktualnosci/tag/targi/index.html" in names


def test_the_editors_preview_shows_drafts_with_a_banner(tmp_path):
    content = copy_fixture_site("ok-drafts", tmp_path)
    output = tmp_path / "podglad"
    result = build_in_process(content, output, extra=["--drafts"])
    assert result.returncode == 0, result.stderr
    page = (output / "szkice" / "szkic-wpisu" / "index.html").read_text(encoding="utf-8")
    assert "SZKIC — nie jest opublikowany." in page and '<meta name="robots" content="noindex">' in page
    assert "data-pagefind-body" not in page
    other = (output / "szkice" / "strony" / "szkic-strony" / "index.html").read_text(encoding="utf-8")
    assert "SZKIC — nie jest opublikowany." in other
