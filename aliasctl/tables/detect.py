"""Which format a table is in: the one asked for, or the one its file name says."""

from __future__ import annotations

import os

from ..constants import FORMATS, STREAM_FORMATS
from ..errors import DataError, UsageError

_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}


def detect_format(path: str, explicit: str | None, what: str = "input") -> str:
    """Return the table format named by ``explicit`` or by the extension of ``path``.

    Raises:
        UsageError: neither says which format it is.
    """
    if explicit:
        return explicit
    if path == "-":
        return "csv"
    ext = os.path.splitext(path)[1].lower()
    fmt = _EXTENSIONS.get(ext)
    if ext == ".xls":
        raise DataError(f"an old Excel .xls file as {what}: use .xlsx or CSV instead", path)
    if fmt is None:
        raise UsageError(
            f"cannot tell the format of {what} '{path}' from its extension: "
            f"use --{what}-format ({', '.join(FORMATS)})"
        )
    return fmt



__all__ = ["FORMATS", "STREAM_FORMATS", "detect_format"]
