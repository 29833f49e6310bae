"""Counts over a registry, for ``aliasctl stats``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..normalize import script_of
from .model import Entity, Registry


@dataclass(frozen=True)
class Stats:
    """What a registry holds."""

    entities: int
    aliases: int
    redirects: int
    by_kind: Counter[str] = field(default_factory=Counter)
    by_country: Counter[str] = field(default_factory=Counter)
    by_type: Counter[str] = field(default_factory=Counter)
    by_script: Counter[str] = field(default_factory=Counter)
    shared_aliases: int = 0
    without_native: tuple[str, ...] = ()
    without_sources: tuple[str, ...] = ()


def has_native_name(entity: Entity) -> bool:
    """Whether an entity has a native-script name (type ``native``, or a non-Latin alias)."""
    return any(a.type == "native" or script_of(a.text) not in ("Latin", "None") for a in entity.aliases)


def registry_stats(registry: Registry) -> Stats:
    """Count entities by kind and country, aliases by type and script, and the gaps."""
    by_kind: Counter[str] = Counter()
    by_country: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    by_script: Counter[str] = Counter()
    shared = 0
    for ent in registry.entities:
        by_kind[ent.kind] += 1
        for code in ent.countries or ("(none)",):
            by_country[code] += 1
        for alias in ent.aliases:
            by_type[alias.type] += 1
            by_script[script_of(alias.text)] += 1
            shared += alias.shared
    return Stats(
        entities=len(registry.entities),
        aliases=sum(by_type.values()),
        redirects=len(registry.redirects),
        by_kind=by_kind,
        by_country=by_country,
        by_type=by_type,
        by_script=by_script,
        shared_aliases=shared,
        without_native=tuple(e.id for e in registry.entities if not has_native_name(e)),
        without_sources=tuple(e.id for e in registry.entities if not e.sources),
    )
