"""Insert cells into the raw text of a delimited file, leaving every other character alone.

Re-serializing a CSV file with the csv module can only approximate what it
read: a cell quoted where it need not be, or a bare ``"`` inside an unquoted
cell, comes out differently. So :func:`aliasctl.clean.clean_file` does not
re-serialize at all. It finds, in the decoded text, where each record starts
and ends and where the resolved cells end, reads their values, and copies the
text through with the added cells inserted after them. Every other character
(quotes, line endings, even a mixture of them) is written back as it was.

Records are found by one regular expression built for the header's width
that follows the csv module's strict grammar (quoted cells with doubled
quotes, a quote inside an unquoted cell taken literally, CR, LF or CRLF ending
a record). A record it does not match (a row with another number of cells,
a blank line, a record cut by the end of what has been read so far, a long
or a malformed one) goes through :func:`parse_record`, a reading of the same
grammar cell by cell that also reports errors with their line and column.
"""

from __future__ import annotations

import bisect
import csv
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO

from ..errors import DataError

#: Characters decoded per read: about 25,000 rows of a typical incident table.
CHUNK_CHARS = 1 << 22


class IncompleteRecordError(Exception):
    """The record runs past the end of the text read so far."""


class RecordError(Exception):
    """A malformed record: what is wrong, and the offset in the text where it is."""

    def __init__(self, kind: str, offset: int, limit: int = 0, delimiter: str = ",") -> None:
        super().__init__(kind, offset)
        self.kind = kind
        self.offset = offset
        self.limit = limit
        self.delimiter = delimiter

    def message(self, line: int) -> str:
        """The message for a cell or record that starts on ``line``."""
        if self.kind == "unterminated":
            return f"unterminated quote starting at line {line}"
        if self.kind == "runaway":
            return f"a cell starting at line {line} runs past {self.limit:,} characters: probably an unterminated quote"
        if self.kind == "long":
            return f"a cell starting at line {line} runs past {self.limit:,} characters"
        return f"'{self.delimiter}' expected after '\"'"


@dataclass
class Record:
    """One record read by :func:`parse_record`."""

    cells: list[str]
    ends: list[int]  # where each cell's raw text ends
    end: int  # where the record ends, after its line ending


def _unquoted(delimiter: str, first: bool = False) -> str:
    """The characters of an unquoted cell (anything but the delimiter and line endings; not a quote first)."""
    quote = '"' if first else ""
    return f"[^{re.escape(delimiter)}{quote}\\r\\n]"


def _field_pattern(delimiter: str) -> str:
    # quoted (with doubled quotes inside) | unquoted, not starting with a quote | empty
    return f'(?:"[^"]*+(?:""[^"]*+)*+"|{_unquoted(delimiter, True)}{_unquoted(delimiter)}*+|)'


def record_pattern(delimiter: str, width: int, positions: Sequence[int]) -> re.Pattern[str]:
    """A pattern matching one record of exactly ``width`` cells, capturing those at ``positions``.

    A record must start with something other than a line ending (a blank
    line is an empty record to the csv module, not a row of empty cells).
    """
    cell = _field_pattern(delimiter)
    d = re.escape(delimiter)
    parts = [f"({cell})" if i in positions else cell for i in range(width)]
    return re.compile(r"(?=[^\r\n])" + d.join(parts) + r"(?:\r\n|\n|\r|\Z)")


@functools.lru_cache(maxsize=8)
def _unquoted_run(delimiter: str) -> re.Pattern[str]:
    return re.compile(_unquoted(delimiter) + "*")


def unquote(raw: str) -> str:
    """The value of a cell from its raw text."""
    if raw[:1] == '"':
        return raw[1:-1].replace('""', '"')
    return raw


def line_breaks(text: str) -> int:
    """How many line endings (CRLF, LF or CR) ``text`` holds."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def parse_record(text: str, pos: int, delimiter: str, eof: bool, limit: int) -> Record:
    """Read the record starting at ``pos`` the way the csv module's strict reader does.

    A cell whose value is longer than ``limit`` characters is an error, as it
    is to the csv module; so a runaway quote stops the reading there.

    Raises:
        IncompleteRecordError: the record may go on past the end of ``text`` (only when not ``eof``).
        RecordError: the record is malformed.
    """
    n = len(text)
    cells: list[str] = []
    ends: list[int] = []
    unquoted = _unquoted_run(delimiter)
    i = pos
    if i < n and text[i] in "\r\n":  # a blank line: an empty record
        return Record([], [], _after_line_end(text, i, eof))
    while True:
        start = i
        if i < n and text[i] == '"':
            parts = []
            size = 0
            j = i + 1
            while True:
                k = text.find('"', j)
                if k < 0 or (k + 1 == n and not eof):
                    # The value so far: what was read, and the text up to the quote (or the end).
                    if size + (n if k < 0 else k) - j > limit:
                        raise RecordError("runaway", start, limit)
                    if not eof:
                        raise IncompleteRecordError
                    raise RecordError("unterminated", start)
                if k + 1 < n and text[k + 1] == '"':
                    parts.append(text[j : k + 1])
                    size += k + 1 - j
                    j = k + 2
                    continue
                parts.append(text[j:k])
                size += k - j
                i = k + 1
                break
            if size > limit:
                raise RecordError("long", start, limit)
            if i < n and text[i] not in (delimiter, "\r", "\n"):
                raise RecordError("expected", i, delimiter=delimiter)
            cells.append("".join(parts))
        else:
            j = unquoted.match(text, i).end()  # type: ignore[union-attr]  # it matches the empty string
            if j - start > limit:
                raise RecordError("long", start, limit)
            if j == n and not eof:
                raise IncompleteRecordError
            cells.append(text[i:j])
            i = j
        ends.append(i)
        if i < n and text[i] == delimiter:
            i += 1
            continue
        if i >= n:
            if not eof:
                raise IncompleteRecordError
            return Record(cells, ends, i)
        return Record(cells, ends, _after_line_end(text, i, eof))


def _after_line_end(text: str, i: int, eof: bool) -> int:
    if text[i] == "\r":
        if i + 1 < len(text):
            return i + 2 if text[i + 1] == "\n" else i + 1
        if not eof:
            raise IncompleteRecordError  # the LF of a CRLF may come next
    return i + 1


@dataclass
class Chunk:
    """A stretch of whole records, where to insert cells and the values that decide them.

    ``cuts[k]`` is an offset into ``text``; ``values[k]`` is the value of the
    resolved cell that ends there (several per record when several columns are
    resolved, in order).
    """

    text: str
    cuts: list[int]
    values: list[str]
    rows: int
    first_row: int = 2  # the table row of the first record (the header is row 1)
    ragged_at: list[int] = field(default_factory=list)  # records (from 0) passed through uncut, in order
    columns: int = 1  # cuts per record

    def row_of(self, k: int) -> int:
        """The table row of the record that ``values[k]`` belongs to."""
        cut = k // self.columns  # the cut-th record that was cut
        # Before the i-th uncut record there are ragged_at[i] - i cut ones.
        skipped = bisect.bisect_right(self._cut_before, cut)
        return self.first_row + cut + skipped

    @functools.cached_property
    def _cut_before(self) -> list[int]:
        return [r - i for i, r in enumerate(self.ragged_at)]


@dataclass
class Splicer:
    """Reads the records of a decoded delimited file, header first, in chunks.

    Args:
        stream: the decoded text after ``head`` (read with ``newline=""``).
        head: the text already read, starting at the header.
        name: the file name for messages.
        delimiter: the cell delimiter.
        positions: the 0-based resolved columns.
        on_decode_error: turns a decoding failure at a line into the error to raise.
    """

    stream: IO[str]
    head: str
    name: str
    delimiter: str
    positions: Sequence[int]
    on_decode_error: Callable[[UnicodeDecodeError, int], Exception] | None = None
    chunk_chars: int = CHUNK_CHARS
    header: list[str] = field(init=False)
    header_cuts: list[int] = field(init=False)  # where the resolved cells of the header end
    header_text: str = field(init=False)
    width: int = field(init=False)
    rows: int = field(init=False, default=0)
    ragged: int = field(init=False, default=0)
    ragged_lines: list[int] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self._buf = self.head
        self._eof = False
        self._line = 1  # the line at which self._buf starts
        self._limit = csv.field_size_limit()
        record = self._parse(0)
        if record is None:
            raise DataError("the file is empty: no header row", self.name)
        self.header = record.cells
        self.header_text = self._buf[: record.end]
        self.header_cuts = [record.ends[p] for p in self.positions if p < len(record.ends)]
        self._commit(record.end)
        self.width = len(self.header)
        self._pattern = record_pattern(self.delimiter, self.width, self.positions)

    def _read(self) -> bool:
        """Add the next stretch of text to the buffer; False at the end of the file."""
        if self._eof:
            return False
        try:
            more = self.stream.read(self.chunk_chars)
        except UnicodeDecodeError as exc:
            if self.on_decode_error is None:
                raise
            raise self.on_decode_error(exc, self._line + line_breaks(self._buf)) from None
        if not more:
            self._eof = True
            return False
        self._buf += more
        return True

    def _parse(self, pos: int) -> Record | None:
        """The record at ``pos`` by the slow reading, reading on as needed (None at the end)."""
        while True:
            if pos >= len(self._buf) and not self._read():
                return None
            try:
                return parse_record(self._buf, pos, self.delimiter, self._eof, self._limit)
            except IncompleteRecordError:
                self._read()
            except RecordError as exc:
                raise self._error(exc, self._buf) from None

    def _commit(self, upto: int) -> None:
        self._line += line_breaks(self._buf[:upto])
        self._buf = self._buf[upto:]

    def chunks(self) -> Iterator[Chunk]:
        """Yield the data records in chunks; ragged rows pass through without cuts."""
        while True:
            if not self._eof and len(self._buf) < self.chunk_chars:
                self._read()
            if not self._buf and self._eof:
                return
            chunk = self._scan(self._buf, self._eof)
            if chunk is None:  # not one whole record yet: read on
                self._read()
                continue
            self.rows += chunk.rows
            self._commit(len(chunk.text))
            yield chunk

    def _scan(self, buf: str, eof: bool) -> Chunk | None:
        """The whole records at the start of ``buf`` (None when there is not one)."""
        match = self._pattern.match
        width = self.width
        positions = self.positions
        single = len(positions) == 1
        groups = range(1, len(positions) + 1)
        limit = self._limit  # a longer record may hold a cell past the limit: read it cell by cell
        n = len(buf)
        cuts: list[int] = []
        values: list[str] = []
        ragged_at: list[int] = []
        rows = 0
        pos = 0
        while pos < n:
            m = match(buf, pos)
            if m is not None and (m.end() < n or eof) and m.end() - pos <= limit:
                if single:
                    cuts.append(m.end(1))
                    raw = m.group(1)
                    values.append(raw if raw[:1] != '"' else unquote(raw))
                else:
                    for g in groups:
                        cuts.append(m.end(g))
                        values.append(unquote(m.group(g)))
                rows += 1
                pos = m.end()
                continue
            try:
                record = parse_record(buf, pos, self.delimiter, eof, limit)
            except IncompleteRecordError:
                break
            except RecordError as exc:
                raise self._error(exc, buf) from None
            if len(record.cells) == width:
                # Only a record cut by the end of the text gets here; it reads the same.
                for p in positions:
                    cuts.append(record.ends[p])
                    values.append(record.cells[p])
            else:
                ragged_at.append(rows)
                self.ragged += 1
                if len(self.ragged_lines) < 10:
                    self.ragged_lines.append(self._line + line_breaks(buf[:pos]))
            rows += 1
            pos = record.end
        if pos == 0:
            return None
        return Chunk(buf[:pos], cuts, values, rows, 2 + self.rows, ragged_at, len(positions))

    def _error(self, exc: RecordError, buf: str) -> DataError:
        before = buf[: exc.offset]
        line = self._line + line_breaks(before)
        col = exc.offset - max(before.rfind("\n"), before.rfind("\r"))
        return DataError(exc.message(line), self.name, line, col)


def splice(chunk: Chunk, added: dict[str, str]) -> str:
    """The chunk's text with ``added[value]`` inserted after each resolved cell."""
    return insert(chunk.text, chunk.cuts, map(added.__getitem__, chunk.values))


def insert(text: str, cuts: Sequence[int], inserts: Iterable[str]) -> str:
    """``text`` with ``inserts[k]`` inserted at offset ``cuts[k]`` (cuts in order)."""
    out: list[str] = []
    append = out.append
    prev = 0
    for cut, more in zip(cuts, inserts, strict=True):
        append(text[prev:cut])
        append(more)
        prev = cut
    append(text[prev:])
    return "".join(out)
