"""``aliasctl clean``: resolve columns of a table, add the answer columns, touch nothing else.

For every resolved column four cells are added right after it:
``<col>_id``, ``<col>_name``, ``<col>_score`` and ``<col>_status``
(``matched``, ``ambiguous`` or ``unresolved``; all four are blank for a blank
cell). Added cells are always escaped against formula injection. Each
distinct value is resolved once, however often it occurs.

Modules:
    options:   :class:`CleanOptions` (what was asked) and :class:`Naming` (how added columns are named).
    report:    :class:`CleanReport` and its :class:`ReviewItem` s, filled in one place from a run's counts.
    plan:      the column plan: resolved positions, added and replaced columns.
    cells:     the four added cells of a match, as text or typed values.
    cache:     the value cache: each distinct value resolved once.
    workers:   the forked worker pool that resolves while the parent reads and writes.
    blocks:    the block pipeline: rows in blocks, resolved ahead of the writer.
    runners/:  one runner per format (delimited, jsonl, xlsx, parquet), each returning its counts.
    run:       :func:`clean_file`: the request checked, the input opened, the output written atomically.
    review:    the review queue as a CSV file.
    inmemory:  :func:`clean_rows` (rows of strings) and :func:`resolve_series` (pandas).
    dataset:   :func:`clean_dataset`: a folder or glob of Parquet, CSV and TSV files, file by file,
               here or through any ``map_parts`` (a Dask cluster), with one report and review queue.
"""

from __future__ import annotations

from .cache import ValueCache
from .cells import text_cells, value_cells
from .dataset import check_dataset, clean_dataset, is_dataset
from .inmemory import clean_rows, resolve_series
from .options import ADDED_FIELDS, CleanOptions, Naming
from .plan import Plan, plan_columns
from .report import CleanReport, ReviewItem, check_fail_on
from .review import review_rows, write_review
from .run import clean_file
from .workers import WorkerError

__all__ = [
    "ADDED_FIELDS",
    "CleanOptions",
    "CleanReport",
    "Naming",
    "Plan",
    "ReviewItem",
    "ValueCache",
    "WorkerError",
    "check_dataset",
    "check_fail_on",
    "clean_dataset",
    "clean_file",
    "clean_rows",
    "is_dataset",
    "plan_columns",
    "resolve_series",
    "review_rows",
    "text_cells",
    "value_cells",
    "write_review",
]
