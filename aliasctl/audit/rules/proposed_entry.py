"""An entity still marked ``proposed: true``: a proposal nobody has reviewed.

``aliasctl cluster`` writes proposals so; ``aliasctl review`` (or deleting
the flag by hand) accepts them.

Passing:

    - {id: x, name: X, kind: front}

Failing:

    - {id: x, name: X, kind: front, proposed: true}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding

ID = "AL032"
NAME = "proposed-entry"
LEVEL = "warning"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield entities marked proposed."""
    for ent in ctx.registry.entities:
        if ent.proposed:
            line, col = ent.marks.get("proposed", (ent.line, ent.col))
            yield Finding(line, col, f"{ent.id} is still marked proposed: true (aliasctl review)", ent.id)
