"""An entity related to itself.

Passing:

    - id: kataib-hezbollah
      relations: [{type: part-of, target: popular-mobilization-forces}]

Failing:

    - id: kataib-hezbollah
      relations: [{type: part-of, target: kataib-hezbollah}]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding

ID = "AL016"
NAME = "relation-to-self"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield relations from an entity to itself."""
    for ent in ctx.registry.entities:
        for rel in ent.relations:
            if rel.target == ent.id:
                yield Finding(rel.line, rel.col, f"'{ent.id}' is related to itself ({rel.type})", ent.id)
