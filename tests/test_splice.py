"""The raw-text reading of delimited files agrees with the csv module, and writes back every character."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aliasctl.errors import DataError
from aliasctl.tables.splice import Splicer, parse_record, record_pattern, splice


class _Nothing(dict[str, str]):
    """Inserts nothing at every cut, whatever the value: the text must come back whole."""

    def __missing__(self, key: str) -> str:
        return ""


def _read(
    text: str, delimiter: str, positions: list[int], chunk_chars: int
) -> tuple[Splicer, list[str], str]:
    splicer = Splicer(io.StringIO(text, newline=""), "", "t.csv", delimiter, positions, None, chunk_chars)
    values: list[str] = []
    out = [splicer.header_text]
    for chunk in splicer.chunks():
        values.extend(chunk.values)
        out.append(splice(chunk, _Nothing()))
    return splicer, values, "".join(out)


def _csv_rows(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))


# Texts made of the characters that matter to the grammar, valid or not.
_TEXTS = st.text(
    alphabet=st.sampled_from(["a", "b", " ", ",", ";", '"', "\r", "\n", "é", "\x00"]), max_size=60
)


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    text=_TEXTS,
    delimiter=st.sampled_from([",", ";"]),
    chunk=st.sampled_from([1, 2, 3, 7, 64]),
    col=st.integers(0, 2),
)
def test_same_records_values_and_errors_as_the_csv_module(
    text: str, delimiter: str, chunk: int, col: int
) -> None:
    try:
        rows = _csv_rows(text, delimiter)
    except csv.Error:
        with pytest.raises(DataError):
            _read(text, delimiter, [], chunk)
        return
    if not rows:
        with pytest.raises(DataError, match="empty"):
            _read(text, delimiter, [col], chunk)
        return
    header = rows[0]
    positions = [col] if col < len(header) else []
    splicer, values, out = _read(text, delimiter, positions, chunk)
    assert splicer.header == header
    body = rows[1:]
    assert splicer.rows == len(body)
    assert splicer.ragged == sum(1 for r in body if len(r) != len(header))
    assert values == [r[p] for r in body if len(r) == len(header) for p in positions]
    assert out == text


@settings(max_examples=300, deadline=None)
@given(
    cells=st.lists(st.lists(st.text(max_size=8), min_size=3, max_size=3), min_size=1, max_size=8),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    ending=st.sampled_from(["\r\n", "\n", "\r"]),
    chunk=st.sampled_from([1, 5, 4096]),
)
def test_written_tables_read_back_cell_for_cell(
    cells: list[list[str]], quoting: int, ending: str, chunk: int
) -> None:
    buf = io.StringIO()
    csv.writer(buf, quoting=quoting, lineterminator=ending).writerows([["h1", "h2", "h3"], *cells])
    text = buf.getvalue()
    rows = _csv_rows(text, ",")
    _, values, out = _read(text, ",", [0, 2], chunk)
    assert out == text
    assert values == [r[p] for r in rows[1:] if len(r) == 3 for p in (0, 2)]


def test_cells_are_inserted_right_after_the_resolved_cell_whatever_its_quoting() -> None:
    text = 'id,actor,note\r\n1,"Kata\'ib ""KH""",x\n2,plain "bare" quote,"a,b"\r3,,\r\n'
    splicer = Splicer(io.StringIO(text, newline=""), "", "t.csv", ",", [1], None, 8)
    chunks = list(splicer.chunks())
    values = [v for c in chunks for v in c.values]
    assert values == ['Kata\'ib "KH"', 'plain "bare" quote', ""]
    out = "".join(splice(c, {v: f",<{v}>" for v in values}) for c in chunks)
    assert (
        out
        == '1,"Kata\'ib ""KH""",<Kata\'ib "KH">,x\n2,plain "bare" quote,<plain "bare" quote>,"a,b"\r3,,<>,\r\n'
    )


def test_a_crlf_split_across_two_reads_stays_one_line_ending() -> None:
    text = "a,b\r\n1,2\r\n3,4\r\n"
    for chunk in range(1, len(text) + 1):
        splicer, values, out = _read(text, ",", [1], chunk)
        assert (values, out, splicer.rows, splicer.ragged) == (["2", "4"], text, 2, 0)


def test_ragged_rows_and_blank_lines_are_counted_by_physical_line() -> None:
    text = 'a,b\n1,2\n\n"x\ny",2,3\n4\n5,6\n'
    splicer, values, out = _read(text, ",", [0], 4)
    assert values == ["1", "5"]
    assert splicer.ragged_lines == [3, 4, 6]
    assert out == text


def test_malformed_quote_names_line_and_column() -> None:
    with pytest.raises(DataError) as err:
        _read('a,b\n1,"x"y\n', ",", [0], 64)
    assert str(err.value) == "t.csv:2:6: ',' expected after '\"'"


def test_a_runaway_quote_stops_at_the_field_limit_instead_of_reading_everything() -> None:
    text = 'a,b\n1,"' + "x\n" * 100_000
    with pytest.raises(
        DataError, match=r"^t\.csv:2:3: a cell starting at line 2 runs past 131,072 characters"
    ):
        _read(text, ",", [0], 4096)


@pytest.mark.parametrize("chunk", [1000, 1 << 20])
def test_the_cell_limit_holds_wherever_the_reads_end(chunk: int) -> None:
    # The same long cell is refused whether the record is read whole or across reads.
    text = 'a,b\n1,"' + "x" * 140_000 + '"\n'
    with pytest.raises(
        DataError, match=r"^t\.csv:2:3: a cell starting at line 2 runs past 131,072 characters"
    ):
        _read(text, ",", [0], chunk)
    fine = 'a,b\n1,"' + "x" * 120_000 + '"\n'
    assert _read(fine, ",", [1], chunk)[1] == ["x" * 120_000]


def test_the_pattern_needs_every_cell_and_refuses_blank_lines() -> None:
    pattern = record_pattern(",", 2, [1])
    assert pattern.match('x,"y\n"\n').group(1) == '"y\n"'
    assert pattern.match("x\n") is None
    assert pattern.match("\n") is None
    assert record_pattern(",", 1, [0]).match("\n") is None


def test_parse_record_reads_a_quoted_cell_over_lines() -> None:
    record = parse_record('"a\r\nb",c\r\nnext', 0, ",", eof=False, limit=100)
    assert (record.cells, record.ends, record.end) == (["a\r\nb", "c"], [6, 8], 10)


def test_doubled_quotes_count_once_against_the_cell_limit() -> None:
    # The value is 131,062 characters (each "" is one), under the limit, though its text is longer.
    limit = csv.field_size_limit()
    text = 'id,note\n1,"' + '""' * 20 + "x" * (limit - 30) + '"\n'
    for chunk in (1000, 1 << 22):
        _, values, out = _read(text, ",", [1], chunk)
        assert values == ['"' * 20 + "x" * (limit - 30)]
        assert out == text


@given(ragged=st.sets(st.integers(0, 60)), columns=st.integers(1, 3))
def test_row_of_counts_past_the_ragged_records(ragged: set[int], columns: int) -> None:
    from aliasctl.tables.splice import Chunk

    records = 61
    cut = [r for r in range(records) if r not in ragged]
    chunk = Chunk("", [], [""] * (len(cut) * columns), records, 10, sorted(ragged), columns)
    assert [chunk.row_of(k) for k in range(len(cut) * columns)] == [10 + r for r in cut for _ in range(columns)]
