"""The tile-grid map of the 35 powiats as inline SVG, drawn at build time.

Each powiat is a square (grid.CELLS) coloured by its class of the measure (quintiles,
light to dark, with a legend), labelled with a short name and the value, and is a link to
the powiat's page in the directory: the map works with the keyboard (each square is a
link in reading order, west to east, north to south) and each link is named in full by its
<title> ("powiat złotowski: 42 podmioty", also the tooltip; not aria-label, whose name
would not contain the short text shown in the square, WCAG 2.5.3). The same values are in a table beside the map.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from .grid import CELLS, COLUMNS, ROWS

CELL = 74
GAP = 4
CLASSES = 5


@dataclass(frozen=True)
class Tile:
    powiat: object  # portal_directory.region.Powiat
    value: int
    url: str  # the powiat's page
    label: str  # "powiat złotowski: 42 podmioty"


def short(name: str) -> str:
    return name if len(name) <= 7 else name[:6] + "."


def breaks(values: list[int]) -> list[int]:
    """The upper bound of each class but the last: quintiles, so each colour holds about a
    fifth of the powiats (a few large cities do not leave the rest in one colour)."""
    ordered = sorted(values)
    if not ordered:
        return []
    bounds: list[int] = []
    for k in range(1, CLASSES):
        bound = ordered[max(0, round(len(ordered) * k / CLASSES) - 1)]
        if not bounds or bound > bounds[-1]:
            bounds.append(bound)
    return [b for b in bounds if b < ordered[-1]]


def klass(value: int, bounds: list[int]) -> int:
    return next((k for k, bound in enumerate(bounds) if value <= bound), len(bounds))


def legend_rows(bounds: list[int]) -> list[tuple[int, str]]:
    lows = [0, *(b + 1 for b in bounds)]
    highs = [*bounds, None]
    return [
        (k, f"{low}–{high}" if high is not None else f"{low} i więcej")
        for k, (low, high) in enumerate(zip(lows, highs, strict=True))
    ]


def tile_map(map_id: str, title: str, tiles: list[Tile]) -> Markup:
    bounds = breaks([t.value for t in tiles])
    width = COLUMNS * (CELL + GAP)
    height = ROWS * (CELL + GAP)
    ordered = sorted(tiles, key=lambda t: (CELLS[t.powiat.name][1], CELLS[t.powiat.name][0]))
    parts = [
        f'<svg class="pl-map" id="{map_id}" viewBox="0 0 {width} {height}" role="group" '
        f'aria-labelledby="{map_id}-t" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{map_id}-t">{escape(title)}</title>',
    ]
    for tile in ordered:
        x, y = CELLS[tile.powiat.name]
        left, top = x * (CELL + GAP), y * (CELL + GAP)
        parts.append(
            f'<a class="pl-map__link" href="{escape(tile.url)}"><title>{escape(tile.label)}</title>'
            f'<rect class="pl-map__cell pl-map__c{klass(tile.value, bounds)}" x="{left}" y="{top}" width="{CELL}" height="{CELL}" rx="4"></rect>'
            f'<text class="pl-map__name" x="{left + CELL / 2}" y="{top + 30}" text-anchor="middle">{escape(short(tile.powiat.name))}</text>'
            f'<text class="pl-map__value" x="{left + CELL / 2}" y="{top + 54}" text-anchor="middle">{tile.value}</text>'
            "</a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - texts escaped above, the rest is our markup


def legend(tiles: list[Tile]) -> list[tuple[int, str]]:
    return legend_rows(breaks([t.value for t in tiles]))
