"""aliasctl: normalize the names of militant and armed groups against a curated registry.

The public names are imported on first use, so that ``aliasctl lookup`` with a
cached index does not pay for the parts it does not need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

_EXPORTS = {
    "AliasctlError": "errors",
    "RegistryError": "errors",
    "Alias": "registry",
    "Entity": "registry",
    "Registry": "registry",
    "Relation": "registry",
    "load_registry": "registry",
    "load_index": "matching",
    "Candidate": "matching",
    "Index": "matching",
    "Match": "matching",
    "Resolver": "matching",
    "open_resolver": "matching.portable",
    "resolve_many": "matching.batch",
    "clean_rows": "clean",
    "resolve_series": "clean",
}

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
    "load_index",
    "load_registry",
    "open_resolver",
    "resolve_many",
    "resolve_series",
]

if TYPE_CHECKING:
    from .clean import clean_rows, resolve_series
    from .errors import AliasctlError, RegistryError
    from .matching.batch import resolve_many
    from .matching.index import Index
    from .matching.portable import open_resolver
    from .matching.resolver import Candidate, Match, Resolver
    from .registry.loader import load_registry
    from .registry.model import Alias, Entity, Registry, Relation


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'aliasctl' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
