"""A group of an Arabic- or Persian-speaking country with no name in Arabic script.

Passing:

    - {id: kataib-hezbollah, ..., countries: [IQ], aliases: [كتائب حزب الله]}

Failing:

    - {id: kataib-hezbollah, ..., countries: [IQ], aliases: [Kataib Hezbollah]}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...normalize import script_of
from ..context import AuditContext, Finding

ID = "AL024"
NAME = "missing-native-name"
LEVEL = "info"

ARABIC_SCRIPT_COUNTRIES = frozenset(
    "AE AF BH DZ EG EH IQ IR JO KW LB LY MA MR OM PK PS QA SA SD SY TN YE".split()
)


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield such entities."""
    for ent in ctx.registry.entities:
        if not ARABIC_SCRIPT_COUNTRIES.intersection(ent.countries):
            continue
        # An ASCII name is in Latin letters or none: only the others need a look.
        if any(not a.text.isascii() and script_of(a.text) == "Arabic" for a in ent.aliases):
            continue
        yield Finding(ent.line, ent.col, f"{ent.id} has no name in Arabic script", ent.id)
