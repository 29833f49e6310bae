"""The registry as FollowTheMoney entities: one ``Organization`` per entity, as JSON Lines.

FollowTheMoney is how OpenSanctions and yente exchange names: ``name``,
``alias``, ``previousName`` (former names) and ``weakAlias`` (weak names,
and names several groups share) hold the names, ``country`` the
countries (lower-case ISO codes), ``sourceUrl`` the entity's sources,
``notes`` its notes and ``wikidataId`` its Wikidata item. The entity's id
is kept as the FtM id, prefixed so that it cannot collide with other
datasets' ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..registry.model import Entity, Registry

#: The prefix of every exported entity's id.
ID_PREFIX = "aliasctl-"


def organization(ent: Entity) -> dict[str, Any]:
    """One registry entity as a FollowTheMoney ``Organization`` (its ``to_dict`` form)."""
    props: dict[str, list[str]] = {"name": [ent.name]}

    def add(prop: str, value: str | None) -> None:
        if value and value not in props.setdefault(prop, []):
            props[prop].append(value)

    for a in ent.aliases:
        # A weak name, or one shared by several groups, is what FtM calls a weak alias.
        prop = "weakAlias" if a.weak or a.shared else "previousName" if a.type == "former-name" else "alias"
        add(prop, a.text)
    for code in ent.countries:
        add("country", code.lower())
    for url in ent.sources:
        add("sourceUrl", url)
    add("notes", ent.notes)
    wikidata = ent.outside_id("wikidata")
    add("wikidataId", str(wikidata) if wikidata is not None else None)
    return {
        "id": ID_PREFIX + ent.id,
        "schema": "Organization",
        "properties": {k: v for k, v in props.items() if v},
    }


def organizations(registry: Registry) -> Iterator[dict[str, Any]]:
    """Every entity of the registry as a FollowTheMoney ``Organization``, in file order."""
    for ent in registry.entities:
        yield organization(ent)


def ftm_lines(registry: Registry) -> Iterator[str]:
    """The registry as FollowTheMoney JSON Lines, one line (with its newline) per entity."""
    for obj in organizations(registry):
        yield json.dumps(obj, ensure_ascii=False, sort_keys=True) + "\n"
