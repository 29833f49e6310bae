"""One way in to an input table, whatever its format."""

from __future__ import annotations

from typing import IO

from ..constants import STREAM_FORMATS
from ..errors import InputMissingError, UsageError
from ..files import open_input
from .base import TableReader
from .delimited import CsvReader
from .detect import detect_format
from .jsonl import JsonlReader
from .parquet import ParquetReader
from .xlsx import XlsxReader


def open_table(
    path: str,
    fmt: str | None = None,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    stdin: IO[bytes] | None = None,
    comment: str | None = None,
) -> TableReader:
    """Open an input table and read as far as its header (or its schema).

    Args:
        path: the file, or ``-`` for ``stdin`` (CSV, TSV and JSON Lines only).
        fmt: the format (default: by the extension of ``path``; CSV for ``-``).
        encoding: CSV/TSV: the encoding when the file has no BOM (default UTF-8).
        delimiter: CSV: the delimiter, instead of sniffing among ``, ; TAB |``.
        sheet: XLSX: the sheet (default: the first).
        stdin: the stream that ``-`` reads.
        comment: CSV/TSV: skip the lines at the top that start with this.

    Returns:
        A :class:`~aliasctl.tables.delimited.CsvReader`,
        :class:`~aliasctl.tables.jsonl.JsonlReader`,
        :class:`~aliasctl.tables.xlsx.XlsxReader` or
        :class:`~aliasctl.tables.parquet.ParquetReader`; close it (or use it
        in a ``with`` block) to release the file. ``stdin`` is never closed.

    Raises:
        UsageError: no format can be told, or a format that needs a file is asked of stdin.
        InputMissingError: the file cannot be opened, or stdin is closed.
        DataError: the table cannot be read as its format.
    """
    fmt = detect_format(path, fmt, "input")
    if path == "-" and fmt not in STREAM_FORMATS:
        raise UsageError(f"{fmt} cannot be read from stdin: give a file name")
    if fmt == "xlsx":
        return XlsxReader(path, sheet)  # openpyxl reads the archive by name
    if path == "-":
        if stdin is None:
            raise InputMissingError("stdin is closed: name an input file", "-")
        stream, own = stdin, False
    else:
        stream, own = open_input(path), True
    try:
        if fmt == "jsonl":
            return JsonlReader(stream, path, own=own)
        if fmt == "parquet":
            return ParquetReader(stream, path, own=own)
        return CsvReader(stream, path, fmt, encoding, delimiter, own=own, comment=comment)
    except BaseException:
        if own:
            stream.close()
        raise


__all__ = ["TableReader", "open_table"]
