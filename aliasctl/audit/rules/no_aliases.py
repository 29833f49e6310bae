"""An entity with no alias: only its display name can find it.

Add the other names its sources show. When there are none (a group known by
one name only), say so in ``notes`` and waive the rule with
``audit-ignore: [AL033]``.

Passing:

    - {id: x, name: X Front, kind: front, aliases: [Jabhat X]}

Failing:

    - {id: x, name: X Front, kind: front}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding

ID = "AL033"
NAME = "no-aliases"
LEVEL = "warning"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield entities without aliases."""
    for ent in ctx.registry.entities:
        if not ent.aliases:
            yield Finding(ent.line, ent.col, f"{ent.id} has no alias", ent.id)
