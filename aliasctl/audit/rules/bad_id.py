"""An id (or redirect id) that is not lower-case words joined by hyphens.

Passing:

    id: kataib-hezbollah

Failing:

    id: Kataib_Hezbollah
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding
from ._loader import loader_findings

ID = "AL007"
NAME = "bad-id"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield malformed ids."""
    yield from loader_findings(ctx, NAME)
