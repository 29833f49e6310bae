"""``aliasctl clean`` end to end: golden files, every fidelity case, exact errors and exit codes."""

from __future__ import annotations

import codecs
import csv
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from aliasctl.cli import main

from .conftest import FIXTURES
from .conftest import REGISTRY_FIXTURES as R

GOOD = str(R / "good.yaml")
C = FIXTURES / "clean"
ADDED = "actor_id,actor_name,actor_score,actor_status"


def clean(*args: str, input: bytes | None = None) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(main, ["--registry", GOOD, "clean", *args], input=input)
    return result.exit_code, result.stdout_bytes, result.stderr


def fixture(tmp_path: Path, name: str) -> Path:
    """A copy of a fixture, so that error messages name a short, stable path."""
    target = tmp_path / name
    shutil.copyfile(C / name, target)
    return target


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


# -- golden files ------------------------------------------------------------------


def test_csv_golden(tmp_path: Path) -> None:
    fixture(tmp_path, "basic.csv")
    code, out, err = clean("basic.csv", "-c", "actor", "-o", "out.csv")
    assert code == 0
    assert out == b""
    assert (tmp_path / "out.csv").read_bytes() == (C / "basic.expected.csv").read_bytes()
    assert err == (
        "aliasctl: basic.csv: utf-8, delimiter comma (sniffed), quoting minimal, CRLF line endings\n"
        "clean: 6 rows, 5 distinct values in actor\n"
        "  matched               3 cells (3 distinct)\n"
        "  ambiguous             1 cells (1 distinct)\n"
        "  unresolved            1 cells (1 distinct)\n"
        "  empty                 1 cells\n"
        "  by method: exact 2, skeleton 1\n"
    )


def test_untouched_cells_are_byte_identical(tmp_path: Path) -> None:
    fixture(tmp_path, "basic.csv")
    code, out, _ = clean("-q", "basic.csv", "-c", "actor")
    assert code == 0
    src = (C / "basic.csv").read_bytes().split(b"\r\n")
    got = out.split(b"\r\n")
    assert len(src) == len(got)
    # Type-inference bait survives: 19+ digit ids, 007, NA, 1e5, -1, 0x1F, 1.10, TRUE, "  7 ".
    for bait in (
        b"9223372036854775807123",
        b"0000000000000000002",
        b",007,NA",
        b",1e5,",
        b",0x1F,TRUE",
        b",  7 ,",
        b",1.10,=1+2",
        b'"two',
        b'"She said ""no"""',
    ):
        assert bait in out


def test_quiet_prints_nothing_on_stderr(tmp_path: Path) -> None:
    fixture(tmp_path, "basic.csv")
    code, _, err = clean("--quiet", "basic.csv", "-c", "actor")
    assert (code, err) == (0, "")


def test_stdin_to_stdout_pipes() -> None:
    code, out, err = clean("-q", "-", "-c", "actor", input=b"actor,n\nDaesh,007\n")
    assert code == 0
    assert out == f"actor,{ADDED},n\nDaesh,islamic-state,Islamic State,100.0,matched,007\n".encode()
    assert err == ""


def test_column_by_number() -> None:
    code, out, _ = clean("-q", "-", "-c", "2", input=b"n,who\n1,KH\n")
    assert code == 0
    assert out.splitlines()[1] == b"1,KH,kataib-hezbollah,Kata'ib Hezbollah,100.0,matched"


def test_prefix_and_suffix_rename_added_columns() -> None:
    code, out, _ = clean("-q", "-", "-c", "actor", "--prefix", "std_", "--suffix", ".", input=b"actor\nKH\n")
    assert code == 0
    assert out.splitlines()[0] == b"actor,std_actor.id,std_actor.name,std_actor.score,std_actor.status"


def test_two_columns() -> None:
    code, out, _ = clean("-q", "-", "-c", "a", "-c", "b", input=b"a,x,b\nKH,1,Daesh\n")
    assert code == 0
    assert out.splitlines() == [
        b"a,a_id,a_name,a_score,a_status,x,b,b_id,b_name,b_score,b_status",
        b"KH,kataib-hezbollah,Kata'ib Hezbollah,100.0,matched,1,Daesh,islamic-state,Islamic State,100.0,matched",
    ]


def test_tsv_to_stdout(tmp_path: Path) -> None:
    (tmp_path / "in.tsv").write_bytes(b"actor\tnote\nDaesh\ta,b;c|d\n")
    code, out, err = clean("in.tsv", "-c", "actor")
    assert code == 0
    assert (
        out == b"actor\tactor_id\tactor_name\tactor_score\tactor_status\tnote\n"
        b"Daesh\tislamic-state\tIslamic State\t100.0\tmatched\ta,b;c|d\n"
    )
    assert err.startswith(
        "aliasctl: in.tsv: utf-8, delimiter tab (given), quoting minimal, LF line endings\n"
    )


# -- encodings (case 13, 14) ----------------------------------------------------------


def test_utf8_bom_is_read_and_written_back(tmp_path: Path) -> None:
    fixture(tmp_path, "bom.csv")
    code, out, _ = clean("-q", "bom.csv", "-c", "actor")
    assert code == 0
    assert out == f"\ufeffactor,{ADDED},n\nDaesh,islamic-state,Islamic State,100.0,matched,007\n".encode()


def test_utf16_with_bom_is_detected_and_kept(tmp_path: Path) -> None:
    fixture(tmp_path, "utf16.txt")
    code, out, err = clean("utf16.txt", "--input-format", "tsv", "-c", "actor")
    assert code == 0
    assert out[:2] == b"\xff\xfe"
    text = out.decode("utf-16-le")
    assert text.splitlines()[1] == "Daesh\tislamic-state\tIslamic State\t100.0\tmatched\t007"
    assert text.split("\r\n")[2].startswith("سرايا ثورة العشرين الثانية\tsaraya-thawrat-al-ishrin-al-thani\t")
    assert "utf-16-le with BOM, delimiter tab (given), quoting minimal, CRLF line endings" in err


def test_cp1252_without_encoding_is_an_error_with_line_and_column(tmp_path: Path) -> None:
    fixture(tmp_path, "cp1252.csv")
    code, _out, err = clean("-q", "cp1252.csv", "-c", "actor")
    assert code == 65
    assert err == (
        "aliasctl: error: cp1252.csv:3:11: cannot decode byte 0xe9 as utf-8 "
        "(if it came from Excel on Windows, try --encoding cp1252)\n"
    )


def test_cp1252_with_encoding_round_trips(tmp_path: Path) -> None:
    fixture(tmp_path, "cp1252.csv")
    code, out, _ = clean("-q", "cp1252.csv", "-c", "actor", "--encoding", "cp1252")
    assert code == 0
    assert out.splitlines()[2] == "Nobody,,,,unresolved,caf\u00e9 \u2013 dash".encode("cp1252")


def test_output_encoding_that_cannot_hold_a_name_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "ar.csv").write_bytes("actor\nسرايا ثورة العشرين الثانية\n".encode())
    code, _, err = clean("-q", "ar.csv", "-c", "actor", "--output-encoding", "cp1252", "-o", "o.csv")
    assert code == 65
    assert err.startswith("aliasctl: error: the output encoding cp1252 cannot hold")
    assert not (tmp_path / "o.csv").exists()


# -- dialects (case 15) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "delimiter", "expected_first"),
    [
        ("semicolon.csv", "semicolon", f"actor;{ADDED.replace(',', ';')};n;note"),
        ("pipe.csv", "pipe", f"actor|{ADDED.replace(',', '|')}|n"),
        ("one-column.csv", "comma", f"actor,{ADDED}"),
        ("semicolon-onecol-header.csv", "comma", "name,name_id,name_name,name_score,name_status"),
    ],
)
def test_delimiter_sniffing(tmp_path: Path, name: str, delimiter: str, expected_first: str) -> None:
    fixture(tmp_path, name)
    col = "name" if "onecol" in name else "actor"
    code, out, err = clean(name, "-c", col)
    assert code == 0
    assert out.decode().splitlines()[0] == expected_first
    assert f"delimiter {delimiter} (sniffed)" in err


def test_semicolon_cells_with_commas_survive(tmp_path: Path) -> None:
    fixture(tmp_path, "semicolon.csv")
    code, out, _ = clean("-q", "semicolon.csv", "-c", "actor")
    assert code == 0
    assert out.splitlines()[1] == b"Daesh;islamic-state;Islamic State;100.0;matched;1,5;a,b"


def test_delimiter_option_overrides_sniffing() -> None:
    code, out, err = clean("-", "-c", "c", input=b"a,b;c\n1,2;KH\n")
    assert "delimiter comma (sniffed)" in err
    assert code == 2
    code, out, err = clean("-", "-c", "c", "--delimiter", ";", input=b"a,b;c\n1,2;KH\n")
    assert code == 0
    assert out.splitlines()[1] == b"1,2;KH;kataib-hezbollah;Kata'ib Hezbollah;100.0;matched"
    assert "delimiter semicolon (given)" in err


def test_bad_delimiter_is_a_usage_error() -> None:
    code, _, err = clean("-", "-c", "a", "--delimiter", "ab", input=b"a\n")
    assert code == 2
    assert "one character, or tab, comma, semicolon, pipe" in err


def test_quote_all_style_is_kept(tmp_path: Path) -> None:
    fixture(tmp_path, "quote-all.csv")
    code, out, _ = clean("quote-all.csv", "-c", "actor")
    assert code == 0
    assert out.splitlines()[1] == b'"Daesh","islamic-state","Islamic State","100.0","matched","007"'


def test_missing_final_newline_is_kept(tmp_path: Path) -> None:
    fixture(tmp_path, "no-final-newline.csv")
    code, out, _ = clean("-q", "no-final-newline.csv", "-c", "actor")
    assert code == 0
    assert out == f"actor,{ADDED},n\nDaesh,islamic-state,Islamic State,100.0,matched,1".encode()


# -- structure (cases 16, 17, 18) ---------------------------------------------------------------


def test_unterminated_quote_is_an_error_not_a_swallow(tmp_path: Path) -> None:
    fixture(tmp_path, "unterminated.csv")
    code, _, err = clean("-q", "unterminated.csv", "-c", "actor", "-o", "out.csv")
    assert code == 65
    assert err == "aliasctl: error: unterminated.csv:3:4: unterminated quote starting at line 3\n"
    assert not (tmp_path / "out.csv").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["unterminated.csv"]


def test_ragged_rows_pass_through_and_are_reported_by_physical_line(tmp_path: Path) -> None:
    fixture(tmp_path, "ragged.csv")
    code, out, err = clean("ragged.csv", "-c", "actor")
    assert code == 0
    assert out.decode().split("\n") == [
        f"actor,{ADDED},n",
        "Daesh,islamic-state,Islamic State,100.0,matched,1",
        "KH",
        "Hezbollah,2,extra",
        '"multi',
        'line",,,,unresolved,3',
        "al-Qaeda,4,5",
        "",
    ]
    assert "  ragged rows passed through unchanged: 3 (lines 3, 4, 7)\n" in err


def test_duplicate_header_name_is_refused_but_number_works(tmp_path: Path) -> None:
    fixture(tmp_path, "duplicate-header.csv")
    code, _, err = clean("-q", "duplicate-header.csv", "-c", "actor")
    assert code == 2
    assert err == (
        "aliasctl: error: column 'actor' appears 2 times in the header (columns 1 and 3): "
        "name it by number, e.g. --column 1\n"
    )
    code, out, _ = clean("-q", "duplicate-header.csv", "-c", "3")
    assert code == 0
    assert out.splitlines()[0] == b"actor,n,actor,actor_id,actor_name,actor_score,actor_status"


def test_unknown_column_is_a_usage_error() -> None:
    code, _, err = clean("-q", "-", "-c", "who", input=b"a,b\n1,2\n")
    assert code == 2
    assert err == "aliasctl: error: no column 'who' in the header (columns: a, b)\n"


def test_existing_added_column_is_refused_unless_replace(tmp_path: Path) -> None:
    fixture(tmp_path, "collision.csv")
    code, _, err = clean("-q", "collision.csv", "-c", "actor")
    assert code == 2
    assert err == (
        "aliasctl: error: column 'actor_id' already exists (column 2): pass --replace to overwrite it, "
        "or choose other names with --prefix/--suffix\n"
    )
    code, out, _ = clean("-q", "collision.csv", "-c", "actor", "--replace")
    assert code == 0
    assert out == f"actor,{ADDED},n\nDaesh,islamic-state,Islamic State,100.0,matched,1\n".encode()


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    code, _, err = clean("-q", "empty.csv", "-c", "a")
    assert code == 65
    assert err == "aliasctl: error: empty.csv: the file is empty: no header row\n"


# -- formulas (case 12) ----------------------------------------------------------------------------


def test_added_cells_are_escaped_untouched_cells_are_not(tmp_path: Path) -> None:
    fixture(tmp_path, "formula.csv")
    code, out, _ = clean("-q", "formula.csv", "-c", "actor", "--prefix", "=")
    assert code == 0
    lines = out.decode().splitlines()
    assert lines[0] == "actor,'=actor_id,'=actor_name,'=actor_score,'=actor_status,n"
    # The untouched cell is written as it was, bare quotes and all.
    assert lines[1] == '=HYPERLINK("http://x"),,,,unresolved,+1'
    assert lines[2] == "-2,,,,unresolved,@SUM(A1)"


def test_escape_formulas_escapes_every_cell(tmp_path: Path) -> None:
    fixture(tmp_path, "formula.csv")
    code, out, _ = clean("-q", "formula.csv", "-c", "actor", "--escape-formulas")
    assert code == 0
    lines = out.decode().splitlines()
    assert lines[1] == '"\'=HYPERLINK(""http://x"")",,,,unresolved,+1'
    assert lines[2] == "-2,,,,unresolved,'@SUM(A1)"


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("-3", "-3"),
        ("+1.5", "+1.5"),
        ("-.5", "-.5"),
        ("-1e5", "-1e5"),
        ("-12%", "-12%"),
        ("-3.5, 12.1", '"-3.5, 12.1"'),
        ("-3.5;-12.1", "-3.5;-12.1"),
        ("-3+2", "'-3+2"),
        ("-A1", "'-A1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-", "'-"),
        ("-3 -2", "'-3 -2"),
    ],
)
def test_escape_formulas_leaves_numbers_and_coordinates_alone(cell: str, written: str) -> None:
    source = written if written.startswith('"') else cell  # the CSV text of the cell
    data = f"actor,n\nDaesh,{source}\n".encode()
    code, out, _ = clean("-q", "-", "-c", "actor", "--escape-formulas", input=data)
    assert code == 0
    assert out.decode().splitlines()[1] == f"Daesh,islamic-state,Islamic State,100.0,matched,{written}"


# -- where output goes (case 23) -------------------------------------------------------------------


def test_output_equal_to_input_is_refused(tmp_path: Path) -> None:
    fixture(tmp_path, "basic.csv")
    before = (tmp_path / "basic.csv").read_bytes()
    code, _, err = clean("-q", "basic.csv", "-c", "actor", "-o", "./basic.csv")
    assert code == 2
    assert err == (
        "aliasctl: error: the output ./basic.csv is the input file: pass --in-place to overwrite it (atomically)\n"
    )
    os.symlink("basic.csv", tmp_path / "link.csv")
    os.link(tmp_path / "basic.csv", tmp_path / "hard.csv")
    for other in ("link.csv", "hard.csv"):
        code, _, err = clean("-q", "basic.csv", "-c", "actor", "-o", other)
        assert code == 2, other
        assert "is the input file" in err
    assert (tmp_path / "basic.csv").read_bytes() == before


def test_in_place_is_atomic_and_keeps_mode_and_link(tmp_path: Path) -> None:
    fixture(tmp_path, "basic.csv")
    os.chmod(tmp_path / "basic.csv", 0o640)
    os.symlink("basic.csv", tmp_path / "link.csv")
    code, out, _ = clean("-q", "link.csv", "-c", "actor", "--in-place")
    assert (code, out) == (0, b"")
    assert (tmp_path / "link.csv").is_symlink()
    assert (tmp_path / "basic.csv").read_bytes() == (C / "basic.expected.csv").read_bytes()
    assert stat.S_IMODE(os.stat(tmp_path / "basic.csv").st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["basic.csv", "link.csv"]


def test_failed_in_place_leaves_the_input_untouched(tmp_path: Path) -> None:
    fixture(tmp_path, "unterminated.csv")
    before = (tmp_path / "unterminated.csv").read_bytes()
    code, _, _ = clean("-q", "unterminated.csv", "-c", "actor", "--in-place")
    assert code == 65
    assert (tmp_path / "unterminated.csv").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["unterminated.csv"]


def test_failing_replace_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fixture(tmp_path, "basic.csv")

    def broken(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    code, _, err = clean("-q", "basic.csv", "-c", "actor", "-o", "out.csv")
    assert code == 73
    assert err == "aliasctl: error: out.csv: cannot write: No space left on device\n"
    assert [p.name for p in tmp_path.iterdir()] == ["basic.csv"]


def test_missing_input_exit_66() -> None:
    code, _, err = clean("-q", "nope.csv", "-c", "actor")
    assert code == 66
    assert err == "aliasctl: error: nope.csv: no such file\n"


def test_unwritable_output_exit_73(tmp_path: Path) -> None:
    fixture(tmp_path, "bom.csv")
    code, _, err = clean("-q", "bom.csv", "-c", "actor", "-o", "no/such/dir/out.csv")
    assert code == 73
    assert err == "aliasctl: error: no/such/dir/out.csv: cannot write: No such file or directory\n"


def test_an_unreadable_input_is_reported_before_an_unwritable_output(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    code, _, err = clean("-q", "empty.csv", "-c", "a", "-o", "no/such/dir/out.csv")
    assert code == 65
    assert err == "aliasctl: error: empty.csv: the file is empty: no header row\n"
    code, _, err = clean("-q", "nope.csv", "-c", "a", "-o", "no/such/dir/out.csv")
    assert code == 66
    assert err == "aliasctl: error: nope.csv: no such file\n"


def test_unknown_extension_needs_a_format(tmp_path: Path) -> None:
    (tmp_path / "data.dat").write_bytes(b"a\n")
    code, _, err = clean("-q", "data.dat", "-c", "a")
    assert code == 2
    assert err == (
        "aliasctl: error: cannot tell the format of input 'data.dat' from its extension: "
        "use --input-format (csv, tsv, xlsx, jsonl, parquet)\n"
    )


# -- review queue and exit codes ------------------------------------------------------------------


def test_review_queue_most_frequent_first(tmp_path: Path) -> None:
    data = b"actor\nNobody\nAnsar al-Sharia\nAnsar al-Sharia\nKH\n=evil\nAnsar al-Sharia\nNobody\n"
    code, _, err = clean("-", "-c", "actor", "--review", "review.csv", input=data)
    assert code == 0
    lines = (tmp_path / "review.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# aliasctl review queue: {")
    assert lines[1:] == [
        "value,count,status,candidates,reason,first_row",
        "Ansar al-Sharia,3,ambiguous,ansar-al-sharia-libya (Ansar al-Sharia in Libya) 100.0; "
        "ansar-al-sharia-tunisia (Ansar al-Sharia in Tunisia) 100.0,"
        '"the alias belongs to 2 entities: ansar-al-sharia-libya, ansar-al-sharia-tunisia",3',
        "Nobody,2,unresolved,,no alias is close enough,2",
        "'=evil,1,unresolved,,no alias is close enough,6",
    ]
    assert "  review queue: review.csv (3 values)\n" in err


_RAGGED_FIRST = (
    b'actor,n\nKH,1\nstray\n"Nobody\nat all",3\nKH,4\nNo one,5,extra\nNo one,6\n"Nobody\nat all",7\n'
)


@pytest.mark.parametrize(
    "args",
    [
        [],  # the text is spliced
        ["--escape-formulas"],  # rows are re-written
        ["--delimiter", ",", "--output-format", "tsv"],  # converted
    ],
)
def test_review_first_row_counts_ragged_rows_and_multiline_cells(args: list[str]) -> None:
    code, _, _ = clean("-q", "-", "-c", "actor", "--review", "review.csv", *args, input=_RAGGED_FIRST)
    assert code == 0
    with open("review.csv", newline="", encoding="utf-8") as fh:
        assert fh.readline().startswith("# aliasctl review queue: ")
        rows = list(csv.reader(fh))
    # Rows as a spreadsheet numbers them: header 1, 'stray' (ragged) 3, the two-line cell 4.
    assert [(r[0], r[1], r[-1]) for r in rows] == [
        ("value", "count", "first_row"),
        ("Nobody\nat all", "2", "4"),
        ("No one", "1", "7"),
    ]


def test_review_first_row_of_json_lines_is_the_line_and_of_xlsx_the_sheet_row(tmp_path: Path) -> None:
    from openpyxl import Workbook

    Path("in.jsonl").write_text('{"actor": "KH"}\n\n{"n": 1}\n{"actor": "Nobody"}\n', encoding="utf-8")
    assert clean("-q", "in.jsonl", "-c", "actor", "-o", "out.jsonl", "--review", "r1.csv")[0] == 0
    wb = Workbook()
    ws = wb.active
    for row in (["actor"], ["KH"], [None], ["Nobody"]):
        ws.append(row)
    wb.save("in.xlsx")
    assert clean("-q", "in.xlsx", "-c", "actor", "-o", "out.xlsx", "--review", "r2.csv")[0] == 0
    for name, first in (("r1.csv", "4"), ("r2.csv", "4")):
        with open(name, newline="", encoding="utf-8") as fh:
            assert fh.readline().startswith("# aliasctl review queue: ")
            assert [(r[0], r[-1]) for r in csv.reader(fh)][1:] == [("Nobody", first)]


@pytest.mark.parametrize(
    ("data", "fail_on", "code"),
    [
        (b"actor\nKH\n", "unresolved", 0),
        (b"actor\nKH\nNobody\n", "unresolved", 1),
        (b"actor\nAnsar al-Sharia\n", "unresolved", 0),
        (b"actor\nAnsar al-Sharia\n", "ambiguous", 1),
        (b"actor\nNobody\n", None, 0),
    ],
)
def test_fail_on(data: bytes, fail_on: str | None, code: int) -> None:
    args = ["-q", "-", "-c", "actor"] + (["--fail-on", fail_on] if fail_on else [])
    got, out, _ = clean(*args, input=data)
    assert got == code
    assert out.startswith(b"actor,")


def test_clean_has_help_and_example() -> None:
    result = CliRunner().invoke(main, ["clean", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert "--fail-on" in result.stdout


# -- JSON Lines (case 24) ----------------------------------------------------------------------------


def test_jsonl_golden(tmp_path: Path) -> None:
    fixture(tmp_path, "basic.jsonl")
    code, _out, err = clean("basic.jsonl", "-c", "actor", "-o", "out.jsonl")
    assert code == 0
    assert (tmp_path / "out.jsonl").read_bytes() == (C / "basic.expected.jsonl").read_bytes()
    assert "  ragged rows passed through unchanged: 1 (lines 4)\n" in err


def test_jsonl_keeps_untouched_text_and_key_order(tmp_path: Path) -> None:
    fixture(tmp_path, "basic.jsonl")
    code, out, _ = clean("-q", "basic.jsonl", "-c", "actor")
    assert code == 0
    lines = out.decode().split("\n")
    assert lines[0] == (
        '{"event_id": 9223372036854775807123, "actor": "Kata\'ib Hizballah", '
        '"actor_id": "kataib-hezbollah", "actor_name": "Kata\'ib Hezbollah", "actor_score": 93.6, '
        '"actor_status": "matched", "n": 1e5, "x": "caf\\u00e9"}'
    )
    assert lines[1].endswith('"fatalities":"007"}\r')
    assert lines[2:4] == ["", '{"other": "NA"}']
    assert lines[5].endswith(
        '"actor": "=evil", "actor_id": null, "actor_name": null, "actor_score": null, '
        '"actor_status": "unresolved"}'
    )


def test_jsonl_bad_line_is_reported_with_its_number(tmp_path: Path) -> None:
    fixture(tmp_path, "bad.jsonl")
    code, _, err = clean("-q", "bad.jsonl", "-c", "actor", "-o", "out.jsonl")
    assert code == 65
    assert (
        err
        == "aliasctl: error: bad.jsonl:2:16: not valid JSON: Expecting property name enclosed in double quotes\n"
    )
    assert not (tmp_path / "out.jsonl").exists()


def test_jsonl_not_an_object_and_not_utf8() -> None:
    code, _, err = clean("-q", "-", "--input-format", "jsonl", "-c", "a", input=b'{"a": "KH"}\n[1, 2]\n')
    assert code == 65
    assert err == "aliasctl: error: -:2:1: not a JSON object but list: each line must be an object\n"
    code, _, err = clean("-q", "-", "--input-format", "jsonl", "-c", "a", input=b'{"a": "caf\xe9"}\n')
    assert code == 65
    assert err == "aliasctl: error: -:1:11: cannot decode byte 0xe9 as utf-8 (JSON Lines is UTF-8)\n"


def test_jsonl_existing_key_needs_replace() -> None:
    data = b'{"a": "KH", "a_id": "old", "z": 1}\n'
    code, _, err = clean("-q", "-", "--input-format", "jsonl", "-c", "a", input=data)
    assert code == 2
    assert err == (
        "aliasctl: error: -:1: key 'a_id' already exists: pass --replace to overwrite it, "
        "or choose other names with --prefix/--suffix\n"
    )
    code, out, _ = clean("-q", "-", "--input-format", "jsonl", "-c", "a", "--replace", input=data)
    assert code == 0
    assert out == (
        b'{"a": "KH", "a_id": "kataib-hezbollah", "a_name": "Kata\'ib Hezbollah", "a_score": 100.0, '
        b'"a_status": "matched", "z": 1}\n'
    )


# -- XLSX (cases 12, 21, 22) ---------------------------------------------------------------------------


def _sheet(path: Path, title: str | None = None) -> list[list[tuple[object, str, str]]]:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb[title] if title else wb.active
    return [[(c.value, c.data_type, c.number_format) for c in row] for row in ws.iter_rows()]


def test_xlsx_golden(tmp_path: Path) -> None:
    import datetime

    fixture(tmp_path, "basic.xlsx")
    code, _, err = clean("basic.xlsx", "-c", "actor", "-o", "out.xlsx")
    assert code == 0
    assert err.startswith(
        "aliasctl: basic.xlsx: XLSX, sheet 'events'; other sheets copied (values, formulas, cell styles): 'other'\n"
    )
    rows = _sheet(tmp_path / "out.xlsx")
    assert [v for v, _, _ in rows[0]] == ["id", "actor", *ADDED.split(","), "date", "note"]
    assert rows[1] == [
        ("007", "s", "General"),
        ("Kata'ib Hizballah", "s", "General"),
        ("kataib-hezbollah", "s", "General"),
        ("Kata'ib Hezbollah", "s", "General"),
        (93.6, "n", "General"),
        ("matched", "s", "General"),
        (datetime.datetime(2020, 7, 14), "d", "yyyy-mm-dd"),
        ("NA", "s", "General"),
    ]
    # Text that begins with "=" stays text; a formula stays a formula.
    assert rows[2][0] == ("1e5", "s", "General")
    assert rows[2][7] == ("=1+2", "s", "General")
    assert rows[3][0] == ("9223372036854775807123", "s", "General")
    assert rows[3][7] == ("=SUM(1,2)", "f", "General")
    assert rows[3][5] == ("unresolved", "s", "General")
    assert [v for v, _, _ in rows[4]][:2] == [3, "Daesh"]


def test_xlsx_escape_formulas_turns_formulas_into_text(tmp_path: Path) -> None:
    fixture(tmp_path, "basic.xlsx")
    code, _, _ = clean("-q", "basic.xlsx", "-c", "actor", "-o", "out.xlsx", "--escape-formulas")
    assert code == 0
    rows = _sheet(tmp_path / "out.xlsx")
    assert rows[2][7] == ("'=1+2", "s", "General")
    assert rows[3][7] == ("'=SUM(1,2)", "s", "General")


def test_xlsx_sheet_option(tmp_path: Path) -> None:
    fixture(tmp_path, "basic.xlsx")
    code, _, err = clean("-q", "basic.xlsx", "--sheet", "nope", "-c", "actor", "-o", "out.xlsx")
    assert code == 2
    assert err == "aliasctl: error: no sheet 'nope' in basic.xlsx (sheets: events, other)\n"
    code, _, err = clean("-q", "basic.xlsx", "--sheet", "other", "-c", "x", "-o", "out.xlsx")
    assert code == 0
    assert [v for v, _, _ in _sheet(tmp_path / "out.xlsx", "other")[0]] == [
        "x",
        "x_id",
        "x_name",
        "x_score",
        "x_status",
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("csv-renamed.xlsx", "not an XLSX file (not a zip archive); if it is CSV, pass --input-format csv"),
        ("old.xlsx", "an old Excel .xls file (OLE2), not .xlsx: save it as .xlsx or CSV"),
        (
            "zip-bomb.xlsx",
            "refusing a possible zip bomb: xl/worksheets/sheet1.xml expands 1,028 times "
            "(to 8,388,608 bytes; the limit is 200 times)",
        ),
        (
            "entities.xlsx",
            "cannot read the workbook: EntitiesForbidden: EntitiesForbidden(name='a', system_id=None, public_id=None)",
        ),
    ],
)
def test_hostile_xlsx_gets_a_clear_error(tmp_path: Path, name: str, message: str) -> None:
    fixture(tmp_path, name)
    code, _, err = clean("-q", name, "-c", "actor", "-o", "out.xlsx")
    assert code == 65
    assert err == f"aliasctl: error: {name}: {message}\n"
    assert not (tmp_path / "out.xlsx").exists()


def test_csv_renamed_xlsx_reads_as_csv_when_told(tmp_path: Path) -> None:
    fixture(tmp_path, "csv-renamed.xlsx")
    code, out, _ = clean("-q", "csv-renamed.xlsx", "--input-format", "csv", "-c", "actor")
    assert code == 0
    assert out.startswith(b"actor,actor_id")


def test_xlsx_cell_over_the_limit_names_the_cell(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["actor", "note"])
    wb.active.append(["KH", "=" + "x" * 32_766])  # 32,767 characters: legal until escaped
    wb.active["B2"].data_type = "s"
    wb.save(tmp_path / "long.xlsx")
    code, _, err = clean("-q", "long.xlsx", "-c", "actor", "-o", "out.xlsx", "--escape-formulas")
    assert code == 65
    # The input's cell B2, which the four added columns moved to F2 in the output.
    assert err == "aliasctl: error: long.xlsx: sheet 'Sheet', cell B2 would hold 32,768 characters; Excel allows 32,767\n"
    assert not (tmp_path / "out.xlsx").exists()


def test_xlsx_needs_a_file_not_stdout(tmp_path: Path) -> None:
    fixture(tmp_path, "basic.xlsx")
    code, _, err = clean("-q", "basic.xlsx", "-c", "actor")
    assert code == 2
    assert err == "aliasctl: error: xlsx cannot be read from stdin or written to stdout: give a file name\n"


# -- Parquet (case 24) ----------------------------------------------------------------------------------


def test_parquet_keeps_schema_and_nulls(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    fixture(tmp_path, "basic.parquet")
    code, _, err = clean("basic.parquet", "-c", "actor", "-o", "out.parquet")
    assert code == 0
    assert err.startswith("aliasctl: basic.parquet: Parquet, 4 rows\n")
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.schema.names == ["event_id", "actor", *ADDED.split(","), "n"]
    assert str(table.schema.field("event_id").type) == "int64"
    assert str(table.schema.field("actor_score").type) == "double"
    assert table.schema.metadata.keys() == {b"origin", b"aliasctl"}  # the file's own, and what cleaned it
    assert table.schema.metadata[b"origin"] == b"aliasctl tests"
    assert table.column("event_id").to_pylist() == [9223372036854775807, 2, 3, 4]
    assert table.column("actor").to_pylist() == ["Kata'ib Hizballah", None, "", "Nobody Knows"]
    assert table.column("n").to_pylist() == ["007", "NA", None, "1e5"]
    assert table.column("actor_id").to_pylist() == ["kataib-hezbollah", None, None, None]
    assert table.column("actor_status").to_pylist() == ["matched", None, None, "unresolved"]
    assert pq.ParquetFile(tmp_path / "out.parquet").metadata.row_group(0).column(0).compression == "ZSTD"


def test_parquet_text_column_required(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    fixture(tmp_path, "basic.parquet")
    code, _, err = clean("-q", "basic.parquet", "-c", "event_id", "-o", "out.parquet")
    assert code == 2
    assert err == "aliasctl: error: column 'event_id' holds int64, not text\n"


def test_parquet_without_pyarrow_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pyarrow(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    fixture(tmp_path, "basic.parquet")
    code, _, err = clean("-q", "basic.parquet", "-c", "actor", "-o", "out.parquet")
    assert code == 2
    assert err == "aliasctl: error: Parquet needs pyarrow: pip install 'aliasctl[parquet]'\n"


def test_summary_table_for_terminals_escapes_names() -> None:
    import io

    from aliasctl import output
    from aliasctl.clean import CleanReport

    report = CleanReport(rows=3, columns=["[bold]actor[/bold]"], distinct=2)
    report.cells.update({"matched": 2, "unresolved": 1})
    report.values.update({"matched": 1, "unresolved": 1})
    report.methods.update({"exact": 2})
    buf = io.StringIO()
    output.print_clean_summary(report, buf, "review.csv")
    text = buf.getvalue()
    assert "[bold]actor[/bold]" in text
    assert "unresolved" in text
    assert "review queue: review.csv (0 values)" in text


def test_readme_documents_clean() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert "## Cleaning tables: `aliasctl clean`" in readme
    for option in ("--review", "--fail-on", "--escape-formulas", "--in-place", "--sheet", "--delimiter"):
        assert f"`{option}" in readme, option


# -- what a second reading found ---------------------------------------------------


def test_review_file_may_not_be_the_input_or_the_output(tmp_path: Path) -> None:
    fixture(tmp_path, "basic.csv")
    before = (tmp_path / "basic.csv").read_bytes()
    code, _, err = clean("basic.csv", "-c", "actor", "-o", "out.csv", "--review", "basic.csv")
    assert code == 2
    assert err == "aliasctl: error: the review file basic.csv is the input file: name another one\n"
    assert (tmp_path / "basic.csv").read_bytes() == before
    code, _, err = clean("basic.csv", "-c", "actor", "-o", "out.csv", "--review", "out.csv")
    assert code == 2
    assert not (tmp_path / "out.csv").exists()


def test_review_that_cannot_be_written_stops_before_the_output(tmp_path: Path) -> None:
    fixture(tmp_path, "basic.csv")
    code, _, err = clean("basic.csv", "-c", "actor", "-o", "out.csv", "--review", "nowhere/r.csv")
    assert code == 73
    assert err == "aliasctl: error: nowhere/r.csv: cannot write the review queue: no such folder\n"
    assert not (tmp_path / "out.csv").exists()


def test_output_to_a_pipe_is_written_not_replaced(tmp_path: Path) -> None:
    import threading

    fixture(tmp_path, "basic.csv")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    code, _, err = clean("basic.csv", "-c", "actor", "-o", str(fifo), "--output-format", "csv", "-q")
    reader.join(timeout=30)
    assert code == 0, err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert got and got[0].startswith(b"event_id,actor," + ADDED.encode())


def test_in_place_keeps_a_workbook_s_other_sheets(tmp_path: Path) -> None:
    from openpyxl import Workbook, load_workbook

    wb = Workbook()
    wb.active.append(["actor"])
    wb.active.append(["Daesh"])
    wb.create_sheet("Other").append(["keep me"])
    wb.save(tmp_path / "two.xlsx")
    code, _, err = clean("two.xlsx", "-c", "actor", "--in-place", "-q")
    assert (code, err) == (0, "")
    out = load_workbook(tmp_path / "two.xlsx")
    assert out.sheetnames == ["Sheet", "Other"]
    assert [c.value for c in out["Sheet"]["2"]] == ["Daesh", "islamic-state", "Islamic State", 100, "matched"]
    assert out["Other"]["A1"].value == "keep me"


def test_every_other_sheet_is_kept_with_its_values_formulas_and_styles(tmp_path: Path) -> None:
    import datetime

    from openpyxl import Workbook, load_workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    notes = wb.active
    notes.title = "Notes"
    notes.append(["source", "when", "sum", "text"])
    notes.append(["report", datetime.datetime(2020, 7, 14), "=1+2", "=not a formula"])
    notes["A1"].font = Font(bold=True)
    notes["A2"].fill = PatternFill("solid", fgColor="FFFF00")
    notes["B2"].number_format = "dd/mm/yyyy"
    notes["D2"].data_type = "s"
    data = wb.create_sheet("Data")
    data.append(["actor", "n"])
    data.append(["Daesh", 1])
    data["A1"].font = Font(bold=True)
    wb.create_sheet("Lists").append(["a", 2.5])
    wb.save(tmp_path / "book.xlsx")
    code, _, err = clean("book.xlsx", "--sheet", "Data", "-c", "actor", "-o", "out.xlsx")
    assert code == 0
    assert err.startswith(
        "aliasctl: book.xlsx: XLSX, sheet 'Data'; other sheets copied (values, formulas, cell styles): "
        "'Notes', 'Lists'\n"
    )
    out = load_workbook(tmp_path / "out.xlsx")
    assert out.sheetnames == ["Notes", "Data", "Lists"]
    assert _sheet(tmp_path / "out.xlsx", "Notes") == [
        [("source", "s", "General"), ("when", "s", "General"), ("sum", "s", "General"), ("text", "s", "General")],
        [
            ("report", "s", "General"),
            (datetime.datetime(2020, 7, 14), "d", "dd/mm/yyyy"),
            ("=1+2", "f", "General"),
            ("=not a formula", "s", "General"),
        ],
    ]
    assert out["Notes"]["A1"].font.bold
    assert out["Notes"]["A2"].fill.fgColor.rgb == "00FFFF00"
    assert out["Data"]["A1"].font.bold  # the cleaned sheet keeps its styles too
    assert [c.value for c in out["Data"]["2"]] == ["Daesh", "islamic-state", "Islamic State", 100, "matched", 1]
    assert [c.value for c in out["Lists"]["1"]] == ["a", 2.5]


def test_a_workbook_converted_to_one_table_says_which_sheets_are_left_out(tmp_path: Path) -> None:
    fixture(tmp_path, "basic.xlsx")
    code, _, err = clean("basic.xlsx", "-c", "actor", "-o", "out.csv")
    assert code == 0
    assert err.startswith("aliasctl: basic.xlsx: XLSX, sheet 'events'; other sheets, not in the csv output: 'other'\n")


def test_xlsx_rows_without_trailing_cells_keep_their_columns(tmp_path: Path) -> None:
    import re
    import zipfile

    from openpyxl import Workbook, load_workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["actor", "note", "place"])
    ws.append(["Kataib Hezbollah"])
    wb.save(tmp_path / "src.xlsx")
    # Drop the <dimension> element, as many non-Excel writers do.
    with zipfile.ZipFile(tmp_path / "src.xlsx") as zin, zipfile.ZipFile(tmp_path / "nodim.xlsx", "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"<dimension[^>]*/>", b"", data)
            zout.writestr(item, data)
    code, _, err = clean("nodim.xlsx", "-c", "actor", "-o", "out.xlsx", "-q")
    assert code == 0, err
    rows = list(load_workbook(tmp_path / "out.xlsx").active.iter_rows(values_only=True))
    assert rows[0][:3] == ("actor", "actor_id", "actor_name")
    assert rows[1][:2] == ("Kataib Hezbollah", "kataib-hezbollah")


def test_utf16_without_a_bom_asks_for_the_byte_order(tmp_path: Path) -> None:
    (tmp_path / "u.csv").write_bytes("actor\nHamas\n".encode("utf-16-le"))
    code, _, err = clean("u.csv", "-c", "actor", "--encoding", "utf-16")
    assert code == 2
    assert "use --encoding utf-16-le or utf-16-be" in err


def test_quote_all_but_numbers_is_kept(tmp_path: Path) -> None:
    # As R's write.csv and pandas' QUOTE_NONNUMERIC write: numbers and NA bare, text quoted.
    (tmp_path / "r.csv").write_bytes(b'"id","actor","n","note"\n1,"Daesh",5,NA\n007,"Hamas",1e5,"x, y"\n')
    code, out, err = clean("r.csv", "-c", "actor", "-q")
    assert code == 0, err
    assert out == (
        b'"id","actor","actor_id","actor_name","actor_score","actor_status","n","note"\n'
        b'1,"Daesh","islamic-state","Islamic State",100.0,"matched",5,NA\n'
        b'007,"Hamas","","","","unresolved",1e5,"x, y"\n'
    )


def test_an_xls_file_name_gets_its_own_message(tmp_path: Path) -> None:
    (tmp_path / "old.xls").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 100)
    code, _, err = clean("old.xls", "-c", "actor")
    assert code == 65
    assert err == "aliasctl: error: old.xls: an old Excel .xls file as input: use .xlsx or CSV instead\n"


def test_parquet_category_column_is_cleaned_and_kept(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    actors = pa.array(["Daesh", "KH", None, "Daesh"]).dictionary_encode()
    pq.write_table(pa.table({"actor": actors, "n": [1, 2, 3, 4]}), tmp_path / "cat.parquet")
    code, _, err = clean("cat.parquet", "-c", "actor", "-o", "out.parquet", "-q")
    assert code == 0, err
    out = pq.read_table(tmp_path / "out.parquet")
    assert pa.types.is_dictionary(out.schema.field("actor").type)
    assert out.column("actor").to_pylist() == ["Daesh", "KH", None, "Daesh"]
    assert out.column("actor_id").to_pylist() == ["islamic-state", "kataib-hezbollah", None, "islamic-state"]


def test_a_bad_byte_on_stdin_is_located_like_one_in_a_file(tmp_path: Path) -> None:
    rows = b"".join(b"%d,Hamas,ok\n" % i for i in range(1, 60001))
    data = b"id,actor,note\n" + rows + b"60001,\xffHamas,ok\n"
    (tmp_path / "late.csv").write_bytes(data)
    _, _, from_file = clean("late.csv", "-c", "actor", "-q")
    code, _, from_stdin = clean("-", "-c", "actor", "-q", input=data)
    assert code == 65
    assert from_file.startswith("aliasctl: error: late.csv:60002:7: cannot decode byte 0xff")
    assert from_stdin == from_file.replace("late.csv:", "-:")


def _rows(n: int, codec: str = "utf-8", end: str = "\n") -> bytes:
    return "".join(f"{i},Daesh{end}" for i in range(1, n)).encode(codec)


_BAD_BYTES = {
    # A UTF-8 sequence cut off by the end of the file, far past the first read.
    "truncated": (b"id,actor\n" + _rows(3000) + b"3000,Da\xc3", "3001:8", "0xc3 as utf-8"),
    # UTF-16 with a BOM and one byte too many at the end.
    "odd-utf16": (
        codecs.BOM_UTF16_LE + "id,actor\n".encode("utf-16-le") + _rows(3000, "utf-16-le") + b"A",
        "3001:1",
        "0x41 as utf-16-le",
    ),
    # A lone low surrogate at line 2001, column 3.
    "surrogate": (
        codecs.BOM_UTF16_LE
        + "id,actor\n".encode("utf-16-le")
        + _rows(2000, "utf-16-le")
        + "20".encode("utf-16-le")
        + b"\x00\xdc"
        + ",x\n".encode("utf-16-le"),
        "2001:3",
        "0x00 0xdc as utf-16-le",
    ),
    # CR line endings only.
    "cr-only": (b"id,actor\r1,Daesh\r2,Da\xffesh\r", "3:5", "0xff as utf-8"),
    # A BOM is not a column.
    "bom-first-line": (codecs.BOM_UTF8 + b"abc\xffname,x\nHamas,1\n", "1:4", "0xff as utf-8"),
}


@pytest.mark.parametrize("case", sorted(_BAD_BYTES))
@pytest.mark.parametrize("from_stdin", [False, True])
def test_a_bad_byte_is_placed_exactly_from_a_file_or_stdin(case: str, from_stdin: bool) -> None:
    data, where, what = _BAD_BYTES[case]
    Path("bad.csv").write_bytes(data)
    column = "1" if case == "bom-first-line" else "actor"
    if from_stdin:
        code, _, err = clean("-q", "-", "-c", column, input=data)
    else:
        code, _, err = clean("-q", "bad.csv", "-c", column, "-o", "out.csv")
    assert code == 65
    name = "-" if from_stdin else "bad.csv"
    assert err.startswith(f"aliasctl: error: {name}:{where}: cannot decode byte {what} ")
    assert not Path("out.csv").exists()


def test_a_header_longer_than_the_sniffing_sample_is_still_spliced_not_rewritten() -> None:
    # A quoted header cell over 60 lines: past the 50 lines read to sniff the dialect.
    data = b'id,actor,"long' + b"\n" * 60 + b'note"\r\n1,Daesh,x\r\n2,x "q" y,z\n'
    code, out, _ = clean("-q", "-", "-c", "actor", input=data)
    assert code == 0
    head, rows = out.split(b'note"', 1)
    assert head == b'id,actor,actor_id,actor_name,actor_score,actor_status,"long' + b"\n" * 60
    assert rows == (b'\r\n1,Daesh,islamic-state,Islamic State,100.0,matched,x\r\n2,x "q" y,,,,unresolved,z\n')


@pytest.mark.parametrize("rewrite", [[], ["--escape-formulas"]])
def test_a_bom_is_dropped_when_the_output_encoding_has_none(rewrite: list[str]) -> None:
    data = codecs.BOM_UTF8 + b"actor,place\nDaesh,Mosul\n"
    code, out, err = clean("-q", "-", "-c", "actor", "--output-encoding", "cp1252", *rewrite, input=data)
    assert (code, err) == (0, "")
    assert out.startswith(b"actor,actor_id,")


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _clean_with_workers(folder: Path, rows: bytes) -> tuple[subprocess.Popen[bytes], list[int]]:
    """Start ``clean - -o out.csv`` on ``rows`` with the input left open; wait for its two workers."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aliasctl",
            "--registry",
            GOOD,
            "clean",
            "-q",
            "-",
            "-c",
            "actor",
            "-o",
            "out.csv",
        ],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=folder,
    )
    assert proc.stdin is not None
    proc.stdin.write(b"actor,n\n" + rows)
    proc.stdin.flush()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (
        list(folder.glob(".out.csv.*.tmp")) and len(_children(proc.pid)) >= 2
    ):
        time.sleep(0.05)
    workers = _children(proc.pid)
    assert len(workers) >= 2, "the run never got to its workers"
    return proc, workers


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_sigterm_removes_the_temporary_file_and_stops_the_workers(tmp_path: Path) -> None:
    # More than one read of text (4 MB), so that the background workers start; then the input
    # stays open and the run waits for the rest.
    proc, workers = _clean_with_workers(
        tmp_path, b"".join(b"Kataib Hizbollah,%d\n" % i for i in range(300_000))
    )
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert err == b"aliasctl: terminated\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_stdout_or_review_device_is_exit_73() -> None:
    Path("in.csv").write_text("actor\nKH\n", encoding="utf-8")
    base = [sys.executable, "-m", "aliasctl", "--registry", GOOD, "clean", "-q", "in.csv", "-c", "actor"]
    with open("/dev/full", "wb") as full:
        to_stdout = subprocess.run(base, stdout=full, stderr=subprocess.PIPE, text=True, check=False)
    assert (to_stdout.returncode, to_stdout.stderr) == (
        73,
        "aliasctl: error: -: cannot write: No space left on device\n",
    )
    review = subprocess.run(
        [*base, "-o", "out.csv", "--review", "/dev/full"], capture_output=True, text=True, check=False
    )
    assert (review.returncode, review.stderr) == (
        73,
        "aliasctl: error: /dev/full: cannot write: No space left on device\n",
    )


def test_a_closed_stdout_is_a_clear_error() -> None:
    Path("in.csv").write_text("actor\nKH\n", encoding="utf-8")
    closed = subprocess.run(
        f"{sys.executable} -m aliasctl --registry {GOOD} clean -q in.csv -c actor >&-",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (closed.returncode, closed.stderr) == (
        73,
        "aliasctl: error: -: stdout is closed: name an output file with -o\n",
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_bad_byte_in_a_fifo_is_placed_without_reading_it_again() -> None:
    import threading

    os.mkfifo("in.csv")
    writer = threading.Thread(target=lambda: Path("in.csv").write_bytes(b"name,x\nab\xffc,1\n"))
    writer.start()
    code, _, err = clean("-q", "in.csv", "-c", "name", "-o", "out.csv")
    writer.join(timeout=10)
    assert code == 65
    assert err.startswith("aliasctl: error: in.csv:2:3: cannot decode byte 0xff as utf-8 ")


def test_the_delimiter_is_sniffed_on_the_whole_header() -> None:
    data = b'name;"long' + b"\n" * 60 + b'end";x\nKH;1;2\n'
    code, out, err = clean("-", "-c", "name", input=data)
    assert code == 0, err
    assert "delimiter semicolon (sniffed)" in err
    assert out.endswith(b"\nKH;kataib-hezbollah;Kata'ib Hezbollah;100.0;matched;1;2\n")


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-8-sig"])
def test_an_output_codec_that_writes_its_own_bom_gets_one(codec: str) -> None:
    data = codecs.BOM_UTF8 + b"name,x\nHamas,1\n"
    code, _, _ = clean("-q", "-", "-c", "name", "--output-encoding", codec, "-o", "out.csv", input=data)
    assert code == 0
    text = Path("out.csv").read_bytes().decode(codec)
    assert text.startswith("name,name_id,")  # the codec's own BOM, read away; no second one


def test_parquet_first_row_is_the_first_row_across_resolved_columns() -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"a": ["zzA", "zzX", None, "zzB"], "b": ["zzX", "zzC", "zzA", None]})
    pq.write_table(table, "in.parquet")
    code, _, err = clean("-q", "in.parquet", "-c", "a", "-c", "b", "-o", "out.parquet", "--review", "r.csv")
    assert code == 0, err
    with open("r.csv", newline="", encoding="utf-8") as fh:
        assert fh.readline().startswith("# aliasctl review queue: ")
        first = {r[0]: r[-1] for r in list(csv.reader(fh))[1:]}
    assert first == {"zzA": "2", "zzX": "2", "zzB": "5", "zzC": "3"}


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_worker_that_dies_is_a_clear_error_not_a_hang(tmp_path: Path) -> None:
    rows = b"".join(b"Kataib Hizbollah %d,%d\n" % (i % 3000, i) for i in range(300_000))
    proc, workers = _clean_with_workers(tmp_path, rows)
    assert proc.stdin is not None
    os.kill(workers[0], signal.SIGKILL)  # as the out-of-memory killer would
    try:  # the run may stop before it has read all of this
        proc.stdin.write(b"".join(b"Kataib Hizbollah %d,%d\n" % (i, i) for i in range(3000, 200_000)))
        proc.stdin.close()
    except BrokenPipeError:
        pass
    proc.stdin = None  # closed, or broken: not for communicate() to flush
    _, err = proc.communicate(timeout=60)
    assert (proc.returncode, err) == (
        70,
        b"aliasctl: error: a worker process died (killed, or out of memory?)\n",
    )
    assert list(tmp_path.iterdir()) == []


# -- one limit on the length of a value to resolve ---------------------------------------

LONG = "A" * 131_073


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "csv"])  # an XLSX cell holds 32,767 at most
def test_a_value_past_the_limit_is_a_located_error_in_every_format(tmp_path: Path, fmt: str) -> None:
    import json

    rows = [["actor", "n"], ["Hamas", "1"], [LONG, "2"]]
    path = tmp_path / f"in.{fmt}"
    if fmt == "jsonl":
        path.write_text("".join(json.dumps(dict(zip(rows[0], r, strict=True))) + "\n" for r in rows[1:]))
        where = "in.jsonl:2: "
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.table({"actor": [r[0] for r in rows[1:]], "n": [r[1] for r in rows[1:]]}), path)
        where = "in.parquet: row 3: "
    else:
        path.write_text("".join(",".join(r) + "\n" for r in rows))
        where = "in.csv:3:1: a cell starting at line 3 runs past 131,072 characters"
    code, _, err = clean(path.name, "-c", "actor", "-o", f"out.{fmt}", "-q")
    assert code == 65
    if fmt == "csv":
        assert err == f"aliasctl: error: {where}\n"
    else:
        assert err == (
            f"aliasctl: error: {where}a value of 131,073 characters: aliasctl resolves values of at most 131,072\n"
        )
    assert not (tmp_path / f"out.{fmt}").exists()


def test_a_value_at_the_limit_is_resolved(tmp_path: Path) -> None:
    import json

    (tmp_path / "in.jsonl").write_text(json.dumps({"actor": "A" * 131_072}) + "\n")
    code, out, _ = clean("in.jsonl", "-c", "actor", "-q")
    assert code == 0
    assert json.loads(out)["actor_status"] == "unresolved"


# -- UTF-16 without a byte-order mark ----------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_recognized_and_the_encoding_named(tmp_path: Path, codec: str) -> None:
    (tmp_path / "u.csv").write_bytes("actor,n\r\nDaesh,1\r\n".encode(codec))
    code, _, err = clean("u.csv", "-c", "actor", "-q")
    assert code == 65
    assert err == (
        "aliasctl: error: u.csv:1: looks like UTF-16 without a byte-order mark (every other byte is NUL), "
        f"not utf-8: try --encoding {codec}\n"
    )
    code, out, _ = clean("u.csv", "-c", "actor", "-q", "--encoding", codec)
    assert code == 0
    assert out.decode(codec).splitlines()[1] == "Daesh,islamic-state,Islamic State,100.0,matched,1"


def test_utf16_json_lines_without_a_bom_says_to_convert(tmp_path: Path) -> None:
    (tmp_path / "u.jsonl").write_bytes('{"actor": "Hamas"}\n'.encode("utf-16-le"))
    code, _, err = clean("u.jsonl", "-c", "actor", "-q")
    assert code == 65
    assert err == (
        "aliasctl: error: u.jsonl:1: looks like UTF-16 without a byte-order mark (every other byte is NUL): "
        "JSON Lines must be UTF-8 (convert it with iconv -f UTF-16LE -t UTF-8)\n"
    )


def test_utf16_without_a_bom_on_stdin_is_recognized_too() -> None:
    code, _, err = clean("-", "-c", "actor", "-q", input="actor\nHamas\n".encode("utf-16-le"))
    assert code == 65
    assert err.endswith("not utf-8: try --encoding utf-16-le\n")


# -- no output over the registry, the input or another output (through links) ----------------


def _registry_and_links(tmp_path: Path) -> tuple[Path, bytes]:
    registry = tmp_path / "r.yaml"
    shutil.copyfile(GOOD, registry)
    os.link(registry, tmp_path / "hard.yaml")
    (tmp_path / "sym.yaml").symlink_to(registry)
    return registry, registry.read_bytes()


@pytest.mark.parametrize("name", ["r.yaml", "hard.yaml", "sym.yaml"])
@pytest.mark.parametrize(
    ("args", "what"),
    [
        (["clean", "basic.csv", "-c", "actor", "-o", "out.csv", "--review", "{}"], "review file"),
        (["clean", "basic.csv", "-c", "actor", "-o", "{}", "--output-format", "csv"], "output"),
        (["clean", "basic.csv", "-c", "actor", "-o", "{}", "--output-format", "csv", "--review", "rv.csv"], "output"),
        (["cluster", "basic.csv", "-c", "actor", "-o", "{}", "--force"], "proposals file"),
        (["review", "{}"], "proposals file"),
    ],
)
def test_no_output_may_be_the_registry_in_use(tmp_path: Path, name: str, args: list[str], what: str) -> None:
    fixture(tmp_path, "basic.csv")
    registry, before = _registry_and_links(tmp_path)
    argv = [a.replace("{}", name) for a in args]
    result = CliRunner().invoke(main, ["--registry", str(registry), *argv])
    assert result.exit_code == 2
    assert result.stderr == f"aliasctl: error: the {what} {name} is the registry in use: name another one\n"
    assert registry.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["basic.csv", "hard.yaml", "r.yaml", "sym.yaml"]


def test_the_bundled_registry_is_protected_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aliasctl import files

    # A stand-in for the bundled registry, so that a failure cannot damage the real one.
    bundled = tmp_path / "bundled.yaml"
    shutil.copyfile(GOOD, bundled)
    monkeypatch.setattr(files, "bundled_registry_path", lambda: bundled)
    fixture(tmp_path, "basic.csv")
    before = bundled.read_bytes()
    (tmp_path / "link.yaml").symlink_to(bundled)
    result = CliRunner().invoke(main, ["clean", "basic.csv", "-c", "actor", "-o", "link.yaml", "--output-format", "csv"])
    assert result.exit_code == 2
    assert result.stderr == "aliasctl: error: the output link.yaml is the registry in use: name another one\n"
    assert bundled.read_bytes() == before


def test_two_outputs_may_not_be_one_file_through_a_hard_link(tmp_path: Path) -> None:
    fixture(tmp_path, "basic.csv")
    (tmp_path / "out.csv").write_text("old\n")
    os.link(tmp_path / "out.csv", tmp_path / "other.csv")
    code, _, err = clean("basic.csv", "-c", "actor", "-o", "out.csv", "--review", "other.csv")
    assert code == 2
    assert err == "aliasctl: error: the review file other.csv is the output file: name another one\n"
    assert (tmp_path / "out.csv").read_text() == "old\n"


def test_the_output_may_not_be_the_input_through_a_hard_link(tmp_path: Path) -> None:
    fixture(tmp_path, "basic.csv")
    os.link(tmp_path / "basic.csv", tmp_path / "same.csv")
    before = (tmp_path / "basic.csv").read_bytes()
    code, _, err = clean("basic.csv", "-c", "actor", "-o", "same.csv")
    assert code == 2
    assert err.startswith("aliasctl: error: the output same.csv is the input file")
    assert (tmp_path / "basic.csv").read_bytes() == before


# -- a run that fails leaves none of its outputs ------------------------------------------------


def test_a_review_that_fails_leaves_no_output(tmp_path: Path) -> None:
    fixture(tmp_path, "basic.csv")
    code, _, err = clean("basic.csv", "-c", "actor", "-o", "elsewhere.csv", "--review", "/dev/full", "-q")
    assert code == 73
    assert err == "aliasctl: error: /dev/full: cannot write: No space left on device\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["basic.csv"]  # no output, no temporary file


def test_a_review_that_fails_leaves_an_existing_output_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aliasctl.clean import run as run_module
    from aliasctl.errors import OutputError

    def refuse(path: str, report: object) -> object:
        raise OutputError("cannot write: Disk quota exceeded", path)

    monkeypatch.setattr(run_module, "review_file", refuse)
    fixture(tmp_path, "basic.csv")
    (tmp_path / "out.csv").write_text("old\n")
    code, _, err = clean("basic.csv", "-c", "actor", "-o", "out.csv", "--review", "rv.csv", "-q")
    assert code == 73
    assert err == "aliasctl: error: rv.csv: cannot write: Disk quota exceeded\n"
    assert (tmp_path / "out.csv").read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["basic.csv", "out.csv"]


# -- on a real terminal: a progress bar, and none under NO_COLOR or TERM=dumb ----------------


def _clean_on_a_terminal(tmp_path: Path, **env: str) -> bytes:
    """Run ``clean`` with its stderr on a pseudo-terminal; return what the terminal received."""
    import pty

    master, slave = pty.openpty()
    rows = "actor,n\n" + "".join(f"Kataib Hezbollah {i % 50},{i}\n" for i in range(3000))
    (tmp_path / "in.csv").write_text(rows)
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM", "COLUMNS")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "aliasctl", "--registry", GOOD, "clean", "in.csv", "-c", "actor", "-o", "out.csv"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env={**base, "COLUMNS": "100", "ALIASCTL_CACHE_DIR": str(tmp_path / "cache"), **env},
    )
    os.close(slave)
    received = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed: the child is done
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    assert proc.wait() == 0
    return received


@pytest.mark.parametrize("env", [{"NO_COLOR": "1", "TERM": "xterm"}, {"TERM": "dumb"}])
def test_no_color_or_a_dumb_terminal_gets_no_cursor_movement(tmp_path: Path, env: dict[str, str]) -> None:
    shown = _clean_on_a_terminal(tmp_path, **env)
    assert b"clean: 3,000 rows" in shown or b"3,000 rows" in shown
    assert b"\x1b" not in shown


def test_a_terminal_gets_a_progress_bar(tmp_path: Path) -> None:
    shown = _clean_on_a_terminal(tmp_path, TERM="xterm")
    assert b"\x1b[2K" in shown  # a line drawn in place
    assert b"%" in shown and b"rows" in shown


# -- converting while cleaning: every input format into every output format ------------------

CONVERT_ROWS = [
    ["id", "actor", "n"],
    ["007", "Kata'ib Hizballah", "1e5"],
    ["9223372036854775807123", "Ansar al-Sharia", "-1"],
    ["3", "Nobody Knows", "=1+1"],
]
FORMATS = ["csv", "tsv", "jsonl", "xlsx", "parquet"]


def _write_table(path: Path, rows: list[list[str]]) -> None:
    import json

    fmt = path.suffix[1:]
    if fmt in ("csv", "tsv"):
        with path.open("w", newline="", encoding="utf-8") as fh:
            csv.writer(fh, delimiter="," if fmt == "csv" else "\t", lineterminator="\n").writerows(rows)
    elif fmt == "jsonl":
        path.write_text("".join(json.dumps(dict(zip(rows[0], r, strict=True))) + "\n" for r in rows[1:]))
    elif fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        for r in rows:
            wb.active.append(r)
        wb.save(path)
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.table({h: [r[i] for r in rows[1:]] for i, h in enumerate(rows[0])}), path)


def _read_table(path: Path) -> list[list[object]]:
    import json

    fmt = path.suffix[1:]
    if fmt in ("csv", "tsv"):
        with path.open(newline="", encoding="utf-8") as fh:
            return list(csv.reader(fh, delimiter="," if fmt == "csv" else "\t"))
    if fmt == "jsonl":
        objs = [json.loads(line) for line in path.read_text().splitlines()]
        return [list(objs[0])] + [list(o.values()) for o in objs]
    if fmt == "xlsx":
        from openpyxl import load_workbook

        return [list(r) for r in load_workbook(path).active.iter_rows(values_only=True)]
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    return [table.column_names] + [list(r.values()) for r in table.to_pylist()]


@pytest.mark.parametrize("fmt_out", FORMATS)
@pytest.mark.parametrize("fmt_in", FORMATS)
def test_clean_converts_between_every_pair_of_formats(tmp_path: Path, fmt_in: str, fmt_out: str) -> None:
    _write_table(tmp_path / f"in.{fmt_in}", CONVERT_ROWS)
    code, _, err = clean(f"in.{fmt_in}", "-c", "actor", "-o", f"out.{fmt_out}", "-q")
    assert (code, err) == (0, "")
    rows = _read_table(tmp_path / f"out.{fmt_out}")
    assert rows[0] == ["id", "actor", *ADDED.split(","), "n"]
    assert len(rows) == len(CONVERT_ROWS)
    # Untouched cells are the input's text, whatever the formats: nothing is type-inferred.
    assert [[r[0], r[1], r[6]] for r in rows[1:]] == [[r[0], r[1], r[2]] for r in CONVERT_ROWS[1:]]
    assert [(r[2] or "", r[5]) for r in rows[1:]] == [
        ("kataib-hezbollah", "matched"),
        ("", "ambiguous"),
        ("", "unresolved"),
    ]
    score = rows[1][4]
    assert score == ("93.6" if fmt_out in ("csv", "tsv") else 93.6)


def test_json_lines_converted_keep_every_key_and_each_number_as_written(tmp_path: Path) -> None:
    (tmp_path / "in.jsonl").write_text(
        '{"id": 9223372036854775807123, "actor": "Daesh"}\n'
        "\n"
        '{"actor": "KH", "n": 1e5, "ok": true, "tags": ["a", 1], "none": null}\n'
    )
    code, out, err = clean("in.jsonl", "-c", "actor", "-o", "-", "--output-format", "csv", "-q")
    assert (code, err) == (0, "")
    assert out.decode().splitlines() == [
        "id,actor,actor_id,actor_name,actor_score,actor_status,n,ok,tags,none",
        "9223372036854775807123,Daesh,islamic-state,Islamic State,100.0,matched,,,,",
        ',KH,kataib-hezbollah,Kata\'ib Hezbollah,100.0,matched,1e5,true,"[""a"", 1]",',
    ]
    code, _, _ = clean("in.jsonl", "-c", "actor", "-o", "out.xlsx", "-q")
    assert code == 0
    from openpyxl import load_workbook

    rows = list(load_workbook(tmp_path / "out.xlsx").active.iter_rows(values_only=True))
    # A number of more digits than a spreadsheet keeps is text there; the others are numbers.
    assert rows[1][0] == "9223372036854775807123"
    assert rows[2][6:8] == (100000, True)


def test_json_lines_on_stdin_converted_refuse_a_key_past_the_first_records() -> None:
    from aliasctl.clean import CleanOptions

    data = b'{"actor": "KH"}\n{"actor": "Daesh"}\n{"actor": "KH", "late": 1}\n'
    options = CleanOptions(input="-", columns=["actor"], input_format="jsonl", output_format="csv", block_rows=2)
    import io

    from aliasctl import Resolver, load_registry
    from aliasctl.clean import clean_file
    from aliasctl.errors import DataError

    with pytest.raises(DataError) as info:
        clean_file(options, Resolver(load_registry(GOOD)), stdin=io.BytesIO(data), stdout=io.BytesIO())
    assert str(info.value) == (
        "-:3: the key 'late' first appears here, after the columns were taken from the first 2 records "
        "(stdin is read once): give the file by name"
    )


def test_ragged_rows_converted_to_keyed_formats(tmp_path: Path) -> None:
    import json

    (tmp_path / "in.csv").write_text("id,actor,n\n1,KH\n2,Daesh,x\n")
    code, out, _ = clean("in.csv", "-c", "actor", "-o", "-", "--output-format", "jsonl", "-q")
    assert code == 0
    first, second = (json.loads(line) for line in out.decode().splitlines())
    assert first == {
        "id": "1", "actor": "KH", "actor_id": "kataib-hezbollah", "actor_name": "Kata'ib Hezbollah",
        "actor_score": 100.0, "actor_status": "matched",
    }  # fmt: skip
    assert second["n"] == "x"
    (tmp_path / "long.csv").write_text("id,actor\n1,KH\n2,Daesh,extra\n")
    code, _, err = clean("long.csv", "-c", "actor", "-o", "out.parquet", "-q")
    assert code == 65
    assert err == (
        "aliasctl: error: long.csv: row 3 has 3 cells, the header 2: Parquet has no column for the extra ones\n"
    )
    assert not (tmp_path / "out.parquet").exists()


# -- what cleaned a file: the registry and the scorer settings recorded in it ----------------


def _settings() -> dict[str, object]:
    import hashlib

    import rapidfuzz

    from aliasctl import __version__
    from aliasctl.normalize import NORMALIZER_VERSION

    return {
        "aliasctl": __version__,
        "ambiguity_margin": 3.0,
        "min_score": 85.0,
        "normalizer": NORMALIZER_VERSION,
        "rapidfuzz": rapidfuzz.__version__,
        "registry_sha256": hashlib.sha256(Path(GOOD).read_bytes()).hexdigest(),
        "scorer": "rapidfuzz.fuzz.ratio",
    }


def test_the_review_queue_names_the_registry_and_settings_on_its_first_line(tmp_path: Path) -> None:
    import json

    code, _, _ = clean("-q", "-", "-c", "actor", "--review", "review.csv", input=b"actor\nNobody\n")
    assert code == 0
    first = (tmp_path / "review.csv").read_text(encoding="utf-8").splitlines()[0]
    prefix = "# aliasctl review queue: "
    assert first.startswith(prefix)
    assert json.loads(first[len(prefix) :]) == _settings()
    import pandas as pd

    assert pd.read_csv(tmp_path / "review.csv", comment="#")["value"].tolist() == ["Nobody"]


@pytest.mark.parametrize("fmt_in", ["csv", "parquet"])
def test_a_cleaned_parquet_file_records_the_registry_and_settings(tmp_path: Path, fmt_in: str) -> None:
    import json

    import pyarrow.parquet as pq

    _write_table(tmp_path / f"in.{fmt_in}", CONVERT_ROWS)
    code, _, err = clean(f"in.{fmt_in}", "-c", "actor", "-o", "out.parquet", "-q")
    assert (code, err) == (0, "")
    metadata = pq.read_schema(tmp_path / "out.parquet").metadata
    assert json.loads(metadata[b"aliasctl"]) == _settings()


@pytest.mark.parametrize("fmt_in", ["csv", "xlsx"])
def test_a_cleaned_workbook_records_the_registry_and_settings_as_document_properties(
    tmp_path: Path, fmt_in: str
) -> None:
    from openpyxl import load_workbook

    _write_table(tmp_path / f"in.{fmt_in}", CONVERT_ROWS)
    code, _, err = clean(f"in.{fmt_in}", "-c", "actor", "-o", "out.xlsx", "-q")
    assert (code, err) == (0, "")
    props = {p.name: p.value for p in load_workbook(tmp_path / "out.xlsx").custom_doc_props}
    assert props == {f"aliasctl.{k}": str(v) for k, v in _settings().items()}


def test_cluster_reads_a_review_queue_past_its_first_line(tmp_path: Path) -> None:
    data = b"actor\nLiwa al-Ghadab al-Jadid\nLiwa al-Ghadab al-Jadid\nLiwa al-Ghadhab al-Jadeed\n"
    code, _, _ = clean("-q", "-", "-c", "actor", "--review", "review.csv", input=data)
    assert code == 0
    result = CliRunner().invoke(main, ["--registry", GOOD, "cluster", "review.csv", "-c", "value", "-q"])
    assert result.exit_code == 0, result.stderr
    assert "seen 3 times in the table reviewed in review.csv (rows 2, 4)" in result.stdout
