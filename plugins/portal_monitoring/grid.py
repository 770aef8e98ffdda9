"""Where each of the 35 powiats sits on the tile-grid map: one equal square per powiat,
placed roughly where it lies (column west to east, row north to south). The technique of
news graphics' state grids: every powiat is equally visible, Poznań and Kalisz as much as
the large rural ones, and the map needs no outline data or tile server. Checked against
the region file by tests/unit/test_monitoring.py (every powiat once, no two in a cell)."""

from __future__ import annotations

CELLS: dict[str, tuple[int, int]] = {
    "złotowski": (3, 0),
    "czarnkowsko-trzcianecki": (1, 1),
    "pilski": (2, 1),
    "chodzieski": (3, 1),
    "międzychodzki": (0, 2),
    "szamotulski": (1, 2),
    "obornicki": (2, 2),
    "wągrowiecki": (3, 2),
    "gnieźnieński": (4, 2),
    "nowotomyski": (0, 3),
    "grodziski": (1, 3),
    "poznański": (2, 3),
    "Poznań": (3, 3),
    "wrzesiński": (4, 3),
    "słupecki": (5, 3),
    "Konin": (6, 3),
    "kolski": (7, 3),
    "wolsztyński": (0, 4),
    "kościański": (1, 4),
    "śremski": (2, 4),
    "średzki": (3, 4),
    "jarociński": (4, 4),
    "pleszewski": (5, 4),
    "koniński": (6, 4),
    "turecki": (7, 4),
    "leszczyński": (0, 5),
    "Leszno": (1, 5),
    "gostyński": (2, 5),
    "krotoszyński": (4, 5),
    "ostrowski": (5, 5),
    "Kalisz": (6, 5),
    "kaliski": (7, 5),
    "rawicki": (2, 6),
    "ostrzeszowski": (5, 6),
    "kępiński": (5, 7),
}
COLUMNS = 1 + max(x for x, _ in CELLS.values())
ROWS = 1 + max(y for _, y in CELLS.values())
