"""Film players in Chromium: nothing from the host before the click, then one titled iframe."""

from __future__ import annotations

from urllib.parse import urljoin

from playwright.sync_api import expect
from portal_content.validate import content_files, load
from portal_site import register_content
from sitebuild import ROOT

register_content()
FILMS = [load(p, k) for p, k in content_files({"PATH": ROOT / "content"}) if k == "film"]
# the films a reader of Polish Sign Language can follow: signed, or with a version in PJM
WITH_PJM = [f for f in FILMS if f.meta.language == "pjm" or f.meta.pjm_interpreter or f.meta.pjm_version]


def stub_other_origins(page, server, seen):
    """Answer every request to another origin locally (no network), and record it."""

    def handle(route):
        seen.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>stub</title>")

    page.route(lambda url: not url.startswith(server + "/"), handle)


def test_hosted_film_loads_nothing_from_the_host_until_clicked(context, server):
    page = context.new_page()
    seen = []
    stub_other_origins(page, server, seen)
    page.goto(server + "/filmy/pyrlandia-od-kuchni/", wait_until="networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    assert seen == []
    assert page.locator("iframe").count() == 0
    button = page.get_by_role("button", name="Odtwórz film: Pyrlandia od kuchni, 3 min 42 s")
    button.click()
    frame = page.locator("iframe")
    expect(frame).to_have_count(1)  # waits for the player, however the script inserts it
    assert frame.get_attribute("src") == "https://www.youtube-nocookie.com/embed/Pq7rL2sVx0a?autoplay=1&rel=0"
    assert frame.get_attribute("title") == "Film: Pyrlandia od kuchni"
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    page.wait_for_load_state("networkidle")
    assert seen and all(url.startswith("https://www.youtube-nocookie.com/embed/Pq7rL2sVx0a") for url in seen)
    assert context.cookies() == []


def test_vimeo_player_asks_for_do_not_track(context, server):
    page = context.new_page()
    stub_other_origins(page, server, [])
    page.goto(server + "/filmy/glina-i-ogien/")
    page.get_by_role("button", name="Odtwórz film: Glina i ogień, 4 min 5 s").click()
    assert (
        page.locator("iframe").get_attribute("src")
        == "https://player.vimeo.com/video/812345678?dnt=1&autoplay=1"
    )


def test_play_button_is_reachable_and_operable_with_the_keyboard(context, server):
    page = context.new_page()
    stub_other_origins(page, server, [])
    page.goto(server + "/aktualnosci/2025/gala-zakup-prospoleczny-2025/")
    name = "Odtwórz film: Gala „Zakup Prospołeczny” 2025, 5 min 10 s"
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == name:
            break
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    page.keyboard.press("Enter")
    expect(page.locator("iframe[title='Film: Gala „Zakup Prospołeczny” 2025']")).to_have_count(1)
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"


def test_self_hosted_film_has_captions_and_loads_no_video_before_play(context, server):
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "/filmy/minuta-w-szwalni/", wait_until="networkidle")
    track = page.locator("video track")
    assert track.get_attribute("kind") == "captions" and track.get_attribute("srclang") == "pl"
    assert page.locator("video").get_attribute("preload") == "none"
    assert not any(url.endswith(".webm") for url in requests)
    response = page.request.get(urljoin(server + "/", track.get_attribute("src")))
    assert response.ok and response.text().startswith("WEBVTT")


def test_films_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/filmy/pyrlandia-od-kuchni/")
    link = page.get_by_role("link", name="Obejrzyj w serwisie YouTube: Pyrlandia od kuchni (3:42)")
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=Pq7rL2sVx0a"
    assert page.get_by_text("Połączymy się z nim dopiero, gdy włączysz odtwarzanie").is_visible()
    assert page.locator("iframe").count() == 0
    page.goto(server + "/filmy/")
    assert page.locator(".pl-film-card").count() >= 6
    context.close()


def test_library_filters(context, server):
    page = context.new_page()
    page.goto(server + "/filmy/?tag=upcykling")
    expect(page.locator(".pl-film-card:visible")).to_have_count(1)
    page.get_by_label("Podmiot w filmie").select_option("pyrlandia")
    page.get_by_label("Temat").select_option("")
    expect(page.locator(".pl-film-card:visible")).to_have_count(2)
    page.get_by_label("Podmiot w filmie").select_option("")
    page.get_by_label("z tłumaczeniem na polski język migowy (PJM)").check()
    expect(page.locator(".pl-film-card:visible")).to_have_count(len(WITH_PJM))
    expect(page.locator(".pl-film-card:visible").first).to_contain_text("PJM")
    assert page.url.endswith("/filmy/?pjm=1")


def test_on_a_phone_the_library_filters_fold_behind_one_button(phone, server):
    page = phone
    page.goto(server + "/filmy/")
    toggle = page.get_by_role("button", name="Filtruj (0)")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_label("Temat")).to_be_hidden()
    toggle.click()
    page.get_by_label("Temat").select_option(index=1)
    expect(page.get_by_role("button", name="Filtruj (1)")).to_have_attribute("aria-expanded", "true")
