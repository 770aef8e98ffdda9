"""Writes /admin/: the page, the generated configuration, the previews and the pinned bundle."""

from __future__ import annotations

import glob
import gzip
import html
import logging
import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from . import policy
from .config import EXTRA_CHOICES, cms_config

log = logging.getLogger(__name__)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's: a fifth of the time
STATIC = Path(__file__).resolve().parent / "static"
BUNDLE = ("decap-cms.js", "[0-9]*.decap-cms.js", "*.wasm", "decap-cms.js.LICENSE.txt")
# kinds whose items other forms choose from, and the field that names an item
CHOICE_KINDS = {"entity": "name", "owes": "name", "news": "title", "film": "title", "product": "name"}

PAGE = """<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Redakcja – {site}</title>
<link rel="cms-config-url" type="text/yaml" href="config.yml">
</head>
<body>
{body}
</body>
</html>
"""


def choices(settings: dict[str, Any]) -> dict[str, list[dict[str, str]]]:
    """The items of the last build that forms choose from where Decap cannot read them live
    (an event's organiser: an entity or an OWES; an edition's report: a news item)."""
    from portal_content.validate import KINDS, records_of

    found: dict[str, list[dict[str, str]]] = {}
    for kind, field in CHOICE_KINDS.items():
        if kind not in KINDS:
            continue
        # never a draft: the configuration is published with the site
        records = [r for r in records_of(settings, kind) if getattr(r.meta, "status", "") != "draft"]
        records.sort(key=lambda record: record.slug)
        found[kind] = [{"value": r.slug, "label": f"{getattr(r.meta, field)} ({r.slug})"} for r in records]
    return found


def _bundle_files(folder: Path) -> list[Path]:
    return sorted({Path(p) for pattern in BUNDLE for p in glob.glob(str(folder / pattern))})


def _place(source: Path, target: Path) -> None:
    try:
        os.link(source, target)  # same disk as node_modules: no copy of 6 MB per build
    except OSError:
        shutil.copyfile(source, target)


def _stylesheet(output: Path, siteurl: str) -> str:
    found = sorted(p.name for p in (output / "theme" / "css").glob("portal*.css"))
    return f"{siteurl}/theme/css/{found[0] if found else 'portal.css'}"


def write_admin(output: Path, settings: dict[str, Any]) -> str:
    """Write output/admin/ and return a line for the build's log."""
    admin = output / "admin"
    admin.mkdir(parents=True, exist_ok=True)
    site = html.escape(settings["SITENAME"])
    bundle = _bundle_files(Path(settings["CMS_BUNDLE_DIR"]))
    if not any(p.name == "decap-cms.js" for p in bundle):
        body = (
            "<main><h1>Redakcja w przeglądarce nie jest zainstalowana</h1>"
            "<p>Brakuje programu Decap CMS (node_modules/decap-cms). Zainstaluj go poleceniem "
            "<code>npm ci</code> (robi to <code>make edytor</code>) i zbuduj portal ponownie.</p></main>"
        )
        (admin / "index.html").write_text(PAGE.format(site=site, body=body), encoding="utf-8")
        return "redakcja /admin/: brak programu Decap CMS (npm ci)"
    if not policy.configured(settings):
        body = (
            "<main><h1>Redakcja w przeglądarce nie jest jeszcze skonfigurowana</h1>"
            "<p>Dział IT łączy ją z serwerem git ośrodka: ustawia PORTAL_CMS_GIT_URL i "
            "PORTAL_CMS_APP_ID (instrukcja: deploy/cms.md w repozytorium portalu). "
            "Do tego czasu treści zmienia się w plikach, jak opisuje docs/redakcja.md.</p></main>"
        )
        (admin / "index.html").write_text(PAGE.format(site=site, body=body), encoding="utf-8")
        return "redakcja /admin/: serwer git nieskonfigurowany (deploy/cms.md)"
    for source in bundle:
        _place(source, admin / source.name)
    shutil.copyfile(STATIC / "portal-cms.js", admin / "portal-cms.js")
    config = cms_config(settings, {**choices(settings), **EXTRA_CHOICES})
    (admin / "config.yml").write_text(
        "# Wygenerowane z schematów treści (plugins/portal_cms); nie edytuj ręcznie.\n"
        + yaml.dump(config, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=120),
        encoding="utf-8",
    )
    style = html.escape(_stylesheet(output, settings.get("SITEURL", "")), quote=True)
    body = f'<script src="decap-cms.js"></script>\n<script src="portal-cms.js" data-style="{style}"></script>'
    (admin / "index.html").write_text(PAGE.format(site=site, body=body), encoding="utf-8")
    if settings.get("PUBLISH_PRECOMPRESS"):
        for path in admin.glob("*.js"):
            # gzip only (level 6, under a second): brotli at quality 11 would add a minute
            path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), 6, mtime=0))
    return f"redakcja /admin/: zbiory: {len(config['collections'])}, pliki Decap CMS: {len(bundle)}"


def finish(pelican) -> None:
    settings = pelican.settings
    if settings.get("CMS_ENABLED"):
        log.info("[portal_cms] %s", write_admin(Path(pelican.output_path), settings))
