"""Standard output that writes every byte or says why not.

Python's buffered writer can return from a large write having written only
part of it: the reader of a pipe went away mid-write (``| head -1``) or the
disk filled up. The text layer above it does not look at the count, so the
rest is dropped without an error and the command exits 0. While a command
runs, ``sys.stdout`` is a text stream over :class:`_WholeWrites`, which writes
again until every byte is out, so a short write becomes the error that
follows it: ``BrokenPipeError`` (exit 141, silently) or a full disk
(:class:`~aliasctl.errors.OutputError`, exit 73).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from ..errors import OutputError
from ..files import is_write_error


class _WholeWrites(io.RawIOBase):
    """A raw stream over a binary one that writes until everything is written."""

    def __init__(self, binary: IO[bytes]) -> None:
        super().__init__()
        self._binary = binary
        self._failed = False

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._binary.isatty()

    def fileno(self) -> int:
        return self._binary.fileno()

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        total = len(view)
        if self._failed:
            return total  # the error was raised once; later flushes (at exit) must not raise it again
        try:
            while view:
                written = self._binary.write(view)
                if written is None:  # a non-blocking stream that is full: wait until it takes more
                    import select

                    select.select([], [self._binary.fileno()], [])
                    continue
                view = view[written:]
            if not isinstance(self._binary, io.RawIOBase):
                self._binary.flush()
        except OSError as exc:
            self._failed = True
            if is_write_error(exc):
                raise OutputError(f"cannot write: {exc.strerror}", "-") from None
            raise
        return total


@contextmanager
def whole_writes() -> Iterator[None]:
    """Within the block, ``sys.stdout`` writes all it is given or raises.

    Text written is flushed at the end of the block; an error on the way out
    is left for the caller's handlers. Where standard output is not a stream
    of bytes (a host's ``StringIO``, a closed stream), nothing is changed.
    """
    original = sys.stdout
    binary = getattr(original, "buffer", None)
    if original is None or binary is None:
        yield
        return
    original.flush()
    # Straight to the file underneath where there is one: the buffer over it stays
    # empty, so nothing is left for Python to flush (and fail on) at exit.
    target = getattr(binary, "raw", None) or binary
    wrapper = io.TextIOWrapper(
        io.BufferedWriter(_WholeWrites(target)),
        encoding=original.encoding,
        errors=original.errors,
        line_buffering=bool(original.line_buffering),
    )
    sys.stdout = wrapper
    done = False
    try:
        yield
        wrapper.flush()
        done = True
    finally:
        sys.stdout = original
        if not done:
            # What could not be written stays unwritten: the error is on its way.
            _drop(wrapper)


def _drop(wrapper: io.TextIOWrapper) -> None:
    try:
        wrapper.detach()
    except (OSError, ValueError, OutputError):
        pass


__all__ = ["whole_writes"]
