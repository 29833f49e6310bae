"""``aliasctl serve``: the reconciliation service over HTTP."""

from __future__ import annotations

import click

from .options import registry_arg


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (another than loopback logs a warning).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="TCP port (0: any free port).")
@click.option("--name", default="aliasctl", show_default=True, help="The service's name, as OpenRefine lists it.")
@click.option(
    "--batch-size",
    type=click.IntRange(1, 100_000),
    default=1000,
    show_default=True,
    help="Most queries (or ids to extend) in one request; more is refused with HTTP 413.",
)
@click.option(
    "--max-body",
    type=click.IntRange(1024),
    default=8 * 1024 * 1024,
    show_default=True,
    help="Most bytes in a request body; more is refused with HTTP 413.",
)
@click.option(
    "--watch",
    "watch_every",
    type=click.FloatRange(0),
    default=2.0,
    show_default=True,
    help="Seconds between checks of the registry file for changes (0: never reload).",
)
@click.option("--log-format", type=click.Choice(("text", "json")), default="text", show_default=True, help="Log lines as uvicorn writes them, or one JSON object a line.")
@click.option(
    "--log-level",
    type=click.Choice(("debug", "info", "warning", "error")),
    default="info",
    show_default=True,
    help="Lowest level logged.",
)
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    name: str,
    batch_size: int,
    max_body: int,
    watch_every: float,
    log_format: str,
    log_level: str,
) -> None:
    """Serve the registry as a reconciliation service (W3C Reconciliation API 0.2, for OpenRefine).

    In OpenRefine: Reconcile → Start reconciling → Add standard service, and
    give http://127.0.0.1:8000/reconcile. The 1.0 draft of the API is at
    /1.0-draft. The registry file is reloaded when it changes; a new content
    that is not valid leaves the old one serving. Ctrl-C or SIGTERM stops the
    service after the requests in flight. Needs the serve extra: pip install
    'aliasctl[serve]'.

    Example:

    \b
        $ aliasctl serve --port 8000
        $ curl -s 'http://127.0.0.1:8000/reconcile' --data-urlencode 'queries={"q0":{"query":"Kataib Hezbollah"}}'
    """
    from ..serve.core import Settings
    from ..serve.server import check_installed, run
    from ..serve.state import Service

    check_installed()
    service = Service(registry_arg(ctx))
    run(
        service,
        host=host,
        port=port,
        settings=Settings(name=name, batch_size=batch_size, max_body=max_body),
        log_format="json" if log_format == "json" else "text",
        log_level=log_level,
        watch_every=watch_every,
    )
