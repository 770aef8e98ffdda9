"""Every template type in Chromium: axe WCAG 2.1 A/AA, privacy, CSP, no-JS, keyboard, zoom."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from browsertools import AXE, TEMPLATES, Visit, audit_half, audit_pages, run_axe, unnamed_storage
from htmlscan import html_files
from nucheck import nu_check
from playwright.sync_api import expect

LARGEST = ("Wysoki kontrast", "A++ tekst największy")
LARGEST_EN = ("High contrast", "A++ largest text")  # the same buttons on an English page (/en/)


AUDITS = {
    "test_page_has_no_wcag_violation_no_other_origin_no_cookie_no_csp_violation": "csp",
    "test_axe_in_high_contrast_and_large_text": "contrast",
    "test_every_template_reflows_without_horizontal_scrolling": "reflow",
}


def _visits(request, server, half: int) -> dict:
    """The pages of one half of the audit (browsertools.audit_half) these tests look at,
    visited once (browsertools.audit_pages), under the production CSP: axe on each template
    as it opens, its layout at each REFLOW width and text size, then axe again in high
    contrast at the largest text. Only the pages of the tests pytest selected are visited;
    a URL two names share, once. The halves run on the two pytest-xdist workers
    (SESSION_BUILDS in tests/conftest.py); the audit's control page goes with the first."""
    wanted = {
        (item.originalname, item.callspec.params["name"])
        for item in request.session.items
        if item.module is request.module and hasattr(item, "callspec") and "name" in item.callspec.params
    }
    keys = {(AUDITS[test], name) for test, name in wanted if test in AUDITS and audit_half(name) == half}
    plan = {}  # one visit per URL, doing what any test of a name sharing the URL asks
    for url in sorted({TEMPLATES[name] for _, name in keys}):
        asked = {kind for kind, name in keys if TEMPLATES[name] == url}
        # results drawn by script
        wait_for = (
            ".pl-result"
            if ("/szukaj/?" in url or "/search/?" in url)
            else ".pl-shortlist__item"
            if "/wykaz/?" in url
            else None
        )
        largest = LARGEST_EN if url.startswith("/en/") else LARGEST
        plan[url] = (server + url, largest if "contrast" in asked else (), wait_for, "reflow" in asked)
    control = half == 0 and any(
        item.module is request.module
        and item.originalname == test_audit_does_report_violations_requests_and_script_errors.__name__
        for item in request.session.items
    )
    if control:  # the audit's own control page, in the same run (one Chromium start less)
        plan[CONTROL_KEY] = ("data:text/html," + quote(control_page(server)), (), None, True)
    seen = audit_pages(plan, AXE)
    found = {(kind, name): seen[TEMPLATES[name]] for kind, name in keys}
    if control:
        found[CONTROL_KEY] = seen[CONTROL_KEY]
    return found


@pytest.fixture(scope="module")
def audit_first(request, server, axe_source):  # axe_source: skips where axe-core is missing
    return _visits(request, server, 0)


@pytest.fixture(scope="module")
def audit_second(request, server, axe_source):
    return _visits(request, server, 1)


@pytest.fixture
def visits(request):
    """The audit's visits of the half this test's page is in (the control: the first)."""
    name = request.node.callspec.params.get("name") if hasattr(request.node, "callspec") else None
    return request.getfixturevalue("audit_second" if name and audit_half(name) == 1 else "audit_first")


def seen(visits, key) -> Visit:
    visit = visits[key]
    if isinstance(visit, Exception):
        raise visit
    return visit


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_axe_in_high_contrast_and_large_text(visits, name):
    """Every template type after the reader presses "Wysoki kontrast" and "A++": axe's
    WCAG 2.1 A/AA rules, all of them, find nothing."""
    visit = seen(visits, ("contrast", name))
    assert visit.classes == ["pl-js", "pl-hc", "pl-text-xl"]
    assert visit.clicked_violations == []


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_page_has_no_wcag_violation_no_other_origin_no_cookie_no_csp_violation(visits, server, name):
    """One visit per template type, under the production CSP: axe finds no WCAG 2.1 A/AA
    violation, nothing is requested from another origin, no cookie is set, and no script
    error or CSP violation is reported (axe is evaluated through the browser's debugging
    protocol, which the page's CSP does not govern, so the page keeps its real policy)."""
    visit = seen(visits, ("csp", name))
    assert visit.status == (404 if name == "404" else 200)
    assert visit.violations == []
    foreign = [u for u in visit.requests if not u.startswith(server + "/")]
    assert foreign == []
    assert visit.cookies == []
    assert visit.problems == []  # CSP violations and script errors are reported as console errors
    assert len(visit.requests) >= 4  # the page, CSS, two scripts: the check above saw real traffic


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
    assert unnamed_storage(page) == []
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


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_every_template_reflows_without_horizontal_scrolling(visits, name):
    """Every template type in each layout of browsertools.REFLOW (320 px; a 390 px phone at
    the A+ and A++ text sizes; a 1366 px desktop at 200 % zoom): the page never scrolls
    sideways. The page is laid out again in each (viewport resized, text size class set)."""
    assert seen(visits, ("reflow", name)).wide == {}


def test_forced_colours_keep_the_current_page_visible(context, server):
    page = context.new_page()
    page.emulate_media(forced_colors="active")
    page.goto(server + "/kontakt/")
    current = page.locator(".pl-nav__link[aria-current='page']")
    assert current.evaluate("e => getComputedStyle(e).borderBottomStyle") == "solid"
    assert current.evaluate("e => parseFloat(getComputedStyle(e).borderBottomWidth)") >= 3


@pytest.mark.parametrize(
    "viewport",
    [{"width": 683, "height": 334}, {"width": 390, "height": 664}],
    ids=["1366x768-at-200%", "390px-phone"],
)
def test_header_and_eu_signs_take_less_than_a_third_of_the_first_screen(browser, server, viewport):
    """A 1366 × 768 laptop at 200 % zoom (its browser's bars take about 100 px, so 683 × 334
    CSS px are left) and a phone: the EU signs and the header, with the menu folded behind
    "Menu", end above a third of the screen on every kind of page; the menu opens."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    tall = {}
    for name in ("home", "article", "catalogue", "product", "directory", "entity", "search", "certificate"):
        page.goto(server + TEMPLATES[name])
        bottom = page.locator(".pl-header").bounding_box()
        if bottom["y"] + bottom["height"] > viewport["height"] / 3:
            tall[name] = bottom["y"] + bottom["height"]
    assert tall == {}
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("navigation", name="Menu główne")).to_be_hidden()
    menu.click()
    expect(page.get_by_role("navigation", name="Menu główne")).to_be_visible()
    expect(page.get_by_label("Szukaj w portalu")).to_be_visible()
    menu.click()
    # folded, then the window grows (a phone turned, zoom back to 100 %): all is shown, by CSS
    page.set_viewport_size({"width": 1366, "height": 768})
    expect(page.get_by_role("navigation", name="Menu główne")).to_be_visible()
    expect(menu).to_be_hidden()
    context.close()


def test_without_javascript_the_header_keeps_everything_open_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 664}, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(
        page.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Katalog")
    ).to_be_visible()
    expect(page.get_by_label("Szukaj w portalu")).to_be_visible()
    context.close()


def test_eu_signs_visible_without_scrolling(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(server + "/")
    for sign in page.locator(".pl-eu-bar__sign").all():
        box = sign.bounding_box()
        assert box and box["y"] + box["height"] <= 640
    context.close()


BAD_HTML = '<!DOCTYPE html><html lang="pl"><head><title>x</title></head><body><p><div></p></body></html>'


@pytest.fixture(scope="module")
def nu_messages(published, vnu, tmp_path_factory):
    """The Nu Html Checker run once (one Java start) over every page of the published build
    and a control file of invalid HTML. The published build is the development build's
    pages minified (same templates, absolute addresses), so it alone is checked: a second
    Java run over the development build cost about 15 s of a core to report the same
    template errors again."""
    control = tmp_path_factory.mktemp("nu") / "bad.html"
    control.write_text(BAD_HTML)
    return nu_check(vnu, {"publish": published.output, "control": control.parent})


def test_nu_html_checker_finds_no_error_in_the_published_site(nu_messages, published):
    """Every page of the minified production build."""
    assert len(html_files(published.output)) > 50
    _, found = nu_messages
    assert found["publish"] == [] and found["(no file)"] == []


def test_nu_html_checker_does_report_errors(nu_messages):
    """Control: the checker as we run it does fail on invalid HTML."""
    code, found = nu_messages
    assert code == 1 and len(found["control"]) == 3


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


CONTROL_KEY = ("control", "bad")


def control_page(server: str) -> str:
    """A page that breaks the rules the audits check: no lang, an image without alt that
    comes from another origin (localhost, not 127.0.0.1), a script error, a wide element."""
    other = server.replace("127.0.0.1", "localhost")
    return (
        "<html><head><title>x</title></head><body><main><h1>x</h1>"
        '<svg width="1000" height="10"></svg>'
        f'<img src="{other}/theme/img/favicon.svg"><script>nie_ma_takiej_funkcji()</script></main></body></html>'
    )


def test_audit_does_report_violations_requests_and_script_errors(visits, server):
    """Control for the audits above: the same visit, in the same run, of a page that
    breaks the rules."""
    other = server.replace("127.0.0.1", "localhost")
    visit = seen(visits, CONTROL_KEY)
    assert {"image-alt", "html-has-lang"} <= {rule for rule, _, _ in visit.violations}
    assert visit.wide == {"320px": 688, "390px-text-lg": 618, "390px-text-xl": 618, "1366px-at-200%": 325}
    assert f"{other}/theme/img/favicon.svg" in visit.requests
    assert any("nie_ma_takiej_funkcji" in problem for problem in visit.problems)


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
