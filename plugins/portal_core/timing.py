"""Where a build's time goes: the seconds of every step, printed when PORTAL_TIMINGS=1.

The wiring (portal_site) wraps each signal handler with ``timed`` when the variable is set
(and only then: a normal build calls the handlers themselves). The build command prints
``report()`` on standard error at the end; ``make bench-large`` reads it to name the
phases of a full build (reading, rendering, photos, waiting for the search index).

    PORTAL_TIMINGS=1 python tools/portal.py build --force
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable
from typing import Any

_spent: dict[str, float] = {}
_last_end: dict[str, Any] = {"name": None, "at": None}


def enabled() -> bool:
    return os.environ.get("PORTAL_TIMINGS", "") not in ("", "0")


def timed(name: str, handler: Callable[..., Any]) -> Callable[..., Any]:
    """``handler`` that adds its seconds to ``name``; the time since the step before it
    ended is Pelican's own (its generators), added under "Pelican: po <that step>"."""

    @functools.wraps(handler)
    def run(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        if _last_end["at"] is not None and started - _last_end["at"] > 0.05:
            # Pelican's own work between two steps (its generators reading, the pages recorded)
            add(f"Pelican: po {_last_end['name']}", started - _last_end["at"])
        try:
            return handler(*args, **kwargs)
        finally:
            _last_end.update(name=name, at=time.perf_counter())
            add(name, _last_end["at"] - started)

    return run


def add(name: str, seconds: float) -> None:
    _spent[name] = _spent.get(name, 0.0) + seconds


def report() -> str:
    """One line per step, in the order the steps first ran: ``czas <seconds> <step>`` (what
    the benchmark parses)."""
    return "\n".join(f"czas {seconds:8.2f} s  {name}" for name, seconds in _spent.items())
