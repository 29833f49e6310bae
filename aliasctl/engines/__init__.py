"""The resolver where the data already is: pandas, Polars, DuckDB, Dask and Spark.

Each module is a thin adapter over one vectorised call,
:func:`aliasctl.matching.batch.resolve_many` (each distinct value resolved
once, the answers mapped back as columns), and imports its engine only when
it is imported itself; a missing engine is named in the error with the extra
that installs it (``pip install 'aliasctl[polars]'``).

Modules:
    pandas:  :func:`~aliasctl.engines.pandas.resolve` (a Series to a DataFrame on its index)
             and the ``df.aliasctl`` accessor.
    polars:  :func:`~aliasctl.engines.polars.resolve`, an expression returning a Struct (lazy, batched).
    duckdb:  :func:`~aliasctl.engines.duckdb.register`, a vectorised SQL function returning a STRUCT.
    dask:    :func:`~aliasctl.engines.dask.resolve` by partition, the resolver loaded once per worker
             and the distinct values resolved once across the workers.
    spark:   :func:`~aliasctl.engines.spark.resolve`, an iterator pandas UDF over Arrow,
             loaded once per executor process; :func:`~aliasctl.engines.spark.with_answers`
             resolves the distinct values once and joins the answers back.

Every engine gives the answers of :meth:`Resolver.resolve` for each name:
the fields ``status, id, name, score, method, matched_alias`` (and
``candidates`` on request); a null, blank or non-text value has no answer.
"""

from __future__ import annotations

from ._common import EngineMissingError, NotTextError

__all__ = ["EngineMissingError", "NotTextError"]
