"""A redirect whose old id is also a live entity id: ids are never reused.

Passing:

    entities: [{id: kataib-hezbollah, name: Kata'ib Hezbollah, kind: armed-group}]
    redirects: {kh: kataib-hezbollah}

Failing:

    entities: [{id: kh, name: KH, kind: armed-group}, ...]
    redirects: {kh: kataib-hezbollah}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding
from ._loader import loader_findings

ID = "AL011"
NAME = "redirect-is-live-id"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield redirects from live ids."""
    yield from loader_findings(ctx, NAME)
