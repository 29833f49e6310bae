"""Bidi controls and invisible characters anywhere in the file (shown escaped).

They make two different names look alike, or reorder what a reviewer sees
(U+202E turns "Hamas" around on screen).

Passing:

    aliases: [Hamas]

Failing:

    aliases: ["Ha<U+200B>mas", "<U+202E>samaH"]
"""

from __future__ import annotations

from collections.abc import Iterator

from ...normalize import INVISIBLE, printable
from ..context import AuditContext, Finding

ID = "AL020"
NAME = "invisible-character"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield every format character except a leading BOM, as written or as an escape."""
    seen: set[int] = set()
    # One search of the whole text and of all names first: most files hold none.
    # (Every invisible character is beyond ASCII, and most files are ASCII: checked in no time.)
    for n, text_line in enumerate(ctx.lines if _holds_invisible(ctx.text) else (), 1):
        for m in INVISIBLE.finditer(text_line):
            if n == 1 and m.start() == 0 and m.group() == "\ufeff":
                continue
            seen.add(n)
            yield Finding(n, m.start() + 1, f"invisible character <U+{ord(m.group()):04X}> in the text")
    # A quoted "\u202e" escape is invisible in the file but not in the name.
    names = ctx.index.alias_text
    for a_i, text in enumerate(names if _holds_invisible("\n".join(names)) else ()):
        line, col, eid = ctx.alias_marks[a_i]
        hidden = INVISIBLE.search(text)
        if hidden and line not in seen:
            yield Finding(
                line, col, f"invisible character <U+{ord(hidden.group()):04X}> in '{printable(text)}'", eid
            )


def _holds_invisible(text: str) -> bool:
    return not text.isascii() and INVISIBLE.search(text) is not None
