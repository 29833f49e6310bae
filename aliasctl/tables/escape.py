"""Cells a spreadsheet would run as formulas, made safe to open."""

from __future__ import annotations

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(text: str) -> str:
    """Prefix ``'`` to a cell a spreadsheet would run as a formula (``=`` ``+`` ``-`` ``@`` tab CR)."""
    return "'" + text if text.startswith(_FORMULA_START) else text

