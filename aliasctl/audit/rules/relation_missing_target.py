"""A relation to an id that is no entity (a warning when it is an old, redirected id).

Passing:

    relations: [{type: part-of, target: popular-mobilization-forces}]

Failing:

    relations: [{type: part-of, target: popular-mobilisation-forces}]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding
from .redirects import walk

ID = "AL015"
NAME = "relation-missing-target"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield relations whose target is not a live id."""
    live = {e.id for e in ctx.registry.entities}
    for ent in ctx.registry.entities:
        for rel in ent.relations:
            if rel.target in live:
                continue
            path, end = walk(ctx, rel.target)
            if end == "live" and len(path) > 1:
                yield Finding(
                    rel.line,
                    rel.col,
                    f"relation of '{ent.id}' points at old id '{rel.target}'; use '{path[-1]}'",
                    ent.id,
                    "warning",
                )
            else:
                yield Finding(
                    rel.line,
                    rel.col,
                    f"relation of '{ent.id}' points at '{rel.target}', which is no entity",
                    ent.id,
                )
