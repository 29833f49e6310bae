"""``aliasctl export`` and ``aliasctl schema``: the registry in the formats other tools read.

* :mod:`.ftm`: FollowTheMoney ``Organization`` entities, as JSON Lines;
* :mod:`.table`: one row per name, as CSV, XLSX or JSON Lines;
* :mod:`.schema`: the registry format as JSON Schema.
"""

from __future__ import annotations

from .ftm import ftm_lines, organization, organizations
from .schema import registry_schema
from .table import COLUMNS, csv_text, jsonl_lines, rows, write_csv, write_xlsx

#: The formats of ``aliasctl export``.
FORMATS = ("ftm", "csv", "xlsx", "jsonl")

__all__ = [
    "COLUMNS",
    "FORMATS",
    "csv_text",
    "ftm_lines",
    "jsonl_lines",
    "organization",
    "organizations",
    "registry_schema",
    "rows",
    "write_csv",
    "write_xlsx",
]
