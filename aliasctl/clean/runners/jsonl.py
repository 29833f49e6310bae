"""JSON Lines: the added keys placed right after each resolved key, every other byte of the line kept."""

from __future__ import annotations

from ...errors import UsageError
from ...tables.jsonl import JsonlReader, splice_jsonl
from ..blocks import in_blocks
from ..cache import ValueCache
from ..cells import value_cells
from ..report import Counts
from .job import Job


def clean_jsonl(job: Job, reader: JsonlReader) -> Counts:
    """Clean a JSON Lines file into ``job.sink``; return what was counted.

    A record without any of the resolved keys is passed through and counted
    as ragged; a blank line is passed through and not counted.
    """
    options = job.options
    columns = list(dict.fromkeys(options.columns))
    names = {c: options.naming.names(c) for c in columns}
    added_names = [n for c in columns for n in names[c]]
    clash = set(added_names) & set(columns)
    if clash:
        raise UsageError(f"key '{sorted(clash)[0]}' is resolved and would also be replaced")
    cache = ValueCache(job.resolver, value_cells)
    drop = set(added_names) if options.replace else set()
    rows = ragged = done = 0
    ragged_lines: list[int] = []
    for block in in_blocks(reader, options.block_rows):
        found = [
            (v, rec.line)
            for rec in block
            if rec.obj is not None
            for c in columns
            if isinstance(v := rec.obj.get(c), str)
        ]
        lines = [line for _, line in found]
        table = cache.learn([v for v, _ in found], lines.__getitem__)
        out = []
        for rec in block:
            obj = rec.obj
            if obj is None:
                out.append(rec.body + rec.ending)
                continue
            rows += 1
            present = [c for c in columns if c in obj]
            if not present:
                ragged += 1
                if len(ragged_lines) < 10:
                    ragged_lines.append(rec.line)
                out.append(rec.body + rec.ending)
                continue
            taken = [n for n in added_names if n in obj]
            if taken and not options.replace:
                raise UsageError(
                    f"key '{taken[0]}' already exists: pass --replace to overwrite it, "
                    "or choose other names with --prefix/--suffix",
                    reader.name,
                    rec.line,
                )
            added = {}
            for c in present:
                v = obj[c]
                cells = table[v] if isinstance(v, str) else cache.blank
                added[c] = list(zip(names[c], cells, strict=True))
            out.append(splice_jsonl(rec, added, drop))
        job.sink.write("".join(out).encode("utf-8"))
        done += len(block)
        if job.progress is not None:
            job.progress(done)
    return cache.tally(rows, columns, ragged, ragged_lines)


__all__ = ["clean_jsonl"]
