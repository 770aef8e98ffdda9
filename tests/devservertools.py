"""Running `tools/devserver.py` on a copy of a fixture site (shared by e2e and browser tests)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

import pytest
from nginxserve import free_port
from sitebuild import BUILD_DATE, ROOT, copy_fixture_site


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our local server
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return 0, ""


def wait_for(condition, timeout: float = 90.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.3)
    pytest.fail("the devserver did not get there in time")


@contextmanager
def running_devserver(
    tmp_path, fixture: str = "ok-minimal", env: dict[str, str] | None = None, args: tuple[str, ...] = ()
):
    """Yields (base URL, content folder) of a devserver on a copy of a fixture site
    (``args``: more of tools/devserver.py's options)."""
    content = copy_fixture_site(fixture, tmp_path)
    port = free_port()
    log = open(tmp_path / "devserver.log", "w")  # noqa: SIM115 - closed when the server stops
    env = dict(os.environ, PORTAL_BUILD_DATE=BUILD_DATE, PYTHONUNBUFFERED="1", **(env or {}))
    process = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tools" / "devserver.py"),
            "--port",
            str(port),
            "--content",
            str(content),
            "--catalogue",
            str(tmp_path / "catalogue"),
            "--output",
            str(tmp_path / "output"),
            *args,
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: get(base + "/")[0] == 200)
        yield base, content
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
