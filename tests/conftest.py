"""Session fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import run_build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real content/ built once per test session (fixed build date)."""
    output = tmp_path_factory.mktemp("site") / "output"
    result = run_build(None, output)
    assert result.returncode == 0, result.stderr
    return output
