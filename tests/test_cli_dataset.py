"""``aliasctl clean`` on a dataset (a folder or glob of files), here and on a Dask cluster."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from aliasctl.cli import main

from .conftest import REGISTRY_FIXTURES as R

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

GOOD = str(R / "good.yaml")
NAMES = ["KH", None, "Kataib Hezbollah", "", "Nobody Knows Who", "Ansar al-Sharia", "Daesh", "=1+2"]


def clean(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--registry", GOOD, "clean", *args])
    return result.exit_code, result.stderr


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def _parquet_dataset(tmp_path: Path) -> list[Path]:
    """Three files (one in a subfolder), a marker file to skip, and their concatenation as one file."""
    (tmp_path / "events" / "2021").mkdir(parents=True)
    files = [tmp_path / "events" / "a.parquet", tmp_path / "events" / "b.parquet", tmp_path / "events" / "2021" / "c.parquet"]
    tables = []
    for k, path in enumerate(files):
        names = [NAMES[(i + k) % len(NAMES)] for i in range(40 + k)]
        table = pa.table({"n": list(range(len(names))), "actor": pa.array(names, pa.string())})
        pq.write_table(table, path)
        tables.append(table)
    (tmp_path / "events" / "_SUCCESS").write_bytes(b"")
    (tmp_path / "events" / "README.txt").write_text("not a table\n", encoding="utf-8")
    ordered = [tables[2], tables[0], tables[1]]  # by relative name: 2021/c, a, b
    pq.write_table(pa.concat_tables(ordered), tmp_path / "all.parquet")
    return files


def test_a_folder_gives_each_file_cleaned_and_the_review_of_one_table(tmp_path: Path) -> None:
    _parquet_dataset(tmp_path)
    code, err = clean("events", "-c", "actor", "-o", "out", "--review", "review.csv")
    assert code == 0, err
    assert err.splitlines()[0] == "aliasctl: events: 3 files (parquet 3)"
    assert "clean: 123 rows, 6 distinct values in actor" in err
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.parquet")) == [
        "2021/c.parquet", "a.parquet", "b.parquet"
    ]
    # Each file as a single-file run makes it.
    for name in ("a", "b"):
        assert clean(f"events/{name}.parquet", "-c", "actor", "-o", f"{name}.one.parquet", "-q")[0] == 0
        assert pq.read_table(f"out/{name}.parquet").equals(pq.read_table(f"{name}.one.parquet"))
    assert pq.read_table("out/a.parquet").column_names == [
        "n", "actor", "actor_id", "actor_name", "actor_score", "actor_status"
    ]
    # The review queue of the files in name order, as if they were one table.
    assert clean("all.parquet", "-c", "actor", "-o", "all.out.parquet", "--review", "one.csv", "-q")[0] == 0
    assert (tmp_path / "review.csv").read_bytes() == (tmp_path / "one.csv").read_bytes()
    assert b",unresolved," in (tmp_path / "review.csv").read_bytes()


def test_a_glob_of_csv_files_keeps_their_bytes(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    bodies = ["actor,n\r\nKH,007\r\nNobody,1e5\r\n", "actor,n\r\n\"Ansar al-Sharia\",NA\r\nKH,\r\n"]
    for k, body in enumerate(bodies):
        (tmp_path / "in" / f"p{k}.csv").write_text(body, encoding="utf-8", newline="")
    (tmp_path / "in" / "notes.md").write_text("not matched by the glob\n", encoding="utf-8")
    (tmp_path / "all.csv").write_text(bodies[0] + bodies[1].split("\r\n", 1)[1], encoding="utf-8", newline="")
    code, err = clean("in/*.csv", "-c", "actor", "-o", "out", "--review", "review.csv", "-q")
    assert code == 0, err
    for k in range(2):
        assert clean(f"in/p{k}.csv", "-c", "actor", "-o", f"one{k}.csv", "-q")[0] == 0
        assert (tmp_path / "out" / f"p{k}.csv").read_bytes() == (tmp_path / f"one{k}.csv").read_bytes()
    assert clean("all.csv", "-c", "actor", "-o", "all.out.csv", "--review", "one.csv", "-q")[0] == 0
    assert (tmp_path / "review.csv").read_bytes() == (tmp_path / "one.csv").read_bytes()


def test_the_dask_engine_writes_the_same_dataset(tmp_path: Path, dask_client) -> None:  # type: ignore[no-untyped-def]
    _parquet_dataset(tmp_path)
    assert clean("events", "-c", "actor", "-o", "here", "--review", "here.csv", "-q")[0] == 0
    address = dask_client.scheduler.address
    code, err = clean(
        "events", "-c", "actor", "-o", "there", "--review", "there.csv", "--engine", "dask", "--scheduler", address
    )
    assert code == 0, err
    assert "clean: 123 rows, 6 distinct values in actor" in err
    for name in ("a.parquet", "b.parquet", "2021/c.parquet"):
        assert pq.read_table(tmp_path / "there" / name).equals(pq.read_table(tmp_path / "here" / name))
    assert (tmp_path / "there.csv").read_bytes() == (tmp_path / "here.csv").read_bytes()


def test_the_dask_engine_starts_a_local_cluster(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    _parquet_dataset(tmp_path)
    code, err = clean("events/*.parquet", "-c", "actor", "-o", "out", "--engine", "dask", "-q")
    assert code == 0, err
    assert pq.read_table("out/a.parquet").column("actor_id")[0].as_py() == "kataib-hezbollah"


def test_a_bad_file_on_a_worker_is_reported_as_here(tmp_path: Path, dask_client) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "in").mkdir()
    pq.write_table(pa.table({"actor": [1, 2]}), tmp_path / "in" / "numbers.parquet")
    here = clean("in", "-c", "actor", "-o", "out")
    there = clean("in", "-c", "actor", "-o", "out2", "--engine", "dask", "--scheduler", dask_client.scheduler.address)
    assert here[0] == there[0] == 2
    assert here[1].splitlines()[-1] == there[1].splitlines()[-1] == (
        "aliasctl: error: column 'actor' holds int64, not text"
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["events/a.parquet", "--engine", "dask", "-o", "x.parquet"], 2, "--engine dask cleans a dataset"),
        (["events", "--scheduler", "tcp://127.0.0.1:1", "-o", "x"], 2, "--scheduler needs --engine dask"),
        (["events"], 2, "a dataset is written to a folder: name it with -o"),
        (["events", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"], 2, "name it with -o"),
        (["events", "-o", "x", "--in-place"], 2, "--in-place cannot be used on a dataset"),
        (["events", "-o", "events"], 2, "would be the input file"),
        (["nothing/*.parquet", "-o", "x"], 66, "no Parquet, CSV or TSV files in the dataset"),
        (["events/*", "-o", "x"], 2, "a dataset holds Parquet, CSV or TSV files, not events/README.txt"),
    ],
)
def test_requests_that_make_no_sense(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    _parquet_dataset(tmp_path)
    got, err = clean(args[0], "-c", "actor", *args[1:])
    assert got == code, err
    assert message in err


def test_a_bad_registry_fails_before_any_cluster(tmp_path: Path) -> None:
    _parquet_dataset(tmp_path)
    (tmp_path / "bad.yaml").write_text("schema: 1\nentities: [\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--registry", "bad.yaml", "clean", "events", "-c", "actor", "-o", "x", "--engine", "dask"]
    )
    assert result.exit_code == 65
    assert result.stderr.startswith("aliasctl: error: bad.yaml:")
    assert not (tmp_path / "x").exists()


def test_an_unreachable_scheduler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = pytest.importorskip("aliasctl.engines.dask")
    monkeypatch.setattr(engine, "CONNECT_TIMEOUT", 1)
    _parquet_dataset(tmp_path)
    code, err = clean("events", "-c", "actor", "-o", "x", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert code == 75
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err


def test_a_value_is_resolved_once_for_the_whole_dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aliasctl.clean import CleanOptions, clean_dataset
    from aliasctl.matching.cache import load_index
    from aliasctl.matching.resolver import Resolver

    _parquet_dataset(tmp_path)
    resolver = Resolver(load_index(GOOD))
    asked: list[str] = []
    real = resolver.resolve_batch

    def counting(texts: list[str], *, top: int = 5) -> list[object]:
        asked.extend(texts)
        return real(texts, top=top)

    monkeypatch.setattr(resolver, "resolve_batch", counting)
    report = clean_dataset(CleanOptions(input="events", columns=["actor"], output="out"), resolver)
    assert report.rows == 123
    # Every file holds the same names: each is resolved for the first file only.
    assert sorted(asked) == sorted({n for n in NAMES if n and n.strip()})


def test_the_resolving_is_shared_out_in_chunks_before_the_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aliasctl.clean import CleanOptions, clean_dataset, dataset
    from aliasctl.matching.cache import load_index
    from aliasctl.matching.resolver import Resolver

    _parquet_dataset(tmp_path)
    assert clean("events", "-c", "actor", "-o", "here", "--review", "here.csv", "-q")[0] == 0
    monkeypatch.setattr(dataset, "DISTINCT_CHUNK", 2)
    worker = Resolver(load_index(GOOD))  # one worker process, as a cluster of one would have
    real = worker.resolve_batch
    calls: list[tuple[str, list[str]]] = []
    phase = [""]

    def counting(texts: list[str], *, top: int = 5) -> list[object]:
        calls.append((phase[0], list(texts)))
        return real(texts, top=top)

    monkeypatch.setattr(worker, "resolve_batch", counting)

    def mapper(func, items, resolver):  # type: ignore[no-untyped-def]
        phase[0] = getattr(func, "func", func).__name__
        return [func(item, worker) for item in items]

    options = CleanOptions(input="events", columns=["actor"], output="there", review="there.csv")
    report = clean_dataset(options, Resolver(load_index(GOOD)), map_parts=mapper)
    assert report.rows == 123
    names = sorted({n for n in NAMES if n and n.strip()})
    # Resolved in chunks of two, each value once, before any file was cleaned; then only mapped.
    assert [texts for name, texts in calls if name == "resolve_values"] == [names[i : i + 2] for i in range(0, 6, 2)]
    assert [texts for name, texts in calls if name != "resolve_values"] == []
    for name in ("a.parquet", "b.parquet", "2021/c.parquet"):
        assert (tmp_path / "there" / name).read_bytes() == (tmp_path / "here" / name).read_bytes()
    assert (tmp_path / "there.csv").read_bytes() == (tmp_path / "here.csv").read_bytes()
