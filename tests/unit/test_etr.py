"""Easy-to-read Polish (portal_etr): the measurable rules, and how summaries are laid out."""

from __future__ import annotations

import pytest
from portal_etr import readability
from portal_etr.generator import hard_breaks, paragraphs

EASY = """Ekonomia społeczna to firmy, które pomagają ludziom.
Te firmy sprzedają rzeczy albo usługi.
Pieniądze z pracy idą na pomoc ludziom.
Zadzwoń do nas: 61 856 73 43.
Nasz adres: Feliksa Nowowiejskiego 11, 61-731 Poznań.
Regionalny Ośrodek Polityki Społecznej, w skrócie ROPS, jest w Poznaniu.
ROPS odpowie na Twoje pytanie w 2026 roku."""


def test_easy_text_passes_every_rule():
    reading = readability.read(EASY)
    assert reading.findings == ()
    assert 0 < reading.fog <= readability.MAX_FOG


@pytest.mark.parametrize(
    "text, found",
    [
        (
            "Podmioty ekonomii społecznej prowadzą działalność gospodarczą i przeznaczają zysk na cele "
            "społeczne określone w statucie oraz w przepisach ustawy o ekonomii społecznej.",
            "ma 22 słowa (najwyżej 15)",
        ),
        ("Wspieramy osoby z niepełnosprawnościami.", "„niepełnosprawnościami”: więcej niż 5 sylab"),
        ("Pomagamy np. w księgowości.", "skróty (np.)"),
        ("Napisz do OWES.", "skróty (OWES)"),
        ("Pracuje u nas 1250 osób.", "duże liczby lub procenty (1250)"),
        ("To jest 35% firm.", "duże liczby lub procenty (35%)"),
    ],
)
def test_each_rule_fires_with_what_to_do(text, found):
    findings = readability.read(text).findings
    assert len(findings) == 1 and found in findings[0], findings
    assert ";" in findings[0]  # what is wrong; then what to write instead


def test_the_fog_index_is_gunnings_with_polish_hard_words():
    words = ["pomagamy", "ludziom"] * 20  # po-ma-ga-my: 4 syllables, hard; lu-dziom: 2
    assert readability.syllables("pomagamy") == 4 and readability.syllables("ludziom") == 2
    assert readability.fog_index(words, 4) == round(0.4 * (40 / 4 + 100 * 20 / 40), 1)  # 24.0
    long = ("Przedsiębiorstwa społeczne zatrudniają pracowników zagrożonych wykluczeniem. " * 8).strip()
    assert any("indeks mglistości FOG" in f for f in readability.read(long).findings)
    short = "Przedsiębiorstwa społeczne zatrudniają pracowników."  # too few words to judge
    assert not any("FOG" in f for f in readability.read(short).findings)


def test_summary_paragraphs_keep_a_sentence_a_line_and_escape_text():
    html = str(paragraphs("Jesteśmy <b>spółdzielnią</b>.\nGotujemy obiady.\n\nZadzwoń."))
    assert html == (
        "<p>Jesteśmy &lt;b&gt;spółdzielnią&lt;/b&gt;.<br>\nGotujemy obiady.</p>\n<p>Zadzwoń.</p>\n"
    )


def test_markdown_pages_keep_their_lines_but_not_inside_lists_and_headings():
    text = "Zdanie pierwsze.\nZdanie drugie.\n\n## Tytuł\n\n- punkt\n  ciąg dalszy\n- drugi punkt"
    assert hard_breaks(text) == (
        "Zdanie pierwsze.  \nZdanie drugie.\n\n## Tytuł\n\n- punkt  \n  ciąg dalszy\n- drugi punkt"
    )


def test_check_tells_the_editor_what_to_simplify_and_still_passes(tmp_path):
    """Easy-to-read findings are notices: each names the file, the line and the field, and
    says what to do; the check passes (nothing to fix is a mistake that stops publishing)."""
    from sitebuild import build_in_process, copy_fixture_site

    content = copy_fixture_site("ok-etr", tmp_path)
    result = build_in_process(content, tmp_path / "unused", command="check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    page = [line for line in lines if line.startswith("Uwaga: content/tekst-latwy/trudny.md:5: (treść): ")]
    summary = [line for line in lines if line.startswith("Uwaga: content/podmioty/proba.md:22: etr: ")]
    first_words = {line.split(": tekst łatwy do czytania: ", 1)[1].split(" ", 1)[0] for line in page}
    assert first_words == {"zdanie", "długie", "skróty", "duże"}
    # an abbreviation's dot does not end the sentence: the first sentence is one of 23 words
    assert any(
        "zdanie „Regionalny Ośrodek Polityki Społecznej w Poznaniu, …” ma 23 słowa" in line for line in page
    )
    assert any(
        "skróty (tzw., r., tj., ROPS); napisz pełne słowa" in line for line in page
    )  # ROPS not introduced
    assert len(summary) == 2 and any("„niepełnosprawnościami”" in line for line in summary)
    assert any("(np.)" in line for line in summary)
    assert not any("latwy.md" in line for line in lines)  # the easy page passes
    assert lines[-1].startswith(f"{len(page) + len(summary)} uwag o dostępności")
