"""Writing files and folders in one step, and reading files other processes write.

Render workers, image encoders, the next build and the web server may read a file or a
folder while another process writes it. Everything shared is therefore written beside its
target under a temporary name (``temporary_beside``: one pattern, named for this process
and thread, so no two writers share one) and renamed over the target in one step - a
reader sees the old file or the new one, never a half:

- ``write_atomic`` for one file (caches, stamps, pages replaced by a partial update);
- ``new_folder_beside`` and ``replace_folder`` for a folder (the built site swapped in,
  the search index refreshed, a photo's encoded variants).

``read_json`` treats a file that is missing or unreadable as absent, so a reader falls back
to computing the value instead of failing the build.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

_REPLACED = itertools.count()  # old folders of one process: each its own name (see replace_folder)


def temporary_beside(target: str | os.PathLike[str], ending: str = "tmp") -> Path:
    """The temporary name of ``target`` for this process and thread: ``.name.PID-TID.tmp``
    in the same folder (a rename within one file system is a single step)."""
    path = Path(target)
    return path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.{ending}")


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` in one step; folders are made."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = temporary_beside(target)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with open(partial, "wb") as handle:
            handle.write(payload)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def new_folder_beside(target: str | os.PathLike[str]) -> Path:
    """An empty folder to fill and then move into ``target``'s place (``replace_folder``);
    a leftover of an interrupted run under the same name is removed first."""
    work = temporary_beside(target)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    return work


def replace_folder(
    new: str | os.PathLike[str],
    target: str | os.PathLike[str],
    keep_existing: bool = False,
    later: bool = False,
) -> None:
    """Put the folder ``new`` in ``target``'s place with renames; the old folder is kept
    until then, and put back when the second rename fails.

    ``keep_existing``: when ``target`` exists it stays and ``new`` is deleted (another
    process made the same folder first: encoded variants of one photo).
    ``later``: the old folder is deleted by a background process (thousands of files on a
    large portal take seconds to delete, and nobody waits for that). Each replacement's old
    folder has its own name, so the next build in the same process (the devserver's) never
    meets one a background deletion has not finished with.
    """
    new, target = Path(new), Path(target)
    if keep_existing:
        try:
            new.rename(target)
        except OSError:
            if not target.is_dir():
                raise
            shutil.rmtree(new, ignore_errors=True)
        return
    old = temporary_beside(target, f"{next(_REPLACED)}.old")
    if target.exists():
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise
    if not old.exists():
        return
    if later:
        try:
            subprocess.Popen(  # noqa: S603 - a fixed command on our own folder
                ["/bin/rm", "-rf", "--", str(old)],
                start_new_session=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            return
        except OSError:
            pass
    shutil.rmtree(old, ignore_errors=True)


def read_json(path: str | os.PathLike[str]) -> Any | None:
    """The JSON value in ``path``, or None when it is missing or not (yet) valid JSON."""
    try:
        return json.loads(Path(path).read_bytes())
    except (OSError, ValueError):
        return None
