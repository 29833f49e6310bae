"""Columns read in place: every string and list comes back as it was stored."""

from __future__ import annotations

from array import array

import pytest

from aliasctl.matching import columns
from aliasctl.matching.columns import (
    PER_BLOCK,
    ByPrefix,
    HashedTable,
    RaggedMap,
    TextColumn,
    encode_ints,
    encode_text,
    hash_order,
)


def _column(values: list[str]) -> TextColumn:
    data, offsets, count = encode_text(values)
    return TextColumn(data, memoryview(offsets.tobytes()).cast("q"), count)


@pytest.mark.parametrize("n", [0, 1, PER_BLOCK - 1, PER_BLOCK, PER_BLOCK + 1, 3 * PER_BLOCK + 7])
def test_text_column_round_trip(n: int) -> None:
    values = [f"name {i} كتائب \u200f{'x' * (i % 5)}" if i % 3 else "" for i in range(n)]
    col = _column(values)
    assert len(col) == n
    assert [col[i] for i in range(n)] == values
    assert col[5 : n - 3] == values[5 : n - 3]
    assert col[::2] == values[::2]
    if n:
        assert col[-1] == values[-1]
    with pytest.raises(IndexError):
        col[n]
    assert list(col) == values


def test_a_column_read_all_over_many_times_gives_the_same_strings() -> None:
    # A batch reads a large column's blocks in every order, more of them than are kept inflated:
    # past a whole column's worth of inflating it is decoded once, and reads go on the same.
    n = (columns._KEEP_BLOCKS * 2 + 3) * PER_BLOCK + 5
    values = [f"alias {i} {'ج' * (i % 7)}" for i in range(n)]
    col = _column(values)
    blocks = n // PER_BLOCK + 1
    order = [(b * 7919) % blocks for b in range(blocks)] * 3
    for b in order:
        i = min(b * PER_BLOCK + (b % PER_BLOCK), n - 1)
        assert col[i] == values[i]
        assert col[i - 3 : i + PER_BLOCK] == values[i - 3 : i + PER_BLOCK]
    assert col[-1] == values[-1]
    assert list(col) == values


def test_text_column_refuses_bad_offsets() -> None:
    data, _, count = encode_text(["a", "b"])
    with pytest.raises(ValueError, match="offsets"):
        TextColumn(data, [0, len(data) + 1], count)


def test_hashed_table_keeps_only_the_form_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    forms = ["hamas", "hezbollah", "hamas", "isis"]
    # Every form under one hash: only the form check tells them apart.
    monkeypatch.setattr(columns, "form_hash", lambda form: 7)
    hashes, positions = hash_order(forms, range(len(forms)))
    table = HashedTable(hashes, positions, forms.__getitem__)
    assert table.get("hamas") == [0, 2]
    assert table.get("isis") == [3]
    assert table.get("nusra") is None
    assert table.get("nusra", []) == []


def test_a_large_table_is_filed_as_a_small_one_is(monkeypatch: pytest.MonkeyPatch) -> None:
    # Large tables are ordered with numpy, small ones in Python: the same columns either way.
    forms = [f"name {i % 997}" for i in range(3000)]
    positions = array("i", reversed(range(3000)))
    pairs = sorted(zip(map(columns.form_hash, forms), positions, strict=True))
    monkeypatch.setattr(columns, "_NUMPY_FROM", 100)
    large = hash_order(forms, positions)
    assert (list(large[0]), list(large[1])) == ([h for h, _ in pairs], [p for _, p in pairs])
    table = HashedTable(large[0], large[1], lambda p: forms[3000 - 1 - p])
    assert table.get("name 5") == sorted(3000 - 1 - i for i in range(5, 3000, 997))


def test_ragged_map_round_trip() -> None:
    lists = {"a": [1, 1, 5], "b": list(range(0, 5000, 3)), "c": [], "d": [7]}
    forms = sorted(lists)
    data, offsets = encode_ints(lists[f] for f in forms)
    ragged = RaggedMap(_column(forms), data, array("q", offsets))
    assert {f: ragged[f] for f in ragged} == lists
    assert "b" in ragged and "e" not in ragged
    assert ragged.get("e", ()) == ()


def test_by_prefix_finds_the_forms_of_a_start() -> None:
    forms = sorted(["@army", "ansar", "ansarullah", "ans", "an", "jaysh"])
    starts = ByPrefix(_column(forms), 3, "@")
    assert starts.get("ans") == ["ans", "ansar", "ansarullah"]
    assert starts.get("jay") == ["jaysh"]
    assert starts.get("@ar", ()) == ()
    assert starts.get("an", ()) == ()
