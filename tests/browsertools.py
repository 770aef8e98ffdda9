"""Helpers shared by the browser tests."""

from __future__ import annotations

import asyncio
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path


def require(condition: bool, what: str) -> None:
    """Skip the test when a tool is missing, except with PORTAL_REQUIRE_BROWSER=1 (set by
    .ci/run): then a missing tool is a failure."""
    import pytest

    if condition:
        return
    if os.environ.get("PORTAL_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} (PORTAL_REQUIRE_BROWSER=1: browser tests must run)")
    pytest.skip(what)


CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
# Debian's Chromium as root on a machine without outside network: no sandbox, and no
# background connections (they would be refused and slow every start).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
PRIVACY_POLICY = Path(__file__).resolve().parents[1] / "content" / "strony" / "polityka-prywatnosci.md"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
# One page of every template type: the page audit of tests/browser/test_pages.py.
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
    "directory-listing": "/podmioty/powiat/gnieznienski/",  # entities, diagnoses, its gminas
    "directory-empty-listing": "/podmioty/gmina/kwilcz/",  # a gmina: two support centres, noindex
    "directory-cpv": "/podmioty/cpv/",
    "directory-shortlist": "/podmioty/wykaz/?cpv=55500000&id=pyrlandia,sremskie-smaki,ostrowianka",
    "buyers": "/dla-zamawiajacych/",
    "publications": "/wiedza/",
    "publications-type": "/wiedza/rodzaj/diagnoza-lokalna/",
    "publication": "/wiedza/diagnoza-lokalna-ostrow/",
    "publication-english": "/wiedza/social-economy-wielkopolska-2025/",
    "entity": "/podmioty/pyrlandia/",
    "entity-reintegration-unit": "/podmioty/zaz-glina-i-ogien-leszno/",
    "owes": "/owes/owes-poznanski/",
    "owes-list": "/owes/",
    "open-data": "/dane/",
    "statistics": "/dane/statystyki/",
    "sector": "/dane/sektor/",
    "coordination": "/koordynacja/",
    "coordination-body": "/koordynacja/regionalny-komitet/",
    "event-meeting": "/wydarzenia/2025/posiedzenie-komitetu-2025-03/",
    "sector-map": "/dane/sektor/mapa/miejsca-pracy/",
    "sector-year": "/dane/sektor/2024/",
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
    "search-results-with-photos": "/szukaj/?q=fartuch",
    "sitemap": "/mapa-strony/",
    "events": "/wydarzenia/",
    "event": "/wydarzenia/2026/szkolenie-jak-zalozyc-spoldzielnie-pila/",
    "event-online-past": "/wydarzenia/2026/grupa-robocza-promocja-marzec/",
    "etr": "/tekst-latwy/",
    "etr-page": "/tekst-latwy/pomoc-rops/",
    "etr-summary": "/podmioty/pyrlandia/tekst-latwy/",
    "sign-language": "/pjm/",
    "films-pjm": "/filmy/pjm/",
    "en-home": "/en/",
    "en-page": "/en/accessibility/",
    "en-directory": "/en/directory/",
    "en-entity": "/en/directory/pyrlandia/",
    "en-support-centre": "/en/support-centres/owes-poznanski/",
    "en-catalogue": "/en/catalogue/",
    "en-product": "/en/catalogue/brelok-pyra/",
    "en-certificate": "/en/certificate/ZP-2025-02/",
    "en-search-results": "/en/search/?q=cooperative",
}


def audit_half(name: str) -> int:
    """The half of the page audit a template's page is visited in (0 or 1): every other URL
    in order, so that a URL two names share is in one half. Each half is a unit of work of
    its own pytest-xdist worker (SESSION_BUILDS in tests/conftest.py): the audit is the
    longest thing the suite does, about two minutes of Chromium on one worker."""
    return sorted(set(TEMPLATES.values())).index(TEMPLATES[name]) % 2


# (name, CSS width, the reader's text size) in which a page must not scroll sideways:
# WCAG's reflow width of 320 px (a 390 px phone at the normal size has more room), a 390 px
# phone at the portal's two larger text sizes (A+ and A++), and a 1366 px desktop at 200 %
# zoom, which lays a page out in 683 CSS px
REFLOW = (
    ("320px", 320, ""),
    ("390px-text-lg", 390, "lg"),
    ("390px-text-xl", 390, "xl"),
    ("1366px-at-200%", 683, ""),
)
WIDE = """size => {
    const root = document.documentElement;
    root.classList.remove("pl-text-lg", "pl-text-xl");
    if (size) root.classList.add("pl-text-" + size);
    const wide = root.scrollWidth - root.clientWidth;
    root.classList.remove("pl-text-" + size);
    return wide;
}"""


def unnamed_storage(page) -> list[str]:
    """The localStorage keys the page keeps that the privacy policy does not name (`key`)."""
    policy = PRIVACY_POLICY.read_text(encoding="utf-8")
    return [key for key in page.evaluate("Object.keys(localStorage)") if f"`{key}`" not in policy]


def violations(result: dict) -> list:
    """axe's result as (rule, impact, first five targets) per violation."""
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"]]


def run_axe(page, axe_source):
    page.evaluate(axe_source)
    return violations(page.evaluate(AXE_RUN, WCAG))


@dataclass
class Visit:
    """What one visit of a page saw (``audit_pages``)."""

    status: int = 0
    violations: list = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    cookies: list = field(default_factory=list)  # of the browsing session, after this visit
    problems: list[str] = field(default_factory=list)  # script errors, CSP violations
    classes: list[str] = field(default_factory=list)  # of <html> after the visit's clicks
    clicked_violations: list = field(default_factory=list)  # axe's, after the clicks
    wide: dict[str, int] = field(default_factory=dict)  # REFLOW layout -> CSS px scrolled sideways


# How long a visit waits for the network's quiet. The control page's request blocked by
# Chromium (another origin on loopback from a data: page) has sometimes kept Playwright's
# "network idle" from coming at all on a busy machine.
QUIET_MS = 10_000


async def _axe(page) -> list:
    return violations(await page.evaluate(AXE_RUN, WCAG))


async def _visit(page, url: str, clicks: tuple[str, ...], wait_for: str | None, reflow: bool) -> Visit:
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    seen = Visit()

    def console(message) -> None:
        if message.type == "error" and "404" not in message.text:
            seen.problems.append(message.text)

    def error(exception) -> None:
        seen.problems.append(str(exception))

    listeners = (
        ("request", lambda r: seen.requests.append(r.url)),
        ("console", console),
        ("pageerror", error),
    )
    for event, listener in listeners:
        page.on(event, listener)
    quiet = None
    try:
        response = await page.goto(url, wait_until="load")
        seen.status = response.status if response else 0
        # scroll so that lazy images load too; the network's quiet (Playwright's half a
        # second without a request) is waited for while axe and the layouts run, and
        # before the visit ends, so every request the page makes is seen
        await page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        quiet = asyncio.ensure_future(page.wait_for_load_state("networkidle", timeout=QUIET_MS))
        if wait_for:
            await page.locator(wait_for).first.wait_for()
        await page.evaluate("window.scrollTo(0, 0)")
        seen.violations = await _axe(page)
        if reflow:  # laid out again in each layout: the viewport resized, the text size set
            # as prefs.js sets it from the reader's stored choice (a class on <html>)
            viewport = page.viewport_size
            for layout, width, text in REFLOW:
                await page.set_viewport_size({"width": width, "height": 800})
                wide = await page.evaluate(WIDE, text)
                if wide > 0:
                    seen.wide[layout] = wide
            await page.set_viewport_size(viewport)
        if clicks:  # then the same page after pressing buttons (display preferences)
            for name in clicks:
                await page.get_by_role("button", name=name).click()
            seen.classes = (await page.evaluate("document.documentElement.className")).split()
            seen.clicked_violations = await _axe(page)
        try:
            await quiet
        except PlaywrightTimeout:  # reported, not raised: the visit's other findings stand
            seen.problems.append(f"the network did not go quiet within {QUIET_MS // 1000} s of loading")
        seen.cookies = await page.context.cookies()
        if clicks:  # the display choices are remembered: the next visit starts plain again
            await page.evaluate("localStorage.clear()")
    finally:
        if quiet is not None and not quiet.done():
            quiet.cancel()
        for event, listener in listeners:
            page.remove_listener(event, listener)
    return seen


def audit_pages(visits: dict, axe: Path, at_once: int = 2) -> dict:
    """Visit pages in Chromium under their real Content-Security-Policy and run axe on
    each: ``at_once`` browsing sessions (contexts) share the list, each visiting one page
    after another as a reader would (its cache warm). axe is given to every page of a
    session by the browser's debugging protocol before the page's own scripts, which the
    page's CSP does not govern (it is sent once per session, not once per page).

    ``visits``: key -> (url, clicks, wait_for, reflow): the buttons pressed after the first
    axe run (then axe runs again), a selector to wait for, whether to lay the
    page out in each REFLOW layout and note how far it scrolls sideways. Returns key -> Visit, or the exception
    that visit raised (its own test reports it). Runs its own Playwright and Chromium in a
    thread, beside the tests' synchronous one."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout
    from playwright.async_api import async_playwright

    async def run() -> dict:
        queue = list(visits.items())
        found: dict = {}
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

            async def session() -> None:
                context = await browser.new_context(locale="pl-PL")
                await context.add_init_script(path=str(axe))
                page = await context.new_page()
                while queue:
                    key, (url, clicks, wait_for, reflow) = queue.pop(0)
                    for attempt in (1, 2):
                        try:
                            found[key] = await _visit(page, url, clicks, wait_for, reflow)
                            break
                        except Exception as error:  # noqa: BLE001 - reported by the visit's own test
                            found[key] = error
                            await page.close()
                            page = await context.new_page()
                            # once more in a fresh tab after Playwright's timeout only: on a busy
                            # machine Chromium has stalled a click for 30 s (a button that never
                            # became "stable") on a page that passes every other run
                            if attempt == 2 or not isinstance(error, PlaywrightTimeout):
                                break
                await context.close()

            await asyncio.gather(*(session() for _ in range(at_once)))
            await browser.close()
        return found

    results: dict = {}

    def target() -> None:
        try:
            results.update(asyncio.run(run()))
        except Exception as error:  # noqa: BLE001 - Chromium did not start ...: every visit reports it
            results.update(dict.fromkeys(visits, error))

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    return results
