"""The registry: its data model, the strict loader, and the locked atomic writer.

Everything that reads or writes ``aliases.yaml`` goes through this package.
"""

from __future__ import annotations

from .change import Conflict, Edit
from .loader import Alias, Entity, Redirect, Registry, Relation, as_plain, decode, load_registry, parse
from .writer import locked, update, write_atomic

__all__ = [
    "Alias",
    "Conflict",
    "Edit",
    "Entity",
    "Redirect",
    "Registry",
    "Relation",
    "as_plain",
    "decode",
    "load_registry",
    "locked",
    "parse",
    "update",
    "write_atomic",
]
