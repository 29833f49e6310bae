"""A field the format does not know (often a typo: ``alias:`` for ``aliases:``).

Passing:

    - {id: x, name: X, kind: armed-group, aliases: [Y]}

Failing:

    - {id: x, name: X, kind: armed-group, alias: [Y]}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding
from ._loader import loader_findings

ID = "AL002"
NAME = "unknown-field"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield unknown fields."""
    yield from loader_findings(ctx, NAME)
