"""A redirect that ends at no live entity: the old id resolves to nothing.

Passing:

    redirects: {old-kh: kataib-hezbollah}    # kataib-hezbollah is an entity

Failing:

    redirects: {old-kh: kataib-hezbolah}     # no such entity
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding
from .redirects import walk

ID = "AL012"
NAME = "redirect-missing-target"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield redirects to missing ids."""
    for red in ctx.registry.redirects:
        path, end = walk(ctx, red.source)
        if end == "missing":
            yield Finding(
                red.line, red.col, f"redirect '{red.source}' ends at '{path[-1]}', which is no entity"
            )
