"""An alias with the same normalized key as another name of the same entity.

The resolver finds it anyway through the other spelling; keep it only if the
exact spelling matters (it does for ``exact`` matches and for citations).

Passing:

    name: Kata'ib Hezbollah
    aliases: [Hezbollah Brigades]

Failing:

    name: Kata'ib Hezbollah
    aliases: [Kataib Hezbollah]     # same key as the name
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding

ID = "AL018"
NAME = "redundant-alias"
LEVEL = "warning"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield aliases whose key an earlier name of the same entity already has."""
    idx = ctx.index
    texts, marks = idx.alias_text, ctx.alias_marks
    first: dict[tuple[int, str], int] = {}
    for a_i, (key, kind, entity) in enumerate(zip(idx.alias_key, idx.alias_type, idx.alias_entity, strict=True)):
        if not key or kind == "acronym":
            continue
        earlier = first.setdefault((entity, key), a_i)
        if earlier != a_i:
            line, col, eid = marks[a_i]
            yield Finding(
                line,
                col,
                f"'{texts[a_i]}' normalizes like '{texts[earlier]}' (line {marks[earlier][0]})",
                eid,
            )
