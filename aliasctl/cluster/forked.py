"""Work on both cores: yes-or-no verdicts over many items, and one job beside the parent's
(:func:`~aliasctl.matching.forked.beside`, kept with the index build, which uses it too).

The workers inherit the job (for verdicts, nothing is pickled but the ranges
asked and the bytes answered), ignore Ctrl-C and SIGTERM (the parent stops
them) and run only while their work is done. Where ``fork`` does not exist,
or the items are few, the parent does the work alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

from ..matching.forked import WORKERS, beside, quiet

#: Below this many items, forking costs more than it saves.
MIN_FORKED = 4000
#: Items per task: enough tasks that a slow one does not leave the other core idle.
_TASK = 2000

_JOB: dict[str, tuple[Callable[[Any], bool], Sequence[Any]]] = {}


def _answer(start: int, stop: int) -> bytes:
    verdict, items = _JOB["job"]
    return bytes(verdict(items[i]) for i in range(start, stop))


def verdicts(verdict: Callable[[Any], bool], items: Sequence[Any]) -> bytes:
    """``verdict(item)`` for each item, as one byte each (1 for true), in order.

    Args:
        verdict: a pure function of one item (it runs in forked copies of this process).
        items: what to decide.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    workers = min(WORKERS, os.cpu_count() or 1)
    if len(items) < MIN_FORKED or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return bytes(verdict(item) for item in items)
    _JOB["job"] = (verdict, items)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=quiet) as pool:
            starts = range(0, len(items), _TASK)
            parts = pool.map(_answer, starts, [min(s + _TASK, len(items)) for s in starts])
            return b"".join(parts)
    finally:
        _JOB.clear()


__all__ = ["MIN_FORKED", "WORKERS", "beside", "verdicts"]
