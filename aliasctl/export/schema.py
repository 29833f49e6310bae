"""The registry format (schema 1) as JSON Schema, built from the vocabularies the loader checks against.

Editors validate and complete ``aliases.yaml`` with it as it is typed (the
YAML language server reads a ``# yaml-language-server: $schema=...`` comment).
It says what JSON Schema can: the fields of each mapping and no others, the
required ones, the vocabularies (kinds, alias and relation types, countries,
designation lists), the forms of ids, language codes, dates and digests, and
names that are one line of text. What it cannot say (unique ids across
entities, duplicate keys, anchors and tags, a source position within the
entity's list of sources, redirects that lead to a live id) only the loader
and ``aliasctl audit`` check.
"""

from __future__ import annotations

import datetime
from typing import Any

from ..constants import ALIAS_TYPES, DESIGNATION_LISTS, KINDS, RELATION_TYPES
from ..registry.model import (
    ACTIVE_FIELDS,
    ALIAS_FIELDS,
    COUNTRIES,
    DATE_RE,
    DESIGNATION_FIELDS,
    ENTITY_FIELDS,
    FIRST_YEAR,
    ID_RE,
    ID_SCHEME_RE,
    LANG_RE,
    NAME_KINDS,
    OUTSIDE_ID_FIELDS,
    PROVENANCE_FIELDS,
    QUALITIES,
    RELATION_FIELDS,
    SCHEMA_VERSION,
    SHA256_RE,
    TOP_FIELDS,
    WIKIDATA_RE,
)

#: Where the schema says it lives (it is printed by ``aliasctl schema``, not fetched).
SCHEMA_ID = "https://aliasctl.invalid/schema/registry-1.json"
# One line of text, not blank: no control characters, line or paragraph separators.
_LINE = r"^(?!\s*$)[^\u0000-\u001f\u007f-\u009f\u2028\u2029]+$"
# Notes may run over several lines; control characters other than tab and line ends are refused.
_NOTES = r"^(?!\s*$)[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]+$"


def _obj(fields: tuple[str, ...], props: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    missing = set(fields) ^ set(props)
    if missing:  # pragma: no cover - a field added to the model and not here
        raise RuntimeError(f"the JSON Schema and the model disagree on {sorted(missing)}")
    out: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": props}
    if required:
        out["required"] = list(required)
    return out


def registry_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a registry file."""
    line = {"type": "string", "pattern": _LINE}
    entity_id = {"type": "string", "pattern": ID_RE.pattern}
    date = {"type": "string", "pattern": DATE_RE.pattern, "format": "date"}
    https = {"type": "string", "pattern": r"^https://[^\s/]+\S*$"}
    source_ref = {
        "description": "A URL, or the position (from 1) of one of the entity's sources.",
        "oneOf": [line, {"type": "integer", "minimum": 1}],
    }
    provenance = _obj(
        PROVENANCE_FIELDS,
        {
            "list": {"type": "string", "pattern": ID_RE.pattern},
            "record": line,
            "kind": {"enum": list(NAME_KINDS)},
            "quality": {"enum": list(QUALITIES)},
            "listed": date,
            "sha256": {"type": "string", "pattern": SHA256_RE.pattern},
        },
        ("list", "record"),
    )
    alias = {
        "oneOf": [
            line,
            _obj(
                ALIAS_FIELDS,
                {
                    "text": line,
                    "type": {"enum": list(ALIAS_TYPES)},
                    "lang": {"type": "string", "pattern": LANG_RE.pattern},
                    "shared": {"type": "boolean"},
                    "weak": {"type": "boolean"},
                    "source": source_ref,
                    "provenance": provenance,
                },
                ("text",),
            ),
        ]
    }
    relation = _obj(
        RELATION_FIELDS, {"type": {"enum": list(RELATION_TYPES)}, "target": entity_id}, RELATION_FIELDS
    )
    designation = _obj(
        DESIGNATION_FIELDS,
        {"list": {"enum": list(DESIGNATION_LISTS)}, "date": date, "revoked": date, "ref": line, "url": https},
        ("list", "date", "url"),
    )
    year = {"type": "integer", "minimum": FIRST_YEAR, "maximum": datetime.date.today().year}
    active = _obj(ACTIVE_FIELDS, {"from": year, "to": year, "source": source_ref})
    active["anyOf"] = [{"required": ["from"]}, {"required": ["to"]}]

    def outside_id(value: dict[str, Any]) -> dict[str, Any]:
        return {"oneOf": [value, _obj(OUTSIDE_ID_FIELDS, {"id": value, "source": source_ref}, ("id",))]}

    ids = {
        "type": "object",
        "propertyNames": {"pattern": ID_SCHEME_RE.pattern},
        "properties": {
            "wikidata": outside_id({"type": "string", "pattern": WIKIDATA_RE.pattern}),
            "ucdp": outside_id({"type": "integer", "minimum": 1}),
        },
        "additionalProperties": outside_id({"oneOf": [line, {"type": "integer"}]}),
    }
    entity = _obj(
        ENTITY_FIELDS,
        {
            "id": entity_id,
            "name": line,
            "kind": {"enum": list(KINDS)},
            "countries": {"type": "array", "items": {"enum": sorted(COUNTRIES)}},
            "ids": ids,
            "active": active,
            "aliases": {"type": "array", "items": alias},
            "relations": {"type": "array", "items": relation},
            "designations": {"type": "array", "items": designation},
            "sources": {"type": "array", "items": line},
            "notes": {"type": "string", "pattern": _NOTES},
            "audit-ignore": {"type": "array", "items": line},
            "proposed": {"type": "boolean"},
        },
        ("id", "name", "kind"),
    )
    top = _obj(
        TOP_FIELDS,
        {
            "schema": {"const": SCHEMA_VERSION},
            "entities": {"type": "array", "items": entity},
            "redirects": {
                "oneOf": [
                    {"type": "null"},
                    {"type": "object", "propertyNames": {"pattern": ID_RE.pattern}, "additionalProperties": entity_id},
                ]
            },
        },
        ("schema", "entities"),
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"aliasctl registry (schema {SCHEMA_VERSION})",
        "description": "A curated registry of armed groups and their names, as aliasctl reads it.",
        **top,
    }
