"""Checks of a source photo, run by the content validator before the build."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from . import settings as cfg

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}


def check_image(path: Path, settings: dict[str, Any], label: str | None = None) -> str | None:
    """A Polish sentence saying what is wrong with the photo, or None when it is usable.

    ``label`` is the path as the editor wrote it (shown in the message instead of ``path``).
    """
    if not path.is_file():
        return (
            f"nie ma pliku zdjęcia {label or path.as_posix()}; sprawdź nazwę pliku i folder "
            "(ścieżka liczy się od folderu content/)"
        )
    max_pixels = cfg.get(settings, "IMAGES_MAX_PIXELS")
    min_width = min(cfg.get(settings, "IMAGES_WIDTHS"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise Image.DecompressionBombError
                if image.format not in ALLOWED_FORMATS:
                    return (
                        f"format {image.format} nie jest obsługiwany; zapisz zdjęcie jako JPEG "
                        "(lub PNG dla grafik)"
                    )
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
