"""Two entities whose names differ only in vowels: the resolver cannot tell them apart.

A query spelled between the two ("Hizbullah" for "Hezbollah" or "Hizballah")
answers *ambiguous*. Often one name is a typo for the other, or the two
entities are one group.

Passing:

    - {id: a, name: Liwa al-Hamza, kind: armed-group}
    - {id: b, name: Liwa al-Hamra, kind: armed-group}

Failing:

    - {id: a, name: Saraya al-Mukhtar, kind: armed-group}
    - {id: b, name: Saraya al-Mokhtar, kind: armed-group}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...matching.scoring import skeleton_accepts
from ..context import AuditContext, Finding
from .collisions import groups, where

ID = "AL004"
NAME = "skeleton-collision"
LEVEL = "warning"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield names that share a skeleton with another entity's name."""
    idx = ctx.index
    for members in groups(ctx, "skeleton"):
        for pos, a_i in enumerate(members):
            for b_i in members[:pos]:
                if idx.alias_entity[a_i] == idx.alias_entity[b_i]:
                    continue
                if idx.alias_key[a_i] == idx.alias_key[b_i]:
                    continue  # alias-collision reports it
                if idx.alias_shared[a_i] and idx.alias_shared[b_i]:
                    continue
                if not skeleton_accepts(idx.alias_key[a_i], idx.alias_skeleton[a_i], idx.alias_key[b_i]):
                    continue  # the resolver would not take one for the other
                line, col, eid = ctx.alias_marks[a_i]
                yield Finding(
                    line,
                    col,
                    f"'{idx.alias_text[a_i]}' of {eid} has the skeleton '{idx.alias_skeleton[a_i]}' "
                    f"of {where(ctx, b_i)}",
                    eid,
                )
                break
