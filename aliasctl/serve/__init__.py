"""``aliasctl serve``: a W3C Entity Reconciliation service over the registry and the resolver.

OpenRefine (and any script) reconciles names against the registry over HTTP:
version 0.2 of the Reconciliation Service API at ``/reconcile``, the 1.0
draft at ``/1.0-draft``. Every answer is a library call first, testable
without HTTP; the HTTP layer (:mod:`.app`, Starlette) routes and nothing more.

Modules:
    vocab:    the service's types (registry kinds), properties and matching features.
    state:    :class:`Snapshot` (registry, resolver, suggest index from one content) and
              :class:`Service` (the file served, reloaded when its content changes).
    core:     :class:`Query` in, :class:`Scored` candidates out (:func:`reconcile`); request checks.
    suggest:  prefix completion over names and aliases in any script.
    extend:   data extension: property values, proposals.
    html:     the preview card, the entity page, the documentation page.
    v02:      the 0.2 forms: manifest, query and result batches, suggest, extension.
    v1:       the same in the 1.0 draft's forms.
    app:      the Starlette application (needs the ``serve`` extra).
    logs:     uvicorn-style text logs or JSON lines.
    server:   :func:`run`: uvicorn on a bound socket (needs the ``serve`` extra).

Example:
    >>> from aliasctl.serve import Service, Settings, v02
    >>> service = Service()                                   # the bundled registry
    >>> answer = v02.reconcile_batch(service.snapshot, {"q0": {"query": "Kataib Hizballah"}}, Settings())
    >>> answer["q0"]["result"][0]["id"], answer["q0"]["result"][0]["match"]
    ('kataib-hezbollah', True)
"""

from __future__ import annotations

from . import v02, v1
from .core import CountryCondition, Feature, Query, RequestError, Scored, Settings, reconcile
from .extend import Cell, Row, Wanted, extend, propose
from .html import docs_html, preview_html, view_html
from .server import SERVE_HINT, check_installed, is_loopback, run
from .state import Service, Snapshot, load_snapshot, snapshot_of
from .suggest import SuggestIndex, Suggestion

__all__ = [
    "SERVE_HINT",
    "Cell",
    "CountryCondition",
    "Feature",
    "Query",
    "RequestError",
    "Row",
    "Scored",
    "Service",
    "Settings",
    "Snapshot",
    "SuggestIndex",
    "Suggestion",
    "Wanted",
    "check_installed",
    "docs_html",
    "extend",
    "is_loopback",
    "load_snapshot",
    "preview_html",
    "propose",
    "reconcile",
    "run",
    "snapshot_of",
    "v02",
    "v1",
    "view_html",
]
