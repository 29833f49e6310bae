"""``aliasctl cluster`` and ``review``: from unknown names to reviewed registry entries."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import output
from ..errors import UsageError
from .options import (
    is_tty,
    lock_timeout_option,
    registry_arg,
    table_input_options,
)

if TYPE_CHECKING:
    from ..cluster.review import Action, Decision, Proposal


@click.command()
@click.argument("table", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-c", "--column", required=True, help="The column of names (a header name, or a number from 1)."
)
@click.option(
    "-o",
    "--output",
    "output_path",
    type=click.Path(dir_okay=False),
    help="Write the proposals here (default: stdout).",
)
@click.option(
    "--all", "include_all", is_flag=True, help="Cluster every value, not only those the registry misses."
)
@click.option("--force", is_flag=True, help="Overwrite an existing proposals file.")
@table_input_options
@click.option("-q", "--quiet", is_flag=True, help="No table or summary on stderr.")
@click.pass_context
def cluster(
    ctx: click.Context,
    table: str,
    column: str,
    output_path: str | None,
    include_all: bool,
    force: bool,
    input_format: str | None,
    encoding: str | None,
    delimiter: str | None,
    sheet: str | None,
    quiet: bool,
) -> None:
    """Group the names a table's column holds that the registry does not know, and propose entries.

    TABLE is any table `aliasctl clean` reads (CSV, TSV, XLSX, JSON Lines,
    Parquet; - for stdin) or the review queue that `clean --review` writes.
    Names that spell one name go together (same key, same skeleton, or a
    typo apart); each group is proposed as new aliases of a registry entity
    it nearly matches, or as a new entity. The proposals are in the registry
    format, marked `proposed: true`: go through them with `aliasctl review`,
    then apply them with `aliasctl merge --from`.

    Example:

    \b
        $ aliasctl cluster incidents.csv -c actor -o proposals.yaml
    """
    from ..cluster.grouping import cluster_values, proposals_text, read_values
    from ..files import check_outputs, registry_path, same_file
    from ..matching.cache import load_index
    from ..matching.resolver import Resolver
    from ..registry.writer import write_atomic

    # Before --force is looked at: it replaces a proposals file, never the registry.
    check_outputs([("proposals file", output_path)], [("registry in use", str(registry_path(registry_arg(ctx))))])
    if output_path and table != "-" and same_file(output_path, table):
        raise UsageError(f"the proposals file {output_path} is the input table: name another one")
    if output_path and Path(output_path).exists() and not force:
        raise UsageError(
            f"{output_path} exists: it may hold a review in progress (use --force to replace it)"
        )
    resolver = Resolver(load_index(registry_arg(ctx)))
    values = read_values(
        table,
        column,
        input_format=input_format,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
        stdin=sys.stdin.buffer if table == "-" else None,
    )
    clusters = cluster_values(values, resolver, include_resolved=include_all)
    source = "stdin" if table == "-" else os.path.basename(table)
    if values.from_review:  # rows are then the cleaned table's, not the queue's
        source = f"the table reviewed in {source}"
    text = proposals_text(clusters, resolver, source)
    if output_path:
        write_atomic(output_path, text.encode("utf-8"))
    else:
        click.echo(text, nl=False)
    if not quiet:
        if is_tty(sys.stderr):
            output.print_cluster_table(clusters, sys.stderr)
        click.echo(output.cluster_summary(len(values), clusters, output_path), err=True)


# The one-letter answers of the review prompt and the actions they stand for.
_REVIEW_KEYS: dict[str, Action] = {
    "a": "accept",
    "r": "reject",
    "i": "id",
    "n": "name",
    "s": "same-as",
    "k": "skip",
    "q": "quit",
}
_VALUE_PROMPTS = {"id": "new id", "name": "new name", "same-as": "registry id"}


def _ask(proposal: Proposal) -> Decision:
    from ..cluster.review import VALUE_ACTIONS, Decision

    try:
        key = click.prompt(
            "[a]ccept [r]eject [i]d [n]ame [s]ame-as [k]skip [q]uit",
            type=click.Choice(list(_REVIEW_KEYS)),
            show_choices=False,
        )
    except click.exceptions.Abort:
        click.echo()
        return Decision("quit")  # the end of the input: stop as if told to, every decision is saved
    action = _REVIEW_KEYS[key]
    if action in VALUE_ACTIONS:
        return Decision(action, click.prompt(_VALUE_PROMPTS[action]))
    return Decision(action)


def _show(item: Proposal | UsageError) -> None:
    if isinstance(item, UsageError):
        click.echo(output.error_line(str(item)), err=True)
    else:
        click.echo(output.proposal_card(item.entity, item.known, item.pending))


@click.command()
@click.argument("proposals", type=click.Path(dir_okay=False))
@lock_timeout_option
@click.pass_context
def review(ctx: click.Context, proposals: str, lock_timeout: float) -> None:
    """Go through a proposals file from `aliasctl cluster`, one entry at a time.

    For each entry still marked `proposed: true`: [a]ccept, [r]eject, change
    its [i]d or [n]ame, mark it the [s]ame as a registry entity (its
    spellings become that entity's aliases), s[k]ip, or [q]uit. Every
    decision is written to the file at once, so an interrupted review
    resumes where it stopped. Then apply the file with
    `aliasctl merge --from PROPOSALS`.

    Example:

    \b
        $ aliasctl review proposals.yaml
    """
    from ..cluster.review import review_proposals
    from ..files import check_outputs, registry_path
    from ..matching.cache import load_index
    from ..matching.resolver import Resolver

    # The review writes each decision into PROPOSALS: never into the registry it is checked against.
    check_outputs([("proposals file", proposals)], [("registry in use", str(registry_path(registry_arg(ctx))))])
    resolver = Resolver(load_index(registry_arg(ctx)))
    result = review_proposals(proposals, resolver, _ask, _show, lock_timeout=lock_timeout)
    click.echo(output.review_summary(result))
