"""An alias marked ``shared: true`` that no other entity holds.

``shared`` says that the name also names another group in the registry; with
no other holder (in any spelling, with or without head words) the resolver
treats the name as this entity's alone, unless every word of it is one many
groups use. Add the other group, or drop the flag.

Passing:

    - {id: a, ..., aliases: [{text: Ansar al-Sharia, shared: true}]}
    - {id: b, ..., aliases: [{text: Ansar al-Sharia, shared: true}]}

Failing:

    - {id: a, ..., aliases: [{text: Ansar Allah, shared: true}]}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding

ID = "AL035"
NAME = "stray-shared"
LEVEL = "warning"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield shared aliases the resolver treats as their entity's alone.

    The index decides (:meth:`aliasctl.matching.index.Index.from_registry`): a
    flag stands while another entity holds the name in any spelling, with or
    without head words, or while every word of it is one many groups use.
    """
    idx = ctx.index
    a_i = 0
    for ent in ctx.registry.entities:
        a_i += 1  # the display name (the first of ent.names()), which is never marked shared
        for alias in ent.aliases:
            if alias.shared and not idx.alias_shared[a_i]:
                yield Finding(
                    alias.line,
                    alias.col,
                    f"'{alias.text}' of {ent.id} is marked shared, but no other entity holds it",
                    ent.id,
                )
            a_i += 1
