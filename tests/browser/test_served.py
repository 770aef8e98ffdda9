"""The published site as nginx serves it with deploy/nginx/: headers, compression, caching, 404."""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request

import brotli
import pytest
import yaml
from portal_publish.finishing import page_ids
from sitebuild import ROOT

SECURITY = dict(
    re.findall(
        r'^add_header (\S+) "(.+)" always;$',
        (ROOT / "deploy" / "nginx" / "security-headers.conf").read_text(),
        re.M,
    )
)


@pytest.fixture(scope="module")
def nginx(served):
    if not served.by_nginx:
        pytest.skip("nginx is not installed here: the site is served by Python's server")
    return served.url


def fetch(url: str, encoding: str | None = None):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})  # noqa: S310 - our local server
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def asset(published, pattern: str) -> str:
    (path,) = published.output.glob(pattern)
    return "/" + path.relative_to(published.output).as_posix()


@pytest.mark.parametrize(
    "path", ["/", "/katalog/fartuch-gzik/", "/nie-ma-takiej-strony/", "/sitemap.xml", "/dane/podmioty.csv"]
)
def test_every_response_carries_the_security_headers(nginx, path):
    _, headers, _ = fetch(nginx + path)
    for name, value in SECURITY.items():
        assert headers[name] == value, (path, name)
    assert "Set-Cookie" not in headers


def test_pages_are_sent_precompressed_and_revalidated(nginx, published):
    plain = (published.output / "index.html").read_bytes()
    status, headers, body = fetch(nginx + "/", "br")
    assert status == 200 and headers["Content-Encoding"] == "br" and brotli.decompress(body) == plain
    status, headers, body = fetch(nginx + "/", "gzip")
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == plain
    status, headers, body = fetch(nginx + "/")
    assert headers["Content-Encoding"] is None and body == plain
    assert headers["Cache-Control"] == "no-cache"
    assert headers["Content-Type"] == "text/html; charset=utf-8"


def test_fingerprinted_assets_are_cached_for_a_year(nginx, published):
    for pattern in ("theme/css/portal.*.css", "theme/js/search.*.js", "obrazy/tla.*.css"):
        status, headers, _ = fetch(nginx + asset(published, pattern), "br")
        assert status == 200 and headers["Content-Encoding"] == "br", pattern
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable", pattern
    status, headers, _ = fetch(nginx + "/theme/img/favicon.svg")
    assert status == 200 and headers["Cache-Control"] == "public, max-age=86400"


def test_unknown_address_gets_the_portal_404_page(nginx, published):
    status, headers, body = fetch(nginx + "/nie-ma-takiej-strony/")
    assert status == 404
    assert body == (published.output / "404.html").read_bytes()
    assert headers["Cache-Control"] == "no-cache"


def test_data_files_have_their_types(nginx, published):
    assert fetch(nginx + "/dane/podmioty.csv")[1]["Content-Type"] == "text/csv; charset=utf-8"
    status, headers, body = fetch(nginx + "/wydarzenia/kalendarz.ics")
    assert status == 200 and headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert body.startswith(b"BEGIN:VCALENDAR")
    captions = asset(published, "filmy/pliki/minuta-w-szwalni*.vtt")
    assert fetch(nginx + captions)[1]["Content-Type"] == "text/vtt; charset=utf-8"
    assert fetch(nginx + "/dane/podmioty.json")[1]["Content-Type"] == "application/json; charset=utf-8"
    assert fetch(nginx + "/pagefind/pagefind-entry.json")[1]["Cache-Control"] == "public, max-age=3600"


def test_the_cms_has_its_own_policy_is_never_indexed_and_reaches_no_public_page(nginx, published):
    admin = dict(
        re.findall(
            r'^add_header (\S+) "(.+)" always;$',
            (ROOT / "deploy" / "nginx" / "admin-headers.conf").read_text(),
            re.M,
        )
    )
    status, headers, body = fetch(nginx + "/admin/")
    assert status == 200 and b'<meta name="robots" content="noindex, nofollow">' in body
    policy = headers["Content-Security-Policy"]
    assert policy == admin["Content-Security-Policy"].replace("$portal_git_host", "https://git.example.org")
    assert "connect-src 'self' blob: data: https://git.example.org;" in policy
    assert headers["X-Robots-Tag"] == "noindex, nofollow" and headers["Cache-Control"] == "no-cache"
    status, headers, body = fetch(nginx + "/admin/decap-cms.js", "gzip")
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert headers["Content-Type"].startswith("application/javascript")
    status, headers, body = fetch(nginx + "/admin/config.yml")
    assert headers["Content-Type"].startswith("text/yaml")
    config = yaml.safe_load(body)
    assert (
        config["backend"]["base_url"] == "https://git.example.org"
        and config["backend"]["auth_type"] == "pkce"
    )
    assert config["publish_mode"] == "editorial_workflow" and "local_backend" not in config
    # the public pages keep their policy, and nothing public leads to /admin/
    _, headers, _ = fetch(nginx + "/")
    assert headers["Content-Security-Policy"] == SECURITY["Content-Security-Policy"]
    assert "/admin/" not in (published.output / "sitemap.xml").read_text(encoding="utf-8")
    pages = [p for p in published.output.rglob("*.html") if p.parts[len(published.output.parts)] != "admin"]
    assert pages and not [p for p in pages if b"/admin/" in p.read_bytes()]
    indexed = page_ids(published.output / "pagefind")
    assert indexed and not [url for url in indexed if "/admin" in url]
