"""Every template type in Chromium: axe WCAG 2.1 A/AA, privacy, CSP, no-JS, keyboard, zoom."""

from __future__ import annotations

import json
import subprocess

import pytest
from browsertools import run_axe
from htmlscan import html_files
from playwright.sync_api import expect

# One page of every template type.
TEMPLATES = {
    "home": "/",
    "news-list": "/aktualnosci/",
    "news-list-page-2": "/aktualnosci/strona/2/",
    "article": "/aktualnosci/2025/gala-zakup-prospoleczny-2025/",
    "article-no-photo": "/aktualnosci/2024/wizyta-studyjna-kalisz/",
    "category": "/aktualnosci/kategoria/promocja/",
    "categories": "/aktualnosci/kategorie/",
    "tag": "/aktualnosci/tag/gala/",
    "tags": "/aktualnosci/tagi/",
    "archives": "/aktualnosci/archiwum/",
    "year-archive": "/aktualnosci/2025/",
    "page": "/o-ekonomii-spolecznej/",
    "accessibility-statement": "/deklaracja-dostepnosci/",
    "404": "/nie-ma-takiej-strony/",
    "directory": "/podmioty/",
    "directory-listing": "/podmioty/subregion/pilski/",
    "directory-empty-listing": "/podmioty/powiat/kepinski/",
    "entity": "/podmioty/pyrlandia/",
    "entity-reintegration-unit": "/podmioty/zaz-glina-i-ogien-leszno/",
    "owes": "/owes/owes-poznanski/",
    "owes-list": "/owes/",
    "open-data": "/dane/",
    "statistics": "/dane/statystyki/",
    "catalogue": "/katalog/",
    "catalogue-category": "/katalog/kategoria/ceramika/",
    "product": "/katalog/fartuch-gzik/",
    "product-withdrawn": "/katalog/torba-papierowa-pyra/",
    "enquiry-empty": "/katalog/zapytanie/",
    "catalogue-print": "/katalog/druk/",
    "mark": "/zakup-prospoleczny/",
    "edition": "/zakup-prospoleczny/edycja-2025/",
    "certificate": "/zakup-prospoleczny/certyfikat/ZP-2025-02/",
    "certificate-expired": "/zakup-prospoleczny/certyfikat/ZP-2024-06/",
    "entity-certified": "/podmioty/szwalnia-dobrych-rzeczy/",
    "films": "/filmy/",
    "film-hosted": "/filmy/pyrlandia-od-kuchni/",
    "film-local": "/filmy/minuta-w-szwalni/",
    "page-with-film": "/o-ekonomii-spolecznej/",
    "search": "/szukaj/",
    "search-results": "/szukaj/?q=spoldzielnia&podregion=pozna%C5%84ski",
    "sitemap": "/mapa-strony/",
    "events": "/wydarzenia/",
    "event": "/wydarzenia/2026/szkolenie-jak-zalozyc-spoldzielnie-pila/",
    "event-online-past": "/wydarzenia/2026/grupa-robocza-promocja-marzec/",
}


@pytest.mark.parametrize(
    "name", ["home", "article", "accessibility-statement", "directory", "statistics", "catalogue", "product"]
)
def test_axe_in_high_contrast_and_large_text(browser, server, axe_source, name):
    context = browser.new_context(locale="pl-PL", bypass_csp=True)
    page = context.new_page()
    page.goto(server + TEMPLATES[name])
    page.get_by_role("button", name="Wysoki kontrast").click()
    page.get_by_role("button", name="A++ tekst największy").click()
    assert page.evaluate("document.documentElement.className").split() == ["pl-js", "pl-hc", "pl-text-xl"]
    assert run_axe(page, axe_source) == []
    context.close()


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_page_has_no_wcag_violation_no_other_origin_no_cookie_no_csp_violation(
    browser, server, axe_source, name
):
    """One visit per template type, under the production CSP: axe finds no WCAG 2.1 A/AA
    violation, nothing is requested from another origin, no cookie is set, and no script
    error or CSP violation is reported (axe is evaluated through the browser's debugging
    protocol, which the page's CSP does not govern, so the page keeps its real policy)."""
    context = browser.new_context(locale="pl-PL")
    requests, problems = [], []
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.on(
        "console", lambda m: problems.append(m.text) if m.type == "error" and "404" not in m.text else None
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    response = page.goto(server + TEMPLATES[name], wait_until="load")
    assert response.status == (404 if name == "404" else 200)
    # scroll so that lazy images load too; wait until the network is quiet (search
    # results are drawn by script from the index)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    if name == "search-results":
        page.locator(".pl-result").first.wait_for()
    page.evaluate("window.scrollTo(0, 0)")
    assert run_axe(page, axe_source) == []
    foreign = [u for u in requests if not u.startswith(server + "/")]
    assert foreign == []
    assert context.cookies() == []
    assert problems == []  # CSP violations and script errors are reported as console errors
    assert len(requests) >= 4  # the page, CSS, two scripts: the check above saw real traffic
    context.close()


def test_works_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/")
    assert page.locator("html.pl-no-js").count() == 1
    assert not page.get_by_role("button", name="Wysoki kontrast").is_visible()
    assert page.locator(".pl-news-card").count() >= 6
    page.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Aktualności").click()
    expect(page).to_have_url(server + "/aktualnosci/")  # these wait for the next page to load
    page.get_by_role("link", name="Starsze ›").click()
    expect(page).to_have_url(server + "/aktualnosci/strona/2/")
    page.locator(".pl-news-card__link").first.click()
    expect(page.locator(".pl-article__body p").first).to_be_visible()
    expect(page.locator("h1")).to_have_count(1)
    context.close()


def test_display_preferences_are_remembered_without_cookies(context, server):
    page = context.new_page()
    page.goto(server + "/aktualnosci/")
    contrast = page.get_by_role("button", name="Wysoki kontrast")
    assert contrast.get_attribute("aria-pressed") == "false"
    contrast.click()
    page.get_by_role("button", name="A+ tekst większy").click()
    page.goto(server + "/kontakt/")
    assert page.evaluate("document.documentElement.className").split() == ["pl-js", "pl-hc", "pl-text-lg"]
    assert page.get_by_role("button", name="Wysoki kontrast").get_attribute("aria-pressed") == "true"
    assert page.get_by_role("button", name="A+ tekst większy").get_attribute("aria-pressed") == "true"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(0, 0, 0)"
    font = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert font == pytest.approx(19.0)
    assert context.cookies() == []
    assert page.evaluate("localStorage.getItem('pl-contrast')") == "high"
    page.get_by_role("button", name="Wysoki kontrast").click()
    page.get_by_role("button", name="A tekst normalny").click()
    assert page.evaluate("document.documentElement.className") == "pl-js"


def test_skip_link_is_first_and_moves_focus(context, server):
    page = context.new_page()
    page.goto(server + "/aktualnosci/2025/gala-zakup-prospoleczny-2025/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Przejdź do treści"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top >= 0")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "tresc"


@pytest.mark.parametrize("width,scale", [(320, 1), (640, 2)], ids=["320px", "1280px-at-200%"])
@pytest.mark.parametrize(
    "name", ["home", "article", "news-list", "accessibility-statement", "directory", "entity", "statistics"]
)
def test_reflows_without_horizontal_scrolling(browser, server, width, scale, name):
    context = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=scale)
    page = context.new_page()
    page.goto(server + TEMPLATES[name])
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    context.close()


def test_forced_colours_keep_the_current_page_visible(context, server):
    page = context.new_page()
    page.emulate_media(forced_colors="active")
    page.goto(server + "/kontakt/")
    current = page.locator(".pl-nav__link[aria-current='page']")
    assert current.evaluate("e => getComputedStyle(e).borderBottomStyle") == "solid"
    assert current.evaluate("e => parseFloat(getComputedStyle(e).borderBottomWidth)") >= 3


def test_eu_signs_visible_without_scrolling(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(server + "/")
    for sign in page.locator(".pl-eu-bar__sign").all():
        box = sign.bounding_box()
        assert box and box["y"] + box["height"] <= 640
    context.close()


def nu_check(vnu, files):
    done = subprocess.run(
        [*vnu, "--errors-only", "--format", "json", *files], capture_output=True, text=True, timeout=600
    )
    report = json.loads(done.stderr)  # vnu writes its JSON report to stderr
    assert "version" in report, done.stderr
    return done.returncode, [
        (m.get("url", "").rsplit("/", 2)[-2:], m.get("lastLine"), m["message"]) for m in report["messages"]
    ]


@pytest.mark.parametrize("build", ["development", "publish"])
def test_nu_html_checker_finds_no_error(build, site, published, vnu):
    """Every page of both builds: the development one and the minified production one."""
    files = [str(p) for p in html_files(site if build == "development" else published.output)]
    assert len(files) > 50
    assert nu_check(vnu, files) == (0, [])


def test_nu_html_checker_does_report_errors(tmp_path, vnu):
    """Control: the checker as we run it does fail on invalid HTML."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="pl"><head><title>x</title></head><body><p><div></p></body></html>'
    )
    code, messages = nu_check(vnu, [str(bad)])
    assert code == 1 and len(messages) == 3


def test_axe_does_report_violations(browser, axe_source):
    """Control: axe as we run it does find WCAG failures (missing alt, low contrast, no lang)."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.set_content(
        '<html><head><title>x</title></head><body><main><h1>x</h1><img src="data:,"><p style="color:#aaa;background:#fff">szary tekst</p></main></body></html>'
    )
    found = {rule for rule, _, _ in run_axe(page, axe_source)}
    assert {"image-alt", "color-contrast", "html-has-lang"} <= found
    context.close()


def test_other_origin_requests_are_caught(context, server, tmp_path):
    """Control: a resource from another origin (localhost vs 127.0.0.1) is seen as foreign."""
    other = server.replace("127.0.0.1", "localhost")
    requests = []
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "/")
    page.evaluate(
        "src => { const i = new Image(); i.src = src; document.body.append(i); }",
        other + "/theme/img/favicon.svg",
    )
    page.wait_for_load_state("networkidle")
    assert [u for u in requests if not u.startswith(server + "/")] == [other + "/theme/img/favicon.svg"]
