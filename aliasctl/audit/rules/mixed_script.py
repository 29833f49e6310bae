"""A word that mixes scripts, such as a Cyrillic letter in a Latin name ("Hаmas").

Passing:

    aliases: [Hamas, حماس]

Failing:

    aliases: [Hаmas]          # the а is CYRILLIC SMALL LETTER A

Japanese writes kana and kanji in one word (カレン民族防衛機構), and Korean hangul and hanja:
those scripts together are one writing, not a mix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ...normalize import script_of_char
from ..context import AuditContext, Finding

ID = "AL021"
NAME = "mixed-script"
LEVEL = "error"

_WORD = re.compile(r"\w+")
_NEUTRAL = {"MODIFIER", "COMBINING", None}
#: Scripts that one language writes in one word: Japanese, Korean.
_WRITTEN_TOGETHER = (frozenset({"HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "IDEOGRAPHIC", "CJK"}), frozenset({"HANGUL", "CJK"}))


def mixed(word: str) -> tuple[str, str] | None:
    """The first two scripts a word mixes, or ``None``."""
    scripts: dict[str, str] = {}
    for ch in word:
        script = script_of_char(ch)
        if script in _NEUTRAL or script is None:
            continue
        scripts.setdefault(script, ch)
    if len(scripts) < 2 or any(scripts.keys() <= together for together in _WRITTEN_TOGETHER):
        return None
    (s1, _), (s2, c2) = list(scripts.items())[:2]
    return f"{s1.title()} and {s2.title()}", f"<U+{ord(c2):04X}> {unicodedata.name(c2, '?')}"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield names with a mixed-script word."""
    for a_i, text in enumerate(ctx.index.alias_text):
        if text.isascii():
            continue  # ASCII letters are all Latin
        for word in _WORD.findall(text):
            found = mixed(word)
            if found:
                line, col, eid = ctx.alias_marks[a_i]
                yield Finding(line, col, f"'{word}' in '{text}' mixes {found[0]} letters ({found[1]})", eid)
                break
