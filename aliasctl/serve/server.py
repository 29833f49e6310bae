"""Running the service: uvicorn on a socket bound here, so that a busy port is one clear error.

uvicorn stops on Ctrl-C and SIGTERM: it finishes the requests in flight,
closes the socket, then hands the signal back, so the command line ends as it
does for any interruption (exit 130 for Ctrl-C, 143 for SIGTERM).
"""

from __future__ import annotations

import ipaddress
import logging
import socket

from ..errors import UsageError
from .core import Settings
from .logs import LogFormat, log_config
from .state import Service

log = logging.getLogger("aliasctl.serve")

SERVE_HINT = "serve needs Starlette and uvicorn: pip install 'aliasctl[serve]'"


def is_loopback(host: str) -> bool:
    """Whether ``host`` is only reachable from this machine (``localhost``, ``127.0.0.0/8``, ``::1``)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def listen(host: str, port: int) -> socket.socket:
    """Bind a listening TCP socket (port 0: any free port).

    The socket is made with its protocol named (``IPPROTO_TCP``): asyncio turns
    Nagle's algorithm off only on such sockets, and without that every answer
    waits for the client's delayed acknowledgement (40 ms on Linux).

    Raises:
        UsageError: the address cannot be bound (in use, not this machine's, not allowed).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        what = exc.strerror or str(exc)
        raise UsageError(f"cannot listen on {host}:{port}: {what} (choose another address with --host or --port)") from None
    return sock


def check_installed() -> None:
    """Raise a one-line error naming the extra when Starlette or uvicorn is missing.

    Raises:
        UsageError: ``pip install 'aliasctl[serve]'`` is needed.
    """
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise UsageError(SERVE_HINT) from None


def run(
    service: Service,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    settings: Settings | None = None,
    log_format: LogFormat = "text",
    log_level: str = "info",
    watch_every: float = 2.0,
) -> None:
    """Serve ``service`` over HTTP until Ctrl-C or SIGTERM.

    Args:
        service: the registry to serve.
        host: the address to bind (a warning is logged for one that is not loopback).
        port: the TCP port (0: any free port, logged at start).
        settings: the service's name and limits.
        log_format: ``"text"`` (uvicorn's lines) or ``"json"``.
        log_level: ``debug``, ``info``, ``warning`` or ``error``.
        watch_every: seconds between checks of the registry file (0: never reload).

    Raises:
        UsageError: Starlette or uvicorn is missing, or the address cannot be bound.
    """
    check_installed()
    import uvicorn

    from .app import create_app

    app = create_app(service, settings, watch_every=watch_every)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_config=log_config(log_format, log_level),
        server_header=False,
        timeout_graceful_shutdown=10,
    )
    sock = listen(host, port)
    try:
        bound = sock.getsockname()[1]
        snapshot = service.snapshot
        if not is_loopback(host):
            log.warning(
                "listening on %s, not on loopback: anyone who can reach this machine on port %d can query "
                "the registry (use --host 127.0.0.1 to keep it local)",
                host,
                bound,
            )
        log.info(
            "aliasctl serving %s (%d entities, sha256 %s) on http://%s:%d/reconcile (Press CTRL+C to quit)",
            service.path,
            len(snapshot.registry.entities),
            snapshot.sha256[:12],
            host if ":" not in host else f"[{host}]",
            bound,
        )
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()


__all__ = ["SERVE_HINT", "check_installed", "is_loopback", "listen", "run"]
