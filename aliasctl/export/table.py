"""The registry as a flat table: one row per name, as CSV, XLSX or JSON Lines.

Each entity gives one row for its own name (type ``name``) and one per
alias, with the entity's id, name, kind and countries repeated, so that a
spreadsheet can filter and sort names without knowing the registry format.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import IO, Any

from .. import normalize
from ..registry.model import Registry
from ..tables.escape import escape_formula

#: The columns, in order.
COLUMNS = (
    "entity_id",
    "entity_name",
    "kind",
    "countries",
    "name",
    "type",
    "language",
    "script",
    "shared",
    "weak",
    "source",
)
#: Countries are joined with this in one cell.
COUNTRY_SEPARATOR = ";"


def rows(registry: Registry) -> Iterator[dict[str, Any]]:
    """One mapping per name: the entity's own name first, then its aliases in file order."""
    for ent in registry.entities:
        base = {
            "entity_id": ent.id,
            "entity_name": ent.name,
            "kind": ent.kind,
            "countries": COUNTRY_SEPARATOR.join(ent.countries),
        }
        yield {
            **base,
            "name": ent.name,
            "type": "name",
            "language": "",
            "script": normalize.script_of(ent.name),
            "shared": False,
            "weak": False,
            "source": "",
        }
        for a in ent.aliases:
            yield {
                **base,
                "name": a.text,
                "type": a.type,
                "language": a.lang or "",
                "script": normalize.script_of(a.text),
                "shared": a.shared,
                "weak": a.weak,
                "source": ent.source_url(a.source) or "",
            }


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    # A name such as "=HYPERLINK(...)" must not run when the sheet is opened.
    return escape_formula(str(value))


def write_csv(registry: Registry, sink: IO[str]) -> None:
    """The table as CSV (RFC 4180, a header row, formulas escaped)."""
    writer = csv.writer(sink, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows(registry):
        writer.writerow([_cell(row[c]) for c in COLUMNS])


def csv_text(registry: Registry) -> str:
    """The table as CSV text."""
    buf = io.StringIO(newline="")
    write_csv(registry, buf)
    return buf.getvalue()


def jsonl_lines(registry: Registry) -> Iterator[str]:
    """The table as JSON Lines: one object per name (booleans as JSON booleans)."""
    for row in rows(registry):
        yield json.dumps({c: row[c] for c in COLUMNS}, ensure_ascii=False) + "\n"


def write_xlsx(registry: Registry, sink: IO[bytes]) -> None:
    """The table as one XLSX sheet named ``names``; text stays text, never a formula."""
    from ..tables.xlsx import XlsxWriter

    book = XlsxWriter("names")
    try:
        book.append(list(COLUMNS))
        for row in rows(registry):
            book.append([row[c] if isinstance(row[c], bool) else str(row[c]) for c in COLUMNS])
        book.save(sink)
    except BaseException:
        book.discard()
        raise
