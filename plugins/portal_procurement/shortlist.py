"""The shortlist of possible suppliers ("Wykaz potencjalnych wykonawców") as files.

A buyer attaches it to a procurement file (rozeznanie rynku): one row per supplier with
the facts of the open data (portal_directory.opendata) in the columns below, in this
order. The same columns are made twice, and tests hold the two to each other:

- at build time, for every CPV code that has suppliers, the shortlist of all of them
  (``wykaz-cpv-<8 cyfr>.xlsx`` and ``.csv`` under /podmioty/wykaz/): the way without
  JavaScript, linked from /podmioty/cpv/. XLSX is written by XlsxWriter.
- in the browser, for the suppliers a buyer picked (static/js/shortlist.js, from
  /dane/podmioty.json); the page lists these columns, and the script reads them there.

Each file has the date of the data ("stan na dzień") and the criteria of the search; the
XLSX keeps them on a second sheet, "Informacje", so the first holds only the table.
"""

from __future__ import annotations

import datetime
import functools
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import xlsxwriter
from portal_content.opendata import csv_text


@dataclass(frozen=True)
class Column:
    header: str  # the file's column heading
    key: str  # the open-data column it shows ("" for the row number)
    width: int = 18  # in the XLSX, in characters


COLUMNS = [
    Column("Lp.", "", 5),
    Column("Nazwa", "nazwa", 40),
    Column("Forma prawna", "forma_prawna_nazwa", 24),
    Column("Podmiot prowadzący", "podmiot_prowadzacy", 28),
    Column("NIP", "nip", 12),
    Column("REGON", "regon", 15),
    Column("KRS", "krs", 12),
    Column("Ulica", "ulica", 24),
    Column("Kod pocztowy", "kod_pocztowy", 8),
    Column("Miejscowość", "miejscowosc", 16),
    Column("Powiat", "powiat", 18),
    Column("Przedsiębiorstwo społeczne", "przedsiebiorstwo_spoleczne", 12),
    Column("Data decyzji PS", "ps_data_decyzji", 12),
    Column("Znak decyzji PS", "ps_numer_decyzji", 20),
    Column("Zakład pracy chronionej", "zaklad_pracy_chronionej", 12),
    Column("Zamówienia zastrzeżone", "zamowienia_zastrzezone", 50),
    Column("Zatrudnieni z grup zagrożonych wykluczeniem (%)", "zatrudnieni_z_grup_zagrozonych_proc", 14),
    Column("Stan na dzień", "zatrudnieni_z_grup_zagrozonych_stan_na", 12),
    Column("Obszar realizacji zamówień", "obszar_realizacji", 30),
    Column("Certyfikat „Zakup Prospołeczny” ważny do", "certyfikat_zakup_prospoleczny_wazny_do", 14),
    Column("Kody CPV", "kody_cpv", 24),
    Column("Nazwy kodów CPV", "kody_cpv_nazwy", 50),
    Column("Telefon", "telefon", 14),
    Column("E-mail", "email", 28),
    Column("Kontakt w sprawie ofert: osoba", "kontakt_oferty_osoba", 24),
    Column("Kontakt w sprawie ofert: e-mail", "kontakt_oferty_email", 28),
    Column("Kontakt w sprawie ofert: telefon", "kontakt_oferty_telefon", 14),
    Column("Profil w portalu", "profil", 40),
    Column("Dane przykładowe", "dane_przykladowe", 10),
]

TITLE = "Wykaz potencjalnych wykonawców"
CREATED = datetime.datetime(2000, 1, 1)  # the files' metadata; the data's date is in the title
LIST_SEPARATOR = "; "


def cell(value: Any) -> str | int:
    """A value of the open data as the shortlist shows it: lists joined, tak/nie."""
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return value


def table(rows: Iterable[dict[str, Any]]) -> list[list[str | int]]:
    """The shortlist's rows (without the heading) from open-data rows, in their order."""
    return [
        [index if not column.key else cell(row[column.key]) for column in COLUMNS]
        for index, row in enumerate(rows, start=1)
    ]


def title(day: str) -> str:
    return f"{TITLE} — stan na dzień {day} r."


def notes(search: str, data: str) -> list[tuple[str, str]]:
    """What every shortlist says of its source and limits (label, text)."""
    return [
        ("Wyszukiwanie", search),
        ("Źródło danych", f"{data} (otwarte dane portalu, licencja CC BY 4.0)"),
        (
            "Zakres",
            "Wykaz obejmuje podmioty z katalogu portalu, które same wskazały te kody CPV; "
            "nie zastępuje ogłoszenia ani pełnego rozeznania rynku.",
        ),
        (
            "Weryfikacja",
            "Status przedsiębiorstwa społecznego sprawdź w wykazie przedsiębiorstw społecznych (RJPS); "
            "spełnienie warunków art. 94 Pzp zamawiający sprawdza w postępowaniu.",
        ),
    ]


def to_csv(rows: Iterable[dict[str, Any]]) -> str:
    return csv_text([c.header for c in COLUMNS], table(rows))


def to_xlsx(rows: Iterable[dict[str, Any]], day: str, about: list[tuple[str, str]]) -> bytes:
    """The workbook: sheet "Wykaz" (heading row, one row per supplier), sheet "Informacje"
    (the title with the date, then ``about``: the criteria and the source, as label-value rows).

    XlsxWriter takes about 10 ms a file; the devserver rebuilds in one process, so a
    workbook whose content did not change is taken from the last build."""
    return _workbook(json.dumps([table(rows), day, about], ensure_ascii=False))


@functools.lru_cache(maxsize=512)
def _workbook(content: str) -> bytes:
    values, day, about = json.loads(content)
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_urls": False})
    # a fixed date: XlsxWriter would write now, and two builds must be byte-identical
    workbook.set_properties(
        {"title": title(day), "author": "Portal ekonomii społecznej Wielkopolski", "created": CREATED}
    )
    bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    sheet = workbook.add_worksheet("Wykaz")
    for index, column in enumerate(COLUMNS):
        sheet.set_column(index, index, column.width)
        sheet.write_string(0, index, column.header, bold)
    for r, cells in enumerate(values, start=1):
        for c, value in enumerate(cells):
            if isinstance(value, int):
                sheet.write_number(r, c, value, wrap)
            else:
                sheet.write_string(r, c, value, wrap)
    sheet.freeze_panes(1, 2)
    info = workbook.add_worksheet("Informacje")
    info.set_column(0, 0, 28)
    info.set_column(1, 1, 100)
    info.write_string(0, 0, title(day), bold)
    for r, (label, value) in enumerate(about, start=2):
        info.write_string(r, 0, label, bold)
        info.write_string(r, 1, value, wrap)
    workbook.close()
    return buffer.getvalue()
