"""Two entities with one id: lookups and relations could reach either.

Passing:

    - {id: hamas, name: Hamas, kind: armed-group}
    - {id: hamas-of-iraq, name: Hamas of Iraq, kind: armed-group}

Failing:

    - {id: hamas, name: Hamas, kind: armed-group}
    - {id: hamas, name: Hamas of Iraq, kind: armed-group}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding
from ._loader import loader_findings

ID = "AL010"
NAME = "duplicate-id"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield repeated ids."""
    yield from loader_findings(ctx, NAME)
