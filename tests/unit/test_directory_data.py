"""Directory: identifier checksums, region data, entity schema."""

import shutil
from pathlib import Path

import pytest
from portal_content.problems import translate
from portal_directory import identifiers as ids
from portal_directory.region import load_region
from portal_directory.schema import EntityMeta, tel_href
from pydantic import ValidationError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("nip", ["1234563218", "123-456-32-18", "PL 123 456 32 18", "5260250274"])
def test_valid_nip(nip):
    assert ids.nip_problem(nip) is None


@pytest.mark.parametrize(
    "nip,reason",
    [
        ("1234563219", "cyfrę kontrolną"),
        ("123456321", "10 cyfr"),
        ("12345632a8", "10 cyfr"),
        ("1234567890", "cyfrę kontrolną"),
    ],
)
def test_invalid_nip(nip, reason):
    assert reason in ids.nip_problem(nip)


def test_every_single_digit_change_breaks_a_nip():
    valid = "1234563218"
    for position in range(10):
        for digit in "0123456789":
            if digit != valid[position]:
                changed = valid[:position] + digit + valid[position + 1 :]
                assert ids.nip_problem(changed) is not None, changed


@pytest.mark.parametrize("regon", ["123456785", "12345678512347", "123-456-785"])
def test_valid_regon(regon):
    assert ids.regon_problem(regon) is None


@pytest.mark.parametrize(
    "regon,reason",
    [
        ("123456786", "kontrolną"),
        ("12345678512348", "kontrolną"),
        ("12345678", "9 albo 14"),
        ("1234567851234", "9 albo 14"),
    ],
)
def test_invalid_regon(regon, reason):
    assert reason in ids.regon_problem(regon)


def test_krs_format():
    assert ids.krs_problem("0000123456") is None
    assert "10 cyfr" in ids.krs_problem("123456")


def test_sample_data_helpers_make_valid_numbers():
    assert ids.with_nip_check("123456321") == "1234563218"
    assert ids.with_nip_check("100000016") is None  # weighted sum gives 10: no NIP starts so
    assert ids.with_regon_check("12345678") == "123456785"


def test_real_region_has_35_powiats_in_5_subregions():
    region, problems = load_region(ROOT / "content")
    assert problems == []
    assert len(region.powiaty) == 35
    assert sum(p.type == "grodzki" for p in region.powiaty) == 4
    assert [s.slug for s in region.subregions] == [
        "poznanski",
        "koninski",
        "pilski",
        "kaliski",
        "leszczynski",
    ]
    assert sum(len(s.powiaty) for s in region.subregions) == 35
    assert region.powiat("Poznań").subregion.slug == "poznanski"
    assert region.powiat("powiat poznański").subregion.slug == "poznanski"
    assert region.powiat("czarnkowsko-trzcianecki").subregion.slug == "pilski"
    # as in the statistical (NUTS-3) subregions: 6 + 7 + 5 + 8 + 9 powiats
    assert region.powiat("międzychodzki").subregion.slug == "leszczynski"
    assert [len(s.powiaty) for s in region.subregions] == [6, 7, 5, 8, 9]
    assert region.powiat("Gdańsk") is None
    assert {s.slug for s in region.subregions if not s.verified} == {"pilski", "kaliski", "leszczynski"}


def test_region_file_errors_are_reported(tmp_path):
    shutil.copytree(ROOT / "content" / "region", tmp_path / "region")
    path = tmp_path / "region" / "wielkopolska.yaml"
    text = path.read_text(encoding="utf-8").replace("  - {name: złotowski, type: ziemski}\n", "")
    path.write_text(text, encoding="utf-8")
    _, problems = load_region(tmp_path)
    messages = [p.message for p in problems]
    assert any("31 powiatów typu ziemski, a lista ma 30" in m for m in messages)
    assert any("nieznany powiat „złotowski”" in m for m in messages)


def test_real_region_has_226_gminas_each_in_one_powiat():
    region, _ = load_region(ROOT / "content")
    assert len(region.gminy) == 226
    assert sum(g.urban for g in region.gminy) == 19
    assert all(p.gminy for p in region.powiaty)
    assert (
        len({g.path for g in region.gminy}) == 226
    )  # each its own page; a city with powiat rights its powiat's
    # a town and the rural gmina around it share the name: the name alone means the town
    town, rural = region.gmina("Gniezno"), region.gmina("gmina wiejska Gniezno")
    assert (town.urban, rural.urban) == (True, False)
    assert region.gmina("Gniezno (gmina wiejska)") is rural and region.gmina("miasto Gniezno") is town
    assert (town.label, rural.label) == ("gmina miejska Gniezno", "gmina wiejska Gniezno")
    assert (town.path, rural.path) == ("gmina/gniezno/", "gmina/gniezno-gmina-wiejska/")
    kwilcz = region.gmina("gmina Kwilcz")
    assert kwilcz.label == "gmina Kwilcz" and kwilcz.powiat is region.powiat("międzychodzki")
    assert region.gmina("Kwilcz", region.powiat("poznański")) is None
    # a city with powiat rights is its powiat: its page is the powiat's
    assert region.gmina("Poznań").path == "powiat/poznan/"
    assert region.gmina("Gdynia") is None


def test_unknown_gmina_messages_say_what_to_write():
    region, _ = load_region(ROOT / "content")
    poznanski = region.powiat("poznański")
    assert region.gmina_problem("Kwilcz", poznanski) == (
        "gmina Kwilcz nie leży w tym powiecie (powiat poznański), tylko tu: powiat międzychodzki; "
        "popraw gminę albo powiat"
    )
    message = region.gmina_problem("Kleszczew", poznanski)
    assert message.startswith("nieznana gmina „Kleszczew”; czy chodziło o „Kleszczewo”? gminy w tym powiecie")
    assert "Tarnowo Podgórne" in message and "Kwilcz" not in message
    assert "region/wielkopolska.yaml" in region.gmina_problem("Gdynia")


def test_gmina_list_errors_are_reported(tmp_path):
    shutil.copytree(ROOT / "content" / "region", tmp_path / "region")
    path = tmp_path / "region" / "wielkopolska.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  Konin: {miejskie: [Konin]}\n", "  Konin: {miejskie: [Konin, Golina]}\n")
    text = text.replace("[Przemęt, Siedlec, Wolsztyn]", "[Przemęt, Siedlec, Siedlec]")
    path.write_text(text, encoding="utf-8")
    _, problems = load_region(tmp_path)
    messages = [p.message for p in problems]
    assert any(m.startswith("miasto na prawach powiatu jest jedną gminą miejską") for m in messages)
    assert "gmina Siedlec jest na tej liście dwa razy; usuń powtórzenie" in messages
    assert any("a lista ma 226, w tym 20 miejskich" in m for m in messages)
    assert all(p.line > 1 for p in problems)


ENTITY = {
    "name": "Spółdzielnia",
    "legal_form": "spółdzielnia socjalna",
    "address": {"street": "a", "postal_code": "61-001", "city": "P"},
    "gmina": "P",
    "powiat": "Poznań",
    "contact": {},
    "offer": {"categories": ["Gastronomia i catering"]},
    "summary": "s",
    "mission": "m",
    "verified": "2026-01-01",
    "krs": "0000123456",
    "regon": 123456785,
}


def test_entity_accepts_labels_and_normalises_identifiers():
    meta = EntityMeta.model_validate({**ENTITY, "nip": "123-456-32-18"})
    assert meta.legal_form == "spoldzielnia-socjalna"
    assert meta.offer.categories == ["gastronomia"]
    assert meta.nip == "1234563218" and meta.regon == "123456785" and meta.krs == "0000123456"


def test_entity_needs_an_offer_category():
    with pytest.raises(ValidationError) as error:
        EntityMeta.model_validate({**ENTITY, "offer": {"categories": []}})
    assert error.value.errors()[0]["loc"] == ("offer", "categories")


def test_postal_code_message():
    with pytest.raises(ValidationError) as error:
        EntityMeta.model_validate({**ENTITY, "address": {"street": "a", "postal_code": "61001", "city": "P"}})
    assert (
        translate(EntityMeta, error.value.errors()[0])
        == "„61001” to nie jest kod pocztowy; wpisz go jako NN-NNN, np. 61-731"
    )


def test_tel_href():
    assert tel_href("61 856 73 43") == "+48618567343"
    assert tel_href("+48 600-123-456") == "+48600123456"


def test_a_city_with_powiat_rights_named_in_another_powiat_says_what_to_write():
    region, _ = load_region(ROOT / "content")
    assert region.gmina_problem("Leszno", region.powiat("złotowski")) == (
        "Leszno to miasto na prawach powiatu: jego gmina i powiat to Leszno; "
        "w polu powiat wpisz Leszno albo popraw gminę"
    )
