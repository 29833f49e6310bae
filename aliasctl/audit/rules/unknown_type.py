"""An entity kind, alias type or relation type the format does not define.

Passing:

    kind: armed-group
    aliases: [{text: KH, type: acronym}]

Failing:

    kind: militia
    aliases: [{text: KH, type: abbreviation}]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding
from ._loader import loader_findings

ID = "AL009"
NAME = "unknown-type"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield unknown kinds and types."""
    yield from loader_findings(ctx, NAME)
