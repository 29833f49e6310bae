"""Data extension: the values of the entities' properties, and the properties proposed for a type.

An id left behind by a merge or a rename is answered with the values of the
entity it now points to. A relation's target is an entity of this service
(``id`` and ``name``); every other value is text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..registry import Entity
from .core import RequestError, shown
from .state import Snapshot
from .vocab import PROPERTIES, PROPERTY_BY_ID, TYPE_NAMES, Property

#: The setting every property takes: the most values a cell gets (0: all of them).
LIMIT_SETTING = "limit"


@dataclass(frozen=True, slots=True)
class Cell:
    """One value of a property: text (with its language, if known) or an entity of this service."""

    text: str | None = None
    lang: str | None = None
    id: str | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Wanted:
    """A property asked for, and the most values a cell may hold (0: all)."""

    property: Property
    limit: int = 0


@dataclass(frozen=True, slots=True)
class Row:
    """The answer for one id: the entity it names now, and a list of values for each property asked."""

    id: str
    entity: Entity
    values: dict[str, list[Cell]]


def wanted(pid: Any, settings: Any, where: str) -> Wanted:
    """Check one property of an extension query: a known id, and settings the service announced.

    Raises:
        RequestError: 400 for an unknown property or a bad setting.
    """
    if not isinstance(pid, str) or pid not in PROPERTY_BY_ID:
        known = ", ".join(p.id for p in PROPERTIES)
        what = f"'{shown(pid)}'" if isinstance(pid, str) else "a property id that is not a string"
        raise RequestError(f"{where}: unknown property {what} (known: {known})")
    limit = 0
    if settings is not None:
        if not isinstance(settings, dict):
            raise RequestError(f"{where}: settings must be an object")
        for name, value in settings.items():
            if name != LIMIT_SETTING:
                raise RequestError(f"{where}: unknown setting '{shown(name)}' (known: {LIMIT_SETTING})")
            limit = _count(value, f"{where}: setting {LIMIT_SETTING}")
    return Wanted(PROPERTY_BY_ID[pid], limit)


def _count(value: Any, where: str) -> int:
    # Clients send settings as strings ("20"), as form fields are.
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RequestError(f"{where} must be a whole number, 0 or more")
    return value


def values(snapshot: Snapshot, entity: Entity, want: Wanted) -> list[Cell]:
    """The values of one property of ``entity``, at most ``want.limit`` of them (0: all)."""
    pid = want.property.id
    cells: list[Cell]
    if pid == "kind":
        cells = [Cell(entity.kind)]
    elif pid == "country":
        cells = [Cell(c) for c in entity.countries]
    elif pid == "native-name":
        cells = [Cell(a.text, a.lang) for a in entity.aliases if a.type == "native"]
    elif pid == "aliases":
        cells = [Cell(a.text, a.lang) for a in entity.aliases]
    elif pid == "acronyms":
        cells = [Cell(a.text, a.lang) for a in entity.aliases if a.type == "acronym"]
    elif pid == "sources":
        cells = [Cell(s) for s in entity.sources]
    elif pid == "notes":
        cells = [Cell(entity.notes)] if entity.notes else []
    else:
        cells = []
        for rel in entity.relations:
            if rel.type == pid:
                target = snapshot.entity(rel.target)
                cells.append(Cell(id=target.id, name=target.name) if target else Cell(rel.target))
    return cells[: want.limit] if want.limit else cells


def extend(snapshot: Snapshot, ids: Sequence[str], wants: Sequence[Wanted]) -> list[Row]:
    """The rows of a data extension query, one per id asked, in order.

    Raises:
        RequestError: 404 when an id names no entity (the first few unknown ids are named).
    """
    rows = []
    unknown = []
    for entity_id in ids:
        entity = snapshot.entity(entity_id)
        if entity is None:
            unknown.append(entity_id)
            continue
        rows.append(Row(entity_id, entity, {w.property.id: values(snapshot, entity, w) for w in wants}))
    if unknown:
        names = ", ".join(f"'{shown(i, 40)}'" for i in unknown[:5])
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        raise RequestError(f"no entity with the id {names}{more}", 404)
    return rows


def propose(type_id: str | None) -> list[Property]:
    """The properties worth fetching for entities of ``type_id`` (every type has them all).

    Raises:
        RequestError: 400 for a type the registry does not have.
    """
    if type_id and type_id not in TYPE_NAMES:
        raise RequestError(f"unknown type '{shown(type_id)}' (known: {', '.join(TYPE_NAMES)})")
    return list(PROPERTIES)


def property_settings() -> list[dict[str, Any]]:
    """The settings every property takes, as version 0.2 describes them."""
    return [
        {
            "name": LIMIT_SETTING,
            "label": "Limit",
            "type": "number",
            "default": 0,
            "help_text": "The most values to fetch for each entity (0 for all of them)",
        }
    ]


__all__ = ["LIMIT_SETTING", "Cell", "Row", "Wanted", "extend", "property_settings", "propose", "values", "wanted"]
