"""Clean a dataset: a folder or a glob of Parquet, CSV and TSV files, into a folder of cleaned files.

Each input file is cleaned as ``clean`` cleans one file (the same added
columns, every other byte or value kept) into the output folder under the same
relative name; the counts of all files are then put together as if they were
one table, the files read in name order under one header, so that the summary
and the review queue are those a single-file run over their concatenation
gives (a value's ``first_row`` counts the rows of the files before it).

The files can be cleaned one after the other in this process, or handed to
any ``map_parts(func, parts, resolver)`` that runs ``func(part, resolver)``
for each part elsewhere and returns the results in order: that is how the
command line runs them on a Dask cluster, without this package knowing of it.

Handed elsewhere, the resolving is shared out before the files are: the
distinct values of the resolved columns of every Parquet file are gathered
(one task a file, reading those columns only), split into chunks of
:data:`DISTINCT_CHUNK` values resolved one task each, and the answers, as
flat columns, go with every file's task; a worker takes them once and then
only maps answers onto rows. So one big file keeps every worker busy while
its values are resolved, which one task a file could not. (A CSV or TSV
file's values are resolved by the task that cleans it.) Each file's task is
:func:`clean_part_packed`: its counts come back with their answers as flat
columns too (:class:`PackedCounts`).
"""

from __future__ import annotations

import functools
import glob
import hashlib
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..constants import MAX_VALUE_CHARS
from ..errors import AliasctlError, InputMissingError, OutputError, UsageError
from ..files import same_file
from ..matching.batch import RememberingResolver, prime, prime_columns
from ..matching.portable import MatchColumns
from ..matching.resolver import Match, Resolver
from ..provenance import provenance
from ..tables.base import Advance
from ..tables.detect import detect_format
from .options import CleanOptions
from .report import REVIEW_CANDIDATES, CleanReport, Counts, fill_report
from .review import write_review
from .run import clean_file_counts

#: The formats a dataset may hold.
DATASET_FORMATS = ("parquet", "csv", "tsv")

#: Runs ``func(part, resolver)`` for each part and returns the results in order.
PartMapper = Callable[[Callable[[Any, Any], Any], Sequence[Any], Resolver], list[Any]]

#: Distinct values resolved by one task, when the resolving is shared out (see the module).
DISTINCT_CHUNK = 2000

#: Answers shared out before the files are cleaned: a token naming them, the values, their answers.
SharedAnswers = tuple[str, list[str], MatchColumns]


@dataclass(frozen=True)
class Part:
    """One file of a dataset: where it is read from and written to."""

    source: str
    target: str
    relative: str


def is_dataset(spec: str) -> bool:
    """Whether an input names a dataset: a folder, or a glob pattern that is not itself a file."""
    return spec != "-" and (os.path.isdir(spec) or (glob.has_magic(spec) and not os.path.exists(spec)))


def dataset_parts(spec: str, output: str) -> list[Part]:
    """The files of a dataset in name order, each with its place in ``output``.

    A folder gives every ``.parquet``, ``.pq``, ``.csv`` and ``.tsv`` file under it (files whose name
    starts with ``.`` or ``_``, such as ``_SUCCESS``, are skipped; so are
    other formats); a glob gives the files it matches (but for those), which
    must all be of those formats.

    Raises:
        InputMissingError: there is no such file in the dataset.
        UsageError: a matched file is of another format, or an output file would be an input.
    """
    if os.path.isdir(spec):
        base = spec
        found = []
        for folder, dirs, files in os.walk(spec):
            dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
            for name in files:
                if name.startswith((".", "_")):
                    continue
                path = os.path.join(folder, name)
                if _format(path) in DATASET_FORMATS:
                    found.append(path)
    else:
        base = _glob_base(spec)
        found = sorted(
            p
            for p in glob.glob(spec, recursive=True)
            if os.path.isfile(p) and not os.path.basename(p).startswith((".", "_"))
        )
        for path in found:
            if _format(path) not in DATASET_FORMATS:
                raise UsageError(f"a dataset holds Parquet, CSV or TSV files, not {path}")
    if not found:
        raise InputMissingError("no Parquet, CSV or TSV files in the dataset", spec)
    parts = []
    for path in sorted(found, key=lambda p: os.path.relpath(p, base)):
        relative = os.path.relpath(path, base)
        target = os.path.join(output, relative)
        if os.path.exists(target) and same_file(target, path):
            raise UsageError(f"the output {target} would be the input file: choose another output folder")
        parts.append(Part(path, target, relative))
    return parts


#: The file names a dataset is made of (a ``.txt`` file, which a single-file run reads as CSV, is not).
DATASET_EXTENSIONS = (".parquet", ".pq", ".csv", ".tsv")


def _format(path: str) -> str | None:
    if not path.lower().endswith(DATASET_EXTENSIONS):
        return None
    return detect_format(path, None)


def _glob_base(pattern: str) -> str:
    """The folder a glob pattern starts from: its parts before the first one with a wildcard."""
    head: list[str] = []
    for piece in pattern.split(os.sep):
        if glob.has_magic(piece):
            break
        head.append(piece)
    base = os.sep.join(head)
    return base if head and base else "."


def part_values(part: Part, resolver: Resolver, *, columns: Sequence[str]) -> list[str]:
    """The distinct values to resolve in the ``columns`` of a Parquet part (none for another format).

    Only a hint of the work ahead: a column that is missing or does not hold
    text is left out here, and the task that cleans the file reports it.
    """
    if _format(part.source) != "parquet":
        return []
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        schema = pq.read_schema(part.source)
        found: set[str] = set()
        for name in dict.fromkeys(columns):
            if schema.names.count(name) != 1:
                continue
            column = pq.read_table(part.source, columns=[name]).column(0)
            kind = column.type.value_type if pa.types.is_dictionary(column.type) else column.type
            if pa.types.is_string(kind) or pa.types.is_large_string(kind):
                found.update(pc.unique(column.cast(kind)).to_pylist())
    except (OSError, ValueError, TypeError, AliasctlError, ImportError):  # reported by the cleaning task
        return []
    return sorted(v for v in found if isinstance(v, str) and v.strip() and len(v) <= MAX_VALUE_CHARS)


def resolve_values(values: list[str], resolver: Resolver) -> MatchColumns:
    """The answers for ``values`` as ``clean`` resolves them, packed to travel back."""
    return MatchColumns.pack(values, resolver.resolve_batch(values, top=REVIEW_CANDIDATES))


def clean_part(
    part: Part,
    resolver: Resolver,
    *,
    options: CleanOptions,
    progress: Callable[[Advance], None] | None = None,
    answers: SharedAnswers | None = None,
) -> Counts:
    """Clean one file of a dataset (``options`` say how; its input and output are the part's).

    Every value's answer is kept with ``resolver`` in this process, so that
    the next file (or the next part a worker takes) resolves only the values
    it is the first to hold.

    Args:
        part: the file.
        resolver: the resolver.
        options: how to clean it.
        progress: told how far the file is.
        answers: answers worked out elsewhere, taken first (once per process).

    Returns:
        What was counted, its first rows counted within this file.
    """
    os.makedirs(os.path.dirname(part.target) or ".", exist_ok=True)
    one = replace(options, input=part.source, output=part.target, review=None, in_place=False)
    inner = resolver.inner if isinstance(resolver, RememberingResolver) else resolver
    if answers is not None:
        prime_columns(inner, *answers, top=REVIEW_CANDIDATES)
    counts, _ = clean_file_counts(one, RememberingResolver(inner), progress=progress)
    # What forked helpers resolved is kept here too, for the next file (and the next part on this worker).
    prime(inner, f"dataset-part:{part.source}", list(counts.matches), list(counts.matches.values()), top=REVIEW_CANDIDATES)
    return counts


@dataclass(frozen=True)
class PackedCounts:
    """What cleaning a file counted, as it travels back from another process: the answers as
    flat columns (:class:`~aliasctl.matching.portable.MatchColumns`) instead of one object each
    (a file of 50,000 distinct values pickled to 12.8 MB of answers, 0.8 s on each side)."""

    counts: Counts
    values: list[str]
    answers: MatchColumns

    @classmethod
    def pack(cls, counts: Counts) -> PackedCounts:
        """``counts`` with its answers packed."""
        values = list(counts.matches)
        answers = MatchColumns.pack(values, list(counts.matches.values()))
        return cls(replace(counts, matches={}), values, answers)

    def unpack(self) -> Counts:
        """The counts as they were packed."""
        return replace(self.counts, matches=dict(zip(self.values, self.answers.unpack(self.values), strict=True)))


def clean_part_packed(
    part: Part, resolver: Resolver, *, options: CleanOptions, answers: SharedAnswers | None = None
) -> PackedCounts:
    """:func:`clean_part` for another process: what it counted, packed to travel back."""
    return PackedCounts.pack(clean_part(part, resolver, options=options, answers=answers))


def share_answers(
    parts: Sequence[Part], resolver: Resolver, map_parts: PartMapper, columns: Sequence[str]
) -> SharedAnswers | None:
    """Resolve the distinct values of the parts' Parquet files in chunks, through ``map_parts``.

    Returns:
        The answers for every value, or ``None`` when there is none to resolve.
    """
    found = map_parts(functools.partial(part_values, columns=list(columns)), list(parts), resolver)
    values = sorted({v for part in found for v in part})
    if not values:
        return None
    chunks = [values[i : i + DISTINCT_CHUNK] for i in range(0, len(values), DISTINCT_CHUNK)]
    packed = map_parts(resolve_values, chunks, resolver)
    columns_of = MatchColumns.concat(packed)
    token = "dataset-answers:" + hashlib.sha256("\n".join(values).encode("utf-8")).hexdigest()
    return token, values, columns_of


def merge_counts(parts: Sequence[Counts]) -> Counts:
    """The counts of files put together as one table: rows added up, first rows counted from the top.

    Ragged rows are added up; where they are is not kept (each file numbers its own lines).
    """
    seen: Counter[str] = Counter()
    matches: dict[str, Match] = {}
    first_rows: dict[str, int] = {}
    columns: list[str] = []
    offset = ragged = 0
    for counts in parts:
        seen.update(counts.seen)
        matches.update(counts.matches)
        for value, row in counts.first_rows.items():
            first_rows.setdefault(value, offset + row)
        for c in counts.columns:
            if c not in columns:
                columns.append(c)
        offset += counts.rows
        ragged += counts.ragged
    return Counts(offset, columns, seen, matches, first_rows, ragged, [])


def check_dataset(options: CleanOptions) -> list[Part]:
    """Check a request to clean a dataset before anything is started; return its files.

    Raises:
        UsageError: no output folder, or an option a dataset cannot honour.
        OutputError: the output is not a folder, or the review queue's folder does not exist.
        InputMissingError: the dataset holds no file.
    """
    if not options.output or options.output == "-":
        raise UsageError("a dataset is written to a folder: name it with -o")
    if os.path.exists(options.output) and not os.path.isdir(options.output):
        raise OutputError("the output of a dataset must be a folder", options.output)
    refused = [
        (options.in_place, "--in-place"),
        (options.output_format, "--output-format"),
        (options.input_format, "--input-format"),
        (options.sheet, "--sheet"),
    ]
    for given, flag in refused:
        if given:
            raise UsageError(f"{flag} cannot be used on a dataset: each file keeps its own format")
    parts = dataset_parts(options.input, options.output)
    if options.review:
        folder = os.path.dirname(os.path.abspath(options.review))
        if not os.path.isdir(folder):
            raise OutputError("cannot write the review queue: no such folder", options.review)
    return parts


def clean_dataset(
    options: CleanOptions,
    resolver: Resolver,
    *,
    map_parts: PartMapper | None = None,
    progress: Callable[[Advance], None] | None = None,
    info: Callable[[str], None] | None = None,
) -> CleanReport:
    """Clean every file of a dataset (``options.input``, a folder or glob) into the folder ``options.output``.

    Args:
        options: what to clean and how; ``output`` is a folder (made if missing).
        resolver: the resolver.
        map_parts: runs the files elsewhere (see the module); default: one after the other here.
        progress: told how far the run is (files cleaned here only): rows done over all
            files, and how far through the current file.
        info: told what the dataset was found to be.

    Raises:
        UsageError: no output folder, or an option a dataset cannot honour.
        InputMissingError: the dataset holds no file.
        AliasctlError: what cleaning one of its files raises.
    """
    parts = check_dataset(options)
    kinds = Counter(_format(p.source) for p in parts)
    description = f"{options.input}: {len(parts)} files ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})"
    if info is not None:
        info(description)
    assert options.output is not None  # check_dataset refused a request without one
    os.makedirs(options.output, exist_ok=True)
    if map_parts is None:
        done = 0

        def told(step: Advance) -> None:
            if progress is not None:
                progress(replace(step, rows=done + step.rows))

        results = []
        for part in parts:
            counts = clean_part(part, resolver, options=options, progress=told)
            done += counts.rows
            results.append(counts)
    else:
        # Elsewhere, each worker is one process already: no forked helpers within it. Its
        # working folder is its own: the paths go absolute (a shared file system is assumed).
        away = [replace(p, source=os.path.abspath(p.source), target=os.path.abspath(p.target)) for p in parts]
        answers = share_answers(away, resolver, map_parts, options.columns)
        func = functools.partial(clean_part_packed, options=replace(options, background_after=None), answers=answers)
        results = [packed.unpack() for packed in map_parts(func, away, resolver)]
    report = CleanReport(input_description=description, settings=provenance(resolver.settings()))
    fill_report(report, merge_counts(results))
    if options.review:
        write_review(options.review, report)
    return report


__all__ = [
    "DATASET_EXTENSIONS",
    "DATASET_FORMATS",
    "DISTINCT_CHUNK",
    "PackedCounts",
    "Part",
    "PartMapper",
    "SharedAnswers",
    "check_dataset",
    "clean_dataset",
    "clean_part",
    "clean_part_packed",
    "dataset_parts",
    "is_dataset",
    "merge_counts",
    "part_values",
    "resolve_values",
    "share_answers",
]
