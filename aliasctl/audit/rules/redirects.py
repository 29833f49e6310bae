"""Shared by the redirect rules: follow redirects the way lookups do."""

from __future__ import annotations

from ..context import AuditContext


def walk(ctx: AuditContext, start: str) -> tuple[list[str], str]:
    """Follow redirects from ``start``.

    Returns:
        The ids passed through and how the walk ended: ``live``, ``missing`` or ``cycle``.
    """
    # Made once per audit: every redirect and every relation to a missing id walks.
    live, redirects = ctx.live_ids, ctx.redirect_map
    path = [start]
    cur = start
    while cur in redirects:
        cur = redirects[cur]
        if cur in path:
            return path, "cycle"
        path.append(cur)
    return path, "live" if cur in live else "missing"
