"""Output formats: what reaches a terminal or a pipe, whatever the names hold."""

from __future__ import annotations

import io
import json

import pytest

from aliasctl import output
from aliasctl.matching.resolver import Resolver


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


# -- the lookup table on a terminal ----------------------------------------------------

README_NAMES = ["Saraya Thurat Al-Ashrin", "Kataib Hexbollah", "Ansar al-Sharia", "Homs"]


def _table(resolver: Resolver, names: list[str], width: int, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("NO_COLOR", "1")
    stream = Terminal()
    output.print_lookup_table([resolver.resolve(n) for n in names], stream)
    return stream.getvalue()


@pytest.mark.parametrize("width", [80, 120])
def test_the_lookup_table_keeps_ids_and_headers_whole(
    shipped_resolver: Resolver, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = README_NAMES
    text = _table(shipped_resolver, names, width, monkeypatch)
    lines = text.splitlines()
    assert max(map(len, lines)) <= width
    words = set(text.split())
    matches = [shipped_resolver.resolve(n) for n in names]
    ids = {m.id for m in matches if m.id} | {c.id for m in matches for c in m.candidates}
    assert "saraya-thawrat-al-ishrin-al-thani" in ids and "ansar-al-sharia-tunisia" in ids
    assert ids <= words, "an id was cut in two"
    header = lines[0].split()
    assert {"query", "status", "id", "score"} <= set(header)
    if width == 120:
        assert header == ["query", "status", "id", "name", "score", "method", "via", "/", "candidates"]
    # The names fold into the width left: every word of a name is still there, whole.
    seed = next(m.name for m in matches if m.id == "saraya-thawrat-al-ishrin-al-thani")
    assert seed is not None
    assert {*seed.split(), "Hezbollah"} <= words


def test_a_terminal_too_narrow_for_a_table_gets_one_block_an_answer(
    small_resolver: Resolver, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _table(small_resolver, ["Saraya Thorat al-Ashrin", "Ansar al-Sharia"], 40, monkeypatch)
    assert text.splitlines()[:5] == [
        "Saraya Thorat al-Ashrin",
        "  matched 100.0 exact",
        "  saraya-thawrat-al-ishrin-al-thani",
        "  Saraya Thawrat al-Ishrin al-Thani",
        "  via Saraya Thorat al-Ashrin",
    ]
    assert "  ansar-al-sharia-tunisia 100\n" in text


# -- escaping in every format ---------------------------------------------------------

HOSTILE = "X\x1b[2JY\x07 a\u202eb \x85\u2028 \u200c"


def test_tsv_cells_escape_controls_and_bidi_reversibly() -> None:
    assert output.tsv_cell(HOSTILE) == "X\\u001b[2JY\\u0007 a\\u202eb \\u0085\\u2028 \u200c"
    assert output.tsv_cell("a\tb\\n\r\n") == "a\\tb\\\\n\\r\\n"


def test_json_escapes_controls_and_bidi_and_reads_back_the_same() -> None:
    for indent in (None, 2):
        text = output.dumps({"q": HOSTILE, "ar": "كتائب حزب الله"}, indent=indent)
        assert not set(text) & set("\x1b\x07\u202e\x85\u2028")
        assert "كتائب حزب الله" in text
        assert json.loads(text) == {"q": HOSTILE, "ar": "كتائب حزب الله"}


# -- the progress bar -------------------------------------------------------------------------


def _plain(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)


def test_the_progress_bar_shows_bytes_percent_and_time_left(monkeypatch: pytest.MonkeyPatch) -> None:
    from aliasctl.tables.base import Advance

    monkeypatch.setenv("COLUMNS", "110")
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("NO_COLOR", raising=False)
    stream = Terminal()
    assert output.live_display(stream)
    with output.clean_progress(stream, True) as update:
        assert update is not None
        update(Advance(1_000, 5_000_000, 10_000_000, "bytes"))
    lines = [line for line in _plain(stream.getvalue()).replace("\r", "\n").splitlines() if line.strip()]
    assert lines, "nothing was drawn"
    last = lines[-1].split()
    # clean, the bar, 50%, 5.0/10.0 MB, 1,000 rows, time left (not known yet), time taken
    assert last[0] == "clean" and last[2:7] == ["50%", "5.0/10.0", "MB", "1,000", "rows"]
    assert last[7] == "-:--:--" and last[8] == "0:00:00"
    assert "\x1b[2K" in stream.getvalue()  # drawn in place, and cleared when done


def test_the_progress_bar_of_a_pipe_or_a_workbook_counts_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    from aliasctl.tables.base import Advance

    monkeypatch.setenv("COLUMNS", "110")
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("NO_COLOR", raising=False)
    stream = Terminal()
    with output.clean_progress(stream, True) as update:
        assert update is not None
        update(Advance(3_000, 3_000, 9_000, "rows"))
    assert "33% 3,000/9,000 rows" in _plain(stream.getvalue())


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}])
def test_no_color_and_a_dumb_terminal_get_no_live_display(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert not output.live_display(Terminal())
    assert not output.live_display(io.StringIO())  # not a terminal either
