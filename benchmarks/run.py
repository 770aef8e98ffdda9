"""`make bench`: speed and size figures of the portal, printed as a table and as JSON.

Measures (never asserted in tests; see the issues for targets):
- image pipeline: encodes per second (per core) on the sample photos, cold, and a warm
  run that must encode nothing;
- sample site build time, cold (empty image cache) and warm;
- how long the sample site takes to refuse each kind of bad input (benchmarks/refusals.py);
- page weight of the first view of /katalog/ and of a product page in Chromium
  (bytes transferred: HTML, CSS, JS and the images the viewport loads);
- catalogue filtering: one filter change with 2,000 products, in headless Chromium;
- the production build (`make publish`) served by nginx with deploy/nginx/ (Python's
  server where nginx is missing): Lighthouse 12.2.3 mobile scores (Debian's Chromium) of
  five pages, and the bytes the first site-search query transfers;
- the large portal (benchmarks/large.py: 4,000 news items, 600 entities, 1,000 products...):
  cold, warm and full builds, an edit as `make devserver` serves it, memory, Pagefind, and
  vanilla Pelican 4.12 on the same news items (issue 9's targets, marked met or not).

    python benchmarks/run.py [--json results.json] [--skip-browser] [--skip-lighthouse]
                             [--large-scale 1.0] [--large-runs 3]
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
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "tools"), str(ROOT / "tests"), str(ROOT / "benchmarks")]

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
    """count products: the sample ones (the certificate editions name them) and copies of them
    (same photos, so nothing new to encode)."""
    import yaml

    folder.mkdir(parents=True)
    samples = sorted((ROOT / "catalogue").glob("*.yaml"))
    for photo in (ROOT / "catalogue").glob("*.jpg"):
        shutil.copy(photo, folder / photo.name)
    for sample in samples:
        shutil.copy(sample, folder / sample.name)
    for index in range(count - len(samples)):
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


LIGHTHOUSE_PAGES = {
    "strona główna": "/",
    "aktualność": "/aktualnosci/2025/gala-zakup-prospoleczny-2025/",
    "katalog podmiotów": "/podmioty/",
    "katalog pamiątek": "/katalog/",
    "produkt": "/katalog/fartuch-gzik/",
}
LIGHTHOUSE = ROOT / "benchmarks" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def publish_build(tmp: Path, port: int) -> tuple[Path, float]:
    output = tmp / "published"
    env = dict(os.environ, PORTAL_SITEURL=f"http://127.0.0.1:{port}", PORTAL_BUILD_DATE="2026-11-27")
    env["PORTAL_CACHE_DIR"] = str(tmp / "build-cache")
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "portal.py"),
            "build",
            "--settings",
            str(ROOT / "publishconf.py"),
            "--output",
            str(output),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit("make publish nie powiodło się:\n" + done.stderr)
    return output, time.perf_counter() - started


def serve_published(folder: Path, port: int, tmp: Path):
    """nginx with deploy/nginx/ when installed, else Python's server; returns (stop, label)."""
    import nginxserve

    if nginxserve.available() is None:
        nginx = nginxserve.Nginx(folder, port, tmp / "nginx").start()
        return nginx.stop, "nginx"
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(Quiet, directory=str(folder))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd.shutdown, "python http.server"


def lighthouse_installed() -> bool:
    if not LIGHTHOUSE.exists() and shutil.which("npm"):
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT / "benchmarks", check=False
        )
    return LIGHTHOUSE.exists()


def run_lighthouse(url: str, report: Path, flags: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--chrome-path={CHROMIUM}",
            f"--chrome-flags={flags}",
            "--only-categories=" + ",".join(CATEGORIES),
            "--output=json",
            f"--output-path={report}",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )


def bench_lighthouse(base: str, tmp: Path) -> dict:
    """Mobile Lighthouse scores (0-100) of each page, with the default simulated throttling."""
    flags = " ".join(["--headless=new", *ARGS])
    scores = {}
    for name, path in LIGHTHOUSE_PAGES.items():
        report = tmp / "lighthouse.json"
        for _attempt in range(2):  # Lighthouse now and then loses the trace (NO_NAVSTART): once more
            done = run_lighthouse(base + path, report, flags)
            if done.returncode == 0:
                break
        if done.returncode != 0:
            scores[name] = {"error": (done.stderr or done.stdout).strip().splitlines()[-1:]}
            continue
        data = json.loads(report.read_text())
        scores[name] = {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}
        failed = [
            audit["id"]
            for audit in data["audits"].values()
            if audit.get("score") is not None
            and audit["score"] < 1
            and audit.get("scoreDisplayMode") in ("binary", "numeric")
        ]
        scores[name]["below_full_marks"] = sorted(failed)
        scores[name]["lcp_ms"] = round(data["audits"]["largest-contentful-paint"]["numericValue"])
    return scores


def transferred(request) -> int:
    """Bytes of a finished request as sent: headers and the (compressed) body. A body that
    Chromium reports as 0 (the Pagefind worker script) is counted by its Content-Length."""
    sizes = request.sizes()
    body = sizes["responseBodySize"]
    if body == 0:
        response = request.response()
        body = int((response and response.header_value("content-length")) or 0)
    return body + sizes["responseHeadersSize"]


def bench_search(browser, base: str) -> dict:
    """Bytes transferred for the first query on /szukaj/: the page, then Pagefind's runtime
    (JavaScript and WebAssembly, once per visit, cached for an hour), the index chunks and
    the result fragments (compressed, as sent)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(base + "/szukaj/", wait_until="networkidle")
    page_bytes = sum(transferred(r) for r in finished if "/pagefind/" not in r.url)
    started = time.perf_counter()
    page.locator("#szukaj-fraza").fill("spółdzielnia socjalna")
    page.locator("#szukaj-fraza").press("Enter")
    page.wait_for_selector(".pl-result")
    page.wait_for_load_state("networkidle")
    elapsed = time.perf_counter() - started
    search_requests = [r for r in finished if "/pagefind/" in r.url]
    kinds: dict[str, int] = {}
    for r in search_requests:
        kind = r.url.split("?")[0].rsplit(".", 1)[-1]
        kinds[kind] = kinds.get(kind, 0) + transferred(r)
    runtime = sum(v for k, v in kinds.items() if k in {"js", "pagefind", "json", "pf_meta"})
    query = sum(v for k, v in kinds.items() if k in {"pf_index", "pf_fragment"})
    context.close()
    return {
        "search_page_kib": round(page_bytes / 1024, 1),
        "first_query_kib": round((runtime + query) / 1024, 1),
        "runtime_kib": round(runtime / 1024, 1),
        "index_and_results_kib": round(query / 1024, 1),
        "first_query_requests": len(search_requests),
        "first_query_by_type_kib": {k: round(v / 1024, 1) for k, v in sorted(kinds.items())},
        "first_results_seconds": round(elapsed, 2),
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
        lines.append("Cele: /katalog/ ≤ 200 KiB, strona produktu ≤ 250 KiB, strona główna ≤ 100 KiB")
    if "filter" in results:
        f = results["filter"]
        lines.append(
            f"Filtrowanie {f['products']} produktów: zmiana filtra mediana {f['filter_median_ms']} ms, najdłużej {f['filter_max_ms']} ms (cel < 50 ms); zmiana sortowania mediana {f['sort_median_ms']} ms"
        )
    if "publish" in results:
        p = results["publish"]
        lines.append(
            f"make publish przykładowej strony: {p['seconds']} s (obrazy z pamięci podręcznej), serwer: {p['server']}"
        )
    if "search" in results:
        q = results["search"]
        lines.append(
            f"Wyszukiwanie: pierwsze zapytanie {q['first_query_kib']} KiB w {q['first_query_requests']} żądaniach do /pagefind/ "
            f"(cel ≤ 100 KiB) = silnik Pagefind {q['runtime_kib']} KiB (JS + WebAssembly, raz na wizytę) + indeks i wyniki "
            f"{q['index_and_results_kib']} KiB; strona /szukaj/ {q['search_page_kib']} KiB, wyniki po {q['first_results_seconds']} s"
        )
    if "lighthouse" in results:
        lines.append("Lighthouse 12.2.3, mobile (wydajność / dostępność / dobre praktyki / SEO; cel 100):")
        for name, score in results["lighthouse"].items():
            if "error" in score:
                lines.append(f"  {name:18} błąd: {score['error']}")
                continue
            extra = (
                f"  poniżej max: {', '.join(score['below_full_marks'])}" if score["below_full_marks"] else ""
            )
            lines.append(
                f"  {name:18} {score['performance']:3} / {score['accessibility']:3} / {score['best-practices']:3} / {score['seo']:3}"
                f"  LCP {score['lcp_ms']} ms{extra}"
            )
    lines.append("=" * 64)
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--products", type=int, default=2000)
    parser.add_argument(
        "--large-scale", type=float, default=1.0, help="the large portal (benchmarks/large.py); 0 skips it"
    )
    parser.add_argument("--large-runs", type=int, default=3)
    args = parser.parse_args()
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as name:
        tmp = Path(name)
        print("obrazy...", file=sys.stderr)
        results["images"] = bench_images(tmp)
        print("budowanie...", file=sys.stderr)
        results["build"] = bench_build(tmp)
        print("odmowy złych plików...", file=sys.stderr)
        import refusals

        (tmp / "refusals").mkdir()
        results["refusals"] = refusals.run(tmp / "refusals")
        if not args.skip_browser and Path(CHROMIUM).is_file():
            from playwright.sync_api import sync_playwright

            httpd, base = serve(tmp / "site-cold")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                print("waga stron...", file=sys.stderr)
                results["pages"] = bench_pages(browser, base)
                print(f"filtrowanie {args.products} produktów...", file=sys.stderr)
                results["filter"] = bench_filter(browser, tmp, args.products)
                httpd.shutdown()
                import nginxserve

                port = nginxserve.free_port()
                print("make publish...", file=sys.stderr)
                published, seconds = publish_build(tmp, port)
                stop, label = serve_published(published, port, tmp)
                results["publish"] = {"seconds": round(seconds, 1), "server": label}
                print("wyszukiwanie...", file=sys.stderr)
                results["search"] = bench_search(browser, f"http://127.0.0.1:{port}")
                browser.close()
                if not args.skip_lighthouse and lighthouse_installed():
                    print("Lighthouse...", file=sys.stderr)
                    results["lighthouse"] = bench_lighthouse(f"http://127.0.0.1:{port}", tmp)
                stop()
    if args.large_scale > 0:
        import large

        print(f"duży portal (skala {args.large_scale})...", file=sys.stderr)
        with tempfile.TemporaryDirectory(prefix="portal-large-") as name:
            results["large"] = large.run(args.large_scale, args.large_runs, Path(name))
    print(table(results))
    print(refusals.table(results["refusals"]))
    if "large" in results:
        print(large.table(results["large"]))
    print(json.dumps(results, ensure_ascii=False, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
