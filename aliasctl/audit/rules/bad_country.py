"""A country that is not an ISO 3166-1 alpha-2 code.

Passing:

    countries: [IQ, SY]

Failing:

    countries: [IRQ, Syria]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding
from ._loader import loader_findings

ID = "AL008"
NAME = "bad-country"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield bad country codes."""
    yield from loader_findings(ctx, NAME)
