"""What the audit rules look at: the raw text, the model, the normalized names."""

from __future__ import annotations

import hashlib
import os
from functools import cached_property
from typing import NamedTuple

from ..files import read_bytes
from ..matching.cache import read_cached
from ..matching.columns import TextColumn
from ..matching.index import Index
from ..matching.resolver import Resolver
from ..registry.loader import decode, parse
from ..registry.model import Registry


class Finding(NamedTuple):
    """What a rule reports: where, what, and the entity it belongs to.

    A named tuple: a large file has half a million findings, and a tuple is made
    at a third of the cost of a frozen dataclass.
    """

    line: int
    col: int
    message: str
    entity: str | None = None
    level: str | None = None


class AuditContext:
    """A parsed registry file with its normalized names, shared by all rules."""

    def __init__(self, path: str, text: str, registry: Registry, index: Index) -> None:
        self.path = path
        self.text = text
        self.registry = registry
        self.index = index

    @cached_property
    def lines(self) -> list[str]:
        """The file's lines, without line ends."""
        return self.text.splitlines()

    @cached_property
    def resolver(self) -> Resolver:
        """A resolver over the whole file."""
        return Resolver(self.index)

    @cached_property
    def live_ids(self) -> frozenset[str]:
        """The ids of the registry's entities."""
        return frozenset(e.id for e in self.registry.entities)

    @cached_property
    def redirect_map(self) -> dict[str, str]:
        """Each redirect's old id and the id it points to."""
        return {r.source: r.target for r in self.registry.redirects}

    @cached_property
    def alias_marks(self) -> list[tuple[int, int, str]]:
        """(line, col, entity id) of each name in index order."""
        out = []
        for ent in self.registry.entities:
            # As Entity.names() yields them, without making an Alias of each display name.
            out.append((*ent.marks.get("name", (ent.line, ent.col)), ent.id))
            out.extend([(alias.line, alias.col, ent.id) for alias in ent.aliases])
        return out


def build_context(path: str | os.PathLike[str]) -> AuditContext:
    """Read and parse one file leniently: schema problems become findings."""
    spath = os.fspath(path)
    data = read_bytes(spath)
    sha = hashlib.sha256(data).hexdigest()
    text = decode(data, spath)
    registry = parse(text, spath, sha)
    index = read_cached(sha) if not registry.problems else None
    if index is None:
        index = Index.from_registry(registry)
    else:
        _decode_columns(index)
    return AuditContext(spath, text, registry, index)


#: The text columns the rules walk from end to end, or index one position at a time.
_WALKED = ("entity_ids", "entity_names", "alias_text", "alias_type", "alias_key", "alias_skeleton")


def _decode_columns(index: Index) -> None:
    """Decode the walked columns of an index read from the cache into lists, once.

    A cached column inflates a block of names for each name read; a lookup
    reads a few, but the rules read each name several times, out of order.
    """
    for name in _WALKED:
        column = getattr(index, name)
        if not isinstance(column, list):
            setattr(index, name, column.materialize() if isinstance(column, TextColumn) else list(column))
    # A fuzzy position's key and skeleton are its alias's: picked from the columns above
    # rather than inflated a second time.
    index.fuzzy_keys = list(map(index.alias_key.__getitem__, index.fuzzy_alias))
    index.fuzzy_skeletons = list(map(index.alias_skeleton.__getitem__, index.fuzzy_alias))
