"""JSON Lines: read one object a line, and write a line back with keys added, every other byte kept."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from ..errors import DataError
from .base import TableReader
from .encodings import BOMS, check_not_utf16
from .values import MISSING, JsonLiteral, JsonNumber, json_text

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
        if n == 1 and raw.startswith(BOMS["utf-8"]):
            raw = raw[len(BOMS["utf-8"]) :]
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


def record_values(record: JsonRecord) -> dict[str, Any]:
    """A record's top-level values for a conversion: strings decoded, every other value as its JSON text.

    A number keeps its spelling (:class:`~aliasctl.tables.values.JsonNumber`),
    ``null`` is ``None``, ``true``, objects and lists are
    :class:`~aliasctl.tables.values.JsonLiteral`. A repeated key: the last
    one counts, as in ``json.loads``.
    """
    body = record.body
    out: dict[str, Any] = {}
    for it in _items(body):
        raw = body[it.vstart : it.vend]
        first = raw[0]
        if first == '"':
            out[it.key] = json.loads(raw)
        elif first == "n":
            out[it.key] = None
        elif first == "-" or first.isdigit():
            out[it.key] = JsonNumber(raw)
        else:
            out[it.key] = JsonLiteral(raw)
    return out


class JsonlReader(TableReader):
    """Read a JSON Lines file (UTF-8) line by line: iterating yields each :class:`JsonRecord`.

    Args:
        stream: the bytes (a file or stdin).
        name: the file name used in messages (``-`` for stdin).
        own: close ``stream`` when the reader is closed.
    """

    format = "jsonl"

    def __init__(self, stream: IO[bytes], name: str, *, own: bool = False) -> None:
        self.name = name
        self._stream = stream
        self._owned = stream if own else None
        self._bytes = stream
        check_not_utf16(stream, "utf-8", name, choose=False)

    def describe(self) -> str:
        """Always ``JSON Lines, UTF-8``: the format allows no other encoding."""
        return "JSON Lines, UTF-8"

    def __iter__(self) -> Iterator[JsonRecord]:
        return read_jsonl(self._stream, self.name)

    def as_table(self, sample: int) -> tuple[list[str], Iterator[list[Any]]]:
        """The records as a table, for writing them in another format: the header, then the rows.

        The columns are every key, in the order keys first appear: in the
        whole file, read once for them and then again for the rows; on stdin,
        which is read once, in the first ``sample`` records. A record's
        missing key is :data:`~aliasctl.tables.values.MISSING`; blank lines
        are left out.

        Raises:
            DataError: on stdin, a key that first appears after the sample.
        """
        records: Iterator[JsonRecord] = iter(self)
        keys: dict[str, None] = {}
        again = self._rewindable()
        head: list[JsonRecord] = []
        for rec in records:
            if rec.obj is None:
                continue
            keys.update(dict.fromkeys(rec.obj))
            if not again:
                head.append(rec)
                if len(head) >= sample:
                    break
        if again:
            self._stream.seek(0)
            records = iter(self)
        header = list(keys)

        def rows() -> Iterator[list[Any]]:
            for rec in itertools.chain(head, records):
                if rec.obj is None:
                    continue
                values = record_values(rec)
                if not values.keys() <= keys.keys():
                    new = next(k for k in values if k not in keys)
                    raise DataError(
                        f"the key '{new}' first appears here, after the columns were taken from the "
                        f"first {sample:,} records (stdin is read once): give the file by name",
                        self.name,
                        rec.line,
                    )
                yield [values.get(k, MISSING) for k in header]

        return header, rows()

    def _rewindable(self) -> bool:
        try:
            return self.name != "-" and self._stream.seekable() and self._stream.tell() == 0
        except (OSError, ValueError):
            return False


__all__ = ["JsonRecord", "JsonlReader", "JsonlWriter", "read_jsonl", "record_values", "splice_jsonl"]


class JsonlWriter:
    """Write rows as JSON Lines objects, one key a column (a missing value left out)."""

    def __init__(self, stream: IO[bytes], header: list[str], name: str) -> None:
        seen: set[str] = set()
        for key in header:
            if key in seen:
                raise DataError(f"the column '{key}' appears twice: JSON Lines needs one key a column", name)
            seen.add(key)
        self._stream = stream
        self._keys = [json.dumps(k, ensure_ascii=False) + ": " for k in header]

    def write_rows(self, rows: list[list[Any]]) -> None:
        """Write a block of rows, each as wide as the header."""
        out = []
        for row in rows:
            pairs = [k + json_text(v) for k, v in zip(self._keys, row, strict=True) if v is not MISSING]
            out.append("{" + ", ".join(pairs) + "}\n")
        self._stream.write("".join(out).encode("utf-8"))
