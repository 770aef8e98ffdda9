import datetime as dt

import pytest
from portal_content.problems import Problem, format_problems, translate
from portal_content.schema import CATEGORIES, NewsMeta, PageMeta
from pydantic import ValidationError

VALID = {
    "title": "Gala",
    "date": "2025-11-20 19:00",
    "category": "Promocja",
    "summary": "Krótko.",
}


def messages(data, model=NewsMeta):
    with pytest.raises(ValidationError) as error:
        model.model_validate(data)
    return {".".join(map(str, e["loc"])): translate(model, e) for e in error.value.errors()}


def test_valid_news_is_normalised():
    meta = NewsMeta.model_validate({**VALID, "tags": "gala, certyfikacja"})
    assert meta.date == dt.datetime(2025, 11, 20, 19, 0)
    assert meta.category == "promocja"
    assert meta.tags == ["gala", "certyfikacja"]


def test_category_accepts_slug_and_any_case():
    assert NewsMeta.model_validate({**VALID, "category": "potencjal-pes-ps"}).category == "potencjal-pes-ps"
    assert NewsMeta.model_validate({**VALID, "category": "potencjał pes/ps"}).category == "potencjal-pes-ps"


def test_category_slugs_are_ascii():
    assert all(slug.isascii() for slug in CATEGORIES)


def test_unknown_key_suggests_the_right_one():
    found = messages({**VALID, "titel": "x"})
    assert found["titel"].startswith("nieznane pole; czy chodziło o 'title'?")


def test_missing_field_gives_an_example_line():
    data = dict(VALID)
    del data["summary"]
    assert messages(data)["summary"] == (
        "brak wymaganego pola; dopisz linię 'summary: Dwadzieścia osiem podmiotów otrzymało znak Zakup Prospołeczny.'"
    )


def test_bad_date_explains_the_format():
    assert messages({**VALID, "date": "31.02.2025"})["date"].startswith(
        "„31.02.2025” to nie jest data; wpisz datę jako RRRR-MM-DD"
    )


def test_impossible_date_is_rejected():
    assert messages({**VALID, "date": "2025-02-31"})["date"] == (
        "data „2025-02-31” nie istnieje: miesiąc 2 roku 2025 ma 28 dni; popraw dzień"
    )
    assert "miesiąc 9 roku 2026 ma 30 dni" in messages({**VALID, "date": "2026-09-31"})["date"]
    assert "miesiąc 2 roku 2026 ma 28 dni" in messages({**VALID, "date": "2026-02-29 10:00"})["date"]
    assert NewsMeta.model_validate({**VALID, "date": "2024-02-29"}).date == dt.datetime(2024, 2, 29)


def test_time_with_an_offset_is_converted_to_polish_time():
    winter = NewsMeta.model_validate({**VALID, "date": "2026-12-03T09:00:00Z"})
    summer = NewsMeta.model_validate({**VALID, "date": "2026-07-03 10:00+00:00"})
    assert (winter.date.hour, summer.date.hour) == (10, 12)
    assert "strefa czasowa" in messages({**VALID, "date": "2026-12-03 09:00+25:00"})["date"]


def test_unknown_category_lists_choices():
    message = messages({**VALID, "category": "Sport"})["category"]
    assert message.startswith("nieznana kategoria „Sport”; wpisz jedną z: Koordynacja ES, Promocja")


def test_image_needs_alt():
    found = messages({**VALID, "image": {"src": "images/a.jpg"}})
    assert found["image.alt"].startswith("brak wymaganego pola; dopisz linię 'alt: ")


def test_empty_alt_is_rejected():
    assert (
        messages({**VALID, "image": {"src": "a.jpg", "alt": "  "}})["image.alt"]
        == "pole nie może być puste; wpisz tekst"
    )


def test_wrong_types():
    found = messages({**VALID, "title": ["a"], "sample": "może"})
    assert found["title"].startswith("wpisz tekst")
    assert found["sample"] == "„może” to nie jest tak/nie; wpisz true albo false"


def test_bad_slug():
    assert "nie nadaje się na adres" in messages({**VALID, "slug": "Gala 2025"})["slug"]


def test_accessibility_dates_must_be_iso():
    page = {
        "title": "Deklaracja",
        "accessibility": {
            "entity": "ROPS",
            "url": "https://x",
            "published": "27.11.2026",
            "updated": "2026-11-27",
            "status": "zgodna",
            "prepared": "2026-11-27",
            "assessment": "samoocena",
            "contact_person": "A",
            "contact_email": "a@b",
            "contact_phone": "1",
            "procedure": "p",
            "architecture": "a",
        },
    }
    assert messages(page, PageMeta)["accessibility.published"].startswith("„27.11.2026” to nie jest data")


def test_problem_format_and_polish_plural():
    text = format_problems([Problem("b.md", 3, "title", "x"), Problem("a.md", 2, "date", "y")])
    assert text.splitlines()[0] == "a.md:2: date: y"
    assert text.splitlines()[1] == "b.md:3: title: x"
    assert "Znaleziono 2 problemy" in text
    assert "Znaleziono 5 problemów" in format_problems([Problem("a", i, "f", "m") for i in range(5)])


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,x",
        'https://x.pl/"onmouseover=x',
        "https://x.pl/<b>",
        "https://x.pl/a b",
        "//x.pl",
    ],
)
def test_url_fields_take_only_web_addresses_without_breaking_characters(url):
    from portal_content.schema import AccessibilityStatement

    found = messages({"url": url}, model=AccessibilityStatement)
    assert found["url"].startswith(f"„{url}” to nie jest adres strony")
