"""The value cache: each distinct value resolved once, its added cells kept for the next time it is seen.

Values repeat in real tables (a million incident rows name a few thousand
groups), so memory grows with the number of distinct values, never with the
number of rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from ..constants import MAX_VALUE_CHARS, too_long
from ..errors import DataError
from ..matching.resolver import Match, Resolver
from .report import REVIEW_CANDIDATES, Counts
from .workers import Background

#: New values in one block that start the background workers at once (when they may be started):
#: resolving them in this process alone would leave the other cores idle for as long.
BACKGROUND_VALUES = 1000


class ValueTooLongError(DataError):
    """A value past :data:`~aliasctl.constants.MAX_VALUE_CHARS`: its length, and the row it was first seen on."""

    def __init__(self, length: int, row: int | None) -> None:
        super().__init__(too_long(length))
        self.length = length
        self.row = row


class ValueCache:
    """Each distinct value resolved once, its added cells kept for the next time.

    Args:
        resolver: the resolver.
        cells: turns a match into the four added cells, in the output's types
            (or into their text, ready to insert).
        top: candidates kept for the review queue.
    """

    def __init__(
        self,
        resolver: Resolver,
        cells: Callable[[Match | None], Any],
        top: int = REVIEW_CANDIDATES,
    ) -> None:
        self.resolver = resolver
        self._cells_of = cells
        self.top = top
        self.blank = cells(None)
        self.cells: dict[str, Any] = {}
        self.matches: dict[str, Match] = {}
        self.counts: Counter[str] = Counter()
        self.first_rows: dict[str, int] = {}
        self._asked: set[str] = set()
        self._background: Background | None = None
        #: Start the background workers for a block with at least this many new values (None: not yet).
        self.background_values: int | None = None

    def learn(self, values: list[str], row_of: Callable[[int], int] | None = None) -> dict[str, Any]:
        """Count ``values`` and resolve the ones not seen before; return the cell table."""
        return self.settle(self.prepare(values, row_of))

    def prepare(
        self,
        values: list[str],
        row_of: Callable[[int], int] | None = None,
        counts: list[int] | None = None,
    ) -> tuple[list[str], Any]:
        """Count ``values`` and start resolving the new ones (in the background when started).

        Args:
            values: the values of a block.
            row_of: the table row of ``values[k]``, to note where a value is first seen.
            counts: how often each value occurs, when ``values`` are the block's
                distinct values (each once, ``row_of`` giving its first row).
        """
        cells = self.cells
        asked = self._asked
        if counts is not None:
            self.counts.update(dict(zip(values, counts, strict=True)))
            new = []
            for k, v in enumerate(values):
                if v not in cells and v not in asked:
                    new.append(v)
                    if row_of is not None:
                        self.first_rows[v] = row_of(k)
        else:
            self.counts.update(values)
            new = [v for v in set(values) if v not in cells and v not in asked]
        if counts is None and new and row_of is not None:
            first = dict(
                zip(reversed(values), range(len(values) - 1, -1, -1), strict=True)
            )  # first index wins
            for v in new:
                self.first_rows[v] = row_of(first[v])
        todo = []
        for v in new:
            if v.strip():
                if len(v) > MAX_VALUE_CHARS:
                    raise ValueTooLongError(len(v), None if row_of is None else self.first_rows[v])
                todo.append(v)
                asked.add(v)
            else:
                cells[v] = self.blank
        if not todo:
            return todo, None
        if self.background_values is not None and len(todo) >= self.background_values:
            self.start_background()
        if self._background is not None:
            return todo, self._background.submit(todo)
        return todo, self.resolver.resolve_batch(todo, top=self.top)

    def ready(self, token: tuple[list[str], Any]) -> bool:
        """Whether the answers started by :meth:`prepare` are in (:meth:`settle` will not wait)."""
        answers = token[1]
        return answers is None or isinstance(answers, list) or answers.done()

    def settle(self, token: tuple[list[str], Any]) -> dict[str, Any]:
        """Wait for the answers started by :meth:`prepare`; return the cell table."""
        todo, answers = token
        if todo:
            if not isinstance(answers, list):
                answers = answers.result()
            cells = self.cells
            for v, match in zip(todo, answers, strict=True):
                self.matches[v] = match
                cells[v] = self._cells_of(match)
                self._asked.discard(v)
        return self.cells

    def start_background(self) -> None:
        """Resolve in a forked worker process from now on, while this one reads and writes.

        Only where ``fork`` exists; elsewhere resolution stays in this process.
        """
        if self._background is None:
            self._background = Background.start(self.resolver, self.top)

    def close(self, abort: bool = False) -> None:
        """Stop the background workers, if any (``abort``: without waiting for their work)."""
        if self._background is not None:
            self._background.close(abort)
            self._background = None

    def tally(self, rows: int, columns: list[str], ragged: int = 0, ragged_lines: list[int] | None = None) -> Counts:
        """What was counted, for the report: ``rows`` read, the ``columns`` resolved, every value seen."""
        return Counts(
            rows,
            columns,
            self.counts,
            self.matches,
            self.first_rows,
            ragged,
            [] if ragged_lines is None else ragged_lines,
        )


__all__ = ["BACKGROUND_VALUES", "ValueCache", "ValueTooLongError"]
