"""DuckDB: a vectorised SQL function that resolves a VARCHAR into a STRUCT.

    register(con)
    con.sql("SELECT resolve_group(actor).id, count(*) FROM 'events/*.parquet' GROUP BY 1")

DuckDB hands the function Arrow batches of rows; each distinct value is
resolved once across them. Its conventions hold: NULL gives NULL (so does a
blank name), and an argument that is not VARCHAR is refused by DuckDB's
binder ("No function matches the given name and argument types
'resolve_group(BIGINT)'"): cast it (``actor::VARCHAR``) to resolve it as text.
"""

from __future__ import annotations

from typing import Any

from ..matching.batch import CANDIDATE_FIELDS, FIELDS, resolve_many
from ._common import ResolverLike, need, ready

duckdb = need("duckdb", "duckdb", "DuckDB")


def struct_type(candidates: bool = False) -> Any:
    """The DuckDB type of the answers: ``STRUCT(status VARCHAR, ..., score DOUBLE, ...)``."""
    fields = {f: "DOUBLE" if f == "score" else "VARCHAR" for f in FIELDS}
    out: dict[str, Any] = dict(fields)
    if candidates:
        one = duckdb.struct_type({f: "DOUBLE" if f == "score" else "VARCHAR" for f in CANDIDATE_FIELDS})
        out["candidates"] = duckdb.list_type(one)
    return duckdb.struct_type(out)


def register(
    connection: Any = None,
    resolver: ResolverLike = None,
    *,
    name: str = "resolve_group",
    candidates: bool = False,
    top: int = 5,
) -> Any:
    """Register the SQL function ``name(VARCHAR) -> STRUCT`` on a connection; return the connection.

    Args:
        connection: a DuckDB connection (default: DuckDB's default connection).
        resolver: a resolver, a registry file, or ``None`` for the default registry
            (made ready here: a registry that fails to load fails now).
        name: the function's name in SQL.
        candidates: add a ``candidates`` field (a list of structs).
        top: how many candidates to keep.

    Example:
        >>> con = register(duckdb.connect())
        >>> con.sql("SELECT resolve_group('Daesh').id").fetchall()[0]
        ('islamic-state',)
    """
    con = duckdb.default_connection() if connection is None else connection
    r = ready(resolver)

    def resolve_batch(names: Any) -> Any:
        return resolve_many(r, names, candidates=candidates, top=top).to_arrow()

    con.create_function(
        name, resolve_batch, ["VARCHAR"], struct_type(candidates), type="arrow", null_handling="special"
    )
    return con


__all__ = ["register", "struct_type"]
