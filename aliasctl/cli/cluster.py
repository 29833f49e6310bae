"""``aliasctl cluster`` and ``review``: from unknown names to reviewed registry entries."""

from __future__ import annotations

import os
import sys
from functools import partial
from pathlib import Path
from typing import Any

import click

from .. import output
from ..constants import FORMATS
from ..errors import UsageError
from .options import (
    delimiter_callback,
    is_tty,
    lock_timeout_option,
    registry_arg,
)


@click.command()
@click.argument("table", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-c", "--column", required=True, help="The column of names (a header name, or a number from 1)."
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the proposals here (default: stdout)."
)
@click.option(
    "--all", "include_all", is_flag=True, help="Cluster every value, not only those the registry misses."
)
@click.option("--force", is_flag=True, help="Overwrite an existing proposals file.")
@click.option("--input-format", type=click.Choice(FORMATS), help="Input format (default: by extension).")
@click.option("--encoding", help="Text encoding of a CSV/TSV input (default: UTF-8, or as its BOM says).")
@click.option("--delimiter", callback=delimiter_callback, help="CSV delimiter (default: sniffed among , ; TAB |).")
@click.option("--sheet", help="XLSX sheet (default: the first).")
@click.option("-q", "--quiet", is_flag=True, help="No table or summary on stderr.")
@click.pass_context
def cluster(ctx: click.Context, /, table: str, column: str, **opts: Any) -> None:
    """Group the names a table's column holds that the registry does not know, and propose entries.

    TABLE is any table `aliasctl clean` reads (CSV, TSV, XLSX, JSON Lines,
    Parquet; - for stdin) or the review queue that `clean --review` writes.
    Names that spell one name go together (same key, same skeleton, or a
    typo apart); each group is proposed as new aliases of a registry entity
    it nearly matches, or as a new entity. The proposals are in the registry
    format, marked `proposed: true`: go through them with `aliasctl review`,
    then apply them with `aliasctl merge --from`.

    Example:

        $ aliasctl cluster incidents.csv -c actor -o proposals.yaml
    """
    from ..cluster.grouping import cluster_values, proposals_text, read_values
    from ..matching.cache import load_index
    from ..matching.resolver import Resolver
    from ..registry.writer import write_atomic
    from ..tables.tabular import same_file

    output_path = opts.pop("output", None)
    if output_path and table != "-" and same_file(output_path, table):
        raise UsageError(f"the proposals file {output_path} is the input table: name another one")
    if output_path and Path(output_path).exists() and not opts["force"]:
        raise UsageError(
            f"{output_path} exists: it may hold a review in progress (use --force to replace it)"
        )
    resolver = Resolver(load_index(registry_arg(ctx)))
    values = read_values(
        table,
        column,
        input_format=opts["input_format"],
        encoding=opts["encoding"],
        delimiter=opts["delimiter"],
        sheet=opts["sheet"],
        stdin=sys.stdin.buffer if table == "-" else None,
    )
    clusters = cluster_values(values, resolver, include_resolved=opts["include_all"])
    source = "stdin" if table == "-" else os.path.basename(table)
    if values.from_review:  # rows are then the cleaned table's, not the queue's
        source = f"the table reviewed in {source}"
    text = proposals_text(clusters, resolver, source)
    if output_path:
        write_atomic(output_path, text.encode("utf-8"))
    else:
        click.echo(text, nl=False)
    if not opts["quiet"]:
        if is_tty(sys.stderr):
            output.print_cluster_table(clusters, sys.stderr)
        click.echo(output.cluster_summary(len(values), clusters, output_path), err=True)


_REVIEW_KEYS = {
    "a": "accept",
    "r": "reject",
    "i": "id",
    "n": "name",
    "s": "same-as",
    "k": "skip",
    "q": "quit",
}


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

        $ aliasctl review proposals.yaml
    """
    from ..cluster.grouping import review_decide
    from ..files import read_bytes
    from ..matching.cache import load_index
    from ..matching.resolver import Resolver
    from ..registry.loader import decode, load_strict
    from ..registry.writer import update

    resolver = Resolver(load_index(registry_arg(ctx)))
    skipped: set[str] = set()
    decided = 0
    while True:
        reg = load_strict(decode(read_bytes(proposals), proposals), proposals)
        pending = [e for e in reg.entities if e.proposed and e.id not in skipped]
        if not pending:
            left = sum(1 for e in reg.entities if e.proposed)
            click.echo(f"{decided} decided; {left} still proposed in {proposals}")
            return
        entity = pending[0]
        known = entity.id in resolver.index.ids
        click.echo(output.proposal_card(entity, known, len(pending)))
        try:
            key = click.prompt(
                "[a]ccept [r]eject [i]d [n]ame [s]ame-as [k]skip [q]uit",
                type=click.Choice(list(_REVIEW_KEYS)),
                show_choices=False,
            )
        except click.exceptions.Abort:
            key = "q"  # the end of the input: stop as if told to, every decision is saved
            click.echo()
        action = _REVIEW_KEYS[key]
        if action == "quit":
            left = sum(1 for e in reg.entities if e.proposed)
            click.echo(f"{decided} decided; {left} still proposed in {proposals}")
            return
        if action == "skip":
            skipped.add(entity.id)
            continue
        value = None
        if action in ("id", "name", "same-as"):
            value = click.prompt({"id": "new id", "name": "new name", "same-as": "registry id"}[action])
        try:
            update(
                proposals,
                partial(
                    review_decide,
                    entity_id=entity.id,
                    action=action,
                    value=value,
                    resolver=resolver,
                    path=proposals,
                ),
                lock_timeout=lock_timeout,
            )
        except UsageError as exc:
            click.echo(output.error_line(str(exc)), err=True)
            continue
        if action in ("id", "name"):
            if action == "id" and value:
                skipped.discard(value)
            continue
        decided += 1
