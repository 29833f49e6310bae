"""Redirects that lead back to themselves: the old id resolves to nothing.

Passing:

    redirects: {a: c, b: c}

Failing:

    redirects: {a: b, b: a}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding
from .redirects import walk

ID = "AL014"
NAME = "redirect-cycle"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield redirects caught in a cycle."""
    for red in ctx.registry.redirects:
        path, end = walk(ctx, red.source)
        if end == "cycle":
            yield Finding(red.line, red.col, f"redirect '{red.source}' loops: {' -> '.join(path)} -> ...")
