"""Validation of every content file before anything is written.

Used by the build (``get_generators`` signal, see plugin.py) and by ``make check``. Parsed
records are kept in the content store (store.py) by path, mtime and size, so the reader
does not parse a file a second time in the same process.

Other plugins add their content kinds with ``register_kind`` (a folder under PATH and a
schema) and their cross-file checks with ``register_checker``; every problem of every kind
is then reported in one list.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from pelican.utils import slugify
from pydantic import ValidationError, create_model

from . import files, frontmatter, safety
from .problems import Problem, display_path, field_name, translate
from .schema import NewsMeta, PageMeta, Strict
from .store import store


@dataclass(frozen=True)
class Kind:
    """A kind of content: where it lives, its schema, its URL namespace.

    Markdown kinds (suffix ".md") have YAML front matter and a body; YAML kinds (".yaml",
    e.g. catalogue products) are one YAML mapping per file.
    """

    name: str
    folder: str  # under the folder named by the setting ``root``
    model: type[Strict]
    namespace: str  # slugs must be unique within a namespace
    body_required: bool = False
    suffix: str = ".md"
    root: str = "PATH"  # the setting that names the base folder


KINDS: dict[str, Kind] = {}
# A cross-file checker: given every valid record and the settings, it yields problems.
Checker = Callable[[list["Record"], dict[str, Any]], Iterable[Problem]]
CHECKERS: list[Checker] = []


def register_kind(kind: Kind) -> None:
    KINDS[kind.name] = kind


# What a Markdown body embeds from other content files (films: ``[film: ...]`` lines), as
# "kind:slug" strings: a change of it needs the cross-file checks of a full build (the
# devserver's partial update asks). Finders are registered by the wiring (portal_site).
EMBED_FINDERS: list[Callable[[str], set[str]]] = []


def register_embed_finder(finder: Callable[[str], set[str]]) -> None:
    if finder not in EMBED_FINDERS:
        EMBED_FINDERS.append(finder)


def embedded(text: str) -> set[str]:
    """Everything ``text`` embeds from other content files."""
    return {found for finder in EMBED_FINDERS for found in finder(text)}


def register_checker(checker: Checker) -> None:
    if checker not in CHECKERS:
        CHECKERS.append(checker)


# What is worth telling the editor but does not stop a build (a PDF without tags: the
# statement of accessibility lists it), as problems in the same format. The sources are
# registered by the wiring (portal_site); ``validate_content`` keeps the last answer for
# the command that prints it (tools/portal.py).
NOTICE_SOURCES: list[Checker] = []
LAST_NOTICES: list[Problem] = []


def register_notice_source(source: Checker) -> None:
    if source not in NOTICE_SOURCES:
        NOTICE_SOURCES.append(source)


register_kind(Kind("news", "aktualnosci", NewsMeta, "news", body_required=True))
register_kind(Kind("page", "strony", PageMeta, "page"))


@dataclass
class Record:
    path: Path
    kind: str
    meta: Strict
    doc: frontmatter.FrontMatter
    # a partial record (``partial_record``): the fields that did not validate (reading one
    # raises AttributeError) and those still holding UZUPEŁNIJ; the other checks of its
    # file run in the same pass, and their problems about these fields are dropped
    unchecked: frozenset[str] = frozenset()

    def problem(self, loc: tuple, message: str, field: str | None = None) -> Problem:
        """A problem of this file at the line of ``loc`` (the field named by ``loc`` unless
        ``field`` names it otherwise)."""
        return Problem(display_path(self.path), self.doc.line_for(loc), field or field_name(loc), message)

    @functools.cached_property
    def slug(self) -> str:
        # The file name, not the title: editing a title must not break published links.
        meta: Any = self.meta
        return getattr(meta, "slug", None) or slugify(self.path.stem, regex_subs=SLUG_SUBS)


Rule = Callable[["Record", Any], Iterable[Problem]]


def rule(*kinds: str) -> Callable[[Rule], Rule]:
    """Marks ``function(record, facts)`` as a rule for the records of ``kinds`` (every
    record when none is named)."""

    def mark(function: Rule) -> Rule:
        function.kinds = kinds  # type: ignore[attr-defined]
        return function

    return mark


@dataclass(frozen=True)
class Rules:
    """A cross-file checker that reads as a list of rules.

    ``facts(records, settings)`` gathers once what the rules compare with (the slugs of
    other kinds, the region ...). Facts may carry ``problems`` of their own (yielded
    first), and facts that are false skip every rule (what they lack was reported). Each
    rule (see ``rule``) looks at one record and yields its problems."""

    facts: Callable[[list[Record], dict[str, Any]], Any]
    rules: tuple[Rule, ...]

    def __call__(self, records: list[Record], settings: dict[str, Any]) -> Iterator[Problem]:
        try:
            facts = self.facts(records, settings)
        except (AttributeError, TypeError, ValueError, KeyError):
            # a partial record lacks what the facts read: gathered from the whole ones
            facts = self.facts([r for r in records if not r.unchecked], settings)
        yield from getattr(facts, "problems", ())
        if not facts:
            return
        for record in records:
            for check in self.rules:
                kinds = getattr(check, "kinds", ())
                if not kinds or record.kind in kinds:
                    yield from _checked(check, record, facts)


def _checked(check: Rule, record: Record, facts: Any) -> Iterable[Problem]:
    """The rule's problems; for a partial record only those about the fields that did
    validate, and none from a rule that needed a field it lacks (its problem was reported)."""
    if not record.unchecked:
        return check(record, facts)
    try:
        found = list(check(record, facts))
    except (AttributeError, TypeError, ValueError, KeyError):
        return []
    return [
        p for p in found if _top_field(p.field) not in record.unchecked and p.field not in record.unchecked
    ]


def _top_field(field: str) -> str:
    return re.split(r"[.\[ ]", field, maxsplit=1)[0]


# What `make new-...` writes where the editor has to fill something in: the checker names
# every such field (with the hint after the word) until it is replaced.
PLACEHOLDER = "UZUPEŁNIJ"


def placeholders(data: Any, loc: tuple = ()) -> list[tuple[tuple, str]]:
    """(location, hint) of every value that still holds the scaffolding placeholder."""
    if isinstance(data, str):
        if PLACEHOLDER in data:
            return [(loc, data.split(PLACEHOLDER, 1)[1].lstrip(" :") or "wpisz wartość")]
        return []
    if isinstance(data, dict):
        return [found for key, value in data.items() for found in placeholders(value, (*loc, key))]
    if isinstance(data, list):
        return [found for index, value in enumerate(data) for found in placeholders(value, (*loc, index))]
    return []


SLUG_SUBS = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]


def kind_of(path: Path, content_root: Path) -> str | None:
    try:
        first = path.resolve().relative_to(content_root.resolve()).parts[0]
    except (ValueError, IndexError):
        return None
    for kind in KINDS.values():
        if first == kind.folder:
            return kind.name
    return None


def load(path: Path, kind: str) -> Record | list[Problem]:
    """Parse and validate one file; a Record, or the problems that stop it (kept in the
    content store while the file is unchanged)."""
    return store.read(path, lambda: read_record(path, kind))


def read_record(path: Path, kind: str) -> Record | list[Problem]:
    """Parse and validate one file without the cache; a Record, or the problems."""
    shown = display_path(path)
    markdown = KINDS[kind].suffix == ".md"
    try:
        doc = frontmatter.parse_file(path) if markdown else frontmatter.parse_yaml_file(path)
    except frontmatter.FrontMatterError as error:
        where = error.field or ("(nagłówek)" if markdown else "(plik)")
        return [Problem(shown, error.line, where, error.message)]
    model = KINDS[kind].model
    unfilled = placeholders(doc.data)
    problems: list[Problem] = [
        Problem(shown, doc.line_for(loc), field_name(loc), f"do uzupełnienia: {hint}")
        for loc, hint in unfilled
    ]
    if markdown:
        problems += [
            Problem(shown, doc.body_line + index, "(treść)", message)
            for index, message in safety.body_problems(doc.body)
        ]
        for number, line in enumerate(doc.body.splitlines()):
            if PLACEHOLDER in line:
                hint = line.split(PLACEHOLDER, 1)[1].lstrip(" :").rstrip(" *_.") or "napisz tekst"
                problems.append(Problem(shown, doc.body_line + number, "(treść)", f"do uzupełnienia: {hint}"))
    try:
        meta = model.model_validate(doc.data)
    except ValidationError as error:
        marked = {loc for loc, _ in unfilled}
        return problems + [
            Problem(shown, doc.line_for(tuple(e["loc"])), field_name(tuple(e["loc"])), translate(model, e))
            for e in error.errors()
            if not any(tuple(e["loc"])[: len(loc)] == loc for loc in marked)
        ]
    for loc, text in _markdown_fields(meta):
        problems += [
            Problem(shown, doc.line_for(loc), field_name(loc), message)
            for _, message in safety.body_problems(text)
        ]
    if KINDS[kind].body_required and not doc.body.strip():
        problems.append(
            Problem(shown, doc.body_line, "(treść)", "brak treści; napisz tekst pod zamykającą linią '---'")
        )
    return problems or Record(path, kind, meta, doc)


@functools.cache
def _lenient(model: type[Strict], unchecked: frozenset[str]) -> type[Strict]:
    """The model with the ``unchecked`` fields optional and untyped (None when absent)."""
    loose = {name: (Any, None) for name in unchecked if name in model.model_fields}
    return create_model(f"Partial{model.__name__}", __base__=model, **loose)  # type: ignore[call-overload]


def partial_record(path: Path, kind: str, problems: list[Problem]) -> Record | None:
    """A record of a file with problems, made of the fields that have none, so the checks
    of other fields (a product's maker and photos beside a wrong category, the photo of a
    news item whose alt text still says UZUPEŁNIJ) report in the same pass instead of one
    round at a time. None when the file cannot be read at all."""
    if {_top_field(p.field) for p in problems} & {"(nagłówek)", "(plik)"}:
        return None
    try:
        markdown = KINDS[kind].suffix == ".md"
        doc = frontmatter.parse_file(path) if markdown else frontmatter.parse_yaml_file(path)
    except (frontmatter.FrontMatterError, OSError):
        return None
    if not isinstance(doc.data, dict):
        return None
    unfilled = {field_name(loc) for loc, _ in placeholders(doc.data)}
    # a placeholder stands in for text: checked as a word, its own problem already reported
    data = _filled(doc.data)
    broken = {_top_field(p.field) for p in problems if p.field not in unfilled}
    for _ in range(2):
        model = _lenient(KINDS[kind].model, frozenset(broken))
        try:
            meta = model.model_validate({k: v for k, v in data.items() if k not in broken})
            break
        except ValidationError as error:  # a placeholder where a number or a date belongs
            broken |= {str(e["loc"][0]) for e in error.errors() if e["loc"]}
    else:
        return None
    unchecked = frozenset(broken | unfilled)
    return Record(path, kind, _Unchecked(meta, frozenset(broken)), doc, unchecked)  # type: ignore[arg-type]


def _filled(data: Any) -> Any:
    if isinstance(data, str):
        return "x" if PLACEHOLDER in data else data
    if isinstance(data, dict):
        return {key: _filled(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_filled(value) for value in data]
    return data


class _Unchecked:
    """A partial record's fields: reading one that did not validate raises AttributeError,
    so a rule that needs it is skipped (``_checked``) rather than misled by a stand-in."""

    def __init__(self, meta: Strict, unchecked: frozenset[str]) -> None:
        self._meta, self._unchecked = meta, unchecked

    def __getattr__(self, name: str) -> Any:
        if name in self._unchecked:
            raise AttributeError(f"{name}: pole z problemem")
        return getattr(self._meta, name)


DATA_FILES: set[tuple[str, str]] = set()  # (root setting, path below it) of data files


def register_data_file(root: str, relative: str) -> None:
    """A data file a plugin reads and validates itself (e.g. the region's powiats)."""
    DATA_FILES.add((root, relative))


def read_data_file(path: Path, model: type[Strict]) -> tuple[Any, Any, list[Problem]]:
    """A data file read and validated by its schema: (data, the parsed document for
    line numbers, []) or (None, None, its problems, each at its line)."""
    shown = display_path(path)
    try:
        doc = frontmatter.parse_yaml_file(path)
    except frontmatter.FrontMatterError as error:
        return None, None, [Problem(shown, error.line, "(plik)", error.message)]
    try:
        return model.model_validate(doc.data), doc, []
    except ValidationError as error:
        return (
            None,
            None,
            [
                Problem(
                    shown, doc.line_for(tuple(e["loc"])), field_name(tuple(e["loc"])), translate(model, e)
                )
                for e in error.errors()
            ],
        )


def scan(settings: dict[str, Any] | Path) -> files.Inventory:
    """Every entry under the content roots: content files, media files and the entries
    refused (see files.py); a bare Path stands for PATH. Walked once per build: the
    result is kept until ``forget_scan`` (called when a build or a check starts)."""
    if isinstance(settings, Path):
        settings = {"PATH": settings}
    roots = tuple(
        os.path.abspath(settings[root]) if settings.get(root) else None for root in files.ROOT_NAMES
    )
    key = (roots, tuple(KINDS), frozenset(DATA_FILES))  # a kind registered later changes the answer
    found = settings
    return store.walk(key, lambda: files.inventory(found, list(KINDS.values()), DATA_FILES))


def forget_scan() -> None:
    """The files may have changed: the next ``scan`` walks the roots again."""
    store.forget_walk()


@functools.cache
def _markdown_names(model: type[Strict]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A model's fields rendered as Markdown (their descriptions say so), and all its fields
    (where a nested model may hold more)."""
    fields = model.model_fields
    marked = tuple(n for n, info in fields.items() if "markdown" in (info.description or "").lower())
    return marked, tuple(fields)


def _markdown_fields(model: Any, loc: tuple = ()) -> list[tuple[tuple, str]]:
    """(location, text) of every field rendered as Markdown, e.g. the accessibility
    statement's procedure: checked like a body."""
    marked, names = _markdown_names(type(model))
    found = [((*loc, n), getattr(model, n)) for n in marked if isinstance(getattr(model, n), str)]
    for name in names:
        value = getattr(model, name)
        if isinstance(value, Strict):
            found += _markdown_fields(value, (*loc, name))
    return found


def content_files(settings: dict[str, Any] | Path) -> list[tuple[Path, str]]:
    """Every content file of every registered kind (never one behind a symbolic link)."""
    return scan(settings).content


def records_of(settings: dict[str, Any], kind: str) -> list[Record]:
    """The valid records of one kind, for generators (which run after validation passed)."""
    found = []
    for path, name in content_files(settings):
        if name == kind:
            record = load(path, kind)
            if not isinstance(record, list):
                found.append(record)
    return found


def check_named_image(root: Path, relative: str, settings: dict[str, Any]) -> str | None:
    """What is wrong with the photo a field names (``relative``, already a valid path for
    its field), or None. Never reads a file whose real place is outside ``root``."""
    # Imported here: portal_images is a sibling plugin on the same plugin path.
    from portal_images.checks import check_image

    path = files.contained(root, relative)
    if path is None:
        return "ścieżka prowadzi przez dowiązanie symboliczne poza folder; użyj zwykłego pliku w repozytorium"
    return check_image(path, settings, label=relative)


def _link_problems(record: Record, root: Path, by_path: dict[str, Record]) -> list[Problem]:
    """Pelican's links in a body: {static}/{attach} only to documents in content/pliki/,
    {filename} only to published content; nothing that leaves content/ (Pelican would
    copy whatever such a link names, from anywhere on the machine, into the site)."""
    found = []
    shown = display_path(record.path)
    for index, url in safety.links_in(record.doc.body):
        match = safety.INTRASITE.match(url)
        if match is None:
            continue
        what, target = match.groups()

        def add(message: str, index: int = index, url: str = url) -> None:
            found.append(Problem(shown, record.doc.body_line + index, "(treść)", f"link {url}: {message}"))

        if what in ("index", "category", "tag"):
            continue
        if what not in ("static", "attach", "filename"):
            add(
                "nieznany rodzaj linku; pisz {filename}ścieżka.md do treści albo {static}/pliki/nazwa.pdf do dokumentu"
            )
            continue
        path = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if path.startswith("/"):
            relative = posixpath.normpath(path.lstrip("/"))
        else:
            here = Path(os.path.relpath(record.path.parent, root)).as_posix()
            relative = posixpath.normpath(f"{here}/{path}")
        if not path or relative.startswith("../") or relative in (".", "..") or "\\" in path:
            add("link musi prowadzić do pliku w folderze content/ (bez wychodzenia poza niego)")
            continue
        if what == "filename":
            linked = by_path.get(os.path.abspath(root / relative))
            if linked is None:
                document = files.path_problem(relative, ("document",)) is None
                add(
                    "do dokumentu linkuj przez {static}, np. {static}/" + relative
                    if document
                    else "nie ma takiej treści; wpisz ścieżkę pliku .md względem content/, np. {filename}/strony/kontakt.md"
                )
            elif getattr(linked.meta, "status", "published") == "draft":
                add(
                    "ten plik to szkic (status: draft), którego strona nie jest publikowana; usuń link albo opublikuj szkic"
                )
            continue
        problem = files.path_problem(relative, ("document",))
        if problem:
            add(problem)
            continue
        document_file = files.contained(root, relative)
        if document_file is None or not document_file.is_file():
            add(f"nie ma pliku content/{relative}; sprawdź nazwę (dokumenty leżą w content/pliki/)")
    return found


def validate_content(settings: dict[str, Any]) -> tuple[list[Record], list[Problem]]:
    """All records and all problems of the content tree at settings['PATH']."""
    content_root = Path(settings["PATH"])
    records: list[Record] = []
    found = scan(settings)
    problems: list[Problem] = list(found.problems)
    partial: list[Record] = []
    for path, kind in found.content:
        result = load(path, kind)
        if isinstance(result, list):
            problems.extend(result)
            record = partial_record(path, kind, result)
            if record is not None:
                partial.append(record)
        else:
            records.append(result)

    seen: dict[tuple[str, str], Record] = {}
    for record in [*records, *partial]:
        meta: Any = record.meta
        shown = display_path(record.path)
        key = (KINDS[record.kind].namespace, record.slug)
        if key in seen:
            other = display_path(seen[key].path)
            line = record.doc.line_for(("slug",)) if getattr(meta, "slug", None) else 1
            problems.append(
                Problem(
                    shown,
                    line,
                    "slug",
                    f"adres „{record.slug}” ma już {other}; dopisz inne pole 'slug:', "
                    f"np. 'slug: {record.slug}-2'",
                )
            )
        else:
            seen[key] = record
        image = getattr(meta, "image", None)
        if image is not None and "image" not in record.unchecked:
            message = check_named_image(content_root, image.src, settings)
            if message:
                problems.append(Problem(shown, record.doc.line_for(("image", "src")), "image.src", message))
    by_path = {os.path.abspath(r.path): r for r in records}
    for record in [*records, *partial]:
        if KINDS[record.kind].suffix == ".md" and ("{" in record.doc.body or "|" in record.doc.body):
            problems.extend(_link_problems(record, content_root, by_path))
    for checker in CHECKERS:
        problems.extend(checker([*records, *partial], settings))
    LAST_NOTICES[:] = (
        [] if problems else sorted({n for source in NOTICE_SOURCES for n in source(records, settings)})
    )
    return records, problems
