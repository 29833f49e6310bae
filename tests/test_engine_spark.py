"""The Spark engine in local[2] mode: an iterator pandas UDF, the resolver loaded once per Python worker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from aliasctl.engines import NotTextError
from aliasctl.errors import RegistryError
from aliasctl.matching.batch import answer_of
from aliasctl.matching.portable import open_resolver

pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")

pd = pytest.importorskip("pandas")
pytest.importorskip("pyspark")
engine = pytest.importorskip("aliasctl.engines.spark")

NAMES = ["Daesh", None, "KH", "Daesh", "", "Nobody Knows Who", "Ansar al-Sharia", "hezbolah", "Hamas"]


def _frame(spark, rows: int = 3000, partitions: int = 8):  # type: ignore[no-untyped-def]
    data = [(NAMES[i % len(NAMES)], i) for i in range(rows)]
    return spark.createDataFrame(data, "actor string, n long").repartition(partitions)


def _loads_of(sha: str):  # type: ignore[no-untyped-def]
    """A UDF telling, for each row, its Python worker and how often that worker loaded the index ``sha``."""

    def loads(batches: Iterator[pd.Series]) -> Iterator[pd.Series]:
        from aliasctl.matching.portable import process_loads

        for names in batches:
            p = process_loads()
            yield pd.Series([f"{p['pid']} {p['loads'].get(sha)}"] * len(names))

    return loads


def test_the_answers_equal_resolve_and_each_worker_loads_once(spark) -> None:  # type: ignore[no-untyped-def]
    from pyspark.sql.functions import pandas_udf

    df = _frame(spark)
    out = df.withColumn("match", engine.resolve(df, "actor"))
    rows = out.select("actor", "match").collect()
    r = open_resolver()
    empty = dict.fromkeys(("status", "id", "name", "score", "method", "matched_alias"))
    for row in rows:
        want = answer_of(r.resolve(row.actor)) if row.actor else empty
        assert row.match.asDict() == want
    counts = {row["id"]: row["count"] for row in out.groupBy("match.id").count().collect()}
    assert counts["islamic-state"] == sum(NAMES[i % len(NAMES)] == "Daesh" for i in range(3000))
    # Every Python worker that ran a task loaded the index once, whatever the number of tasks.
    loads = pandas_udf(_loads_of(r.index.sha256), "string")
    seen = {row.l for row in out.select(loads("actor").alias("l")).distinct().collect()}
    assert seen
    assert {s.split()[1] for s in seen} == {"1"}, seen


def test_sql_with_the_registered_udf(spark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "events")
    _frame(spark, 900, 3).write.parquet(path)
    spark.udf.register("resolve_group", engine.udf())
    spark.read.parquet(path).createOrReplaceTempView("events")
    got = dict(spark.sql("SELECT resolve_group(actor).id, count(*) FROM events GROUP BY 1").collect())
    assert got["kataib-hezbollah"] == 100
    assert got["hamas"] == 100
    assert got[None] == 400  # null, blank, unresolved, ambiguous


def test_a_column_of_numbers_is_refused_on_the_driver(spark) -> None:  # type: ignore[no-untyped-def]
    df = _frame(spark, 10, 1)
    with pytest.raises(NotTextError, match="column 'n' holds bigint, not text"):
        engine.resolve(df, "n")


def test_a_bad_registry_fails_on_the_driver(spark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\nentities: [\n", encoding="utf-8")
    with pytest.raises(RegistryError):
        engine.resolve(_frame(spark, 10, 1), "actor", bad)


def test_candidates(spark) -> None:  # type: ignore[no-untyped-def]
    df = spark.createDataFrame([("Ansar al-Sharia",)], "actor string")
    row = df.select(engine.resolve(df, "actor", candidates=True).alias("m")).collect()[0]
    assert {c["id"] for c in row.m.candidates} >= {"ansar-al-sharia-libya", "ansar-al-sharia-yemen"}


def test_with_answers_joins_the_distinct_answers_back(spark) -> None:  # type: ignore[no-untyped-def]
    df = _frame(spark, 900, 3)
    out = engine.with_answers(df, "actor")
    assert out.columns == ["actor", "n", "actor_match"]
    rows = out.collect()
    assert len(rows) == 900
    r = open_resolver()
    for row in rows:
        want = answer_of(r.resolve(row.actor)) if row.actor else None
        got = None if row.actor_match is None else row.actor_match.asDict()
        assert got == want
    with pytest.raises(NotTextError, match="column 'n' holds bigint"):
        engine.with_answers(df, "n")
