"""The worker plumbing of ``clean``: answers as columns, one scoring thread a worker, the same bytes with any number of workers."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from aliasctl import Resolver
from aliasctl.clean import CleanOptions, clean_file
from aliasctl.clean import workers as workers_module
from aliasctl.clean.cache import ValueCache
from aliasctl.clean.cells import text_cells
from aliasctl.clean.workers import Background
from aliasctl.matching.batch import scoring_threads

NAMES = ["KH", "Daesh", "Kataib Hezbolah", "Ansar al-Sharia", "Nobody Knows Who", "Hezbollah", "", "  ", "=1+2"]


def _values(n: int) -> list[str]:
    """``n`` distinct spellings: the fixture's names and made-up ones, many of them unresolved."""
    return [f"{NAMES[i % len(NAMES)]} {i}" if i >= len(NAMES) else NAMES[i] for i in range(n)]


def _csv(rows: int, distinct: int) -> bytes:
    values = _values(distinct)
    body = "".join(f'{i},"{values[(i * 7) % distinct]}",x\n' for i in range(rows))
    return ("n,actor,note\n" + body).encode("utf-8")


def test_a_worker_scores_on_one_thread_and_sends_columns(small_resolver: Resolver) -> None:
    background = Background.start(small_resolver, 3)
    if background is None:
        pytest.skip("no fork on this platform")
    try:
        assert background._pool.submit(scoring_threads).result() == 1
        values = _values(1500)
        parts = background.submit(values)
        assert len(parts.parts) == 2  # both workers get a share
        assert parts.result() == small_resolver.resolve_batch(values, top=3)
    finally:
        background.close()
    assert scoring_threads() == -1  # this process still scores on every core


@pytest.mark.parametrize("workers", [1, 2])
def test_the_same_bytes_with_one_worker_two_or_none(
    small_resolver: Resolver, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    data = _csv(6000, 2500)
    reference = io.BytesIO()
    clean_file(
        CleanOptions(input="-", columns=["actor"], background_after=None),
        small_resolver, stdin=io.BytesIO(data), stdout=reference,
    )
    monkeypatch.setattr(workers_module, "WORKERS", workers)
    out = io.BytesIO()
    report = clean_file(
        CleanOptions(input="-", columns=["actor"], chunk_chars=20_000), small_resolver,
        stdin=io.BytesIO(data), stdout=out,
    )
    assert out.getvalue() == reference.getvalue()
    assert report.rows == 6000
    assert report.cells["matched"] > 0 and report.cells["unresolved"] > 0


def test_many_new_values_start_the_workers_before_the_rows_say_so(small_resolver: Resolver) -> None:
    cache = ValueCache(small_resolver, text_cells(), top=3)
    cache.background_values = 1000
    try:
        token = cache.prepare(_values(999))
        assert cache._background is None  # few: resolved here
        cache.settle(token)
        token = cache.prepare(_values(2100))
        if "fork" in __import__("multiprocessing").get_all_start_methods():
            assert cache._background is not None
        table = cache.settle(token)
    finally:
        cache.close()
    cells = text_cells()
    assert table["KH 1008"] == cells(small_resolver.resolve("KH 1008", top=3))
    assert table["Daesh"] == cells(small_resolver.resolve("Daesh", top=3))


# -- Parquet through the workers ----------------------------------------------------------

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def _parquet(path: Path, rows: int, distinct: int) -> None:
    values: list[Any] = _values(distinct)
    actor = [values[(i * 7) % distinct] if i % 11 else None for i in range(rows)]
    other = [values[(i * 3) % distinct] for i in range(rows)]
    table = pa.table({
        "n": pa.array(range(rows), pa.int64()),
        "actor": pa.array(actor, pa.string()),
        "other": pa.array(other, pa.string()).dictionary_encode(),
    })
    pq.write_table(table, path, row_group_size=1700, compression="zstd")


@pytest.mark.parametrize("columns", [["actor"], ["actor", "other"]])
def test_parquet_through_the_workers_equals_one_process(
    small_resolver: Resolver, tmp_path: Path, columns: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _parquet(tmp_path / "in.parquet", 7000, 2600)
    runs = {}
    for name, after in (("alone", None), ("workers", 1)):
        asked: list[str] = []

        def counting(
            texts: list[str], *, top: int = 5, asked: list[str] = asked, real: Any = small_resolver.resolve_batch
        ) -> list[Any]:
            asked.extend(texts)  # in this process only: a forked worker's list is its own
            return list(real(texts, top=top))

        monkeypatch.setattr(small_resolver, "resolve_batch", counting)
        options = CleanOptions(
            input=str(tmp_path / "in.parquet"), columns=columns, output=str(tmp_path / f"{name}.parquet"),
            block_rows=1500, background_after=after, review=str(tmp_path / f"{name}.csv"),
        )
        runs[name] = clean_file(options, small_resolver)
        monkeypatch.undo()
        if name == "alone":
            assert len(asked) == runs[name].distinct
        elif "fork" in __import__("multiprocessing").get_all_start_methods():
            assert asked == []  # every value was resolved by the workers
    assert (tmp_path / "alone.parquet").read_bytes() == (tmp_path / "workers.parquet").read_bytes()
    assert (tmp_path / "alone.csv").read_bytes() == (tmp_path / "workers.csv").read_bytes()
    out = pq.read_table(tmp_path / "workers.parquet")
    source = pq.read_table(tmp_path / "in.parquet")
    for column in columns:
        ids = out.column(f"{column}_id").to_pylist()
        statuses = out.column(f"{column}_status").to_pylist()
        for value, got_id, status in zip(source.column(column).to_pylist(), ids, statuses, strict=True):
            if value is None or not value.strip():
                assert (got_id, status) == (None, None)
            else:
                match = small_resolver.resolve(value, top=3)
                assert (got_id, status) == (match.id, match.status)
    assert pa.types.is_dictionary(out.schema.field("other").type)  # kept as it was
    assert runs["workers"].rows == 7000
    assert runs["workers"].cells == runs["alone"].cells
    assert runs["workers"].count("matched") > 0
