"""The HTTP layer: a Starlette application routing requests to the library functions, and nothing more.

Routes (API 0.2 at ``/reconcile``, also answered at ``/``; the 1.0 draft at ``/1.0-draft``)::

    GET  /reconcile                      the manifest
    GET  /reconcile?queries=...          reconcile (also POST, form-encoded: queries=...)
    GET  /reconcile?extend=...           data extension (also POST, form-encoded: extend=...)
    GET  /reconcile/suggest/entity       ?prefix=&cursor=  (also /suggest/type, /suggest/property)
    GET  /reconcile/preview?id=          the preview card (HTML)
    GET  /reconcile/view/{id}            the entity's page (HTML)
    GET  /reconcile/properties?type=     property proposals for data extension
    GET  /reconcile/docs                 the documentation page (HTML)
    GET  /1.0-draft                      the 1.0-draft manifest
    POST /1.0-draft/reconcile            JSON {"queries": [...]}
    POST /1.0-draft/extend               JSON {"ids": [...], "properties": [...]}
    GET  /1.0-draft/extend/propose       ?type=&limit=
    GET  /1.0-draft/suggest/entity       (also type, property), and /1.0-draft/preview?id=

Every request takes the current snapshot once and answers from it alone; the
answer carries its registry's SHA-256 in ``X-Aliasctl-Registry``. Errors are
JSON (``{"status": 400, "message": "..."}``), a 4xx for anything a client
sent, never a traceback. CORS is open to every origin, as the specification
requires; nothing the service offers writes anything.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from . import v02, v1
from .core import RequestError, Settings, check_text, count_param, decode_json, shown
from .html import CONTENT_SECURITY_POLICY, docs_html, preview_html, view_html
from .state import Service, Snapshot

log = logging.getLogger("aliasctl.serve")

#: Suggestions in one page, unless ``limit`` asks for another number (at most 50).
SUGGEST_PAGE = 10
REGISTRY_HEADER = "X-Aliasctl-Registry"
_FORM = "application/x-www-form-urlencoded"
_REASONS = {400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 413: "Content Too Large",
            415: "Unsupported Media Type", 500: "Internal Server Error"}


def error_response(status: int, message: str) -> JSONResponse:
    """A JSON error: ``{"status": ..., "error": ..., "message": ...}``."""
    return JSONResponse(
        {"status": status, "error": _REASONS.get(status, "Error"), "message": message},
        status_code=status,
    )


def _json(snapshot: Snapshot, data: Any) -> JSONResponse:
    return JSONResponse(data, headers={REGISTRY_HEADER: snapshot.sha256})


def _html(snapshot: Snapshot, text: str) -> HTMLResponse:
    return HTMLResponse(text, headers={REGISTRY_HEADER: snapshot.sha256, "Content-Security-Policy": CONTENT_SECURITY_POLICY})


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    too_big = RequestError(f"the request body is larger than this service accepts ({limit:,} bytes)", 413)
    if declared.isdigit() and int(declared) > limit:
        raise too_big
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


def _pairs(text: str, where: str) -> dict[str, str]:
    try:
        pairs = parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict", max_num_fields=50)
    except ValueError as exc:  # bad percent-encoded UTF-8, too many fields
        raise RequestError(f"the {where} cannot be read: {exc}") from None
    out: dict[str, str] = {}
    for name, value in pairs:
        if name in out:
            raise RequestError(f"'{name[:40]}' is given twice in the {where}")
        out[name] = value
    return out


def _query_params(request: Request) -> dict[str, str]:
    raw: bytes = request.scope.get("query_string", b"")
    try:
        # Percent-encoded as a browser sends it, or raw UTF-8 as some command lines do.
        return _pairs(raw.decode("utf-8"), "query string")
    except UnicodeDecodeError:
        raise RequestError("the query string is not UTF-8") from None


async def _params(request: Request, settings: Settings) -> dict[str, str]:
    """The parameters of a GET (its query string) or of a form-encoded POST (its body, and its query string)."""
    params = _query_params(request)
    if request.method == "POST":
        media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media not in ("", _FORM):
            raise RequestError(f"send the parameters form-encoded ({_FORM}), not as {media[:60]}", 415)
        body = await _body(request, settings.max_body)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise RequestError("the request body is not UTF-8") from None
        for name, value in _pairs(text, "request body").items():
            if name in params:
                raise RequestError(f"'{name[:40]}' is given both in the query string and in the body")
            params[name] = value
    return params


async def _json_body(request: Request, settings: Settings) -> object:
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media != "application/json":
        raise RequestError("send the request as JSON (application/json)", 415)
    body = await _body(request, settings.max_body)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestError("the request body is not UTF-8") from None
    return decode_json(text, "the request body")


def _endpoint(request: Request) -> str:
    return str(request.base_url).rstrip("/") + "/reconcile"


def create_app(service: Service, settings: Settings | None = None, *, watch_every: float = 0.0) -> Starlette:
    """The ASGI application of a service.

    Args:
        service: the registry being served.
        settings: the name and limits the service announces and enforces.
        watch_every: check the registry file for changes every so many seconds (0: never; a
            test or a caller may still call :meth:`Service.refresh`).
    """
    cfg = settings or Settings()

    async def reconcile_v02(request: Request) -> Response:
        snapshot = service.snapshot
        params = await _params(request, cfg)
        if "queries" in params and "extend" in params:
            raise RequestError("give either queries or extend, not both")
        if "queries" in params:
            batch = decode_json(params["queries"], "queries")
            return _json(snapshot, await run_in_threadpool(v02.reconcile_batch, snapshot, batch, cfg))
        if "extend" in params:
            query = decode_json(params["extend"], "extend")
            return _json(snapshot, await run_in_threadpool(v02.extend_batch, snapshot, query, cfg))
        if request.method == "POST":
            raise RequestError("a POST must carry queries= (reconciliation) or extend= (data extension), form-encoded")
        return _json(snapshot, v02.manifest(_endpoint(request), cfg))

    async def suggest(request: Request) -> Response:
        snapshot = service.snapshot
        what = request.path_params["what"]
        if what not in ("entity", "type", "property"):
            raise RequestError(f"no suggest service for '{what[:40]}' (entity, type, property)", 404)
        params = _query_params(request)
        prefix = params.get("prefix", "")
        cursor = count_param(params.get("cursor"), "cursor", 0)
        limit = count_param(params.get("limit"), "limit", SUGGEST_PAGE, least=1, most=50)
        return _json(snapshot, await run_in_threadpool(v02.suggest, snapshot, what, prefix, cursor, limit))

    def _entity_or_404(snapshot: Snapshot, entity_id: str | None) -> Any:
        if entity_id is None:
            raise RequestError("give the entity's id: ?id=...")
        entity = snapshot.entity(entity_id)
        if entity is None:
            raise RequestError(f"no entity with the id '{shown(entity_id, 40)}'", 404)
        return entity

    async def preview(request: Request) -> Response:
        snapshot = service.snapshot
        entity = _entity_or_404(snapshot, _query_params(request).get("id"))
        return _html(snapshot, preview_html(snapshot, entity))

    async def view(request: Request) -> Response:
        snapshot = service.snapshot
        entity = _entity_or_404(snapshot, request.path_params["entity_id"])
        return _html(snapshot, view_html(snapshot, entity))

    async def docs(request: Request) -> Response:
        snapshot = service.snapshot
        return _html(snapshot, docs_html(snapshot, cfg))

    async def properties(request: Request) -> Response:
        params = _query_params(request)
        limit = count_param(params.get("limit"), "limit", 0, least=1)
        type_id = params.get("type")
        if type_id:
            check_text(type_id, "type")
        return _json(service.snapshot, v02.proposals(type_id, limit or None))

    # -- the 1.0 draft ------------------------------------------------------

    async def manifest_v1(request: Request) -> Response:
        base = str(request.base_url).rstrip("/")
        return _json(service.snapshot, v1.manifest(f"{base}/{v1.VERSION}", _endpoint(request), cfg))

    async def reconcile_v1(request: Request) -> Response:
        snapshot = service.snapshot
        body = await _json_body(request, cfg)
        return _json(snapshot, await run_in_threadpool(v1.reconcile_batch, snapshot, body, cfg))

    async def extend_v1(request: Request) -> Response:
        snapshot = service.snapshot
        body = await _json_body(request, cfg)
        return _json(snapshot, await run_in_threadpool(v1.extend_batch, snapshot, body, cfg))

    async def root(request: Request) -> Response:
        # A browser at the root finds the documentation; a client (any parameter) the 0.2 endpoint.
        if request.method == "GET" and not request.scope.get("query_string") and "text/html" in request.headers.get(
            "accept", ""
        ):
            return RedirectResponse("/reconcile/docs", 303)
        return await reconcile_v02(request)

    routes = [
        Route("/", root, methods=["GET", "POST"]),
        Route("/reconcile", reconcile_v02, methods=["GET", "POST"]),
        Route("/reconcile/suggest/{what}", suggest, methods=["GET"]),
        Route("/reconcile/preview", preview, methods=["GET"]),
        Route("/reconcile/view/{entity_id}", view, methods=["GET"]),
        Route("/reconcile/properties", properties, methods=["GET"]),
        Route("/reconcile/docs", docs, methods=["GET"]),
        Route(f"/{v1.VERSION}", manifest_v1, methods=["GET"]),
        Route(f"/{v1.VERSION}/reconcile", reconcile_v1, methods=["POST"]),
        Route(f"/{v1.VERSION}/extend", extend_v1, methods=["POST"]),
        Route(f"/{v1.VERSION}/extend/propose", properties, methods=["GET"]),
        Route(f"/{v1.VERSION}/suggest/{{what}}", suggest, methods=["GET"]),
        Route(f"/{v1.VERSION}/preview", preview, methods=["GET"]),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        task = asyncio.create_task(_watch(service, watch_every)) if watch_every > 0 else None
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        RequestError: _request_error,
        HTTPException: _http_error,
        Exception: _internal_error,
    }
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(
                CORSMiddleware,
                allow_origins=["*"],
                allow_methods=["GET", "POST", "OPTIONS"],
                allow_headers=["*"],
                expose_headers=[REGISTRY_HEADER],
                max_age=86400,
            ),
            Middleware(_Hardened),
        ],
        exception_handlers=handlers,
        lifespan=lifespan,
    )
    app.state.service = service
    app.state.settings = cfg
    return app


async def _request_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestError)
    return error_response(exc.status, exc.message)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        message = f"no such page: {request.url.path[:80]} (the service is at /reconcile)"
    elif exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path[:80]}"
    else:
        message = str(exc.detail)
    response = error_response(exc.status_code, message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _internal_error(request: Request, exc: Exception) -> Response:
    # The server logs the traceback; the client gets one line.
    return error_response(500, "internal error: the service's log has the details")


class _Hardened:
    """Adds ``X-Content-Type-Options: nosniff`` to every response (ASGI middleware)."""

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"x-content-type-options", b"nosniff")]
            await send(message)

        await self.app(scope, receive, sending)


async def _watch(service: Service, every: float) -> None:
    """Check the registry file every ``every`` seconds; a reload happens in a worker thread."""
    while True:
        await asyncio.sleep(every)
        try:
            await run_in_threadpool(service.refresh)
        except Exception:
            log.exception("checking the registry failed")


__all__ = ["REGISTRY_HEADER", "SUGGEST_PAGE", "create_app", "error_response"]
