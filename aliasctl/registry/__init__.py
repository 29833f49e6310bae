"""The registry: its data model, the strict loader, and the locked atomic writer.

Everything that reads or writes ``aliases.yaml`` goes through this package:

* :mod:`.model`: the frozen dataclasses (``Registry``, ``Entity``, ``Alias``...),
  the vocabularies they are checked against and :func:`follow_redirects`;
* :mod:`.loader`: text to model, strictly (:func:`load_strict`, :func:`load_registry`)
  or collecting every problem for the audit (:func:`parse`);
* :mod:`.change`: the result of an edit (``Edit``, ``Conflict``);
* :mod:`.writer`: the registry's lock and its checked, atomic update;
* :mod:`.yamlrt`: the round-trip YAML the edit commands rewrite entities with.
"""

from __future__ import annotations

from .change import Conflict, Edit
from .loader import Document, decode, load_document, load_registry, load_strict, parse
from .model import (
    ALIAS_FIELDS,
    COUNTRIES,
    ENTITY_FIELDS,
    ID_RE,
    LANG_RE,
    RELATION_FIELDS,
    SCHEMA_VERSION,
    TOP_FIELDS,
    Alias,
    Entity,
    Redirect,
    Registry,
    Relation,
    as_plain,
    follow_redirects,
)
from .writer import locked, update, write_atomic

__all__ = [
    "ALIAS_FIELDS",
    "COUNTRIES",
    "ENTITY_FIELDS",
    "ID_RE",
    "LANG_RE",
    "RELATION_FIELDS",
    "SCHEMA_VERSION",
    "TOP_FIELDS",
    "Alias",
    "Conflict",
    "Document",
    "Edit",
    "Entity",
    "Redirect",
    "Registry",
    "Relation",
    "as_plain",
    "decode",
    "follow_redirects",
    "load_document",
    "load_registry",
    "load_strict",
    "locked",
    "parse",
    "update",
    "write_atomic",
]
