"""A key given twice in one mapping: YAML readers silently keep the last one.

Passing:

    aliases: [A, B]

Failing:

    aliases: [A]
    aliases: [B]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding
from ._loader import loader_findings

ID = "AL006"
NAME = "duplicate-key"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield duplicate keys."""
    yield from loader_findings(ctx, NAME)
