"""Processes racing over one empty cache: the same photos under several names (copies are
supported), the same share card and the same QR code, asked for by every process at once.
Any error in any process fails the test (a cold build once died with a JSONDecodeError when
a render worker read meta.json while another process was still writing it)."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import traceback
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = 4


def _race(root: str, number: int, start, errors) -> None:
    try:
        from portal_certification.generator import qr_svg
        from portal_images.pipeline import Pipeline
        from portal_share.card import Card, render
        from sitebuild import portal_settings

        settings = portal_settings(
            PATH=root,
            SITEURL="",
            IMAGES_CACHE_PATH=f"{root}/cache/images",
            IMAGES_WIDTHS=[100, 200],
            IMAGES_FORMATS=["webp", "jpeg"],
            IMAGES_WORKERS=1,
        )
        photos = sorted(Path(root, "images").iterdir())
        start.wait()
        for _ in range(3):
            pipeline = Pipeline(settings)
            for photo in photos[number % 2 :: 1] + photos:  # different orders, repeated
                pipeline.image(photo)
            pipeline.run(Path(root, f"output{number}"))
            qr_svg("https://example.org/zakup-prospoleczny/certyfikat/ZP-2025-01/", settings)
            render(Card("Tytuł", "Sekcja", "Portal", "example.org"), Path(root, "cache", "card.png"))
    except BaseException:  # noqa: BLE001 - reported to the test
        errors.put(traceback.format_exc())


def test_processes_share_an_empty_cache_without_errors(tmp_path):
    images = tmp_path / "images"
    images.mkdir()
    for index in range(6):  # one photo under six names
        shutil.copy(ROOT / "tests" / "fixtures" / "images" / "foto.jpg", images / f"kopia-{index}.jpg")
    for index in range(2):  # and two photos of their own
        Image.new("RGB", (300, 200), (40 * index, 90, 140)).save(images / f"inne-{index}.jpg")
    context = multiprocessing.get_context("fork")
    start, errors = context.Barrier(PROCESSES), context.Queue()
    workers = [
        context.Process(target=_race, args=(str(tmp_path), n, start, errors)) for n in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    failures = [errors.get() for _ in range(errors.qsize())] if not errors.empty() else []
    assert failures == [] and [w.exitcode for w in workers] == [0] * PROCESSES
    metas = list((tmp_path / "cache" / "images").glob("*/meta.json"))
    assert len(metas) == 3 and all(json.loads(m.read_text())["width"] for m in metas)
    assert not list(tmp_path.rglob("*.tmp")) and not list(tmp_path.rglob("*.tmp[0-9]*"))
    for number in range(PROCESSES):
        assert len(list((tmp_path / f"output{number}" / "obrazy").glob("kopia-*.webp"))) == 6 * 2
    Image.open(tmp_path / "cache" / "card.png").verify()
