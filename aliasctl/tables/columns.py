"""Columns of a table: finding one by name or number, and the review queue's columns."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import UsageError

#: The columns of the review queue that ``clean --review`` writes and ``cluster`` reads.
REVIEW_HEADER = ["value", "count", "status", "candidates", "reason", "first_row"]
#: How the review queue's first line starts: a comment naming the registry and settings that resolved it.
REVIEW_COMMENT = "# aliasctl review queue: "


def find_column(header: Sequence[str], spec: str) -> int:
    """The 0-based position of the column named (or numbered from 1) by ``spec``.

    Raises:
        UsageError: no such column, or the name is on several columns.
    """
    hits = [i for i, name in enumerate(header) if name == spec]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        places = " and ".join(str(i + 1) for i in hits)
        raise UsageError(
            f"column '{spec}' appears {len(hits)} times in the header (columns {places}): "
            f"name it by number, e.g. --column {hits[0] + 1}"
        )
    if spec.isdigit() and 1 <= int(spec) <= len(header):
        return int(spec) - 1
    shown = ", ".join(header[:12]) + (", ..." if len(header) > 12 else "")
    raise UsageError(f"no column '{spec}' in the header (columns: {shown})")
