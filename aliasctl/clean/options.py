"""What ``aliasctl clean`` is asked to do, and how the added columns are named."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..tables.splice import CHUNK_CHARS

#: The four cells added after each resolved column, in order.
ADDED_FIELDS = ("id", "name", "score", "status")
#: Rows read, resolved and written at a time.
BLOCK_ROWS = 20_000

#: Called with the number of rows done so far.
Progress = Callable[[int], None]


@dataclass(frozen=True)
class Naming:
    """How added columns are named: ``prefix + column + suffix + field``."""

    prefix: str = ""
    suffix: str = "_"

    def names(self, column: str) -> list[str]:
        """The four added column names for ``column``."""
        return [f"{self.prefix}{column}{self.suffix}{f}" for f in ADDED_FIELDS]


@dataclass
class CleanOptions:
    """Everything ``aliasctl clean`` was asked to do."""

    input: str
    columns: Sequence[str]
    output: str | None = None
    input_format: str | None = None
    output_format: str | None = None
    sheet: str | None = None
    encoding: str | None = None
    output_encoding: str | None = None
    delimiter: str | None = None
    naming: Naming = Naming()
    replace: bool = False
    escape_formulas: bool = False
    in_place: bool = False
    review: str | None = None
    #: The registry file in use: no output may be written over it.
    registry: str | None = None
    block_rows: int = BLOCK_ROWS
    #: Characters of a CSV or TSV file read at a time.
    chunk_chars: int = CHUNK_CHARS
    #: Resolve in a background process once this many rows were read (None: never).
    background_after: int | None = BLOCK_ROWS


__all__ = ["ADDED_FIELDS", "BLOCK_ROWS", "CleanOptions", "Naming", "Progress"]
