"""Editing in the browser (issue 20): Decap CMS at /admin/ of the devserver, with its local
backend (decap-server) writing into a copy of a site - `make edytor` on 127.0.0.1.

Each test works through the form as an editor does and then looks at the file the CMS
wrote, at `make check` on it, and at the page the devserver rebuilt. Any script error or
Content-Security-Policy violation on /admin/ (its own policy) fails the test.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import urllib.request

import pytest
import yaml
from browsertools import require
from devservertools import get, running_devserver, wait_for
from nginxserve import free_port
from playwright.sync_api import expect
from sitebuild import ROOT, run_build

sys.path.insert(0, str(ROOT / "tools"))
import scaffold  # noqa: E402 - tools/ is not a package

DECAP_SERVER = ROOT / "node_modules" / ".bin" / "decap-server"
# the CMS reads entries through its local backend and parses 6 MB of scripts: on a busy
# machine (the other test worker) that takes longer than Playwright's 5 s default
WAIT_MS = 30_000
expect.set_options(timeout=WAIT_MS)
NOW = dt.datetime(2026, 11, 26, 10, 30)  # the editor's clock (a new item is dated now)


def _backend_answers(url: str) -> bool:
    request = urllib.request.Request(  # noqa: S310 - our local server
        url, data=json.dumps({"action": "info"}).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310 - our local server
            return response.status == 200
    except OSError:
        return False


def _start_backend(folder, port: int, mode: str, log) -> subprocess.Popen:
    """decap-server on 127.0.0.1:``port`` for ``folder`` (``mode`` fs or git), starting
    (``_answers`` waits for it, so that the devserver starts meanwhile)."""
    environment = dict(
        os.environ, BIND_HOST="127.0.0.1", PORT=str(port), GIT_REPO_DIRECTORY=str(folder), MODE=mode
    )
    return subprocess.Popen([str(DECAP_SERVER)], env=environment, stdout=log, stderr=subprocess.STDOUT)


def _answers(port: int) -> None:
    wait_for(lambda: _backend_answers(f"http://127.0.0.1:{port}/api/v1"), timeout=30)


@pytest.fixture(scope="module")
def cms(tmp_path_factory):
    """(devserver URL, the site's folder): decap-server and the devserver on a copy of the
    ok-catalogue site (an entity and a product)."""
    require(DECAP_SERVER.exists(), "decap-server missing: run `npm ci` (make test does)")
    folder = tmp_path_factory.mktemp("cms")
    port = free_port()
    log = open(folder.parent / "decap-server.log", "w")  # noqa: SIM115 - closed below
    backend = _start_backend(folder, port, "fs", log)
    try:
        with running_devserver(folder, "ok-catalogue", env={"PORTAL_CMS_PORT": str(port)}) as (base, _):
            _answers(port)
            yield base, folder
    finally:
        backend.terminate()
        backend.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def admin(browser, cms):
    """One signed-in editor's page at /admin/ for the module (the local backend needs no
    password): the CMS's 6 MB of scripts load once, each test moves by the address."""
    base, _ = cms
    session = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900})
    page = session.new_page()
    page.set_default_timeout(WAIT_MS)
    page.clock.set_fixed_time(NOW)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    page.goto(base + "/admin/")
    page.get_by_role("button", name="Zaloguj się").click()
    page.get_by_role("link", name="Aktualności").first.wait_for()
    yield page, problems
    session.close()


@pytest.fixture
def problems(admin) -> list[str]:
    """Script errors and policy violations seen on /admin/ during a test."""
    admin[1].clear()
    return admin[1]


@pytest.fixture
def editor(admin, problems):
    yield admin[0]
    assert problems == []


def _check(folder):
    """`make check` on the site the CMS wrote into (tools/portal.py in its own process)."""
    cache = {"PORTAL_CACHE_DIR": str(folder.parent / "check-cache")}
    return run_build(folder / "content", folder / "unused", command="check", env=cache)


def _written(path) -> None:
    """Wait until the CMS's local backend has written the whole file (it writes in place)."""

    def complete() -> bool:
        try:
            return path.read_text(encoding="utf-8").count("---\n") >= 2
        except OSError:
            return False

    wait_for(complete, timeout=30)


def _front_matter(path) -> tuple[dict, str]:
    _, header, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(header), body


def _open(page, base: str, where: str) -> None:
    """A form at its address, loaded afresh (Decap keeps the last form's state across an
    address change within the page; the scripts come from the browser's cache)."""
    page.goto(f"{base}/admin/#/{where}")
    page.reload()


def _new_news(page, base: str, title: str, category: str, summary: str) -> None:
    """A new news item's form with its title, category (from the list) and summary."""
    _open(page, base, "collections/aktualnosci/new")
    page.get_by_label("Tytuł").fill(title)
    page.get_by_label("Kategoria").click()
    page.get_by_text(category, exact=True).click()
    page.get_by_label("Streszczenie").fill(summary)


def _body(page, text: str) -> None:
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type(text)


def _publish(page) -> None:
    page.get_by_role("button", name="Opublikuj").first.click()
    page.get_by_role("menuitem", name="Opublikuj teraz").click()


def test_a_news_item_written_in_the_form_becomes_a_file_a_check_and_a_page(editor, cms):
    base, folder = cms
    title = "Żółte łąki w Gnieźnie – spotkanie pszczelarzy"
    _new_news(editor, base, title, "Promocja", "Pszczelarze z Gniezna opowiedzą o łąkach kwietnych.")
    editor.get_by_role("button", name="Wybierz zdjęcie").click()
    editor.locator("input[type=file]").set_input_files(
        str(ROOT / "tests" / "fixtures" / "images" / "foto.jpg")
    )
    editor.get_by_role("button", name="Wybierz zaznaczone").click()
    editor.get_by_label("Tekst alternatywny (co widać na zdjęciu)").fill("Łąka pełna żółtych kwiatów")
    _body(editor, "Zapraszamy w środę do sali w ratuszu.")
    # the preview is the portal's article, in the portal's stylesheet
    preview = editor.frame_locator("iframe").first
    assert preview.locator("article.pl-article h1").inner_text() == title
    assert preview.locator("link[href$='portal.css']").count() == 1
    _publish(editor)

    relative, _ = scaffold.render("news", title, NOW.date())  # the name `make new-news` gives
    written = folder / relative
    _written(written)
    meta, body = _front_matter(written)
    assert meta["title"] == title
    assert meta["category"] == "promocja"
    assert meta["summary"] == "Pszczelarze z Gniezna opowiedzą o łąkach kwietnych."
    assert str(meta["date"]).startswith("2026-11-26 10:30")
    assert meta["image"] == {"src": "images/aktualnosci/foto.jpg", "alt": "Łąka pełna żółtych kwiatów"}
    assert (folder / "content" / "images" / "aktualnosci" / "foto.jpg").is_file()
    assert body.strip() == "Zapraszamy w środę do sali w ratuszu."
    checked = _check(folder)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    page = "/" + relative.removeprefix("content/").removesuffix(".md") + "/"
    status, html = wait_for(lambda: (found := get(base + page))[0] == 200 and found, timeout=60)
    assert status == 200 and "Żółte łąki w Gnieźnie" in html and "Łąka pełna żółtych kwiatów" in html


def test_a_products_price_changed_in_the_form_changes_only_the_price(editor, cms):
    base, folder = cms
    product = folder / "catalogue" / "brelok-proba.yaml"
    before = yaml.safe_load(product.read_text(encoding="utf-8"))
    _open(editor, base, "collections/katalog/entries/brelok-proba")
    # the entry is read from the local backend: wait until the form holds it
    expect(editor.get_by_label("Nazwa", exact=True).first).to_have_value("Brelok „Próba”")
    price = editor.get_by_label("Cena netto (zł)")
    expect(price).to_have_value("12.5")
    price.fill("14.9")
    _publish(editor)

    def price_written() -> bool:  # the local backend writes in place: a read may see half a file
        try:
            return (yaml.safe_load(product.read_text(encoding="utf-8")) or {}).get("price_net") == 14.9
        except (OSError, yaml.YAMLError):
            return False

    wait_for(price_written, timeout=30)
    after = yaml.safe_load(product.read_text(encoding="utf-8"))
    assert {k: v for k, v in after.items() if k != "price_net"} == {
        k: v for k, v in before.items() if k != "price_net"
    }
    checked = _check(folder)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    wait_for(lambda: "14,90" in get(base + "/katalog/brelok-proba/")[1], timeout=60)


def test_the_form_refuses_a_news_item_without_its_required_fields_and_needs_no_photo(editor, cms, problems):
    base, folder = cms
    existing = sorted((folder / "content").rglob("*.md"))
    _open(editor, base, "collections/aktualnosci/new")
    editor.get_by_label("Tytuł").fill("Bez zdjęcia")
    _publish(editor)
    # Decap's own message in Polish, at the fields left empty; nothing written
    errors = editor.get_by_text("jest wymagane")
    errors.first.wait_for()
    assert errors.count() >= 2  # the category and the summary
    editor.wait_for_timeout(500)
    assert sorted((folder / "content").rglob("*.md")) == existing
    # Decap ends the refused save with a promise rejected with nothing: its way, not an error
    problems.remove("script error: undefined")
    # filled in, without a photo (optional): saved, with no empty photo left in the file
    editor.get_by_label("Kategoria").click()
    editor.get_by_text("Edukacja", exact=True).click()
    editor.get_by_label("Streszczenie").fill("Aktualność bez zdjęcia.")
    _body(editor, "Treść bez zdjęcia.")
    _publish(editor)
    written = folder / scaffold.render("news", "Bez zdjęcia", NOW.date())[0]
    _written(written)
    meta, _ = _front_matter(written)
    assert "image" not in meta and meta["category"] == "edukacja"
    checked = _check(folder)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def _git(folder, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def review(browser, tmp_path_factory):
    """`make edytor TRYB=przeglad`: the editorial workflow on a git working copy (decap-server's
    git mode), each change on a branch of its own until it is published, as merge requests
    are on the git host. Yields (page, devserver URL, the repository)."""
    require(DECAP_SERVER.exists(), "decap-server missing: run `npm ci` (make test does)")
    folder = tmp_path_factory.mktemp("review")
    port = free_port()
    log = open(folder.parent / "decap-server-git.log", "w")  # noqa: SIM115 - closed below
    backend = None
    try:
        with running_devserver(
            folder, "ok-catalogue", env={"PORTAL_CMS_PORT": str(port), "PORTAL_CMS_REVIEW": "1"}
        ) as (
            base,
            _,
        ):
            for command in (
                ("init", "-q", "-b", "main"),
                ("config", "user.email", "redakcja@example.org"),
                ("config", "user.name", "Redakcja"),
                ("add", "-A"),
                ("commit", "-q", "-m", "Treść"),
            ):
                assert _git(folder, *command).returncode == 0
            backend = _start_backend(folder, port, "git", log)
            _answers(port)
            session = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900})
            page = session.new_page()
            page.set_default_timeout(WAIT_MS)
            page.clock.set_fixed_time(NOW)
            page.on("dialog", lambda dialog: dialog.accept())  # "Czy na pewno chcesz opublikować ...?"
            page.goto(base + "/admin/")
            page.get_by_role("button", name="Zaloguj się").click()
            yield page, base, folder
            session.close()
    finally:
        if backend is not None:
            backend.terminate()
            backend.wait(timeout=10)
        log.close()


def test_review_keeps_a_change_on_its_own_branch_until_a_second_person_publishes_it(review):
    page, base, folder = review
    title = "Nabór do grupy roboczej ds. promocji"
    _new_news(page, base, title, "Koordynacja ES", "Szukamy osób do grupy roboczej.")
    _body(page, "Zgłoszenia do końca miesiąca.")
    page.get_by_role("button", name="Zapisz").click()
    # a draft: a branch with the file, nothing on main (the site is built from main)
    relative, _ = scaffold.render("news", title, NOW.date())
    branch = "cms/aktualnosci/" + relative.removeprefix("content/aktualnosci/").removesuffix(".md")
    wait_for(lambda: title in _git(folder, "show", f"{branch}:{relative}").stdout, timeout=20)
    assert _git(folder, "cat-file", "-e", f"main:{relative}").returncode != 0
    # decap-server checks the draft's branch out to commit it and again whenever the CMS
    # reads the draft back, then main again: the working tree settles on main without it
    wait_for(
        lambda: (
            _git(folder, "branch", "--show-current").stdout.strip() == "main"
            and not (folder / relative).exists()
        ),
        timeout=20,
    )
    # sent for review, then approved and published by the second person: merged into main
    page.get_by_role("button", name="Status: Wersja robocza").click()
    page.get_by_role("menuitem", name="W recenzji").click()
    wait_for(
        lambda: "pending_review" in _git(folder, "config", f"branch.{branch}.description").stdout, timeout=20
    )
    page.get_by_role("button", name="Status: W recenzji").click()
    page.get_by_role("menuitem", name="Gotowe").click()
    wait_for(
        lambda: "pending_publish" in _git(folder, "config", f"branch.{branch}.description").stdout, timeout=20
    )
    _publish(page)
    wait_for(lambda: _git(folder, "cat-file", "-e", f"main:{relative}").returncode == 0, timeout=20)
    # merged, then the branch is deleted
    wait_for(lambda: _git(folder, "rev-parse", "--verify", "-q", branch).returncode != 0, timeout=20)
    checked = _check(folder)
    assert checked.returncode == 0, checked.stdout + checked.stderr
