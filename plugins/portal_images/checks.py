"""Checks of a source photo, run by the content validator before the build.

Opening and decoding every photo on every build costs about 8 ms a photo (1.6 s on the
sample site, 30 core-seconds on a portal with 4,000 photos), so photos that passed are
remembered in ``IMAGES_CACHE_PATH/checked.json`` by path, modification time, size and the
limits they were checked against; a changed file or changed limits are checked again.
Problems are never remembered: a bad photo is reported on every build.

A photo not remembered is always opened (format, size, width: the header); its pixels are
decoded only when the image pipeline has not encoded exactly these bytes before. Encoded
derivatives mean the whole photo decoded then - a renamed or copied photo, or a clone of
the repository with the image cache kept, is not decoded a second time.

``make check`` reads headers only (``headers_only()``): on a fresh clone of a large portal
decoding thousands of photos took most of its time. What only decoding finds (a truncated
or damaged file) is found by the build, which never takes a header-only pass for a full one.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import json
import os
import warnings
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError
from portal_core.atomic import read_json, write_atomic

from . import pipeline
from . import settings as cfg

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
_passed: dict[str, Any] = {"file": None, "keys": set(), "dirty": False}
_decode = {"pixels": True}  # False within headers_only()
HEADER_ONLY = "|naglowek"  # suffix of the key of a photo whose header passed


@contextlib.contextmanager
def headers_only():
    """Within: photos are checked by their header (format, size), not decoded."""
    _decode["pixels"] = False
    try:
        yield
    finally:
        _decode["pixels"] = True


def remembered_passes(settings: dict[str, Any]) -> set[str]:
    """The keys (``check_key``) of photos that passed the check in an earlier build."""
    file = Path(settings["IMAGES_CACHE_PATH"]) / "checked.json"
    if _passed["file"] != file:
        _passed.update(file=file, dirty=False)
        kept = read_json(file)
        _passed["keys"] = set(kept) if isinstance(kept, list) else set()
    return _passed["keys"]


@atexit.register
def _save() -> None:
    file = _passed["file"]
    if not _passed["dirty"] or file is None:
        return
    try:
        # forget photos that are gone (test sites in temporary folders, renamed files)
        kept = sorted(k for k in _passed["keys"] if Path(k.split("|", 1)[0]).exists())
        write_atomic(file, json.dumps(kept))
    except OSError:
        pass  # only a cache: the next build checks the photos again


def check_key(path: Path, settings: dict[str, Any]) -> str:
    """What a passed check is remembered by: the file (path, time, size) and the limits."""
    stat = path.stat()
    max_pixels = settings["IMAGES_MAX_PIXELS"]
    min_width = min(settings["IMAGES_WIDTHS"])
    return f"{os.path.abspath(path)}|{stat.st_mtime_ns}|{stat.st_size}|{max_pixels}|{min_width}"


def check_image(path: Path, settings: dict[str, Any], label: str | None = None) -> str | None:
    """A Polish sentence saying what is wrong with the photo, or None when it is usable.

    ``label`` is the path as the editor wrote it (shown in the message instead of ``path``).
    """
    if not path.is_file():
        return (
            f"nie ma pliku zdjęcia {label or path.as_posix()}; sprawdź nazwę pliku i folder "
            "(ścieżka liczy się od folderu content/)"
        )
    max_pixels = settings["IMAGES_MAX_PIXELS"]
    min_width = min(settings["IMAGES_WIDTHS"])
    key = check_key(path, settings)
    passed = remembered_passes(settings)
    header_only = not _decode["pixels"]
    if key in passed or (header_only and key + HEADER_ONLY in passed):
        return None
    if header_only:
        problem = _inspect(path, max_pixels, min_width, decode=False)
    else:
        data = path.read_bytes()
        cache = Path(settings["IMAGES_CACHE_PATH"])
        decoded = pipeline.encoded_before(cache, pipeline.cache_key(data, cfg.encoding_signature(settings)))
        problem = _inspect(path, max_pixels, min_width, not decoded, data)
    if problem is None:
        note_passed(key + (HEADER_ONLY if header_only else ""))
    return problem


def passed_key(path: Path, settings: dict[str, Any]) -> str:
    """The key ``check_image`` remembers a pass of ``path`` by, in the current mode."""
    return check_key(path, settings) + ("" if _decode["pixels"] else HEADER_ONLY)


def note_passed(key: str) -> None:
    """Remember that the photo of ``key`` passed (kept on disk when the process ends)."""
    _passed["keys"].add(key)
    _passed["dirty"] = True


def _inspect(
    path: Path, max_pixels: int, min_width: int, decode: bool = True, data: bytes | None = None
) -> str | None:
    """Check the header; with ``decode``, also decode the pixels (at 1/8 scale, which reads
    every byte of a JPEG). ``data``: the file's bytes when already read (not read again)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data) if data is not None else path) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise Image.DecompressionBombError
                if image.format not in ALLOWED_FORMATS:
                    return (
                        f"format {image.format} nie jest obsługiwany; zapisz zdjęcie jako JPEG "
                        "(lub PNG dla grafik)"
                    )
                if decode:
                    image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                    image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return (
            f"zdjęcie jest za duże (ponad {max_pixels // 1_000_000} mln pikseli) albo uszkodzone "
            "w sposób zagrażający budowaniu; zmniejsz je do ok. 2400 px szerokości"
        )
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return (
            "plik nie jest czytelnym zdjęciem (uszkodzony lub to nie JPEG/PNG); zapisz go ponownie jako JPEG"
        )
    if width < min_width:
        return (
            f"zdjęcie ma tylko {width} px szerokości, a potrzeba co najmniej {min_width} px; "
            "użyj większego zdjęcia (najlepiej 1600–2400 px)"
        )
    return None
