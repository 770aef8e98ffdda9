"""Every file under the content roots, and the files that content fields name.

A build publishes nothing it has not checked. So before anything is read, every entry under
``PATH`` (content/) and ``CATALOGUE_PATH`` (catalogue/) is put in one of three places:

- a content file of a registered kind (its folder and suffix, e.g. ``aktualnosci/**/*.md``),
  or a data file (``region/wielkopolska.yaml``): read and validated by the schemas;
- a media file of an allowed type in its documented folder (``MEDIA``): photos, films,
  captions, documents; checked when a field names it (photos: every one, see
  validate.py);
- anything else: a problem with one Polish sentence naming the file. Symbolic links (they
  can point anywhere on the build machine), file names that are not UTF-8, folders named
  like files, files over the size limit, ``.html``/``.svg``/``.js`` (where a script can
  hide), and suffixes Pelican would otherwise read unchecked (``.markdown``, ``.rst``).

Only the names in ``IGNORED`` (editors' lock and swap files, operating-system metadata) are
passed over, and docs/redakcja.md lists them.

Fields that name a file (``image.src``, a film's ``file``) are checked in two steps: the
schema refuses a path that is absolute, climbs with ``..``, has the wrong type or lies
outside the field's folder (``media_path``), before anything touches the disk - so a
message never says whether a file outside the repository exists; then ``contained`` finds
the file inside the root (following no link out of it).
"""

from __future__ import annotations

import fnmatch
import functools
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .problems import Problem, display_path

MB = 1_000_000


@dataclass(frozen=True)
class Media:
    """A kind of file content may name: its types, its folders and its size limit."""

    name: str  # in messages: "zdjęcie", "plik wideo" ...
    suffixes: frozenset[str]  # lower case; a file's suffix is compared in lower case
    folders: tuple[str, ...]  # under the root; "" = anywhere in it
    root: str  # the setting that names the root
    max_bytes: int

    def describe_folders(self, root_name: str) -> str:
        return " albo ".join(f"{root_name}/{f}/" if f else f"{root_name}/" for f in self.folders)

    def describe_types(self) -> str:
        return ", ".join(sorted(s.lstrip(".").upper() for s in self.suffixes))


PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})
MEDIA: dict[str, Media] = {
    "photo": Media("zdjęcie", PHOTO_SUFFIXES, ("images",), "PATH", 30 * MB),
    "catalogue_photo": Media("zdjęcie", PHOTO_SUFFIXES, ("",), "CATALOGUE_PATH", 30 * MB),
    "video": Media("plik wideo", frozenset({".mp4", ".webm"}), ("filmy/pliki",), "PATH", 500 * MB),
    "captions": Media("plik napisów", frozenset({".vtt"}), ("filmy/pliki",), "PATH", 1 * MB),
    "document": Media(
        "dokument",
        frozenset({".pdf", ".odt", ".ods", ".docx", ".xlsx", ".csv"}),
        ("pliki",),
        "PATH",
        20 * MB,
    ),
}
ROOT_NAMES = {"PATH": "content", "CATALOGUE_PATH": "catalogue"}
MAX_TEXT_BYTES = MB  # content and data files (frontmatter.MAX_TEXT_BYTES reads it too)

# Passed over without a word, and listed in docs/redakcja.md: lock and swap files editors
# leave while a file is open, and the metadata operating systems write into folders.
IGNORED = (".#*", "*.swp", "*.swo", "*~", ".DS_Store", "Thumbs.db", "desktop.ini", ".directory")

# Suffixes with a sentence of their own (everything else gets the general one).
_SCRIPTED = {".html", ".htm", ".xhtml", ".svg", ".js", ".mjs", ".php", ".xml", ".swf"}
_OTHER_TEXT = {".markdown", ".mkd", ".mdown", ".rst", ".txt", ".yml", ".json", ".toml"}
_KNOWN_SUFFIXES = {".md", ".yaml"} | _SCRIPTED | _OTHER_TEXT | {s for m in MEDIA.values() for s in m.suffixes}


@dataclass
class Inventory:
    content: list[tuple[Path, str]] = field(default_factory=list)  # (path, kind name)
    media: list[tuple[Path, str]] = field(default_factory=list)  # (path, media name)
    problems: list[Problem] = field(default_factory=list)


def _is_ignored(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in IGNORED)


def _shown(path: str) -> str:
    """A path fit to print: bytes that are not UTF-8 shown as '?'."""
    return display_path(Path(os.fsdecode(os.fsencode(path)).encode("utf-8", "replace").decode("utf-8")))


def _under(relative: str, folder: str) -> bool:
    return not folder or relative.startswith(folder + "/")


def _refusal(relative: str, suffix: str, kinds: list[Any], root: str) -> str:
    """Why a file that is neither content nor media of its place is refused."""
    stem = PurePosixPath(relative).stem
    root_name = ROOT_NAMES.get(root, root)
    markdown_kinds = [k for k in kinds if k.root == root and k.suffix == ".md" and _under(relative, k.folder)]
    yaml_kinds = [k for k in kinds if k.root == root and k.suffix == ".yaml" and _under(relative, k.folder)]
    lower = suffix.lower()
    if lower in {".md", ".markdown", ".mkd", ".mdown", ".txt"} and markdown_kinds:
        return f"ten plik nie zostanie przeczytany; nazwij go '{stem}.md' (małymi literami, rozszerzenie .md)"
    if lower in {".yaml", ".yml"} and yaml_kinds:
        return f"ten plik nie zostanie przeczytany; nazwij go '{stem}.yaml' (małymi literami, rozszerzenie .yaml)"
    if lower == ".svg":
        return "grafika SVG może zawierać skrypt, więc portal jej nie publikuje; zapisz ją jako PNG"
    if lower in _SCRIPTED:
        return (
            f"pliki {lower} mogą zawierać skrypty, więc portal ich nie publikuje; "
            "treść pisz w Markdown (.md), a dokumenty wstaw jako PDF do content/pliki/"
        )
    for media in MEDIA.values():
        if lower in media.suffixes and media.root == root:
            return (
                f"{media.name} ({lower}) leży poza swoim folderem; przenieś plik do "
                f"{media.describe_folders(root_name)}"
            )
    for media in MEDIA.values():
        if lower in media.suffixes:
            other = ROOT_NAMES.get(media.root, media.root)
            return f"{media.name} ({lower}) nie należy do {root_name}/; przenieś plik do {media.describe_folders(other)}"
    if lower in {".md", ".yaml", ".markdown", ".yml"}:
        return (
            f"plik leży poza folderami treści i nie zostanie przeczytany; przenieś go do właściwego "
            f"folderu {root_name}/ (np. content/aktualnosci/2026/) albo usuń"
        )
    allowed = ", ".join(sorted({s.lstrip(".") for m in MEDIA.values() for s in m.suffixes} | {"md", "yaml"}))
    return (
        f"nieznany rodzaj pliku ({suffix or 'bez rozszerzenia'}); portal przyjmuje tylko pliki: {allowed}; "
        f"usuń go albo przenieś poza folder {root_name}/"
    )


def inventory(settings: dict[str, Any], kinds: list[Any], data_files: set[tuple[str, str]]) -> Inventory:
    """Every entry under the content roots, sorted into content, media and problems.

    ``kinds``: the registered content kinds (folder, suffix, root); ``data_files``: (root
    setting, path relative to it) of data files read by plugins.
    """
    found = Inventory()
    roots = dict.fromkeys(k.root for k in kinds)
    roots.update(dict.fromkeys(m.root for m in MEDIA.values()))
    for root in roots:
        if not settings.get(root):
            continue
        base = os.path.abspath(settings[root])
        if not os.path.isdir(base):
            continue
        for directory, dirnames, filenames in os.walk(base, onerror=None, followlinks=False):
            relative_dir = os.path.relpath(directory, base).replace(os.sep, "/")
            relative_dir = "" if relative_dir == "." else relative_dir + "/"
            for name in sorted(dirnames):
                full = os.path.join(directory, name)
                problem, _ = _entry_problem(full, name, is_dir=True)
                if problem:
                    found.problems.append(Problem(_shown(full), 1, "(plik)", problem))
                    dirnames.remove(name)
            dirnames.sort()
            for name in sorted(filenames):
                if _is_ignored(name):
                    continue
                full = os.path.join(directory, name)
                problem, info = _entry_problem(full, name, is_dir=False)
                if problem or info is None:
                    found.problems.append(Problem(_shown(full), 1, "(plik)", problem))
                    continue
                relative = relative_dir + name
                suffix = PurePosixPath(name).suffix
                kind = next(
                    (
                        k
                        for k in kinds
                        if k.root == root and k.suffix == suffix and _under(relative, k.folder)
                    ),
                    None,
                )
                size = info.st_size
                if kind is not None or (root, relative) in data_files:
                    if size > MAX_TEXT_BYTES:
                        found.problems.append(
                            Problem(_shown(full), 1, "(plik)", too_big(size, MAX_TEXT_BYTES))
                        )
                    elif kind is not None:
                        found.content.append((Path(full), kind.name))
                    continue
                media = next(
                    (
                        key
                        for key, m in MEDIA.items()
                        if m.root == root
                        and suffix.lower() in m.suffixes
                        and any(_under(relative, f) for f in m.folders)
                    ),
                    None,
                )
                if media is None:
                    found.problems.append(
                        Problem(_shown(full), 1, "(plik)", _refusal(relative, suffix, kinds, root))
                    )
                elif size > MEDIA[media].max_bytes:
                    found.problems.append(
                        Problem(_shown(full), 1, "(plik)", too_big(size, MEDIA[media].max_bytes))
                    )
                elif problem := content_problem(full, suffix):
                    found.problems.append(Problem(_shown(full), 1, "(plik)", problem))
                else:
                    found.media.append((Path(full), media))
    return found


# What the first bytes of a file of each type are (a .pdf that is really an HTML page, or a
# .jpg that is a script, is refused even when nothing names it yet).
_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".pdf": (b"%PDF-",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".webm": (b"\x1a\x45\xdf\xa3",),
}


def content_problem(path: str, suffix: str) -> str | None:
    """Why a media file's bytes are not what its name says, or None (the first bytes only:
    photos are decoded in full where content names them, see portal_images.checks)."""
    lower = suffix.lower()
    with open(path, "rb") as handle:
        head = handle.read(16)
    wrong = (
        f"plik nie jest tym, na co wskazuje rozszerzenie {lower}; zapisz go ponownie we właściwym formacie"
    )
    if lower in _SIGNATURES:
        return None if head.startswith(_SIGNATURES[lower]) else wrong
    if lower == ".webp":
        return None if head[:4] == b"RIFF" and head[8:12] == b"WEBP" else wrong
    if lower == ".mp4":
        return None if head[4:8] == b"ftyp" else wrong
    if lower in (".vtt", ".csv"):
        with open(path, "rb") as handle:
            data = handle.read()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return "plik tekstowy nie jest zapisany w UTF-8; zapisz go jako UTF-8"
        if "\x00" in text:
            return wrong
        if lower == ".vtt" and not text.startswith("WEBVTT"):
            return "plik napisów musi zaczynać się od WEBVTT (format WebVTT)"
    return None


def too_big(size: int, limit: int) -> str:
    return (
        f"plik ma {size / MB:.1f} MB, a może mieć najwyżej {limit // MB} MB; "
        "zmniejsz go (zdjęcie: ok. 2400 px szerokości, JPEG) albo podziel"
    )


def _entry_problem(full: str, name: str, is_dir: bool) -> tuple[str | None, os.stat_result | None]:
    """Why an entry is refused whatever its place (or None), and its own status (one
    lstat: a link is never followed)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return (
            "nazwa pliku nie jest zapisana w UTF-8 (np. skopiowana ze starego systemu); "
            "zmień ją na nazwę z małych liter bez polskich znaków"
        ), None
    info = os.lstat(full)
    if stat.S_ISLNK(info.st_mode):
        return (
            "dowiązanie symboliczne (link do innego miejsca na dysku) nie jest dozwolone; "
            "zastąp je zwykłym plikiem albo folderem (kopią)"
        ), info
    if is_dir:
        suffix = PurePosixPath(name).suffix.lower()
        if suffix in _KNOWN_SUFFIXES:
            return (
                f"folder ma nazwę jak plik ({name}); zmień nazwę folderu albo przenieś jego zawartość",
                info,
            )
        return None, info
    if not stat.S_ISREG(info.st_mode):
        return "to nie jest zwykły plik; usuń go", info
    return None, info


@functools.lru_cache(maxsize=256)
def _real(root: str) -> str:
    return os.path.realpath(root)


def contained(root: str | Path, relative: str) -> Path | None:
    """The file ``relative`` names under ``root``, or None when its real location (links
    followed) is not inside the root. ``relative`` has passed ``media_path``."""
    base = _real(os.fspath(root))
    target = os.path.realpath(os.path.join(base, relative))
    if not target.startswith(base + os.sep):
        return None
    return Path(target)


def path_problem(value: str, media_names: tuple[str, ...], base: str = "") -> str | None:
    """Why ``value`` cannot name a file of ``media_names`` (checked on the text alone, so
    the answer says nothing about files outside the repository), or None.

    ``base``: the folder the path is relative to, below the root (a product photo is
    relative to its product file's folder).
    """
    medias = [MEDIA[name] for name in media_names]
    root_name = ROOT_NAMES.get(medias[0].root, medias[0].root)
    folders = " albo ".join(m.describe_folders(root_name) for m in medias)
    types = ", ".join(m.describe_types() for m in medias)
    if any(ord(ch) < 32 or ch in '\\"<>|?*' for ch in value):
        return (
            f"ścieżka zawiera niedozwolony znak; użyj małych liter, cyfr, '-', '_' i '/' (plik z {folders})"
        )
    parts = value.split("/")
    if value.startswith(("/", "~")) or (len(value) > 1 and value[1] == ":"):
        return f"ścieżka nie może być bezwzględna; wpisz ją względem folderu {root_name}/ (plik z {folders})"
    if any(part in ("", ".", "..") for part in parts):
        return f"ścieżka nie może wychodzić poza folder ani zawierać '..' i '//'; wpisz plik z {folders}"
    suffix = PurePosixPath(value).suffix.lower()
    if not any(suffix in m.suffixes for m in medias):
        return f"tu można wskazać tylko pliki {types} (nie {suffix or 'bez rozszerzenia'}); plik z {folders}"
    relative = f"{base}/{value}" if base else value
    if not any(_under(relative, f) for m in medias for f in m.folders):
        return f"plik musi leżeć w {folders}; przenieś go tam i popraw ścieżkę"
    return None
