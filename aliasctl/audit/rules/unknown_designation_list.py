"""A designation on a list the format does not know.

The known lists, with what each is, are in the README ("Registry format")
and in :data:`aliasctl.constants.DESIGNATION_LISTS`.

Passing:

    designations: [{list: us-fto, date: 1997-10-08, url: https://example.org/fto}]

Failing:

    designations: [{list: fto, date: 1997-10-08, url: https://example.org/fto}]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding
from ._loader import loader_findings

ID = "AL031"
NAME = "unknown-designation-list"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield designations on unknown lists."""
    yield from loader_findings(ctx, NAME)
