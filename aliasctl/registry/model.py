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

#: A Wikidata item (``Q7225``).
WIKIDATA_RE = re.compile(r"^Q[1-9][0-9]*$")
#: The name of a scheme of outside ids (``wikidata``, ``ucdp``, ``gtd``...).
ID_SCHEME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
#: An ISO 8601 calendar date, as designations are dated (``1997-10-08``).
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
#: The earliest year ``active`` accepts: no armed group in scope is older.
FIRST_YEAR = 1800

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
    "ids",
    "active",
    "aliases",
    "relations",
    "designations",
    "sources",
    "notes",
    "audit-ignore",
    "proposed",
)
#: The fields of an alias written as a mapping.
ALIAS_FIELDS = ("text", "type", "lang", "shared", "weak", "source", "provenance")
#: The fields of an alias's ``provenance``: the entry of an official list it was read from.
PROVENANCE_FIELDS = ("list", "record", "kind", "quality", "listed", "sha256")
#: What a list says a name is: its name, an a.k.a., a former name (f.k.a.) or a new one (n.k.a.).
NAME_KINDS = ("name", "aka", "fka", "nka")
#: How a list rates a name. ``weak`` (OFAC, the EU) and ``low`` (the UN, the UK) are the
#: names a list itself warns may match too widely; such an alias is also marked ``weak: true``.
QUALITIES = ("strong", "good", "weak", "low")
#: A SHA-256 digest, as written in a provenance.
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
#: The fields of a relation.
RELATION_FIELDS = ("type", "target")
#: The fields of an outside id written as a mapping (``wikidata: {id: Q7225, source: 2}``).
OUTSIDE_ID_FIELDS = ("id", "source")
#: The fields of ``active``.
ACTIVE_FIELDS = ("from", "to", "source")
#: The fields of a designation.
DESIGNATION_FIELDS = ("list", "date", "revoked", "ref", "url")

#: Where a spelling, an id or a year was seen: a URL, or the position (from 1)
#: of one of the entity's ``sources``.
SourceRef = str | int


@dataclass(frozen=True, slots=True)
class Alias:
    """One name under which an entity is known."""

    text: str
    type: str = "translit"
    lang: str | None = None
    shared: bool = False
    source: SourceRef | None = None
    line: int = 0
    col: int = 0
    #: A weak or low-quality a.k.a. by its list's own account: kept for the
    #: record, never a match on its own.
    weak: bool = False
    provenance: Provenance | None = None


@dataclass(frozen=True, slots=True)
class Provenance:
    """The official list entry a spelling was read from (``aliasctl import``).

    ``list`` names the list as ``aliasctl import`` does (``ofac-sdn``,
    ``un-sc``, ``eu-fsf``, ``uk-sanctions``), ``record`` the entry's id on it;
    ``kind`` is one of :data:`NAME_KINDS`, ``quality`` one of
    :data:`QUALITIES`, ``listed`` the entry's listing date and ``sha256`` the
    hash of the file the name was read from.
    """

    list: str
    record: str
    kind: str | None = None
    quality: str | None = None
    listed: str | None = None
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class OutsideId:
    """The entity's id in another dataset (``wikidata: Q7225``, ``ucdp: 309``)."""

    scheme: str
    value: str | int
    source: SourceRef | None = None
    line: int = 0
    col: int = 0


@dataclass(frozen=True, slots=True)
class Active:
    """The years a group was active (``to`` is ``None`` while it still is)."""

    start: int | None = None
    end: int | None = None
    source: SourceRef | None = None
    line: int = 0
    col: int = 0


@dataclass(frozen=True, slots=True)
class Designation:
    """A listing on an official sanctions or proscription list, with the notice that shows it."""

    code: str
    date: str
    url: str
    revoked: str | None = None
    ref: str | None = None
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
    ids: tuple[OutsideId, ...] = ()
    active: Active | None = None
    designations: tuple[Designation, ...] = ()

    def names(self) -> Iterator[Alias]:
        """Yield the display name (as an alias) and then every alias."""
        line, col = self.marks.get("name", (self.line, self.col))
        yield Alias(self.name, "translit", None, False, None, line, col)
        yield from self.aliases

    def source_mark(self, index: int) -> tuple[int, int]:
        """The line and column of the source at ``index`` (from 0), else of the entity."""
        return self.marks.get(f"sources[{index}]", (self.line, self.col))

    def source_url(self, ref: SourceRef | None) -> str | None:
        """The URL a ``source`` names: itself, or the entity's source at that position (from 1).

        ``None`` when there is no source or the position is out of range
        (which the loader refuses).
        """
        if ref is None or isinstance(ref, str):
            return ref
        return self.sources[ref - 1] if 1 <= ref <= len(self.sources) else None

    def outside_id(self, scheme: str) -> str | int | None:
        """The entity's id in ``scheme`` (``wikidata``, ``ucdp``...), or ``None``."""
        return next((i.value for i in self.ids if i.scheme == scheme), None)


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
        if value.weak:
            out["weak"] = True
        if value.source is not None:
            out["source"] = value.source
        if value.provenance is not None:
            out["provenance"] = as_plain(value.provenance)
        return out
    if isinstance(value, Provenance):
        prov = {"list": value.list, "record": value.record}
        for key in ("kind", "quality", "listed", "sha256"):
            if getattr(value, key) is not None:
                prov[key] = getattr(value, key)
        return prov
    if isinstance(value, Relation):
        return {"type": value.type, "target": value.target}
    if isinstance(value, Designation):
        des: dict[str, Any] = {"list": value.code, "date": value.date}
        if value.revoked:
            des["revoked"] = value.revoked
        if value.ref:
            des["ref"] = value.ref
        des["url"] = value.url
        return des
    if isinstance(value, Entity):
        return _entity_plain(value)
    return value


def _entity_plain(ent: Entity) -> dict[str, Any]:
    # A position is resolved to its URL: a reader of the JSON has no list to count in.
    aliases = []
    for alias in ent.aliases:
        plain = as_plain(alias)
        if "source" in plain:
            plain["source"] = ent.source_url(alias.source)
        aliases.append(plain)
    out: dict[str, Any] = {
        "id": ent.id,
        "name": ent.name,
        "kind": ent.kind,
        "countries": list(ent.countries),
        "aliases": aliases,
        "relations": [as_plain(r) for r in ent.relations],
        "sources": list(ent.sources),
        "notes": ent.notes,
    }
    # The newer fields appear only when set, so that older consumers see the same objects.
    if ent.ids:
        out["ids"] = {i.scheme: i.value for i in ent.ids}
        cited = {i.scheme: ent.source_url(i.source) for i in ent.ids if i.source is not None}
        if cited:
            out["ids_sources"] = cited
    if ent.active is not None:
        active: dict[str, Any] = {"from": ent.active.start, "to": ent.active.end}
        if ent.active.source is not None:
            active["source"] = ent.source_url(ent.active.source)
        out["active"] = active
    if ent.designations:
        out["designations"] = [as_plain(d) for d in ent.designations]
    return out
