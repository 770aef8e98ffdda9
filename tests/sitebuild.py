"""Building sites into temporary folders with the real build command (shared by tests)."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "sites"
BUILD_DATE = "2026-11-27"
# the CMS at /admin/ connected to a git host (deploy/cms.md), as in production
CMS_HOST = {"PORTAL_CMS_GIT_URL": "https://git.example.org", "PORTAL_CMS_APP_ID": "portal-test"}


@dataclass
class BuildResult:
    returncode: int
    stdout: str
    stderr: str
    output: Path


def _argv(
    content: Path | None, output: Path, settings: str, command: str, extra: list[str] | None
) -> list[str]:
    argv = [command, "--settings", str(ROOT / settings)]
    if content is not None:
        argv += ["--content", str(content), "--catalogue", str(content.parent / "catalogue")]
    if command == "build":
        argv += ["--output", str(output)]
    return [*argv, *(extra or [])]


def run_build(
    content: Path | None,
    output: Path,
    settings: str = "pelicanconf.py",
    command: str = "build",
    cwd: Path = ROOT,
    build_date: str = BUILD_DATE,
    env: dict[str, str] | None = None,
    extra: list[str] | None = None,
    in_process: bool = False,
) -> BuildResult:
    """Run tools/portal.py: as the real command in its own process (exit code, output
    streams, nothing shared), or with ``in_process`` its ``main`` in this process, what it
    prints and returns caught here (see ``build_in_process``)."""
    argv = _argv(content, output, settings, command, extra)
    environment = {"PORTAL_BUILD_DATE": build_date, **(env or {})}
    if in_process:
        code, out, err = _main_in_process(argv, cwd, environment)
        return BuildResult(code, out, err, output)
    command_line = [sys.executable, str(ROOT / "tools" / "portal.py"), *argv]
    environment = dict(os.environ, **environment)
    environment.pop("PORTAL_DEBUG", None)
    done = subprocess.run(command_line, cwd=cwd, env=environment, capture_output=True, text=True, timeout=600)
    return BuildResult(done.returncode, done.stdout, done.stderr, output)


def build_in_process(*args, **kwargs) -> BuildResult:
    """``run_build`` in this process. Costs a fraction of a new process (no interpreter
    start, no imports), so the many bad-input cases run this way; ``run_build`` stays for
    smoke tests of the real command. Log records go to the caught standard error, as the
    command's own handler sends them there."""
    return run_build(*args, in_process=True, **kwargs)


def _cli():
    """tools/portal.py as a module (imported once per test session)."""
    module = sys.modules.get("portal_cli")
    if module is None:
        spec = importlib.util.spec_from_file_location("portal_cli", ROOT / "tools" / "portal.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["portal_cli"] = module
        spec.loader.exec_module(module)
    return module


def _main_in_process(argv: list[str], cwd: Path, environment: dict[str, str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    handler = logging.StreamHandler(err)
    handler.setLevel(logging.WARNING)
    root = logging.getLogger()
    names = [*environment, "PORTAL_DEBUG"]
    saved = {key: os.environ.get(key) for key in names}
    os.environ.update(environment)
    os.environ.pop("PORTAL_DEBUG", None)
    root.addHandler(handler)
    try:
        with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = _cli().main(argv)
            except SystemExit as stop:  # argparse
                code = stop.code if isinstance(stop.code, int) else 1
    finally:
        root.removeHandler(handler)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return code, out.getvalue(), err.getvalue()


def copy_fixture_site(name: str, destination: Path) -> Path:
    """Copy tests/fixtures/sites/<name>/content to destination/content, with the shared photo
    and the real region and CPV data files (unless the case brings its own)."""
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
    for data in ("region/wielkopolska.yaml", "zamowienia/cpv.yaml"):
        target = content / data
        if not target.exists():  # the real data files unless the case brings its own
            target.parent.mkdir(exist_ok=True)
            shutil.copy(ROOT / "content" / data, target)
    return content


_PORTAL_SETTINGS: dict = {}


def portal_settings(**overrides) -> dict:
    """The settings of pelicanconf.py (every default of the portal is there), with
    ``overrides``: for tests that call a capability's functions without a build."""
    if not _PORTAL_SETTINGS:
        from pelican.settings import read_settings

        _PORTAL_SETTINGS.update(read_settings(str(ROOT / "pelicanconf.py")))
    return {**_PORTAL_SETTINGS, **overrides}
