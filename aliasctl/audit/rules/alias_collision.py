"""One name (after normalization) on two entities, not marked ``shared: true``.

The resolver answers *ambiguous* for such a name; if that is right, say so by
marking the alias shared on each entity that holds it.

Passing:

    - {id: ansar-al-sharia-libya, ..., aliases: [{text: Ansar al-Sharia, shared: true}]}
    - {id: ansar-al-sharia-tunisia, ..., aliases: [{text: Ansar al-Sharia, shared: true}]}

Failing:

    - {id: ansar-al-sharia-libya, ..., aliases: [Ansar al-Sharia]}
    - {id: ansar-al-sharia-tunisia, ..., aliases: [Ansar al-Sharia]}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding
from .collisions import groups, is_name, where

ID = "AL003"
NAME = "alias-collision"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield every unshared occurrence of a name that two entities hold."""
    idx = ctx.index
    for members in groups(ctx, "key"):
        names = [a for a in members if is_name(ctx, a)]
        for a_i in members:
            if idx.alias_shared[a_i] or (is_name(ctx, a_i) and len(names) < 2):
                continue
            others = [b for b in members if idx.alias_entity[b] != idx.alias_entity[a_i]]
            line, col, eid = ctx.alias_marks[a_i]
            what = "name" if is_name(ctx, a_i) else "alias"
            yield Finding(
                line,
                col,
                f"{what} '{idx.alias_text[a_i]}' of {eid} is also "
                + ", ".join(where(ctx, b) for b in others[:3])
                + ("; mark it shared: true on each" if what == "alias" else "; two entities share a name"),
                eid,
            )
