"""Session fixtures shared by every test folder."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from browsertools import require
from nginxserve import free_port
from sitebuild import ROOT, run_build

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# `make test` runs two pytest-xdist workers (``-n 2``). The tests that look at the session's
# build of the sample site (``site``) are one unit of work, those that look at its
# published build (``published``) or drive Chromium another, so each build is made once, on
# one worker; every other test is its own unit and goes to whichever worker is free.
SESSION_BUILDS = {
    "site": (
        "tests/e2e/test_site.py",
        "tests/e2e/test_catalogue_site.py",
        "tests/e2e/test_certification_site.py",
        "tests/e2e/test_directory_site.py",
        "tests/e2e/test_events_site.py",
        "tests/e2e/test_films_site.py",
    ),
    "published": ("tests/browser/", "tests/e2e/test_publish.py"),
}


def _unit_of(nodeid: str) -> str:
    return next((build for build, files in SESSION_BUILDS.items() if nodeid.startswith(files)), nodeid)


def pytest_xdist_make_scheduler(config, log):
    """pytest-xdist's load-scope scheduling (largest unit first), with the units above: the
    scheduler sees only test ids, so the unit is decided by the test's file."""
    from xdist.scheduler import LoadScopeScheduling

    class BySessionBuild(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _unit_of(nodeid)

    return BySessionBuild(config, log)


def pytest_collection_modifyitems(items):
    """A test that uses a session build outside its unit would make it again on the other
    worker: say where to list it."""
    for item in items:
        for build in SESSION_BUILDS.keys() & set(item.fixturenames):
            if _unit_of(item.nodeid) != build:
                raise pytest.UsageError(
                    f"{item.nodeid} uses the session's `{build}` build: add its file to "
                    f"SESSION_BUILDS[{build!r}] in tests/conftest.py"
                )


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


@pytest.fixture(scope="session")
def vnu() -> list[str]:
    """The Nu Html Checker's command (vnu.jar from npm, run by Java)."""
    require(VNU.is_file(), "vnu.jar missing: run `npm ci` (make test does)")
    java = shutil.which("java")
    require(java is not None, "java missing (apt-get install default-jre-headless)")
    # one collector thread and the quick compiler only: half the processor time of Java's
    # defaults for a run this short (which compile on a second core); the checker needs a
    # larger stack than the default for its schema
    return [java, "-Xss8m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", str(VNU)]
