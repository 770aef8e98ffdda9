"""A page that fails to render names itself and the content file it shows (not a bare
exception from deep inside a template), also when two processes render."""

from __future__ import annotations

import copy
from types import SimpleNamespace

import pytest
from pelican.settings import DEFAULT_CONFIG
from portal_build.render import RecordingWriter, RenderError


class Broken:
    name = "product.html"

    def render(self, *args, **kwargs):
        raise KeyError("price_net")


@pytest.mark.parametrize("workers", [1, 2])
def test_the_failing_page_and_its_content_file_are_named(tmp_path, workers, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = copy.deepcopy(DEFAULT_CONFIG)
    writer = RecordingWriter(str(tmp_path / "output"), settings=settings, workers=workers)
    product = SimpleNamespace(source=tmp_path / "catalogue" / "brelok.yaml")
    with pytest.raises((RenderError, RuntimeError)) as error:  # RuntimeError: from a worker
        for number in range(4):  # enough calls for two processes to share (one renders at once)
            writer.write_file(f"katalog/{number}/index.html", Broken(), {}, product=product)
        writer.flush()
    assert "strona katalog/" in str(error.value) and "(z pliku catalogue/brelok.yaml)" in str(error.value)
    assert "KeyError: 'price_net'" in str(error.value)
