"""CPV codes (portal_procurement.cpv): the check digit, the messages, the hierarchy and the
portal's vocabulary (content/zamowienia/cpv.yaml)."""

from __future__ import annotations

import pytest
from portal_procurement import cpv
from sitebuild import ROOT

# Codes of the official vocabulary as public procurement notices and other CPV lists print
# them (the check digit is the vocabulary's, not computed here): catering, cleaning,
# green areas, building works, transport, social services, printing, textiles, goods.
OFFICIAL = [
    "55520000-1",
    "55500000-5",
    "55510000-8",
    "55511000-5",
    "55512000-2",
    "55521000-8",
    "55521100-9",
    "55521200-0",
    "55522000-5",
    "55523000-2",
    "55523100-3",
    "55524000-9",
    "55300000-3",
    "55310000-6",
    "55320000-9",
    "55321000-6",
    "55322000-3",
    "55330000-2",
    "55400000-4",
    "55410000-7",
    "60100000-9",
    "60112000-6",
    "60120000-5",
    "60130000-8",
    "60140000-1",
    "90910000-9",
    "79710000-4",
    "80530000-8",
    "72500000-0",
    "45261000-4",
    "45443000-4",
    "45311000-0",
    "45330000-9",
    "45420000-7",
    "33141100-1",
    "45210000-2",
    "72200000-7",
    "30192700-8",
    "15100000-9",
    "15810000-9",
    "35821000-5",
    "19640000-4",
    "33600000-6",
    "90500000-2",
    "90510000-5",
    "90513000-6",
    "90720000-0",
    "18530000-3",
    "18930000-7",
    "77314000-4",
    "85312000-9",
    "45453000-7",
    "39298900-6",
    "80570000-0",
    "39224000-8",
    "39224200-0",
]


@pytest.mark.parametrize("code", OFFICIAL)
def test_the_check_digit_is_the_official_one(code):
    assert cpv.full_code(code[:8]) == code
    assert cpv.code_problem(code) is None


def test_a_wrong_check_digit_names_the_right_one():
    assert cpv.code_problem("55520000-2") == (
        "w kodzie CPV 55520000-2 cyfra kontrolna (po myślniku) powinna być 1: wpisz 55520000-1 "
        "albo sprawdź osiem pierwszych cyfr"
    )


@pytest.mark.parametrize(
    ("written", "told"),
    [
        ("55520000", "kod CPV „55520000” nie ma cyfry kontrolnej; wpisz 55520000-1"),
        ("5552000-1", "„5552000-1” to nie jest kod CPV; kod ma 8 cyfr"),
        ("55520000 1", "„55520000 1” to nie jest kod CPV"),
        ("catering", "„catering” to nie jest kod CPV"),
    ],
)
def test_a_code_in_the_wrong_form_is_explained(written, told):
    assert cpv.code_problem(written).startswith(told)


def test_ancestors_are_the_hierarchy_of_the_leading_digits():
    assert cpv.significant("55520000") == "5552"
    assert cpv.ancestors("55521100") == ["55521000", "55520000", "55500000", "55000000"]
    assert cpv.ancestors("55000000") == []
    assert cpv.significant("10000000") == "10"  # a division ending in zero keeps its two digits


def test_a_supplier_is_found_under_every_known_code_above_its_own():
    vocabulary = cpv.Vocabulary(
        [
            cpv.Cpv("55000000-0", "Usługi hotelarskie, restauracyjne i handlu detalicznego"),
            cpv.Cpv("55500000-5", "Usługi stołówek i cateringu"),
            cpv.Cpv("55520000-1", "Usługi dostarczania posiłków"),
            cpv.Cpv("55524000-9", "Usługi dostarczania posiłków do szkół"),
            cpv.Cpv("90910000-9", "Usługi sprzątania"),
        ]
    )
    covered = [c.code for c in vocabulary.covering(["55524000-9"])]
    assert covered == ["55000000-0", "55500000-5", "55520000-1", "55524000-9"]
    # the nearest known code above is the parent, though 55520000's own parent 55500000
    # is there and 90000000 is not
    assert vocabulary.get("55524000-9").parent.code == "55520000-1"
    assert vocabulary.get("90910000").parent is None
    assert [c.code for c in vocabulary.roots] == ["55000000-0", "90910000-9"]
    assert vocabulary.suggest("55529000-4") == "czy chodziło o 55520000-1 „Usługi dostarczania posiłków”? "
    assert vocabulary.suggest("11111111-1") == ""


def test_the_portals_vocabulary_is_valid_and_has_the_groups_suppliers_sell():
    vocabulary, problems = cpv.load_vocabulary(ROOT / "content")
    assert problems == []
    assert len(vocabulary.codes) >= 80
    # the groups the issue names are all there: catering, cleaning, green areas, printing,
    # textiles and sewing, renovation, transport, care and social services, souvenirs
    for code in (
        "55500000-5",
        "90910000-9",
        "77310000-6",
        "79810000-5",
        "98393000-4",
        "45453000-7",
        "60100000-9",
        "85312000-9",
        "18530000-3",
    ):
        assert vocabulary.get(code) is not None, code
    assert all(cpv.code_problem(c.code) is None for c in vocabulary.codes)
