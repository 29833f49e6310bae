"""The review queue: the values a person should look at, most frequent first, as a CSV file."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from ..files import AtomicFile
from ..tables.columns import REVIEW_COMMENT, REVIEW_HEADER
from ..tables.escape import escape_formula
from .report import REVIEW_CANDIDATES, CleanReport


def review_rows(report: CleanReport) -> Iterator[list[str]]:
    """The review queue as CSV rows: header, then the most frequent values first."""
    yield REVIEW_HEADER
    for item in report.review:
        cands = "; ".join(
            f"{c.id} ({c.name}) {c.score:.1f}" for c in item.match.candidates[:REVIEW_CANDIDATES]
        )
        first = "" if item.first_row is None else str(item.first_row)
        row = [item.value, str(item.count), item.match.status, cands, item.match.reason, first]
        yield [escape_formula(c) for c in row]


def review_comment(settings: dict[str, Any]) -> str:
    """The queue's first line: what resolved its values (:data:`REVIEW_COMMENT` and the settings as JSON).

    ``aliasctl cluster`` skips it when it reads the queue; other readers
    see one comment line (pandas: ``comment="#"``).
    """
    return REVIEW_COMMENT + json.dumps(settings, sort_keys=True, ensure_ascii=False)


def write_review(path: str, report: CleanReport) -> None:
    """Write the review queue as a UTF-8 CSV file (atomically), its first line a comment naming what resolved it."""
    review_file(path, report).commit()


def review_file(path: str, report: CleanReport) -> AtomicFile:
    """The review queue written to a temporary file beside ``path``: :meth:`~AtomicFile.commit` it, or discard it."""
    atomic = AtomicFile(path, defer=True)
    with atomic as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
        if report.settings:
            text.write(review_comment(report.settings) + "\n")
        csv.writer(text, lineterminator="\n").writerows(review_rows(report))
        text.flush()
        text.detach()
    return atomic


__all__ = ["review_comment", "review_file", "review_rows", "write_review"]
