"""Horizontal bar charts as inline SVG, drawn at build time (no chart library in the browser).

Every chart is paired with a data table in the template; the SVG has a title and a
description and is marked role="img", so screen readers get one sentence, not shapes.
"""

from __future__ import annotations

from markupsafe import Markup, escape

BAR_HEIGHT = 26
GAP = 10
LABEL_WIDTH = 300
CHART_WIDTH = 640


def bar_chart(chart_id: str, title: str, rows: list[tuple[str, int]]) -> Markup:
    """rows: (label, count) pairs in display order."""
    top = max((count for _, count in rows), default=0) or 1
    bar_space = CHART_WIDTH - LABEL_WIDTH - 50
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    summary = "; ".join(f"{label}: {count}" for label, count in rows)
    parts = [
        f'<svg class="pl-chart" id="{chart_id}" role="img" viewBox="0 0 {CHART_WIDTH} {height}" '
        f'width="{CHART_WIDTH}" height="{height}" aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(summary)}</desc>',
    ]
    for index, (label, count) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        width = round(bar_space * count / top)
        parts.append(
            f'<text class="pl-chart__label" x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT * 0.7:.1f}" text-anchor="end">{escape(label)}</text>'
            f'<rect class="pl-chart__bar" x="{LABEL_WIDTH}" y="{y}" width="{max(width, 2)}" height="{BAR_HEIGHT}"></rect>'
            f'<text class="pl-chart__value" x="{LABEL_WIDTH + max(width, 2) + 6}" y="{y + BAR_HEIGHT * 0.7:.1f}">{count}</text>'
        )
    parts.append("</svg>")
    # labels and title are escaped above; the rest is our own markup
    return Markup("".join(parts))  # noqa: S704
