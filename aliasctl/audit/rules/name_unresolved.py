"""An entity whose own name does not resolve to it.

Passing:

    - {id: hezbollah, name: Hezbollah, kind: armed-group}

Failing:

    - {id: hezbollah, name: Hezbollah, kind: armed-group}
    - {id: kataib-hezbollah, name: Kata'ib Hezbollah, kind: armed-group, aliases: [Hezbollah]}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding

ID = "AL019"
NAME = "name-unresolved"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield entities whose name resolves elsewhere or not at all."""
    resolver = ctx.resolver
    for ent in ctx.registry.entities:
        if resolver.sole_holder(ent.name) == ent.id:
            continue  # what resolve() answers, told at less cost (nearly every name)
        match = resolver.resolve(ent.name)
        if match.id == ent.id or ent.id in {c.id for c in match.candidates}:
            continue
        line, col = ent.marks.get("name", (ent.line, ent.col))
        got = f"resolves to {match.id}" if match.id else f"is {match.status}"
        yield Finding(line, col, f"the name of {ent.id}, '{ent.name}', {got}", ent.id)
