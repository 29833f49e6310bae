"""The four cells added for a match (id, name, score, status), as text or as typed values."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..matching.resolver import UNRESOLVED, Match
from ..tables.escape import escape_formula


def text_cells(escape: Callable[[str], str] = escape_formula) -> Callable[[Match | None], tuple[str, ...]]:
    """Added cells as text (CSV, TSV), escaped against formulas."""

    def cells(match: Match | None) -> tuple[str, ...]:
        if match is None:
            return ("", "", "", "")
        score = f"{match.score:.1f}" if match.status != UNRESOLVED else ""
        return (escape(match.id or ""), escape(match.name or ""), score, match.status)

    return cells


def value_cells(match: Match | None) -> tuple[Any, ...]:
    """Added cells as typed values (XLSX, JSON Lines, Parquet): ``None`` for nothing."""
    if match is None:
        return (None, None, None, None)
    score = round(match.score, 1) if match.status != UNRESOLVED else None
    return (match.id, match.name, score, match.status)



__all__ = ["text_cells", "value_cells"]
