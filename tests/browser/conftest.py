"""Browser fixtures: Debian's Chromium driven by Playwright, the published site on localhost.

Browser tests skip where Chromium or the npm test tools are missing, except when
PORTAL_REQUIRE_BROWSER=1 (set by .ci/run): then a missing tool is a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import nginxserve
import pytest
from browsertools import AXE, CHROMIUM, CHROMIUM_ARGS, require
from sitebuild import ROOT

CSP = (ROOT / "deploy" / "content-security-policy.txt").read_text().strip()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with the production CSP; unknown paths get 404.html with status 404."""

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, *args):
        pass


@dataclass(frozen=True)
class Served:
    url: str
    by_nginx: bool


@pytest.fixture(scope="session")
def served(published, tmp_path_factory):
    """`make publish` output served as production serves it: nginx with deploy/nginx/.

    Where nginx is missing (and PORTAL_REQUIRE_BROWSER is not set) the same output is
    served by Python's HTTP server with the same Content-Security-Policy instead.
    """
    missing = nginxserve.available()
    if missing is None:
        nginx = nginxserve.Nginx(published.output, published.port, tmp_path_factory.mktemp("nginx")).start()
        yield Served(nginx.url, True)
        nginx.stop()
        return
    if os.environ.get("PORTAL_REQUIRE_BROWSER") == "1":
        require(False, missing)
    handler = functools.partial(_Handler, directory=str(published.output))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", published.port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield Served(published.url, False)
    httpd.shutdown()


@pytest.fixture(scope="session")
def server(served) -> str:
    return served.url


@pytest.fixture(scope="session")
def browser():
    require(Path(CHROMIUM).is_file(), f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def reading_session(browser):
    session = browser.new_context(locale="pl-PL")
    yield session
    session.close()


@pytest.fixture
def phone(browser):
    """A page in a fresh browsing session on a 390 px phone (Polish), its browser's bars
    taken off the screen's height."""
    session = browser.new_context(locale="pl-PL", viewport={"width": 390, "height": 664})
    yield session.new_page()
    session.close()


@pytest.fixture
def context(reading_session):
    """One browsing session (pl-PL) for the tests, as a reader's browser is: its cache stays
    warm from test to test, while each test starts with no page open, no cookie and
    nothing in any site's local storage."""
    visited: set[str] = set()

    def note(request) -> None:
        if request.resource_type == "document":
            parts = urlsplit(request.url)
            visited.add(f"{parts.scheme}://{parts.netloc}")

    reading_session.on("request", note)
    yield reading_session
    reading_session.remove_listener("request", note)
    # what the sites the test visited kept in local storage, cleared through the browser's
    # debugging protocol (through a page the test left open, else a new blank one)
    host = reading_session.pages[0] if reading_session.pages else reading_session.new_page()
    protocol = reading_session.new_cdp_session(host)
    for origin in visited:
        protocol.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "local_storage"})
    protocol.detach()
    for page in reading_session.pages:
        page.close()
    reading_session.clear_cookies()


@pytest.fixture(scope="session")
def axe_source() -> str:
    require(AXE.is_file(), "axe-core missing: run `npm ci` (make test does)")
    return AXE.read_text(encoding="utf-8")
