"""Version 0.2 of the Reconciliation Service API (the Community Group's final report; what OpenRefine speaks).

Plain data in, plain data out: each function takes what the request carried,
already decoded from JSON, and returns what the response holds. The router
(:mod:`aliasctl.serve.app`) only moves them over HTTP.

The endpoint (``/reconcile``) answers a GET without parameters with the
manifest, ``queries`` (form-encoded POST, or GET) with a result batch and
``extend`` with the values of properties; suggest, preview, entity pages,
property proposals and the documentation page hang below it.
"""

from __future__ import annotations

from typing import Any

from .._version import __version__
from .core import (
    CountryCondition,
    Query,
    RequestError,
    Scored,
    Settings,
    check_text,
    country_codes,
    property_values,
    query_limit,
    query_property,
    reconcile,
    shown,
    type_ids,
)
from .extend import Cell, Row, Wanted, extend, property_settings, propose, wanted
from .html import PREVIEW_HEIGHT, PREVIEW_WIDTH
from .state import Snapshot
from .suggest import Suggestion, suggest_properties, suggest_types
from .vocab import PROPERTIES, TYPE_NAMES

VERSION = "0.2"
#: Where the ids live, and what they are: fixed, so that every aliasctl service over the same
#: registry is one identifier space wherever it runs.
IDENTIFIER_SPACE = "urn:aliasctl:entity:"
SCHEMA_SPACE = "urn:aliasctl:type:armed-group"
def manifest(base: str, settings: Settings) -> dict[str, Any]:
    """The service manifest, its URLs below ``base`` (the endpoint's URL, without a final slash)."""
    return {
        "versions": [VERSION],
        "name": settings.name,
        "identifierSpace": IDENTIFIER_SPACE,
        "schemaSpace": SCHEMA_SPACE,
        "defaultTypes": [{"id": k, "name": n} for k, n in TYPE_NAMES.items()],
        "documentation": f"{base}/docs",
        "serviceVersion": __version__,
        "view": {"url": f"{base}/view/{{{{id}}}}"},
        "feature_view": {"url": f"{base}/docs#feature-{{{{id}}}}"},
        "preview": {"url": f"{base}/preview?id={{{{id}}}}", "width": PREVIEW_WIDTH, "height": PREVIEW_HEIGHT},
        "suggest": {
            what: {"service_url": base, "service_path": f"/suggest/{what}"} for what in ("entity", "type", "property")
        },
        "extend": {
            "propose_properties": {"service_url": base, "service_path": "/properties"},
            "property_settings": property_settings(),
        },
        "batchSize": settings.batch_size,
    }


def parse_queries(batch: object, settings: Settings) -> tuple[list[str], list[Query]]:
    """Check a reconciliation query batch (a JSON object of queries by key) and read its queries.

    Raises:
        RequestError: 400 for a batch or a query the specification does not allow, or that names
            an unknown type or property; 413 for more queries than ``settings.batch_size``.
    """
    if not isinstance(batch, dict):
        raise RequestError("queries must be a JSON object holding each query under a key, such as {\"q0\": {\"query\": \"Hezbollah\"}}")
    if len(batch) > settings.batch_size:
        raise RequestError(
            f"the batch holds {len(batch):,} queries; this service takes at most {settings.batch_size:,} a request",
            413,
        )
    keys = list(batch)
    return keys, [parse_query(batch[k], f"query '{shown(k, 40)}'") for k in keys]


def parse_query(query: object, where: str) -> Query:
    """Check one reconciliation query and read it.

    Raises:
        RequestError: 400, naming ``where``.
    """
    if not isinstance(query, dict):
        raise RequestError(f"{where} must be a JSON object with a 'query' field")
    text = query.get("query")
    if text is not None and not isinstance(text, str):
        raise RequestError(f"{where}: 'query' must be a string")
    if text is not None:
        check_text(text, where)
    types = type_ids(query["type"], where) if query.get("type") not in (None, "", []) else frozenset()
    limit = query_limit(query["limit"], where) if query.get("limit") is not None else None
    props = query.get("properties")
    if props is None:
        props = []
    if not isinstance(props, list):
        raise RequestError(f"{where}: 'properties' must be a list of objects with 'pid' and 'v'")
    countries = []
    for prop in props:
        if not isinstance(prop, dict) or "v" not in prop:
            raise RequestError(f"{where}: each property must be an object with 'pid' and 'v'")
        pid = query_property(prop.get("pid"), where)
        values = property_values(prop["v"], f"{where}, property '{pid}'")
        if pid == "country":
            codes = country_codes(values, f"{where}, property 'country'")
            if codes:
                countries.append(CountryCondition(codes))
        elif any(v.strip() for v in values):
            types |= type_ids([v.strip() for v in values if v.strip()], f"{where}, property 'kind'")
    if text is None and not props:
        raise RequestError(f"{where} needs a 'query' (a name) or 'properties'")
    strict = query.get("type_strict")
    if strict is not None and strict not in ("should", "all", "any"):
        raise RequestError(f"{where}: type_strict must be \"should\", \"all\" or \"any\"")
    return Query(text, types, limit, tuple(countries))


def candidate(scored: Scored) -> dict[str, Any]:
    """One reconciliation candidate as version 0.2 writes it."""
    kind = scored.entity.kind
    type_name = TYPE_NAMES.get(kind, kind)
    return {
        "id": scored.entity.id,
        "name": scored.entity.name,
        "description": scored.description(type_name),
        "type": [{"id": kind, "name": type_name}],
        "score": round(scored.score, 1),
        "match": scored.match,
        "features": [{"id": f.id, "value": f.value} for f in scored.features],
    }


def reconcile_batch(snapshot: Snapshot, batch: object, settings: Settings) -> dict[str, Any]:
    """Answer a reconciliation query batch with a reconciliation result batch (same keys).

    Raises:
        RequestError: see :func:`parse_queries`.
    """
    keys, queries = parse_queries(batch, settings)
    answers = reconcile(snapshot, queries)
    return {k: {"result": [candidate(s) for s in a]} for k, a in zip(keys, answers, strict=True)}


def page(items: list[Any], cursor: int, limit: int) -> list[Any]:
    """The slice of suggestions a cursor and a page size ask for."""
    return items[cursor : cursor + limit]


def suggest_entity(hit: Suggestion) -> dict[str, Any]:
    """One entity suggestion: id, name, a description that disambiguates, and its type as notable."""
    entity = hit.entity
    type_name = TYPE_NAMES.get(entity.kind, entity.kind)
    parts = [type_name]
    if entity.countries:
        parts.append(", ".join(entity.countries))
    if hit.text not in (entity.name, entity.id):
        parts.append(f"“{hit.text}”")
    return {
        "id": entity.id,
        "name": entity.name,
        "description": " · ".join(parts),
        "notable": [{"id": entity.kind, "name": type_name}],
    }


def suggest(snapshot: Snapshot, what: str, prefix: str, cursor: int, limit: int) -> dict[str, Any]:
    """A suggest response for entities, types or properties.

    Raises:
        RequestError: 400 for a prefix with control or bidi-control characters, or too long.
    """
    check_text(prefix, "prefix")
    if what == "entity":
        return {"result": [suggest_entity(h) for h in page(snapshot.suggest.search(prefix), cursor, limit)]}
    if what == "type":
        return {"result": [{"id": k, "name": n} for k, n in page(suggest_types(prefix), cursor, limit)]}
    return {
        "result": [
            {"id": p.id, "name": p.name, "description": p.description}
            for p in page(suggest_properties(prefix), cursor, limit)
        ]
    }


def parse_extend(query: object, settings: Settings) -> tuple[list[str], list[Wanted]]:
    """Check a data extension query (``ids`` and ``properties``) and read it.

    Raises:
        RequestError: 400 for a malformed query, an unknown property or setting; 413 for more ids
            than ``settings.batch_size``.
    """
    if not isinstance(query, dict):
        raise RequestError("extend must be a JSON object with 'ids' and 'properties'")
    ids = query.get("ids")
    props = query.get("properties")
    if not isinstance(ids, list) or not all(isinstance(i, str) and i for i in ids):
        raise RequestError("extend: 'ids' must be a list of entity ids (non-empty strings)")
    if len(ids) > settings.batch_size:
        raise RequestError(
            f"extend asks for {len(ids):,} ids; this service takes at most {settings.batch_size:,} a request", 413
        )
    if not isinstance(props, list) or not all(isinstance(p, dict) for p in props):
        raise RequestError("extend: 'properties' must be a list of objects with an 'id'")
    wants = [wanted(p.get("id"), p.get("settings"), f"extend, property {n + 1}") for n, p in enumerate(props)]
    return ids, wants


def cell(value: Cell) -> dict[str, Any]:
    """A value as version 0.2 writes it: ``{"str": ...}`` or ``{"id": ..., "name": ...}``."""
    if value.id is not None:
        return {"id": value.id, "name": value.name}
    return {"str": value.text}


def extend_response(rows: list[Row], wants: list[Wanted]) -> dict[str, Any]:
    """A data extension response: ``meta`` in the order asked, ``rows`` by the ids asked."""
    return {
        "meta": [{"id": w.property.id, "name": w.property.name} for w in wants],
        "rows": {r.id: {pid: [cell(c) for c in cells] for pid, cells in r.values.items()} for r in rows},
    }


def extend_batch(snapshot: Snapshot, query: object, settings: Settings) -> dict[str, Any]:
    """Answer a data extension query.

    Raises:
        RequestError: see :func:`parse_extend`; 404 for an id that names no entity.
    """
    ids, wants = parse_extend(query, settings)
    return extend_response(extend(snapshot, ids, wants), wants)


def proposals(type_id: str | None, limit: int | None) -> dict[str, Any]:
    """A data extension property proposal response for a type.

    Raises:
        RequestError: 400 for an unknown type.
    """
    props = propose(type_id)
    out: dict[str, Any] = {
        "type": type_id or "",
        "properties": [{"id": p.id, "name": p.name} for p in (props[:limit] if limit else props)],
    }
    if limit:
        out["limit"] = limit
    return out


__all__ = [
    "IDENTIFIER_SPACE",
    "PROPERTIES",
    "SCHEMA_SPACE",
    "VERSION",
    "extend_batch",
    "manifest",
    "parse_extend",
    "parse_queries",
    "proposals",
    "reconcile_batch",
    "suggest",
]
