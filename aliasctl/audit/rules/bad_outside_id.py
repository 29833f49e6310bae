"""An outside id that does not have its scheme's form.

``wikidata`` takes an item (``Q`` and a number without leading zeros),
``ucdp`` a UCDP actor id (a whole number from 1).

Passing:

    ids: {wikidata: Q1234, ucdp: 567}

Failing:

    ids: {wikidata: "1234", ucdp: "567"}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding
from ._loader import loader_findings

ID = "AL029"
NAME = "bad-outside-id"
LEVEL = "error"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield malformed outside ids."""
    yield from loader_findings(ctx, NAME)
