"""The Dask engine on a real LocalCluster of two worker processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from aliasctl.engines import NotTextError
from aliasctl.errors import RegistryError
from aliasctl.matching.portable import open_resolver

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
dask = pytest.importorskip("dask")
engine = pytest.importorskip("aliasctl.engines.dask")
pandas_engine = pytest.importorskip("aliasctl.engines.pandas")

NAMES = ["Daesh", None, "KH", "Daesh", "", "Nobody Knows Who", "Ansar al-Sharia", "hezbolah", "Hamas"]


def _frame(rows: int = 4000) -> object:
    return pd.DataFrame({"actor": [NAMES[i % len(NAMES)] for i in range(rows)], "n": range(rows)})


def _plain(frame):  # type: ignore[no-untyped-def]
    """Values as Python objects, missing ones as None, to compare answers whatever the dtypes."""
    return frame.astype(object).where(frame.notna(), None)


def test_the_cluster_gives_the_single_process_answers_loading_once_per_worker(dask_client) -> None:  # type: ignore[no-untyped-def]
    pdf = _frame()
    ddf = dd.from_pandas(pdf, npartitions=24)
    got = engine.resolve(ddf, "actor").compute(scheduler=dask_client)
    want = pandas_engine.resolve(pdf["actor"])
    assert str(got["id"].dtype) == "string"
    pd.testing.assert_frame_equal(_plain(got.sort_index()), _plain(want))
    # Again, on other partitions: nothing more to load.
    again = engine.resolve(dd.from_pandas(pdf, npartitions=7), "actor").compute(scheduler=dask_client)
    pd.testing.assert_frame_equal(_plain(again.sort_index()), _plain(want))
    loads = engine.worker_loads(dask_client)
    sha = open_resolver().index.sha256
    assert len(loads) == 2
    assert [w["loads"].get(sha) for w in loads.values()] == [1, 1], loads
    assert {w["compiled"] for w in loads.values()} == {0}
    assert len({w["pid"] for w in loads.values()}) == 2


def test_the_answers_join_back_on_the_index(dask_client) -> None:  # type: ignore[no-untyped-def]
    ddf = dd.from_pandas(_frame(90), npartitions=3)
    joined = ddf.join(engine.resolve(ddf, "actor").add_prefix("actor_")).compute(scheduler=dask_client)
    assert joined.loc[0, "actor_id"] == "islamic-state"
    assert joined.loc[2, "actor_method"] == "acronym"
    assert list(joined.columns[:3]) == ["actor", "n", "actor_status"]


def test_a_bad_registry_fails_on_the_client_before_any_task(dask_client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\nentities:\n  - id: x\n    name: [\n", encoding="utf-8")
    ddf = dd.from_pandas(_frame(10), npartitions=2)
    before = dask_client.run(lambda: 0)
    with pytest.raises(RegistryError) as info:
        engine.resolve(ddf, "actor", bad)  # raised while the graph is built, not at compute()
    assert info.value.path == str(bad)
    assert dask_client.run(lambda: 0) == before


def test_a_column_of_numbers_is_refused_with_its_name() -> None:
    ddf = dd.from_pandas(_frame(10), npartitions=2)
    with pytest.raises(NotTextError, match="column 'n' holds int64, not text"):
        engine.resolve(ddf, "n")


def test_mixed_objects_resolve_the_strings_only(dask_client) -> None:  # type: ignore[no-untyped-def]
    pdf = pd.DataFrame({"actor": pd.Series(["KH", 7, ["KH"], None, "Daesh"], dtype=object)})
    with dask.config.set({"dataframe.convert-string": False}):
        ddf = dd.from_pandas(pdf, npartitions=2)
        got = engine.resolve(ddf["actor"]).compute(scheduler=dask_client)
    assert _plain(got)["id"].tolist() == ["kataib-hezbollah", None, None, None, "islamic-state"]


def test_map_with_resolver_sends_it_once(dask_client) -> None:  # type: ignore[no-untyped-def]
    out = engine.map_with_resolver(dask_client, _first_id, [["KH"], ["Daesh"], ["Hamas", "KH"]] * 4, None)
    assert out == ["kataib-hezbollah", "islamic-state", "hamas"] * 4
    sha = open_resolver().index.sha256
    assert {w["loads"].get(sha) for w in engine.worker_loads(dask_client).values()} == {1}


def _first_id(names: list[str], resolver) -> str | None:  # type: ignore[no-untyped-def]
    return resolver.resolve(names[0]).id  # type: ignore[no-any-return]


def test_the_answers_can_be_written_to_parquet(dask_client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ddf = dd.from_pandas(_frame(60), npartitions=3)
    answers = engine.resolve(ddf, "actor")
    ddf = ddf.assign(**{f"actor_{c}": answers[c] for c in answers.columns})
    ddf.to_parquet(str(tmp_path / "out"), write_index=False, compute_kwargs={"scheduler": dask_client})
    back = dd.read_parquet(str(tmp_path / "out")).compute()
    assert _plain(back)["actor_id"].tolist()[:3] == ["islamic-state", None, "kataib-hezbollah"]
    assert set(back["actor_status"].dropna()) == {"matched", "unresolved", "ambiguous"}


@pytest.mark.parametrize("distinct_first", [True, False])
def test_distinct_values_are_resolved_once_across_the_cluster(dask_client, distinct_first: bool) -> None:  # type: ignore[no-untyped-def]
    from aliasctl.matching.batch import resolved_values

    # Names of their own, so that no worker has their answers yet.
    names = [f"{NAMES[i % 5] or 'KH'} {'abcdefgh'[i % 8]}{'xyz'[i % 3]} {distinct_first}" for i in range(600)]
    pdf = pd.DataFrame({"actor": names * 4})
    before = dask_client.run(resolved_values)
    got = engine.resolve(dd.from_pandas(pdf, npartitions=8), "actor", distinct_first=distinct_first)
    got = got.compute(scheduler=dask_client)
    after = dask_client.run(resolved_values)
    done = sum(after[w] - before[w] for w in after)
    distinct = len(set(names))
    if distinct_first:
        assert done == distinct  # each distinct value once, on one worker or the other
    else:
        assert done >= distinct
    want = pandas_engine.resolve(pdf["actor"])
    pd.testing.assert_frame_equal(_plain(got.sort_index()), _plain(want))
