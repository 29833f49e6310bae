"""Matching: the compiled index, the resolver's stages and scores, and the index cache."""

from __future__ import annotations

from .cache import load_index
from .index import Index
from .resolver import (
    AMBIGUOUS,
    DEFAULT_MIN_SCORE,
    DEFAULT_TOP,
    MATCHED,
    UNRESOLVED,
    Candidate,
    Match,
    Resolver,
    Status,
)

__all__ = [
    "AMBIGUOUS",
    "DEFAULT_MIN_SCORE",
    "DEFAULT_TOP",
    "MATCHED",
    "UNRESOLVED",
    "Candidate",
    "Index",
    "Match",
    "Resolver",
    "Status",
    "load_index",
]
