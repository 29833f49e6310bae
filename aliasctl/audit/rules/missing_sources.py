"""An entity without sources: every alias must be a spelling seen in a cited source.

Passing:

    - {id: x, name: X, kind: front, sources: [https://example.org/x]}

Failing:

    - {id: x, name: X, kind: front}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding

ID = "AL023"
NAME = "missing-sources"
LEVEL = "warning"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield entities with no sources."""
    for ent in ctx.registry.entities:
        if not ent.sources:
            yield Finding(ent.line, ent.col, f"{ent.id} has no sources", ent.id)
