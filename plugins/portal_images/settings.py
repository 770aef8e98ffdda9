"""Settings of portal_images and their defaults (one place)."""

from __future__ import annotations

import os
from typing import Any

DEFAULTS: dict[str, Any] = {
    "IMAGES_WIDTHS": [400, 800, 1200, 1600],
    "IMAGES_FORMATS": ["avif", "webp", "jpeg"],
    "IMAGES_QUALITY": {"avif": 55, "webp": 76, "jpeg": 80},
    "IMAGES_AVIF_SPEED": 8,
    "IMAGES_CACHE_PATH": ".cache/images",
    "IMAGES_OUTPUT": "obrazy",
    "IMAGES_MAX_PIXELS": 40_000_000,
    "IMAGES_WORKERS": os.cpu_count() or 1,
}


def get(settings: dict[str, Any], name: str) -> Any:
    return settings.get(name, DEFAULTS[name])


def encoding_signature(settings: dict[str, Any]) -> str:
    """Everything that changes encoded bytes; part of the cache key."""
    names = ("IMAGES_WIDTHS", "IMAGES_FORMATS", "IMAGES_QUALITY", "IMAGES_AVIF_SPEED")
    return repr([(n, get(settings, n)) for n in names]) + "v1"
