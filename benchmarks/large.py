"""The portal at scale: build times, memory and size of a large generated portal, and
vanilla Pelican 4.12 (default theme) on the same news items in the same run.

    python benchmarks/large.py [--scale 1.0] [--runs 3] [--json results.json]

Measures (medians of --runs where repeated; the cold builds once, as each takes minutes):
cold build (empty caches); cold build without the first image encoding (every cache emptied
but the encoded photos); warm rebuild with nothing changed; full build with warm caches
(every page rendered: ``--force``) with the seconds of each step (PORTAL_TIMINGS: reading,
rendering, photos, the wait for the search index); the nightly rebuild (warm caches, only
the build date moved: pages without date-dependent content carried over); how long the
build command takes to return after its last message; ``make check`` on a fresh clone
(empty caches), after one edit and with nothing changed; `make devserver`: its CPU use
while idle, an edit of one news item's text (save -> page served, -> search index
refreshed); the same edit with `make html`; replacing one product photo; peak RSS of the
build process and of the largest process under it; output size and file count; image
files encoded per second per core; Pagefind index time and size; vanilla Pelican cold and
with its content cache, on the same news items, in the same run.

Targets: issue 9 (warm ≤ 5 s, our cold build without the first image encoding ≤ vanilla
cold, warm encodes 0 images, peak memory < 2 GiB) and issue 18 (devserver idle < 1 % of a
core, save -> page ≤ 0.5 s and -> search index ≤ 3 s, `make check` fresh ≤ 5 s and
unchanged ≤ 1 s, the command returns ≤ 0.2 s after its last message, the nightly rebuild
≤ 20 s, and the full build per page no slower than vanilla Pelican's cold build per page).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
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
NIGHTLY_DATES = ("2026-11-28", "2026-11-29", "2026-11-30")  # one night after another


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
    return seconds, usage.ru_maxrss, text + problems


def after_last_message(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, str]:
    """Wall seconds of a command, and the seconds from its last line on standard output to
    its exit (what a person waits for after the command said it is done)."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    last, lines = started, []
    assert process.stdout is not None
    for line in process.stdout:
        last = time.perf_counter()
        lines.append(line.decode(errors="replace"))
    process.wait()
    ended = time.perf_counter()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv[:4])}... failed")
    return ended - started, ended - last, "".join(lines)


def step_seconds(output: str) -> dict[str, float]:
    """The ``czas`` lines PORTAL_TIMINGS=1 prints: seconds by step."""
    found = {}
    for line in output.splitlines():
        if line.startswith("czas "):
            seconds, name = line[5:].split(" s  ", 1)
            found[name.strip()] = float(seconds)
    return found


class Portal:
    def __init__(self, root: Path, cache: Path) -> None:
        self.root, self.cache = root, cache
        self.env = dict(os.environ, PORTAL_BUILD_DATE=BUILD_DATE, PORTAL_CACHE_DIR=str(cache))
        self.env.pop("PORTAL_DEBUG", None)
        self.folders = ["--content", str(root / "content"), "--catalogue", str(root / "catalogue")]

    def build(
        self, force: bool = False, date: str = BUILD_DATE, steps: bool = False
    ) -> tuple[float, int, str]:
        """Seconds, peak RSS (KiB) of the build process, and what it printed."""
        argv = [sys.executable, str(ROOT / "tools" / "portal.py"), "build", *self.folders]
        argv += ["--output", str(self.root / "output")] + (["--force"] if force else [])
        env = dict(self.env, PORTAL_BUILD_DATE=date) | ({"PORTAL_TIMINGS": "1"} if steps else {})
        return timed(argv, env, self.root)

    def check(self, cache: Path | None = None) -> float:
        """Seconds of `make check` (with another cache folder: a fresh clone's)."""
        argv = [sys.executable, str(ROOT / "tools" / "portal.py"), "check", *self.folders]
        env = dict(self.env, PORTAL_CACHE_DIR=str(cache or self.cache))
        return timed(argv, env, self.root)[0]

    def cached_images(self) -> int:
        return sum(1 for p in (self.cache / "images").rglob("*") if p.suffix in {".avif", ".webp", ".jpg"})

    def forget_all_but_encoded_images(self) -> None:
        """Empty every cache except the encoded photo derivatives and share cards: the photo
        checks, converted content, compiled templates and QR codes are made again."""
        for child in self.cache.iterdir():
            if child.name != "images":
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        (self.cache / "images" / "checked.json").unlink(missing_ok=True)


def largest_descendant_rss_mib() -> int:
    """Peak RSS of the largest process among the finished descendants (render workers,
    Pagefind, image encoders), in MiB."""
    import resource

    return round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def news_url(path: Path) -> str:
    """/aktualnosci/<year>/<slug>/ of a generated news file (its date opens the front matter)."""
    text = path.read_text(encoding="utf-8")
    year = text.split("date:", 1)[1].strip()[:4].strip("'\"")
    return f"/aktualnosci/{year}/{path.stem}/"


def devserver_edits(portal: Portal, news: list[Path], runs: int) -> dict:
    """`make devserver` on the large portal: seconds from saving a news item's text to the
    page being served with it, and to the edited pages being searchable (a small index the
    search merges; the whole site is indexed again in the background after 10 s without a
    save, and that time is given too)."""
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log_path = portal.root / "devserver.log"
    output = portal.root / "output-devserver"
    argv = [sys.executable, str(ROOT / "tools" / "devserver.py"), "--port", str(port), *portal.folders]
    argv += ["--output", str(output)]
    base = f"http://127.0.0.1:{port}"

    def page(url: str) -> str:
        try:
            with urllib.request.urlopen(base + url, timeout=10) as response:  # noqa: S310 - our own server
                return response.read().decode("utf-8", "replace")
        except OSError:
            return ""

    started = time.perf_counter()
    with open(log_path, "w") as log:
        server = subprocess.Popen(argv, env=portal.env, stdout=log, stderr=subprocess.STDOUT)
        try:
            while "<html" not in page("/"):
                if server.poll() is not None or time.perf_counter() - started > 1800:
                    raise SystemExit("devserver nie wystartował:\n" + log_path.read_text()[-3000:])
                time.sleep(0.5)
            first = time.perf_counter() - started
            time.sleep(5)  # the first build's last steps (the search index) are over
            idle = cpu_seconds(server.pid)
            time.sleep(IDLE_SECONDS)
            idle_share = (cpu_seconds(server.pid) - idle) / IDLE_SECONDS
            served, indexed = [], []
            for run in range(runs):
                path = news[len(news) // 3 + run]
                url = news_url(path)
                assert "<html" in page(url), url
                marker = f"Zdanie dopisane w pomiarze {run}."
                before = log_path.read_text().count("wyszukiwarka zna zmiany")
                saved = time.perf_counter()
                path.write_text(path.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
                while marker not in page(url):
                    if time.perf_counter() - saved > 600:
                        raise SystemExit("devserver nie pokazał zmiany:\n" + log_path.read_text()[-3000:])
                    time.sleep(0.02)
                served.append(time.perf_counter() - saved)
                while log_path.read_text().count("wyszukiwarka zna zmiany") == before:
                    time.sleep(0.02)
                indexed.append(time.perf_counter() - saved)
            while "indeks wyszukiwarki odświeżony" not in log_path.read_text():
                if time.perf_counter() - saved > 900:
                    raise SystemExit("devserver nie odświeżył indeksu:\n" + log_path.read_text()[-3000:])
                time.sleep(0.2)
            full = re.search(r"indeks wyszukiwarki odświeżony w ([0-9.]+) s", log_path.read_text())
        finally:
            server.terminate()
            server.wait(timeout=30)
    incremental = log_path.read_text().count("Przebudowano")
    return {
        "idle_cpu_percent": round(100 * idle_share, 2),
        "watching": "inotify" if "zgłasza system (inotify)" in log_path.read_text() else "polling",
        "first_build_seconds": round(first, 1),
        "save_to_page_seconds_median": round(statistics.median(served), 2),
        "save_to_page_seconds_max": round(max(served), 2),
        "save_to_search_index_seconds_median": round(statistics.median(indexed), 2),
        "search_full_index_in_background_seconds": float(full.group(1)),
        "incremental_updates": incremental,
        "runs": runs,
    }


IDLE_SECONDS = 20


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds a process used so far (/proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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
    cold, cold_rss, _ = portal.build()
    encoded_cold = portal.cached_images()
    encoding = json.loads((portal.cache / "images" / "last-encoding.json").read_text(encoding="utf-8"))
    print(f"na zimno: {cold:.1f} s", file=sys.stderr)
    warm = [portal.build() for _ in range(runs)]
    assert all("Bez zmian" in out for _, _, out in warm), "a build with nothing changed was not skipped"
    encoded_warm = portal.cached_images() - encoded_cold
    portal.forget_all_but_encoded_images()
    no_images, no_images_rss, _ = portal.build(force=True)
    print(f"na zimno bez kodowania zdjęć: {no_images:.1f} s", file=sys.stderr)
    full_warm_runs = [portal.build(force=True, steps=True) for _ in range(2)]
    full_warm = [seconds for seconds, _, _ in full_warm_runs]
    steps = step_seconds(full_warm_runs[-1][2])
    print("nocne przebudowanie (zmiana daty)...", file=sys.stderr)
    nightly_runs = [portal.build(date=day) for day in NIGHTLY_DATES]
    nightly = [seconds for seconds, _, _ in nightly_runs]
    carried = [("zmieniła się tylko data" in text) for _, _, text in nightly_runs]
    returns = [
        after_last_message(
            [sys.executable, str(ROOT / "tools" / "portal.py"), "build", *portal.folders, "--output",
             str(portal.root / "output"), *extra],
            dict(portal.env, PORTAL_BUILD_DATE=date),
            portal.root,
        )[1]
        for extra, date in ((["--force"], NIGHTLY_DATES[-1]), ([], "2026-12-01"))
    ]  # fmt: skip
    print("make check...", file=sys.stderr)
    check_fresh = portal.check(tmp / "fresh-clone-cache")
    check_unchanged = statistics.median(portal.check() for _ in range(runs))
    news = sorted((portal_root / "content" / "aktualnosci").rglob("*.md"))
    path = news[len(news) // 2]
    path.write_text(path.read_text(encoding="utf-8") + "\nDopisane zdanie po redakcji.\n", encoding="utf-8")
    check_one_edit = portal.check()
    edit_cli, _, _ = portal.build()
    before = portal.cached_images()
    photo = sorted((portal_root / "catalogue").glob("*-1.jpg"))[0]
    draw_photo(999_999, photo)
    replaced, _, _ = portal.build()
    encoded_after_photo = portal.cached_images() - before
    pages = sum(1 for _ in (portal_root / "output").rglob("*.html"))
    files, size = size_of(portal_root / "output")
    pagefind_files, pagefind_size = size_of(portal_root / "output" / "pagefind")
    index_seconds, _, _ = timed(
        [
            sys.executable, "-m", "pagefind", "--site", str(portal_root / "output"),
            "--output-path", str(tmp / "pagefind-again"), "--force-language", "pl", "--silent",
        ],
        dict(os.environ),
        tmp,
    )  # fmt: skip
    print("devserver...", file=sys.stderr)
    devserver = devserver_edits(portal, news, runs)
    cores = os.cpu_count() or 1
    news_only = tmp / "vanilla-news"
    shutil.copytree(portal_root / "content" / "aktualnosci", news_only)
    print("zwykły Pelican...", file=sys.stderr)
    return {
        "scale": scale,
        "cores": cores,
        "counts": counts,
        "html_pages": pages,
        "cold_seconds": round(cold, 1),
        "cold_peak_rss_mib": round(cold_rss / 1024),
        "cold_without_image_encoding_seconds": round(no_images, 1),
        "cold_without_image_encoding_peak_rss_mib": round(no_images_rss / 1024),
        "warm_nothing_changed_seconds_median": round(statistics.median(s for s, _, _ in warm), 2),
        "warm_full_build_seconds_median": round(statistics.median(full_warm), 1),
        "warm_full_build_steps_seconds": {
            name: round(value, 2) for name, value in steps.items() if value >= 0.05
        },
        "nightly_rebuild_seconds_median": round(statistics.median(nightly), 1),
        "nightly_rebuild_carried_pages": all(carried),
        "seconds_after_last_message": {"full": round(returns[0], 2), "nightly": round(returns[1], 2)},
        "check_fresh_clone_seconds": round(check_fresh, 2),
        "check_unchanged_seconds_median": round(check_unchanged, 2),
        "check_after_one_edit_seconds": round(check_one_edit, 2),
        "edit_one_news_devserver": devserver,
        "edit_one_news_build_command_seconds": round(edit_cli, 1),
        "replace_one_photo_seconds": round(replaced, 1),
        "images_encoded_cold": encoded_cold,
        "images_encoded_warm": encoded_warm,
        "images_encoded_after_photo": encoded_after_photo,
        "image_encoding_seconds": encoding["seconds"],
        "image_encoding_processes": encoding["workers"],
        "image_files_per_second_per_core": round(
            encoding["files"] / encoding["seconds"] / encoding["workers"], 2
        ),
        "share_cards": sum(1 for _ in (portal.cache / "images" / "udostepnij").glob("*.png")),
        "largest_process_rss_mib": largest_descendant_rss_mib(),
        "output_files": files,
        "output_mib": round(size / 2**20, 1),
        "pagefind_index_seconds": round(index_seconds, 1),
        "pagefind_files": pagefind_files,
        "pagefind_mib": round(pagefind_size / 2**20, 1),
        "vanilla_pelican": vanilla(tmp, news_only, runs),
    }


def table(r: dict) -> str:
    v, d = r["vanilla_pelican"], r["edit_one_news_devserver"]
    ratio = r["cold_without_image_encoding_seconds"] / max(v["cold_seconds"], 0.01)
    ours_per_page = 1000 * r["warm_full_build_seconds_median"] / max(r["html_pages"], 1)
    vanilla_per_page = 1000 * v["cold_seconds"] / max(v["html_pages"], 1)
    after = r["seconds_after_last_message"]

    def mark(ok: bool) -> str:
        return "spełniony" if ok else "NIESPEŁNIONY"

    lines = [
        "",
        f"Duży portal (skala {r['scale']}, {r['cores']} rdzenie): {r['counts']}",
        f"{r['html_pages']} stron HTML, {r['output_files']} plików, {r['output_mib']} MiB",
        "=" * 78,
        f"{'pomiar':<52}{'wynik':>12}  cel",
        "-" * 78,
        f"{'Na zimno (puste pamięci podręczne)':<52}{r['cold_seconds']:>10} s",
        f"{'Na zimno bez pierwszego kodowania zdjęć':<52}{r['cold_without_image_encoding_seconds']:>10} s"
        f"  ≤ zwykły Pelican ({v['cold_seconds']} s): {ratio:.2f}× {mark(ratio <= 1)}",
        f"{'Na ciepło, nic się nie zmieniło (mediana)':<52}{r['warm_nothing_changed_seconds_median']:>10} s"
        f"  ≤ 5 s {mark(r['warm_nothing_changed_seconds_median'] <= 5)}",
        f"{'Pełne budowanie z ciepłymi pamięciami (mediana)':<52}{r['warm_full_build_seconds_median']:>10} s"
        f"  {ours_per_page:.1f} ms/stronę ≤ zwykły Pelican na zimno {vanilla_per_page:.1f} ms/stronę"
        f" {mark(ours_per_page <= vanilla_per_page)}",
        *(
            f"{'  ' + name[:48]:<52}{seconds:>10} s"
            for name, seconds in r["warm_full_build_steps_seconds"].items()
        ),
        f"{'Nocne przebudowanie (zmiana daty, ciepłe pamięci)':<52}{r['nightly_rebuild_seconds_median']:>10} s"
        f"  ≤ 20 s {mark(r['nightly_rebuild_seconds_median'] <= 20)}"
        + ("" if r["nightly_rebuild_carried_pages"] else " (strony NIE zostały przeniesione)"),
        f"{'Powrót polecenia po ostatnim komunikacie (pełne/nocne)':<52}{max(after.values()):>10} s"
        f"  ≤ 0,2 s {mark(max(after.values()) <= 0.2)} ({after['full']} / {after['nightly']} s)",
        f"{'make check na świeżym klonie':<52}{r['check_fresh_clone_seconds']:>10} s"
        f"  ≤ 5 s {mark(r['check_fresh_clone_seconds'] <= 5)}",
        f"{'make check bez zmian (mediana)':<52}{r['check_unchanged_seconds_median']:>10} s"
        f"  ≤ 1 s {mark(r['check_unchanged_seconds_median'] <= 1)}",
        f"{'make check po zmianie jednej aktualności':<52}{r['check_after_one_edit_seconds']:>10} s",
        f"{'devserver bezczynny: użycie rdzenia (' + d['watching'] + ')':<52}{d['idle_cpu_percent']:>10} %"
        f"  < 1 % {mark(d['idle_cpu_percent'] < 1)}",
        f"{'Zmiana tekstu aktualności: zapis -> strona (devserver)':<52}{d['save_to_page_seconds_median']:>10} s"
        f"  ≤ 0,5 s {mark(d['save_to_page_seconds_median'] <= 0.5)} (maks. {d['save_to_page_seconds_max']} s)",
        f"{'  ... -> zmiana w wyszukiwarce (mały indeks zmian)':<52}{d['save_to_search_index_seconds_median']:>10} s"
        f"  ≤ 3 s {mark(d['save_to_search_index_seconds_median'] <= 3)}",
        f"{'  ... cały indeks w tle (po 10 s bez zapisu)':<52}{d['search_full_index_in_background_seconds']:>10} s",
        f"{'  pierwsze budowanie devservera':<52}{d['first_build_seconds']:>10} s",
        f"{'Zmiana aktualności, make html (pełne budowanie)':<52}{r['edit_one_news_build_command_seconds']:>10} s",
        f"{'Wymiana jednego zdjęcia produktu':<52}{r['replace_one_photo_seconds']:>10} s"
        f"  zakodowano {r['images_encoded_after_photo']} plików",
        f"{'Zdjęcia na zimno: pliki, czas kodowania':<52}{r['images_encoded_cold']:>10}"
        f"  {r['image_encoding_seconds']} s w {r['image_encoding_processes']} procesach:"
        f" {r['image_files_per_second_per_core']} plików/s na proces",
        f"{'Karty udostępniania narysowane na zimno':<52}{r['share_cards']:>10}",
        f"{'Obrazy zakodowane na ciepło':<52}{r['images_encoded_warm']:>10}  = 0 {mark(r['images_encoded_warm'] == 0)}",
        f"{'Szczyt RSS procesu budowania (na zimno)':<52}{r['cold_peak_rss_mib']:>8} MiB"
        f"  < 2048 MiB {mark(r['cold_peak_rss_mib'] < 2048)}",
        f"{'Największy proces (budowanie, renderowanie, Pagefind)':<52}{r['largest_process_rss_mib']:>8} MiB",
        f"{'Pagefind: indeks':<52}{r['pagefind_index_seconds']:>10} s"
        f"  {r['pagefind_files']} plików, {r['pagefind_mib']} MiB",
        f"{'Zwykły Pelican 4.12 na zimno / z pamięcią podręczną':<52}{v['cold_seconds']:>10} s"
        f"  / {v['cached_seconds']} s ({v['html_pages']} stron)",
        "=" * 78,
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
