"""Spark: resolve a column with an iterator pandas UDF over Arrow, the resolver loaded once per executor process.

    df = df.withColumn("match", resolve(df, "actor"))
    df.groupBy("match.id").count()

The resolver is made ready on the driver, so that a registry that fails to
load fails there, before any job is submitted. It travels inside the UDF
(:class:`~aliasctl.matching.portable.PortableResolver`: its compiled index,
compressed, which Spark broadcasts once it is over a megabyte); each Python
worker process loads it the first time a task brings it and keeps it, with
the answers it has worked out, for every later task and batch.

:func:`resolve` refuses a column that is not a string with
:class:`~aliasctl.engines.NotTextError` naming it, on the driver. The UDF of
:func:`udf`, used directly (in SQL, say), resolves strings and leaves any
other value without an answer. A null or blank name gives a struct whose
fields are all null (a pandas UDF cannot return a null struct).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..matching.batch import CANDIDATE_FIELDS, FIELDS, resolve_many
from ..matching.portable import PortableResolver
from ._common import ResolverLike, need, not_text, travelling

sql = need("pyspark.sql", "spark", "Spark")
functions = need("pyspark.sql.functions", "spark", "Spark")
types = need("pyspark.sql.types", "spark", "Spark")
pd = need("pandas", "spark", "Spark")


def struct_type(candidates: bool = False) -> Any:
    """The Spark type of the answers: a struct of ``status, id, name, score, method, matched_alias``."""

    def fields(names: tuple[str, ...]) -> list[Any]:
        return [
            types.StructField(f, types.DoubleType() if f == "score" else types.StringType(), True) for f in names
        ]

    out = fields(FIELDS)
    if candidates:
        out.append(types.StructField("candidates", types.ArrayType(types.StructType(fields(CANDIDATE_FIELDS)))))
    return types.StructType(out)


def _answers(batches: Iterator[Any], resolver: PortableResolver, candidates: bool, top: int) -> Iterator[Any]:
    for names in batches:
        yield resolve_many(resolver, names, candidates=candidates, top=top).to_pandas()


def udf(resolver: ResolverLike = None, *, candidates: bool = False, top: int = 5) -> Any:
    """The pandas UDF (``Iterator[pd.Series] -> Iterator[pd.DataFrame]``) that resolves a column.

    Register it for SQL with ``spark.udf.register("resolve_group", udf())``.

    Raises:
        RegistryError: the registry is not valid (raised here, on the driver).
    """
    r = travelling(resolver)

    def resolve_group(batches: Iterator[Any]) -> Iterator[Any]:
        return _answers(batches, r, candidates, top)

    # Spark reads the UDF's kind from its type hints: an iterator of Series to one of DataFrames.
    hints = {"batches": Iterator[pd.Series], "return": Iterator[pd.DataFrame]}  # type: ignore[name-defined]
    resolve_group.__annotations__ = hints
    return functions.pandas_udf(resolve_group, struct_type(candidates))


def resolve(
    frame: Any, column: str, resolver: ResolverLike = None, *, candidates: bool = False, top: int = 5
) -> Any:
    """A Column: the answers for ``frame[column]`` as a struct.

    Args:
        frame: the Spark DataFrame.
        column: the column to resolve (a string column).
        resolver: a resolver, a registry file, or ``None`` for the default registry.
        candidates: add a ``candidates`` field (an array of structs).
        top: how many candidates to keep.

    Raises:
        NotTextError: the column is not a string column.
        RegistryError: the registry is not valid (before any job is submitted).
    """
    dtype = frame.schema[column].dataType
    if not isinstance(dtype, types.StringType):
        raise not_text(column, dtype.simpleString())
    return udf(resolver, candidates=candidates, top=top)(frame[column])


def with_answers(
    frame: Any,
    column: str,
    resolver: ResolverLike = None,
    *,
    name: str | None = None,
    candidates: bool = False,
    top: int = 5,
) -> Any:
    """``frame`` with the answers for ``column`` in a struct column, each distinct value resolved once.

    The column's distinct values are resolved by the UDF, spread over the
    executors, and the answers joined back (a broadcast join, in the JVM), so
    that no value is resolved twice however many executors meet it. A null
    or blank name has a null answer.

    Args:
        frame: the Spark DataFrame.
        column: the column to resolve (a string column).
        resolver: a resolver, a registry file, or ``None`` for the default registry.
        name: the new column's name (default: ``<column>_match``).
        candidates: add a ``candidates`` field (an array of structs).
        top: how many candidates to keep.

    Raises:
        NotTextError: the column is not a string column.
        RegistryError: the registry is not valid (before any job is submitted).
    """
    dtype = frame.schema[column].dataType
    if not isinstance(dtype, types.StringType):
        raise not_text(column, dtype.simpleString())
    target = name or f"{column}_match"
    key = "__aliasctl_value"
    value = functions.col(key)
    # Blank names are left out: like nulls, they find nothing to join and have a null answer.
    distinct = frame.select(frame[column].alias(key)).where(functions.trim(value) != "").distinct()
    answers = distinct.select(key, resolve(distinct, key, resolver, candidates=candidates, top=top).alias(target))
    joined = frame.join(functions.broadcast(answers), frame[column] == answers[key], "left")
    return joined.drop(key)


__all__ = ["resolve", "struct_type", "udf", "with_answers"]
