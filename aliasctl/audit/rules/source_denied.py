"""A source on the deny list: a mirror, proxy, dump, dictionary, shortener, aggregator or generated page.

The list is ``aliasctl/data/source-denylist.txt``, one host and its class a
line. Cite the original instead: the Wikipedia article itself, the
designation notice, the research profile, the news article.

Passing:

    sources: [https://en.wikipedia.org/wiki/Kata%27ib_Hezbollah]

Failing:

    sources: [https://piglix.com/w/Kata%27ib_Hezbollah]
"""

from __future__ import annotations

from collections.abc import Iterator

from ...registry.model import Entity
from ...registry.sources import denied
from ..context import AuditContext, Finding

ID = "AL027"
NAME = "source-denied"
LEVEL = "warning"

_ADVICE = {
    "mirror": "cite the original page",
    "proxy": "cite the page it relays",
    "dump": "cite the document's publisher",
    "dictionary": "cite a page about the group",
    "shortener": "cite the address it leads to",
    "aggregator": "cite the original article",
    "generated": "cite a page written and edited by people",
    "wiki": "cite an edited source",
}


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield every source, alias source, id source and designation URL on the deny list."""
    for ent in ctx.registry.entities:
        # The place of a source is looked up only for one denied (nearly none are).
        for i, src in enumerate(ent.sources):
            what = denied(src)
            if what is not None:
                yield _finding(ent, src, *ent.source_mark(i), what)
        # Positions name one of the sources above, which are checked once.
        cited = [(a.source, a.line, a.col) for a in ent.aliases if isinstance(a.source, str)]
        cited += [(i.source, i.line, i.col) for i in ent.ids if isinstance(i.source, str)]
        if ent.active is not None and isinstance(ent.active.source, str):
            cited.append((ent.active.source, ent.active.line, ent.active.col))
        cited += [(d.url, d.line, d.col) for d in ent.designations]
        for url, line, col in cited:
            what = denied(url)
            if what is not None:
                yield _finding(ent, url, line, col, what)


def _finding(ent: Entity, url: str, line: int, col: int, what: str) -> Finding:
    advice = _ADVICE.get(what, "cite the original page")
    return Finding(line, col, f"{url} of {ent.id} is a {what} ({advice})", ent.id)
