"""SVG images of the mark: the site's logo and the embeddable badge of one certificate.

Drawn here (not a designer's file) as a sample mark; the real logo belongs to the licence
holder and replaces theme/static/img/zakup-prospoleczny.svg before publication.
"""

from __future__ import annotations

from markupsafe import escape
from portal_theme.filters import date_pl

GREEN = "#1d6b3a"
NAVY = "#0b4a6f"


def mark_paths(x: float, y: float, size: float) -> str:
    """A heart-shaped shopping bag: the sample mark, as SVG shapes."""
    s = size / 100
    return (
        f'<g transform="translate({x} {y}) scale({s})">'
        f'<rect x="8" y="30" width="84" height="66" rx="10" fill="{GREEN}"/>'
        f'<path d="M32 32 V22 a18 18 0 0 1 36 0 V32" fill="none" stroke="{GREEN}" stroke-width="8" stroke-linecap="round"/>'
        '<path d="M50 84 C28 70 24 58 30 50 c6 -8 16 -6 20 2 c4 -8 14 -10 20 -2 c6 8 2 20 -20 34z" fill="#fff"/>'
        "</g>"
    )


GREY = "#5a5f66"
RED = "#a3141c"


def _badge(title: str, drawing: str) -> str:
    """A 320×100 badge: its accessible name, then what is drawn."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 100" width="320" height="100" role="img" '
        f'aria-labelledby="t"><title id="t">{escape(title)}</title>{drawing}</svg>\n'
    )


def certificate_badge_svg(
    number: str, year: int, valid_from, valid_until, entity_name: str, status: str = "valid"
) -> str:
    """The badge an entity puts on its own site, at a fixed address. While the certificate
    is valid it shows the mark and the end date; once it has expired (or before it starts)
    the same address serves a grey card without the mark, saying so in red - a copy on
    another site stops looking valid at the next build."""
    if status in ("valid", "expiring"):
        return _badge(
            f"Zakup Prospołeczny {year}: certyfikat {number} dla {entity_name}, ważny do {date_pl(valid_until)}",
            '<rect width="320" height="100" rx="10" fill="#fff" stroke="#1d6b3a" stroke-width="3"/>'
            + mark_paths(10, 10, 80)
            + f'<text x="100" y="36" font-family="Arial, sans-serif" font-size="19" font-weight="700" fill="{NAVY}">Zakup Prospołeczny</text>'
            f'<text x="100" y="60" font-family="Arial, sans-serif" font-size="15" fill="#1b1b1b">certyfikat {escape(number)}</text>'
            f'<text x="100" y="82" font-family="Arial, sans-serif" font-size="15" fill="#1b1b1b">ważny do {escape(date_pl(valid_until))}</text>',
        )
    if status == "future":
        state, detail = "JESZCZE NIEWAŻNY", f"ważny od {date_pl(valid_from)}"
    else:
        state, detail = "WYGASŁ", f"ważny był do {date_pl(valid_until)}"
    return _badge(
        f"Zakup Prospołeczny {year}: certyfikat {number} dla {entity_name} {state.lower()} ({detail})",
        f'<rect width="320" height="100" rx="10" fill="#eceef0" stroke="{GREY}" stroke-width="3" stroke-dasharray="8 5"/>'
        f'<text x="16" y="32" font-family="Arial, sans-serif" font-size="15" fill="{GREY}">Zakup Prospołeczny · certyfikat {escape(number)}</text>'
        f'<text x="16" y="64" font-family="Arial, sans-serif" font-size="26" font-weight="700" fill="{RED}">{state}</text>'
        f'<text x="16" y="88" font-family="Arial, sans-serif" font-size="15" fill="#1b1b1b">{escape(detail)}</text>',
    )
