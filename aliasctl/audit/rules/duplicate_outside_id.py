"""One outside id on two entities: a dataset joined on it would merge two groups.

Passing:

    - {id: hamas, ..., ids: {wikidata: Q1234}}
    - {id: hamas-of-iraq, ..., ids: {wikidata: Q5678}}

Failing:

    - {id: hamas, ..., ids: {wikidata: Q1234}}
    - {id: hamas-of-iraq, ..., ids: {wikidata: Q1234}}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding

ID = "AL030"
NAME = "duplicate-outside-id"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield every use of an id after its first."""
    first: dict[tuple[str, str], tuple[str, int]] = {}
    for ent in ctx.registry.entities:
        for oid in ent.ids:
            key = (oid.scheme, str(oid.value))
            if key in first and first[key][0] != ent.id:
                other, line = first[key]
                yield Finding(
                    oid.line,
                    oid.col,
                    f"{oid.scheme} id {oid.value} of {ent.id} is also the id of {other} (line {line})",
                    ent.id,
                )
            else:
                first.setdefault(key, (ent.id, oid.line))
