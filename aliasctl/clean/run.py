"""Clean one table file (or stdin) into another (or stdout): check the request, open both ends, report."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import IO

from ..constants import STREAM_FORMATS
from ..errors import OutputError, UsageError
from ..files import AtomicFile, is_write_error, same_file
from ..matching.resolver import Resolver
from ..tables.detect import detect_format
from ..tables.table import open_table
from ..tables.xlsx import xlsx_sheet_names
from .options import CleanOptions, Progress
from .report import CleanReport, Counts, fill_report
from .review import write_review
from .runners import Job, run


def clean_file(
    options: CleanOptions,
    resolver: Resolver,
    *,
    stdin: IO[bytes] | None = None,
    stdout: IO[bytes] | None = None,
    progress: Progress | None = None,
    info: Callable[[str], None] | None = None,
) -> CleanReport:
    """Clean one table file (or stdin) into another (or stdout).

    Args:
        options: what to clean, how, and where to write it.
        resolver: the resolver.
        stdin: what an input of ``-`` reads.
        stdout: where the output goes when there is no output file (or it is ``-``).
        progress: told the rows done so far.
        info: told, once the output is open, what the input was found to be
            (``incidents.csv: utf-8, delimiter comma (sniffed), ...``).

    Raises:
        AliasctlError: bad data (65), a missing input (66), an output that cannot
            be written (73) or a request that makes no sense (2).
    """
    counts, description = clean_file_counts(options, resolver, stdin=stdin, stdout=stdout, progress=progress, info=info)
    report = CleanReport(input_description=description)
    fill_report(report, counts)
    if options.review:
        write_review(options.review, report)
    return report


def clean_file_counts(
    options: CleanOptions,
    resolver: Resolver,
    *,
    stdin: IO[bytes] | None = None,
    stdout: IO[bytes] | None = None,
    progress: Progress | None = None,
    info: Callable[[str], None] | None = None,
) -> tuple[Counts, str]:
    """:func:`clean_file` without the report: what was counted, and what the input was found to be.

    The review queue is not written (``options.review`` is left to the caller),
    so that the counts of many files can be put together first.
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

        def clean_into(sink: IO[bytes]) -> Counts:
            if info is not None:
                info(description)
            return run(Job(options, resolver, sink, fmt_out, progress), table)

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
            with AtomicFile(out_path, mode_from=mode_from) as sink:
                counts = clean_into(sink)
    return counts, description


def _check(options: CleanOptions) -> tuple[str, str, str | None]:
    """The input and output formats and the output file (None: stdout), once the request makes sense.

    Raises:
        UsageError: formats that cannot be converted, a file format on stdin
            or stdout, an output or review file that is the input, ``--in-place``
            that would lose something.
        OutputError: the review queue's folder does not exist.
    """
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
    if fmt_out != fmt_in and not {fmt_in, fmt_out} <= {"csv", "tsv"}:
        raise UsageError(f"cannot convert {fmt_in} to {fmt_out}: clean writes the format it reads")
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
    if options.in_place and fmt_in == "xlsx":
        sheets = xlsx_sheet_names(options.input)
        if len(sheets) > 1:
            raise UsageError(
                f"--in-place would drop the workbook's other sheets ({', '.join(sheets[1:4])}...): "
                "write to another file with -o"
            )
    return fmt_in, fmt_out, out_path


__all__ = ["clean_file", "clean_file_counts"]
