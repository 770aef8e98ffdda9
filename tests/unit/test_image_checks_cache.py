"""Photos that passed the check are remembered by path, time, size and limits; problems never are."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from sitebuild import ROOT, portal_settings

SCRIPT = """
import sys
sys.path.insert(0, {plugins!r})
from pathlib import Path
from portal_images import checks
from pelican.settings import read_settings
settings = {{**read_settings({conf!r}), "IMAGES_CACHE_PATH": {cache!r}}}
calls = []
original = checks._inspect
checks._inspect = lambda *a: calls.append(a[0].name + ("" if a[3] else " (header)")) or original(*a)
for name in sys.argv[1:]:
    print(name, checks.check_image(Path({folder!r}) / name, settings))
print("inspected", sorted(calls))
"""


def run(tmp_path, *names):
    code = SCRIPT.format(
        plugins=str(ROOT / "plugins"),
        conf=str(ROOT / "pelicanconf.py"),
        cache=str(tmp_path / "cache"),
        folder=str(tmp_path),
    )
    done = subprocess.run([sys.executable, "-c", code, *names], capture_output=True, text=True, check=True)
    return done.stdout.splitlines()


def test_passed_photos_are_not_decoded_again_until_they_change(tmp_path):
    shutil.copy(ROOT / "tests" / "fixtures" / "images" / "foto.jpg", tmp_path / "dobre.jpg")
    (tmp_path / "zle.jpg").write_bytes(b"to nie jest zdjecie")
    first = run(tmp_path, "dobre.jpg", "zle.jpg")
    assert first[0] == "dobre.jpg None" and first[1].startswith("zle.jpg plik nie jest czytelnym zdjęciem")
    assert first[-1] == "inspected ['dobre.jpg', 'zle.jpg']"
    assert len(json.loads((tmp_path / "cache" / "checked.json").read_text())) == 1
    second = run(tmp_path, "dobre.jpg", "zle.jpg")
    assert second[:2] == first[:2]
    assert second[-1] == "inspected ['zle.jpg']"  # the bad one is reported again, the good one remembered
    (tmp_path / "dobre.jpg").write_bytes(b"podmienione na uszkodzone")
    third = run(tmp_path, "dobre.jpg")
    assert third[0].startswith("dobre.jpg plik nie jest czytelnym zdjęciem")


def test_photos_the_pipeline_encoded_are_not_decoded_again(tmp_path):
    """Derivatives of exactly these bytes mean the photo decoded whole; the header is still
    checked (a wrong format or a too small photo is reported all the same)."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from portal_images import pipeline
    from portal_images import settings as cfg

    shutil.copy(ROOT / "tests" / "fixtures" / "images" / "foto.jpg", tmp_path / "kopia.jpg")
    shutil.copy(ROOT / "tests" / "fixtures" / "images" / "foto.jpg", tmp_path / "inna.jpg")
    with open(tmp_path / "inna.jpg", "ab") as handle:
        handle.write(b"\0")  # other bytes: its derivatives are not there
    key = pipeline.cache_key((tmp_path / "kopia.jpg").read_bytes(), cfg.encoding_signature(portal_settings()))
    (tmp_path / "cache" / key / "variants").mkdir(parents=True)
    lines = run(tmp_path, "kopia.jpg", "inna.jpg")
    assert lines[:2] == ["kopia.jpg None", "inna.jpg None"]
    assert lines[-1] == "inspected ['inna.jpg', 'kopia.jpg (header)']"
