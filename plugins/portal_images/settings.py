"""What changes the bytes of an encoded photo (the settings themselves are in pelicanconf.py)."""

from __future__ import annotations

from typing import Any


def encoding_signature(settings: dict[str, Any]) -> str:
    """Everything that changes encoded bytes; part of the cache key."""
    names = ("IMAGES_WIDTHS", "IMAGES_FORMATS", "IMAGES_QUALITY", "IMAGES_AVIF_SPEED")
    return repr([(n, settings[n]) for n in names]) + "v1"
