"""YAML front matter with line numbers.

Pelican's Markdown reader only knows the ``Key: value`` meta block; the working group
writes YAML (lists, nested ``image:`` blocks), and every error must name a line. So the
front matter is composed into a YAML node tree (which keeps marks) and constructed from it;
the line of every field is kept (``FrontMatter.lines``), not the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .files import MAX_TEXT_BYTES
from .problems import plural_pl

try:  # the C loader is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

DELIMITER = "---"


class _PortalLoader(_Loader):  # type: ignore[misc, valid-type]
    """Safe loader for hand-edited files: numbers with leading zeros stay text.

    YAML 1.1 reads 0000123456 (a KRS number) as an octal integer and 61:30 as base-60;
    an editor never means either. Only plain decimal integers are integers here.
    """


# Dates stay text too: the schemas read them (PyYAML's own reading of 2026-02-30 ends in a
# ValueError that names no line, and it drops the offset of 10:00+02:00 without a word).
_PortalLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}
_PortalLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?(?:0|[1-9][0-9]*))$"), list("-+0123456789")
)


class FrontMatterError(Exception):
    """The file cannot be split or parsed; carries the 1-based line."""

    def __init__(self, line: int, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.field = field  # the field it concerns, when one is known


@dataclass
class FrontMatter:
    data: dict[str, Any]
    body: str
    body_line: int  # 1-based line where the Markdown body starts
    lines: dict[tuple[str | int, ...], int]  # 1-based line of every field and list item

    def line_for(self, loc: tuple[str | int, ...]) -> int:
        """The 1-based line of the value at ``loc`` or of its nearest present parent."""
        for end in range(len(loc), 0, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return self.lines.get((), 1)


def _line_map(node: yaml.Node, offset: int) -> dict[tuple[str | int, ...], int]:
    """Where each field and list item is written (keys: their paths in the data), made once
    when the file is read: a line map is a fraction of the node tree's size, so records
    kept on disk between builds load quickly."""
    lines: dict[tuple[str | int, ...], int] = {(): node.start_mark.line + 1 + offset}
    stack: list[tuple[tuple[str | int, ...], yaml.Node]] = [((), node)]
    while stack:
        loc, current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            for key, value in reversed(current.value):  # the first of a repeated key wins
                if isinstance(key, yaml.ScalarNode):
                    lines[(*loc, key.value)] = key.start_mark.line + 1 + offset
                    stack.append(((*loc, key.value), value))
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                lines[(*loc, index)] = item.start_mark.line + 1 + offset
                stack.append(((*loc, index), item))
    return lines


# PyYAML's words for the mistakes editors make most, in Polish with the fix.
_YAML_HINTS = (
    (
        "mapping values are not allowed",
        "dwukropek w nieoczekiwanym miejscu; jeśli wartość zawiera dwukropek, ujmij ją w cudzysłów "
        '(np. title: "Gala: podsumowanie"), a w linii wyżej sprawdź dwukropek po nazwie pola',
    ),
    ("could not find expected ':'", "brak dwukropka po nazwie pola; pisz 'nazwa: wartość'"),
    ("tab character", "tabulator we wcięciu; wcięcia rób spacjami (po dwie)"),
    ("found character '\\t'", "tabulator we wcięciu; wcięcia rób spacjami (po dwie)"),
    (
        "did not find expected key",
        "niewłaściwe wcięcie; pola podrzędne wcinaj równo, pola główne pisz od początku linii",
    ),
    ("found unexpected end of stream", "niezamknięty cudzysłów; dopisz cudzysłów na końcu tekstu"),
    (
        "found unknown escape character",
        "ukośnik wsteczny w cudzysłowie; użyj apostrofów ' zamiast cudzysłowu",
    ),
    (
        "expected <block end>",
        "niewłaściwe wcięcie; pola podrzędne wcinaj równo, pola główne pisz od początku linii",
    ),
    ("found duplicate anchor", "znak & na początku wartości; ujmij tekst w cudzysłów"),
    ("found undefined alias", "znak * na początku wartości; ujmij tekst w cudzysłów"),
)


_KEY_LINE = re.compile(r"^( *)(- +)?([^\s:#][^:#]*?):(?:\s+(.*))?$")


def _spaces(count: int) -> str:
    return f"{count} {plural_pl(count, 'spację', 'spacje', 'spacji')}"


def _at(column: int) -> str:
    return "od początku linii" if column == 0 else f"wcięcie: {_spaces(column)}"


def _indentation(yaml_text: str, index: int, line: int) -> str | None:
    """What is wrong with the indentation of line ``index`` (0-based in ``yaml_text``, ``line``
    in the file), in words, or None when the indentation is not the problem."""
    lines = yaml_text.splitlines()
    if not 0 <= index < len(lines):
        return None
    here = _KEY_LINE.match(lines[index])
    if here is None:
        return None
    column = len(here.group(1)) + len(here.group(2) or "")
    # the fields above: (column of the key, key, whether it opens a block of sub-fields)
    above = []
    for text in lines[:index]:
        found = _KEY_LINE.match(text)
        if found and not text.lstrip().startswith("#"):
            key_column = len(found.group(1)) + len(found.group(2) or "")
            above.append((key_column, found.group(3), not (found.group(4) or "").strip()))
    if not above:
        return None
    last_column, last_key, opens = above[-1]
    key = here.group(3)
    if column > last_column and not opens:
        return (
            f"niewłaściwe wcięcie: linia {line} ({key}) jest wcięta na {_spaces(column)}, bardziej niż "
            f"pole wyżej ({last_key}), które ma już wartość; pole tego samego poziomu pisz tak jak "
            f"{last_key} ({_at(last_column)}), a pole podrzędne pod polem bez wartości (np. pod 'image:')"
        )
    levels = sorted({c for c, _, _ in above if c <= last_column})
    if column < last_column and column not in levels:
        parent = next((k for c, k, o in reversed(above) if o and c < last_column), None)
        under = (
            f"pola pod „{parent}” mają {_at(last_column)}" if parent else f"pole wyżej: {_at(last_column)}"
        )
        others = " albo ".join(_at(c) for c in levels if c != last_column)
        return (
            f"niewłaściwe wcięcie: linia {line} ({key}) jest wcięta na {_spaces(column)}; {under}"
            + (f", pola wyższego poziomu: {others}" if others else "")
            + "; wyrównaj ją do jednego z nich"
        )
    return None


def _explain_yaml(problem: str) -> str:
    for needle, hint in _YAML_HINTS:
        if needle in problem:
            return f"błąd zapisu YAML: {hint}"
    return (
        f"błąd zapisu YAML ({problem.strip() or 'nieczytelny zapis'}); sprawdź dwukropek po nazwie pola, "
        "wcięcia spacjami i cudzysłowy wokół tekstu zawierającego ':' lub '#'"
    )


def split(text: str) -> tuple[str, str, int]:
    """Return (yaml_text, body, body_line)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != DELIMITER:
        raise FrontMatterError(
            1,
            "plik musi zaczynać się od linii '---', po niej pola (np. 'title: ...'), a po polach znowu '---'",
        )
    for index in range(1, len(lines)):
        if lines[index].strip() == DELIMITER:
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    raise FrontMatterError(1, "brak zamykającej linii '---' po polach; dopisz '---' po ostatnim polu")


MAX_DEPTH = 12  # nesting of lists and mappings; the deepest schema needs 4


def _prescan(loader: Any, offset: int) -> None:
    """Refuse anchors, aliases and deep nesting before anything is built from the text.

    An alias makes one node appear in many places: ten aliases of ten aliases are a billion
    values to validate (the "billion laughs"), and composing deep nesting recurses. The
    events are read by the C parser with constant memory and no recursion.
    """
    depth = 0
    while loader.check_event():
        event = loader.get_event()
        line = event.start_mark.line + 1 + offset if event.start_mark else 1 + offset
        if isinstance(event, yaml.AliasEvent):
            raise FrontMatterError(
                line,
                "błąd zapisu YAML: znak * na początku wartości oznacza w YAML odwołanie (alias), którego "
                "portal nie przyjmuje; ujmij tekst w cudzysłów",
            )
        if getattr(event, "anchor", None):
            raise FrontMatterError(
                line,
                "błąd zapisu YAML: znak & na początku wartości oznacza w YAML kotwicę, której portal "
                "nie przyjmuje; ujmij tekst w cudzysłów",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise FrontMatterError(
                    line,
                    f"błąd zapisu YAML: za głębokie zagnieżdżenie (ponad {MAX_DEPTH} poziomów list "
                    "i pól podrzędnych); sprawdź wcięcia i nawiasy [ ] { }",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[{,])[&*]\S")
_BRACKET = re.compile(r"[\[\]{}]")
_DEEP_INDENT = re.compile(rf"^[ \t]{{{MAX_DEPTH + 1},}}", re.M)


def _needs_prescan(text: str) -> bool:
    """Whether the text can hold an anchor, an alias or deep nesting at all; most front
    matter cannot (an & or * inside a word or before a space is text), and is not scanned."""
    if _ANCHOR_OR_ALIAS.search(text) or "- -" in text or "-\t" in text or "? " in text:
        return True
    depth = deepest = 0
    for bracket in _BRACKET.findall(text):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH // 3:
        return True
    return _DEEP_INDENT.search(text) is not None


def _duplicate_key(node: yaml.Node, offset: int) -> None:
    """A key written twice in one mapping: YAML keeps the last silently, an editor meant one.
    The first repetition in the file is reported."""
    stack = [node]
    repeated: list[tuple[int, int, str]] = []  # (line, first line, key)
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    line = key.start_mark.line + 1 + offset
                    if key.value in seen:
                        repeated.append((line, seen[key.value], key.value))
                    seen.setdefault(key.value, line)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    if repeated:
        line, first, key = min(repeated)
        raise FrontMatterError(
            line, f"pole '{key}' jest wpisane drugi raz (pierwszy raz w linii {first}); zostaw jedno", key
        )


def _compose(yaml_text: str, body: str, body_line: int, offset: int) -> FrontMatter:
    """YAML text (starting ``offset`` lines into its file) to data and line map."""
    loader = _PortalLoader(yaml_text)
    try:
        if _needs_prescan(yaml_text):
            _prescan(loader, offset)
            loader.dispose()
            loader = _PortalLoader(yaml_text)
        node = loader.get_single_node()
        if node is not None:
            _duplicate_key(node, offset)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 + offset) if mark else 1
        indented = _indentation(yaml_text, mark.line, line) if mark else None
        if indented:
            raise FrontMatterError(line, f"błąd zapisu YAML: {indented}") from None
        raise FrontMatterError(line, _explain_yaml(error.problem or "")) from None
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError):
        raise FrontMatterError(1 + offset, _explain_yaml("")) from None
    finally:
        loader.dispose()
    if node is None:
        return FrontMatter({}, body, body_line, {(): 1})
    if not isinstance(node, yaml.MappingNode):
        raise FrontMatterError(1 + offset, "pola muszą mieć postać 'nazwa: wartość', po jednym w linii")
    return FrontMatter(data, body, body_line, _line_map(node, offset))


def parse_text(text: str) -> FrontMatter:
    """A Markdown file: YAML between '---' lines, then the body."""
    yaml_text, body, body_line = split(text)
    return _compose(yaml_text, body, body_line, 1)


def parse_yaml_text(text: str) -> FrontMatter:
    """A whole YAML file (data files, catalogue products): no delimiters, no body."""
    return _compose(text, "", 0, 0)


def decode(data: bytes) -> str:
    """A content file's bytes as text: UTF-8, with or without the byte-order mark Windows
    Notepad writes; any other encoding is an error that says which and where."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FrontMatterError(
            1,
            "plik jest zapisany w UTF-16; zapisz go jako UTF-8 (w Notatniku: Zapisz jako → Kodowanie: UTF-8)",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FrontMatterError(
            line,
            "plik nie jest zapisany w UTF-8 (może w Windows-1250 albo ISO-8859-2: polskie litery są "
            "zapisane inaczej); zapisz go jako UTF-8",
        ) from None


def read_text(path: Path) -> str:
    """A content file's text (UTF-8, a byte-order mark allowed), within the size limit."""
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise FrontMatterError(
            1,
            f"plik ma {size / 1_000_000:.1f} MB, a plik treści może mieć najwyżej "
            f"{MAX_TEXT_BYTES // 1_000_000} MB; usuń wklejone dane albo podziel tekst",
        )
    return decode(path.read_bytes())


def parse_yaml_file(path: Path) -> FrontMatter:
    return parse_yaml_text(read_text(path))


def parse_file(path: Path) -> FrontMatter:
    return parse_text(read_text(path))
