"""CSV and TSV: the added cells inserted into the file's text, or (to replace, escape or convert) rows re-written."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from ...matching.resolver import Match
from ...tables.delimited import CsvDialect, CsvReader, CsvWriter, bare_numbers
from ...tables.encodings import TextSink, lookup_codec
from ...tables.escape import escape_formula
from ...tables.splice import Chunk, insert, splice
from ..blocks import clean_blocks, resolve_ahead
from ..cache import ValueCache
from ..cells import text_cells
from ..plan import Plan, plan_columns
from ..report import Counts
from .job import Job

#: Chunks of text read ahead while their values are being resolved (each about 4 MB).
SPLICE_AHEAD = 8


def clean_delimited(job: Job, reader: CsvReader) -> Counts:
    """Clean a CSV or TSV file into ``job.sink``; return what was counted.

    Cells are inserted into the text (every other character kept) unless a
    column is replaced, every cell is escaped, or the delimiter changes: rows
    are then re-written in the dialect read.
    """
    options = job.options
    plan = plan_columns(reader.header, options.columns, options.naming, options.replace)
    if plan.simple and not options.escape_formulas and job.fmt_out == reader.format:
        return _splice(job, reader, plan)
    escape_all = _escape_row if options.escape_formulas else None
    cache = ValueCache(job.resolver, text_cells())
    dialect = reader.dialect
    if job.fmt_out != reader.format:
        dialect = replace(dialect, delimiter="\t" if job.fmt_out == "tsv" else ",")
    writer = CsvWriter(job.sink, dialect, _output_codec(options.output_encoding))
    header = escape_all(plan.header_out) if escape_all else plan.escaped_header()
    writer.write_rows([header])
    for block in clean_blocks(
        reader.blocks(options.block_rows),
        plan,
        cache,
        escape_all=escape_all,
        progress=job.progress,
        background_after=options.background_after,
    ):
        writer.write_rows(block)
    writer.close(reader.dialect.final_newline)
    return cache.tally(reader.rows, plan.resolved, reader.ragged, reader.ragged_lines)


def _splice(job: Job, reader: CsvReader, plan: Plan) -> Counts:
    """Clean by inserting the added cells into the file's text (see :mod:`aliasctl.tables.splice`)."""
    options = job.options
    dialect = reader.dialect
    splicer = reader.splicer(plan.positions, options.chunk_chars)
    cache = ValueCache(job.resolver, added_text(dialect))
    writer = TextSink(job.sink, _output_codec(options.output_encoding) or dialect.codec, dialect.bom)
    names = [serialize_cells([escape_formula(n) for n in options.naming.names(name)], dialect) for name in plan.resolved]
    writer.write(insert(splicer.header_text, splicer.header_cuts, names))
    done = 0
    for chunk, table in resolve_ahead(
        splicer.chunks(), _chunk_values, _chunk_rows, cache, options.background_after, SPLICE_AHEAD
    ):
        writer.write(splice(chunk, table))
        done += chunk.rows
        if job.progress is not None:
            job.progress(done)
    writer.close()
    return cache.tally(splicer.rows, plan.resolved, splicer.ragged, splicer.ragged_lines)


def _chunk_values(chunk: Chunk) -> tuple[list[str], Callable[[int], int]]:
    return chunk.values, chunk.row_of


def _chunk_rows(chunk: Chunk) -> int:
    return chunk.rows


def serialize_cells(cells: Sequence[Any], dialect: CsvDialect) -> str:
    """Cells as they are inserted after a resolved cell: each preceded by the delimiter, quoted as the file is."""
    buf = io.StringIO()
    # A CRLF terminator makes the writer quote a cell holding either CR or LF.
    writer = csv.writer(buf, delimiter=dialect.delimiter, quoting=dialect.quoting, lineterminator="\r\n")
    row = bare_numbers(list(cells)) if dialect.quoting == csv.QUOTE_NONNUMERIC else list(cells)
    writer.writerow(row)
    return dialect.delimiter + buf.getvalue()[:-2]


def added_text(dialect: CsvDialect) -> Callable[[Match | None], str]:
    """The four added cells of a match as text to insert, escaped against formulas."""
    cells = text_cells()

    def text(match: Match | None) -> str:
        return serialize_cells(cells(match), dialect)

    return text


def _output_codec(name: str | None) -> str | None:
    return None if name is None else lookup_codec(name)


def _escape_row(row: list[Any]) -> list[Any]:
    return [escape_formula(c) if isinstance(c, str) else c for c in row]


__all__ = ["SPLICE_AHEAD", "added_text", "clean_delimited", "serialize_cells"]
