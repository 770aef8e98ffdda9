"""The directory's instant filters: keyboard, live region, URL state, and life without JS."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from portal_content.validate import content_files, load
from portal_directory.region import load_region
from portal_procurement import cpv
from portal_site import register_content
from portal_theme.filters import plural_pl
from sitebuild import ROOT

register_content()
REGION, _ = load_region(ROOT / "content")
ENTITIES = [load(p, k) for p, k in content_files(ROOT / "content") if k == "entity"]
VOCABULARY, _ = cpv.load_vocabulary(ROOT / "content")


def expected(subregion=None, forma=None, oferta=None, ps=False, cpv_group=None, powiat=None):
    found = []
    for e in ENTITIES:
        if powiat and REGION.powiat(e.meta.powiat) is not REGION.powiat(powiat):
            continue
        if cpv_group and not any(c.startswith(cpv.significant(cpv_group)) for c in e.meta.offer.cpv):
            continue
        powiat_of = REGION.powiat(e.meta.powiat)
        if subregion and powiat_of.subregion.slug != subregion:
            continue
        if forma and e.meta.legal_form != forma:
            continue
        if oferta and oferta not in e.meta.offer.categories:
            continue
        if ps and e.meta.ps is None:
            continue
        found.append(f"/podmioty/{e.slug}/")
    return sorted(found)


def visible(page):
    return sorted(
        page.locator(".pl-entity-card:visible .pl-entity-card__title a").evaluate_all(
            "links => links.map(a => new URL(a.href).pathname)"  # the site's address may be absolute
        )
    )


def test_filters_work_with_the_keyboard_and_announce_the_count(context, server):
    page = context.new_page()
    page.goto(server + "/podmioty/")
    status = page.get_by_role("form", name="Filtruj podmioty").get_by_role("status")
    assert status.text_content() == f"Wszystkie podmioty: {len(ENTITIES)}."
    page.get_by_label("Subregion", exact=True).focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # "wszystkie" -> poznański -> koniński
    assert page.get_by_label("Subregion", exact=True).input_value() == "koninski"
    want = expected(subregion="koninski")
    assert visible(page) == want
    noun = plural_pl(len(want), "podmiot", "podmioty", "podmiotów")
    assert status.text_content() == f"Znaleziono {len(want)} {noun} z {len(ENTITIES)}."
    assert page.url.endswith("/podmioty/?subregion=koninski")
    page.keyboard.press("Tab")  # to the powiat select: only powiats of the chosen subregion are offered
    enabled = page.locator("#f-powiat optgroup:not([disabled]) option").evaluate_all(
        "os => os.map(o => o.value)"
    )
    assert sorted(enabled) == sorted(p.slug for p in REGION.subregion("koninski").powiaty)
    page.get_by_label("tylko przedsiębiorstwa społeczne", exact=True).focus()
    page.keyboard.press("Space")
    assert visible(page) == expected(subregion="koninski", ps=True)
    assert page.url.endswith("?subregion=koninski&ps=1")


def test_filters_combine_and_reset(context, server):
    page = context.new_page()
    page.goto(server + "/podmioty/")
    page.get_by_label("Oferta", exact=True).select_option("rekodzielo")
    page.get_by_label("Forma prawna", exact=True).select_option("zaz")
    assert visible(page) == expected(forma="zaz", oferta="rekodzielo")
    page.get_by_label("Forma prawna", exact=True).select_option("spoldzielnia-pracy")
    page.get_by_label("Subregion", exact=True).select_option("kaliski")
    assert visible(page) == []
    assert page.locator("[data-pl-empty]").is_visible()
    assert (
        page.get_by_role("form", name="Filtruj podmioty").get_by_role("status").text_content()
        == f"Znaleziono 0 podmiotów z {len(ENTITIES)}."
    )
    page.get_by_role("button", name="Wyczyść filtry").click()
    # the form's reset is applied after the browser resets the fields (a task later)
    expect(page.locator(".pl-entity-card:visible")).to_have_count(len(ENTITIES))
    assert page.url.endswith("/podmioty/")


def test_state_is_restored_from_the_url(context, server):
    page = context.new_page()
    page.goto(server + "/podmioty/?forma=spoldzielnia-socjalna&ps=1&oferta=gastronomia")
    assert page.get_by_label("Forma prawna", exact=True).input_value() == "spoldzielnia-socjalna"
    assert page.get_by_label("Oferta", exact=True).input_value() == "gastronomia"
    assert page.get_by_label("tylko przedsiębiorstwa społeczne", exact=True).is_checked()
    want = expected(forma="spoldzielnia-socjalna", oferta="gastronomia", ps=True)
    assert want and visible(page) == want


def test_unknown_url_values_are_ignored(context, server):
    page = context.new_page()
    page.goto(server + "/podmioty/?subregion=gdanski")
    assert page.get_by_label("Subregion", exact=True).input_value() == ""
    assert len(visible(page)) == len(ENTITIES)


def test_directory_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/podmioty/")
    assert not page.locator("[data-pl-filter]").is_visible()
    assert page.locator(".pl-entity-card:visible").count() == len(ENTITIES)
    page.get_by_text("Powiatu (35 powiatów)").click()  # <details> opens without scripts
    page.get_by_role("link", name="czarnkowsko-trzcianecki").click()
    assert page.url == server + "/podmioty/powiat/czarnkowsko-trzcianecki/"
    assert page.locator(".pl-entity-card").count() == sum(
        1 for e in ENTITIES if e.meta.powiat == "czarnkowsko-trzcianecki"
    )
    page.go_back()
    page.get_by_role("link", name="Zakłady aktywności zawodowej").click()
    assert page.locator(".pl-entity-card").count() == len(expected(forma="zaz"))
    context.close()


def test_a_chosen_powiat_names_its_support_centre_and_page(context, server):
    page = context.new_page()
    page.goto(server + "/podmioty/?powiat=gnieznienski")
    box = page.locator("[data-pl-owes-box]")
    expect(box).to_be_visible()
    centre = box.locator("[data-pl-owes-for]:visible")
    expect(centre).to_have_count(1)
    expect(centre.locator("h2")).to_have_text("Ośrodek wsparcia ekonomii społecznej – subregion koniński")
    expect(centre.get_by_role("link").first).to_have_attribute("href", re.compile(r"/owes/owes-koninski/$"))
    expect(centre.locator("a[href^='tel:']")).to_have_count(1)
    expect(box.get_by_role("link", name="Strona: powiat gnieźnieński")).to_have_attribute(
        "href", re.compile(r"/podmioty/powiat/gnieznienski/$")
    )
    # a gmina of the powiat that another centre also serves (content/owes/owes-poznanski.md)
    page.goto(server + "/podmioty/?powiat=miedzychodzki")
    expect(box.locator("[data-pl-owes-for]:visible h2")).to_have_text(
        "Ośrodek wsparcia ekonomii społecznej – subregion leszczyński"
    )
    expect(box.locator("[data-pl-owes-powiat]:visible")).to_contain_text("obsługuje też: gmina Kwilcz")
    page.goto(server + "/podmioty/")
    expect(box).to_be_hidden()


def test_a_filter_that_finds_nothing_offers_the_same_search_nearby(context, server):
    page = context.new_page()
    page.goto(server + "/podmioty/?powiat=gnieznienski&forma=spoldzielnia-socjalna")
    expect(page.locator("[data-pl-empty]")).to_be_visible()
    nearby = page.locator("[data-pl-nearby-list] li")
    in_subregion = len(expected(subregion="koninski", forma="spoldzielnia-socjalna"))
    assert in_subregion > 0
    expect(nearby.first).to_have_text(
        f"cały subregion koniński: {in_subregion} {plural_pl(in_subregion, 'podmiot', 'podmioty', 'podmiotów')}"
    )
    total = 0
    for item in nearby.all()[1:]:
        total += int(re.search(r": (\d+) ", item.text_content()).group(1))
    assert total == in_subregion  # the other powiats add up to the subregion
    nearby.first.get_by_role("link").click()
    page.wait_for_url("**subregion=koninski**")
    assert len(visible(page)) == in_subregion
    expect(page.locator("[data-pl-owes-for='koninski']")).to_be_visible()


def test_a_cpv_group_finds_every_supplier_under_it_and_combines_with_the_place(context, server):
    """A buyer types a group's code: every supplier with a code in the group is shown (a
    card carries its codes and those above them); words of a code's name work too, with
    or without Polish letters; the place narrows it; the URL keeps it all."""
    page = context.new_page()
    page.goto(server + "/podmioty/")
    field = page.get_by_label("Kod CPV albo nazwa z kodu")
    field.fill("55500000")
    want = expected(cpv_group="55500000")
    assert len(want) >= 5 and visible(page) == want  # instant: no Enter needed
    assert page.url.endswith("/podmioty/?cpv=55500000")
    # a code from the list as the datalist writes it, a deeper one
    field.fill("55524000-9 Usługi dostarczania posiłków do szkół")
    assert visible(page) == expected(cpv_group="55524000")
    # words of the names: every code whose name holds them, and so its group's members
    field.fill("uslugi sprzatania")
    plain = str.maketrans("ąćęłńóśźż", "acelnoszz")
    sprzatanie = {
        c.digits
        for c in VOCABULARY.codes
        if all(w in c.name.lower().translate(plain) for w in ("uslugi", "sprzatania"))
    }
    assert sprzatanie and visible(page) == sorted(
        {
            f"/podmioty/{e.slug}/"
            for e in ENTITIES
            for c in VOCABULARY.covering(list(e.meta.offer.cpv))
            if c.digits in sprzatanie
        }
    )
    # with the place: catering in the koniński subregion, then in Konin
    field.fill("55500000")
    page.get_by_label("Subregion", exact=True).select_option("koninski")
    assert visible(page) == expected(cpv_group="55500000", subregion="koninski")
    page.get_by_label("Powiat", exact=True).select_option("konin")
    assert visible(page) == expected(cpv_group="55500000", powiat="Konin")
    shared = page.url
    assert "cpv=55500000" in shared and "powiat=konin" in shared
    # the state comes back from the address
    again = context.new_page()
    again.goto(shared)
    expect(again.get_by_label("Kod CPV albo nazwa z kodu")).to_have_value("55500000")
    assert visible(again) == expected(cpv_group="55500000", powiat="Konin")


def test_without_javascript_the_cpv_page_lists_each_codes_suppliers(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/podmioty/")
    page.get_by_role("link", name="Według kodów CPV (dla zamawiających)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dostawcy według kodów CPV")
    suppliers = page.get_by_role("list", name="Dostawcy: Usługi stołówek i cateringu")
    found = suppliers.get_by_role("link").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert sorted(found) == expected(cpv_group="55500000")
    # a profile's code leads to the same place
    page.goto(server + "/podmioty/pyrlandia/")
    page.get_by_role("link", name="55520000-1 Usługi dostarczania posiłków").click()
    assert page.url.endswith("/podmioty/cpv/#cpv-55520000")
    context.close()
