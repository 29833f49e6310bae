"""Leading, trailing or doubled spaces in a name.

Passing:

    aliases: ["Ansar al-Sharia"]

Failing:

    aliases: ["Ansar  al-Sharia ", " Ansar al-Sharia"]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding

ID = "AL022"
NAME = "whitespace"
LEVEL = "warning"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield names with stray spaces."""
    for a_i, text in enumerate(ctx.index.alias_text):
        what = (
            "leading or trailing spaces"
            if text != text.strip()
            else "doubled spaces"
            if "  " in text
            else None
        )
        if what:
            line, col, eid = ctx.alias_marks[a_i]
            yield Finding(line, col, f"'{text}' has {what}", eid)
