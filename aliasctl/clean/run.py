"""Clean one table file (or stdin) into another (or stdout): check the request, open both ends, report."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import IO

from ..constants import STREAM_FORMATS
from ..errors import DataError, OutputError, UsageError
from ..files import AtomicFile, check_outputs, is_write_error, same_file
from ..matching.resolver import Resolver
from ..provenance import provenance
from ..tables.base import Advance
from ..tables.detect import detect_format
from ..tables.table import open_table
from ..tables.xlsx import XlsxReader
from .cache import ValueTooLongError
from .options import CleanOptions
from .report import CleanReport, Counts, fill_report
from .review import review_file
from .runners import Job, run


def clean_file(
    options: CleanOptions,
    resolver: Resolver,
    *,
    stdin: IO[bytes] | None = None,
    stdout: IO[bytes] | None = None,
    progress: Callable[[Advance], None] | None = None,
    info: Callable[[str], None] | None = None,
) -> CleanReport:
    """Clean one table file (or stdin) into another (or stdout).

    Args:
        options: what to clean, how, and where to write it.
        resolver: the resolver.
        stdin: what an input of ``-`` reads.
        stdout: where the output goes when there is no output file (or it is ``-``).
        progress: told how far the run is (rows done; bytes or rows of the input
            read, and how many there are when that is known), after each block.
        info: told, once the output is open, what the input was found to be
            (``incidents.csv: utf-8, delimiter comma (sniffed), ...``).

    Raises:
        AliasctlError: bad data (65), a missing input (66), an output that cannot
            be written (73) or a request that makes no sense (2).
    """
    # Every output file is finished under a temporary name, and all are moved
    # into place only once all are written: a run that fails leaves none of them.
    pending: list[AtomicFile] = []
    try:
        counts, description = clean_file_counts(
            options, resolver, stdin=stdin, stdout=stdout, progress=progress, info=info, pending=pending
        )
        report = CleanReport(input_description=description, settings=provenance(resolver.settings()))
        fill_report(report, counts)
        if options.review:
            pending.append(review_file(options.review, report))
        for finished in pending:
            finished.commit()
    except BaseException:
        for finished in pending:
            finished.discard()
        raise
    return report


def clean_file_counts(
    options: CleanOptions,
    resolver: Resolver,
    *,
    stdin: IO[bytes] | None = None,
    stdout: IO[bytes] | None = None,
    progress: Callable[[Advance], None] | None = None,
    info: Callable[[str], None] | None = None,
    pending: list[AtomicFile] | None = None,
) -> tuple[Counts, str]:
    """:func:`clean_file` without the report: what was counted, and what the input was found to be.

    The review queue is not written (``options.review`` is left to the caller),
    so that the counts of many files can be put together first. With
    ``pending``, the output is left under its temporary name and added to the
    list for the caller to commit or discard; without it, it is moved into place
    when written.
    """
    fmt_in, fmt_out, out_path = _check(options)
    with open_table(
        options.input,
        fmt_in,
        encoding=options.encoding,
        delimiter=options.delimiter,
        sheet=options.sheet,
        stdin=stdin,
    ) as table:
        description = f"{options.input}: {table.describe()}"
        if isinstance(table, XlsxReader) and table.others:
            others = ", ".join(f"'{t}'" for t in table.others)
            if fmt_out == "xlsx":
                description += f"; other sheets copied (values, formulas, cell styles): {others}"
            else:
                description += f"; other sheets, not in the {fmt_out} output: {others}"

        def rows_done(rows: int) -> None:
            assert progress is not None
            progress(table.advance(rows))

        def clean_into(sink: IO[bytes]) -> Counts:
            if info is not None:
                info(description)
            try:
                job = Job(options, resolver, sink, fmt_out, None if progress is None else rows_done)
                return run(job, table)
            except ValueTooLongError as exc:
                raise _located(exc, options.input, fmt_in) from None

        if out_path is None:
            if stdout is None:
                raise OutputError("stdout is closed: name an output file with -o", "-")
            try:
                counts = clean_into(stdout)
                stdout.flush()
            except OSError as exc:
                if is_write_error(exc):  # /dev/full, a full disk behind a redirection
                    raise OutputError(f"cannot write: {exc.strerror}", "-") from None
                raise
        else:
            mode_from = options.input if options.in_place else None
            output = AtomicFile(out_path, mode_from=mode_from, defer=pending is not None)
            if pending is not None:
                pending.append(output)
            with output as sink:
                counts = clean_into(sink)
    return counts, description


def _located(exc: ValueTooLongError, path: str, fmt: str) -> DataError:
    """The error of a value too long to resolve, at its line (JSON Lines) or its row (the header being row 1)."""
    if exc.row is None:
        return DataError(exc.message, path)
    if fmt == "jsonl":
        return DataError(exc.message, path, exc.row)
    return DataError(f"row {exc.row}: {exc.message}", path)


def _check(options: CleanOptions) -> tuple[str, str, str | None]:
    """The input and output formats and the output file (None: stdout), once the request makes sense.

    Raises:
        UsageError: formats that cannot be converted, a file format on stdin
            or stdout, an output or review file that is the input or the
            registry in use (through links too), ``--in-place`` that would lose something.
        OutputError: the review queue's folder does not exist.
    """
    # The registry first, whatever else is wrong: a table written over it loses every entity.
    check_outputs(
        [("output", options.input if options.in_place else options.output), ("review file", options.review)],
        [("registry in use", options.registry)],
    )
    fmt_in = detect_format(options.input, options.input_format, "input")
    out_path = options.output
    if options.in_place:
        if options.input == "-":
            raise UsageError("--in-place needs an input file, not stdin")
        if out_path not in (None, "-") and not same_file(out_path, options.input):
            raise UsageError("--in-place writes over the input: leave out -o")
        out_path = options.input
    elif out_path in (None, "-"):
        out_path = None
    elif options.input != "-" and same_file(out_path, options.input):
        raise UsageError(
            f"the output {out_path} is the input file: pass --in-place to overwrite it (atomically)"
        )
    if out_path is None:
        fmt_out = options.output_format or fmt_in
    else:
        fmt_out = detect_format(out_path, options.output_format, "output")
    for fmt, path in ((fmt_in, options.input), (fmt_out, out_path)):
        if path in ("-", None) and fmt not in STREAM_FORMATS:
            raise UsageError(f"{fmt} cannot be read from stdin or written to stdout: give a file name")

    if options.review:
        for other, what in ((options.input, "input"), (out_path, "output")):
            if other not in (None, "-") and same_file(options.review, other):
                raise UsageError(f"the review file {options.review} is the {what} file: name another one")
        folder = os.path.dirname(os.path.abspath(options.review))
        if not os.path.isdir(folder):
            # Checked now, so that a review that cannot be written does not follow a written output.
            raise OutputError("cannot write the review queue: no such folder", options.review)
    return fmt_in, fmt_out, out_path


__all__ = ["clean_file", "clean_file_counts"]
