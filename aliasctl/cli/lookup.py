"""Reading the registry: ``lookup``, ``show`` and ``stats``."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import IO

import click

from .. import output
from ..constants import MAX_VALUE_CHARS, too_long
from ..errors import EX_FINDINGS, DataError, UsageError
from .options import (
    format_option,
    is_tty,
    min_score_option,
    registry_arg,
)


def _check_names(names: tuple[str, ...]) -> None:
    for n, name in enumerate(names, 1):
        if len(name) > MAX_VALUE_CHARS:
            raise DataError(f"name {n} of the command line is {too_long(len(name), 'name')}")


def _names(names: tuple[str, ...]) -> Iterator[str]:
    for name in names:
        if name != "-":
            yield name
            continue
        yield from _stdin_names(sys.stdin.buffer)


def _stdin_names(stdin: IO[bytes]) -> Iterator[str]:
    """One name a line, every line (a blank one too), decoded strictly as UTF-8.

    A line is read no further than it can be a name: one past the limit is an
    error before the rest of it is in memory.
    """
    # Four bytes a character at most, and a CRLF.
    most = MAX_VALUE_CHARS * 4 + 2
    n = 0
    while raw := stdin.readline(most):
        n += 1
        if len(raw) == most and not raw.endswith(b"\n"):  # the read stopped at the limit
            raise DataError(too_long(None, "name"), "-", n)
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            line = raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError as exc:
            raise DataError(
                f"not UTF-8: byte 0x{raw[exc.start]:02X} (names on stdin must be UTF-8)",
                "-",
                n,
                exc.start + 1,
            ) from None
        if len(line) > MAX_VALUE_CHARS:
            raise DataError(too_long(len(line), "name"), "-", n)
        # Every line gets its row, a blank one too (the resolver answers it
        # "unresolved, the name is empty"), so that answers stay beside their lines.
        yield line


@click.command()
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

    \b
        $ aliasctl lookup "Kata'ib Hizballah"
        $ cut -f3 names.tsv | aliasctl lookup --format jsonl -
    """
    from ..matching.cache import load_index
    from ..matching.resolver import DEFAULT_MIN_SCORE, Resolver
    from ..normalize import explain as explain_steps
    from ..provenance import provenance

    index = load_index(registry_arg(ctx))
    resolver = Resolver(index, min_score=DEFAULT_MIN_SCORE if min_score is None else min_score)
    settings = provenance(resolver.settings())
    stdout = sys.stdout
    if fmt is None:
        fmt = "table" if is_tty(stdout) else "tsv"
    _check_names(names)
    failed = False
    matches = []
    explains = []
    if fmt == "tsv" and not explain:
        click.echo(output.LOOKUP_TSV_HEADER, nl=False)
    for name in _names(names):
        match = resolver.resolve(name, top=top)
        failed = failed or match.status != "matched"
        steps = explain_steps(name) if explain else None
        # Rows go out as they are answered, so a pipeline sees them at once.
        if fmt == "jsonl":
            click.echo(output.lookup_jsonl_line(match, steps, settings), nl=False)
        elif explain and fmt in ("table", "tsv"):
            click.echo(output.explain_text(match, steps or []), nl=False)
        elif fmt == "tsv":
            click.echo(output.lookup_tsv_line(match), nl=False)
        else:
            matches.append(match)
            if steps is not None:
                explains.append(steps)
    if fmt == "json":
        click.echo(output.lookup_json(matches, explains or None, settings), nl=False)
    elif fmt == "table" and not explain:
        output.print_lookup_table(matches, stdout)
    ctx.exit(EX_FINDINGS if failed else 0)


@click.command()
@click.argument("entity_id")
@format_option(("text", "json"), "Output format.")
@click.pass_context
def show(ctx: click.Context, entity_id: str, fmt: str | None) -> None:
    """Show an entity: its name, aliases, relations and sources.

    Example:

    \b
        $ aliasctl show kataib-hezbollah
    """
    from ..registry.loader import load_registry

    registry = load_registry(registry_arg(ctx))
    entity = registry.get(entity_id)
    if entity is None:
        raise UsageError(f"no entity with id '{entity_id}' (try: aliasctl lookup '{entity_id}')")
    redirected = entity_id if entity.id != entity_id else None
    if fmt == "json":
        click.echo(output.entity_json(entity), nl=False)
    else:
        click.echo(output.entity_text(entity, redirected), nl=False)


@click.command()
@format_option(("text", "json"), "Output format.")
@click.option("--full", is_flag=True, help="List every country and every entity without a native name.")
@click.pass_context
def stats(ctx: click.Context, fmt: str | None, full: bool) -> None:
    """Count entities by kind and country, aliases by type and script, and the gaps.

    Example:

    \b
        $ aliasctl stats --format json
    """
    from ..registry.loader import load_registry
    from ..registry.stats import registry_stats

    result = registry_stats(load_registry(registry_arg(ctx)))
    if fmt == "json":
        click.echo(output.stats_json(result), nl=False)
    else:
        click.echo(output.stats_text(result, full=full), nl=False)
