"""CSV files of the open data (/dane/): one format for every download."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

# A cell a spreadsheet would read as a formula (OWASP, "CSV Injection"): =, +, -, @, and a
# tab or carriage return before them. Such a cell is written with a leading apostrophe,
# which spreadsheets show as text; the JSON files keep the exact value.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(value: Any) -> Any:
    """A cell value that no spreadsheet evaluates. Numbers stay numbers (-5 is a value)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_text(header: list[str], rows: Iterable[list]) -> str:
    """UTF-8 with BOM (so spreadsheet programs detect it), comma-separated, CRLF lines,
    every text cell neutralised (``neutral``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([neutral(cell) for cell in row] for row in rows)
    return "\ufeff" + buffer.getvalue()
