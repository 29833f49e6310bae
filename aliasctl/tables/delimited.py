"""CSV and TSV: read a delimited file, remembering how it was written, and write rows back the same way.

The delimiter is sniffed among ``, ; TAB |`` (or given), the quoting style
and the line ending are read off the first rows, and the encoding and its BOM
come from :mod:`~aliasctl.tables.encodings`. :class:`CsvReader` hands rows on
in blocks, or the file's text to the :class:`~aliasctl.tables.splice.Splicer`,
which inserts cells without re-writing anything else; :class:`CsvWriter`
re-writes rows in the dialect found.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any, Literal

from ..constants import DELIMITER_NAMES
from ..errors import DataError
from .base import TableReader
from .encodings import TextSink, check_not_utf16, decode_error, position_recorder, sniff_encoding
from .splice import IncompleteRecordError, RecordError, Splicer, line_breaks, parse_record

#: The delimiters sniffed, in order of preference when two fit as well.
DELIMITERS = tuple(DELIMITER_NAMES)

_SAMPLE_LINES = 50
_SAMPLE_CHARS = 64 * 1024

Quoting = Literal[0, 1, 2, 3]


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
        """One line for people: ``utf-8 with BOM, delimiter semicolon (sniffed), quoting minimal, CRLF line endings``."""
        enc = self.codec + (" with BOM" if self.bom else "")
        how = "sniffed" if self.sniffed else "given"
        quoting = {csv.QUOTE_ALL: "all", csv.QUOTE_NONNUMERIC: "all but numbers"}.get(self.quoting, "minimal")
        ends = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}[self.lineterminator]
        return (
            f"{enc}, delimiter {DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))} ({how}), "
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


class CsvReader(TableReader):
    """Read a delimited file row by row, remembering how it was written.

    Args:
        stream: the bytes (a file or stdin).
        name: the file name used in messages (``-`` for stdin).
        fmt: ``csv`` (delimiter sniffed among ``, ; TAB |``) or ``tsv`` (tab).
        encoding: the codec when there is no BOM (default UTF-8).
        delimiter: the delimiter, overriding the sniffing.
        own: close ``stream`` when the reader is closed.
        comment: lines at the very top that start with this are skipped
            (``# aliasctl review queue: ...``); line numbers still count them.

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
        *,
        own: bool = False,
        comment: str | None = None,
    ) -> None:
        self.name = name
        self.format = fmt
        self._owned = stream if own else None
        self._bytes = stream
        codec, bom = sniff_encoding(stream, encoding)
        if not bom:
            check_not_utf16(stream, codec, name)
        self._recorder = position_recorder(stream, name, codec, bom)
        source: Any = self._recorder or stream
        self._text = io.TextIOWrapper(source, encoding=codec, errors="strict", newline="")
        self.dialect = CsvDialect(codec=codec, bom=bom)
        self.ragged = 0
        self.ragged_lines: list[int] = []
        self.rows = 0
        self._last_line = ""
        #: Lines before the header that were skipped as comments (``comment``).
        self.comments: list[str] = []
        try:
            if bom:
                self._text.read(1)
            sample = self._sample()
        except UnicodeDecodeError as exc:
            raise decode_error(exc, name, codec, bom, 1, self._recorder) from None
        while comment is not None and sample and sample[0].startswith(comment):
            self.comments.append(sample.pop(0).rstrip("\r\n"))
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

    def describe(self) -> str:
        """The dialect found (see :meth:`CsvDialect.describe`)."""
        return self.dialect.describe()

    def splicer(self, positions: list[int], chunk_chars: int) -> Splicer:
        """A :class:`~aliasctl.tables.splice.Splicer` over the file, header first, before any row is read.

        The sample holds the whole header (:meth:`_complete_header`; a header
        it could not complete has already failed to parse), so its text is at hand.
        """
        assert self.rows == 0 and self._reader.line_num <= len(self._sample_lines), "splicer() after reading"
        assert not self.comments, "the splicer copies the text from the header on"
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
        start = self._reader.line_num + 1 + len(self.comments)
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
        return DataError(f"malformed row: {text}", self.name, self._reader.line_num + len(self.comments))

    def blocks(self, size: int) -> Iterator[list[list[str]]]:
        """Yield the data rows in blocks of ``size`` (lists of strings), noting ragged ones.

        The csv module fills each block at C speed; physical line numbers are
        worked out only for a block that has a ragged row or an error.
        """
        reader = self._reader
        width = self.width
        skipped = len(self.comments)
        start = reader.line_num + 1 + skipped
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
            start = reader.line_num + 1 + skipped
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


__all__ = ["DELIMITERS", "CsvDialect", "CsvReader", "CsvWriter", "Quoting", "bare_numbers"]
