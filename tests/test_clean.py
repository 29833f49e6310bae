"""The clean core: library API, batch resolution, round trips."""

from __future__ import annotations

import csv
import io
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aliasctl import Resolver, clean_rows
from aliasctl.clean import CleanOptions, CleanReport, clean_file, plan_columns, text_cells
from aliasctl.errors import AliasctlError, UsageError


def test_clean_rows_adds_cells_after_the_column(small_resolver: Resolver) -> None:
    rows = [["n", "actor", "x"], ["007", "KH", "NA"], ["1e5", "Nobody", ""], ["short"]]
    report = CleanReport()
    out = list(clean_rows(rows, ["actor"], small_resolver, report=report))
    assert out == [
        ["n", "actor", "actor_id", "actor_name", "actor_score", "actor_status", "x"],
        ["007", "KH", "kataib-hezbollah", "Kata'ib Hezbollah", "100.0", "matched", "NA"],
        ["1e5", "Nobody", "", "", "", "unresolved", ""],
        ["short"],
    ]
    assert report.rows == 3
    assert report.cells["matched"] == 1
    assert [r.value for r in report.review] == ["Nobody"]


def test_clean_rows_counts_ragged_rows_as_the_csv_runner_does(small_resolver: Resolver) -> None:
    # A row four cells too long is as wide as a cleaned row, and still ragged.
    rows = [
        ["n", "actor", "x"],
        ["1", "KH", "a"],
        ["2", "KH", "a", "e1", "e2", "e3", "e4"],
        ["short"],
        ["4", "Daesh", "b"],
    ]
    report = CleanReport()
    out = list(clean_rows(rows, ["actor"], small_resolver, report=report))
    assert out[2:4] == [rows[2], ["short"]]
    assert (report.rows, report.ragged, report.ragged_lines) == (4, 2, [3, 4])
    text = "".join(",".join(r) + "\r\n" for r in rows).encode("utf-8")
    from_csv = clean_file(
        CleanOptions(input="-", columns=["actor"]), small_resolver, stdin=io.BytesIO(text), stdout=io.BytesIO()
    )
    assert (from_csv.rows, from_csv.ragged, from_csv.ragged_lines) == (4, 2, [3, 4])


def test_clean_rows_resolves_each_distinct_value_once(small_resolver: Resolver) -> None:
    calls: list[int] = []

    class Counting(Resolver):
        def resolve_batch(self, texts, *, top=5):  # type: ignore[no-untyped-def,override]
            calls.append(len(texts))
            return super().resolve_batch(texts, top=top)

    counting = Counting(small_resolver.index)
    rows = [["actor"]] + [["KH"], ["Daesh"]] * 5000
    out = list(clean_rows(rows, ["actor"], counting))
    assert len(out) == 10001
    assert sum(calls) == 2


def test_plan_refuses_missing_and_duplicate_columns() -> None:
    with pytest.raises(UsageError, match="no column 'b'"):
        plan_columns(["a"], ["b"])
    with pytest.raises(UsageError, match="appears 2 times"):
        plan_columns(["a", "a"], ["a"])
    assert plan_columns(["a", "a"], ["2"]).positions == [1]


def test_resolve_batch_equals_resolve(shipped_resolver: Resolver, shipped_registry) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(7)
    names = [a.text for e in shipped_registry.entities for a in e.names()]
    queries = []
    for _ in range(1500):
        name = rng.choice(names)
        if len(name) > 5:
            i = rng.randrange(len(name) - 2)
            op = rng.randrange(4)
            if op == 0:
                name = name[:i] + name[i + 1 :]
            elif op == 1:
                name = name[:i] + rng.choice("aeioukx ") + name[i:]
            elif op == 2:
                name = name[:i] + name[i + 1] + name[i] + name[i + 2 :]
            else:
                name = name.swapcase()
        queries.append(name)
    queries += ["", "  ", "!!", "KH", "zzzzzzzzzz", "al"]
    assert shipped_resolver.resolve_batch(queries) == [shipped_resolver.resolve(q) for q in queries]


def test_resolve_series(small_resolver: Resolver) -> None:
    pd = pytest.importorskip("pandas")
    series = pd.Series(["KH", None, "Nobody", "KH", ""], index=[10, 11, 12, 13, 14])
    from aliasctl import resolve_series

    frame = resolve_series(series, small_resolver)
    assert list(frame.columns) == ["id", "name", "score", "status", "method"]
    assert list(frame.index) == [10, 11, 12, 13, 14]
    assert frame["id"].tolist() == ["kataib-hezbollah", None, None, "kataib-hezbollah", None]
    assert frame["status"].tolist() == ["matched", None, "unresolved", "matched", None]
    assert frame["score"].tolist()[0] == 100.0


# -- round trip ------------------------------------------------------------------------

_cell = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufeff"),
    max_size=12,
) | st.sampled_from(["=1+2", "+x", "-3", "@a", '"', '""', ",", ";", "\r", "\n", "\r\n", "007", "1e5", "NA"])


def _csv(rows: list[list[str]], delimiter: str, terminator: str) -> str:
    """CSV as a careful writer makes it: CR and LF in cells always quoted."""
    out = []
    for row in rows:
        buf = io.StringIO()
        csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerow(row)
        out.append(buf.getvalue()[:-2] + terminator)
    return "".join(out)


@settings(deadline=None, max_examples=150)
@given(
    rows=st.lists(st.lists(_cell, min_size=3, max_size=3), max_size=8),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    terminator=st.sampled_from(["\r\n", "\n"]),
    bom=st.booleans(),
)
def test_round_trip_arbitrary_cells(
    small_resolver: Resolver, rows: list[list[str]], delimiter: str, terminator: str, bom: bool
) -> None:
    header = ["a", "actor", "b"]
    body = [[r[0], "", r[2]] for r in rows]  # nothing to resolve in the actor column
    data = (("\ufeff" if bom else "") + _csv([header, *body], delimiter, terminator)).encode("utf-8")
    out = io.BytesIO()
    options = CleanOptions(input="-", columns=["actor"], delimiter=delimiter)
    report = clean_file(options, small_resolver, stdin=io.BytesIO(data), stdout=out)
    expected = _csv(
        [[*header[:2], "actor_id", "actor_name", "actor_score", "actor_status", *header[2:]]]
        + [[*r[:2], "", "", "", "", *r[2:]] for r in body],
        delimiter,
        terminator,
    )
    assert out.getvalue() == (("\ufeff" if bom else "") + expected).encode("utf-8")
    assert report.rows == len(body)
    parsed = list(csv.reader(io.StringIO(out.getvalue().decode("utf-8-sig"), newline=""), delimiter=delimiter))
    assert [r[:2] + r[6:] for r in parsed[1:]] == body


class _Pipe(io.RawIOBase):
    """A stream that cannot seek, like stdin from a pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


@pytest.mark.parametrize("data", [b"actor,n\r\nKH,1\r\n", b"actor,n\r\nKH,1"])
def test_final_newline_kept_from_a_pipe(small_resolver: Resolver, data: bytes) -> None:
    out = io.BytesIO()
    clean_file(CleanOptions(input="-", columns=["actor"]), small_resolver,
               stdin=io.BufferedReader(_Pipe(data)), stdout=out)
    expected = b"actor,actor_id,actor_name,actor_score,actor_status,n\r\nKH,kataib-hezbollah,Kata'ib Hezbollah,100.0,matched,1"
    assert out.getvalue() == expected + (b"\r\n" if data.endswith(b"\n") else b"")


_MANY = (
    b"actor,n\r\n"
    b"KH,1\r\nDaesh,2\r\n\"multi\r\nline\",3\r\nNobody\r\nKH,5\r\n"
    b"Hezbollah,6,extra\r\n\"a\nb\rc\",7\r\nAnsar al-Sharia,8\r\n,9\r\nKH,10\r\n"
)


@pytest.mark.parametrize(
    ("chunk_chars", "background_after"), [(2, 2), (3, None), (7, None), (16, 1), (1000, None), (1, 1)]
)
def test_chunks_and_background_give_the_same_bytes_and_lines(
    small_resolver: Resolver, chunk_chars: int, background_after: int | None
) -> None:
    out = io.BytesIO()
    options = CleanOptions(input="-", columns=["actor"], chunk_chars=chunk_chars, background_after=background_after)
    report = clean_file(options, small_resolver, stdin=io.BytesIO(_MANY), stdout=out)
    reference = io.BytesIO()
    clean_file(CleanOptions(input="-", columns=["actor"], background_after=None), small_resolver,
               stdin=io.BytesIO(_MANY), stdout=reference)
    assert out.getvalue() == reference.getvalue()
    assert report.rows == 10
    assert report.ragged_lines == [6, 8]
    assert (report.cells["matched"], report.cells["ambiguous"], report.cells["empty"]) == (4, 1, 1)


@pytest.mark.parametrize("chunk_chars", [1, 2, 5, 1000])
def test_unterminated_quote_line_across_chunks(small_resolver: Resolver, chunk_chars: int) -> None:
    data = b"actor,n\nKH,1\n\"two\nlines\",2\nDaesh,3\n\"open,4\nmore\n"
    options = CleanOptions(input="-", columns=["actor"], chunk_chars=chunk_chars)
    with pytest.raises(AliasctlError, match=r"^-:6:1: unterminated quote starting at line 6$"):
        clean_file(options, small_resolver, stdin=io.BytesIO(data), stdout=io.BytesIO())


# -- the text splicing, end to end --------------------------------------------------

_ACTORS = ["KH", "Daesh", "Nobody", "Ansar al-Sharia", "", " ", 'x"y', "a,b", "two\nlines", '"quoted"']
_OTHER = st.text(alphabet=st.sampled_from(list('ab ,"\r\n=')), max_size=6)


def _raw(value: str, quote: bool) -> str:
    """A cell as some writer might have put it: quoted when it must be, or when ``quote``."""
    # A quote inside an unquoted cell is taken literally; only a leading one must be quoted.
    if any(c in value for c in ",\r\n") or value.startswith('"') or quote:
        return '"' + value.replace('"', '""') + '"'
    return value


@st.composite
def _records(draw: st.DrawFn) -> tuple[str, str, list[str] | None, str]:
    """(text up to the end of the actor cell, the rest of the record, its cells or None if ragged, actor)."""
    actor = draw(st.sampled_from(_ACTORS))
    first, last = draw(_OTHER), draw(_OTHER)
    quotes = draw(st.lists(st.booleans(), min_size=3, max_size=3))
    ending = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    before = _raw(first, quotes[0]) + "," + _raw(actor, quotes[1])
    ragged = draw(st.sampled_from([None, None, None, "short", "long"]))
    if ragged == "short":
        return before + ending, "", None, actor
    rest = "," + _raw(last, quotes[2]) + (",extra" if ragged == "long" else "") + ending
    return before, rest, (None if ragged else [first, actor, last]), actor


@settings(deadline=None, max_examples=200)
@given(records=st.lists(_records(), max_size=10), chunk=st.sampled_from([1, 3, 7, 64, 1 << 22]))
def test_spliced_cells_land_after_the_resolved_cell_and_nothing_else_moves(
    small_resolver: Resolver, records: list[tuple[str, str, list[str] | None, str]], chunk: int
) -> None:
    text = "id,actor,note\n" + "".join(before + rest for before, rest, _, _ in records)
    out = io.BytesIO()
    options = CleanOptions(input="-", columns=["actor"], chunk_chars=chunk, background_after=None)
    report = clean_file(options, small_resolver, stdin=io.BytesIO(text.encode()), stdout=out)
    written = out.getvalue().decode()
    cells_of = text_cells()
    expected_rows = [["id", "actor", "actor_id", "actor_name", "actor_score", "actor_status", "note"]]
    # The added cells follow the quoting the file was sniffed to use; the rest is the input's.
    pos = written.index("\n") + 1
    assert written.startswith("id,actor,") and written[:pos].endswith(",note\n")
    for before, rest, cells, actor in records:
        assert written.startswith(before, pos)  # the input's own text, byte for byte
        pos += len(before)
        if cells is None:  # a ragged row passes through untouched
            assert written.startswith(rest, pos)
            pos += len(rest)
            expected_rows.append(next(csv.reader(io.StringIO(before + rest, newline=""))))
            continue
        added = cells_of(small_resolver.resolve(actor, top=3) if actor.strip() else None)
        expected_rows.append([cells[0], cells[1], *added, cells[2]])
        inserted = written[pos:].index(rest) if rest else 0
        pos += inserted
        assert written.startswith(rest, pos)
        pos += len(rest)
    assert pos == len(written)
    assert list(csv.reader(io.StringIO(written, newline=""), strict=True)) == expected_rows
    assert report.rows == len(records)
    assert report.ragged == sum(1 for _, _, cells, _ in records if cells is None)


def test_resolve_series_refuses_a_value_past_the_limit(small_resolver: Resolver) -> None:
    import pandas as pd

    from aliasctl.clean import resolve_series
    from aliasctl.errors import DataError

    series = pd.Series(["Hamas", "A" * 131_073], index=["a", "b"])
    with pytest.raises(DataError, match=r"^index 'b': a value of 131,073 characters"):
        resolve_series(series, small_resolver)


def test_clean_rows_refuses_a_value_past_the_limit_at_its_row(small_resolver: Resolver) -> None:
    from aliasctl.clean.cache import ValueTooLongError

    with pytest.raises(ValueTooLongError) as info:
        list(clean_rows([["actor"], ["Hamas"], ["A" * 131_073]], ["actor"], small_resolver))
    assert (info.value.row, info.value.length) == (3, 131_073)
