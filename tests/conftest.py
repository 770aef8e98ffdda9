"""Session fixtures shared by every test folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from nginxserve import free_port
from sitebuild import run_build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real content/ built once per test session (fixed build date)."""
    output = tmp_path_factory.mktemp("site") / "output"
    result = run_build(None, output)
    assert result.returncode == 0, result.stderr
    return output


@dataclass(frozen=True)
class Published:
    """`make publish` output built for http://127.0.0.1:<port> (its absolute SITEURL)."""

    output: Path
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Published:
    """The real content/ built with publishconf.py (fingerprinted, minified, compressed)."""
    port = free_port()
    output = tmp_path_factory.mktemp("published") / "output"
    result = run_build(
        None, output, settings="publishconf.py", env={"PORTAL_SITEURL": f"http://127.0.0.1:{port}"}
    )
    assert result.returncode == 0, result.stderr
    return Published(output, port)
