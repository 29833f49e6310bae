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

from typing import TYPE_CHECKING, Any

# Names are imported on first use: a cached lookup imports the model (for redirects) and
# must not pay for the YAML loader and the writer it does not use.
_EXPORTS = {
    "Conflict": "change",
    "Edit": "change",
    "Document": "loader",
    "decode": "loader",
    "load_document": "loader",
    "load_registry": "loader",
    "load_strict": "loader",
    "parse": "loader",
    "locked": "writer",
    "update": "writer",
    "write_atomic": "writer",
    **dict.fromkeys(
        (
            "ALIAS_FIELDS",
            "COUNTRIES",
            "ENTITY_FIELDS",
            "ID_RE",
            "LANG_RE",
            "RELATION_FIELDS",
            "SCHEMA_VERSION",
            "TOP_FIELDS",
            "Alias",
            "Entity",
            "Redirect",
            "Registry",
            "Relation",
            "as_plain",
            "follow_redirects",
        ),
        "model",
    ),
}

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'aliasctl.registry' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


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
