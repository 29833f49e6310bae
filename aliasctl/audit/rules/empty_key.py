"""A name that normalizes to nothing, so it can only ever match exactly as written.

An error when the name has no letters or digits at all; a warning when its
script is one the normalizer cannot romanize.

Passing:

    aliases: [Kataib Hezbollah, كتائب حزب الله]

Failing:

    aliases: ["--", "'"]
"""

from __future__ import annotations

from collections.abc import Iterator

from ...normalize import acronym_key
from ..context import AuditContext, Finding

ID = "AL017"
NAME = "empty-key"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield names with an empty key."""
    idx = ctx.index
    for a_i, text in enumerate(idx.alias_text):
        acronym = idx.alias_type[a_i] == "acronym"
        if acronym_key(text) if acronym else idx.alias_key[a_i]:
            continue
        line, col, eid = ctx.alias_marks[a_i]
        if any(ch.isalnum() for ch in text):
            yield Finding(
                line,
                col,
                f"'{text}' cannot be normalized (its script is not romanized); it matches only as written",
                eid,
                "warning",
            )
        else:
            yield Finding(line, col, f"'{text}' has no letters or digits: it normalizes to nothing", eid)
