"""The Nu Html Checker (vnu.jar from npm) over folders of pages, one Java start per call."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from htmlscan import html_files


def nu_check(vnu: list[str], folders: dict[str, Path]) -> tuple[int, dict[str, list]]:
    """The checker's exit code and its error messages by the name of the folder holding the
    file (``"(no file)"`` for a message without one). Every folder must hold pages."""
    files = {name: [str(p) for p in html_files(folder)] for name, folder in folders.items()}
    assert all(files.values()), f"no pages in {[n for n, f in files.items() if not f]}"
    done = subprocess.run(
        [*vnu, "--errors-only", "--format", "json", *(f for found in files.values() for f in found)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(done.stderr)  # vnu writes its JSON report to stderr
    assert "version" in report, done.stderr
    found: dict[str, list] = {name: [] for name in (*folders, "(no file)")}
    for message in report["messages"]:
        path = unquote(urlsplit(message.get("url", "")).path)
        name = next((n for n, folder in folders.items() if path.startswith(f"{folder}/")), "(no file)")
        found[name].append((path.rsplit("/", 2)[-2:], message.get("lastLine"), message["message"]))
    return done.returncode, found
