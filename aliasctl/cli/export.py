"""``aliasctl export`` and ``aliasctl schema``: the registry in other tools' formats, and its format as JSON Schema."""

from __future__ import annotations

import io
import json
import sys

import click

from ..errors import UsageError
from .options import is_tty, registry_arg


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("ftm", "csv", "xlsx", "jsonl")),
    required=True,
    help="ftm: FollowTheMoney Organization entities (JSON Lines); csv, xlsx, jsonl: one row per name.",
)
@click.option("-o", "--output", "output_path", type=click.Path(dir_okay=False), help="Write here (default: stdout).")
@click.pass_context
def export_cmd(ctx: click.Context, fmt: str, output_path: str | None) -> None:
    """Write the registry in a format other tools read.

    --format ftm writes one FollowTheMoney `Organization` per entity as JSON
    Lines (name, alias, previousName, weakAlias, country, sourceUrl, notes,
    wikidataId), which yente and the OpenSanctions tools load. --format csv,
    xlsx or jsonl writes one row per name: entity_id, entity_name, kind,
    countries, name, type (`name` for the entity's own), language, script,
    shared, weak, source.

    Example:

        $ aliasctl export --format ftm -o registry.ftm.json
    """
    from ..export import csv_text, ftm_lines, jsonl_lines, write_xlsx
    from ..registry.loader import load_registry
    from ..registry.writer import write_atomic

    registry = load_registry(registry_arg(ctx))
    if fmt == "xlsx":
        if output_path is None and is_tty(sys.stdout):
            raise UsageError("an XLSX workbook is not for the terminal: give -o FILE.xlsx")
        buf = io.BytesIO()
        write_xlsx(registry, buf)
        data = buf.getvalue()
    elif fmt == "csv":
        data = csv_text(registry).encode("utf-8")
    else:
        data = "".join(ftm_lines(registry) if fmt == "ftm" else jsonl_lines(registry)).encode("utf-8")
    if output_path:
        write_atomic(output_path, data)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


@click.command("schema")
@click.option("-o", "--output", "output_path", type=click.Path(dir_okay=False), help="Write here (default: stdout).")
def schema_cmd(output_path: str | None) -> None:
    """Print the registry format as JSON Schema, for editors that validate and complete YAML.

    Save it beside the registry and point the YAML language server at it with
    a first line `# yaml-language-server: $schema=aliases.schema.json`.

    Example:

        $ aliasctl schema -o aliases.schema.json
    """
    from ..export import registry_schema
    from ..registry.writer import write_atomic

    text = json.dumps(registry_schema(), indent=2, ensure_ascii=False) + "\n"
    if output_path:
        write_atomic(output_path, text.encode("utf-8"))
    else:
        click.echo(text, nl=False)
