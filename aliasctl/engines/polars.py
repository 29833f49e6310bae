"""Polars: an expression that resolves a column into a Struct, batch by batch, in eager and lazy queries.

    pl.scan_parquet("events/*.parquet").with_columns(match=resolve("actor"))

Importing this module also registers ``pl.col("actor").aliasctl.resolve()``.
A column that is not text (``String``, ``Categorical``, ``Enum``) fails the
query with Polars' ``InvalidOperationError`` naming the column; a null or
blank name gives a null Struct.
"""

from __future__ import annotations

from typing import Any

from ..matching.batch import FIELDS, arrow_type, resolve_many
from ._common import ResolverLike, need, ready

pl = need("polars", "polars", "Polars")


def struct_dtype(candidates: bool = False) -> Any:
    """The Polars type of the answers: a Struct of ``status, id, name, score, method, matched_alias``."""
    import pyarrow as pa

    return pl.from_arrow(pa.array([], arrow_type(candidates))).dtype


def _is_text(dtype: Any) -> bool:
    return bool(dtype in (pl.String, pl.Null) or isinstance(dtype, (pl.Categorical, pl.Enum)))


def resolve(
    column: Any, resolver: ResolverLike = None, *, candidates: bool = False, top: int = 5
) -> Any:
    """An expression resolving ``column`` (a name or an expression) into a Struct of the answers.

    The resolver is made ready here, so that a registry that fails to load
    fails when the query is written; it then resolves each batch Polars hands
    it, each distinct value once across batches.

    Args:
        column: a column name, or an expression giving text.
        resolver: a resolver, a registry file, or ``None`` for the default registry.
        candidates: add a ``candidates`` field (a list of structs).
        top: how many candidates to keep.

    Example:
        >>> df.with_columns(resolve("actor").struct.field("id").alias("actor_id"))
    """
    expr = pl.col(column) if isinstance(column, str) else column
    r = ready(resolver)

    def batch(series: Any) -> Any:
        if not _is_text(series.dtype):
            raise pl.exceptions.InvalidOperationError(f"column '{series.name}' holds {series.dtype}, not text")
        answers = resolve_many(r, series.to_arrow(), candidates=candidates, top=top).to_arrow()
        return pl.Series(series.name, answers)

    return expr.map_batches(batch, return_dtype=struct_dtype(candidates), is_elementwise=True)


class AliasctlNamespace:
    """``expr.aliasctl``: the resolver on an expression."""

    def __init__(self, expr: Any) -> None:
        self._expr = expr

    def resolve(self, resolver: ResolverLike = None, *, candidates: bool = False, top: int = 5) -> Any:
        """See :func:`resolve`."""
        return resolve(self._expr, resolver, candidates=candidates, top=top)


pl.api.register_expr_namespace("aliasctl")(AliasctlNamespace)

__all__ = ["FIELDS", "AliasctlNamespace", "resolve", "struct_dtype"]
