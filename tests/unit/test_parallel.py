"""portal_core.parallel: work in forked processes, results in order, errors named."""

from __future__ import annotations

import os
import time

import pytest
from portal_core.parallel import Parallel, WorkerFailed, in_background


def square(number: int) -> tuple[int, int]:
    time.sleep(0.002)  # long enough for the forked worker to start taking items too
    return number * number, os.getpid()


def test_results_come_in_item_order_from_more_than_one_process():
    results = Parallel(square, range(200), workers=2).results()
    assert [value for value, _ in results] == [n * n for n in range(200)]
    assert len({pid for _, pid in results}) == 2  # the building process and one forked worker


def test_few_items_run_in_this_process():
    results = Parallel(square, range(3), workers=2).results()
    assert {pid for _, pid in results} == {os.getpid()}


def test_items_and_functions_need_not_be_picklable():
    makers = [lambda n=n: n for n in range(50)]  # lambdas cannot be pickled
    assert Parallel(lambda make: make() + 1, makers, workers=2).results() == list(range(1, 51))


def test_work_meanwhile_then_results():
    pool = Parallel(square, range(100), workers=2, chunk=7).start()
    meanwhile = sum(range(1000))  # the building process's own work
    assert meanwhile == 499500 and [v for v, _ in pool.results()] == [n * n for n in range(100)]


def test_leftover_of_each_worker_is_merged():
    state: set[int] = set()

    def note(number: int) -> int:
        state.add(os.getpid())
        return number

    merged: list[set[int]] = []
    pool = Parallel(note, range(100), workers=2, leftover=lambda: set(state), merge=merged.append)
    assert pool.results() == list(range(100))
    assert len(merged) == 1 and os.getpid() not in merged[0]  # the forked worker's pid only


def failing(number: int) -> int:
    if number == 77:
        raise ValueError("zła liczba 77")
    return number


def test_an_error_in_a_worker_is_raised_here_with_its_message():
    with pytest.raises((WorkerFailed, ValueError), match="zła liczba 77"):
        Parallel(failing, range(200), workers=2).results()


def test_in_background_runs_while_we_wait(tmp_path):
    marker = tmp_path / "done"
    process = in_background(lambda: marker.write_text("ok"))
    process.join()
    assert marker.read_text() == "ok" and process.exitcode == 0
