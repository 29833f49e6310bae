"""What every reader of an input table offers, whatever its format."""

from __future__ import annotations

from typing import IO, Self


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

    def close(self) -> None:
        """Release the input: a file opened for the reader is closed, stdin is left open."""
        owned, self._owned = self._owned, None
        if owned is not None:
            owned.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
