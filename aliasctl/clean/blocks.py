"""The block pipeline: rows read in blocks, each block's new values resolved together, ahead of the writer.

The values of a block not seen before are resolved in one batch
(:meth:`~aliasctl.matching.resolver.Resolver.resolve_batch`), in the
background workers once a run is long enough, while the blocks before it are
written; a value seen again costs one dict lookup.
"""

from __future__ import annotations

import itertools
import operator
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from .cache import BACKGROUND_VALUES, ValueCache
from .options import Progress
from .plan import Plan

T = TypeVar("T")


def in_blocks(rows: Iterable[T], size: int) -> Iterator[list[T]]:
    """Blocks of ``size`` rows (the last may be shorter)."""
    it = iter(rows)
    while block := list(itertools.islice(it, size)):
        yield block


def resolve_ahead(
    blocks: Iterable[T],
    values_of: Callable[[T], tuple[Any, ...]],
    rows_of: Callable[[T], int],
    cache: ValueCache,
    background_after: int | None = None,
    ahead: int = 1,
) -> Iterator[tuple[T, dict[str, Any]]]:
    """Yield each block with the cell table that answers it, resolving ahead of the caller.

    ``values_of`` gives a block's values and the table row of each (by index),
    and optionally how often each occurs (the values then distinct): the
    arguments of :meth:`ValueCache.prepare`. The values of the next block are
    sent to be resolved before a block is handed back, so that with background
    workers (started once ``background_after`` rows have been read, or at once
    for a block with :data:`~aliasctl.clean.cache.BACKGROUND_VALUES` new values
    when ``background_after`` is set) resolving overlaps the caller's reading
    and writing. While the oldest block's answers are not ready, up to
    ``ahead`` further blocks are read rather than waited on; the workers are
    stopped when the blocks run out.
    """
    read = 0
    pending: deque[tuple[T, tuple[list[str], Any]]] = deque()
    if background_after is not None:
        cache.background_values = BACKGROUND_VALUES
    try:
        for block in blocks:
            read += rows_of(block)
            if background_after is not None and read >= background_after:
                cache.start_background()
                background_after = None
            pending.append((block, cache.prepare(*values_of(block))))
            while len(pending) > ahead or (len(pending) > 1 and cache.ready(pending[0][1])):
                oldest, token = pending.popleft()
                yield oldest, cache.settle(token)
        while pending:
            oldest, token = pending.popleft()
            yield oldest, cache.settle(token)
    except BaseException:
        cache.close(abort=True)
        raise
    cache.close()


def clean_blocks(
    blocks: Iterable[list[list[Any]]],
    plan: Plan,
    cache: ValueCache,
    *,
    key: Callable[[Any], str] | None = None,
    escape_all: Callable[[list[Any]], list[Any]] | None = None,
    progress: Progress | None = None,
    background_after: int | None = None,
) -> Iterator[list[list[Any]]]:
    """Resolve the planned columns of blocks of rows, in place (see :func:`resolve_ahead`).

    Rows whose length differs from the header's are passed through untouched.

    Yields:
        Each block, its rows with their added cells.
    """
    width = len(plan.header)
    positions = plan.positions

    start = 2  # the table row of the block's first row (the header is row 1)

    def values_of(block: list[list[Any]]) -> tuple[list[str], Callable[[int], int]]:
        nonlocal start
        first = start
        start += len(block)
        if set(map(len, block)) == {width}:
            k = len(positions)
            if key is None and k == 1:
                values = list(map(operator.itemgetter(positions[0]), block))
            else:
                conv = key or str
                values = [conv(row[p]) for row in block for p in positions]
            return values, lambda i: first + i // k
        conv = key or str
        values = [conv(row[p]) for row in block if len(row) == width for p in positions]
        rows = [first + r for r, row in enumerate(block) if len(row) == width for _ in positions]
        return values, rows.__getitem__

    done = 0
    for block, table in resolve_ahead(blocks, values_of, len, cache, background_after):
        yield _finish(block, table, plan, key, escape_all)
        done += len(block)
        if progress is not None:
            progress(done)


def _finish(
    block: list[list[Any]],
    table: dict[str, Any],
    plan: Plan,
    key: Callable[[Any], str] | None,
    escape_all: Callable[[list[Any]], list[Any]] | None,
) -> list[list[Any]]:
    width = len(plan.header)
    even = set(map(len, block)) == {width}
    positions = plan.positions
    backwards = positions[::-1]
    if plan.simple and key is None and escape_all is None:
        if len(positions) == 1:
            p = positions[0]
            q = p + 1
            if even:
                for row in block:
                    row[q:q] = table[row[p]]
            else:
                for row in block:
                    if len(row) == width:
                        row[q:q] = table[row[p]]
        else:
            for row in block:
                if len(row) == width:
                    for p in backwards:
                        row[p + 1 : p + 1] = table[row[p]]
        return block
    conv = key or str
    keep = plan.kept() if plan.drop else None
    for n, row in enumerate(block):
        if len(row) != width:
            if escape_all is not None:
                block[n] = escape_all(row)
            continue
        for p in backwards:
            row[p + 1 : p + 1] = table[conv(row[p])]
        if keep is not None:
            row = [row[i] for i in keep]
        if escape_all is not None:
            row = escape_all(row)
        block[n] = row
    return block


__all__ = ["clean_blocks", "in_blocks", "resolve_ahead"]

