"""What a profile may say about reserved contracts follows from the legal form and the recorded status."""

from __future__ import annotations

from types import SimpleNamespace

from portal_procurement.facts import reserved_contracts


def bases(form: str, protected: bool = False, parent: str | None = None):
    procurement = SimpleNamespace(protected_workplace=protected)
    parent_body = SimpleNamespace(name=parent) if parent else None
    return reserved_contracts(form, procurement, parent_body, form)


def test_a_social_cooperative_is_named_in_article_94_and_has_the_small_contract_reservation():
    art94, art15a = bases("spoldzielnia-socjalna")
    assert art94.named and art94.article == "art. 94 Pzp"
    assert "Spółdzielnie socjalne są wymienione wprost" in art94.text and "co najmniej 30%" in art94.text
    assert art15a.named and "130 000 zł" in art15a.text and art15a.article.startswith("art. 15a")


def test_a_protected_workplace_is_named_whatever_its_form():
    (art94,) = bases("spoldzielnia-inwalidow", protected=True)
    assert art94.named and "Zakłady pracy chronionej są wymienione wprost" in art94.text


def test_a_social_cooperative_with_protected_status_names_both():
    art94, _ = bases("spoldzielnia-socjalna", protected=True)
    assert "Spółdzielnie socjalne i zakłady pracy chronionej" in art94.text


def test_other_forms_get_the_conditions_not_a_yes():
    (art94,) = bases("fundacja")
    assert not art94.named
    assert "nie jest wymieniona wprost" in art94.text and "co najmniej 30% zatrudnionych" in art94.text
    assert "do wykazania" in art94.short


def test_a_reintegration_unit_names_the_body_that_runs_it_as_the_supplier():
    (art94,) = bases("cis", parent="Gmina Szamotuły")
    assert (
        not art94.named
        and "Wykonawcą w postępowaniu jest podmiot prowadzący (Gmina Szamotuły)." in art94.text
    )


def test_no_procurement_block_is_no_protected_status():
    (art94,) = reserved_contracts("stowarzyszenie", None, None, "stowarzyszenie")
    assert not art94.named
