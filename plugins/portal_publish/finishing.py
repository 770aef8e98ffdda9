"""The steps that finish a built site in place: fingerprinting, minifying, the Pagefind
index and precompression. Each is deterministic (same input, same bytes)."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

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
        command = [sys.executable, "-m", "pagefind", "--site", str(output)]
        command += ["--force-language", language, "--silent"]
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
        entry = json.loads(self.folder.joinpath("pagefind-entry.json").read_text(encoding="utf-8"))
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


def _compress(path: str) -> int:
    import brotli

    file = Path(path)
    data = file.read_bytes()
    written = 0
    for suffix, packed in (
        (".gz", gzip.compress(data, compresslevel=9, mtime=0)),
        (".br", brotli.compress(data, quality=11)),
    ):
        if len(packed) < len(data):
            Path(path + suffix).write_bytes(packed)
            written = 1
    return written


def precompress(output: Path, workers: int) -> int:
    """Write name.gz and name.br beside every text file worth compressing."""
    files = [
        str(p)
        for p in sorted(output.rglob("*"))
        if p.suffix in TEXT_SUFFIXES and p.is_file() and p.stat().st_size >= MIN_COMPRESS
    ]
    return sum(Parallel(_compress, files, workers, chunk=16).results())
