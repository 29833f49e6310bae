"""The DuckDB engine: a vectorised SQL function returning a STRUCT, over Parquet files."""

from __future__ import annotations

from pathlib import Path

import pytest

from aliasctl.errors import RegistryError
from aliasctl.matching.batch import answer_of
from aliasctl.matching.portable import open_resolver

duckdb = pytest.importorskip("duckdb")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
engine = pytest.importorskip("aliasctl.engines.duckdb")

NAMES = ["Daesh", None, "KH", "Daesh", "", "Nobody Knows Who", "Ansar al-Sharia", "hezbolah"]


@pytest.fixture
def con():  # type: ignore[no-untyped-def]
    c = duckdb.connect()
    engine.register(c)
    yield c
    c.close()


def test_the_query_of_the_readme(con, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    events = tmp_path / "events"
    events.mkdir()
    names = NAMES * 700  # more rows than one of DuckDB's vectors (2,048)
    for k in range(3):
        pq.write_table(pa.table({"actor": names, "k": [k] * len(names)}), events / f"{k}.parquet")
    monkeypatch.chdir(tmp_path)
    rows = con.sql(
        "SELECT resolve_group(actor).id, count(*) FROM 'events/*.parquet' GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall()
    got = dict(rows)
    assert got["islamic-state"] == 2 * 700 * 3
    assert got["kataib-hezbollah"] == 700 * 3
    assert got["hezbollah"] == 700 * 3
    assert got[None] == 4 * 700 * 3  # NULL, blank, unresolved, ambiguous


def test_every_field_equals_resolve(con) -> None:  # type: ignore[no-untyped-def]
    con.execute("CREATE TABLE t AS SELECT * FROM (VALUES " + ", ".join(
        "(NULL)" if v is None else "('" + v.replace("'", "''") + "')" for v in NAMES
    ) + ") v(actor)")
    got = [row[0] for row in con.sql("SELECT resolve_group(actor) FROM t").fetchall()]
    r = open_resolver()
    assert got == [answer_of(r.resolve(v)) if v else None for v in NAMES]


def test_null_in_null_out_and_types_are_duckdbs(con) -> None:  # type: ignore[no-untyped-def]
    assert con.sql("SELECT resolve_group(NULL) IS NULL").fetchall()[0] == (True,)
    with pytest.raises(duckdb.BinderException, match=r"resolve_group\(INTEGER\)"):
        con.sql("SELECT resolve_group(n) FROM (VALUES (1)) v(n)").fetchall()
    with pytest.raises(duckdb.BinderException, match=r"resolve_group\(VARCHAR\[\]\)"):
        con.sql("SELECT resolve_group(['KH'])").fetchall()
    # Cast to resolve as text.
    assert con.sql("SELECT resolve_group(n::VARCHAR).status FROM (VALUES (1)) v(n)").fetchall()[0] == ("unresolved",)


def test_candidates_and_a_name_of_ones_own(tmp_path: Path) -> None:
    c = engine.register(duckdb.connect(), name="who", candidates=True)
    cands = c.sql("SELECT who('Ansar al-Sharia').candidates").fetchall()[0][0]
    assert {x["id"] for x in cands} >= {"ansar-al-sharia-libya", "ansar-al-sharia-tunisia"}


def test_a_bad_registry_fails_at_registration(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\nentities: [\n", encoding="utf-8")
    c = duckdb.connect()
    with pytest.raises(RegistryError):
        engine.register(c, bad)
    with pytest.raises(duckdb.CatalogException):
        c.sql("SELECT resolve_group('KH')").fetchall()
