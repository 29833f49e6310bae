"""The worker pool: two forked processes that resolve blocks of values while the parent reads and writes.

Only where ``fork`` exists; elsewhere values are resolved in the parent.
The workers inherit the resolver (nothing is pickled), ignore the signals
that stop a run, hold no copy of the terminal's streams and die with the
parent. Each scores on one thread (two workers on two cores would otherwise
start four scoring threads) and sends its answers back as flat columns
(:class:`~aliasctl.matching.portable.MatchColumns`), which the parent
unpickles and unpacks in a small fraction of the time one object an answer took.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from ..errors import EX_SOFTWARE, AliasctlError
from ..matching.batch import set_scoring_threads
from ..matching.portable import MatchColumns
from ..matching.resolver import Match, Resolver

_WORKER: dict[str, tuple[Resolver, int]] = {}

#: The processes in the pool.
WORKERS = 2


def _resolve_in_worker(values: list[str]) -> MatchColumns:
    resolver, top = _WORKER["job"]
    return MatchColumns.pack(values, resolver.resolve_batch(values, top=top))


#: Values sent to a worker at once: small enough that stopping waits little for the batch in hand.
MAX_TASK = 4000


class Background:
    """Two forked worker processes that resolve blocks of values while the parent does I/O.

    A worker is never killed while it works: it may be halfway through
    sending its answers, and the pool would wait for the rest for ever. So
    Ctrl-C and SIGTERM are the parent's alone (the workers ignore them); when
    a run stops, the batches not started are cancelled and those in hand (at
    most :data:`MAX_TASK` values each) finish. A worker dies with the parent
    if the parent is killed outright.

    A worker that dies all the same (killed, out of memory) is noticed by
    polling: the pool itself may wait for ever on an answer it sent half of.
    The others are then killed and the pool's own end of its answer pipe
    closed, so that the pool's thread sees the end and stops.
    """

    def __init__(self, pool: Any) -> None:
        self._pool = pool
        # ProcessPoolExecutor offers neither of these publicly (before Python 3.14).
        self._procs = list(getattr(pool, "_processes", {}).values())
        self._answers = getattr(pool, "_result_queue", None)

    @classmethod
    def start(cls, resolver: Resolver, top: int) -> Background | None:
        import multiprocessing
        import signal
        from concurrent.futures import ProcessPoolExecutor

        if "fork" not in multiprocessing.get_all_start_methods():
            return None
        _WORKER["job"] = (resolver, top)  # inherited by the forked worker: nothing is pickled
        # The tables the resolver builds on first use, built once here rather than once in each
        # worker: the workers then share them (copy on write) instead of each spending the time.
        resolver.index.block("")
        resolver.index.words()
        pool = ProcessPoolExecutor(
            max_workers=WORKERS,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_worker_init,
            initargs=(os.getpid(),),
        )
        # The workers are forked on the first submit. Until their initializer runs they would
        # take Ctrl-C or SIGTERM as this process does, with a traceback: hold the signals back
        # across the fork (the workers then ignore them; this process gets them after).
        stops = {signal.SIGINT, signal.SIGTERM}
        held = signal.pthread_sigmask(signal.SIG_BLOCK, stops)
        try:
            pool.submit(int)
            background = cls(pool)
        finally:
            try:
                signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a held Ctrl-C is raised here
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise
        return background

    def submit(self, values: list[str]) -> _Parts:
        """Start resolving ``values``, in parts for the two workers."""
        from concurrent.futures.process import BrokenProcessPool

        parts = max(WORKERS if len(values) >= 1000 else 1, -(-len(values) // MAX_TASK))
        size = -(-len(values) // parts)
        pieces = [values[i : i + size] for i in range(0, len(values), size)]
        try:
            futures = [self._pool.submit(_resolve_in_worker, piece) for piece in pieces]
        except BrokenProcessPool:
            raise WorkerError(_WORKER_DIED) from None
        return _Parts(futures, pieces, self)

    def lost(self) -> bool:
        """Whether a worker died (or the pool knows it broke)."""
        return bool(getattr(self._pool, "_broken", False)) or any(not p.is_alive() for p in self._procs)

    def _bury(self) -> None:
        """Kill the workers left and unblock the pool's thread (see the class notes)."""
        for proc in self._procs:
            if proc.is_alive():
                proc.kill()
            proc.join()
        writer = getattr(self._answers, "_writer", None)
        if writer is not None and not writer.closed:
            writer.close()

    def close(self, abort: bool = False) -> None:
        """Stop the workers once their batches in hand are done (``abort``: drop the others).

        A pool that broke (a worker died: killed, out of memory) cannot stop
        the others itself, as they ignore SIGTERM: they are killed.
        """
        manager = getattr(self._pool, "_executor_manager_thread", None)
        self._pool.shutdown(wait=False, cancel_futures=abort)
        # Wait here rather than in shutdown(): the pool may break while it winds down.
        while manager is not None and manager.is_alive():
            if self.lost():
                self._bury()
            manager.join(0.05)
        _WORKER.pop("job", None)


def _worker_init(parent: int) -> None:
    """Make a worker die with the parent and keep out of its signals, terminal and pipes.

    Ctrl-C and SIGTERM are the parent's to handle (it stops the workers); a
    worker holds no copy of stdin, stdout or stderr, so a pipeline never
    waits on one; and on Linux it is killed when the parent dies, however it
    dies.
    """
    import signal

    stops = {signal.SIGINT, signal.SIGTERM}
    for sig in stops:
        signal.signal(sig, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, stops)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
    set_scoring_threads(1)


class WorkerError(AliasctlError):
    """A background worker died."""

    exit_code = EX_SOFTWARE


_WORKER_DIED = "a worker process died (killed, or out of memory?)"


@dataclass
class _Parts:
    """The answers to a list of values resolved in parts (by the workers), in order."""

    parts: list[Any]
    values: list[list[str]]
    background: Background

    def done(self) -> bool:
        return all(part.done() for part in self.parts)

    def result(self) -> list[Match]:
        """The answers, in order; waits for them, checking that the workers live."""
        from concurrent.futures import TimeoutError as Pending
        from concurrent.futures.process import BrokenProcessPool

        out: list[Match] = []
        for part, values in zip(self.parts, self.values, strict=True):
            while True:
                try:
                    out += part.result(timeout=0.25).unpack(values)
                    break
                except Pending:
                    if self.background.lost():
                        raise WorkerError(_WORKER_DIED) from None
                except BrokenProcessPool:
                    raise WorkerError(_WORKER_DIED) from None
        return out


__all__ = ["MAX_TASK", "WORKERS", "Background", "WorkerError"]
