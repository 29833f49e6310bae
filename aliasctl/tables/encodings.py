"""Text encodings of tables: byte-order marks, codec names, decoding errors placed by line and column.

A BOM decides the encoding; without one, the encoding asked for, else UTF-8.
Decoding is strict: a byte that does not decode is reported at its line and
column (found by reading the file again, or, for a stream that cannot be read
again, by a :class:`Recorder` that counts lines as the bytes go by), never
replaced. Writing is strict too (:class:`TextSink`).
"""

from __future__ import annotations

import codecs
import copy
import io
import os
import stat
from typing import IO

from ..errors import DataError, UsageError
from .splice import line_breaks

#: The byte-order marks read, each with the codec it announces (UTF-32 is not sniffed).
BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
}


def sniff_bom(head: bytes) -> str | None:
    """The codec that the byte-order mark at the start of ``head`` announces, if there is one."""
    for codec, bom in BOMS.items():
        if head.startswith(bom):
            return codec
    return None


def lookup_codec(name: str) -> str:
    """The canonical name of the codec ``name`` (``UTF8`` and ``latin-1`` are spelt as Python spells them).

    Raises:
        UsageError: Python knows no such encoding.
    """
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise UsageError(f"unknown encoding '{name}'") from None


def _peek(stream: IO[bytes], size: int) -> bytes:
    peek = getattr(stream, "peek", None)
    if peek is not None:
        return bytes(peek(size)[:size])
    if stream.seekable():
        pos = stream.tell()
        head = stream.read(size)
        stream.seek(pos)
        return head
    raise UsageError("cannot peek at a stream that is neither buffered nor seekable")  # pragma: no cover


def sniff_encoding(stream: IO[bytes], explicit: str | None) -> tuple[str, bool]:
    """Return ``(codec, has_bom)``: a BOM decides, then ``explicit``, then UTF-8."""
    codec = sniff_bom(_peek(stream, 4))
    if codec is not None:
        return codec, True
    if explicit:
        name = lookup_codec(explicit)
        if name == "utf-8-sig":
            name = "utf-8"
        if name in ("utf-16", "utf-32"):
            # Without a BOM these codecs cannot tell the byte order.
            raise UsageError(
                f"the file has no byte-order mark, so {explicit} cannot tell its byte order: "
                f"use --encoding {name}-le or {name}-be"
            )
        return name, False
    return "utf-8", False


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``head`` looks like UTF-16 text that has no BOM, else ``None``.

    Text in a Latin script written as UTF-16 has a NUL in every other byte
    (``a\\0c\\0t\\0``); no table written in an 8-bit encoding or UTF-8 does.
    """
    pairs = len(head) // 2
    if pairs < 2:
        return None
    odd = head[1 : 2 * pairs : 2].count(0)
    even = head[0 : 2 * pairs : 2].count(0)
    if odd >= pairs * 0.4 and even <= pairs * 0.05:
        return "utf-16-le"
    if even >= pairs * 0.4 and odd <= pairs * 0.05:
        return "utf-16-be"
    return None


def check_not_utf16(stream: IO[bytes], codec: str, name: str, *, choose: bool = True) -> None:
    """Refuse to read UTF-16 without a BOM as ``codec``, naming the encoding to try.

    Args:
        choose: the format lets the encoding be chosen (``--encoding``); JSON Lines is always UTF-8.

    Raises:
        DataError: the first bytes are NUL-interleaved and ``codec`` is not a UTF-16 or UTF-32.
    """
    if codecs.lookup(codec).name.startswith(("utf-16", "utf-32")):
        return
    guess = utf16_without_bom(_peek(stream, 4096))
    if guess is None:
        return
    what = "looks like UTF-16 without a byte-order mark (every other byte is NUL)"
    if choose:
        message = f"{what}, not {codec}: try --encoding {guess}"
    else:
        iconv = "UTF-16" + guess[-2:].upper()
        message = f"{what}: JSON Lines must be UTF-8 (convert it with iconv -f {iconv} -t UTF-8)"
    raise DataError(message, name, 1)


class _Position:
    """Line and column (from 1) of the next character, counting CRLF, LF and CR as line ends."""

    def __init__(self) -> None:
        self.line = 1
        self.col = 1
        self._after_cr = False

    def advance(self, text: str) -> None:
        if not text:
            return
        breaks = line_breaks(text)
        if self._after_cr and text.startswith("\n"):
            breaks -= 1  # a CRLF split between two reads
        last = max(text.rfind("\n"), text.rfind("\r"))
        if last < 0:
            self.col += len(text)
        else:
            self.line += breaks
            self.col = len(text) - last
        self._after_cr = text.endswith("\r")


def _regular(stream: IO[bytes]) -> bool:
    """Whether ``stream`` is a regular file (which can be opened again by name)."""
    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, ValueError, io.UnsupportedOperation):
        return False


def position_recorder(stream: IO[bytes], name: str, codec: str, bom: bool) -> Recorder | None:
    """A :class:`Recorder` over ``stream`` when a decoding error could not be placed by reading it again.

    A file is read again to place a decoding error; stdin, a pipe, a FIFO or
    ``/dev/fd/N`` cannot be, so their lines are counted as they go by.
    """
    return Recorder(stream, codec, bom) if name == "-" or not _regular(stream) else None


class Recorder(io.BufferedIOBase):
    """A pass-through reader that keeps the line and column of what it hands on.

    Used for stdin, which cannot be read again to find where decoding failed.
    It decodes what passes (replacing what it cannot: the reader proper will
    fail on it) and keeps the position at which the last chunk began.
    """

    def __init__(self, raw: IO[bytes], codec: str, bom: bool) -> None:
        super().__init__()
        self._raw = raw
        self._codec = codec
        self._decoder = codecs.getincrementaldecoder(codec)("replace")
        self._pos = _Position()
        self._before = _Position()
        self._bom = bom  # the BOM is not a column
        self._bom_before = bom

    def readable(self) -> bool:
        return True

    def _note(self, data: bytes) -> bytes:
        self._before = copy.copy(self._pos)
        self._bom_before = self._bom
        text = self._decoder.decode(data)
        if self._bom and text:
            text = text.removeprefix("\ufeff")
            self._bom = False
        self._pos.advance(text)
        return data

    def read(self, size: int | None = -1) -> bytes:
        return self._note(self._raw.read(-1 if size is None else size))

    def read1(self, size: int = -1) -> bytes:
        read1 = getattr(self._raw, "read1", None)
        return self._note(read1(size) if read1 is not None else self._raw.read(size))

    def where(self, exc: UnicodeDecodeError) -> tuple[int, int]:
        """Line and column (from 1, in characters) of the byte a decoder refused.

        The decoder prefixes the last chunk with the bytes it held from the one
        before, which this reader's own decoder held too.
        """
        pos = copy.copy(self._before)
        good = codecs.getincrementaldecoder(self._codec)("strict").decode(bytes(exc.object[: exc.start]))
        if self._bom_before:
            good = good.removeprefix("\ufeff")
        pos.advance(good)
        return pos.line, pos.col


def decode_error(
    exc: UnicodeDecodeError,
    path: str,
    codec: str,
    has_bom: bool,
    fallback_line: int | None,
    recorder: Recorder | None = None,
) -> DataError:
    """Turn a decoding failure into an error naming the line, column and bytes."""
    bad = exc.object[exc.start : exc.end]
    shown = " ".join(f"0x{b:02x}" for b in bytes(bad[:4]))
    if codec == "utf-8":
        hint = "if it came from Excel on Windows, try --encoding cp1252"
    else:
        hint = "name the file's encoding with --encoding"
    message = f"cannot decode byte {shown} as {codec} ({hint})"
    where = recorder.where(exc) if recorder is not None else _locate_decode_error(path, codec, has_bom)
    if where is None:
        return DataError(message, path, fallback_line)
    return DataError(message, path, where[0], where[1])


def _locate_decode_error(path: str, codec: str, has_bom: bool) -> tuple[int, int] | None:
    """Read the file again to find where decoding fails (only ever on the error path)."""
    if path == "-":
        return None
    decoder = codecs.getincrementaldecoder(codec)("strict")
    pos = _Position()
    try:
        with open(path, "rb") as fh:
            if has_bom:
                fh.read(len(BOMS[codec]))
            while True:
                chunk = fh.read(1 << 16)
                try:
                    # The last call, with no bytes, fails on a sequence cut off by the end of the file.
                    pos.advance(decoder.decode(chunk, final=not chunk))
                except UnicodeDecodeError as exc:
                    good = codecs.getincrementaldecoder(codec)("strict").decode(exc.object[: exc.start])
                    pos.advance(good)
                    return pos.line, pos.col
                if not chunk:
                    break
    except (OSError, UnicodeDecodeError):
        return None
    return None


def has_bom(codec: str) -> bool:
    """Whether to write a byte-order mark in ``codec`` (a UTF; not cp1252 and the like)."""
    # Not utf-16, utf-32 or utf-8-sig: those codecs write a BOM of their own.
    return codecs.lookup(codec).name in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")


class TextSink:
    """Text written to a byte stream in one encoding; a character it cannot hold is a clear error."""

    def __init__(self, stream: IO[bytes], codec: str, bom: bool = False) -> None:
        """``bom``: the input had one; it is written first when ``codec`` takes one (see :func:`has_bom`)."""
        self.codec = codec
        self._text = io.TextIOWrapper(stream, encoding=codec, errors="strict", newline="")
        if bom and has_bom(codec):
            self.write("\ufeff")

    def write(self, text: str) -> None:
        try:
            self._text.write(text)
        except UnicodeEncodeError as exc:
            bad = exc.object[exc.start : exc.end]
            raise DataError(
                f"the output encoding {self.codec} cannot hold {bad!r}: use --output-encoding utf-8"
            ) from None

    def close(self) -> None:
        """Flush, leaving the byte stream open."""
        self._text.flush()
        self._text.detach()



__all__ = [
    "BOMS",
    "Recorder",
    "TextSink",
    "check_not_utf16",
    "decode_error",
    "has_bom",
    "lookup_codec",
    "position_recorder",
    "sniff_bom",
    "sniff_encoding",
    "utf16_without_bom",
]
