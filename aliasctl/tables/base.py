"""What every reader of an input table offers, whatever its format."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from typing import IO, Self


@dataclass(frozen=True)
class Advance:
    """How far through its input a run is, for a progress display.

    Attributes:
        rows: data rows done.
        done: how much of the input was read, in ``unit`` s.
        total: how much there is in all, when it is known (a file; not a pipe).
        unit: ``bytes`` (CSV, TSV, JSON Lines) or ``rows`` (XLSX, Parquet).
    """

    rows: int
    done: int
    total: int | None
    unit: str


def stream_extent(stream: IO[bytes] | None) -> tuple[int, int | None] | None:
    """``(position, size)`` of a byte stream: its size only for a regular file; ``None`` for a pipe."""
    if stream is None:
        return None
    try:
        position = stream.tell()
        info = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    return position, info.st_size if stat.S_ISREG(info.st_mode) else None


class TableReader:
    """An input table being read: its name, its format, one line on what was found, and :meth:`close`.

    Each format's reader adds its own way of going through the rows.
    """

    #: The file name used in messages (``-`` for stdin).
    name: str
    #: The format read: one of :data:`~aliasctl.constants.FORMATS`.
    format: str
    #: The stream to close with the reader (one opened for it; never stdin).
    _owned: IO[bytes] | None = None

    def describe(self) -> str:
        """One line for people on what was read (encoding, delimiter, sheet, rows...)."""
        raise NotImplementedError

    #: The bytes read, for :meth:`advance` (``None``: not a byte stream).
    _bytes: IO[bytes] | None = None

    def advance(self, rows: int) -> Advance:
        """How far the reading is, ``rows`` data rows in: bytes of a file (or of a pipe, size unknown).

        Formats whose bytes do not say how far the reading is (a zip, a
        columnar file) count rows instead.
        """
        extent = stream_extent(self._bytes)
        if extent is None:
            return Advance(rows, rows, None, "rows")
        done, total = extent
        return Advance(rows, done if total is None else min(done, total), total, "bytes")

    def close(self) -> None:
        """Release the input: a file opened for the reader is closed, stdin is left open."""
        owned, self._owned = self._owned, None
        if owned is not None:
            owned.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
