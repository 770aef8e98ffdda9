"""`make devserver`: build, serve, rebuild on every save and reload the open page.

    python tools/devserver.py [--port 8000] [--content DIR --catalogue DIR --output DIR]

Every save in content/, catalogue/, theme/, plugins/ or the settings starts a build (the
same atomic build as `make html`, run in this process). When only the text of news items
changed, only the pages showing that text are rendered again (portal_build.update) and the
page is served at once; the search index follows a few seconds later. A change of plugin
code or settings starts the server process again. Open pages reload by themselves when it is done: the
server adds one small same-origin script to each page it sends, which listens for
"built" events. When a build fails, the terminal prints the problems and every page of
the site shows them, in Polish, instead of the previous version, until the next good
build.

Why not `pelican --autoreload --listen`: it serves the last good output silently after a
failed build (the editor sees a stale site and may think the change is published) and
does not reload the browser.
"""

from __future__ import annotations

import argparse
import atexit
import functools
import html
import http.server
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import portal  # noqa: E402 - the build, in this process (it adds plugins/ to the path)

WATCHED = ("content", "catalogue", "theme", "plugins", "pelicanconf.py")
# The page knows the build it was served from (the script's ?v=): a build that ends before
# the reloaded page has connected to the event stream still reloads it.
RELOAD_SCRIPT = b"""(function () {
  var script = document.currentScript;
  var seen = script ? new URL(script.src).searchParams.get("v") : null;
  var source = new EventSource("/__portal/events");
  source.onmessage = function (event) {
    if (seen !== null && event.data !== seen) location.reload();
    seen = event.data;
  };
})();
"""


def inject(version: int) -> bytes:
    """The reload script's tag for a page served from build ``version``; it also tells the
    site's search (theme/static/js/search.js) where the small index of the pages edited
    since the last full search index is (SEARCH_DELTA_URL; portal.SearchRefresh)."""
    return f'<script src="/__portal/reload.js?v={version}" data-search-delta="{SEARCH_DELTA_URL}"></script>'.encode()


SEARCH_DELTA_URL = "/__portal/pagefind/"


class State:
    """The last build: a version number that grows with every build, and its error text."""

    def __init__(self) -> None:
        self.version = 0
        self.error: str | None = None
        self.changed = threading.Condition()

    def finished(self, error: str | None) -> None:
        with self.changed:
            self.version += 1
            self.error = error
            self.changed.notify_all()


class Watcher:
    """Changes of the watched folders, told by the operating system (inotify on Linux,
    through watchfiles, which Pelican already depends on): the process sleeps until a file
    is saved. Where notifications are not available (some network and virtual-machine file
    systems, or the inotify limit reached) watchfiles polls instead, every
    ``POLL_MS`` ms, and ``mode`` says so.

    Made before the first build: what is saved while it runs is told to the first ``wait``.
    """

    POLL_MS = 400
    STEP_MS = 50  # a save ends when nothing more changed for this long (editors save in steps)
    DEBOUNCE_MS = 1000  # at most this long collecting one save's changes

    def __init__(self, paths: list[Path], force_polling: bool = False) -> None:
        from watchfiles._rust_notify import RustNotify

        folders = [str(p) for p in paths if p.exists()]
        try:
            self.notify = RustNotify(folders, False, force_polling, self.POLL_MS, True, False)
        except OSError as error:  # e.g. "OS file watch limit reached": poll instead
            print(f"[{_stamp()}] powiadomienia o zmianach plików niedostępne ({error})", flush=True)
            self.notify = RustNotify(folders, False, True, self.POLL_MS, True, False)
        # watchfiles names its backend in the repr: RustNotify(Recommended(INotifyWatcher ...
        self.mode = "polling" if repr(self.notify).startswith("RustNotify(Poll") else "inotify"

    def describe(self) -> str:
        if self.mode == "inotify":
            return "zmiany plików zgłasza system (inotify)"
        return f"zmian plików szukam co {self.POLL_MS / 1000:.1f} s (powiadomienia systemu niedostępne)"

    def wait(self, timeout_ms: int = 0) -> list[Path]:
        """The files changed by the next save (sorted), after waiting for it; [] on timeout.

        A file made and removed within one save (an editor's temporary copy) is left out."""
        while True:
            raw = self.notify.watch(self.DEBOUNCE_MS, self.STEP_MS, timeout_ms, None)
            if raw == "signal":
                raise KeyboardInterrupt
            if not isinstance(raw, set):  # "timeout" or "stop"
                return []
            changed = _changed_files(raw)
            if changed or timeout_ms:
                return changed

    def close(self) -> None:
        self.notify.close()


def _changed_files(raw: set[tuple[int, str]]) -> list[Path]:
    from watchfiles import Change

    created = {path for change, path in raw if change == Change.added}
    found = set()
    for change, path in raw:
        name = Path(path)
        if "__pycache__" in name.parts or name.name.startswith(".#") or name.name.endswith("~"):
            continue
        if path in created and not os.path.lexists(path):
            continue  # made and removed again: a temporary file of the editor
        if change == Change.modified and os.path.isdir(path):
            continue  # a folder whose list of files changed (polling says so): its files are told
        found.add(name)
    return sorted(found)


def _stamp() -> str:
    return time.strftime("%H:%M:%S")


def build(
    args: argparse.Namespace, state: State, search: portal.SearchRefresh, changed: list[Path] | None = None
) -> None:
    """Build in this process: only what an edit of news text affects when that is all that
    changed (then the edited pages are indexed for search after the page is served, and the
    whole site later: portal.SearchRefresh), else in full."""
    from portal_build.update import NotIncremental

    started = time.perf_counter()
    try:
        if changed:
            try:
                message, written = portal.update(args, changed)
            except NotIncremental as why:
                print(f"[{_stamp()}] pełne budowanie ({why})", flush=True)
            else:
                state.finished(None)
                print(f"[{_stamp()}] {message}; strona w przeglądarce odświeży się sama", flush=True)
                print(f"[{_stamp()}] {search.changed(written)}", flush=True)
                return
        search.reset()
        portal.build(args, force=True)
    except portal.BuildFailed as error:
        took = time.perf_counter() - started
        print(f"[{_stamp()}] BŁĄD budowania ({took:.1f} s):\n{error}", flush=True)
        state.finished(str(error) or "nieznany błąd")
        return
    took = time.perf_counter() - started
    print(f"[{_stamp()}] zbudowano w {took:.1f} s; strony w przeglądarce odświeżą się same", flush=True)
    state.finished(None)


def _restart() -> None:
    """Plugin code or settings changed: this process holds the old code, so start again."""
    print(f"[{_stamp()}] zmiana kodu wtyczek lub ustawień: uruchamiam podgląd od nowa", flush=True)
    os.execv(sys.executable, [sys.executable, *sys.argv])  # noqa: S606 - the same program again


def watch(watcher: Watcher, args: argparse.Namespace, state: State, search: portal.SearchRefresh) -> None:
    """Rebuild on every save (the watcher was made before the first build, so a save made
    while the server was starting is not missed). While the whole site is indexed for
    search in the background, a save is still answered at once (that index is stopped, and
    started again when no save came for a while)."""
    while True:
        changed = watcher.wait(SEARCH_POLL_MS if search.busy else 0)
        if not changed:
            try:
                done = search.poll()
            except portal.BuildFailed as error:
                search.reset()  # the next save tries again
                print(f"[{_stamp()}] BŁĄD indeksu wyszukiwarki:\n{error}", flush=True)
            else:
                if done:
                    print(f"[{_stamp()}] {done}", flush=True)
            continue
        if any(p.suffix == ".py" for p in changed):
            search.stop()
            _restart()
        print(f"[{_stamp()}] zmiana zapisana, buduję...", flush=True)
        build(args, state, search, changed)


SEARCH_POLL_MS = 250  # how often the watcher looks whether the background search index is done


def error_page(error: str, version: int) -> bytes:
    lines = "\n".join(
        f"<li><code>{html.escape(line)}</code></li>" for line in error.splitlines() if line.strip()
    )
    return (
        '<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><title>Błąd budowania portalu</title>'
        '<link rel="stylesheet" href="/theme/css/portal.css"></head><body class="pl-body">'
        '<main class="pl-main pl-container" id="tresc"><h1 class="pl-page-title">Strona nie została zbudowana</h1>'
        "<p>Ostatnia zmiana ma błędy. Popraw je w plikach wymienionych niżej i zapisz: strona odświeży się sama. "
        "Opis komunikatów: docs/redakcja.md, rozdział „Co znaczą komunikaty o błędach”.</p>"
        f'<ul class="pl-dev-errors">{lines}</ul></main>{inject(version).decode()}</body></html>'
    ).encode()


POLICY = (ROOT / "deploy" / "content-security-policy.txt").read_text(encoding="utf-8").strip()
ADMIN = "/admin/"


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the preview to this machine's browser only.

    - Only requests whose Host is the address the server is bound to are answered (a web
      page elsewhere cannot reach the preview through a name that resolves to 127.0.0.1:
      DNS rebinding).
    - Nothing outside the output folder is served, also not through a symbolic link.
    - Every response carries the production Content-Security-Policy, so a violation shows
      in the preview as it would on the published site.
      /admin/ (the CMS of `make edytor`) carries its own policy, as in production, and is
      served as built: no reload script, no error page.
    """

    state: State
    hosts: frozenset[str] = frozenset()
    search_delta: Path | None = None
    admin_policy: str = POLICY  # /admin/'s own policy (portal_cms.policy), set by main()

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        admin = self.path.startswith(ADMIN)
        self.send_header("Content-Security-Policy", self.admin_policy if admin else POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def _refused(self) -> bool:
        """Answer 421 or 404 and return True when the request must not be served."""
        if (self.headers.get("Host") or "").lower() not in self.hosts:
            self._send(421, "text/plain; charset=utf-8", "Nieznany adres serwera podglądu.\n".encode())
            return True
        target = os.path.realpath(self.translate_path(self.path.split("?", 1)[0]))
        root = os.path.realpath(self.directory)
        if target != root and not target.startswith(root + os.sep):
            self._send(404, "text/plain; charset=utf-8", b"Nie ma takiej strony.\n")
            return True
        return False

    def do_HEAD(self) -> None:  # noqa: N802 - the http.server API
        if not self._refused():
            super().do_HEAD()

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        if self._refused():
            return
        path = self.path.split("?", 1)[0]
        if path == "/__portal/reload.js":
            return self._send(200, "application/javascript; charset=utf-8", RELOAD_SCRIPT)
        if path == "/__portal/events":
            return self._events()
        if path.startswith(SEARCH_DELTA_URL):
            return self._search_delta(path[len(SEARCH_DELTA_URL) :])
        # the CMS is served as built: no reload script (a rebuild after a save must not
        # reload the form being edited) and no error page (the form is how to fix the error)
        is_page = not path.startswith(ADMIN) and (path.endswith("/") or path.endswith(".html"))
        version, error = self.state.version, self.state.error  # before the page is read
        if error is not None and is_page:
            return self._send(500, "text/html; charset=utf-8", error_page(error, version))
        if is_page:
            target = Path(self.translate_path(path))
            if target.is_dir():
                target = target / "index.html"
            if target.is_file():
                body = target.read_bytes().replace(b"</body>", inject(version) + b"</body>", 1)
                return self._send(200, "text/html; charset=utf-8", body)
        return super().do_GET()

    def _search_delta(self, name: str) -> None:
        """A file of the small search index (404 while there is none)."""
        from portal_content.files import contained

        file = contained(self.search_delta, name) if self.search_delta is not None and name else None
        if file is None or not file.is_file():
            return self._send(404, "text/plain; charset=utf-8", b"Nie ma takiego pliku.\n")
        kind = "application/json" if file.suffix == ".json" else "application/octet-stream"
        if file.suffix == ".js":
            kind = "application/javascript; charset=utf-8"
        return self._send(200, kind, file.read_bytes())

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        sent = None
        try:
            while True:
                with self.state.changed:
                    if sent == self.state.version:
                        self.state.changed.wait(timeout=15)
                    version = self.state.version
                message = f"data: {version}\n\n" if version != sent else ": czekam\n\n"
                self.wfile.write(message.encode())
                self.wfile.flush()
                sent = version
        except (BrokenPipeError, ConnectionResetError):
            return


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host header values of requests to the address the server is bound to (a loopback
    address may also be called localhost, which never leaves the machine)."""
    names = {host.lower()} | (
        {"localhost", "127.0.0.1", "::1"} if host in ("127.0.0.1", "::1", "localhost") else set()
    )
    hosts = {f"[{name}]" if ":" in name else name for name in names}
    return frozenset(f"{name}:{port}" for name in hosts) | (frozenset(hosts) if port == 80 else frozenset())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument("--content")
    parser.add_argument("--catalogue")
    # not output/: the preview holds drafts, and output/ is what `make publish` uploads
    parser.add_argument("--output", default=str(ROOT / ".cache" / "podglad"))
    parser.add_argument(
        "--full-index-after",
        type=float,
        default=10.0,
        metavar="SEKUNDY",
        help="after an edit of news text the edited pages are searchable at once; the whole"
        " site is indexed again after this many seconds without a save (default 10)",
    )
    args = parser.parse_args(argv)
    args.drafts = True  # drafts are shown here, with a "SZKIC" banner, and nowhere else
    args.render_workers = None  # the first build runs before any thread: all cores
    portal.init_logging()
    watched = [ROOT / name for name in WATCHED if name not in ("content", "catalogue")]
    watched += [Path(args.content or ROOT / "content"), Path(args.catalogue or ROOT / "catalogue")]
    state = State()
    watcher = Watcher(watched)
    search = portal.SearchRefresh(args, quiet=args.full_index_after)
    atexit.register(search.stop)  # a full search index still running ends with the server
    build(args, state, search)
    # later builds: one process. The server's threads exist then, and forking a threaded
    # process can copy a lock some thread holds (an edit of news text re-renders a few pages).
    args.render_workers = 1
    Path(args.output).mkdir(parents=True, exist_ok=True)
    threading.Thread(target=watch, args=(watcher, args, state, search), daemon=True).start()
    Handler.state = state
    Handler.hosts = allowed_hosts(args.host, args.port)
    Handler.search_delta = portal.delta_folder(Path(args.output).resolve())
    from portal_cms.policy import admin_policy

    Handler.admin_policy = admin_policy(portal.load_settings(args))
    handler = functools.partial(Handler, directory=args.output)
    server = http.server.ThreadingHTTPServer((args.host, args.port), handler)
    server.daemon_threads = True
    print(
        f"Podgląd: http://{args.host}:{args.port}/  (Ctrl+C kończy; zapis pliku przebudowuje stronę;"
        f" {watcher.describe()})",
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nKoniec podglądu.")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
