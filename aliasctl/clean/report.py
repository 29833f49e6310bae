"""What a clean run did: the counts each format's runner hands back, and the report made from them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..matching.resolver import AMBIGUOUS, MATCHED, UNRESOLVED, Match

#: The status of a blank cell, which is not resolved.
EMPTY = "empty"
#: Candidates kept for each value of the review queue.
REVIEW_CANDIDATES = 3


@dataclass
class ReviewItem:
    """A distinct value a person should look at."""

    value: str
    count: int
    match: Match
    first_row: int | None = None  # the table row it was first seen on (JSON Lines: the line)


@dataclass
class CleanReport:
    """What a clean run did.

    ``ragged_lines`` holds where the first ten ragged rows are (rows whose
    number of cells is not the header's; in JSON Lines, records without any
    resolved key): the physical line of a CSV, TSV or JSON Lines file, the
    row (the header being row 1) for :func:`~aliasctl.clean.clean_rows`.
    """

    rows: int = 0
    columns: list[str] = field(default_factory=list)
    distinct: int = 0
    cells: Counter[str] = field(default_factory=Counter)
    values: Counter[str] = field(default_factory=Counter)
    methods: Counter[str] = field(default_factory=Counter)
    ragged: int = 0
    ragged_lines: list[int] = field(default_factory=list)
    input_description: str = ""
    review: list[ReviewItem] = field(default_factory=list)
    #: What resolved the values: the registry's SHA-256, the scorer and its settings, the versions.
    settings: dict[str, Any] = field(default_factory=dict)

    def count(self, status: str) -> int:
        """How many cells ended with ``status``."""
        return self.cells.get(status, 0)


@dataclass
class Counts:
    """What one run counted: each format's runner hands these back, and :func:`fill_report` reports them.

    Attributes:
        rows: data rows read.
        columns: the resolved columns (or JSON keys).
        seen: how often each distinct value occurred.
        matches: the answer for each value resolved (a blank value has none).
        first_rows: the table row (JSON Lines: the line) where each value was first seen.
        ragged: rows passed through because they do not fit the header.
        ragged_lines: where the first ten of those are.
    """

    rows: int
    columns: list[str]
    seen: Counter[str]
    matches: dict[str, Match]
    first_rows: dict[str, int]
    ragged: int = 0
    ragged_lines: list[int] = field(default_factory=list)


def fill_report(report: CleanReport, counts: Counts) -> None:
    """Fill ``report`` from what a run counted: the one place a report is filled in.

    Cells and distinct values are counted by status, matched cells by
    method, and the review queue (every value not matched) is sorted with
    the most frequent values first.
    """
    report.rows = counts.rows
    report.columns = counts.columns
    report.ragged = counts.ragged
    report.ragged_lines = counts.ragged_lines
    report.distinct = len(counts.matches)
    review = []
    for value, count in counts.seen.items():
        match = counts.matches.get(value)
        if match is None:
            report.cells[EMPTY] += count
            continue
        report.cells[match.status] += count
        report.values[match.status] += 1
        if match.status == MATCHED:
            report.methods[match.method or ""] += count
        else:
            review.append(ReviewItem(value, count, match, counts.first_rows.get(value)))
    review.sort(key=lambda r: (-r.count, r.value))
    report.review = review


def check_fail_on(report: CleanReport, fail_on: str | None) -> bool:
    """Whether the run should exit 1 under ``--fail-on``."""
    if fail_on == "unresolved":
        return report.count(UNRESOLVED) > 0
    if fail_on == "ambiguous":
        return report.count(UNRESOLVED) + report.count(AMBIGUOUS) > 0
    return False


__all__ = [
    "EMPTY",
    "REVIEW_CANDIDATES",
    "CleanReport",
    "Counts",
    "ReviewItem",
    "check_fail_on",
    "fill_report",
]
