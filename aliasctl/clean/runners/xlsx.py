"""XLSX: one sheet re-written with the added cells, other cells keeping their types and number formats."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...matching.resolver import Match
from ...provenance import provenance
from ...tables.escape import escape_formula
from ...tables.xlsx import XlsxReader, XlsxWriter, cell_name
from ..blocks import clean_blocks, in_blocks
from ..cache import ValueCache
from ..cells import value_cells
from ..plan import plan_columns
from ..report import Counts
from .job import Job


def clean_xlsx(job: Job, reader: XlsxReader) -> Counts:
    """Clean one sheet of a workbook into ``job.sink``, the other sheets copied as they are; return what was counted.

    The other sheets keep their values, formulas and cell styles (what a
    streaming read of a workbook gives); their column widths, merged cells
    and drawings are not carried over.
    """
    options = job.options
    plan = plan_columns(reader.header, options.columns, options.naming, options.replace)
    cache = ValueCache(job.resolver, xlsx_cells)
    sources = plan.sources()
    header_out = plan.header_out

    def where(row: int, col: int) -> str:
        # Errors name the input's cell: an added column moved every cell after it.
        source = sources[col - 1] if col <= len(sources) else col - 1 - len(sources) + len(plan.header)
        if source is None:
            return f"sheet '{reader.sheet}', the added cell {header_out[col - 1]} of row {row}"
        return f"sheet '{reader.sheet}', cell {cell_name(row, source + 1)}"

    writer = XlsxWriter(reader.sheet, name=reader.name, where=where)
    escape = options.escape_formulas
    header: list[Any] = list(reader.header_cells)
    for p in plan.positions[::-1]:
        header[p + 1 : p + 1] = [escape_formula(n) for n in options.naming.names(plan.header[p])]
    header = [header[i] for i in plan.kept()] if plan.drop else header
    try:
        writer.append(_escape_cells(header) if escape else header)
        for block in clean_blocks(
            in_blocks(reader, options.block_rows),
            plan,
            cache,
            key=_xlsx_cell_key,
            progress=job.progress,
            background_after=options.background_after,
        ):
            for row in block:
                writer.append(_escape_cells(row) if escape else row)
        # The other sheets as they are, each at its place.
        for title in reader.others:
            writer.copy_sheet(title, reader.sheets.index(title), reader.sheet_rows(title))
    except BaseException:
        writer.discard()
        raise
    writer.record(provenance(job.resolver.settings()))
    writer.save(job.sink)
    return cache.tally(reader.rows, plan.resolved)


def xlsx_key(value: Any) -> str:
    """The text of a spreadsheet cell, as resolved (``None`` is blank)."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _xlsx_cell_key(cell: Any) -> str:
    return xlsx_key(getattr(cell, "value", cell))


def _escape_cells(row: list[Any]) -> list[Any]:
    """Every text cell and formula of a sheet row escaped; other cells (and their formats) kept."""
    out: list[Any] = []
    for c in row:
        value = getattr(c, "value", c)
        out.append(escape_formula(value) if isinstance(value, str) else c)
    return out


def _xlsx_cells(escape: Callable[[str], str]) -> Callable[[Match | None], tuple[Any, ...]]:
    def cells(match: Match | None) -> tuple[Any, ...]:
        ident, name, score, status = value_cells(match)
        return (
            escape(ident) if ident else ident,
            escape(name) if name else name,
            score,
            status,
        )

    return cells


#: The four added cells of a match in a workbook: typed, the text ones escaped.
xlsx_cells = _xlsx_cells(escape_formula)


__all__ = ["clean_xlsx", "xlsx_cells", "xlsx_key"]
