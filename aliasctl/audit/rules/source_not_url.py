"""A source that is not an http or https URL with a host: nobody can open it.

Passing:

    sources: [https://en.wikipedia.org/wiki/Hamas]

Failing:

    sources: [en.wikipedia.org/wiki/Hamas, "Hamas charter, 1988"]
"""

from __future__ import annotations

from collections.abc import Iterator

from ...registry.model import Entity
from ...registry.sources import host_of
from ..context import AuditContext, Finding

ID = "AL028"
NAME = "source-not-url"
LEVEL = "warning"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield sources (of entities and of aliases) that do not parse as web addresses."""
    for ent in ctx.registry.entities:
        # The place of a source is looked up only for one that is not a URL (nearly none).
        for i, src in enumerate(ent.sources):
            if host_of(src) is None:
                yield _finding(ent, src, *ent.source_mark(i))
        cited = [(a.source, a.line, a.col) for a in ent.aliases if isinstance(a.source, str)]
        cited += [(i.source, i.line, i.col) for i in ent.ids if isinstance(i.source, str)]
        if ent.active is not None and isinstance(ent.active.source, str):
            cited.append((ent.active.source, ent.active.line, ent.active.col))
        for url, line, col in cited:
            if host_of(url) is None:
                yield _finding(ent, url, line, col)


def _finding(ent: Entity, url: str, line: int, col: int) -> Finding:
    return Finding(line, col, f"source '{url}' of {ent.id} is not an http(s) URL", ent.id)
