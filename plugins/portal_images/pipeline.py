"""Responsive image pipeline: one source photo -> AVIF, WebP and JPEG at several widths.

Cache: every derivative lives in ``IMAGES_CACHE_PATH/<key>/`` where ``key`` hashes the
source bytes and the encoding settings, so an unchanged photo is never encoded again and a
changed photo gets a new key (and a new, long-cacheable file name). Encoding runs in a
process pool over all cores.

Builds running at once (the test suite's, a preview beside ``make html``) share the cache
and its work: a photo is encoded under a lock of its cache folder (``encoding.lock``,
fcntl), so no two processes encode the same photo; a build first takes the photos no other
build is encoding, then waits for the rest and finds them done.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps
from portal_build.render import Requests
from portal_core.atomic import new_folder_beside, read_json, replace_folder, write_atomic
from portal_core.parallel import Parallel

from . import settings as cfg

MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}


@dataclass(frozen=True)
class Variant:
    width: int
    fmt: str

    @property
    def filename(self) -> str:
        return f"{self.width}.{'jpg' if self.fmt == 'jpeg' else self.fmt}"


@dataclass
class ResponsiveImage:
    source: Path
    key: str
    stem: str
    width: int
    height: int
    colour: str  # "#rrggbb", quantised: it names a placeholder CSS class
    widths: list[int]
    formats: list[str]
    base_url: str

    def url(self, width: int, fmt: str) -> str:
        ext = "jpg" if fmt == "jpeg" else fmt
        return f"{self.base_url}/{self.stem}-{self.key[:10]}-{width}.{ext}"

    def srcset(self, fmt: str) -> str:
        return ", ".join(f"{self.url(w, fmt)} {w}w" for w in self.widths)

    @property
    def fallback(self) -> str:
        """The format of <img src>: JPEG when it is made, for browsers without <picture>."""
        return "jpeg" if "jpeg" in self.formats else self.formats[-1]

    @property
    def placeholder_class(self) -> str:
        return "ph-" + self.colour[1:]

    def output_names(self) -> list[tuple[Variant, str]]:
        return [(Variant(w, f), self.url(w, f).rsplit("/", 1)[1]) for w in self.widths for f in self.formats]


def cache_key(data: bytes, signature: str) -> str:
    """The cache folder of a photo's derivatives: its bytes and the encoding settings."""
    digest = hashlib.sha256(data)
    digest.update(signature.encode())
    return digest.hexdigest()[:20]


def encoded_before(cache: Path, key: str) -> bool:
    """Whether the derivatives of ``key`` exist: ``encode`` moves the folder into place only
    after every variant was written, so the photo decoded whole when it was encoded."""
    return (cache / key / "variants").is_dir()


def _quantise(rgb: tuple[int, ...]) -> str:
    return "#" + "".join(f"{min(255, (c // 32) * 32 + 16):02x}" for c in rgb[:3])


def _measure(source: Path) -> dict[str, Any]:
    with Image.open(source) as image:
        image.draft("RGB", (64, 64))
        oriented = ImageOps.exif_transpose(image)
        transposed = oriented.size != image.size and image.size[0] != image.size[1]
    with Image.open(source) as image:
        width, height = image.size
    if transposed:
        width, height = height, width
    tiny = oriented.convert("RGB").resize((1, 1), Image.Resampling.BOX)
    return {"width": width, "height": height, "colour": _quantise(tiny.getpixel((0, 0)))}


def encode(
    source: str, target_dir: str, variants: list[tuple[int, str]], quality: dict, avif_speed: int
) -> int:
    """Encode the variants of one photo into target_dir (runs in a worker process)."""
    target = Path(target_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = new_folder_beside(target)
    with Image.open(source) as original:
        image = ImageOps.exif_transpose(original).convert("RGB")
    for width, fmt in sorted(variants, reverse=True):
        height = round(image.height * width / image.width)
        resized = image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS)
        options: dict[str, Any] = {"quality": quality[fmt]}
        if fmt == "jpeg":
            options.update(optimize=True, progressive=True)
        elif fmt == "webp":
            options.update(method=4)
        elif fmt == "avif":
            options.update(speed=avif_speed)
        resized.save(tmp / Variant(width, fmt).filename, fmt.upper(), **options)
    replace_folder(tmp, target, keep_existing=True)  # another process finished first: its files stay
    return len(variants)


SKIPPED = -1  # another process holds the photo's lock: come back to it


def encode_shared(
    source: str, target_dir: str, variants: list[tuple[int, str]], quality: dict, avif_speed: int, wait: bool
) -> int:
    """``encode`` under the lock of the photo's cache folder: what another process finished
    meanwhile is not done again, what it left half done (an interrupted run) is redone whole.
    Without ``wait``, a photo another process is encoding now is left (``SKIPPED``)."""
    target = Path(target_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.parent / "encoding.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return SKIPPED
        try:
            if all((target / Variant(w, f).filename).is_file() for w, f in variants):
                return 0
            shutil.rmtree(target, ignore_errors=True)
            return encode(source, target_dir, variants, quality, avif_speed)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _encode_task(task: tuple) -> int:
    return encode_shared(*task)


@dataclass
class Pipeline:
    settings: dict[str, Any]
    # noted against the page that asks (portal_build.carry asks again for a carried page)
    requested: dict[str, ResponsiveImage] = field(default_factory=lambda: Requests("portal_images"))
    encoded: int = 0

    def __post_init__(self) -> None:
        self.cache = Path(self.settings["IMAGES_CACHE_PATH"])
        self.signature = cfg.encoding_signature(self.settings)
        self.widths = sorted(self.settings["IMAGES_WIDTHS"])
        self.formats = list(self.settings["IMAGES_FORMATS"])
        self.output_dir = self.settings["IMAGES_OUTPUT"]

    def image(self, source: Path) -> ResponsiveImage:
        """Describe the responsive versions of ``source``; encoding happens in ``run``."""
        resolved = os.path.abspath(source)  # not resolve(): thousands of calls per build
        found = self.requested.get(resolved)
        if found:
            return found
        key = cache_key(source.read_bytes(), self.signature)
        meta_file = self.cache / key / "meta.json"
        meta = read_json(meta_file)  # render workers may ask for the same photo at once
        if not isinstance(meta, dict) or not {"width", "height", "colour"} <= meta.keys():
            meta = _measure(source)
            write_atomic(meta_file, json.dumps(meta))
        widths = [w for w in self.widths if w <= meta["width"]] or [meta["width"]]
        stem = source.stem.lower().replace(" ", "-")
        result = ResponsiveImage(
            source=source,
            key=key,
            stem=stem,
            width=meta["width"],
            height=meta["height"],
            colour=meta["colour"],
            widths=widths,
            formats=self.formats,
            base_url=f"{self.settings.get('SITEURL', '')}/{self.output_dir}",
        )
        self.requested[resolved] = result
        return result

    def _missing(self, image: ResponsiveImage) -> list[tuple[int, str]]:
        folder = self.cache / image.key
        return [
            (v.width, v.fmt)
            for v, _ in image.output_names()
            if not (folder / "variants" / v.filename).is_file()
        ]

    def run(self, output_path: Path) -> None:
        """Encode what the cache lacks (in parallel), then copy every derivative to output."""
        # one job per cache key: copies of the same photo (same bytes) are encoded once
        unique = {img.key: img for img in self.requested.values()}
        jobs = [(img, todo) for img in unique.values() if (todo := self._missing(img))]
        if jobs:
            quality = self.settings["IMAGES_QUALITY"]
            speed = self.settings["IMAGES_AVIF_SPEED"]
            workers = min(len(jobs), self.settings["IMAGES_WORKERS"])
            started = time.perf_counter()
            tasks = [
                (
                    str(img.source),
                    str(self.cache / img.key / "variants"),
                    [(v.width, v.fmt) for v, _ in img.output_names()],
                    quality,
                    speed,
                    False,  # first the photos no other build is encoding now
                )
                for img, _ in jobs
            ]
            done = list(Parallel(_encode_task, tasks, workers, serial_below=2).results())
            self.encoded += sum(n for n in done if n > 0)
            waiting = [(*task[:-1], True) for task, n in zip(tasks, done, strict=True) if n == SKIPPED]
            # then the others, once their builds let go of them (found done, or redone)
            self.encoded += sum(Parallel(_encode_task, waiting, workers, serial_below=2).results())
            # for `make bench`: how fast the last encoding ran (files, wall seconds, processes)
            stats = {
                "files": self.encoded,
                "seconds": round(time.perf_counter() - started, 3),
                "workers": workers,
            }
            write_atomic(self.cache / "last-encoding.json", json.dumps(stats))
        target_dir = output_path / self.output_dir
        target_dir.mkdir(parents=True, exist_ok=True)
        target, cache = str(target_dir) + os.sep, str(self.cache) + os.sep  # tens of thousands of files
        for img in self.requested.values():
            variants = f"{cache}{img.key}{os.sep}variants{os.sep}"
            for variant, name in img.output_names():
                source, destination = variants + variant.filename, target + name
                try:
                    os.link(source, destination)
                except FileExistsError:
                    continue  # a copy of the same photo elsewhere in the content
                except OSError:
                    shutil.copyfile(source, destination)
        self._write_placeholder_css(target_dir)

    def _write_placeholder_css(self, target_dir: Path) -> None:
        colours = sorted({img.colour for img in self.requested.values()})
        css = "".join(f".ph-{c[1:]}{{background-color:{c}}}\n" for c in colours)
        (target_dir / "tla.css").write_text(css, encoding="utf-8")
