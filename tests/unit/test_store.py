"""portal_content.store: each file read once while unchanged, each text converted once,
each object built once per record."""

from __future__ import annotations

import os

from portal_content.store import ContentStore


def test_a_file_is_read_again_only_when_it_changed(tmp_path):
    store, reads = ContentStore(), []
    path = tmp_path / "a.md"
    path.write_text("pierwsza")

    def read():
        reads.append(path.read_text())
        return ["problem"] if "zła" in reads[-1] else {"text": reads[-1]}

    first = store.read(path, read)
    assert store.read(path, read) is first and reads == ["pierwsza"]
    assert store.record(path) == {"text": "pierwsza"}
    path.write_text("zła wersja, dłuższa")
    assert store.read(path, read) == ["problem"] and len(reads) == 2
    assert store.record(path) is None  # a file with problems has no record


def test_a_read_made_elsewhere_is_kept_as_its_own(tmp_path):
    store = ContentStore()
    path = tmp_path / "b.md"
    path.write_text("x")
    stat = os.stat(path)
    store.remember(str(path), stat.st_mtime_ns, stat.st_size, {"from": "preload"})
    assert store.read(path, lambda: {"from": "here"}) == {"from": "preload"}


def test_html_is_kept_per_configuration_and_text_until_forgotten():
    store = ContentStore()
    store.remember_html(("md", 1), "*a*", "<p><em>a</em></p>")
    assert store.html(("md", 1), "*a*") == "<p><em>a</em></p>"
    assert store.html(("md", 2), "*a*") is None
    store.forget_html()
    assert store.html(("md", 1), "*a*") is None


def test_objects_are_built_once_per_record_and_again_for_a_new_record():
    store, made = ContentStore(), []
    record = object()

    def make():
        made.append(1)
        return ["film"]

    assert store.built(record, "film", make) is store.built(record, "film", make)
    assert len(made) == 1
    store.built(object(), "film", make)
    assert len(made) == 2


def test_the_walk_is_kept_for_its_key_until_forgotten():
    store, walks = ContentStore(), []
    assert store.walk("roots", lambda: walks.append(1) or "inventory") == "inventory"
    store.walk("roots", lambda: walks.append(1) or "inventory")
    assert walks == [1]
    store.forget_walk()
    store.walk("roots", lambda: walks.append(1) or "inventory")
    assert walks == [1, 1]
