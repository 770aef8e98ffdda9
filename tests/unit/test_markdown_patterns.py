"""The faster inline patterns of portal_content.render match exactly where Python-Markdown's
own patterns do, and the converter built with them writes the same HTML."""

from __future__ import annotations

import random
import re

from markdown import Markdown
from portal_content import render

OPTIONS = {
    "extensions": [
        "markdown.extensions.extra",
        "markdown.extensions.sane_lists",
        "markdown.extensions.smarty",
        "markdown.extensions.toc",
    ],
    "extension_configs": {
        "markdown.extensions.smarty": {"smart_quotes": False},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

# the characters the patterns are about, and a few others
ALPHABET = "ab \\`[]!.-\n*_<>&"


def fuzz(count: int, seed: int = 9) -> list[str]:
    rnd = random.Random(seed)  # noqa: S311 - test data, not secrets
    return ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 24))) for _ in range(count)]


def matches(pattern: re.Pattern, text: str, start: int) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text, start)]


def test_each_faster_pattern_matches_where_the_original_does():
    texts = fuzz(20_000)
    for slow, fast in render.FASTER_PATTERNS.items():
        original, faster = re.compile(slow, re.DOTALL), re.compile(fast, re.DOTALL)
        for text in texts:
            for start in (0, len(text) // 2):  # Markdown searches again from where it stopped
                assert matches(faster, text, start) == matches(original, text, start), (slow, text, start)


def test_the_converter_uses_them_for_markdown_and_smarty():
    converter = render.new_converter(OPTIONS)
    registries = [converter.inlinePatterns, converter.treeprocessors["smarty"].inlinePatterns]
    used = {p.compiled_re.pattern for registry in registries for p in registry}
    # every pattern we know a faster form of is replaced (a Python-Markdown upgrade that
    # changes its patterns makes this fail, so the speed-up is not lost unnoticed)
    assert set(render.FASTER_PATTERNS.values()) <= used
    assert not set(render.FASTER_PATTERNS) & used


def test_the_html_is_the_same_as_python_markdown_writes():
    texts = [
        "Wstęp... i dalej -- myśl --- oraz `kod` i ``kod z ` w środku``.",
        "Ucieczki: \\`nie kod\\`, \\\\`kod po dwóch ukośnikach`, [link](https://example.org) i ![zdjęcie](a.jpg).",
        "Odnośnik [tekst][ref], skrót [ref] i ![obraz][ref]\n\n[ref]: https://example.org/\n",
        "Kropki.... pięć..... myślniki ---- i ---- oraz a--b, a---b.",
        "* punkt -- jeden\n* punkt... dwa\n\n| a | b |\n|---|---|\n| `x` | [y](z) |\n",
        "Przypis[^1] i <<cudzysłów>>.\n\n[^1]: Treść przypisu -- z myślnikiem...\n",
        *fuzz(3_000, seed=4),
    ]
    ours, theirs = render.new_converter(OPTIONS), Markdown(**OPTIONS)
    for text in texts:
        ours.reset()
        theirs.reset()
        assert ours.convert(text) == theirs.convert(text), text
