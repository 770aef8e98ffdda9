"""The portal's command line: build (atomic), check (validate only), schemas (JSON Schema).

    python tools/portal.py build [--settings pelicanconf.py] [--content DIR] [--output DIR]
    python tools/portal.py check [--settings pelicanconf.py] [--content DIR]
    python tools/portal.py schemas [--out schemas]

The build writes into a fresh folder beside the output folder and swaps it in only when
every step succeeded: a failed build leaves the previous site untouched. Errors are
printed as sentences, never as tracebacks (set PORTAL_DEBUG=1 to see the traceback).
"""

from __future__ import annotations

import argparse
import atexit
import json
import logging
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from portal_core.atomic import new_folder_beside, replace_folder  # noqa: E402 - plugins/ is on the path now

EXIT_PROBLEMS = 1
CACHE_DIR = Path(os.environ.get("PORTAL_CACHE_DIR") or ROOT / ".cache")


def load_settings(args: argparse.Namespace, output: Path | None = None) -> dict:
    from pelican.settings import read_settings

    override = {}
    if args.content:
        override["PATH"] = str(Path(args.content).resolve())
    if getattr(args, "catalogue", None):
        override["CATALOGUE_PATH"] = str(Path(args.catalogue).resolve())
    if output is not None:
        override["OUTPUT_PATH"] = str(output)
    if getattr(args, "render_workers", None):
        override["RENDER_WORKERS"] = args.render_workers
    if getattr(args, "drafts", False):  # the editor's own preview (make devserver) only
        override.update(
            DRAFT_SAVE_AS="szkice/{slug}/index.html", DRAFT_PAGE_SAVE_AS="szkice/strony/{slug}/index.html"
        )
    return read_settings(str(Path(args.settings).resolve()), override=override)


def _settings_files(args: argparse.Namespace, settings: dict) -> list[Path]:
    """Files outside the content, theme and plugin folders that a build reads."""
    files = [ROOT / "pelicanconf.py", Path(args.settings).resolve(), ROOT / "requirements.txt"]
    files.append(ROOT / "deploy" / "content-security-policy.txt")  # read by pelicanconf.py
    if settings.get("PUBLISH_HEADERS_FILE"):
        files.append(Path(settings["PUBLISH_HEADERS_FILE"]))
    if settings.get("CMS_ENABLED"):  # the CMS bundle copied to /admin/ (its pinned version)
        files.append(Path(settings["CMS_BUNDLE_DIR"]).parent / "package.json")
    return [f for f in dict.fromkeys(files) if f.is_file()]


def plural_pl(count: int, one: str, few: str, many: str) -> str:
    from portal_theme.filters import plural_pl as plural  # imported when needed: `make check` starts faster

    return plural(count, one, few, many)


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_PROBLEMS


def _explain(error: BaseException) -> str:
    """One paragraph for an unexpected build error: what failed and where."""
    import jinja2

    if isinstance(error, jinja2.TemplateSyntaxError):
        return f"{error.filename or error.name}:{error.lineno}: szablon: {error.message}"
    if isinstance(error, jinja2.TemplateError):
        return f"szablon: {error}"
    return f"{type(error).__name__}: {error}"


def count_pages(folder: Path) -> int:
    return sum(name.endswith(".html") for _, _, names in os.walk(folder) for name in names)


def _discard(work: Path) -> None:
    """Delete a failed build's folder, after stopping the search index writing into it."""
    from portal_build import carry
    from portal_publish.plugin import stop_search

    carry.activate(None)
    stop_search()
    shutil.rmtree(work, ignore_errors=True)


class BuildFailed(Exception):
    """A build stopped; the message is for the editor (the previous site is untouched)."""


def build(args: argparse.Namespace, force: bool = False, carry_pages: bool = False) -> str:
    """Build atomically (or skip when no input changed); a sentence saying what was done.

    ``carry_pages`` (the build command): when only the build date changed since the build
    that made the output, the pages that do not show the date are carried over from it
    (portal_build.carry) instead of being rendered again.

    Raises BuildFailed with the problems when the build stopped.
    """
    from pelican import Pelican
    from portal_build import carry, render
    from portal_build.skip import StampFile, input_stamp, input_stamps
    from portal_content.problems import ContentError

    started = time.perf_counter()
    plain = load_settings(args)
    target = Path(args.output or plain["OUTPUT_PATH"]).resolve()
    stamp_file = StampFile(CACHE_DIR, target)
    production = any(plain.get(k) for k in ("PUBLISH_FINGERPRINT", "PUBLISH_MINIFY", "PUBLISH_PRECOMPRESS"))
    keep = carry_pages and not production
    files = _settings_files(args, plain)
    if keep:  # the files are read once for both stamps
        stamp, inputs = input_stamps(plain, files)
    else:
        stamp, inputs = input_stamp(plain, files), ""
    if not force and stamp_file.matches(stamp):
        return f"Bez zmian od ostatniego budowania ({time.perf_counter() - started:.2f} s) -> {target}"
    chosen = carry.plan(CACHE_DIR, target, inputs) if keep and not force else None
    carry.activate(chosen)
    work = new_folder_beside(target)
    try:
        settings = load_settings(args, work)
        Pelican(settings).run()
    except ContentError as error:
        _discard(work)
        raise BuildFailed(str(error)) from None
    except Exception as error:  # noqa: BLE001 - reported as a sentence, build stopped
        _discard(work)
        if os.environ.get("PORTAL_DEBUG"):
            raise
        cause = error.__cause__ or error.__context__
        if isinstance(cause, ContentError):
            raise BuildFailed(str(cause)) from None
        raise BuildFailed(
            "Budowanie przerwane, poprzednia wersja strony została bez zmian.\n" + _explain(error)
        ) from None
    carried = chosen.carried if chosen else 0
    pages = count_pages(work)
    replace_folder(work, target, later=True)
    render.built_into(target)
    stamp_file.save(stamp)
    if keep:
        carry.save(CACHE_DIR, target, inputs)
    else:
        carry.forget(CACHE_DIR, target)
    carry.activate(None)
    workers = settings.get("RENDER_WORKERS") or 1
    note = (
        f"; zmieniła się tylko data: {carried} {plural_pl(carried, 'stronę lub plik', 'strony lub pliki', 'stron lub plików')}"
        " bez treści od niej zależnych przeniesiono z poprzedniego budowania"
        if carried
        else ""
    )
    return (
        f"Zbudowano {pages} {plural_pl(pages, 'stronę', 'strony', 'stron')} HTML w {time.perf_counter() - started:.1f} s"
        f" ({workers} {plural_pl(workers, 'proces', 'procesy', 'procesów')}){note} -> {target}"
    )


def update(args: argparse.Namespace, paths: list[Path]) -> tuple[str, list[Path]]:
    """Apply an edit of news items' text to the last build made in this process: a message
    and the files written.

    Raises NotIncremental when the change needs a full build, BuildFailed when a file is
    wrong (nothing was written then). The search index and the input stamp are refreshed
    by ``SearchRefresh``, after the page is served.
    """
    from portal_build import update as partial
    from portal_content.problems import ContentError

    started = time.perf_counter()
    try:
        written = [Path(p) for p in partial.update(paths)]
    except ContentError as error:
        raise BuildFailed(str(error)) from None
    count = len(written)
    took = time.perf_counter() - started
    return f"Przebudowano {count} {plural_pl(count, 'plik', 'pliki', 'plików')} w {took:.2f} s", written


class SearchRefresh:
    """Search after ``update`` (the devserver): the pages just written are searchable at
    once, the whole site a little later. Pagefind has no incremental mode, so:

    - ``changed(written)`` indexes the pages changed since the site was last indexed in
      full into a small index beside the output (``delta_folder``; finishing.delta_index),
      which the site's search merges while it exists;
    - ``poll()``, called while ``busy``, starts indexing the whole site in the background
      once no save came for ``quiet`` seconds (a full index of a large portal takes tens
      of seconds and two cores: an editor saving every few seconds would otherwise keep it
      running all the time), and when that index is done puts it in place of the old one,
      removes the small one and records the inputs the output now shows (the input stamp
      is taken when the full index starts: a file saved later is not in it);
    - a newer ``changed`` stops a full index that is running (its pages are older);
      ``wait()`` makes the full index now; ``reset()`` forgets everything (a full build
      made its own index).
    """

    def __init__(self, args: argparse.Namespace, quiet: float = 0.0) -> None:
        self.args = args
        self.quiet = quiet
        self.pending: set[Path] = set()
        self.due = 0.0
        self.running = None
        self.fresh: Path | None = None
        self.stamp = None
        self.started = 0.0

    @property
    def busy(self) -> bool:
        return bool(self.pending) or self.running is not None

    def target(self) -> Path:
        return Path(self.args.output or load_settings(self.args)["OUTPUT_PATH"]).resolve()

    def changed(self, written: list[Path]) -> str:
        from portal_build.skip import StampFile, input_stamp
        from portal_publish.finishing import delta_index

        self.stop()
        started = time.perf_counter()
        plain = load_settings(self.args)
        target = self.target()
        if not plain.get("SEARCH_INDEX", True):
            StampFile(CACHE_DIR, target).save(input_stamp(plain, _settings_files(self.args, plain)))
            return "bez indeksu wyszukiwarki (SEARCH_INDEX = False)"
        self.pending.update(written)
        delta = delta_folder(target)
        fresh = new_folder_beside(delta)
        try:
            count = delta_index(target, sorted(self.pending), plain.get("SEARCH_LANGUAGE", ""), fresh)
            replace_folder(fresh, delta)
        except Exception as error:  # noqa: BLE001 - PublishError or an OS error, as a sentence
            shutil.rmtree(fresh, ignore_errors=True)
            raise BuildFailed(str(error)) from None
        self.due = time.monotonic() + self.quiet
        took = time.perf_counter() - started
        return (
            f"wyszukiwarka zna zmiany ({count} {plural_pl(count, 'strona', 'strony', 'stron')}) po {took:.1f} s;"
            f" cały indeks powstanie w tle po {self.quiet:.0f} s bez zapisu"
        )

    def _start(self) -> None:
        from portal_build.skip import input_stamp
        from portal_publish.finishing import PublishError, SearchIndexing

        plain = load_settings(self.args)
        target = self.target()
        self.stamp = input_stamp(plain, _settings_files(self.args, plain))
        self.started = time.perf_counter()
        self.fresh = new_folder_beside(target / "pagefind")
        try:
            self.running = SearchIndexing(target, plain.get("SEARCH_LANGUAGE", ""), into=self.fresh)
        except PublishError as error:
            shutil.rmtree(self.fresh, ignore_errors=True)
            self.fresh = None
            raise BuildFailed(str(error)) from None

    def poll(self) -> str | None:
        """What was done, or None while nothing was (no full index due, or it runs)."""
        if self.running is None:
            if self.pending and time.monotonic() >= self.due:
                self._start()
            return None
        if self.running.process.poll() is None:
            return None
        return self.wait()

    def wait(self) -> str | None:
        """Index the whole site now (or wait for the index that runs) and put it in place."""
        from portal_build.skip import StampFile
        from portal_publish.finishing import PublishError

        if self.running is None and self.pending:
            self._start()
        running, fresh, self.running, self.fresh = self.running, self.fresh, None, None
        if running is None:
            return None
        target = self.target()
        try:
            running.wait()
        except PublishError as error:
            shutil.rmtree(fresh, ignore_errors=True)
            raise BuildFailed(str(error)) from None
        replace_folder(fresh, target / "pagefind")
        StampFile(CACHE_DIR, target).save(self.stamp)
        self.pending.clear()
        shutil.rmtree(delta_folder(target), ignore_errors=True)
        return f"indeks wyszukiwarki odświeżony w {time.perf_counter() - self.started:.1f} s"

    def stop(self) -> None:
        running, fresh, self.running, self.fresh = self.running, self.fresh, None, None
        if running is not None:
            running.stop()
            shutil.rmtree(fresh, ignore_errors=True)

    def reset(self) -> None:
        self.stop()
        self.pending.clear()
        shutil.rmtree(delta_folder(self.target()), ignore_errors=True)


def delta_folder(target: Path) -> Path:
    """Where SearchRefresh keeps the small index of an output folder (beside it, never in
    it; the devserver serves it as /__portal/pagefind/)."""
    return target.with_name(target.name + "-wyszukiwarka-zmiany")


def init_logging() -> None:
    """Warnings and errors to standard error; an error stops the build (Pelican's own
    logging set-up). Says first when Pelican or Python-Markdown is not the version the
    compatibility layer was written for."""
    from pelican.log import init

    init(level=logging.WARNING, fatal="errors", handler=logging.StreamHandler(sys.stderr))
    warn_about_versions()


def warn_about_versions() -> None:
    """Say (in Polish, on standard error) when Pelican or Python-Markdown is not the version
    portal_core.compat was written for; the build goes on."""
    from portal_core.compat import version_warning

    warning = version_warning()
    if warning:
        print(warning, file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from portal_core import timing

    init_logging()
    try:
        message = build(args, force=args.force, carry_pages=True)
    except BuildFailed as error:
        return _fail(str(error))
    if timing.enabled():
        print(timing.report(), file=sys.stderr)
    _print_notices()
    print(message)
    return 0


def _print_notices() -> str:
    """The last validation's notices on standard error (they never stop anything); returns
    the text printed."""
    from portal_content.problems import format_notices
    from portal_content.validate import LAST_NOTICES

    text = format_notices(LAST_NOTICES) if LAST_NOTICES else ""
    if text:
        print(text, file=sys.stderr)
    return text


def _load_plugins(settings: dict):
    """Load and register the plugins as a build does (signals connected, nothing written)."""
    from pelican import Pelican

    return Pelican(settings)


def _report(args: argparse.Namespace, problems: list) -> None:
    """The problems for the git host as well as for people (``--format``): GitHub workflow
    annotations on standard output, or GitLab's code-quality JSON in ``--report`` (written
    also when there is no problem, so the merge request shows the problems fixed)."""
    from portal_content.problems import github_annotations, gitlab_report

    if args.format == "github" and problems:
        print(github_annotations(problems), flush=True)
    elif args.format == "gitlab":
        from portal_core.atomic import write_atomic

        write_atomic(Path(args.report), json.dumps(gitlab_report(problems), ensure_ascii=False, indent=1))


def cmd_check(args: argparse.Namespace) -> int:
    """Validate everything a build reads, without building. Photos: headers only (the build
    decodes them). Files read before come from the build's disk cache, new ones are read in
    parallel; when no input changed since a check that passed, it passes at once (without
    even reading the settings)."""
    from portal_build.skip import CheckStamp

    started = time.perf_counter()
    named = [args.settings, args.content, args.catalogue]  # relative to where it runs: resolved
    passed = CheckStamp(CACHE_DIR, [str(Path(p).resolve()) if p else "" for p in named])
    count = passed.checked()
    if count is not None:
        _report(args, [])
        if passed.notices:
            print(passed.notices, file=sys.stderr)
        print(
            f"Treść jest poprawna: {count} {plural_pl(count, 'plik', 'pliki', 'plików')}, bez zmian od ostatniego sprawdzenia"
            f" ({time.perf_counter() - started:.2f} s)."
        )
        return 0
    from portal_content.problems import ContentError, Problem

    warn_about_versions()
    try:
        settings = load_settings(args)
        from portal_content.preload import preload
        from portal_content.validate import forget_scan, validate_content
        from portal_images.checks import headers_only

        forget_scan()
        inputs = passed.inputs(settings, _settings_files(args, settings))
        _load_plugins(settings)  # portal_theme checks its settings here
        with headers_only():
            preload(settings, convert=False)
            records, problems = validate_content(settings)
        if problems:
            raise ContentError(problems)
    except ContentError as error:
        _report(args, error.problems)
        return _fail(str(error))
    except Exception as error:  # noqa: BLE001 - reported as a sentence
        if os.environ.get("PORTAL_DEBUG"):
            raise
        _report(args, [Problem("pelicanconf.py", 1, "(sprawdzanie)", "przerwane: " + _explain(error))])
        return _fail("Sprawdzanie przerwane.\n" + _explain(error))
    _report(args, [])
    passed.save(inputs, len(records), _print_notices())  # an unchanged next check says them again
    files = plural_pl(len(records), "plik", "pliki", "plików")
    print(f"Treść jest poprawna: {len(records)} {files} sprawdzono w {time.perf_counter() - started:.2f} s.")
    return 0


def cmd_schemas(args: argparse.Namespace) -> int:
    from portal_content.validate import KINDS

    _load_plugins(load_settings(args))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, kind in KINDS.items():
        schema = kind.model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        (out / f"{name}.schema.json").write_text(
            json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    snippets = Path(args.snippets) if args.snippets else None
    if snippets is not None:
        snippets.parent.mkdir(parents=True, exist_ok=True)
        snippets.write_text(
            json.dumps(front_matter_snippets(KINDS), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    print(
        f"Zapisano schematy ({len(KINDS)}) w {out}/"
        + (f" i podpowiedzi pól w {snippets}" if snippets else "")
    )
    return 0


def front_matter_snippets(kinds) -> dict:
    """VS Code snippets for the front matter of Markdown content: one per field, with its
    description, so the editor completes field names while typing (VS Code cannot apply a
    JSON Schema to the YAML header of a Markdown file)."""
    snippets = {}
    for name, kind in kinds.items():
        if kind.suffix != ".md":
            continue
        for field, info in kind.model.model_json_schema().get("properties", {}).items():
            key = f"{kind.folder}: {field}"
            if key in snippets:
                continue
            example = (info.get("examples") or [""])[0]
            snippets[key] = {
                "scope": "markdown",
                "prefix": field,
                "body": [
                    f"{field}: ${{1:{example}}}" if not isinstance(example, (dict, list)) else f"{field}:"
                ],
                "description": f"{kind.folder}/ ({name}): {info.get('description', '')}",
            }
    return dict(sorted(snippets.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="portal", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("build", "check"):
        p = sub.add_parser(name)
        p.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
        p.add_argument("--content", help="content folder (default: PATH from the settings)")
        p.add_argument("--catalogue", help="catalogue folder (default: CATALOGUE_PATH)")
        if name == "check":
            p.add_argument(
                "--format",
                choices=("text", "github", "gitlab"),
                default="text",
                help="also for the git host: github = workflow annotations on the lines of the"
                " files; gitlab = code-quality report (--report)",
            )
            p.add_argument("--report", default="gl-code-quality-report.json", help="file of --format=gitlab")
        if name == "build":
            p.add_argument("--output", help="output folder (default: OUTPUT_PATH)")
            p.add_argument(
                "--force", action="store_true", help="build even when no input changed since the last build"
            )
            p.add_argument(
                "--render-workers", type=int, help="processes reading and rendering (default: RENDER_WORKERS)"
            )
            p.add_argument(
                "--drafts",
                action="store_true",
                help="also write drafts, with a banner (the editor's preview; never for publishing)",
            )
    p = sub.add_parser("schemas")
    p.add_argument("--out", default=str(ROOT / "schemas"))
    p.add_argument(
        "--snippets",
        default=str(ROOT / ".vscode" / "portal.code-snippets"),
        help="VS Code snippets file ('' to skip)",
    )
    p.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    p.add_argument("--content", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    return {"build": cmd_build, "check": cmd_check, "schemas": cmd_schemas}[args.command](args)


def leave(code: int) -> None:
    """End the command at once, without freeing its objects one by one.

    A large portal's build holds millions of objects; Python freed them for seconds after
    the build had said it was done. The exit functions registered with ``atexit`` run first
    (the photos that passed their check are remembered, a failed build's search index is
    stopped, logging is flushed), then the process ends (``os._exit``). A cache still being
    written by a background process (portal_core.parallel.in_background) is finished by that
    process on its own."""
    run_exit_functions = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_functions is None:  # another Python than CPython: the ordinary way out
        sys.exit(code)
    run_exit_functions()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    leave(main())
