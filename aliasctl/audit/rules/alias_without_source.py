"""An alias that cites no page: nobody can check where the spelling was seen.

Give each alias the page that shows that exact spelling: its URL, or the
position (from 1) of one of the entity's ``sources``.

Passing:

    aliases:
      - {text: Kataib Hezbollah, source: 1}
      - {text: Hezbollah Brigades, type: translation, source: https://example.org/kh}
    sources: [https://example.org/kh-profile]

Failing:

    aliases:
      - Kataib Hezbollah
    sources: [https://example.org/kh-profile]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding

ID = "AL026"
NAME = "alias-without-source"
LEVEL = "warning"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield aliases without ``source``."""
    for ent in ctx.registry.entities:
        for alias in ent.aliases:
            if alias.source is None:
                yield Finding(alias.line, alias.col, f"'{alias.text}' of {ent.id} cites no source", ent.id)
