"""CSV files of the open data (/dane/): one format for every download."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable


def csv_text(header: list[str], rows: Iterable[list]) -> str:
    """UTF-8 with BOM (so spreadsheet programs detect it), comma-separated, CRLF lines."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()
