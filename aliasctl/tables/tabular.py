"""Streaming readers and writers for tables: CSV, TSV, XLSX, JSON Lines, Parquet.

A table is read once, front to back, and written the same way; nothing is
held but the rows in flight. What the input looked like is kept: the
encoding and its BOM, the delimiter, the quoting style and the line endings
of a CSV file; the key order and the text of every untouched value of a JSON
line; the schema and the nulls of a Parquet file. Cells are strings, never
guessed at: ``007``, ``NA``, ``1e5`` and 19-digit ids come out as they went in.

Every problem is an :class:`~aliasctl.errors.AliasctlError` with the file, the
physical line (counted from 1, as an editor counts them) and, where it is
known, the column.
"""

from __future__ import annotations

import codecs
import copy
import csv
import io
import itertools
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any, Literal

from ..constants import FORMATS, STREAM_FORMATS
from ..errors import DataError, UsageError
from ..files import AtomicFile, open_input
from .splice import IncompleteRecordError, RecordError, Splicer, line_breaks, parse_record

_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_SAMPLE_LINES = 50
_SAMPLE_CHARS = 64 * 1024
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


Quoting = Literal[0, 1, 2, 3]


def escape_formula(text: str) -> str:
    """Prefix ``'`` to a cell a spreadsheet would run as a formula (``=`` ``+`` ``-`` ``@`` tab CR)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def detect_format(path: str, explicit: str | None, what: str = "input") -> str:
    """Return the table format named by ``explicit`` or by the extension of ``path``.

    Raises:
        UsageError: neither says which format it is.
    """
    if explicit:
        return explicit
    if path == "-":
        return "csv"
    ext = os.path.splitext(path)[1].lower()
    fmt = _EXTENSIONS.get(ext)
    if ext == ".xls":
        raise DataError(f"an old Excel .xls file as {what}: use .xlsx or CSV instead", path)
    if fmt is None:
        raise UsageError(
            f"cannot tell the format of {what} '{path}' from its extension: "
            f"use --{what}-format ({', '.join(FORMATS)})"
        )
    return fmt


# -- encodings ------------------------------------------------------------------


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
    head = _peek(stream, 4)
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec, True
    if explicit:
        try:
            name = codecs.lookup(explicit).name
        except LookupError:
            raise UsageError(f"unknown encoding '{explicit}'") from None
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


class _Recorder(io.BufferedIOBase):
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
    recorder: _Recorder | None = None,
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
                fh.read(next(len(b) for b, c in _BOMS if c == codec))
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


# -- CSV and TSV -------------------------------------------------------------------


@dataclass
class CsvDialect:
    """How a delimited file is written, so that it can be written back the same way."""

    codec: str = "utf-8"
    bom: bool = False
    delimiter: str = ","
    quoting: Quoting = csv.QUOTE_MINIMAL
    lineterminator: str = "\r\n"
    final_newline: bool = True
    sniffed: bool = False

    def describe(self) -> str:
        """One line for people: ``utf-8 with BOM, delimiter ';' (sniffed), quoting minimal, CRLF``."""
        enc = self.codec + (" with BOM" if self.bom else "")
        how = "sniffed" if self.sniffed else "given"
        quoting = {csv.QUOTE_ALL: "all", csv.QUOTE_NONNUMERIC: "all but numbers"}.get(self.quoting, "minimal")
        ends = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}[self.lineterminator]
        return (
            f"{enc}, delimiter {_DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))} ({how}), "
            f"quoting {quoting}, {ends} line endings"
        )


def _records(lines: list[str], delimiter: str) -> list[tuple[list[str], str]]:
    """Parse sample lines into (row, raw text) pairs; stops at the first malformed record."""
    out: list[tuple[list[str], str]] = []
    reader = csv.reader(iter(lines), delimiter=delimiter, strict=True)
    prev = 0
    try:
        for row in reader:
            out.append((row, "".join(lines[prev : reader.line_num])))
            prev = reader.line_num
    except csv.Error:
        pass
    return out


def _sniff_delimiter(records_by: dict[str, list[tuple[list[str], str]]]) -> str | None:
    best: tuple[float, int, int] | None = None
    chosen = None
    for order, delim in enumerate(DELIMITERS):
        recs = records_by[delim]
        if not recs:
            continue
        width = len(recs[0][0])
        if width < 2:
            continue
        body = [r for r, _ in recs[1:] if r]
        same = sum(1 for r in body if len(r) == width) / len(body) if body else 1.0
        if same < 0.8:
            continue
        rank = (same, width, -order)
        if best is None or rank > best:
            best, chosen = rank, delim
    return chosen


# Cells a "quote what is not a number" writer (R's write.csv, pandas'
# QUOTE_NONNUMERIC) leaves bare: numbers, and R's NA, NaN, Inf, TRUE, FALSE.
_BARE = re.compile(r"^([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|NA|NaN|-?Inf|TRUE|FALSE)$")


class _Bare(float):
    """A cell written bare under QUOTE_NONNUMERIC, as the text it was (never reformatted)."""

    __slots__ = ("text",)
    text: str

    def __new__(cls, text: str) -> _Bare:
        obj = super().__new__(cls, 0.0)
        obj.text = text
        return obj

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


def bare_numbers(row: list[Any]) -> list[Any]:
    """Mark a row's number-like cells so that a QUOTE_NONNUMERIC writer leaves them bare."""
    return [_Bare(c) if isinstance(c, str) and _BARE.match(c) else c for c in row]


def _quoting(records: list[tuple[list[str], str]], delimiter: str, terminator: str) -> Quoting:
    votes: dict[Quoting, int] = {csv.QUOTE_MINIMAL: 0, csv.QUOTE_ALL: 0, csv.QUOTE_NONNUMERIC: 0}
    for quoting in votes:
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator=terminator)
        for row, raw in records[:20]:
            buf.seek(0)
            buf.truncate()
            writer.writerow(bare_numbers(row) if quoting == csv.QUOTE_NONNUMERIC else row)
            votes[quoting] += buf.getvalue() == raw
    # Ties go to the simplest style: minimal, then all.
    return max(votes, key=lambda q: (votes[q], -q))


def _ends_with_newline(stream: IO[bytes], codec: str) -> bool | None:
    """Whether a seekable file's last character is CR or LF (``None`` for a pipe)."""
    try:
        if not stream.seekable():
            return None
        pos = stream.tell()
        stream.seek(0, os.SEEK_END)
        size = stream.tell()
        stream.seek(max(size - 2, 0))
        tail = stream.read(2)
        stream.seek(pos)
    except (OSError, ValueError):
        return None
    if codec == "utf-16-le":
        return tail in (b"\n\x00", b"\r\x00")
    if codec == "utf-16-be":
        return tail in (b"\x00\n", b"\x00\r")
    return tail.endswith((b"\n", b"\r"))


class CsvReader:
    """Read a delimited file row by row, remembering how it was written.

    Args:
        stream: the bytes (a file or stdin).
        name: the file name used in messages (``-`` for stdin).
        fmt: ``csv`` (delimiter sniffed among ``, ; TAB |``) or ``tsv`` (tab).
        encoding: the codec when there is no BOM (default UTF-8).
        delimiter: the delimiter, overriding the sniffing.

    Attributes:
        header: the first row.
        dialect: what was detected, for :class:`CsvWriter`.
        ragged: how many rows have a different number of cells than the header.
        ragged_lines: the first line numbers of those rows (at most 10).
        rows: data rows read so far.
    """

    def __init__(
        self,
        stream: IO[bytes],
        name: str,
        fmt: str = "csv",
        encoding: str | None = None,
        delimiter: str | None = None,
    ) -> None:
        self.name = name
        codec, bom = sniff_encoding(stream, encoding)
        # A file is read again to place a decoding error; stdin is counted as it goes.
        # A pipe, a FIFO or /dev/fd/N cannot be read again: count as it goes.
        self._recorder = _Recorder(stream, codec, bom) if name == "-" or not _regular(stream) else None
        source: Any = self._recorder or stream
        self._text = io.TextIOWrapper(source, encoding=codec, errors="strict", newline="")
        self.dialect = CsvDialect(codec=codec, bom=bom)
        self.ragged = 0
        self.ragged_lines: list[int] = []
        self.rows = 0
        self._last_line = ""
        try:
            if bom:
                self._text.read(1)
            sample = self._sample()
        except UnicodeDecodeError as exc:
            raise decode_error(exc, name, codec, bom, 1, self._recorder) from None
        self._sample_lines = sample
        first = sample[0] if sample else ""
        if first.endswith("\r\n"):
            self.dialect.lineterminator = "\r\n"
        elif first.endswith("\r"):
            self.dialect.lineterminator = "\r"
        else:
            self.dialect.lineterminator = "\n"
        # The whole header first: a quoted cell in it may run past the sample (for each
        # delimiter that may be chosen, as where a cell starts depends on it).
        candidates = [delimiter] if delimiter is not None else ["\t"] if fmt == "tsv" else list(DELIMITERS)
        try:
            for candidate in candidates:
                self._complete_header(sample, candidate)
        except UnicodeDecodeError as exc:
            raise decode_error(exc, name, codec, bom, 1, self._recorder) from None
        if delimiter is not None:
            self.dialect.delimiter = delimiter
        elif fmt == "tsv":
            self.dialect.delimiter = "\t"
        else:
            by = {d: _records(sample, d) for d in DELIMITERS}
            self.dialect.delimiter = _sniff_delimiter(by) or ","
            self.dialect.sniffed = True
        recs = _records(sample, self.dialect.delimiter)
        if len(sample) == _SAMPLE_LINES and len(recs) > 1:
            recs = recs[:-1]  # the sample may end inside a record
        self.dialect.quoting = _quoting(recs, self.dialect.delimiter, self.dialect.lineterminator)
        lines: Iterable[str] = itertools.chain(sample, self._text)
        self._tail = _ends_with_newline(stream, codec)
        if self._tail is None:
            lines = self._track(lines)  # stdin: watch the last line go by
        self._lines = lines
        self._reader = csv.reader(self._lines, delimiter=self.dialect.delimiter, strict=True)
        self.rows = 0
        header = self._next_record()
        if header is None:
            raise DataError("the file is empty: no header row", name)
        self.header = header
        self.width = len(header)

    def splicer(self, positions: list[int], chunk_chars: int) -> Splicer:
        """A :class:`~aliasctl.splice.Splicer` over the file, header first, before any row is read.

        The sample holds the whole header (:meth:`_complete_header`; a header
        it could not complete has already failed to parse), so its text is at hand.
        """
        assert self.rows == 0 and self._reader.line_num <= len(self._sample_lines), "splicer() after reading"
        dialect = self.dialect

        def on_decode_error(exc: UnicodeDecodeError, line: int) -> Exception:
            return decode_error(exc, self.name, dialect.codec, dialect.bom, line, self._recorder)

        return Splicer(
            self._text,
            "".join(self._sample_lines),
            self.name,
            dialect.delimiter,
            positions,
            on_decode_error,
            chunk_chars,
        )

    def _complete_header(self, sample: list[str], delimiter: str) -> None:
        """Read on until ``sample`` holds the whole header (a quoted cell may run over many lines).

        The text of the header is then at hand for :meth:`splicer`. The sample
        is doubled each time, so a long header is read in linear time; a cell
        past the csv field limit stops it (the reader reports it).
        """
        size = sum(map(len, sample))
        while True:
            try:
                parse_record("".join(sample), 0, delimiter, False, csv.field_size_limit())
                return
            except RecordError:
                return
            except IncompleteRecordError:
                pass
            target = max(2 * size, size + _SAMPLE_CHARS)
            grew = False
            while size < target and (line := self._text.readline()):
                sample.append(line)
                size += len(line)
                grew = True
            if not grew:
                return

    def _sample(self) -> list[str]:
        lines: list[str] = []
        size = 0
        while len(lines) < _SAMPLE_LINES and size < _SAMPLE_CHARS:
            line = self._text.readline()
            if not line:
                break
            lines.append(line)
            size += len(line)
        return lines

    def _track(self, lines: Iterable[str]) -> Iterator[str]:
        line = ""
        for line in lines:
            yield line
        self._last_line = line

    def _next_record(self) -> list[str] | None:
        start = self._reader.line_num + 1
        try:
            return next(self._reader)
        except StopIteration:
            return None
        except csv.Error as exc:
            raise self._csv_error(exc, start) from None
        except UnicodeDecodeError as exc:
            raise decode_error(
                exc, self.name, self.dialect.codec, self.dialect.bom, start, self._recorder
            ) from None

    def _csv_error(self, exc: csv.Error, start: int) -> DataError:
        text = str(exc)
        if "unexpected end of data" in text:
            return DataError(f"unterminated quote starting at line {start}", self.name, start)
        if "field larger than field limit" in text:
            return DataError(
                f"a cell starting at line {start} runs past {csv.field_size_limit():,} characters: "
                "probably an unterminated quote",
                self.name,
                start,
            )
        return DataError(f"malformed row: {text}", self.name, self._reader.line_num)

    def blocks(self, size: int) -> Iterator[list[list[str]]]:
        """Yield the data rows in blocks of ``size`` (lists of strings), noting ragged ones.

        The csv module fills each block at C speed; physical line numbers are
        worked out only for a block that has a ragged row or an error.
        """
        reader = self._reader
        width = self.width
        start = reader.line_num + 1
        while True:
            block: list[list[str]] = []
            try:
                block.extend(itertools.islice(reader, size))
            except csv.Error as exc:
                raise self._csv_error(exc, start + _physical_lines(block)) from None
            except UnicodeDecodeError as exc:
                line = start + _physical_lines(block)
                raise decode_error(
                    exc, self.name, self.dialect.codec, self.dialect.bom, line, self._recorder
                ) from None
            if not block:
                break
            self.rows += len(block)
            if set(map(len, block)) != {width}:
                line = start
                for row in block:
                    if len(row) != width:
                        self.ragged += 1
                        if len(self.ragged_lines) < 10:
                            self.ragged_lines.append(line)
                    line += _physical_lines([row])
            start = reader.line_num + 1
            yield block
        if self._tail is None:
            self.dialect.final_newline = self._last_line.endswith(("\n", "\r"))
        else:
            self.dialect.final_newline = self._tail

    def __iter__(self) -> Iterator[list[str]]:
        """Yield the data rows one by one."""
        for block in self.blocks(4096):
            yield from block


def _physical_lines(rows: list[list[str]]) -> int:
    """How many physical lines these records took (a line end inside a quoted cell counts)."""
    total = len(rows)
    for row in rows:
        for cell in row:
            if "\n" in cell or "\r" in cell:
                total += line_breaks(cell)
    return total


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


class CsvWriter:
    """Write rows in the dialect a :class:`CsvReader` found.

    Rows are serialized a block at a time. The last block is held back until
    :meth:`close`, which writes it without the final line ending when the
    input had none.
    """

    def __init__(self, stream: IO[bytes], dialect: CsvDialect, codec: str | None = None) -> None:
        self.dialect = dialect
        self.codec = codec or dialect.codec
        self._sink = TextSink(stream, self.codec, dialect.bom)
        self._buf = io.StringIO()
        self._writer = self._make_writer(self._buf, dialect.lineterminator)
        # csv quotes a cell holding a character of the line terminator only: with LF
        # endings a lone CR in a cell would be written bare and split the row on reading.
        term = dialect.lineterminator
        self._hazard = (
            ""
            if term == "\r\n" or dialect.quoting in (csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC)
            else ("\r" if term == "\n" else "\n")
        )
        self._pending = ""
        self.rows = 0

    def _make_writer(self, buf: io.StringIO, terminator: str) -> Any:
        return csv.writer(
            buf,
            delimiter=self.dialect.delimiter,
            quoting=self.dialect.quoting,
            lineterminator=terminator,
        )

    def _serialize(self, rows: list[list[Any]]) -> str:
        buf = self._buf
        buf.seek(0)
        buf.truncate()
        if self.dialect.quoting == csv.QUOTE_NONNUMERIC:
            rows = [bare_numbers(r) for r in rows]
        self._writer.writerows(rows)
        text = buf.getvalue()
        if self._hazard and self._hazard in text:
            text = self._serialize_safely(rows)
        return text

    def _serialize_safely(self, rows: list[list[Any]]) -> str:
        """Row by row with a CRLF terminator (so CR and LF in cells are quoted), then the real one."""
        buf = io.StringIO()
        writer = self._make_writer(buf, "\r\n")
        term = self.dialect.lineterminator
        out = []
        for row in rows:
            buf.seek(0)
            buf.truncate()
            writer.writerow(row)
            out.append(buf.getvalue()[:-2] + term)
        return "".join(out)

    def write_rows(self, rows: list[list[Any]]) -> None:
        """Write a block of rows."""
        if not rows:
            return
        text = self._serialize(rows)
        self._sink.write(self._pending)
        self._pending = text
        self.rows += len(rows)

    def close(self, final_newline: bool = True) -> None:
        """Write the held-back block and flush (the stream is left open)."""
        text = self._pending
        term = self.dialect.lineterminator
        if not final_newline and text.endswith(term):
            text = text[: -len(term)]
        self._sink.write(text)
        self._sink.close()


# -- JSON Lines ------------------------------------------------------------------------

_WS = re.compile(r"[ \t\n\r]*")
# The json module's own scanners, to find where each top-level value ends.
_SCAN: Any = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
_SCANSTRING: Any = json.decoder.scanstring  # type: ignore[attr-defined]


@dataclass
class JsonRecord:
    """One line of a JSON Lines file: its number, its text and line ending, its object."""

    line: int
    body: str
    ending: str
    obj: dict[str, Any] | None


@dataclass
class _Item:
    key: str
    kstart: int
    kend: int
    vstart: int
    vend: int


def _items(body: str) -> list[_Item]:
    """Where each top-level key and value of a (valid) JSON object starts and ends."""
    i = _WS.match(body, 0).end() + 1  # type: ignore[union-attr]
    i = _WS.match(body, i).end()  # type: ignore[union-attr]
    out: list[_Item] = []
    if body[i] == "}":
        return out
    while True:
        key, kend = _SCANSTRING(body, i + 1)
        colon = _WS.match(body, kend).end()  # type: ignore[union-attr]
        vstart = _WS.match(body, colon + 1).end()  # type: ignore[union-attr]
        _, vend = _SCAN(body, vstart)
        out.append(_Item(key, i, kend, vstart, vend))
        i = _WS.match(body, vend).end()  # type: ignore[union-attr]
        if body[i] != ",":
            return out
        i = _WS.match(body, i + 1).end()  # type: ignore[union-attr]


def read_jsonl(stream: IO[bytes], name: str) -> Iterator[JsonRecord]:
    """Yield each line of a JSON Lines file; blank lines come with ``obj`` None.

    Raises:
        DataError: a line is not UTF-8, not JSON, or not an object (with its line number).
    """
    for n, raw in enumerate(stream, 1):
        if n == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            col = len(raw[: exc.start].decode("utf-8", "replace")) + 1
            raise DataError(
                f"cannot decode byte 0x{raw[exc.start]:02x} as utf-8 (JSON Lines is UTF-8)", name, n, col
            ) from None
        body = text.rstrip("\r\n")
        ending = text[len(body) :]
        if not body.strip():
            yield JsonRecord(n, body, ending, None)
            continue
        try:
            obj = json.loads(body)
        except json.JSONDecodeError as exc:
            raise DataError(f"not valid JSON: {exc.msg}", name, n, exc.colno) from None
        if not isinstance(obj, dict):
            raise DataError(
                f"not a JSON object but {type(obj).__name__}: each line must be an object", name, n, 1
            )
        yield JsonRecord(n, body, ending, obj)


def splice_jsonl(record: JsonRecord, added: dict[str, list[tuple[str, Any]]], drop: set[str]) -> str:
    """The record's line with ``added`` keys placed right after their column's key.

    Every other byte of the line is kept: key order, spacing, number spelling
    (``1e5``, 19-digit ids), escapes. Keys in ``drop`` (replaced ones) are
    removed, and then the line is rebuilt from the original text of each item.
    """
    body = record.body
    items = _items(body)
    by_key = {it.key: it for it in items}  # a repeated key: the last one counts, as in json.loads
    item_sep = body[items[0].vend : items[1].kstart] if len(items) > 1 else ", "
    kv_sep = body[items[0].kend : items[0].vstart] if items else ": "

    def pair(key: str, value: Any) -> str:
        return json.dumps(key, ensure_ascii=False) + kv_sep + json.dumps(value, ensure_ascii=False)

    if not drop.intersection(by_key):
        out = []
        prev = 0
        for key in sorted(added, key=lambda k: by_key[k].vend):
            end = by_key[key].vend
            out.append(body[prev:end])
            out.append("".join(item_sep + pair(k, v) for k, v in added[key]))
            prev = end
        out.append(body[prev:])
        return "".join(out) + record.ending
    parts = []
    for it in items:
        if it.key in drop:
            continue
        parts.append(body[it.kstart : it.vend])
        if it.key in added and by_key[it.key] is it:
            parts.extend(pair(k, v) for k, v in added[it.key])
    head = body[: items[0].kstart] if items else "{"
    tail = body[items[-1].vend :] if items else "}"
    return head + item_sep.join(parts) + tail + record.ending


# -- XLSX ----------------------------------------------------------------------------------

XLSX_MAX_CELL = 32_767
XLSX_MAX_ROWS = 1_048_576
XLSX_MAX_UNCOMPRESSED = 1 << 30
XLSX_MAX_RATIO = 200
_OLE = bytes.fromhex("d0cf11e0a1b11ae1")


def check_xlsx(path: str) -> None:
    """Refuse what is not a sane XLSX file before any XML is parsed.

    Raises:
        DataError: an old .xls (OLE2) file, not a zip archive (a CSV renamed
            .xlsx), or a zip whose members expand too far (a zip bomb).
    """
    import zipfile

    with open_input(path) as fh:
        head = fh.read(8)
    if head.startswith(_OLE):
        raise DataError("an old Excel .xls file (OLE2), not .xlsx: save it as .xlsx or CSV", path)
    if not head.startswith(b"PK\x03\x04"):
        raise DataError("not an XLSX file (not a zip archive); if it is CSV, pass --input-format csv", path)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise DataError(f"not an XLSX file: {exc}", path) from None
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > (1 << 20) and ratio > XLSX_MAX_RATIO:
            raise DataError(
                f"refusing a possible zip bomb: {info.filename} expands {ratio:,.0f} times "
                f"(to {info.file_size:,} bytes; the limit is {XLSX_MAX_RATIO} times)",
                path,
            )
    if total > XLSX_MAX_UNCOMPRESSED:
        raise DataError(
            f"refusing a possible zip bomb: the workbook expands to {total:,} bytes "
            f"(the limit is {XLSX_MAX_UNCOMPRESSED:,})",
            path,
        )
    if "xl/workbook.xml" not in {i.filename for i in infos}:
        raise DataError("not an XLSX workbook (no xl/workbook.xml in the archive)", path)


def cell_name(row: int, col: int) -> str:
    """``C12`` for row 12, column 3 (both from 1)."""
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


class XlsxReader:
    """Read one sheet of a workbook, streaming (openpyxl read-only, XML through defusedxml).

    Rows are lists of openpyxl read-only cells, so that their types, formulas
    and number formats can be written back.
    """

    def __init__(self, path: str, sheet: str | None) -> None:
        check_xlsx(path)
        try:
            from openpyxl import load_workbook
        except ImportError:  # pragma: no cover - a core dependency
            raise UsageError("XLSX needs openpyxl: pip install openpyxl") from None
        self.name = path
        try:
            self._wb = load_workbook(path, read_only=True, data_only=False, keep_links=False)
        except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a damaged workbook
            raise DataError(f"cannot read the workbook: {_why(exc)}", path) from None
        names = self._wb.sheetnames
        if sheet is None:
            self.sheet = names[0]
        elif sheet in names:
            self.sheet = sheet
        else:
            raise UsageError(f"no sheet '{sheet}' in {path} (sheets: {', '.join(names)})")
        self._ws = self._wb[self.sheet]
        from openpyxl.cell.read_only import EMPTY_CELL

        self._empty = EMPTY_CELL
        self._rows = self._ws.iter_rows()
        first = next(self._rows, None)
        if first is None:
            raise DataError(f"sheet '{self.sheet}' is empty: no header row", path)
        self.header_cells = list(first)
        self.header = ["" if c.value is None else str(c.value) for c in first]
        self.width = len(self.header)
        self.rows = 0

    def __iter__(self) -> Iterator[list[Any]]:
        count = 0
        try:
            width = self.width
            for row in self._rows:
                count += 1
                cells = list(row)
                # Without a <dimension>, trailing empty cells are left out:
                # pad to the header so that the columns stay where they are.
                if len(cells) < width:
                    cells.extend([self._empty] * (width - len(cells)))
                yield cells
        except Exception as exc:  # noqa: BLE001 - the sheet's XML is parsed as it streams
            raise DataError(
                f"cannot read sheet '{self.sheet}' after row {count + 1}: {_why(exc)}",
                self.name,
            ) from None
        finally:
            self.rows = count

    def close(self) -> None:
        """Release the workbook's file."""
        self._wb.close()


def xlsx_sheet_names(path: str) -> list[str]:
    """The sheet names of a workbook (checked as :class:`XlsxReader` checks it)."""
    reader = XlsxReader(path, None)
    try:
        return list(reader._wb.sheetnames)
    finally:
        reader.close()


class XlsxWriter:
    """Write one sheet with openpyxl's write-only workbook, keeping cell types and number formats.

    A text cell that begins with ``=`` stays text (never becomes a formula);
    a formula read from the input stays a formula.
    """

    def __init__(self, sheet: str) -> None:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        self._wb = Workbook(write_only=True)
        self._ws = self._wb.create_sheet(title=sheet)
        self._cell = WriteOnlyCell
        self.row = 0

    def _text(self, value: str, col: int) -> Any:
        if len(value) > XLSX_MAX_CELL:
            raise DataError(
                f"cell {cell_name(self.row, col)} would hold {len(value):,} characters; "
                f"Excel allows {XLSX_MAX_CELL:,}"
            )
        if value.startswith("="):
            cell = self._cell(self._ws, value)
            cell.data_type = "s"
            return cell
        return value

    def convert(self, values: list[Any]) -> list[Any]:
        """Turn read cells and plain values into what the write-only sheet takes."""
        out: list[Any] = []
        for col, v in enumerate(values, 1):
            if hasattr(v, "data_type"):
                value = v.value
                if value is None:
                    out.append(None)
                    continue
                if v.data_type == "f":
                    out.append(value)
                    continue
                fmt = v.number_format
                if isinstance(value, str):
                    out.append(self._text(value, col))
                elif fmt != "General":
                    cell = self._cell(self._ws, value)
                    cell.number_format = fmt
                    out.append(cell)
                else:
                    out.append(value)
            elif isinstance(v, str):
                out.append(self._text(v, col))
            else:
                out.append(v)
        return out

    def append(self, values: list[Any]) -> None:
        """Write one row."""
        self.row += 1
        if self.row > XLSX_MAX_ROWS:
            raise DataError(f"more than {XLSX_MAX_ROWS:,} rows: Excel cannot hold them")
        converted = self.convert(values)
        try:
            self._ws.append(converted)
        except Exception as exc:  # noqa: BLE001 - openpyxl's errors have no common base
            col = next((i for i, v in enumerate(converted, 1) if isinstance(v, str) and _illegal(v)), None)
            where = f"cell {cell_name(self.row, col)}" if col else f"row {self.row}"
            raise DataError(f"{where} cannot be written to XLSX: {type(exc).__name__}: {exc}") from None

    def save(self, sink: IO[bytes]) -> None:
        """Write the workbook to ``sink``."""
        self._wb.save(sink)

    def discard(self) -> None:
        """Give up a workbook after an error, closing its temporary sheet file."""
        try:
            self._ws.close()
        except Exception:  # noqa: BLE001 - the sheet may already be broken; nothing to report
            pass


def _why(exc: BaseException) -> str:
    """The root cause of a library error, on one line (defusedxml's refusals included)."""
    root = exc
    while root.__cause__ is not None or root.__context__ is not None:
        root = root.__cause__ or root.__context__  # type: ignore[assignment]
    text = str(root).strip().splitlines()
    return f"{type(root).__name__}: {text[0]}" if text else type(root).__name__


def _illegal(text: str) -> bool:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return bool(ILLEGAL_CHARACTERS_RE.search(text))


# -- Parquet ---------------------------------------------------------------------------------

PARQUET_HINT = "Parquet needs pyarrow: pip install 'aliasctl[parquet]'"


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


# -- output files ---------------------------------------------------------------


def same_file(a: str, b: str) -> bool:
    """Whether two paths name one file (through links, or the same inode)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


__all__ = [
    "DELIMITERS",
    "FORMATS",
    "PARQUET_HINT",
    "STREAM_FORMATS",
    "XLSX_MAX_CELL",
    "AtomicFile",
    "CsvDialect",
    "CsvReader",
    "CsvWriter",
    "DataError",
    "JsonRecord",
    "XlsxReader",
    "XlsxWriter",
    "cell_name",
    "check_xlsx",
    "detect_format",
    "escape_formula",
    "import_pyarrow",
    "open_input",
    "read_jsonl",
    "same_file",
    "sniff_encoding",
    "splice_jsonl",
]
