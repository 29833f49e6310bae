"""Editing the registry: ``fmt``, ``add``, ``new``, ``rename`` and ``merge``."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..constants import ALIAS_TYPES, KINDS, ON_CONFLICT
from ..errors import EX_FINDINGS
from .options import (
    dry_run_option,
    lock_timeout_option,
    registry_arg,
)

if TYPE_CHECKING:
    from ..registry.change import Edit


def _write_target(ctx: click.Context) -> Path:
    from ..files import registry_path

    return registry_path(registry_arg(ctx))


def _apply(
    ctx: click.Context, change: Callable[[str, str], Edit], dry_run: bool, lock_timeout: float
) -> Edit:
    """Run one edit on the registry and report it: the diff on --dry-run, else what was done.

    ``change`` takes the registry's text and its path (for the locations of errors).
    """
    from ..registry.writer import update

    path = _write_target(ctx)
    spath = os.fspath(path)
    result = update(path, lambda text: change(text, spath), lock_timeout=lock_timeout, dry_run=dry_run)
    if dry_run:
        click.echo(result.diff(os.fspath(path)), nl=False)
        for line in result.report:
            click.echo(f"(dry run, nothing written) {line}", err=True)
    else:
        for line in result.report:
            click.echo(line)
    if not result.changed and not result.report and not result.conflicts:
        click.echo("nothing to change", err=True)
    return result


@click.command("fmt")
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False))
@click.option(
    "--check", is_flag=True, help="Write nothing; print the diff and exit 1 if a file is not canonical."
)
@lock_timeout_option
@click.pass_context
def fmt_cmd(ctx: click.Context, paths: tuple[str, ...], check: bool, lock_timeout: float) -> None:
    """Rewrite registry files in the canonical layout (comments are kept).

    PATHS default to the registry. Exit status with --check: 0 when every file
    is canonical, 1 otherwise.

    Example:

    \b
        $ aliasctl fmt --check data/aliases.yaml
    """
    from ..edit import fmt
    from ..registry.writer import update

    targets = [Path(p) for p in paths] or [_write_target(ctx)]
    unformatted = False
    for path in targets:
        spath = os.fspath(path)
        # Read without the lock first: --check and a file already canonical
        # write nothing, so they must not need a writable folder for the lock.
        result = update(path, partial(fmt, path=spath), lock_timeout=lock_timeout, dry_run=True)
        if not result.changed:
            continue
        if not check:
            result = update(path, partial(fmt, path=spath), lock_timeout=lock_timeout)
            if not result.changed:  # formatted by someone else in the meantime
                continue
        unformatted = True
        if check:
            click.echo(result.diff(spath), nl=False)
            click.echo(f"would reformat {spath}", err=True)
        else:
            click.echo(f"reformatted {spath}", err=True)
    ctx.exit(EX_FINDINGS if check and unformatted else 0)


@click.command("add")
@click.argument("entity_id")
@click.argument("text")
@click.option(
    "--type", "atype", type=click.Choice(ALIAS_TYPES), default=None, help="Alias type (default translit)."
)
@click.option("--lang", default=None, help="Language code of the alias (ar, fa, ps...).")
@click.option("--source", default=None, help="Where this spelling was seen (a URL).")
@click.option("--shared", is_flag=True, help="The name also belongs to another group: mark it shared.")
@dry_run_option
@lock_timeout_option
@click.pass_context
def add_cmd(
    ctx: click.Context,
    entity_id: str,
    text: str,
    atype: str | None,
    lang: str | None,
    source: str | None,
    shared: bool,
    dry_run: bool,
    lock_timeout: float,
) -> None:
    """Add the alias TEXT to the entity ENTITY_ID.

    An alias that already resolves to another entity is refused unless
    --shared is given.

    Example:

    \b
        $ aliasctl add kataib-hezbollah "Kataeb Hizbullah" --source https://example.org/report
    """
    from ..edit import add_alias

    def change(reg_text: str, path: str) -> Edit:
        return add_alias(
            reg_text, entity_id, text, atype=atype, lang=lang, source=source, shared=shared, path=path
        )

    _apply(ctx, change, dry_run, lock_timeout)


@click.command("new")
@click.argument("entity_id")
@click.option("--name", required=True, help="The preferred display name.")
@click.option(
    "--kind", type=click.Choice(KINDS), default="armed-group", show_default=True, help="What it is."
)
@click.option("--country", "countries", multiple=True, help="ISO 3166-1 alpha-2 code (repeatable).")
@click.option("--source", "sources", multiple=True, help="A source URL (repeatable).")
@click.option("--shared", is_flag=True, help="Allow a name that already resolves to another entity.")
@dry_run_option
@lock_timeout_option
@click.pass_context
def new_cmd(
    ctx: click.Context,
    entity_id: str,
    name: str,
    kind: str,
    countries: tuple[str, ...],
    sources: tuple[str, ...],
    shared: bool,
    dry_run: bool,
    lock_timeout: float,
) -> None:
    """Add a new entity ENTITY_ID at the end of the registry.

    Example:

    \b
        $ aliasctl new liwa-al-ghadab-al-jadid --name "Liwa al-Ghadab al-Jadid" --country IQ --source https://example.org/a
    """
    from ..edit import new_entity

    def change(reg_text: str, path: str) -> Edit:
        return new_entity(
            reg_text,
            entity_id,
            name,
            kind=kind,
            countries=countries,
            sources=sources,
            shared=shared,
            path=path,
        )

    _apply(ctx, change, dry_run, lock_timeout)


@click.command("rename")
@click.argument("entity_id")
@click.argument("new_id")
@dry_run_option
@lock_timeout_option
@click.pass_context
def rename_cmd(ctx: click.Context, entity_id: str, new_id: str, dry_run: bool, lock_timeout: float) -> None:
    """Change the id ENTITY_ID to NEW_ID, leaving a redirect from the old id.

    Relations and redirects that pointed at the old id are repointed.

    Example:

    \b
        $ aliasctl rename saraya-awliya-al-dam saraya-awliya-al-dam-iq
    """
    from ..edit import rename

    _apply(ctx, lambda reg_text, path: rename(reg_text, entity_id, new_id, path=path), dry_run, lock_timeout)


@click.command("merge")
@click.argument("ids", nargs=-1, metavar="[SOURCE_ID INTO_ID]")
@click.option(
    "--from",
    "other",
    type=click.Path(dir_okay=False),
    default=None,
    help="Bring in the entities and redirects of another registry file.",
)
@click.option(
    "--on-conflict",
    type=click.Choice(ON_CONFLICT),
    default=None,
    help="With --from: skip conflicting entities, keep ours, or take theirs.",
)
@click.option(
    "--include-proposed",
    is_flag=True,
    help="With --from: also bring in entries still marked proposed: true (unreviewed).",
)
@dry_run_option
@lock_timeout_option
@click.pass_context
def merge_cmd(
    ctx: click.Context,
    ids: tuple[str, ...],
    other: str | None,
    on_conflict: str | None,
    include_proposed: bool,
    dry_run: bool,
    lock_timeout: float,
) -> None:
    """Merge entity SOURCE_ID into INTO_ID, or another registry with --from.

    SOURCE_ID's name, aliases, relations, sources and countries move to
    INTO_ID; SOURCE_ID is removed and left as a redirect. With --from, conflicts
    are listed and nothing is written (exit 1) unless --on-conflict says how
    to settle them. A file with entries still marked proposed: true (not
    reviewed) is refused, exit 65, unless --include-proposed.

    Example:

    \b
        $ aliasctl merge --dry-run saraya-thawrat-al-ishrin-al-thani 1920-revolution-brigades
        $ aliasctl merge --from proposals.yaml --on-conflict ours --dry-run
    """
    from ..edit import merge, merge_from
    from ..files import read_bytes
    from ..registry.loader import decode

    if other is None:
        if len(ids) != 2:
            raise click.UsageError("give SOURCE_ID and INTO_ID, or --from OTHER.yaml")
        if on_conflict is not None or include_proposed:
            raise click.UsageError("--on-conflict and --include-proposed go with --from")
        source_id, into_id = ids
        _apply(
            ctx, lambda reg_text, path: merge(reg_text, source_id, into_id, path=path), dry_run, lock_timeout
        )
        return
    if ids:
        raise click.UsageError("give either SOURCE_ID INTO_ID or --from, not both")
    other_text = decode(read_bytes(other), other).replace("\r\n", "\n")
    result = _apply(
        ctx,
        lambda reg_text, path: merge_from(
            reg_text,
            other_text,
            on_conflict=on_conflict,
            path=path,
            other_path=other,
            include_proposed=include_proposed,
        ),
        dry_run,
        lock_timeout,
    )
    if result.conflicts and on_conflict is None:
        for conflict in result.conflicts:
            click.echo(f"conflict: {conflict}", err=True)
        click.echo(
            f"{len(result.conflicts)} conflict(s); nothing written. "
            "Choose --on-conflict skip, ours or theirs.",
            err=True,
        )
        ctx.exit(EX_FINDINGS)
