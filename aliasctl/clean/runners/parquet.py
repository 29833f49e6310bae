"""Parquet: the added columns written after each resolved column, the schema and its metadata kept."""

from __future__ import annotations

import json
from typing import Any

from ...provenance import provenance
from ...tables.parquet import PROVENANCE_KEY, ParquetReader, import_pyarrow
from ..cache import ValueCache
from ..cells import value_cells
from ..plan import plan_columns
from ..report import Counts
from .job import Job


def parquet_metadata(metadata: dict[bytes, bytes] | None, job: Job) -> dict[bytes, bytes]:
    """The schema's key-value metadata with ``aliasctl``: the registry's SHA-256 and the scorer settings, as JSON."""
    record = json.dumps(provenance(job.resolver.settings()), sort_keys=True).encode("utf-8")
    return {**(metadata or {}), PROVENANCE_KEY: record}


def clean_parquet(job: Job, reader: ParquetReader) -> Counts:
    """Clean a Parquet file into ``job.sink`` (compressed as it was); return what was counted.

    Raises:
        UsageError: a resolved column does not hold text.
    """
    options = job.options
    pa, pq = import_pyarrow()
    schema = reader.schema
    plan = plan_columns(reader.header, options.columns, options.naming, options.replace)
    for p in plan.positions:
        reader.require_text(p)
    added_types = (pa.string(), pa.string(), pa.float64(), pa.string())
    fields: list[Any] = []
    for i, f in enumerate(schema):
        if i in plan.drop:
            continue
        fields.append(f)
        if i in plan.positions:
            fields.extend(
                pa.field(n, t, nullable=True)
                for n, t in zip(options.naming.names(f.name), added_types, strict=True)
            )
    out_schema = pa.schema(fields, metadata=parquet_metadata(schema.metadata, job))
    cache = ValueCache(job.resolver, value_cells)
    writer = pq.ParquetWriter(job.sink, out_schema, compression=reader.compression)
    rows = 0
    try:
        for batch in reader.batches(options.block_rows):
            columns = {p: batch.column(p).to_pylist() for p in plan.positions}
            found = [  # row by row, so that a value's first index is its first row
                (v, rows + 2 + j)
                for j in range(batch.num_rows)
                for p in plan.positions
                if (v := columns[p][j]) is not None
            ]
            at = [row for _, row in found]
            table = cache.learn([v for v, _ in found], at.__getitem__)
            arrays: list[Any] = []
            for i in range(batch.num_columns):
                if i in plan.drop:
                    continue
                arrays.append(batch.column(i))
                if i in plan.positions:
                    cells = [cache.blank if v is None else table[v] for v in columns[i]]
                    for k, t in enumerate(added_types):
                        arrays.append(pa.array([c[k] for c in cells], type=t))
            writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=out_schema))
            rows += batch.num_rows
            if job.progress is not None:
                job.progress(rows)
    finally:
        writer.close()
    return cache.tally(rows, plan.resolved)


__all__ = ["clean_parquet", "parquet_metadata"]
