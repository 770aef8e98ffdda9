"""Building sites into temporary folders with the real build command (shared by tests)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "sites"
BUILD_DATE = "2026-11-27"


@dataclass
class BuildResult:
    returncode: int
    stdout: str
    stderr: str
    output: Path


def run_build(
    content: Path | None,
    output: Path,
    settings: str = "pelicanconf.py",
    command: str = "build",
    cwd: Path = ROOT,
    build_date: str = BUILD_DATE,
    env: dict[str, str] | None = None,
    extra: list[str] | None = None,
) -> BuildResult:
    argv = [sys.executable, str(ROOT / "tools" / "portal.py"), command, "--settings", str(ROOT / settings)]
    if content is not None:
        argv += ["--content", str(content), "--catalogue", str(content.parent / "catalogue")]
    if command == "build":
        argv += ["--output", str(output), *(extra or [])]
    environment = dict(os.environ, PORTAL_BUILD_DATE=build_date, **(env or {}))
    environment.pop("PORTAL_DEBUG", None)
    done = subprocess.run(argv, cwd=cwd, env=environment, capture_output=True, text=True, timeout=600)
    return BuildResult(done.returncode, done.stdout, done.stderr, output)


def copy_fixture_site(name: str, destination: Path) -> Path:
    """Copy tests/fixtures/sites/<name>/content to destination/content, with the shared photo."""
    import shutil

    content = destination / "content"
    shutil.copytree(FIXTURES / name / "content", content)
    catalogue = FIXTURES / name / "catalogue"
    if catalogue.is_dir():
        shutil.copytree(catalogue, destination / "catalogue")
    else:
        (destination / "catalogue").mkdir()
    (content / "images").mkdir(exist_ok=True)
    shutil.copy(ROOT / "tests" / "fixtures" / "images" / "foto.jpg", content / "images" / "foto.jpg")
    region = content / "region" / "wielkopolska.yaml"
    if not region.exists():  # the real region data unless the case brings its own
        region.parent.mkdir(exist_ok=True)
        shutil.copy(ROOT / "content" / "region" / "wielkopolska.yaml", region)
    return content
