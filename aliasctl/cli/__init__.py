"""The command line: one module per command group, errors mapped to exit codes in one place (``app``).

Each command parses its options, calls one library function and hands the
result to :mod:`aliasctl.output`.
"""

from __future__ import annotations

from .app import accept_global_options, main
from .audit import audit
from .clean import clean
from .cluster import cluster, review
from .edit import add_cmd, fmt_cmd, merge_cmd, new_cmd, rename_cmd
from .export import export_cmd, schema_cmd
from .imports import import_group
from .lookup import lookup, show, stats
from .serve import serve

for _command in (
    lookup,
    show,
    stats,
    audit,
    fmt_cmd,
    add_cmd,
    new_cmd,
    rename_cmd,
    merge_cmd,
    cluster,
    review,
    clean,
    import_group,
    export_cmd,
    schema_cmd,
    serve,
):
    accept_global_options(_command)
    main.add_command(_command)


def run() -> None:  # pragma: no cover - console entry point
    """Console entry point."""
    main()


__all__ = ["main", "run"]
