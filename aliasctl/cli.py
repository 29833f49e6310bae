"""The command line: thin commands over the core.

Each command parses its options, calls one core function and hands the result
to ``output``. Errors are turned into one line and an exit code in one place,
:class:`AliasctlGroup`:

    0 ok · 1 findings · 2 usage · 65 bad data · 66 input missing ·
    70 internal error · 73 cannot write · 75 locked · 141 output pipe closed
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import click

from . import __version__, output
from .errors import EX_FINDINGS, EX_SOFTWARE, AliasctlError, UsageError
from .tabular import FORMATS

F = TypeVar("F", bound=Callable[..., Any])
EX_PIPE = 141


class AliasctlGroup(click.Group):
    """Maps every error to one line on stderr and a documented exit code."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("prog_name", "aliasctl")
        debug = "--debug" in sys.argv[1:]
        try:
            rv = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("aliasctl: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(EX_PIPE)
        except AliasctlError as exc:
            if debug:
                raise
            click.echo(output.error_line(str(exc)), err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("aliasctl: interrupted", err=True)
            sys.exit(130)
        except Exception as exc:
            if debug:
                raise
            click.echo(
                output.error_line(
                    f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)"
                ),
                err=True,
            )
            sys.exit(EX_SOFTWARE)
        # With standalone_mode off, Click returns ctx.exit()'s code instead of raising.
        sys.exit(rv if isinstance(rv, int) else 0)


def _silence_stdout() -> None:
    # Python flushes stdout at exit; once the reader is gone that raises again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def format_option(choices: tuple[str, ...], help_text: str) -> Callable[[F], F]:
    """The shared ``--format`` option."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=None,
        help=help_text,
    )


min_score_option = click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=None,
    help="Lowest score accepted as a match (default 85).",
)


def registry_arg(ctx: click.Context) -> str | None:
    """The ``--registry`` given to the group, if any."""
    obj = ctx.find_root().obj or {}
    value = obj.get("registry")
    return value if isinstance(value, str) else None


def _is_tty(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@click.group(cls=AliasctlGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--registry",
    type=click.Path(dir_okay=False),
    envvar="ALIASCTL_REGISTRY",
    help="Registry file (default: $ALIASCTL_REGISTRY, else the bundled registry).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.version_option(__version__, "--version", prog_name="aliasctl")
@click.pass_context
def main(ctx: click.Context, registry: str | None, debug: bool) -> None:
    """Normalize the names of militant and armed groups against a curated registry.

    Example:

        $ aliasctl lookup "Kataib Hezbollah" "Saraya Thurat Al-Ashrin"
    """
    ctx.obj = {"registry": registry, "debug": debug}


def _names(names: tuple[str, ...]) -> Iterator[str]:
    for name in names:
        if name == "-":
            stdin = sys.stdin
            for line in stdin:
                line = line.rstrip("\r\n")
                if line.strip():
                    yield line
        else:
            yield name


@main.command()
@click.argument("names", nargs=-1, required=True)
@format_option(
    ("table", "json", "jsonl", "tsv"),
    "Output format (default: a table on a terminal, tsv otherwise).",
)
@click.option(
    "--top",
    type=click.IntRange(1, 50),
    default=5,
    show_default=True,
    help="Candidates kept for ambiguous and unresolved names.",
)
@min_score_option
@click.option("--explain", is_flag=True, help="Show every normalization step and why the winner won.")
@click.pass_context
def lookup(
    ctx: click.Context,
    names: tuple[str, ...],
    fmt: str | None,
    top: int,
    min_score: float | None,
    explain: bool,
) -> None:
    """Resolve NAMES to registry entities (use - to read one name a line from stdin).

    Exit status: 0 when every name matched, 1 when any is ambiguous or
    unresolved.

    Example:

        $ aliasctl lookup "Kata'ib Hizballah"

        $ cut -f3 names.tsv | aliasctl lookup --format jsonl -
    """
    from .cache import load_index
    from .normalize import explain as explain_steps
    from .resolver import DEFAULT_MIN_SCORE, Resolver

    index = load_index(registry_arg(ctx))
    resolver = Resolver(index, min_score=DEFAULT_MIN_SCORE if min_score is None else min_score)
    stdout = sys.stdout
    if fmt is None:
        fmt = "table" if _is_tty(stdout) else "tsv"
    failed = False
    matches = []
    explains = []
    for name in _names(names):
        match = resolver.resolve(name, top=top)
        failed = failed or match.status != "matched"
        steps = explain_steps(name) if explain else None
        if fmt == "jsonl":
            click.echo(output.lookup_jsonl_line(match, steps), nl=False)
        elif explain and fmt in ("table", "tsv"):
            click.echo(output.explain_text(match, steps or []), nl=False)
        else:
            matches.append(match)
            if steps is not None:
                explains.append(steps)
    if fmt == "json":
        click.echo(output.lookup_json(matches, explains or None), nl=False)
    elif fmt == "tsv" and not explain:
        click.echo(output.lookup_tsv(matches), nl=False)
    elif fmt == "table" and not explain:
        output.print_lookup_table(matches, stdout)
    ctx.exit(EX_FINDINGS if failed else 0)


@main.command()
@click.argument("entity_id")
@format_option(("text", "json"), "Output format.")
@click.pass_context
def show(ctx: click.Context, entity_id: str, fmt: str | None) -> None:
    """Show an entity: its name, aliases, relations and sources.

    Example:

        $ aliasctl show kataib-hezbollah
    """
    from .registry import load_registry

    registry = load_registry(registry_arg(ctx))
    entity = registry.get(entity_id)
    if entity is None:
        raise UsageError(f"no entity with id '{entity_id}' (try: aliasctl lookup '{entity_id}')")
    redirected = entity_id if entity.id != entity_id else None
    if fmt == "json":
        click.echo(output.entity_json(entity), nl=False)
    else:
        click.echo(output.entity_text(entity, redirected), nl=False)


_DELIMITER_WORDS = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


def _delimiter(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    value = _DELIMITER_WORDS.get(value.lower(), value)
    if len(value) != 1 or value in "\"\r\n":
        raise click.BadParameter("one character, or tab, comma, semicolon, pipe")
    return value


@main.command()
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
@click.option("--input-format", type=click.Choice(FORMATS), help="Input format (default: by extension).")
@click.option("--output-format", type=click.Choice(FORMATS), help="Output format (default: by extension).")
@click.option("--sheet", help="XLSX: the sheet to clean (default: the first).")
@click.option("--encoding", help="Input encoding when the file has no BOM (default utf-8).")
@click.option("--output-encoding", help="Output encoding (default: the input's).")
@click.option(
    "--delimiter",
    callback=_delimiter,
    help="CSV delimiter, instead of sniffing among , ; tab | (tab, comma, ... also accepted).",
)
@click.option("--prefix", default="", help="Prefix of the added column names.")
@click.option("--suffix", default="_", show_default=True, help="Between the column name and id/name/score/status.")
@click.option("--replace", is_flag=True, help="Overwrite existing columns that have an added column's name.")
@click.option("--escape-formulas", is_flag=True, help="Escape every written cell that a spreadsheet would run.")
@click.option("--in-place", is_flag=True, help="Write over the input file (atomically).")
@click.option("--review", type=click.Path(dir_okay=False), help="Write a CSV review queue of ambiguous and unresolved values.")
@click.option(
    "--fail-on",
    type=click.Choice(["unresolved", "ambiguous"]),
    help="Exit 1 when a value is unresolved (or, with ambiguous, ambiguous or unresolved).",
)
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
    quiet: bool,
) -> None:
    """Resolve COLUMNs of a table (CSV, TSV, XLSX, JSON Lines, Parquet) against the registry.

    Adds <col>_id, <col>_name, <col>_score and <col>_status right after each
    column and leaves every other cell as it was. INPUT may be - (stdin) for
    CSV, TSV and JSON Lines. Exit status: 0 when the output was written; with
    --fail-on, 1 when values are unresolved (or ambiguous).

    Example:

        $ aliasctl clean incidents.csv -c actor -o incidents.clean.csv --review review.csv

        $ xsv select actor,date big.csv | aliasctl clean - -c actor > out.csv
    """
    from .cache import load_index
    from .clean import CleanOptions, Naming, check_fail_on, clean_file
    from .resolver import DEFAULT_MIN_SCORE, Resolver

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
    )
    index = load_index(registry_arg(ctx))
    resolver = Resolver(index, min_score=DEFAULT_MIN_SCORE if min_score is None else min_score)
    stderr = sys.stderr
    on_terminal = _is_tty(stderr)

    def info(line: str) -> None:
        if not quiet:
            click.echo(f"aliasctl: {output.printable(line)}", err=True)

    with output.clean_progress(stderr, on_terminal and not quiet) as progress:
        report = clean_file(
            options,
            resolver,
            stdin=sys.stdin.buffer,
            stdout=sys.stdout.buffer,
            progress=progress,
            info=info,
        )
    if not quiet:
        if on_terminal:
            output.print_clean_summary(report, stderr, review)
        else:
            click.echo(output.clean_summary_text(report, review), err=True, nl=False)
    ctx.exit(EX_FINDINGS if check_fail_on(report, fail_on) else 0)


def run() -> None:  # pragma: no cover - console entry point
    """Console entry point."""
    main()


__all__ = ["main", "run"]
