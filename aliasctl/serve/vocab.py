"""What the service calls things: its types (the registry's kinds), its properties, its matching features.

One table each, shared by the manifest, the suggest services, data extension
and the documentation page, so that they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..constants import ALIAS_TYPES, KINDS, RELATION_TYPES

#: The types of the service: one per registry kind, with a readable name.
TYPE_NAMES: dict[str, str] = {
    "armed-group": "Armed group",
    "front": "Front",
    "coalition": "Coalition",
    "wing": "Wing",
    "party": "Party",
    "state-force": "State force",
}
# A kind added to the registry's vocabulary still gets a name.
for _kind in KINDS:
    TYPE_NAMES.setdefault(_kind, _kind.replace("-", " ").capitalize())

_RELATION_NAMES = {
    "part-of": "Part of",
    "front-for": "Front for",
    "splinter-of": "Splinter of",
    "successor-of": "Successor of",
    "allied-with": "Allied with",
}


@dataclass(frozen=True, slots=True)
class Property:
    """A property of the entities: fetched by data extension, and for some, matched in queries."""

    id: str
    name: str
    description: str
    #: Values are entities of this service (relations), not text.
    entities: bool = False
    #: Usable in the ``properties`` of a reconciliation query.
    in_queries: bool = False


PROPERTIES: tuple[Property, ...] = (
    Property("kind", "Kind", "the registry's kind of the entity (armed-group, front, coalition, ...)", in_queries=True),
    Property(
        "country",
        "Countries",
        "ISO 3166-1 alpha-2 codes of the countries the entity operates in",
        in_queries=True,
    ),
    Property("native-name", "Native-script name", "the names of type native (Arabic, Persian, Urdu, ... script)"),
    Property("aliases", "Aliases", "every alias in the registry, of any type"),
    Property("acronyms", "Acronyms", "the aliases of type acronym"),
    *(
        Property(rel, _RELATION_NAMES.get(rel, rel), f"the entities this one is {rel.replace('-', ' ')}", entities=True)
        for rel in RELATION_TYPES
    ),
    Property("sources", "Sources", "the URLs the registry cites for the entity and its names"),
    Property("notes", "Notes", "the registry's notes on the entity"),
)
PROPERTY_BY_ID: dict[str, Property] = {p.id: p for p in PROPERTIES}

#: The matching features of a candidate and what they mean (ids are templates where ``*`` varies).
FEATURES: tuple[tuple[str, str], ...] = (
    ("score", "the resolver's score for this candidate, 0 to 100"),
    ("status_matched", "the resolver matched the query to this candidate"),
    ("status_ambiguous", "the resolver found several candidates it cannot choose between"),
    ("status_unresolved", "the resolver found no candidate close enough; this one is only near"),
    (
        "method_*",
        "how the candidate was found: exact, acronym, key, skeleton, fuzzy, redirect (an old id), "
        "or the word stage (words, headword, qualifier, translation)",
    ),
    ("alias_*", f"the type of the registry name that was matched: name (the display name), {', '.join(ALIAS_TYPES)}"),
    ("alias_shared", "the matched name is marked shared: it names several groups"),
    ("country_match", "the candidate operates in a country the query gave (only when a country was given)"),
    ("type_match", "the candidate is of a type the query gave (only when a type was given)"),
)

#: The methods the resolver reports (a method it gains later is reported all the same).
METHODS = (
    "exact", "acronym", "key", "skeleton", "fuzzy", "redirect", "words", "headword", "qualifier", "translation",
)


def feature_ids(pattern: str) -> list[str]:
    """The feature ids a row of :data:`FEATURES` stands for (``method_*``: one per method)."""
    if pattern == "method_*":
        return [f"method_{m}" for m in METHODS]
    if pattern == "alias_*":
        return ["alias_name", *(f"alias_{t}" for t in ALIAS_TYPES)]
    return [pattern]


__all__ = ["FEATURES", "METHODS", "PROPERTIES", "PROPERTY_BY_ID", "TYPE_NAMES", "Property", "feature_ids"]
