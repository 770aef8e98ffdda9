"""Bring the news of the old WordPress portal over: a WXR export file -> content/aktualnosci/.

    python tools/import_wordpress.py eksport.xml [--mapping tools/wordpress-kategorie.yaml]
    (make import-wordpress FILE=eksport.xml)

For every post (drafts become `status: draft`) it writes content/aktualnosci/<rok>/<adres>.md
with the title, date, category (mapped to the portal's categories by the mapping file),
tags, summary (the excerpt, or the first sentences) and the body converted to clean
Markdown: inline styles, classes, scripts, Gutenberg comments and empty paragraphs are
dropped, [caption] shortcodes become a photo with its caption.

Photos are not downloaded (the portal loads nothing from other sites): the first photo
becomes the news item's `image:` pointing to content/images/aktualnosci/wp/<plik>, and the
report lists which file to copy from where. Whatever could not be converted (other
shortcodes, embedded frames, an unknown category, a photo without a description) is
reported, and left in the file as an UZUPEŁNIJ line that `make check` names until an
editor deals with it.

It can be run again, e.g. after the category mapping changed: each file it writes carries,
as a comment on its second line, the post's number and a digest of the file's text as the
import wrote it. On the next run a file whose text still has that digest (nobody edited
it) is rewritten with the new conversion; a file edited since (the digest differs), or one
the import did not write, is never touched. Every run lists the photos still to copy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "plugins"))

from portal_core.atomic import write_atomic  # noqa: E402
from portal_theme.filters import plural_pl  # noqa: E402
from scaffold import slugify_pl  # noqa: E402

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
IMAGE_FOLDER = "images/aktualnosci/wp"
SUMMARY_MAX = 300
EXIT_PROBLEM = 1


class ImportError_(Exception):
    """The file cannot be imported at all; the message says why, in Polish."""


@dataclass
class Post:
    title: str
    slug: str
    date: dt.datetime
    status: str
    categories: list[str]
    tags: list[str]
    excerpt: str
    body_html: str
    thumbnail_id: str | None
    post_id: str = ""


@dataclass
class Converted:
    markdown: str
    images: list[tuple[str, str, str]] = field(default_factory=list)  # (url, alt, caption)
    problems: list[str] = field(default_factory=list)


def _text(element, path: str) -> str:
    found = element.find(path, NS)
    return (found.text or "").strip() if found is not None and found.text else ""


def read_wxr(path: Path) -> tuple[list[Post], dict[str, str], dict[str, int]]:
    """Posts, attachment URLs by id, and counts of the items that are not posts."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        tree = ElementTree.parse(path)
    except FileNotFoundError as error:
        raise ImportError_(f"{path}: nie ma takiego pliku") from error
    except ElementTree.ParseError as error:
        line, column = error.position
        raise ImportError_(
            f"{path}:{line}: to nie jest poprawny plik XML (kolumna {column}: {error.msg if hasattr(error, 'msg') else error}). "
            "Wyeksportuj treść jeszcze raz: WordPress, Narzędzia → Eksport → Wpisy."
        ) from error
    except DefusedXmlException as error:
        raise ImportError_(
            f"{path}: plik zawiera niebezpieczne konstrukcje XML ({error}); nie importuję go"
        ) from error
    channel = tree.getroot().find("channel")
    if tree.getroot().tag != "rss" or channel is None or channel.find("wp:wxr_version", NS) is None:
        raise ImportError_(
            f"{path}: to nie jest eksport WordPressa (brak <rss><channel> z wp:wxr_version). "
            "Wyeksportuj treść: WordPress, Narzędzia → Eksport → Wpisy."
        )
    posts, attachments, skipped = [], {}, {}
    for item in channel.findall("item"):
        kind = _text(item, "wp:post_type")
        if kind == "attachment":
            attachments[_text(item, "wp:post_id")] = _text(item, "wp:attachment_url")
            continue
        if kind != "post":
            skipped[kind or "?"] = skipped.get(kind or "?", 0) + 1
            continue
        status = _text(item, "wp:status")
        if status in ("trash", "auto-draft", "inherit"):
            skipped[status] = skipped.get(status, 0) + 1
            continue
        meta = {_text(m, "wp:meta_key"): _text(m, "wp:meta_value") for m in item.findall("wp:postmeta", NS)}
        raw_date = _text(item, "wp:post_date")
        try:
            date = dt.datetime.strptime(raw_date, "%Y-%m-%d %H:%M:%S")
        except ValueError as error:
            raise ImportError_(
                f"{path}: wpis „{_text(item, 'title')}” ma niepoprawną datę „{raw_date}”"
            ) from error
        posts.append(
            Post(
                title=html.unescape(_text(item, "title")),
                slug=_text(item, "wp:post_name"),
                date=date,
                status=status,
                categories=[c.text.strip() for c in item.findall("category[@domain='category']") if c.text],
                tags=[c.text.strip() for c in item.findall("category[@domain='post_tag']") if c.text],
                excerpt=_text(item, "excerpt:encoded"),
                body_html=_text(item, "content:encoded"),
                thumbnail_id=meta.get("_thumbnail_id"),
                post_id=_text(item, "wp:post_id"),
            )
        )
    return posts, attachments, skipped


CAPTION = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.S)
SHORTCODE = re.compile(r"\[(/?)([a-z_-]+)[^\]]*\]")
BLOCK = re.compile(r"^\s*<(p|div|h[1-6]|ul|ol|li|blockquote|table|figure|pre|hr|img|!--)", re.I)


def autop(text: str) -> str:
    """WordPress stores paragraphs as blank lines (wpautop adds <p> on display)."""
    chunks = [c.strip() for c in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if c.strip()]
    return "\n".join(c if BLOCK.match(c) else f"<p>{c}</p>" for c in chunks)


def convert(body: str) -> Converted:
    from bs4 import BeautifulSoup, Comment
    from markdownify import markdownify

    result = Converted("")
    # [caption]<img ...> Podpis[/caption] -> a figure the converter understands
    body = CAPTION.sub(lambda m: f"<figure>{m.group(1).strip()}</figure>", body)
    for match in SHORTCODE.finditer(body):
        if not match.group(1):
            result.problems.append(f"pominięto kod WordPressa [{match.group(2)}]")
    body = SHORTCODE.sub("", body)
    soup = BeautifulSoup(autop(body), "html.parser")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(["script", "style", "noscript", "form"]):
        result.problems.append(f"usunięto element <{tag.name}>")
        tag.decompose()
    for tag in soup.find_all(["iframe", "embed", "object", "video", "audio"]):
        source = tag.get("src") or tag.get("data") or ""
        result.problems.append(f"usunięto osadzony element <{tag.name}> {source}".rstrip())
        tag.replace_with(
            soup.new_string(
                f"UZUPEŁNIJ: osadzony materiał z dawnego portalu ({source or tag.name}); dodaj film przez [film: adres] albo usuń tę linię"
            )
        )
    for figure in soup.find_all("figure"):
        img = figure.find("img")
        caption = " ".join(figure.get_text(" ").split())
        if img is not None:
            result.images.append((img.get("src", ""), img.get("alt", "").strip(), caption))
        figure.decompose()
    for img in soup.find_all("img"):
        result.images.append((img.get("src", ""), img.get("alt", "").strip(), ""))
        img.decompose()
    for tag in soup.find_all(True):
        tag.attrs = {k: v for k, v in tag.attrs.items() if k in ("href", "colspan", "rowspan")}
    for tag in soup.find_all(["span", "font", "div", "section", "article"]):
        tag.unwrap()
    for tag in soup.find_all(["p", "li", "h2", "h3", "h4"]):
        if not tag.get_text(strip=True) and not tag.find(True):
            tag.decompose()
    text = markdownify(str(soup), heading_style="ATX", bullets="-", strip=["u"], escape_misc=False)
    text = re.sub(r"[ \t]+\n", "\n", text.replace("\xa0", " "))
    result.markdown = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return result


def summary_of(post: Post, markdown: str) -> str:
    """The excerpt, or the first sentences of the opening paragraphs (not headings or lists)."""
    if post.excerpt:
        text = post.excerpt
    else:
        paragraphs = []
        for block in markdown.split("\n\n"):
            block = block.strip()
            if (
                not block
                or block.startswith(("#", "-", "*", ">", "|", "UZUPEŁNIJ"))
                or re.match(r"\d+\.", block)
            ):
                if paragraphs:
                    break
                continue
            paragraphs.append(block)
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(paragraphs))
        text = re.sub(r"[*_`]", "", text)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())
    if len(text) <= SUMMARY_MAX:
        return text
    out = ""
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if len(out) + len(sentence) + 1 > SUMMARY_MAX:
            break
        out = f"{out} {sentence}".strip()
    return out or text[: SUMMARY_MAX - 1].rsplit(" ", 1)[0] + "…"


def load_mapping(path: Path) -> dict[str, str]:
    from portal_content.schema import CATEGORIES

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ImportError_(f"{path}: nie mogę odczytać pliku mapowania kategorii ({error})") from error
    mapping = {}
    labels = {label.casefold(): label for label in CATEGORIES.values()}
    for old, new in (data.get("kategorie") or {}).items():
        label = labels.get(str(new).casefold())
        if label is None:
            raise ImportError_(
                f"{path}: kategoria „{old}” ma odpowiadać „{new}”, a takiej kategorii portalu nie ma; "
                f"wpisz jedną z: {', '.join(CATEGORIES.values())}"
            )
        mapping[str(old).casefold()] = label
    return mapping


def front_matter(post: Post, category: str, image: dict | None, summary: str) -> str:
    data: dict = {
        "title": post.title,
        "date": post.date.strftime("%Y-%m-%d %H:%M"),
        "category": category,
        "summary": summary or "UZUPEŁNIJ: zapowiedź w 1–2 zdaniach",
    }
    if post.tags:
        data["tags"] = post.tags
    if image:
        data["image"] = image
    if post.status != "publish":
        data["status"] = "draft"
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


MARK = re.compile(r"^# import z WordPressa: wpis (\S*), skrót ([0-9a-f]{16})\b.*$")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _marked(text: str, post_id: str) -> str:
    """The file's text with the import's mark as the second line (after the first '---')."""
    first, rest = text.split("\n", 1)
    mark = f"# import z WordPressa: wpis {post_id}, skrót {_digest(text)} (nie zmieniaj tej linii)"
    return f"{first}\n{mark}\n{rest}"


def untouched_since_import(text: str) -> bool | None:
    """Whether a file is as the import wrote it (True), edited since (False), or not the
    import's at all (None): the digest in its mark against the digest of the rest."""
    lines = text.split("\n")
    found = MARK.match(lines[1]) if len(lines) > 1 else None
    if found is None:
        return None
    return _digest("\n".join([lines[0], *lines[2:]])) == found.group(2)


def import_file(source: Path, mapping_file: Path, root: Path) -> tuple[dict[str, int], list[str]]:
    """Write the posts of ``source`` under ``root``; (counts by outcome, report lines)."""
    mapping = load_mapping(mapping_file)
    posts, attachments, skipped = read_wxr(source)
    report: list[str] = []
    counts = {"new": 0, "updated": 0, "same": 0, "kept": 0, "photos": 0}
    for post in posts:
        slug = slugify_pl(post.slug.replace("-", " ")) or slugify_pl(post.title)
        relative = f"content/aktualnosci/{post.date.year}/{slug}.md"
        target = root / relative
        converted = convert(post.body_html)
        notes = list(converted.problems)
        category = next((mapping[c.casefold()] for c in post.categories if c.casefold() in mapping), None)
        if category is None:
            shown = ", ".join(post.categories) or "brak"
            notes.append(f"kategoria „{shown}” nie ma odpowiednika w pliku mapowania")
            category = "UZUPEŁNIJ: kategoria portalu (z WordPressa: " + shown + ")"
        pictures = list(converted.images)
        if post.thumbnail_id and post.thumbnail_id in attachments:
            pictures.insert(0, (attachments[post.thumbnail_id], "", ""))
        image = None
        extra_lines = []
        for index, (url, alt, caption) in enumerate(pictures):
            name = PurePosixPath(urlsplit(url).path).name or f"zdjecie-{index + 1}.jpg"
            local = f"{IMAGE_FOLDER}/{name}"
            if not (root / "content" / local).is_file():  # every run lists what is still missing
                report.append(f"{relative}: skopiuj zdjęcie {url} -> content/{local}")
                counts["photos"] += 1
            if image is None:
                image = {"src": local, "alt": alt or "UZUPEŁNIJ: co widać na zdjęciu (dla osób niewidomych)"}
                if caption:
                    image["caption"] = caption
                if not alt:
                    notes.append(f"zdjęcie {name} nie ma opisu (alt)")
            else:
                extra_lines.append(
                    f"UZUPEŁNIJ: zdjęcie z dawnego portalu {local}"
                    + (f" („{caption}”)" if caption else "")
                    + "; portal pokazuje jedno zdjęcie aktualności: usuń tę linię albo zamień zdjęcie główne"
                )
                notes.append(f"drugie i kolejne zdjęcie ({name}) zostało wymienione w treści do decyzji")
        body = converted.markdown + ("\n" + "\n\n".join(extra_lines) + "\n" if extra_lines else "")
        text = _marked(
            front_matter(post, category, image, summary_of(post, converted.markdown)) + body, post.post_id
        )
        if target.exists():
            old = target.read_text(encoding="utf-8")
            state = untouched_since_import(old)
            if state is None:
                report.append(
                    f"{relative}: pominięto, plik już istnieje i nie pochodzi z importu (nie nadpisuję)"
                )
                counts["kept"] += 1
                continue
            if state is False:
                report.append(f"{relative}: pominięto, redakcja zmieniła plik po imporcie (nie nadpisuję)")
                counts["kept"] += 1
                continue
            if old == text:
                counts["same"] += 1
                continue
            write_atomic(target, text)  # whole or not at all
            counts["updated"] += 1
            report.append(f"{relative}: zaktualizowano (plik był taki, jak go zapisał import)")
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "x", encoding="utf-8") as handle:
                handle.write(text)
            counts["new"] += 1
            report.append(f"{relative}: zapisano" + (" (szkic)" if post.status != "publish" else ""))
        report.extend(f"{relative}: uwaga: {note}" for note in notes)
    for kind, count in sorted(skipped.items()):
        report.append(f"pominięto {count} × {kind} (importuję tylko wpisy)")
    return counts, report


def _count(count: int, one: str, few: str, many: str) -> str:
    return f"{count} {plural_pl(count, one, few, many)}"


def summary_line(counts: dict[str, int]) -> str:
    """'Zaimportowano 3 wpisy, zaktualizowano 1 wpis ... ' with Polish plurals."""
    parts = [f"Zaimportowano {_count(counts['new'], 'nowy wpis', 'nowe wpisy', 'nowych wpisów')}"]
    if counts["updated"]:
        parts.append(f"zaktualizowano {_count(counts['updated'], 'wpis', 'wpisy', 'wpisów')}")
    if counts["same"]:
        parts.append(f"bez zmian: {_count(counts['same'], 'wpis', 'wpisy', 'wpisów')}")
    if counts["kept"]:
        parts.append(
            f"pominięto {_count(counts['kept'], 'wpis zmieniony', 'wpisy zmienione', 'wpisów zmienionych')} przez redakcję"
        )
    line = ", ".join(parts) + "."
    if counts["photos"]:
        line += f" Do skopiowania: {_count(counts['photos'], 'zdjęcie', 'zdjęcia', 'zdjęć')} (lista wyżej)."
    return line + " Uzupełnij miejsca UZUPEŁNIJ i uruchom: make check"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default="")
    parser.add_argument("--mapping", default=str(ROOT / "tools" / "wordpress-kategorie.yaml"))
    parser.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.file:
        print("Podaj plik eksportu: make import-wordpress FILE=eksport.xml", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        counts, report = import_file(Path(args.file), Path(args.mapping), Path(args.root))
    except ImportError_ as error:
        print(str(error), file=sys.stderr)
        print("Nic nie zostało zapisane.", file=sys.stderr)
        return EXIT_PROBLEM
    print("\n".join(report))
    print(summary_line(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
