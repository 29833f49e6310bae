"""Tables: format detection, one way in (:func:`open_table`), and one reader and writer per format.

Modules:
    detect:     which format a table is in (:func:`detect_format`).
    table:      :func:`open_table`, used by ``clean`` and ``cluster`` to open an input of any format.
    base:       :class:`TableReader`, what every reader offers (name, format, ``describe()``, ``close()``).
    encodings:  byte-order marks, codec names, decoding errors placed by line and column, :class:`TextSink`.
    delimited:  CSV and TSV: the dialect sniffed and kept, :class:`CsvReader` and :class:`CsvWriter`.
    splice:     cells inserted into a delimited file's text, every other character kept.
    jsonl:      JSON Lines, read and written back with keys added, every other byte kept.
    xlsx:       one sheet of a workbook, checked before parsing, streamed with types kept.
    parquet:    Parquet through pyarrow (optional): schema, text-column check, batches.
    escape:     cells a spreadsheet would run as formulas, made safe.
    columns:    a column found by name or number, and the review queue's columns.
"""

from __future__ import annotations

from .base import TableReader
from .delimited import CsvDialect, CsvReader, CsvWriter
from .detect import detect_format
from .escape import escape_formula
from .jsonl import JsonlReader, JsonRecord
from .parquet import ParquetReader
from .table import open_table
from .xlsx import XlsxReader, XlsxWriter

__all__ = [
    "CsvDialect",
    "CsvReader",
    "CsvWriter",
    "JsonRecord",
    "JsonlReader",
    "ParquetReader",
    "TableReader",
    "XlsxReader",
    "XlsxWriter",
    "detect_format",
    "escape_formula",
    "open_table",
]
