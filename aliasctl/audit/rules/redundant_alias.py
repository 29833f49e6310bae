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
    first: dict[tuple[int, str], int] = {}
    for a_i, key in enumerate(idx.alias_key):
        if not key or idx.alias_type[a_i] == "acronym":
            continue
        mark = (idx.alias_entity[a_i], key)
        if mark in first:
            line, col, eid = ctx.alias_marks[a_i]
            earlier = ctx.alias_marks[first[mark]][0]
            yield Finding(
                line,
                col,
                f"'{idx.alias_text[a_i]}' normalizes like '{idx.alias_text[first[mark]]}' (line {earlier})",
                eid,
            )
        else:
            first[mark] = a_i
