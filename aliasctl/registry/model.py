"""The registry's data model: frozen dataclasses and the vocabularies they are checked against.

Nothing here reads YAML: :mod:`aliasctl.registry.loader` turns a file into
these objects, and everything else (the resolver, the audit, the edit
commands) works on them.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import RegistryError

#: The version of the file format this aliasctl reads and writes (``schema: 1``).
SCHEMA_VERSION = 1
#: An entity id: lower-case words joined by hyphens (``kataib-hezbollah``).
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
#: A language code on an alias (``ar``, ``fa``, ``ps``, ``ar-Latn``).
LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")

#: ISO 3166-1 alpha-2, officially assigned codes, plus XK (Kosovo), in common use.
COUNTRIES = frozenset(
    (
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
        "BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM "
        "DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS "
        "GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
        "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ "
        "MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
        "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
        "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
        "VN VU WF WS YE YT ZA ZM ZW XK "
    ).split()
)

# The fields of each mapping, in the order the canonical form writes them
# (``aliasctl fmt``); any other field is refused by the loader.

#: The top-level fields of a registry file.
TOP_FIELDS = ("schema", "entities", "redirects")
#: The fields of an entity.
ENTITY_FIELDS = (
    "id",
    "name",
    "kind",
    "countries",
    "aliases",
    "relations",
    "sources",
    "notes",
    "audit-ignore",
    "proposed",
)
#: The fields of an alias written as a mapping.
ALIAS_FIELDS = ("text", "type", "lang", "shared", "source")
#: The fields of a relation.
RELATION_FIELDS = ("type", "target")

@dataclass(frozen=True, slots=True)
class Alias:
    """One name under which an entity is known."""

    text: str
    type: str = "translit"
    lang: str | None = None
    shared: bool = False
    source: str | None = None
    line: int = 0
    col: int = 0


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed link from one entity to another."""

    type: str
    target: str
    line: int = 0
    col: int = 0


@dataclass(frozen=True, slots=True)
class Redirect:
    """An old id left behind by a merge or rename, pointing at its survivor."""

    source: str
    target: str
    line: int = 0
    col: int = 0


@dataclass(frozen=True, slots=True)
class Entity:
    """One armed group (or front, coalition, wing...) and its names."""

    id: str
    name: str
    kind: str
    countries: tuple[str, ...] = ()
    aliases: tuple[Alias, ...] = ()
    relations: tuple[Relation, ...] = ()
    sources: tuple[str, ...] = ()
    notes: str | None = None
    audit_ignore: tuple[str, ...] = ()
    proposed: bool = False
    line: int = 0
    col: int = 0
    marks: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, hash=False)

    def names(self) -> Iterator[Alias]:
        """Yield the display name (as an alias) and then every alias."""
        line, col = self.marks.get("name", (self.line, self.col))
        yield Alias(self.name, "translit", None, False, None, line, col)
        yield from self.aliases


@dataclass(frozen=True, slots=True)
class Registry:
    """A loaded registry file."""

    path: str
    sha256: str
    entities: tuple[Entity, ...]
    redirects: tuple[Redirect, ...] = ()
    schema: int = SCHEMA_VERSION
    problems: tuple[RegistryError, ...] = ()
    _by_id: dict[str, Entity] = field(default_factory=dict, compare=False, hash=False, repr=False)
    _redirects: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        if not self._by_id:
            for ent in self.entities:
                self._by_id.setdefault(ent.id, ent)
        if not self._redirects:
            self._redirects.update((r.source, r.target) for r in self.redirects)

    def get(self, entity_id: str) -> Entity | None:
        """Return the entity with this id, following redirects; ``None`` if unknown."""
        target = self.resolve_id(entity_id)
        return self._by_id.get(target) if target is not None else None

    def resolve_id(self, entity_id: str) -> str | None:
        """Follow redirects from ``entity_id`` to a live id, or ``None``."""
        return follow_redirects(entity_id, self._by_id, self._redirects)


def follow_redirects(entity_id: str, live: Container[str], redirects: Mapping[str, str]) -> str | None:
    """Follow redirects from ``entity_id`` to a live id.

    The one definition of what an old id means, shared by the registry, the
    resolver and the edit commands.

    Args:
        entity_id: an id, live or old.
        live: the live entity ids.
        redirects: old id -> the id it was merged or renamed into.

    Returns:
        ``entity_id`` itself when it is live, else the live id its redirects
        lead to; ``None`` when it is unknown, or its redirects end at an
        unknown id or go round in a circle.
    """
    seen: set[str] = set()
    cur = entity_id
    while cur not in live:
        if cur in seen or cur not in redirects:
            return None
        seen.add(cur)
        cur = redirects[cur]
    return cur


def as_plain(value: Any) -> Any:
    """Return dataclass values as plain dicts/lists (for JSON output)."""
    if isinstance(value, Alias):
        out: dict[str, Any] = {"text": value.text, "type": value.type}
        if value.lang:
            out["lang"] = value.lang
        if value.shared:
            out["shared"] = True
        if value.source:
            out["source"] = value.source
        return out
    if isinstance(value, Relation):
        return {"type": value.type, "target": value.target}
    if isinstance(value, Entity):
        return {
            "id": value.id,
            "name": value.name,
            "kind": value.kind,
            "countries": list(value.countries),
            "aliases": [as_plain(a) for a in value.aliases],
            "relations": [as_plain(r) for r in value.relations],
            "sources": list(value.sources),
            "notes": value.notes,
        }
    return value
