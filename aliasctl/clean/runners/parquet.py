"""Parquet: the added columns written after each resolved column, the schema and its metadata kept.

A batch of rows never becomes Python objects: each resolved column is
dictionary-encoded by Arrow, only its distinct values are looked up (and the
new ones sent to the background workers, as for CSV), and the added columns
are the answers for those values taken back onto the rows. Up to
:data:`PARQUET_AHEAD` batches are read while the workers resolve.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ...provenance import provenance
from ...tables.parquet import PROVENANCE_KEY, ParquetReader, import_pyarrow
from ..blocks import resolve_ahead
from ..cache import ValueCache
from ..cells import value_cells
from ..plan import plan_columns
from ..report import Counts
from .job import Job

#: Batches read ahead while their values are resolved.
PARQUET_AHEAD = 8


def parquet_metadata(metadata: dict[bytes, bytes] | None, job: Job) -> dict[bytes, bytes]:
    """The schema's key-value metadata with ``aliasctl``: the registry's SHA-256 and the scorer settings, as JSON."""
    record = json.dumps(provenance(job.resolver.settings()), sort_keys=True).encode("utf-8")
    return {**(metadata or {}), PROVENANCE_KEY: record}


@dataclass
class _Coded:
    """One resolved column of a batch: its distinct values, and for each row the position of its value (or null)."""

    values: list[str]
    indices: Any  # an Arrow integer array, null where the cell is null


@dataclass
class _Batch:
    """A batch of rows with its resolved columns coded, and what its values are to the value cache."""

    batch: Any
    coded: dict[int, _Coded]
    values: list[str]
    counts: list[int]
    first_rows: list[int]

    def prepared(self) -> tuple[list[str], Callable[[int], int], list[int]]:
        return self.values, self.first_rows.__getitem__, self.counts


def _code(pa: Any, pc: Any, np: Any, column: Any) -> tuple[_Coded, Any, Any]:
    """The column coded, with each distinct value's count and first index in the batch."""
    if pa.types.is_dictionary(column.type):
        values = column.dictionary.to_pylist()
        indices = column.indices
        if None in values or len(set(values)) != len(values):
            # A dictionary may repeat a value or hold a null: code it afresh from the text.
            return _code(pa, pc, np, column.cast(column.type.value_type))
    else:
        encoded = pc.dictionary_encode(column)
        values = encoded.dictionary.to_pylist()
        indices = encoded.indices
    codes = indices.fill_null(-1).to_numpy(zero_copy_only=False)
    present = codes[codes >= 0]
    counts = np.bincount(present, minlength=len(values))
    used, first = np.unique(present, return_index=True)
    rows = np.flatnonzero(codes >= 0)[first]
    firsts = np.full(len(values), -1, dtype=np.int64)
    firsts[used] = rows
    return _Coded(values, indices), counts, firsts


def _coded_batches(reader: ParquetReader, size: int, positions: list[int]) -> Iterator[_Batch]:
    """The file's batches, their resolved columns coded (rows counted from 2, the header being row 1)."""
    import numpy as np
    import pyarrow.compute as pc

    pa, _ = import_pyarrow()
    start = 2
    for batch in reader.batches(size):
        coded: dict[int, _Coded] = {}
        counts: dict[str, int] = {}
        firsts: dict[str, int] = {}
        for p in positions:
            column, n, first = _code(pa, pc, np, batch.column(p))
            coded[p] = column
            for value, count, row in zip(column.values, n.tolist(), first.tolist(), strict=True):
                if count:
                    counts[value] = counts.get(value, 0) + count
                    if value not in firsts or row < firsts[value]:
                        firsts[value] = row
        values = list(counts)
        yield _Batch(batch, coded, values, [counts[v] for v in values], [start + firsts[v] for v in values])
        start += batch.num_rows


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
    positions = list(plan.positions)
    try:
        for coded, table in resolve_ahead(
            _coded_batches(reader, options.block_rows, positions),
            _Batch.prepared,
            lambda b: int(b.batch.num_rows),
            cache,
            options.background_after,
            PARQUET_AHEAD,
        ):
            batch = coded.batch
            arrays: list[Any] = []
            for i in range(batch.num_columns):
                if i in plan.drop:
                    continue
                arrays.append(batch.column(i))
                if i in coded.coded:
                    column = coded.coded[i]
                    # A dictionary column's dictionary may hold values no row of the batch has.
                    cells = [table.get(v, cache.blank) for v in column.values]
                    for k, t in enumerate(added_types):
                        arrays.append(pa.array([c[k] for c in cells], type=t).take(column.indices))
            writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=out_schema))
            rows += batch.num_rows
            if job.progress is not None:
                job.progress(rows)
    finally:
        writer.close()
    return cache.tally(rows, plan.resolved)


__all__ = ["PARQUET_AHEAD", "clean_parquet", "parquet_metadata"]
