"""``aliasctl import``: an official designation list in, registry proposals out (and, with --apply, in)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..errors import UsageError
from .options import lock_timeout_option, registry_arg

if TYPE_CHECKING:
    from ..imports.propose import ImportResult
    from ..registry.change import Edit

F = TypeVar("F", bound=Callable[..., Any])


def _options(func: F) -> F:
    options = (
        click.option(
            "-o", "--output", "output_path", type=click.Path(dir_okay=False), help="Write the proposals here (default: stdout)."
        ),
        click.option(
            "--program",
            "programs",
            multiple=True,
            help="Only entries listed under this programme (SDGT, FTO, TERR, Al-Qaida, 1267...); repeatable.",
        ),
        click.option(
            "--apply",
            "apply_sure",
            is_flag=True,
            help="Merge the entries that match one registry entity without doubt into the registry now.",
        ),
        click.option("--force", is_flag=True, help="Overwrite an existing proposals file."),
        lock_timeout_option,
        click.option("-q", "--quiet", is_flag=True, help="No summary on stderr."),
    )
    for option in reversed(options):
        func = option(func)
    return func


def _run(
    ctx: click.Context,
    list_name: str,
    paths: tuple[str, ...],
    output_path: str | None,
    programs: tuple[str, ...],
    apply_sure: bool,
    force: bool,
    lock_timeout: float,
    quiet: bool,
) -> None:
    from .. import output
    from ..files import registry_path, same_file
    from ..imports import propose, read_list
    from ..matching.cache import load_index
    from ..matching.resolver import Resolver
    from ..registry.loader import load_registry
    from ..registry.writer import write_atomic

    reg_path = registry_path(registry_arg(ctx))
    if output_path:
        if any(same_file(output_path, p) for p in (*paths, os.fspath(reg_path)) if Path(p).exists()):
            raise UsageError(f"the proposals file {output_path} is an input or the registry: name another one")
        if Path(output_path).exists() and not force:
            raise UsageError(f"{output_path} exists: it may hold a review in progress (use --force to replace it)")
    list_file = read_list(list_name, paths)
    registry = load_registry(reg_path)
    result = propose(list_file, Resolver(load_index(reg_path)), registry, programs=programs)
    source = ", ".join(os.path.basename(p) for p in paths)
    applied: Edit | None = None
    if apply_sure:
        applied = _apply(result, source, reg_path, lock_timeout)
    text = result.text(source, sure=False if apply_sure else None)
    if output_path:
        write_atomic(output_path, text.encode("utf-8"))
    else:
        click.echo(text, nl=False)
    if not quiet:
        click.echo(output.import_summary(result, output_path, applied, os.fspath(reg_path)), err=True)


def _apply(result: ImportResult, source: str, reg_path: Path, lock_timeout: float) -> Edit:
    """Merge the sure proposals into the registry; any that the merge finds a conflict in go back to review."""
    from ..edit import merge_from
    from ..registry.writer import update

    spath = os.fspath(reg_path)

    def change(text: str) -> Edit:
        while True:
            sure = result.text(source, sure=True, proposed=False)
            edit = merge_from(text, sure, path=spath, other_path="(import)")
            if not edit.conflicts:
                return edit
            # The registry changed since the match, or a name clashes: a person decides.
            clashing = {c.entity for c in edit.conflicts}
            for prop in result.proposals:
                if prop.entity_id in clashing and prop.sure:
                    prop.sure = False
                    prop.notes.append(
                        "check: merge found "
                        + "; ".join(c.what for c in edit.conflicts if c.entity == prop.entity_id)
                        + "."
                    )

    return update(reg_path, change, lock_timeout=lock_timeout)


def _command(list_name: str, help_text: str, many: bool) -> click.Command:
    @click.command(name=list_name, help=help_text)
    @click.argument("files", nargs=-1 if many else 1, required=True, type=click.Path(dir_okay=False))
    @_options
    def command(files: tuple[str, ...] | str, **kwargs: Any) -> None:
        paths = (files,) if isinstance(files, str) else tuple(files)
        _run(click.get_current_context(), list_name, paths, **kwargs)

    return command


_OFAC_HELP = """Import the US Treasury's SDN list (OFAC): sdn.csv with alt.csv and add.csv, or sdn_advanced.xml.

The CSV files are told apart by their width; the weak a.k.a.s in sdn.csv's
remarks are kept and marked weak. The CSV files give no listing dates, so
only the advanced XML yields designation records.

Example:

    $ aliasctl import ofac sdn.csv alt.csv add.csv --program SDGT -o proposals.yaml
"""

_UN_HELP = """Import the UN Security Council Consolidated List (consolidated.xml).

Example:

    $ aliasctl import un consolidated.xml --program 1267 -o proposals.yaml
"""

_EU_HELP = """Import the EU consolidated financial sanctions list (its XML).

Example:

    $ aliasctl import eu export.xml --program TERR -o proposals.yaml
"""

_UK_HELP = """Import the UK Sanctions List (UK-Sanctions-List.xml).

Example:

    $ aliasctl import uk UK-Sanctions-List.xml -o proposals.yaml
"""


@click.group(name="import")
def import_group() -> None:
    """Read an official designation list and propose its organisations' names for the registry.

    Each list is read from local files in its own published layout (nothing
    is downloaded). Individuals, vessels and aircraft are skipped and
    counted. Each organisation's names (its weak or low-quality a.k.a.s
    aside) are resolved against the registry: names the matched entity lacks
    are proposed as its aliases, an organisation nothing matches as a new
    entity, each alias with the list entry it came from (`provenance`), each
    entry's listing as a designation record. The proposals are in the
    registry format, marked `proposed: true`: go through them with
    `aliasctl review`, apply them with `aliasctl merge --from`. --apply
    merges at once the entries that match one entity without doubt and
    writes only the rest as proposals.

    Example:

        $ aliasctl import un consolidated.xml --program 1267 -o proposals.yaml
    """


import_group.add_command(_command("ofac", _OFAC_HELP, True))
import_group.add_command(_command("un", _UN_HELP, False))
import_group.add_command(_command("eu", _EU_HELP, False))
import_group.add_command(_command("uk", _UK_HELP, False))

__all__ = ["import_group"]
