"""Writing and reading files that several processes share (caches, stamps, metadata).

Render workers, image encoders and the next build may read a cache file while another
process writes it. Every such file is written with ``write_atomic``: the bytes go to a
temporary file beside it, named for this process and thread so no two writers share one,
and are renamed over the target in one step - a reader sees the old file or the new one,
never a half. ``read_json`` treats a file that is missing or unreadable as absent, so a
reader falls back to computing the value instead of failing the build.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` in one step; folders are made."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with open(partial, "wb") as handle:
            handle.write(payload)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def read_json(path: str | os.PathLike[str]) -> Any | None:
    """The JSON value in ``path``, or None when it is missing or not (yet) valid JSON."""
    try:
        return json.loads(Path(path).read_bytes())
    except (OSError, ValueError):
        return None
