"""How long the sample site takes to refuse each kind of bad input (issue 16: under 5 s).

Every case copies content/ and catalogue/, makes one mistake an editor or a hostile
contributor could make, runs the real build into an output folder holding a previous site
and measures the wall time until the build has refused. It also checks what the tests
check, so a figure is never printed for a build that did not refuse properly: exit 1, one
Polish sentence naming the file, no traceback, the previous site byte-identical and no
leftover folder. Warm caches, as an editor has them (the first build fills them).

    python benchmarks/refusals.py [--json out.json]
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
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = "content/aktualnosci/2026"


def _news(site: Path, name: str, header: str = "", body: str = "Treść.\n") -> None:
    (site / NEWS / name).write_text(
        f"---\ntitle: Próba\ndate: 2026-11-20\ncategory: Promocja\nsummary: Próba.\n{header}---\n{body}",
        encoding="utf-8",
    )


def _symlink(site: Path) -> None:
    os.symlink("/etc/passwd", site / "content" / "images" / "haslo.jpg")


def _page_called_katalog(site: Path) -> None:
    (site / "content" / "strony" / "katalog.md").write_text(
        "---\ntitle: Katalog\n---\nTreść.\n", encoding="utf-8"
    )


def _thirtieth_of_february(site: Path) -> None:
    (site / NEWS / "g.md").write_text(
        "---\ntitle: Próba\ndate: 2026-02-30\ncategory: Promocja\nsummary: Próba.\n---\nTreść.\n",
        encoding="utf-8",
    )


def _title_in_two_lines(site: Path) -> None:
    (site / NEWS / "i.md").write_text(
        '---\ntitle: "Gala\\nw Poznaniu"\ndate: 2026-11-20\ncategory: Promocja\nsummary: Próba.\n---\nTreść.\n',
        encoding="utf-8",
    )


def _windows_1250(site: Path) -> None:
    text = "---\ntitle: Łódź\ndate: 2026-11-20\ncategory: Promocja\nsummary: Żółw.\n---\nŁąka.\n"
    (site / NEWS / "h.md").write_bytes(text.encode("cp1250"))


ALIASES = "tags: &a [x, x, x]\n" + "".join(f"k{i}: &k{i} [*a, *a]\n" for i in range(3))
CASES: dict[str, Callable[[Path], None]] = {
    "ścieżka poza repozytorium (image.src)": lambda s: _news(
        s, "a.md", "image:\n  src: ../../../etc/passwd\n  alt: x\n"
    ),
    "dowiązanie symboliczne": _symlink,
    "plik .html w treści": lambda s: (s / "content" / "strony" / "a.html").write_text("<script>x</script>"),
    "<script> w treści Markdown": lambda s: _news(s, "b.md", body="<script>alert(1)</script>\n"),
    "link javascript:": lambda s: _news(s, "c.md", body="[x](javascript:alert(1))\n"),
    "link {static} poza content/": lambda s: _news(s, "d.md", body="[x]({static}../../../etc/passwd)\n"),
    "powtórzone pole YAML": lambda s: _news(s, "e.md", "title: Drugi\n"),
    "aliasy YAML": lambda s: _news(s, "f.md", ALIASES),
    "30 lutego": _thirtieth_of_february,
    "plik w Windows-1250": _windows_1250,
    "tytuł w dwóch liniach": _title_in_two_lines,
    "strona o adresie /katalog/": _page_called_katalog,
}


def _build(site: Path, output: Path, cache: Path) -> tuple[subprocess.CompletedProcess, float]:
    env = dict(os.environ, PORTAL_CACHE_DIR=str(cache), PORTAL_BUILD_DATE="2026-11-27")
    env.pop("PORTAL_DEBUG", None)
    argv = [sys.executable, str(ROOT / "tools" / "portal.py"), "build", "--force"]
    argv += [
        "--content",
        str(site / "content"),
        "--catalogue",
        str(site / "catalogue"),
        "--output",
        str(output),
    ]
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=site, env=env, capture_output=True, text=True)
    return done, time.perf_counter() - started


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def run(tmp: Path, repeats: int = 3) -> dict:
    cache = tmp / "cache"
    base = tmp / "base"
    shutil.copytree(ROOT / "content", base / "content")
    shutil.copytree(ROOT / "catalogue", base / "catalogue")
    previous = tmp / "previous"
    done, seconds = _build(base, previous, cache)  # fills the caches, and is the site kept
    if done.returncode:
        raise SystemExit(done.stderr)
    kept = _snapshot(previous)
    results = {"good_build_seconds": round(seconds, 2), "cases": {}}
    for name, make in CASES.items():
        times = []
        for _ in range(repeats):
            site = tmp / "case"
            shutil.rmtree(site, ignore_errors=True)
            shutil.copytree(base, site, symlinks=True)
            make(site)
            done, seconds = _build(site, previous, cache)
            lines = done.stderr.strip().splitlines()
            refused = (
                done.returncode == 1
                and "Traceback" not in done.stderr
                and bool(lines)
                and lines[-1].startswith("Znaleziono")
                and _snapshot(previous) == kept
                and not [p for p in tmp.iterdir() if p.name.startswith("previous.")]
            )
            if not refused:
                raise SystemExit(f"{name}: the build did not refuse properly:\n{done.stderr}")
            times.append(seconds)
        results["cases"][name] = {
            "median_seconds": round(statistics.median(times), 2),
            "message": lines[0][:140],
        }
    return results


def table(results: dict) -> str:
    lines = [
        "",
        f"Odmowy na przykładowej stronie (cel < 5 s; dobra budowa: {results['good_build_seconds']} s)",
    ]
    for name, data in results["cases"].items():
        lines.append(f"  {name:40} {data['median_seconds']:5.2f} s  {data['message']}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="portal-refusals-") as name:
        results = run(Path(name))
    print(table(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
