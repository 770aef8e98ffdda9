"""What a downloadable document is: it opens, its type, size, pages, title and language, and
for a PDF whether it is tagged (has a structure tree for assistive technology).

Each file is opened with a maintained library of its format: pypdf (PDF), odfpy (ODT,
ODS), python-docx (DOCX), openpyxl (XLSX). A file that does not open is a problem (the
build stops); a PDF without tags, a title or a language, or an office file without a
title, is an accessibility shortcoming: a notice to the editor, and a line in the
accessibility statement's list of content that is not accessible. Results are kept per
file (path, size, time of change), so a rebuild opens only what changed.
"""

from __future__ import annotations

import functools
import logging
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

# pypdf says on the log what it repairs in a damaged file ("EOF marker not found"); the
# editor gets one Polish sentence instead (DocumentFacts.problem), so its log stays quiet.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)

KINDS = {".pdf": "PDF", ".odt": "ODT", ".ods": "ODS", ".docx": "DOCX", ".xlsx": "XLSX", ".csv": "CSV"}


@dataclass(frozen=True)
class DocumentFacts:
    kind: str  # "PDF", "ODT" ...
    size: int  # bytes
    pages: int | None = None  # PDFs (and office files that record it)
    title: str | None = None
    language: str | None = None
    tagged: bool | None = None  # PDFs only
    problem: str | None = None  # why it does not open
    shortcomings: tuple[str, ...] = field(default=())  # what makes it less accessible

    @property
    def size_label(self) -> str:
        """1,2 MB, 340 kB: as readers see it beside the link."""
        if self.size >= 1_000_000:
            return f"{self.size / 1_000_000:.1f} MB".replace(".", ",")
        return f"{max(1, round(self.size / 1000))} kB"


def inspect(path: Path) -> DocumentFacts:
    stat = path.stat()
    return _inspect(str(path), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=4096)
def _inspect(path: str, size: int, _changed: int) -> DocumentFacts:
    kind = KINDS.get(os.path.splitext(path)[1].lower(), "plik")
    try:
        facts = _READERS[kind](path)
    except Exception as error:  # noqa: BLE001 - any failure to read is the same answer to the editor
        return DocumentFacts(
            kind,
            size,
            problem=f"nie da się otworzyć pliku {kind}: jest uszkodzony albo to inny rodzaj pliku; "
            f"zapisz go ponownie w programie, w którym powstał, i podmień (szczegóły: {_reason(error)})",
        )
    pages, title, language, tagged = facts
    title = (title or "").strip() or None
    language = (language or "").strip() or None
    missing = []
    if kind == "PDF" and not tagged:
        missing.append(
            "PDF bez znaczników struktury (nieotagowany): czytnik ekranu nie pozna nagłówków ani kolejności"
        )
    if kind in ("PDF", "ODT", "DOCX") and title is None:
        missing.append(f"{kind} bez tytułu w metadanych")
    if kind == "PDF" and language is None:
        missing.append("PDF bez określonego języka")
    return DocumentFacts(kind, size, pages, title, language, tagged, None, tuple(missing))


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:120]


def _pdf(path: str) -> tuple:
    from pypdf import PdfReader

    reader = PdfReader(path, strict=False)
    if reader.is_encrypted:
        raise ValueError("plik jest zaszyfrowany; zapisz go bez hasła")
    pages = len(reader.pages)
    if pages == 0:
        raise ValueError("plik nie ma stron")
    root = reader.trailer["/Root"]
    mark = root.get("/MarkInfo")
    mark = mark.get_object() if mark is not None else {}
    tagged = "/StructTreeRoot" in root and bool(mark.get("/Marked", False))
    title = reader.metadata.title if reader.metadata else None
    language = root.get("/Lang")
    return pages, str(title) if title else None, str(language) if language else None, tagged


def _odf(path: str) -> tuple:
    from odf import dc, meta
    from odf.opendocument import load

    document = load(path)
    titles = document.meta.getElementsByType(dc.Title)
    languages = document.meta.getElementsByType(dc.Language)
    stats = document.meta.getElementsByType(meta.DocumentStatistic)
    pages = stats[0].getAttribute("pagecount") if stats else None
    return (
        int(pages) if pages else None,
        str(titles[0]) if titles else None,
        str(languages[0]) if languages else None,
        None,
    )


def _docx(path: str) -> tuple:
    import docx

    document = docx.Document(path)
    pages = None
    with zipfile.ZipFile(path) as package:
        if "docProps/app.xml" in package.namelist():
            import re

            found = re.search(rb"<Pages>(\d+)</Pages>", package.read("docProps/app.xml"))
            pages = int(found.group(1)) if found else None
    return pages, document.core_properties.title, document.core_properties.language, None


def _xlsx(path: str) -> tuple:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return None, book.properties.title, book.properties.language, None
    finally:
        book.close()


def _csv(path: str) -> tuple:
    with open(path, encoding="utf-8-sig") as handle:
        handle.read()
    return None, None, None, None


_READERS = {"PDF": _pdf, "ODT": _odf, "ODS": _odf, "DOCX": _docx, "XLSX": _xlsx, "CSV": _csv}
