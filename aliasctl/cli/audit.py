"""``aliasctl audit``: check registry files."""

from __future__ import annotations

import os
import sys

import click

from .. import output
from .._version import __version__
from ..errors import EX_FINDINGS, OutputError
from .options import (
    format_option,
    registry_arg,
)


def _patterns(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False))
@format_option(
    output.AUDIT_FORMATS,
    "Output format (default: text; github under GitHub Actions).",
)
@click.option(
    "--select",
    multiple=True,
    help="Only these rules (codes, code prefixes or names; repeat or comma-separate).",
)
@click.option("--ignore", multiple=True, help="Skip these rules (codes, code prefixes or names).")
@click.option("--strict", is_flag=True, default=None, help="Warnings fail the audit too.")
@click.option("--list-rules", is_flag=True, help="List the rules and exit.")
@click.pass_context
def audit(
    ctx: click.Context,
    paths: tuple[str, ...],
    fmt: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    strict: bool | None,
    list_rules: bool,
) -> None:
    """Check registry files for inconsistencies (default: the registry in use).

    Settings come from [tool.aliasctl.audit] in pyproject.toml or [audit] in
    .aliasctl.toml (the nearest in this folder or a parent); options override
    them. An entity can waive rules with `audit-ignore: [AL005]`.

    Exit status: 0 clean (warnings allowed unless --strict), 1 problems,
    65 a file that cannot be parsed at all.

    Example:

    \b
        $ aliasctl audit data/aliases.yaml --format parsable
    """
    from ..audit import AuditConfig, append_step_summary, rule_docs, run_audit
    from ..audit.config import find_config
    from ..files import registry_path

    if list_rules:
        click.echo(output.rules_text(list(rule_docs())), nl=False)
        return
    _, settings = find_config()
    config = AuditConfig(
        select=_patterns(select) or settings.get("select", ()),
        ignore=(*settings.get("ignore", ()), *_patterns(ignore)),
        strict=strict if strict is not None else settings.get("strict", False),
        levels=settings.get("levels", {}),
    )
    targets = list(paths) or [str(registry_path(registry_arg(ctx)))]
    report = run_audit(targets, config)
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    fmt = fmt or ("github" if github else "text")
    if fmt == "text" and output.use_color(sys.stdout):
        output.print_audit_rich(report, sys.stdout)
    else:
        click.echo(output.render_audit(report, fmt, rules=rule_docs(), version=__version__), nl=False)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if github and summary:
        try:
            append_step_summary(summary, output.audit_step_summary(report))
        except OutputError as exc:  # the report is out already: say so, and let it decide the exit code
            click.echo(output.error_line(str(exc)), err=True)
    for failure in report.failures:
        click.echo(output.error_line(str(failure)), err=True)
    if report.failures:
        ctx.exit(max(f.exit_code for f in report.failures))
    ctx.exit(EX_FINDINGS if report.failed else 0)
