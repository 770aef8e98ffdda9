"""The large portal of `make bench-large` (benchmarks/generate.py) is valid content: its
docstring promises that every file passes `make check`, and a benchmark of content the
build refuses measures nothing."""

from __future__ import annotations

import sys

from sitebuild import ROOT, build_in_process

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402


def test_the_generated_large_portal_passes_the_check(tmp_path):
    counts = generate(tmp_path / "site", scale=0.02)
    assert counts["entities"] >= 10 and counts["news"] >= 50
    result = build_in_process(
        tmp_path / "site" / "content", tmp_path / "unused", command="check", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr[-2000:]
