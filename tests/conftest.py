"""Session fixtures shared by every test folder."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from browsertools import audit_half, require
from nginxserve import free_port
from sitebuild import CMS_HOST, ROOT, run_build

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# The suite's publish builds are thrown away after the session: Brotli at level 5 instead of
# the live site's 11 saves about 14 s of a core per build (the .br files still decode to the
# same bytes, which tests/browser/test_served.py checks as nginx sends them).
os.environ.setdefault("PORTAL_BROTLI_QUALITY", "5")

# `make test` runs two pytest-xdist workers (``-n 2``). The tests that look at a session
# build are grouped into units of work, each run on one worker, so a build is made once per
# worker that runs a unit needing it: the sample site's build (``site``) in one unit; the
# published build (``published``) in two, the page-by-page audits and the interactive tools,
# because together they take longer than everything else on the other worker (the second
# build costs about 15 s of a core, less than the wait it saves). The page audit itself
# (about two minutes of Chromium) is split: the pages of its second half
# (browsertools.audit_half) are visited in the tools' unit. Every other file is a unit of
# its own and goes to whichever worker is free (a module's fixtures made once).
SESSION_BUILDS = {
    "site": (
        "site",
        (
            "tests/e2e/test_site.py",
            "tests/e2e/test_buyers_site.py",
            "tests/e2e/test_publications_site.py",
            "tests/e2e/test_sector_site.py",
            "tests/e2e/test_coordination_site.py",
            "tests/e2e/test_catalogue_site.py",
            "tests/e2e/test_certification_site.py",
            "tests/e2e/test_directory_site.py",
            "tests/e2e/test_events_site.py",
            "tests/e2e/test_films_site.py",
            "tests/e2e/test_etr_site.py",
            "tests/e2e/test_english_site.py",
        ),
    ),
    "published-audits": ("published", ("tests/browser/test_pages.py", "tests/e2e/test_publish.py")),
    "published-tools": (
        "published",
        (
            "tests/browser/test_catalogue_tools.py",
            "tests/browser/test_certificates.py",
            "tests/browser/test_directory_filters.py",
            "tests/browser/test_films.py",
            "tests/browser/test_journeys.py",
            "tests/browser/test_profiles.py",
            "tests/browser/test_publications.py",
            "tests/browser/test_sector.py",
            "tests/browser/test_search.py",
            "tests/browser/test_served.py",
        ),
    ),
}


AUDIT_TESTS = (
    "tests/browser/test_pages.py::test_page_has_no_wcag_violation_no_other_origin_no_cookie_no_csp_violation[",
    "tests/browser/test_pages.py::test_axe_in_high_contrast_and_large_text[",
    "tests/browser/test_pages.py::test_every_template_reflows_without_horizontal_scrolling[",
)


def _unit_of(nodeid: str) -> str:
    """The test's unit: its session build's, else its file (a module-scoped fixture, such as
    the CMS's servers or the hostile sites' builds, is then made once, on one worker)."""
    if nodeid.startswith(AUDIT_TESTS) and audit_half(nodeid[nodeid.index("[") + 1 : -1]) == 1:
        return "published-tools"
    return next(
        (unit for unit, (_, files) in SESSION_BUILDS.items() if nodeid.startswith(files)),
        nodeid.split("::", 1)[0],
    )


def pytest_xdist_make_scheduler(config, log):
    """pytest-xdist's load-scope scheduling (largest unit first), with the units above: the
    scheduler sees only test ids, so the unit is decided by the test's file."""
    from xdist.scheduler import LoadScopeScheduling

    class BySessionBuild(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _unit_of(nodeid)

    return BySessionBuild(config, log)


def pytest_collection_modifyitems(items):
    """A test that uses a session build outside a unit of that build would make it again
    on another worker: say where to list it."""
    for item in items:
        for build in {fixture for fixture, _ in SESSION_BUILDS.values()} & set(item.fixturenames):
            unit = _unit_of(item.nodeid)
            if SESSION_BUILDS.get(unit, (None,))[0] != build:
                units = [name for name, (fixture, _) in SESSION_BUILDS.items() if fixture == build]
                raise pytest.UsageError(
                    f"{item.nodeid} uses the session's `{build}` build: add its file to one of "
                    f"the units {units} of SESSION_BUILDS in tests/conftest.py"
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
        None,
        output,
        settings="publishconf.py",
        # the CMS at /admin/ connected to a git host (deploy/cms.md), as in production
        env={**CMS_HOST, "PORTAL_SITEURL": f"http://127.0.0.1:{port}"},
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
