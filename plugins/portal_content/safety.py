"""What a Markdown body may contain: HTML from an allow-list, links with safe schemes.

Two layers, so that nothing executable reaches a page and nothing is dropped without a word:

1. ``body_problems`` reads the Markdown text as the editor wrote it (fast, no conversion, so
   ``make check`` runs it too) and names every HTML element or attribute outside
   ``ALLOWED``, every ``{: ...}`` attribute list that sets more than an id or a class, every
   Markdown image (photos go through the image pipeline, see docs/redakcja.md) and every
   link whose scheme is not ``https:``, ``http:``, ``mailto:``, ``tel:`` or site-relative,
   with its line. A pasted video ``<iframe>`` gets a message that points to ``[film: ...]``.
2. ``clean`` passes the converted HTML through nh3 (the Ammonia sanitiser, maintained and
   used widely; a hand-written filter is where such bugs live) with ``ENFORCED``: the
   elements Markdown and the film player produce plus ``ALLOWED``. Should the first layer
   ever miss something, it is removed here rather than published.

The allow-list for editors is documented in docs/redakcja.md (a test keeps the two equal).
"""

from __future__ import annotations

import html
import re

import nh3

# Elements an editor may write as HTML in Markdown, with their attributes (beyond GLOBAL).
ALLOWED: dict[str, set[str]] = {
    "a": {"href", "hreflang"},
    "abbr": set(),
    "b": set(),
    "blockquote": {"cite"},
    "br": set(),
    "caption": set(),
    "cite": set(),
    "code": set(),
    "dd": set(),
    "del": set(),
    "details": set(),
    "dfn": set(),
    "dl": set(),
    "dt": set(),
    "em": set(),
    "figcaption": set(),
    "figure": set(),
    "h2": set(),
    "h3": set(),
    "h4": set(),
    "h5": set(),
    "h6": set(),
    "hr": set(),
    "i": set(),
    "ins": set(),
    "kbd": set(),
    "li": set(),
    "mark": set(),
    "ol": {"start", "reversed"},
    "p": set(),
    "pre": set(),
    "q": {"cite"},
    "s": set(),
    "small": set(),
    "span": set(),
    "strong": set(),
    "sub": set(),
    "summary": set(),
    "sup": set(),
    "table": set(),
    "tbody": set(),
    "td": {"colspan", "rowspan", "headers"},
    "tfoot": set(),
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "thead": set(),
    "time": {"datetime"},
    "tr": set(),
    "u": set(),
    "ul": set(),
}
GLOBAL = {"title", "lang", "id", "class", "dir"}
URL_ATTRIBUTES = {"href", "cite", "src", "srcset", "poster", "action", "formaction", "data"}
SCHEMES = {"http", "https", "mailto", "tel"}

# What the portal itself puts into converted bodies: Markdown's own elements (headings,
# images' <img>, footnotes) and the film player ([film: ...]); see portal_films.model.
_PORTAL_MARKUP: dict[str, set[str]] = {
    "h1": set(),
    "div": set(),
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding", "fetchpriority"},
    "picture": set(),
    "source": {"src", "type", "srcset", "sizes"},
    "video": {"controls", "preload", "poster", "width", "height"},
    "track": {"kind", "src", "srclang", "label", "default"},
    "a": {"rel"},
    "span": {"aria-hidden"},
    "sup": set(),
}
ENFORCED: dict[str, set[str]] = {
    name: ALLOWED.get(name, set()) | _PORTAL_MARKUP.get(name, set()) | GLOBAL
    for name in ALLOWED.keys() | _PORTAL_MARKUP.keys()
}


_EMBEDDED = {"src", "srcset", "poster"}  # what the browser loads with the page


def clean(converted: str, siteurl: str = "") -> str:
    """The converted HTML of a body with everything outside ENFORCED removed; what a page
    loads by itself (``src``, ``srcset``, ``poster``) only from this site (``siteurl``)."""

    def same_site(element: str, attribute: str, value: str) -> str | None:
        if attribute not in _EMBEDDED:
            return value
        for url in value.split(","):
            address = url.strip().split(" ", 1)[0]
            if re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*:|//)", address) and not (
                siteurl and address.startswith(siteurl + "/")
            ):
                return None
        return value

    return nh3.clean(
        converted,
        tags=set(ENFORCED),
        attributes={name: set(attributes) for name, attributes in ENFORCED.items()},
        generic_attribute_prefixes={"data-"},
        url_schemes=SCHEMES,
        link_rel=None,
        strip_comments=True,
        attribute_filter=same_site,
    )


def url_problem(url: str) -> str | None:
    """Why a link's address may not be published, or None. Browsers ignore tabs, line
    breaks and character references inside a scheme (``jav&#x09;ascript:``), so they are
    removed before the scheme is read."""
    plain = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url))
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", plain)
    if match is None or match.group(1).lower() in SCHEMES:
        return None
    scheme = match.group(1).lower()
    if scheme in ("javascript", "vbscript", "data"):
        return f"link „{scheme}:” może uruchomić kod w przeglądarce czytelnika; usuń go"
    return f"adres „{scheme}:” nie jest dozwolony; link zaczynaj od https://, http://, mailto: albo tel:"


_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:\s[^<>]*?)?)/?>", re.S)
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*)>")
_LINK = re.compile(r"(!?)\[[^\[\]]*(?:\[[^\]]*\][^\[\]]*)*\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_ATTR_LIST = re.compile(r"\{:?[ \t]*((?:[#.][\w-]+|[\w-]+=)[^}\n]*)\}")


def _without_code(text: str) -> str:
    """The text with fenced code blocks, code spans and HTML comments blanked out (their
    characters become spaces, so offsets and line numbers stay)."""
    if "```" not in text and "~~~" not in text and "<!--" not in text and "`" not in text:
        return text  # most bodies: nothing to blank out
    lines = text.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * 3
            lines[index] = ""
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            lines[index] = ""
    blank = "\n".join(lines)
    blank = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), blank)
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), blank)


def _tag_problems(name: str, attributes: str) -> list[str]:
    lower = name.lower()
    if lower == "iframe":
        return [
            "osadzony odtwarzacz <iframe> wczytałby serwis wideo bez zgody czytelnika; dodaj film do "
            "content/filmy/ i wstaw w osobnej linii [film: adres-filmu]"
        ]
    if lower in ("script", "style", "link", "meta", "base", "object", "embed", "form", "input", "button"):
        return [f"element <{lower}> nie jest dozwolony w treści (mógłby zmienić działanie strony); usuń go"]
    if lower not in ALLOWED:
        return [
            f"element <{lower}> nie jest na liście dozwolonych znaczników HTML (docs/redakcja.md); "
            "użyj zapisu Markdown albo dozwolonego znacznika"
        ]
    found = []
    for match in _ATTRIBUTE.finditer(attributes):
        attribute, value = match.group(1).lower(), match.group(2) or ""
        if attribute.startswith("on"):
            found.append(f"atrybut {attribute} uruchamia kod w przeglądarce; usuń go z <{lower}>")
        elif attribute == "style":
            found.append(f"atrybut style nie jest dozwolony (wygląd ustala portal); usuń go z <{lower}>")
        elif attribute not in ALLOWED[lower] | GLOBAL:
            found.append(f"atrybut {attribute} nie jest dozwolony w <{lower}>; usuń go")
        elif attribute in URL_ATTRIBUTES:
            problem = url_problem(value.strip("\"'"))
            if problem:
                found.append(problem)
    return found


def _addresses(text: str) -> list[tuple[int, str, bool]]:
    """(offset, address, whether a Markdown image) of the Markdown links of code-free text:
    inline links and images, reference definitions and autolinks."""
    found = [(m.start(), m.group(2), bool(m.group(1))) for m in _LINK.finditer(text)] if "](" in text else []
    found += [(m.start(), m.group(1), False) for m in _REFERENCE.finditer(text)]
    return found + [(m.start(), m.group(1), False) for m in _AUTOLINK.finditer(text)]


def links_in(body: str) -> list[tuple[int, str]]:
    """(0-based line, address) of every link and embedded file of a Markdown body: Markdown
    links and images, and href/src of HTML elements (code excluded)."""
    text = _without_code(body)
    found = [(offset, url) for offset, url, _ in _addresses(text)]
    for match in _TAG.finditer(text):
        for attribute in _ATTRIBUTE.finditer(match.group(3)):
            if attribute.group(1).lower() in URL_ATTRIBUTES and attribute.group(2):
                found.append((match.start(), attribute.group(2).strip("\"'")))
    return sorted((text.count("\n", 0, offset), url) for offset, url in found)


# Pelican's links to other content ({filename}), to files ({static}, {attach}) and to its
# own pages ({index}, {category}, {tag}); the |what| spelling is the older one.
INTRASITE = re.compile(r"^[{|]([a-z]*)[}|](.*)$")


def body_problems(body: str) -> list[tuple[int, str]]:
    """(0-based line, message) of everything in a Markdown body that may not be published."""
    text = _without_code(body)
    found: list[tuple[int, str]] = []

    def add(offset: int, message: str) -> None:
        found.append((text.count("\n", 0, offset), message))

    for match in _TAG.finditer(text):
        if match.group(1):  # a closing tag: its opening one was checked
            continue
        for message in _tag_problems(match.group(2), match.group(3)):
            add(match.start(), message)
    for offset, url, image in _addresses(text):
        if image:
            add(
                offset,
                "zdjęcie w treści (![...](...)) nie jest wyświetlane; dodaj zdjęcie w nagłówku jako "
                "'image:' (src i alt), a w treści opisz je słowami",
            )
        elif problem := url_problem(url):
            add(offset, problem)
    for match in _ATTR_LIST.finditer(text):
        if "=" in match.group(1):
            add(
                match.start(),
                "atrybuty w nawiasach {: ... } mogą dodać kod do strony; zostaw w nich tylko #id i .klasę",
            )
    return sorted(found)
