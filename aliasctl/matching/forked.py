"""One job beside the parent's, in a forked copy of this process: a large registry's build on both cores.

The child inherits the job (nothing is pickled but its result), ignores
Ctrl-C and SIGTERM (the parent stops it) and runs only while its job is
done. Where ``fork`` does not exist, or there is one core, the parent does
the work alone.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")

#: The processes forked.
WORKERS = 2

_BESIDE: dict[str, Callable[[], Any]] = {}


def quiet() -> None:
    """Ignore Ctrl-C and SIGTERM (a forked worker's initializer: the parent stops it)."""
    import signal

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_IGN)


def _beside() -> Any:
    return _BESIDE["job"]()


@contextmanager
def beside(job: Callable[[], T], *, worth: bool = True) -> Iterator[Callable[[], T]]:
    """Run ``job()`` in a forked copy of this process while the parent goes on with other work.

    Yields a function that waits for the job and returns its result (sent
    back pickled: keep it small). Where ``fork`` does not exist or there is
    one core, the job runs in this process when its result is asked for.

    Args:
        job: a pure function of the state the process has when it forks.
        worth: whether the job is long enough to pay for a fork (else it runs here).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if not worth or min(WORKERS, os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield job
        return
    _BESIDE["job"] = job
    try:
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=quiet)
        try:
            future = pool.submit(_beside)
            yield future.result
        except BaseException:
            # Ctrl-C or an error in the parent: the child, which ignores both, is stopped, not
            # waited for.
            processes: dict[int, Any] = getattr(pool, "_processes", None) or {}
            for process in list(processes.values()):
                process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
    finally:
        _BESIDE.clear()


def halves(work: Callable[[int, int], T], count: int, *, least: int) -> tuple[T, T]:
    """``work(0, mid)`` and ``work(mid, count)``, the second in a forked process when ``count`` is large.

    Only a process with one thread forks: another thread may hold a lock the copy would wait on
    for ever (a lookup served from a thread builds in that thread alone).

    Args:
        work: a pure function of a range of positions (it runs in a forked copy of this process).
        count: how many positions there are.
        least: the fewest positions worth a fork (a small registry's build is quicker without).
    """
    mid = count // 2
    worth = count >= least and threading.active_count() == 1
    with beside(lambda: work(mid, count), worth=worth) as upper:
        lower = work(0, mid)
        return lower, upper()


__all__ = ["beside", "halves", "quiet"]
