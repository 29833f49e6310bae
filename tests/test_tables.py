"""Opening an input table of any format: one way in for clean and cluster."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from aliasctl.errors import AliasctlError, InputMissingError, UsageError
from aliasctl.tables import CsvReader, JsonlReader, ParquetReader, XlsxReader, open_table

from .conftest import FIXTURES

C = FIXTURES / "clean"


@pytest.mark.parametrize(
    ("name", "kind", "described"),
    [
        ("basic.csv", CsvReader, "utf-8, delimiter comma (sniffed), quoting minimal, CRLF line endings"),
        ("utf16.txt", CsvReader, "utf-16-le with BOM, delimiter tab (sniffed), quoting minimal, CRLF line endings"),
        ("basic.jsonl", JsonlReader, "JSON Lines, UTF-8"),
        ("basic.xlsx", XlsxReader, "XLSX, sheet 'events'"),
        ("basic.parquet", ParquetReader, "Parquet, 4 rows"),
    ],
)
def test_open_table_reads_each_format_by_its_extension(name: str, kind: type, described: str) -> None:
    if kind is ParquetReader:
        pytest.importorskip("pyarrow")
    with open_table(str(C / name)) as table:
        assert isinstance(table, kind)
        assert table.describe() == described


def test_open_table_closes_the_file_it_opened_and_never_stdin() -> None:
    table = open_table(str(C / "basic.csv"))
    assert isinstance(table, CsvReader)
    opened = table._owned
    assert opened is not None and not opened.closed
    table.close()
    assert opened.closed
    stdin = io.BytesIO(b"actor\nKH\n")
    with open_table("-", stdin=stdin) as piped:
        assert isinstance(piped, CsvReader) and piped.header == ["actor"]
    assert not stdin.closed


@pytest.mark.parametrize("fmt", ["xlsx", "parquet"])
def test_open_table_refuses_stdin_for_a_format_that_needs_a_file(fmt: str) -> None:
    with pytest.raises(UsageError, match=rf"^{fmt} cannot be read from stdin: give a file name$"):
        open_table("-", fmt, stdin=io.BytesIO(b""))


def test_open_table_missing_input_and_closed_stdin(tmp_path: Path) -> None:
    for name in ("nosuch.csv", "nosuch.parquet", "nosuch.xlsx"):
        with pytest.raises(InputMissingError) as missing:
            open_table(str(tmp_path / name))
        assert str(missing.value) == f"{tmp_path / name}: no such file"
    with pytest.raises(InputMissingError, match=r"^-: stdin is closed: name an input file$"):
        open_table("-", "jsonl")


def test_parquet_text_check_takes_a_category_of_text_and_refuses_numbers(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    data = pa.table(
        {
            "actor": pa.array(["KH", "KH"]).dictionary_encode(),
            "n": pa.array([1, 2]),
        }
    )
    pq.write_table(data, tmp_path / "t.parquet")
    with open_table(str(tmp_path / "t.parquet")) as table:
        assert isinstance(table, ParquetReader)
        table.require_text(0)
        with pytest.raises(AliasctlError, match=r"^column 'n' holds int64, not text$"):
            table.require_text(1)
        assert table.column(0) == ["KH", "KH"]
