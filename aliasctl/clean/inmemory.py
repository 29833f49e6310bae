"""Cleaning data already in memory: rows of strings (:func:`clean_rows`) and pandas Series (:func:`resolve_series`)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..constants import MAX_VALUE_CHARS, too_long
from ..errors import AliasctlError, DataError
from ..matching.batch import resolve_many
from ..matching.resolver import DEFAULT_TOP, Resolver
from .blocks import clean_blocks, in_blocks
from .cache import ValueCache
from .cells import text_cells
from .options import BLOCK_ROWS, Naming
from .plan import plan_columns
from .report import CleanReport, fill_report


def clean_rows(
    rows: Iterable[Sequence[str]],
    columns: Sequence[str],
    resolver: Resolver,
    *,
    naming: Naming = Naming(),
    replace: bool = False,
    report: CleanReport | None = None,
) -> Iterator[list[str]]:
    """Resolve ``columns`` of a table given as rows of strings, header first.

    Args:
        rows: the header, then the data rows.
        columns: column names, or numbers counted from 1.
        resolver: the resolver to use.
        naming: how the added columns are named.
        replace: overwrite existing columns that have an added column's name.
        report: filled in with counts and the review queue when the rows are exhausted
            (a ragged row, one whose length is not the header's, is noted by its row
            number, the header being row 1).

    Yields:
        The new header, then each row with its added cells (row i out is row i in).

    Example:
        >>> rows = [["actor", "n"], ["Kata'ib Hizballah", "007"]]
        >>> out = list(clean_rows(rows, ["actor"], Resolver(load_registry())))
    """
    it = iter(rows)
    header = next(it, None)
    if header is None:
        return
    plan = plan_columns(list(header), columns, naming, replace)
    cache = ValueCache(resolver, text_cells())
    yield plan.escaped_header()
    width = len(plan.header)
    count = ragged = 0
    ragged_lines: list[int] = []

    def data_rows() -> Iterator[list[str]]:
        # Counted as read: once cleaned, a row with four extra cells is as wide as any other.
        nonlocal count, ragged
        for row in it:
            count += 1
            if len(row) != width:
                ragged += 1
                if len(ragged_lines) < 10:
                    ragged_lines.append(count + 1)  # the header is row 1
            yield list(row)

    yield from itertools.chain.from_iterable(clean_blocks(in_blocks(data_rows(), BLOCK_ROWS), plan, cache))
    if report is not None:
        fill_report(report, cache.tally(count, plan.resolved, ragged, ragged_lines))


def resolve_series(series: Any, resolver: Resolver | None = None, *, top: int = DEFAULT_TOP) -> Any:
    """Resolve a pandas Series of names; return a DataFrame with the same index.

    Columns: ``id``, ``name``, ``score``, ``status``, ``method`` (missing
    values give missing answers). Each distinct value is resolved once, by
    :func:`aliasctl.matching.batch.resolve_many`, the call every engine uses
    (``aliasctl.engines.pandas.resolve`` gives all its columns).

    Raises:
        AliasctlError: pandas is not installed.
        DataError: a value is longer than :data:`~aliasctl.constants.MAX_VALUE_CHARS`.
    """
    try:
        import pandas  # noqa: F401 - only to say so when it is missing
    except ImportError:
        raise AliasctlError("resolve_series needs pandas: pip install 'aliasctl[pandas]'") from None
    if resolver is None:
        from ..matching.portable import open_resolver

        resolver = open_resolver()
    for v in series.dropna().unique().tolist():
        if isinstance(v, str) and len(v) > MAX_VALUE_CHARS:
            first = series.index[series.eq(v)][0]
            raise DataError(f"index {first!r}: {too_long(len(v))}")
    frame = resolve_many(resolver, series, top=top).to_pandas(series.index)
    return frame[["id", "name", "score", "status", "method"]]


__all__ = ["clean_rows", "resolve_series"]
