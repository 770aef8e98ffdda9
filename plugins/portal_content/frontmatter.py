"""YAML front matter with line numbers.

Pelican's Markdown reader only knows the ``Key: value`` meta block; the working group
writes YAML (lists, nested ``image:`` blocks), and every error must name a line. So the
front matter is composed into a YAML node tree (which keeps marks) and constructed from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

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


_PortalLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:int"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}
_PortalLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?(?:0|[1-9][0-9]*))$"), list("-+0123456789")
)


class FrontMatterError(Exception):
    """The file cannot be split or parsed; carries the 1-based line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class FrontMatter:
    data: dict[str, Any]
    body: str
    body_line: int  # 1-based line where the Markdown body starts
    node: yaml.MappingNode | None
    offset: int  # lines before the YAML text (the opening delimiter)

    def line_for(self, loc: tuple[str | int, ...]) -> int:
        """The 1-based line of the value at ``loc`` or of its nearest present parent."""
        node: yaml.Node | None = self.node
        line = 1
        if node is not None:
            line = node.start_mark.line + 1 + self.offset
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if key.value == part:
                        line = key.start_mark.line + 1 + self.offset
                        node = value
                        break
                else:
                    return line
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if part >= len(node.value):
                    return line
                node = node.value[part]
                line = node.start_mark.line + 1 + self.offset
            else:
                return line
        return line


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


def _compose(yaml_text: str, body: str, body_line: int, offset: int) -> FrontMatter:
    """YAML text (starting ``offset`` lines into its file) to data and node tree."""
    loader = _PortalLoader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 + offset) if mark else 1
        raise FrontMatterError(line, _explain_yaml(error.problem or "")) from None
    finally:
        loader.dispose()
    if node is None:
        return FrontMatter({}, body, body_line, None, offset)
    if not isinstance(node, yaml.MappingNode):
        raise FrontMatterError(1 + offset, "pola muszą mieć postać 'nazwa: wartość', po jednym w linii")
    return FrontMatter(data, body, body_line, node, offset)


def parse_text(text: str) -> FrontMatter:
    """A Markdown file: YAML between '---' lines, then the body."""
    yaml_text, body, body_line = split(text)
    return _compose(yaml_text, body, body_line, 1)


def parse_yaml_text(text: str) -> FrontMatter:
    """A whole YAML file (data files, catalogue products): no delimiters, no body."""
    return _compose(text, "", 0, 0)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise FrontMatterError(1, "plik nie jest zapisany w UTF-8; zapisz go jako UTF-8") from None


def parse_yaml_file(path: Path) -> FrontMatter:
    return parse_yaml_text(_read(path))


def parse_file(path: Path) -> FrontMatter:
    return parse_text(_read(path))
