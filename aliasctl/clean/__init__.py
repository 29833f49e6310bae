"""``aliasctl clean``: resolve a column of a table, add the answer columns, touch nothing else."""

from __future__ import annotations

from .pipeline import (
    CleanOptions,
    CleanReport,
    Naming,
    ReviewItem,
    check_fail_on,
    clean_file,
    clean_rows,
    plan_columns,
    resolve_series,
    review_rows,
    text_cells,
    value_cells,
    write_review,
)

__all__ = [
    "CleanOptions",
    "CleanReport",
    "Naming",
    "ReviewItem",
    "check_fail_on",
    "clean_file",
    "clean_rows",
    "plan_columns",
    "resolve_series",
    "review_rows",
    "text_cells",
    "value_cells",
    "write_review",
]
