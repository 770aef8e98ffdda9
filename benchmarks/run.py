"""`make bench`: speed and size figures of the portal, printed as a table and as JSON.

Measures (never asserted in tests; see the issues for targets):
- image pipeline: encodes per second (per core) on the sample photos, cold, and a warm
  run that must encode nothing;
- sample site build time, cold (empty image cache) and warm;
- page weight of the first view of /katalog/ and of a product page in Chromium
  (bytes transferred: HTML, CSS, JS and the images the viewport loads);
- catalogue filtering: one filter change with 2,000 products, in headless Chromium.

    python benchmarks/run.py [--json results.json] [--skip-browser]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "tools"), str(ROOT / "tests")]

from browsertools import CHROMIUM  # noqa: E402
from browsertools import CHROMIUM_ARGS as ARGS  # noqa: E402


def build(output: Path, cache: Path, catalogue: Path | None = None) -> float:
    env = dict(os.environ, PORTAL_CACHE_DIR=str(cache), PORTAL_BUILD_DATE="2026-11-27")
    argv = [sys.executable, str(ROOT / "tools" / "portal.py"), "build", "--output", str(output)]
    if catalogue:
        argv += ["--catalogue", str(catalogue)]
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr)
    return time.perf_counter() - started


def photos() -> list[Path]:
    return sorted((ROOT / "catalogue").glob("*.jpg")) + sorted((ROOT / "content" / "images").rglob("*.jpg"))


def bench_images(tmp: Path) -> dict:
    from portal_images.pipeline import Pipeline

    settings = {"PATH": str(ROOT / "content"), "SITEURL": "", "IMAGES_CACHE_PATH": str(tmp / "img-cache")}
    sources = photos()
    cold = Pipeline(settings)
    for source in sources:
        cold.image(source)
    started = time.perf_counter()
    cold.run(tmp / "img-out-1")
    cold_seconds = time.perf_counter() - started
    warm = Pipeline(settings)
    for source in sources:
        warm.image(source)
    started = time.perf_counter()
    warm.run(tmp / "img-out-2")
    warm_seconds = time.perf_counter() - started
    cores = os.cpu_count() or 1
    return {
        "source_photos": len(sources),
        "encoded_files_cold": cold.encoded,
        "cold_seconds": round(cold_seconds, 2),
        "encodes_per_second": round(cold.encoded / cold_seconds, 1),
        "encodes_per_second_per_core": round(cold.encoded / cold_seconds / cores, 1),
        "cores": cores,
        "encoded_files_warm": warm.encoded,
        "warm_seconds": round(warm_seconds, 2),
    }


def bench_build(tmp: Path) -> dict:
    cache = tmp / "build-cache"
    cold = build(tmp / "site-cold", cache)
    warm = [build(tmp / f"site-warm-{i}", cache) for i in range(3)]
    pages = sum(1 for _ in (tmp / "site-cold").rglob("*.html"))
    return {
        "html_pages": pages,
        "cold_seconds": round(cold, 2),
        "warm_seconds_median": round(statistics.median(warm), 2),
    }


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def first_view_bytes(browser, url: str, viewport: dict) -> dict:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(url, wait_until="networkidle")
    total = 0
    kinds: dict[str, int] = {}
    for request in responses:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total += size
        kinds[request.resource_type] = kinds.get(request.resource_type, 0) + size
    context.close()
    return {
        "kib": round(total / 1024, 1),
        "requests": len(responses),
        "by_type_kib": {k: round(v / 1024, 1) for k, v in sorted(kinds.items())},
    }


def bench_pages(browser, base: str) -> dict:
    result = {}
    for name, path in (
        ("katalog", "/katalog/"),
        ("produkt", "/katalog/fartuch-gzik/"),
        ("strona_glowna", "/"),
    ):
        result[name] = {
            "mobile_390x844": first_view_bytes(browser, base + path, {"width": 390, "height": 844}),
            "desktop_1280x800": first_view_bytes(browser, base + path, {"width": 1280, "height": 800}),
        }
    return result


def big_catalogue(folder: Path, count: int) -> None:
    """count products made from the sample ones (same photos, so nothing new to encode)."""
    import yaml

    folder.mkdir(parents=True)
    samples = sorted((ROOT / "catalogue").glob("*.yaml"))
    for photo in (ROOT / "catalogue").glob("*.jpg"):
        shutil.copy(photo, folder / photo.name)
    for index in range(count):
        source = samples[index % len(samples)]
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        data["name"] = f"{data['name']} {index:04d}"
        data["price_net"] = round(5 + (index * 37 % 300) / 2, 2)
        data.pop("price_tiers", None)
        data["lead_time_days"] = 3 + index % 40
        (folder / f"{source.stem}-{index:04d}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
        )


def bench_filter(browser, tmp: Path, count: int) -> dict:
    catalogue = tmp / "catalogue-2000"
    big_catalogue(catalogue, count)
    output = tmp / "site-2000"
    seconds = build(output, ROOT / ".cache", catalogue)
    httpd, base = serve(output)
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(base + "/katalog/", wait_until="load")
        cards = page.locator(".pl-product-card").count()
        timings = page.evaluate(
            """() => {
              const form = document.querySelector('[data-pl-catalogue-filter]');
              const select = form.elements.kategoria;
              const sort = form.elements.sort;
              const steps = [[select, 'ceramika'], [select, 'torby'], [sort, 'cena'], [select, ''], [sort, 'czas'], [select, 'notesy'], [sort, ''], [select, 'breloki'], [select, '']];
              const times = {filter: [], sort: []};
              for (const [field, value] of steps) {
                const t0 = performance.now();
                field.value = value;
                field.dispatchEvent(new Event('change', {bubbles: true}));
                document.body.offsetHeight;  // include style and layout of the new list
                times[field === sort ? 'sort' : 'filter'].push(performance.now() - t0);
              }
              return times;
            }"""
        )
        page.close()
    finally:
        httpd.shutdown()
    return {
        "products": cards,
        "build_seconds": round(seconds, 1),
        "filter_change_ms": [round(t, 1) for t in timings["filter"]],
        "filter_median_ms": round(statistics.median(timings["filter"]), 1),
        "filter_max_ms": round(max(timings["filter"]), 1),
        "sort_change_ms": [round(t, 1) for t in timings["sort"]],
        "sort_median_ms": round(statistics.median(timings["sort"]), 1),
    }


def table(results: dict) -> str:
    lines = ["", "Wyniki make bench", "=" * 64]
    img = results["images"]
    lines += [
        f"Obrazy: {img['source_photos']} zdjęć, na zimno {img['encoded_files_cold']} plików w {img['cold_seconds']} s "
        f"= {img['encodes_per_second']}/s ({img['encodes_per_second_per_core']}/s na rdzeń, {img['cores']} rdzenie)",
        f"Obrazy na ciepło: zakodowano {img['encoded_files_warm']} plików w {img['warm_seconds']} s (cel: 0)",
    ]
    b = results["build"]
    lines.append(
        f"Budowanie przykładowej strony ({b['html_pages']} stron HTML): na zimno {b['cold_seconds']} s, na ciepło {b['warm_seconds_median']} s (mediana z 3)"
    )
    if "pages" in results:
        for name, views in results["pages"].items():
            for view, data in views.items():
                lines.append(
                    f"Waga pierwszego widoku {name:14} {view:18} {data['kib']:7.1f} KiB w {data['requests']} żądaniach"
                )
        lines.append("Cele: /katalog/ ≤ 200 KiB, strona produktu ≤ 250 KiB")
    if "filter" in results:
        f = results["filter"]
        lines.append(
            f"Filtrowanie {f['products']} produktów: zmiana filtra mediana {f['filter_median_ms']} ms, najdłużej {f['filter_max_ms']} ms (cel < 50 ms); zmiana sortowania mediana {f['sort_median_ms']} ms"
        )
    lines.append("=" * 64)
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--products", type=int, default=2000)
    args = parser.parse_args()
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as name:
        tmp = Path(name)
        print("obrazy...", file=sys.stderr)
        results["images"] = bench_images(tmp)
        print("budowanie...", file=sys.stderr)
        results["build"] = bench_build(tmp)
        if not args.skip_browser and Path(CHROMIUM).is_file():
            from playwright.sync_api import sync_playwright

            httpd, base = serve(tmp / "site-cold")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                print("waga stron...", file=sys.stderr)
                results["pages"] = bench_pages(browser, base)
                print(f"filtrowanie {args.products} produktów...", file=sys.stderr)
                results["filter"] = bench_filter(browser, tmp, args.products)
                browser.close()
            httpd.shutdown()
    print(table(results))
    print(json.dumps(results, ensure_ascii=False, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
