"""Any format in, another format out: rows of values from the reader, the added cells, the writer of the output.

CSV and TSV between themselves, and each format into itself, have runners
that keep more of the input (its text, its styles); every other pair comes
here. Values travel as Python values and are spelt as the output format
spells them (:mod:`aliasctl.tables.values`); nothing is type-inferred from text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from typing import Any

from ...errors import DataError, UsageError
from ...provenance import provenance
from ...tables.base import TableReader
from ...tables.delimited import CsvDialect, CsvReader, CsvWriter
from ...tables.encodings import lookup_codec
from ...tables.escape import escape_formula
from ...tables.jsonl import JsonlReader, JsonlWriter
from ...tables.parquet import ParquetReader, ParquetRowWriter, import_pyarrow
from ...tables.values import MISSING, JsonLiteral, JsonNumber, cell_text, spreadsheet_value
from ...tables.xlsx import XlsxReader, XlsxWriter
from ..blocks import clean_blocks, in_blocks
from ..cache import ValueCache
from ..cells import text_cells, value_cells
from ..plan import plan_columns
from ..report import Counts
from .job import Job
from .parquet import parquet_metadata
from .xlsx import xlsx_cells, xlsx_key


class _Source:
    """An input as a table of values: its header, its rows in blocks, and the text each value resolves as."""

    def __init__(self, header: list[str], blocks: Iterator[list[list[Any]]], key: Callable[[Any], str]) -> None:
        self.header = header
        self.blocks = blocks
        self.key = key
        self.rows = 0

    def counted(self) -> Iterator[list[list[Any]]]:
        for block in self.blocks:
            self.rows += len(block)
            yield block


def _json_key(value: Any) -> str:
    # As in JSON Lines cleaned into JSON Lines: only strings are names.
    if value is None or value is MISSING or isinstance(value, JsonNumber | JsonLiteral):
        return ""
    return value if isinstance(value, str) else ""


def _source(reader: TableReader, size: int) -> _Source:
    if isinstance(reader, CsvReader):
        return _Source(list(reader.header), reader.blocks(size), str)
    if isinstance(reader, JsonlReader):
        header, rows = reader.as_table(size)
        if not header:
            raise UsageError(f"{reader.name} has no record to take columns from")
        return _Source(header, in_blocks(rows, size), _json_key)
    if isinstance(reader, XlsxReader):
        values = ([c.value for c in row] for row in reader)
        return _Source(list(reader.header), in_blocks(values, size), xlsx_key)
    assert isinstance(reader, ParquetReader)
    return _Source(list(reader.header), reader.rows(size), lambda v: "" if v is None else str(v))


def _keyed(blocks: Iterator[list[list[Any]]], width: int, fmt: str, name: str) -> Iterator[list[list[Any]]]:
    """Rows as wide as the header, for a format with one key a column: a short row padded, a long one refused."""
    row_number = 1
    for block in blocks:
        for k, row in enumerate(block):
            row_number += 1
            if len(row) < width:
                block[k] = row + [MISSING] * (width - len(row))
            elif len(row) > width:
                raise DataError(
                    f"row {row_number} has {len(row)} cells, the header {width}: "
                    f"{_FORMAT_NAMES[fmt]} has no column for the extra ones",
                    name,
                )
        yield block


_FORMAT_NAMES = {"jsonl": "JSON Lines", "parquet": "Parquet"}


def _sheet_title(name: str) -> str:
    """The input's file name as a sheet title: Excel's 31 characters, none of ``[]:*?/\\``."""
    stem = re.sub(r"[\[\]:*?/\\]", "_", os.path.splitext(os.path.basename(name))[0]).strip("'")
    return stem[:31] or "Sheet1"


def _escape_row(row: list[Any]) -> list[Any]:
    return [escape_formula(c) if isinstance(c, str) else c for c in row]


def clean_convert(job: Job, reader: TableReader) -> Counts:
    """Clean ``reader`` into ``job.sink`` in another format; return what was counted.

    Rows are written one for one. A row shorter than the header (CSV) is
    passed through unresolved (padded with nulls in Parquet); one longer than
    the header cannot be written as JSON Lines or Parquet, which have no
    column for its extra cells, and is an error.

    Raises:
        UsageError: a resolved Parquet column does not hold text; JSON Lines without any record.
        DataError: a header that names a column twice, for JSON Lines or Parquet output; a row too long.
    """
    options = job.options
    fmt = job.fmt_out
    source = _source(reader, options.block_rows)
    if fmt in _FORMAT_NAMES:
        source.blocks = _keyed(source.blocks, len(source.header), fmt, reader.name)
    plan = plan_columns(source.header, options.columns, options.naming, options.replace)
    if isinstance(reader, ParquetReader):
        for p in plan.positions:
            reader.require_text(p)
    escape_all = _escape_row if options.escape_formulas and fmt in ("csv", "tsv", "xlsx") else None
    cells: Callable[[Any], Any] = {"csv": text_cells(), "tsv": text_cells(), "xlsx": xlsx_cells}.get(fmt, value_cells)
    cache = ValueCache(job.resolver, cells)
    header = escape_all(plan.header_out) if escape_all else plan.escaped_header()
    write, close, discard = _writer(job, reader, plan.header_out, header, plan.added_at)
    try:
        for block in clean_blocks(
            source.counted(),
            plan,
            cache,
            key=source.key,
            escape_all=escape_all,
            progress=job.progress,
            background_after=options.background_after,
        ):
            write(block)
    except BaseException:
        discard()
        raise
    close()
    ragged = reader.ragged if isinstance(reader, CsvReader) else 0
    ragged_lines = reader.ragged_lines if isinstance(reader, CsvReader) else []
    return cache.tally(source.rows, plan.resolved, ragged, ragged_lines)


def _writer(
    job: Job, reader: TableReader, names: list[str], header: list[Any], added_at: list[int]
) -> tuple[Callable[[list[list[Any]]], None], Callable[[], None], Callable[[], None]]:
    """``write(block)``, ``close()`` and ``discard()`` for the output format, the header written."""
    fmt = job.fmt_out
    options = job.options

    def nothing() -> None:
        pass

    if fmt in ("csv", "tsv"):
        codec = lookup_codec(options.output_encoding) if options.output_encoding else "utf-8"
        dialect = CsvDialect(codec=codec, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
        csv_writer = CsvWriter(job.sink, dialect)
        csv_writer.write_rows([header])

        def write_csv(block: list[list[Any]]) -> None:
            csv_writer.write_rows([[cell_text(v) for v in row] for row in block])

        return write_csv, csv_writer.close, nothing
    if fmt == "jsonl":
        jsonl_writer = JsonlWriter(job.sink, names, reader.name)
        return jsonl_writer.write_rows, nothing, nothing
    if fmt == "xlsx":
        xlsx_writer = XlsxWriter(_sheet_title(reader.name))
        xlsx_writer.append(header)

        def write_xlsx(block: list[list[Any]]) -> None:
            for row in block:
                xlsx_writer.append([spreadsheet_value(v) for v in row])

        def save() -> None:
            xlsx_writer.record(provenance(job.resolver.settings()))
            xlsx_writer.save(job.sink)

        return write_xlsx, save, xlsx_writer.discard
    pa, _ = import_pyarrow()
    added = [pa.string(), pa.string(), pa.float64(), pa.string()]
    types: list[Any] = [None] * len(names)
    for k, i in enumerate(added_at):
        types[i] = added[k % len(added)]
    parquet_writer = ParquetRowWriter(job.sink, names, types, parquet_metadata(None, job), reader.name)
    return parquet_writer.write_rows, parquet_writer.close, parquet_writer.close


__all__ = ["clean_convert"]
