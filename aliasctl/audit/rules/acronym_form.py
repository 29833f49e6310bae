"""An acronym alias that is not upper case or is longer than 8 letters.

Acronyms match only exactly, so a mistyped type (a name marked ``acronym``)
silently stops fuzzy matching for it.

Passing:

    aliases: [{text: AQAP, type: acronym}]

Failing:

    aliases: [{text: Aqap, type: acronym}, {text: HAYATTAHRIR, type: acronym}]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding

ID = "AL025"
NAME = "acronym-form"
LEVEL = "warning"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield acronyms that do not look like acronyms."""
    for ent in ctx.registry.entities:
        for alias in ent.aliases:
            if alias.type != "acronym":
                continue
            letters = [c for c in alias.text if c.isalpha()]
            if len(letters) > 8:
                yield Finding(
                    alias.line,
                    alias.col,
                    f"acronym '{alias.text}' has {len(letters)} letters (at most 8)",
                    ent.id,
                )
            elif any(c.islower() for c in letters):
                yield Finding(alias.line, alias.col, f"acronym '{alias.text}' is not upper case", ent.id)
