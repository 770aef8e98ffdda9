"""Running work in parallel processes: the portal's one process pool.

Every parallel step of a build (reading Markdown ahead, checking and encoding photos,
drawing share cards, rendering pages, minifying and compressing the published site) goes
through ``Parallel``. Its workers are forked, so they start with everything the build has
made so far (settings, plugins, the whole Pelican context) and nothing but the results is
pickled; items need not be picklable either. The building process is a worker too: it
starts the others, may do its own work meanwhile (``start`` returns at once), and then
takes items like them (``results``). Items are taken in chunks as the processes go, not
split up front: pages and photos differ in cost, and a fixed split left one process waiting
seconds for the other.

    done = Parallel(encode, photos, workers=2).results()        # in item order
    pool = Parallel(convert, files, workers=2).start()          # children start now
    ...validate meanwhile...
    html = pool.results()

``leftover`` (optional) is called once in each forked worker when it has no more items,
and its value - what the work left in that process besides its results, such as photos a
page asked for - is handed to ``merge`` in the building process.

A worker's exception stops the others after their current chunk and is raised in the
building process with the worker's message. Below ``serial_below`` items (default: twice
the workers) everything runs in the building process: starting a process costs more.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class WorkerFailed(RuntimeError):
    """A worker process stopped; the message is the worker's error, as text (``kind``: the
    name of the exception's class, ``text``: its own message)."""

    def __init__(self, message: str, kind: str = "", text: str = "") -> None:
        super().__init__(message)
        self.kind, self.text = kind, text or message


class Parallel(Generic[Item, Result]):
    def __init__(
        self,
        function: Callable[[Item], Result],
        items: Iterable[Item],
        workers: int,
        chunk: int = 1,
        leftover: Callable[[], Any] | None = None,
        merge: Callable[[Any], None] | None = None,
        serial_below: int | None = None,
    ) -> None:
        self.function = function
        self.items = list(items)
        self.chunk = max(1, chunk)
        self.leftover, self.merge = leftover, merge
        threshold = 2 * workers if serial_below is None else serial_below
        self.workers = max(1, workers) if len(self.items) >= max(threshold, 2) else 1
        self.done: dict[int, Result] = {}
        self.children: list[tuple[int, int]] = []  # (pid, read end of its pipe)
        self.taken = None  # the shared number of the next chunk, once workers are forked
        self.serial_next = 0  # the next chunk when the building process works alone
        self.started = False

    @property
    def chunks(self) -> int:
        return -(-len(self.items) // self.chunk)

    def start(self) -> Parallel[Item, Result]:
        """Fork the other workers; they start taking items at once."""
        if self.started:
            return self
        self.started = True
        if self.workers <= 1:
            return self
        self.taken = multiprocessing.get_context("fork").Value("i", 0)  # the next chunk to take
        # objects made so far are never collected while the work runs, in the workers (a
        # collection would write to every object of the build's shared, copy-on-write
        # memory) nor here (they outlive the work); ``results`` unfreezes them
        gc.freeze()
        try:
            for _ in range(self.workers - 1):
                self.children.append(self._fork())
        except BaseException:
            gc.unfreeze()
            raise
        return self

    def results(self) -> list[Result]:
        """Take the items nobody has taken yet, collect every worker's results, and return
        all results in the order of the items."""
        self.start()
        try:
            return self._collect()
        finally:
            if self.taken is not None:
                gc.unfreeze()

    def _collect(self) -> list[Result]:
        failure: BaseException | None = None
        try:
            self._work()
        except BaseException as error:  # noqa: BLE001 - re-raised after the workers are collected
            failure = error
            self._stop_taking()
        for pid, reader in self.children:
            with os.fdopen(reader, "rb") as pipe:
                data = pipe.read()
            os.waitpid(pid, 0)
            # written by our own forked worker through a private pipe
            result = pickle.loads(data) if data else {"error": "proces roboczy przerwał pracę"}  # noqa: S301
            if "error" in result:
                failure = failure or WorkerFailed(
                    result["error"], result.get("kind", ""), result.get("text", "")
                )
                continue
            self.done.update(result["done"])
            if self.merge is not None and "leftover" in result:
                self.merge(result["leftover"])
        self.children = []
        if failure is not None:
            raise failure
        return [self.done[index] for index in range(len(self.items))]

    def _next_chunk(self) -> int | None:
        if self.taken is None:  # serial: the building process takes every chunk in turn
            number, self.serial_next = self.serial_next, self.serial_next + 1
            return number if number < self.chunks else None
        with self.taken.get_lock():
            number = self.taken.value
            if number >= self.chunks:
                return None
            self.taken.value = number + 1
        return number

    def _stop_taking(self) -> None:
        if self.taken is not None:
            with self.taken.get_lock():
                self.taken.value = self.chunks  # the workers stop after their current chunk

    def _work(self) -> dict[int, Result]:
        """Take chunks until none is left; the results of the items this process did."""
        mine: dict[int, Result] = {}
        while (number := self._next_chunk()) is not None:
            start = number * self.chunk
            for index in range(start, min(start + self.chunk, len(self.items))):
                mine[index] = self.function(self.items[index])
        self.done.update(mine)
        return mine

    def _fork(self) -> tuple[int, int]:
        reader, writer = os.pipe()
        pid = os.fork()
        if pid:
            os.close(writer)
            return pid, reader
        os.close(reader)  # the worker: work, send the results, exit without cleanup
        status = 0
        try:
            self.done = {}
            message: dict[str, Any] = {"done": self._work()}
            if self.leftover is not None:
                message["leftover"] = self.leftover()
        except BaseException as error:  # noqa: BLE001 - sent to the building process as text
            message = {
                "error": "".join(traceback.format_exception_only(error)).strip(),
                "kind": type(error).__name__,
                "text": str(error),
            }
            status = 1
        try:
            with os.fdopen(writer, "wb") as pipe:
                pipe.write(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
        finally:
            os._exit(status)


class Background:
    """A forked process running one function (``in_background``)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.exitcode: int | None = None

    def join(self) -> None:
        if self.exitcode is None:
            try:
                _, status = os.waitpid(self.pid, 0)
                self.exitcode = os.waitstatus_to_exitcode(status)
            except ChildProcessError:  # already waited for
                self.exitcode = 0


def in_background(function: Callable[[], Any]) -> Background:
    """Run ``function`` in a forked process while the build goes on (writing a large cache
    file); ``join()`` the returned process before reading what it writes in this process.

    The build command does not wait for it when it exits (it returns as soon as the site is
    built): the process finishes on its own, writing by rename, with its output going
    nowhere (a caller reading the build's output to its end is not kept waiting)."""
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 1
        try:
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            function()
            code = 0
        finally:
            os._exit(code)
    return Background(pid)
