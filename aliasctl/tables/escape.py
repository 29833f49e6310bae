"""Cells a spreadsheet would run as formulas, made safe to open."""

from __future__ import annotations

import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# A number as a spreadsheet reads one (-3, +1.5, -.5, 1e-5, -12%), or several
# separated by commas or semicolons (coordinates such as "-3.5, 12.1"): data
# that starts with a sign, not a formula. Nothing in it can name a cell or call
# a function, and operators other than a leading sign are not allowed, so
# "-3+2" is still escaped.
_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?"
_NUMBERS = re.compile(rf"{_NUMBER}(?:\s*[,;]\s*{_NUMBER})*")


def escape_formula(text: str) -> str:
    """Prefix ``'`` to a cell a spreadsheet would run as a formula (``=`` ``+`` ``-`` ``@`` tab CR).

    A number, negative or signed, or a list of numbers (``-3.5, 12.1``) is
    left alone: it is not a formula, and an escaped one would stop being a
    number.
    """
    if not text.startswith(_FORMULA_START):
        return text
    if text[0] in "+-" and _NUMBERS.fullmatch(text):
        return text
    return "'" + text
