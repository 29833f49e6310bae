"""A redirect to an id that itself redirects: point it at the survivor directly.

Passing:

    redirects: {a: c, b: c}

Failing:

    redirects: {a: b, b: c}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding
from .redirects import walk

ID = "AL013"
NAME = "redirect-chain"
LEVEL = "warning"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield redirects that pass through another redirect."""
    for red in ctx.registry.redirects:
        path, end = walk(ctx, red.source)
        if end == "live" and len(path) > 2:
            yield Finding(
                red.line,
                red.col,
                f"redirect '{red.source}' goes through {' -> '.join(path[1:-1])}; point it at '{path[-1]}'",
            )
