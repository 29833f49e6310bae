"""The Polars engine: an expression returning a Struct, in eager and lazy (streaming) queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from aliasctl.errors import RegistryError
from aliasctl.matching.batch import answer_of
from aliasctl.matching.portable import open_resolver

pl = pytest.importorskip("polars")
engine = pytest.importorskip("aliasctl.engines.polars")

NAMES = ["Daesh", None, "KH", "Daesh", "", "Nobody Knows Who", "Ansar al-Sharia", "hezbolah"]


def _expected(values: list[str | None]) -> list[object]:
    r = open_resolver()
    return [answer_of(r.resolve(v)) if v else None for v in values]


def test_eager_struct_equals_resolve() -> None:
    df = pl.DataFrame({"actor": NAMES, "n": range(len(NAMES))})
    out = df.with_columns(match=engine.resolve("actor"))
    assert out.schema["match"] == engine.struct_dtype()
    assert out["match"].to_list() == _expected(NAMES)
    assert out.select(pl.col("match").struct.field("id"))["id"][0] == "islamic-state"


def test_lazy_scan_of_parquet_files_batched(tmp_path: Path) -> None:
    folder = tmp_path / "events"
    folder.mkdir()
    names = (NAMES * 3000)[:20_000]
    for k in range(3):
        pl.DataFrame({"actor": names, "part": [k] * len(names)}).write_parquet(folder / f"part-{k}.parquet")
    query = (
        pl.scan_parquet(folder / "*.parquet")
        .with_columns(actor_id=engine.resolve("actor").struct.field("id"))
        .group_by("actor_id")
        .len()
        .sort("len", descending=True)
    )
    counts = dict(query.collect(engine="streaming").iter_rows())
    per = {v: names.count(v) * 3 for v in set(names)}
    assert counts["islamic-state"] == per["Daesh"]
    assert counts["kataib-hezbollah"] == per["KH"]
    assert counts["hezbollah"] == per["hezbolah"]
    assert counts[None] == sum(per[v] for v in (None, "", "Nobody Knows Who", "Ansar al-Sharia"))


def test_the_namespace_and_categoricals() -> None:
    df = pl.DataFrame({"actor": pl.Series(["KH", None, "Daesh"], dtype=pl.Categorical)})
    out = df.select(pl.col("actor").aliasctl.resolve().struct.field("id"))
    assert out["id"].to_list() == ["kataib-hezbollah", None, "islamic-state"]


def test_a_column_of_numbers_fails_the_query_with_its_name() -> None:
    df = pl.DataFrame({"fatalities": [1, 2]})
    with pytest.raises(pl.exceptions.InvalidOperationError, match="column 'fatalities' holds Int64, not text"):
        df.with_columns(engine.resolve("fatalities"))
    with pytest.raises(pl.exceptions.InvalidOperationError, match="column 'tags' holds List"):
        pl.DataFrame({"tags": [["KH"]]}).lazy().select(engine.resolve("tags")).collect()


def test_a_bad_registry_fails_when_the_query_is_written(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\nentities: [\n", encoding="utf-8")
    with pytest.raises(RegistryError):
        engine.resolve("actor", bad)


def test_candidates_field() -> None:
    out = pl.DataFrame({"a": ["Ansar al-Sharia"]}).select(engine.resolve("a", candidates=True))
    cands = out["a"].struct.field("candidates").to_list()[0]
    assert {c["id"] for c in cands} >= {"ansar-al-sharia-libya", "ansar-al-sharia-yemen"}
