"""The steps that finish a built site in place: fingerprinting, minifying, the Pagefind
index and precompression. Each is deterministic (same input, same bytes)."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

from portal_build import carry
from portal_core.parallel import Parallel

FINGERPRINTED = ("theme/**/*.css", "theme/**/*.js", "obrazy/*.css")
TEXT_SUFFIXES = {
    ".html",
    ".css",
    ".js",
    ".mjs",
    ".json",
    ".xml",
    ".svg",
    ".txt",
    ".csv",
    ".vtt",
    ".ics",
    ".webmanifest",
}
MIN_COMPRESS = 512  # bytes; smaller files gain nothing from a compressed copy


class PublishError(Exception):
    """A finishing step failed; the message says which and why, in Polish."""


def xml_escape(text: str) -> str:
    return escape(text)


def fingerprint(output: Path, siteurl: str) -> int:
    """Rename CSS/JS files to name.<hash>.ext and point every HTML reference at the new name.

    The hash is of the file's bytes, so a changed file gets a new name and browsers may
    cache the files for a year. The old names are removed: a reference that was not
    rewritten shows up as a broken link in the link checker.
    """
    renames: dict[str, str] = {}
    for pattern in FINGERPRINTED:
        for path in sorted(output.glob(pattern)):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
            target = path.with_name(f"{path.stem}.{digest}{path.suffix}")
            path.rename(target)
            renames[path.relative_to(output).as_posix()] = target.relative_to(output).as_posix()
    if not renames:
        return 0
    replacements = {
        f'"{siteurl}/{old}"'.encode(): f'"{siteurl}/{new}"'.encode() for old, new in renames.items()
    }
    for page in output.rglob("*.html"):
        data = original = page.read_bytes()
        for old, new in replacements.items():
            if old in data:
                data = data.replace(old, new)
        if data != original:
            page.write_bytes(data)
    return len(renames)


# minify-html writes the shortest correct HTML: it turns &lt; and &gt; back into < and > in
# attribute values, titles and text areas, where the HTML standard reads them as text. The
# portal's pages keep every < and > the templates escaped (a reader that is not a browser
# must not see markup either), so they pass through the minifier as private-use
# characters no page contains.
_KEPT = {"&lt;": "\ue000", "&gt;": "\ue001"}


def minify_page(text: str) -> str:
    """A page minified, with every escaped < and > kept escaped (a page that contains the
    private-use stand-ins itself is left as it was)."""
    import minify_html

    if any(stand_in in text for stand_in in _KEPT.values()):
        return text
    for entity, stand_in in _KEPT.items():
        text = text.replace(entity, stand_in)
    result = minify_html.minify(text, keep_closing_tags=True, keep_html_and_head_opening_tags=True)
    for entity, stand_in in _KEPT.items():
        result = result.replace(stand_in, entity)
    return result


def _minify_file(path: str) -> bool:
    file = Path(path)
    text = file.read_text(encoding="utf-8")
    if file.suffix == ".html":
        result = minify_page(text)
    elif file.suffix == ".css":
        import rcssmin

        result = rcssmin.cssmin(text)
    else:
        import rjsmin

        result = rjsmin.jsmin(text)
    if result != text:
        file.write_text(result, encoding="utf-8")
        return True
    return False


def minify_tree(output: Path, workers: int = 2) -> int:
    """Minify every HTML page, stylesheet and script of the site (not Pagefind's bundle)."""
    files = [
        str(p) for p in sorted(output.rglob("*")) if p.suffix in {".html", ".css", ".js"} and p.is_file()
    ]
    files = [f for f in files if "/pagefind/" not in f]
    return sum(Parallel(_minify_file, files, workers, chunk=32).results())


class SearchIndexing:
    """Pagefind indexing the pages marked data-pagefind-body into output/pagefind (or
    ``into``), started in the background; ``wait()`` returns the number of pages indexed.

    Runs the Pagefind binary of the ``pagefind-bin`` package as ``python -m pagefind``: the
    command line reads the pages in a stable order and has written every file when it
    exits. (The package's service API answered before its last file was complete in our
    tests, and Pagefind's filter files come out in a different order on every run, so the
    portal keeps its search filters in page metadata instead.)
    """

    def __init__(self, output: Path, language: str, into: Path | None = None) -> None:
        self.folder = into or output / "pagefind"
        command = [sys.executable, "-m", "pagefind", "--site", str(output), "--silent"]
        if language:  # one index for every page; else one per language of the pages' <html lang>
            command += ["--force-language", language]
        if into is not None:
            command += ["--output-path", str(into)]
        # its messages go to a file: a full pipe nobody reads yet would stop Pagefind
        self.messages = tempfile.TemporaryFile()  # noqa: SIM115 - open until wait() or stop()
        try:
            self.process = subprocess.Popen(command, stdout=self.messages, stderr=subprocess.STDOUT)
        except OSError as error:
            self.messages.close()
            raise PublishError(f"Indeks wyszukiwarki (Pagefind) nie powstał: {error}") from error

    def wait(self) -> int:
        try:
            self.process.wait(timeout=1800)
        except subprocess.TimeoutExpired as error:
            self.stop()
            raise PublishError(f"Indeks wyszukiwarki (Pagefind) nie powstał: {error}") from error
        self.messages.seek(0)
        messages = self.messages.read().decode(errors="replace").strip()
        self.messages.close()
        if self.process.returncode != 0:
            raise PublishError("Indeks wyszukiwarki (Pagefind) nie powstał:\n" + messages)
        path = self.folder.joinpath("pagefind-entry.json")
        entry = json.loads(path.read_text(encoding="utf-8"))
        # with pages in two languages Pagefind lists them in any order: the same site must
        # give the same bytes (two builds of one commit are byte-identical)
        entry["languages"] = dict(sorted(entry["languages"].items()))
        path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        return sum(index["page_count"] for index in entry["languages"].values())

    def stop(self) -> None:
        """End Pagefind early (the build failed after it started)."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.messages.close()


def search_index(output: Path, language: str, into: Path | None = None) -> int:
    """Index the site with Pagefind and wait for it (see SearchIndexing)."""
    return SearchIndexing(output, language, into).wait()


def page_url(relative: str) -> str:
    """The site address of the page at ``relative`` (a path in the output with "/"), as
    Pagefind and the sitemap give it: ``a/index.html`` is ``/a/``."""
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def _fragment_url(path: str, decoder: json.JSONDecoder) -> str | None:
    """The address a Pagefind fragment (gzip of ``pagefind_dcd`` and JSON that begins with
    the address) is of; only its first bytes are read when they hold it."""
    with open(path, "rb") as file:
        head = zlib.decompressobj(31).decompress(file.read(1024))
    for data in (head, None):
        if data is None:
            data = gzip.decompress(Path(path).read_bytes())
        start = data.find(b'"url":')
        if not data.startswith(b"pagefind_dcd") or start < 0:
            return None
        try:
            url, _ = decoder.raw_decode(data[start + 6 :].decode("utf-8", "replace").lstrip())
        except ValueError:
            continue  # cut in the first bytes: read the whole fragment
        return url if isinstance(url, str) else None
    return None


_ids: dict[str, tuple[tuple[int, int], dict[str, str]]] = {}


def page_ids(index: Path, remember: bool = False) -> dict[str, str]:
    """Address -> Pagefind page id (the name of its fragment, what ``search`` results call
    ``id``) of every page in a written index; with ``remember``, kept while the index's
    entry file is the same (the devserver's main index: read once per full index)."""
    entry = index / "pagefind-entry.json"
    if not entry.is_file():
        return {}
    state = entry.stat()
    key = (state.st_mtime_ns, state.st_ino)
    known = _ids.get(str(index))
    if remember and known is not None and known[0] == key:
        return known[1]
    decoder = json.JSONDecoder()
    found: dict[str, str] = {}
    for fragment in os.scandir(index / "fragment"):
        if fragment.name.endswith(".pf_fragment"):
            url = _fragment_url(fragment.path, decoder)
            if url is not None:
                found[url] = fragment.name[: -len(".pf_fragment")]
    if remember:
        _ids[str(index)] = (key, found)
    return found


DELTA_FILE = "zmiany.json"


def delta_index(output: Path, pages: list[Path], language: str, into: Path) -> int:
    """A small Pagefind index, in ``into``, of ``pages`` of ``output`` as they are now
    (the devserver's search after an edit, until the whole site is indexed again: Pagefind
    has no incremental mode). ``into/zmiany.json`` lists the ids of the main index
    (``output/pagefind``) that it replaces (the same addresses, older text) and its own
    ids (``nowe``: they change with the text, so the search knows to load it again). The site's
    search merges it (Pagefind's ``mergeIndex``) and leaves those ids out. Returns the
    number of pages indexed."""
    searched = [p for p in pages if p.suffix == ".html" and p.is_file() and carry.SEARCHED in p.read_bytes()]
    with tempfile.TemporaryDirectory() as site:
        for page in searched:
            copy = Path(site) / page.relative_to(output)
            copy.parent.mkdir(parents=True, exist_ok=True)
            os.link(page, copy)
        count = search_index(Path(site), language, into=into) if searched else 0
    fresh = page_ids(into)
    own = set(fresh.values())
    replaced = {page_url(p.relative_to(output).as_posix()) for p in pages if p.suffix == ".html"}
    main = page_ids(output / "pagefind", remember=True)
    ids = sorted(main[url] for url in replaced if url in main and main[url] not in own)
    into.mkdir(parents=True, exist_ok=True)
    into.joinpath(DELTA_FILE).write_text(
        json.dumps({"strony": count, "nowe": sorted(own), "zastapione": ids}), encoding="utf-8"
    )
    return count


def _compress(job: tuple[str, int]) -> int:
    import brotli

    path, quality = job
    data = Path(path).read_bytes()
    written = 0
    for suffix, packed in (
        (".gz", gzip.compress(data, compresslevel=9, mtime=0)),
        (".br", brotli.compress(data, quality=quality)),
    ):
        if len(packed) < len(data):
            Path(path + suffix).write_bytes(packed)
            written = 1
    return written


def precompress(output: Path, workers: int, brotli_quality: int = 11) -> int:
    """Write name.gz and name.br beside every text file worth compressing (Brotli at
    ``brotli_quality``: 11, the smallest, costs about 70 times the time of 5 for 10 % less)."""
    files = [
        (str(p), brotli_quality)
        for p in sorted(output.rglob("*"))
        if p.suffix in TEXT_SUFFIXES and p.is_file() and p.stat().st_size >= MIN_COMPRESS
    ]
    return sum(Parallel(_compress, files, workers, chunk=16).results())
