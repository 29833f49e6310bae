"""``aliasctl clean``: resolve a column of a table."""

from __future__ import annotations

import sys

import click

from .. import output
from ..constants import FORMATS
from ..errors import EX_FINDINGS
from .options import (
    is_tty,
    min_score_option,
    registry_arg,
    table_input_options,
)


@click.command()
@click.argument("input_path", metavar="INPUT")
@click.option("-o", "--output", "output_path", help="Output file (default: stdout; - is stdout).")
@click.option(
    "-c",
    "--column",
    "columns",
    multiple=True,
    required=True,
    help="A column to resolve: its name, or its number from 1 (repeatable).",
)
@table_input_options
@click.option("--output-format", type=click.Choice(FORMATS), help="Output format (default: by extension).")
@click.option("--output-encoding", help="Output encoding (default: the input's).")
@click.option("--prefix", default="", help="Prefix of the added column names.")
@click.option(
    "--suffix", default="_", show_default=True, help="Between the column name and id/name/score/status."
)
@click.option("--replace", is_flag=True, help="Overwrite existing columns that have an added column's name.")
@click.option(
    "--escape-formulas", is_flag=True, help="Escape every written cell that a spreadsheet would run."
)
@click.option("--in-place", is_flag=True, help="Write over the input file (atomically).")
@click.option(
    "--review",
    type=click.Path(dir_okay=False),
    help="Write a CSV review queue of ambiguous and unresolved values.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["unresolved", "ambiguous"]),
    help="Exit 1 when a value is unresolved (or, with ambiguous, ambiguous or unresolved).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where the files of a folder or glob are cleaned: here, or on a Dask cluster.",
)
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: an existing cluster's scheduler (default: a local one).")
@min_score_option
@click.option("-q", "--quiet", is_flag=True, help="No dialect line, progress or summary on stderr.")
@click.pass_context
def clean(
    ctx: click.Context,
    input_path: str,
    output_path: str | None,
    columns: tuple[str, ...],
    input_format: str | None,
    output_format: str | None,
    sheet: str | None,
    encoding: str | None,
    output_encoding: str | None,
    delimiter: str | None,
    prefix: str,
    suffix: str,
    replace: bool,
    escape_formulas: bool,
    in_place: bool,
    review: str | None,
    fail_on: str | None,
    min_score: float | None,
    engine: str,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Resolve COLUMNs of a table (CSV, TSV, XLSX, JSON Lines, Parquet) against the registry.

    Adds <col>_id, <col>_name, <col>_score and <col>_status right after each
    column and leaves every other cell as it was. INPUT may be - (stdin) for
    CSV, TSV and JSON Lines, or a folder or glob of Parquet, CSV and TSV files
    (a dataset: each file is cleaned into the folder -o under the same name,
    with one summary and review queue for all). Exit status: 0 when the output
    was written; with --fail-on, 1 when values are unresolved (or ambiguous).

    Example:

    \b
        $ aliasctl clean incidents.csv -c actor -o incidents.clean.csv --review review.csv
        $ aliasctl clean incidents.csv -c actor -o incidents.xlsx
        $ cut -d, -f2,3 incidents.csv | aliasctl clean - -c actor > out.csv
    """
    from ..clean import (
        CleanOptions,
        Naming,
        check_dataset,
        check_fail_on,
        clean_dataset,
        clean_file,
        is_dataset,
    )
    from ..errors import UsageError
    from ..files import registry_path
    from ..matching.cache import load_index
    from ..matching.resolver import DEFAULT_MIN_SCORE, Resolver
    from ..normalize import printable

    options = CleanOptions(
        input=input_path,
        columns=columns,
        output=output_path,
        input_format=input_format,
        output_format=output_format,
        sheet=sheet,
        encoding=encoding,
        output_encoding=output_encoding,
        delimiter=delimiter,
        naming=Naming(prefix, suffix),
        replace=replace,
        escape_formulas=escape_formulas,
        in_place=in_place,
        review=review,
        registry=str(registry_path(registry_arg(ctx))),
    )
    dataset = is_dataset(input_path)
    if engine == "dask" and not dataset:
        raise UsageError("--engine dask cleans a dataset: give a folder or a glob of files")
    if scheduler and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    index = load_index(registry_arg(ctx))
    resolver = Resolver(index, min_score=DEFAULT_MIN_SCORE if min_score is None else min_score)
    stderr = sys.stderr
    on_terminal = is_tty(stderr)
    # A bar redraws itself: never where NO_COLOR or TERM=dumb ask for plain output.
    live = output.live_display(stderr) and not quiet

    def info(line: str) -> None:
        if not quiet:
            click.echo(f"aliasctl: {printable(line)}", err=True)

    with output.clean_progress(stderr, live and engine == "local") as progress:
        if engine == "dask":
            from ..engines.dask import connect, part_mapper

            check_dataset(options)  # before a cluster is started or reached
            with connect(scheduler) as client:
                report = clean_dataset(options, resolver, map_parts=part_mapper(client), info=info)
        elif dataset:
            report = clean_dataset(options, resolver, progress=progress, info=info)
        else:
            report = clean_file(
                options,
                resolver,
                stdin=sys.stdin.buffer if sys.stdin is not None else None,  # None: the stream was closed
                stdout=sys.stdout.buffer if sys.stdout is not None else None,
                progress=progress,
                info=info,
            )
    if not quiet:
        if on_terminal:
            output.print_clean_summary(report, stderr, review)
        else:
            click.echo(output.clean_summary_text(report, review), err=True, nl=False)
    ctx.exit(EX_FINDINGS if check_fail_on(report, fail_on) else 0)
