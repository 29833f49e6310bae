"""Counts over a registry, for ``aliasctl stats``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..normalize import script_of
from .model import Entity, Registry
from .sources import host_of, source_class


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
    #: Aliases whose ``source`` names the page that shows them.
    aliases_with_source: int = 0
    #: Entity sources (each entity's ``sources`` list), by class and by host.
    sources: int = 0
    by_source_class: Counter[str] = field(default_factory=Counter)
    by_source_host: Counter[str] = field(default_factory=Counter)
    #: Entities with at least one outside id, and how many have each scheme.
    with_ids: int = 0
    by_id_scheme: Counter[str] = field(default_factory=Counter)
    #: Entities with at least one designation, and how many are on each list.
    with_designations: int = 0
    by_designation_list: Counter[str] = field(default_factory=Counter)
    #: Entities with ``active`` years.
    with_active: int = 0
    without_aliases: tuple[str, ...] = ()

    def share(self, part: int, whole: int) -> float:
        """``part`` as a percentage of ``whole`` (0 when ``whole`` is 0)."""
        return 100.0 * part / whole if whole else 0.0


def has_native_name(entity: Entity) -> bool:
    """Whether an entity has a native-script name (type ``native``, or a non-Latin alias)."""
    return any(a.type == "native" or script_of(a.text) not in ("Latin", "None") for a in entity.aliases)


def registry_stats(registry: Registry) -> Stats:
    """Count entities by kind and country, aliases by type and script, provenance and the gaps."""
    by_kind: Counter[str] = Counter()
    by_country: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    by_script: Counter[str] = Counter()
    by_class: Counter[str] = Counter()
    by_host: Counter[str] = Counter()
    by_scheme: Counter[str] = Counter()
    by_list: Counter[str] = Counter()
    shared = sourced = 0
    for ent in registry.entities:
        by_kind[ent.kind] += 1
        for code in ent.countries or ("(none)",):
            by_country[code] += 1
        for alias in ent.aliases:
            by_type[alias.type] += 1
            by_script[script_of(alias.text)] += 1
            shared += alias.shared
            sourced += ent.source_url(alias.source) is not None
        for src in ent.sources:
            by_class[source_class(src)] += 1
            by_host[host_of(src) or "(not a URL)"] += 1
        by_scheme.update({i.scheme for i in ent.ids})
        by_list.update({d.code for d in ent.designations})
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
        aliases_with_source=sourced,
        sources=sum(by_class.values()),
        by_source_class=by_class,
        by_source_host=by_host,
        with_ids=sum(1 for e in registry.entities if e.ids),
        by_id_scheme=by_scheme,
        with_designations=sum(1 for e in registry.entities if e.designations),
        by_designation_list=by_list,
        with_active=sum(1 for e in registry.entities if e.active is not None),
        without_aliases=tuple(e.id for e in registry.entities if not e.aliases),
    )
