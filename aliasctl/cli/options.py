"""Options shared by several commands, declared once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..constants import DEFAULT_LOCK_TIMEOUT, DELIMITER_NAMES, FORMATS

F = TypeVar("F", bound=Callable[..., Any])


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


def is_tty(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def lock_timeout_option(func: F) -> F:
    """The shared ``--lock-timeout`` option of the commands that write."""
    return click.option(
        "--lock-timeout",
        type=click.FloatRange(0),
        default=DEFAULT_LOCK_TIMEOUT,
        show_default=True,
        help="Seconds to wait for another writer's lock (then exit 75).",
    )(func)


def dry_run_option(func: F) -> F:
    """The shared ``--dry-run`` option: print the diff, write nothing."""
    return click.option("--dry-run", is_flag=True, help="Print the unified diff instead of writing.")(func)


# A delimiter may be named (tab, comma, ...) or, for a tab, written as an escape.
_DELIMITER_WORDS = {name: d for d, name in DELIMITER_NAMES.items()} | {"\\t": "\t"}


def delimiter_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Turn ``--delimiter`` into one character, taking the names of the usual ones."""
    if value is None:
        return None
    value = _DELIMITER_WORDS.get(value.lower(), value)
    if len(value) != 1 or value in '"\r\n':
        raise click.BadParameter("one character, or tab, comma, semicolon, pipe")
    return value


def table_input_options(func: F) -> F:
    """The options that say how to read an input table: ``--input-format``, ``--encoding``, ``--delimiter``, ``--sheet``.

    The command receives them as ``input_format``, ``encoding``, ``delimiter`` and ``sheet``.
    """
    options = (
        click.option("--input-format", type=click.Choice(FORMATS), help="Input format (default: by extension)."),
        click.option("--encoding", help="Input encoding when the file has no BOM (default utf-8)."),
        click.option(
            "--delimiter",
            callback=delimiter_callback,
            help="CSV delimiter, instead of sniffing among , ; tab | (tab, comma, ... also accepted).",
        ),
        click.option("--sheet", help="XLSX: the sheet to read (default: the first)."),
    )
    for option in reversed(options):
        func = option(func)
    return func
