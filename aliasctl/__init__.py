"""aliasctl: normalize the names of militant and armed groups against a curated registry."""

from __future__ import annotations

__version__ = "0.1.0"

from .clean import clean_rows, resolve_series
from .errors import AliasctlError, RegistryError
from .registry import Alias, Entity, Registry, Relation, load_registry
from .resolver import Candidate, Index, Match, Resolver

__all__ = [
    "Alias",
    "AliasctlError",
    "Candidate",
    "Entity",
    "Index",
    "Match",
    "Registry",
    "RegistryError",
    "Relation",
    "Resolver",
    "__version__",
    "clean_rows",
    "load_registry",
    "resolve_series",
]
