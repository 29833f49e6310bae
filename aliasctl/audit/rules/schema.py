"""Everything the strict loader refuses that no more specific rule covers.

Tags, anchors and aliases, values of the wrong type (a name that YAML 1.1 reads
as a boolean, number or date), missing fields, empty names, bad language codes.

Passing:

    aliases: ["NO", "1920"]

Failing:

    aliases: [NO, 1920]        # read as a boolean and a number
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding
from ._loader import loader_findings

ID = "AL001"
NAME = "schema"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield the loader's generic schema problems."""
    yield from loader_findings(ctx, NAME)
