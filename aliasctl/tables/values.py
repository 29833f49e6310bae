"""Cell values between formats: how a value read from one format is written in another.

A table converted while it is cleaned (CSV to XLSX, JSON Lines to Parquet...)
carries Python values from its reader to its writer. These functions say
how each is spelt in text (CSV, TSV, and Parquet, whose converted columns
are text), in JSON, and in a spreadsheet; nothing is type-inferred from text.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from decimal import Decimal
from typing import Any


class JsonNumber(str):
    """A JSON number, kept as the text it was written with (``1e5``, a 19-digit id)."""

    __slots__ = ()


class JsonLiteral(str):
    """Any other JSON value that is not a string (``true``, an object, a list), as its text."""

    __slots__ = ()


class _Missing:
    """A key a JSON Lines record does not have (unlike ``null``): left out when written back as JSON."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()

# Excel keeps 15 significant digits: a number with more is written as text, or it would change.
_SPREADSHEET_DIGITS = 15
_INTEGER = re.compile(r"-?\d+")


def _significant_digits(text: str) -> int:
    """Digits of a JSON number's mantissa, leading zeros aside (``-0.00120e5``: 3)."""
    mantissa = re.split(r"[eE]", text)[0].lstrip("-").replace(".", "").lstrip("0")
    return len(mantissa)


def _iso(value: dt.date | dt.time) -> str:
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0) and value.tzinfo is None:
            return value.date().isoformat()  # a spreadsheet date: no time of day to show
        return value.isoformat(sep=" ")
    return value.isoformat()


def _nested(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=cell_text)


def cell_text(value: Any) -> str:
    """A value as the text of a CSV or TSV cell (or of a Parquet text column).

    ``None`` (and a missing key) is empty; JSON numbers and literals keep
    their text; a spreadsheet's booleans are ``TRUE`` and ``FALSE``; a date
    is ISO 8601 (without a time of day at midnight); nested values are JSON.
    """
    if value is None or value is MISSING:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date | dt.time):
        return _iso(value)
    if isinstance(value, bytes):
        return value.hex()
    return _nested(value)


def json_text(value: Any) -> str:
    """A value as JSON text (a string, a number kept as written, ``null``...)."""
    if isinstance(value, JsonNumber | JsonLiteral):
        return str(value)
    if value is None or value is MISSING:
        return "null"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        return str(value) if math.isfinite(value) else "null"
    if isinstance(value, dt.date | dt.time | bytes):
        return json.dumps(cell_text(value), ensure_ascii=False)
    return _nested(value)


def spreadsheet_value(value: Any) -> Any:
    """A value as a spreadsheet cell takes it: numbers stay numbers unless they would lose digits.

    A number of more than 15 significant digits (a long id), a JSON object
    or list are written as text; JSON's ``true`` and ``false`` are booleans.
    """
    if value is MISSING:
        return None
    if isinstance(value, JsonNumber):
        text = str(value)
        if _significant_digits(text) > _SPREADSHEET_DIGITS:
            return text
        return int(text) if _INTEGER.fullmatch(text) else float(text)
    if isinstance(value, JsonLiteral):
        text = str(value)
        return {"true": True, "false": False}.get(text, text)
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, int) and not isinstance(value, bool) and len(str(abs(value))) > _SPREADSHEET_DIGITS:
        return str(value)
    if value is None or isinstance(value, str | bool | int | float | Decimal | dt.date | dt.time):
        return value
    return cell_text(value)


__all__ = ["MISSING", "JsonLiteral", "JsonNumber", "cell_text", "json_text", "spreadsheet_value"]
