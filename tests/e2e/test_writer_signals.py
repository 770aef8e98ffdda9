"""Writer signals keep Pelican's meaning with parallel rendering: ``content_written`` and
``feed_written`` are sent once per file, in the building process, as in a one-process build
(a pelican-plugins receiver such as image-process then behaves as in plain Pelican)."""

from __future__ import annotations

import os
from collections import Counter

from pelican import signals
from sitebuild import build_in_process, copy_fixture_site


def build_counting(tmp_path, workers: int) -> tuple[Counter, Counter, set[int], dict]:
    """What receivers saw; receivers also note each call in a file, as a receiver that
    changes files (image-process) would: a call in a worker process would show there."""
    content = copy_fixture_site("ok-minimal", tmp_path / f"site{workers}")
    output = tmp_path / f"output{workers}"
    pages: Counter = Counter()
    feeds: Counter = Counter()
    processes: set[int] = set()
    contexts: dict = {}
    journal = tmp_path / f"journal{workers}.txt"

    def inside(path: str) -> str:  # the build writes into a fresh folder beside output
        return os.path.relpath(path, output.parent).split(os.sep, 1)[1]

    def page_written(path, context):
        relative = inside(path)
        pages[relative] += 1
        processes.add(os.getpid())
        contexts[relative] = context
        with open(journal, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()} {relative}\n")

    def feed_written(path, context, feed):
        feeds[inside(path)] += 1
        processes.add(os.getpid())
        assert feed.num_items() > 0

    signals.content_written.connect(page_written)
    signals.feed_written.connect(feed_written)
    try:
        result = build_in_process(content, output, extra=["--render-workers", str(workers), "--force"])
    finally:
        signals.content_written.disconnect(page_written)
        signals.feed_written.disconnect(feed_written)
    assert result.returncode == 0, result.stderr
    lines = journal.read_text(encoding="utf-8").splitlines()
    assert sorted(line.split(" ", 1)[1] for line in lines) == sorted(pages)  # no call elsewhere
    assert {int(line.split(" ", 1)[0]) for line in lines} == {os.getpid()}
    return pages, feeds, processes, contexts


def test_each_file_is_announced_once_in_the_building_process_as_in_one_process(tmp_path):
    serial_pages, serial_feeds, _, serial_contexts = build_counting(tmp_path, 1)
    pages, feeds, processes, contexts = build_counting(tmp_path, 2)
    assert len(pages) > 8 and feeds  # enough pages for two processes to share them
    assert set(pages.values()) == {1} and set(feeds.values()) == {1}
    assert pages == serial_pages and feeds == serial_feeds
    assert processes == {os.getpid()}
    # a receiver sees the same template variables for a news item's page
    article = next(name for name in pages if name.startswith("aktualnosci/2026/ok/"))
    assert contexts[article]["article"].slug == serial_contexts[article]["article"].slug == "ok"
    assert contexts[article]["SITENAME"] == serial_contexts[article]["SITENAME"]
