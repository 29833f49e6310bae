"""One runner per format: each cleans an open table into the output and hands back what it counted."""

from __future__ import annotations

from ...tables.base import TableReader
from ...tables.delimited import CsvReader
from ...tables.jsonl import JsonlReader
from ...tables.parquet import ParquetReader
from ...tables.xlsx import XlsxReader
from ..report import Counts
from .convert import clean_convert
from .delimited import clean_delimited
from .job import Job
from .jsonl import clean_jsonl
from .parquet import clean_parquet
from .xlsx import clean_xlsx


def run(job: Job, table: TableReader) -> Counts:
    """Clean ``table`` into ``job.sink`` with the runner of its format; return what was counted.

    A table written in another format (but CSV as TSV, and back) goes through :func:`clean_convert`.
    """
    if job.fmt_out != table.format and not {job.fmt_out, table.format} <= {"csv", "tsv"}:
        return clean_convert(job, table)
    if isinstance(table, CsvReader):
        return clean_delimited(job, table)
    if isinstance(table, JsonlReader):
        return clean_jsonl(job, table)
    if isinstance(table, XlsxReader):
        return clean_xlsx(job, table)
    if isinstance(table, ParquetReader):
        return clean_parquet(job, table)
    raise TypeError(f"no runner for {type(table).__name__}")  # pragma: no cover - every reader has one


__all__ = ["Job", "run"]
