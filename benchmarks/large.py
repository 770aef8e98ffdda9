"""The portal at scale: build times, memory and size of a large generated portal, and
vanilla Pelican 4.12 (default theme) on the same news items in the same run.

    python benchmarks/large.py [--scale 1.0] [--runs 3] [--json results.json]

Measures (medians of --runs where repeated): cold build (empty caches), warm rebuild with
nothing changed, rebuild after editing one news item, rebuild after replacing one product
photo, peak RSS of the build process, output size and file count, image files encoded per
second per core, Pagefind index time and size; vanilla Pelican cold and with its content
cache. Targets (issue 9): warm ≤ 5 s, one edit ≤ 3 s, our cold build without the first
image encoding ≤ vanilla cold, warm encodes 0 images, peak memory < 2 GiB.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks")]

from generate import draw_photo, generate  # noqa: E402

BUILD_DATE = "2026-11-27"


def timed(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (KiB) of the command's own process, and its output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(argv, env=env, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text, problems = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv[:4])}... failed:\n{problems[-3000:]}")
    return seconds, usage.ru_maxrss, text


class Portal:
    def __init__(self, root: Path, cache: Path) -> None:
        self.root, self.cache = root, cache
        self.env = dict(os.environ, PORTAL_BUILD_DATE=BUILD_DATE, PORTAL_CACHE_DIR=str(cache))

    def build(self) -> tuple[float, int]:
        argv = [
            sys.executable, str(ROOT / "tools" / "portal.py"), "build",
            "--content", str(self.root / "content"), "--catalogue", str(self.root / "catalogue"),
            "--output", str(self.root / "output"),
        ]  # fmt: skip
        seconds, rss, _ = timed(argv, self.env, self.root)
        return seconds, rss

    def cached_images(self) -> int:
        return sum(1 for p in (self.cache / "images").rglob("*") if p.suffix in {".avif", ".webp", ".jpg"})


def vanilla(root: Path, news: Path, runs: int) -> dict:
    """Pelican 4.12, default theme, no plugins, on the same Markdown news files."""
    conf = root / "vanillaconf.py"
    conf.write_text(
        "SITENAME = 'vanilla'\nSITEURL = ''\nTIMEZONE = 'Europe/Warsaw'\nDEFAULT_LANG = 'pl'\n"
        f"PATH = {str(news)!r}\nARTICLE_PATHS = ['']\nPAGE_PATHS = []\nSTATIC_PATHS = []\n"
        f"CACHE_PATH = {str(root / 'vanilla-cache')!r}\nCACHE_CONTENT = True\n"
        "LOAD_CONTENT_CACHE = LOAD\nDEFAULT_PAGINATION = 10\n",
        encoding="utf-8",
    )
    results: dict[str, list[float]] = {"cold": [], "cached": []}
    template = conf.read_text(encoding="utf-8")
    for _ in range(runs):
        for mode in ("cold", "cached"):
            if mode == "cold":
                shutil.rmtree(root / "vanilla-cache", ignore_errors=True)
            shutil.rmtree(root / "vanilla-out", ignore_errors=True)
            conf.write_text(
                template.replace("LOAD_CONTENT_CACHE = LOAD", f"LOAD_CONTENT_CACHE = {mode == 'cached'}")
            )
            argv = [
                str(Path(sys.executable).parent / "pelican"),
                "-s",
                str(conf),
                "-o",
                str(root / "vanilla-out"),
                "-q",
            ]
            seconds, _, _ = timed(argv, dict(os.environ), root)
            results[mode].append(seconds)
    pages = sum(1 for _ in (root / "vanilla-out").rglob("*.html"))
    return {
        "html_pages": pages,
        "cold_seconds": round(statistics.median(results["cold"]), 2),
        "cached_seconds": round(statistics.median(results["cached"]), 2),
    }


def size_of(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def run(scale: float, runs: int, tmp: Path) -> dict:
    portal_root = tmp / "portal"
    counts = generate(portal_root, scale)
    portal = Portal(portal_root, tmp / "cache")
    print(f"wygenerowano: {counts}", file=sys.stderr)
    cold, cold_rss = portal.build()
    encoded_cold = portal.cached_images()
    warm = [portal.build() for _ in range(runs)]
    warm_seconds = statistics.median(s for s, _ in warm)
    encoded_warm = portal.cached_images() - encoded_cold
    news = sorted((portal_root / "content" / "aktualnosci").rglob("*.md"))
    edits = []
    for i in range(runs):
        path = news[len(news) // 2 + i]
        path.write_text(
            path.read_text(encoding="utf-8") + "\nDopisane zdanie po redakcji.\n", encoding="utf-8"
        )
        edits.append(portal.build()[0])
    before = portal.cached_images()
    photo = sorted((portal_root / "catalogue").glob("*-1.jpg"))[0]
    draw_photo(999_999, photo)
    replaced, _ = portal.build()
    encoded_after_photo = portal.cached_images() - before
    pages = sum(1 for _ in (portal_root / "output").rglob("*.html"))
    files, size = size_of(portal_root / "output")
    pagefind_files, pagefind_size = size_of(portal_root / "output" / "pagefind")
    pagefind_copy = tmp / "pagefind-site"
    shutil.copytree(portal_root / "output", pagefind_copy, ignore=shutil.ignore_patterns("pagefind"))
    index_seconds, _, _ = timed(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(pagefind_copy),
            "--force-language",
            "pl",
            "--silent",
        ],
        dict(os.environ),
        tmp,
    )
    cores = os.cpu_count() or 1
    image_seconds = max(cold - warm_seconds, 0.001)
    news_only = tmp / "vanilla-news"
    shutil.copytree(portal_root / "content" / "aktualnosci", news_only)
    return {
        "scale": scale,
        "counts": counts,
        "html_pages": pages,
        "cold_seconds": round(cold, 2),
        "cold_peak_rss_mib": round(cold_rss / 1024),
        "warm_seconds_median": round(warm_seconds, 2),
        "warm_peak_rss_mib": round(max(r for _, r in warm) / 1024),
        "edit_one_news_seconds_median": round(statistics.median(edits), 2),
        "replace_one_photo_seconds": round(replaced, 2),
        "images_encoded_cold": encoded_cold,
        "images_encoded_warm": encoded_warm,
        "images_encoded_after_photo": encoded_after_photo,
        "image_files_per_second_per_core": round(encoded_cold / image_seconds / cores, 2),
        "output_files": files,
        "output_mib": round(size / 2**20, 1),
        "pagefind_index_seconds": round(index_seconds, 2),
        "pagefind_files": pagefind_files,
        "pagefind_mib": round(pagefind_size / 2**20, 1),
        "vanilla_pelican": vanilla(tmp, news_only, runs),
    }


def table(r: dict) -> str:
    v = r["vanilla_pelican"]
    lines = [
        "",
        f"Duży portal (skala {r['scale']}): {r['counts']}, {r['html_pages']} stron HTML",
        "=" * 72,
        f"Na zimno (puste pamięci podręczne): {r['cold_seconds']} s, szczyt RSS {r['cold_peak_rss_mib']} MiB",
        f"Na ciepło, bez zmian: {r['warm_seconds_median']} s (cel ≤ 5 s), szczyt RSS {r['warm_peak_rss_mib']} MiB (cel < 2048)",
        f"Po zmianie jednej aktualności: {r['edit_one_news_seconds_median']} s (cel ≤ 3 s)",
        f"Po wymianie jednego zdjęcia produktu: {r['replace_one_photo_seconds']} s, zakodowano {r['images_encoded_after_photo']} plików",
        f"Obrazy: na zimno {r['images_encoded_cold']} plików, {r['image_files_per_second_per_core']} plików/s na rdzeń; "
        f"na ciepło {r['images_encoded_warm']} (cel 0)",
        f"Wynik: {r['output_files']} plików, {r['output_mib']} MiB; Pagefind {r['pagefind_index_seconds']} s, {r['pagefind_files']} plików, {r['pagefind_mib']} MiB",
        f"Zwykły Pelican 4.12 (motyw domyślny, {v['html_pages']} stron z samych aktualności): na zimno {v['cold_seconds']} s, "
        f"z pamięcią podręczną {v['cached_seconds']} s",
        f"Nasz build bez pierwszego kodowania zdjęć (= na ciepło) względem zwykłego Pelicana na zimno: "
        f"{r['warm_seconds_median'] / max(v['cold_seconds'], 0.01):.2f}×",
        "=" * 72,
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="portal-large-") as name:
        results = run(args.scale, args.runs, Path(name))
    print(table(results))
    print(json.dumps(results, ensure_ascii=False, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
