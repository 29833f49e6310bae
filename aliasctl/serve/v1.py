"""The 1.0 draft of the Reconciliation Service API, served under its own prefix (``/1.0-draft``).

The same answers as version 0.2 (:mod:`aliasctl.serve.v02`), in the draft's
forms: JSON request bodies, a query's name and properties as ``conditions``,
results and extension rows as lists, camelCase names in the manifest, routes
fixed relative to the endpoint (``/reconcile``, ``/suggest/entity``,
``/preview``, ``/extend``, ``/extend/propose``).
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
    type_ids,
)
from .extend import Cell, Row, Wanted, extend, property_settings, wanted
from .html import PREVIEW_HEIGHT, PREVIEW_WIDTH
from .state import Snapshot
from .vocab import FEATURES, TYPE_NAMES

VERSION = "1.0-draft"
_FEATURE_NAMES = dict(FEATURES)


def manifest(base: str, view_base: str, settings: Settings) -> dict[str, Any]:
    """The 1.0-draft manifest; ``base`` is this endpoint's URL, ``view_base`` the 0.2 endpoint's (entity pages)."""
    return {
        "versions": [VERSION],
        "name": settings.name,
        "defaultTypes": [{"id": k, "name": n} for k, n in TYPE_NAMES.items()],
        "documentation": f"{view_base}/docs",
        "serviceVersion": __version__,
        "view": {"url": f"{view_base}/view/{{id}}"},
        "featureView": {"url": f"{view_base}/docs#feature-{{id}}"},
        "preview": {"width": PREVIEW_WIDTH, "height": PREVIEW_HEIGHT},
        "suggest": {"entity": True, "type": True, "property": True},
        "extend": {
            "proposeProperties": True,
            "propertySettings": [
                {
                    "id": s["name"],
                    "name": s["label"],
                    "type": s["type"],
                    "default": s["default"],
                    "helpText": s["help_text"],
                }
                for s in property_settings()
            ],
        },
        "batchSize": settings.batch_size,
        "standardizedScore": True,
    }


def parse_queries(body: object, settings: Settings) -> list[Query]:
    """Check a 1.0-draft query batch (``{"queries": [...]}``) and read its queries.

    Raises:
        RequestError: 400 for what the draft does not allow or the service does not know; 413 for
            more queries than ``settings.batch_size``.
    """
    batch = body.get("queries") if isinstance(body, dict) else None
    if not isinstance(batch, list):
        raise RequestError('the body must be a JSON object with a "queries" list')
    if len(batch) > settings.batch_size:
        raise RequestError(
            f"the batch holds {len(batch):,} queries; this service takes at most {settings.batch_size:,} a request",
            413,
        )
    return [parse_query(q, f"query {n}") for n, q in enumerate(batch)]


def parse_query(query: object, where: str) -> Query:
    """Check one 1.0-draft query (``conditions``, ``type``, ``limit``) and read it.

    Raises:
        RequestError: 400, naming ``where``.
    """
    if not isinstance(query, dict):
        raise RequestError(f"{where} must be a JSON object with 'conditions'")
    conditions = query.get("conditions")
    if not isinstance(conditions, list) or not conditions:
        raise RequestError(f"{where}: 'conditions' must be a list of at least one condition")
    text: str | None = None
    if isinstance(query.get("type"), list):
        raise RequestError(f"{where}: 'type' is one type id in this version")
    types = type_ids(query["type"], where) if query.get("type") is not None else frozenset()
    limit = query_limit(query["limit"], where) if query.get("limit") is not None else None
    countries = []
    type_required = False
    for n, cond in enumerate(conditions):
        at = f"{where}, condition {n}"
        if not isinstance(cond, dict):
            raise RequestError(f"{at} must be a JSON object")
        value = cond.get("propertyValue", cond.get("v"))
        if value is None:
            raise RequestError(f"{at} needs a 'propertyValue'")
        if cond.get("matchQualifier") is not None:
            raise RequestError(f"{at}: this service supports no matchQualifier")
        quantifier = cond.get("matchQuantifier", "any")
        if quantifier not in ("any", "all", "none"):
            raise RequestError(f"{at}: matchQuantifier must be \"any\", \"all\" or \"none\"")
        required = cond.get("required", False)
        if not isinstance(required, bool):
            raise RequestError(f"{at}: 'required' must be true or false")
        match_type = cond.get("matchType")
        if match_type == "name":
            if text is not None:
                raise RequestError(f"{at}: a query takes one name condition")
            if not isinstance(value, str):
                raise RequestError(f"{at}: a name must be a string")
            text = check_text(value, at)
        elif match_type == "property":
            pid = query_property(cond.get("propertyId", cond.get("pid")), at)
            values = property_values(value, f"{at}, property '{pid}'")
            if pid == "country":
                codes = country_codes(values, f"{at}, property 'country'")
                if codes:
                    countries.append(CountryCondition(codes, quantifier, required))
            elif any(v.strip() for v in values):
                types |= type_ids([v.strip() for v in values if v.strip()], f"{at}, property 'kind'")
                type_required = type_required or required
        else:
            raise RequestError(f"{at}: matchType must be \"name\" or \"property\"")
    return Query(text, types, limit, tuple(countries), type_required)


def candidate(scored: Scored) -> dict[str, Any]:
    """One reconciliation candidate as the 1.0 draft writes it (features have names)."""
    kind = scored.entity.kind
    type_name = TYPE_NAMES.get(kind, kind)
    return {
        "id": scored.entity.id,
        "name": scored.entity.name,
        "description": scored.description(type_name),
        "type": [{"id": kind, "name": type_name}],
        "score": round(scored.score, 1),
        "match": scored.match,
        "features": [{"id": f.id, "name": _feature_name(f.id), "value": f.value} for f in scored.features],
    }


def _feature_name(feature_id: str) -> str:
    if feature_id in _FEATURE_NAMES:
        return _FEATURE_NAMES[feature_id]
    head = feature_id.split("_", 1)[0]
    return _FEATURE_NAMES.get(f"{head}_*", feature_id)


def reconcile_batch(snapshot: Snapshot, body: object, settings: Settings) -> dict[str, Any]:
    """Answer a 1.0-draft query batch with ``{"results": [{"candidates": [...]}, ...]}``, in order.

    Raises:
        RequestError: see :func:`parse_queries`.
    """
    answers = reconcile(snapshot, parse_queries(body, settings))
    return {"results": [{"candidates": [candidate(s) for s in a]} for a in answers]}


def parse_extend(body: object, settings: Settings) -> tuple[list[str], list[Wanted]]:
    """Check a 1.0-draft data extension query and read it.

    Raises:
        RequestError: 400 for a malformed query, an unknown property or setting; 413 for more ids
            than ``settings.batch_size``.
    """
    if not isinstance(body, dict):
        raise RequestError("the body must be a JSON object with 'ids' and 'properties'")
    ids = body.get("ids")
    props = body.get("properties")
    if not isinstance(ids, list) or not all(isinstance(i, str) and i for i in ids):
        raise RequestError("'ids' must be a list of entity ids (non-empty strings)")
    if len(ids) > settings.batch_size:
        raise RequestError(
            f"the query asks for {len(ids):,} ids; this service takes at most {settings.batch_size:,} a request", 413
        )
    if not isinstance(props, list) or not all(isinstance(p, dict) for p in props):
        raise RequestError("'properties' must be a list of objects with an 'id'")
    return ids, [wanted(p.get("id"), p.get("settings"), f"property {n}") for n, p in enumerate(props)]


def cell(value: Cell) -> dict[str, Any]:
    """A value as the 1.0 draft writes it: ``{"str": ..., "lang": ...}`` or ``{"id": ..., "name": ...}``."""
    if value.id is not None:
        return {"id": value.id, "name": value.name}
    return {"str": value.text, "lang": value.lang} if value.lang else {"str": value.text}


def extend_response(rows: list[Row], wants: list[Wanted]) -> dict[str, Any]:
    """A 1.0-draft extension response: ``meta``, then one row per id with one entry per property."""
    return {
        "meta": [{"id": w.property.id, "name": w.property.name} for w in wants],
        "rows": [
            {
                "id": r.id,
                "properties": [{"id": pid, "values": [cell(c) for c in cells]} for pid, cells in r.values.items()],
            }
            for r in rows
        ],
    }


def extend_batch(snapshot: Snapshot, body: object, settings: Settings) -> dict[str, Any]:
    """Answer a 1.0-draft data extension query.

    Raises:
        RequestError: see :func:`parse_extend`; 404 for an id that names no entity.
    """
    ids, wants = parse_extend(body, settings)
    return extend_response(extend(snapshot, ids, wants), wants)


__all__ = ["VERSION", "extend_batch", "manifest", "parse_extend", "parse_queries", "reconcile_batch"]
