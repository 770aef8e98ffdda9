"""The tile-grid map: every powiat of the region file has its own cell, and the colour
classes split the powiats into fifths."""

from __future__ import annotations

from collections import Counter

from portal_directory.region import load_region
from portal_monitoring.grid import CELLS, COLUMNS, ROWS
from portal_monitoring.tilemap import breaks, klass, legend_rows
from sitebuild import ROOT


def test_every_powiat_of_the_region_has_one_cell_and_no_two_share_one():
    region, _ = load_region(ROOT / "content")
    assert sorted(CELLS) == sorted(p.name for p in region.powiaty) and len(CELLS) == 35
    assert len(set(CELLS.values())) == 35
    assert all(0 <= x < COLUMNS and 0 <= y < ROWS for x, y in CELLS.values())


def test_neighbours_sit_next_to_each_other():
    """A few facts of the map everyone knows: Poznań inside the poznański ring, Kalisz beside
    kaliski, the pilski subregion in the north, Leszno in the south-west."""
    x, y = CELLS["Poznań"]
    assert abs(CELLS["poznański"][0] - x) + abs(CELLS["poznański"][1] - y) == 1
    assert abs(CELLS["Kalisz"][0] - CELLS["kaliski"][0]) == 1
    assert max(CELLS[n][1] for n in ("złotowski", "pilski", "chodzieski")) < y
    assert CELLS["Leszno"][0] < x and CELLS["Leszno"][1] > y


def test_classes_are_quintiles_and_the_legend_covers_every_value():
    values = [3, 5, 8, 9, 10, 12, 15, 20, 40, 300]
    bounds = breaks(values)
    counts = Counter(klass(v, bounds) for v in values)
    assert len(bounds) == 4 and all(count == 2 for count in counts.values())
    assert legend_rows(bounds)[0][1] == f"0–{bounds[0]}" and legend_rows(bounds)[-1][1].endswith("i więcej")
    assert breaks([0, 0, 0]) == [] and klass(0, []) == 0
