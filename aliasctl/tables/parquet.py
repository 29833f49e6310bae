"""Parquet: read a file's schema and its columns in batches (pyarrow, an optional dependency).

The schema, its metadata and the nulls are kept as they are; a column is
resolved only if it holds text (a pandas category of text counts).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from ..errors import DataError, UsageError
from .base import Advance, TableReader

PARQUET_HINT = "Parquet needs pyarrow: pip install 'aliasctl[parquet]'"
#: The schema metadata key under which a cleaned file records what cleaned it (JSON).
PROVENANCE_KEY = b"aliasctl"
#: Bytes of a column chunk read at a time.
READ_BUFFER = 1 << 20


def import_pyarrow() -> tuple[Any, Any]:
    """Return ``(pyarrow, pyarrow.parquet)``.

    Raises:
        UsageError: pyarrow is not installed (one line, naming the extra).
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError(PARQUET_HINT) from None
    return pa, pq


class ParquetReader(TableReader):
    """Read a Parquet file: its schema, then its rows in batches or one column whole.

    Args:
        stream: the bytes (a seekable file).
        name: the file name used in messages.
        own: close ``stream`` when the reader is closed.

    Attributes:
        schema: the file's Arrow schema.
        header: its column names.

    Raises:
        UsageError: pyarrow is not installed.
        DataError: the file is not Parquet.
    """

    format = "parquet"

    def __init__(self, stream: IO[bytes], name: str, *, own: bool = False) -> None:
        self.name = name
        self._owned = stream if own else None
        pa, pq = import_pyarrow()
        try:
            # Read a column chunk a buffer at a time, not whole: a row group may hold a million rows.
            self.file = pq.ParquetFile(stream, pre_buffer=False, buffer_size=READ_BUFFER)
        except (pa.ArrowInvalid, OSError) as exc:
            raise DataError(f"not a Parquet file: {exc}", name) from None
        self.schema = self.file.schema_arrow
        self.header: list[str] = list(self.schema.names)

    def advance(self, rows: int) -> Advance:
        """Rows done of the rows the file's metadata counts."""
        return Advance(rows, rows, self.file.metadata.num_rows, "rows")

    def describe(self) -> str:
        """``Parquet, 1,234 rows``."""
        return f"Parquet, {self.file.metadata.num_rows:,} rows"

    def require_text(self, position: int) -> None:
        """Refuse to resolve the column at ``position`` unless it holds text.

        Raises:
            UsageError: it holds numbers, dates or anything else but strings.
        """
        pa, _ = import_pyarrow()
        declared = self.schema.field(position).type
        ftype = declared.value_type if pa.types.is_dictionary(declared) else declared
        if not (pa.types.is_string(ftype) or pa.types.is_large_string(ftype)):
            raise UsageError(f"column '{self.header[position]}' holds {declared}, not text")

    @property
    def compression(self) -> str:
        """The codec of the file's first column chunk, as :class:`pyarrow.parquet.ParquetWriter` names it."""
        meta = self.file.metadata
        if not (meta.num_row_groups and meta.num_columns):
            return "snappy"  # nothing to go by: pyarrow's default
        compression = str(meta.row_group(0).column(0).compression).lower()
        return "none" if compression == "uncompressed" else compression

    def rows(self, size: int) -> Iterator[list[list[Any]]]:
        """The rows in blocks of ``size``, each a list of Python values (``None`` for a null)."""
        for batch in self.batches(size):
            columns = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
            yield [list(row) for row in zip(*columns, strict=True)]

    def batches(self, size: int) -> Iterator[Any]:
        """The rows in :class:`pyarrow.RecordBatch` es of ``size`` rows."""
        return iter(self.file.iter_batches(batch_size=size))

    def column(self, position: int) -> list[Any]:
        """The values of one column, in order (``None`` for a null)."""
        table = self.file.read(columns=[self.header[position]])
        return list(table.column(0).to_pylist())


class ParquetRowWriter:
    """Write rows of values to a Parquet file: the table's own columns as text, the added ones typed.

    For a table converted from another format, whose cells carry no schema:
    each value is written as the text it would have in a CSV file
    (:func:`~aliasctl.tables.values.cell_text`); a null, or a key a JSON
    Lines record does not have, is null (an empty cell stays an empty string).

    Args:
        sink: where the file is written.
        header: the column names.
        types: the Arrow type of each column (``None``: text).
        metadata: the schema's key-value metadata.
        name: the input's name, for errors.
    """

    def __init__(
        self,
        sink: IO[bytes],
        header: list[str],
        types: list[Any],
        metadata: dict[bytes, bytes] | None,
        name: str,
    ) -> None:
        pa, pq = import_pyarrow()
        seen: set[str] = set()
        for column in header:
            if column in seen:
                raise DataError(f"the column '{column}' appears twice: Parquet needs one name a column", name)
            seen.add(column)
        self._pa = pa
        self._types = [t if t is not None else pa.string() for t in types]
        self.schema = pa.schema(
            [pa.field(n, t, nullable=True) for n, t in zip(header, self._types, strict=True)], metadata=metadata
        )
        self._writer = pq.ParquetWriter(sink, self.schema)
        self._text = [t is None for t in types]

    def write_rows(self, rows: list[list[Any]]) -> None:
        """Write a block of rows, each as wide as the header."""
        from .values import MISSING, cell_text

        columns: list[list[Any]] = [list(c) for c in zip(*rows, strict=True)] if rows else []
        for i, text in enumerate(self._text):
            if text:
                columns[i] = [None if v is None or v is MISSING else cell_text(v) for v in columns[i]]
        arrays = [self._pa.array(c, type=t) for c, t in zip(columns, self._types, strict=True)]
        self._writer.write_batch(self._pa.RecordBatch.from_arrays(arrays, schema=self.schema))

    def close(self) -> None:
        """Finish the file (its footer); the sink is left open."""
        self._writer.close()


__all__ = ["PARQUET_HINT", "PROVENANCE_KEY", "READ_BUFFER", "ParquetReader", "ParquetRowWriter", "import_pyarrow"]
