"""Reconciliation over the resolver: queries in, candidates out, the same for every version of the API.

The resolver's answer is mapped as it is:

* ``matched``: one candidate, the matched entity, with ``match: true``;
* ``ambiguous``: its candidates, all with ``match: false``;
* ``unresolved``: its near candidates with ``match: false``, or none.

A query's type (a registry kind) and countries narrow that answer; they never
add a candidate the resolver did not find:

* a candidate of another type, or operating only in other countries, is
  listed after the others and is never ``match: true`` (an entity whose
  countries the registry does not list is not held against the query);
* an *ambiguous* answer becomes a match when exactly one of the tied
  candidates (those within :data:`TIE_MARGIN` points of the best, each scoring
  at least the resolver's minimum) has the type and operates in the countries;
* a *required* condition (API 1.0) drops every candidate that does not meet it.

Every candidate carries matching features saying what the resolver did
(:data:`aliasctl.serve.vocab.FEATURES`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .. import normalize
from ..errors import AliasctlError
from ..matching import AMBIGUOUS, MATCHED, Match
from ..registry import Entity
from ..registry.model import COUNTRIES
from .state import Snapshot
from .vocab import PROPERTIES, PROPERTY_BY_ID, TYPE_NAMES

#: Candidates returned when a query gives no limit, and the most it may ask for.
DEFAULT_LIMIT = 5
MAX_LIMIT = 50
#: The longest query text accepted, in characters (a name is far shorter).
MAX_QUERY_CHARS = 1000
#: Points within the best score that count as tied, for a country or type to choose among.
TIE_MARGIN = 3.0

Quantifier = Literal["any", "all", "none"]

# C0 and C1 controls (tab, line feed and carriage return are whitespace) and
# the bidi embeddings, overrides and isolates, which make a name display as
# something it is not. Marks (LRM, RLM, ALM) and joiners are ordinary in
# Arabic-script text and pass; the normalizer drops them from keys.
_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Settings:
    """What a running service announces and enforces.

    Attributes:
        name: the service's name, shown by clients (OpenRefine lists services by it).
        batch_size: the most queries (or ids to extend) in one request; more is refused with 413.
        max_body: the most bytes in a request body; more is refused with 413.
    """

    name: str = "aliasctl"
    batch_size: int = 1000
    max_body: int = 8 * 1024 * 1024


class RequestError(AliasctlError):
    """A request the service cannot answer: the HTTP status and a message for the client."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def shown(text: str, limit: int = 60) -> str:
    """``text`` for a message: invisible characters escaped, cut to ``limit`` characters."""
    text = normalize.printable(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_text(text: str, where: str) -> str:
    """Refuse a query text that is too long or holds control or bidi-control characters.

    Raises:
        RequestError: 400, naming ``where`` and the character.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise RequestError(f"{where} is {len(text):,} characters long; at most {MAX_QUERY_CHARS:,} are accepted")
    bad = _REFUSED.search(text)
    if bad:
        what = "bidi control" if ord(bad.group()) >= 0x202A else "control character"
        raise RequestError(
            f"{where} holds the {what} U+{ord(bad.group()):04X} at character {bad.start() + 1}; "
            "send the name without it"
        )
    return text


def decode_json(text: str, what: str) -> object:
    """Parse the JSON text of a request parameter.

    Raises:
        RequestError: 400 saying where the text stops being JSON (also for nesting too deep to
            follow and numbers too long to read).
    """
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise RequestError(f"{what} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise RequestError(f"{what} is nested too deeply") from None
    except ValueError as exc:
        raise RequestError(f"{what} is not valid JSON: {exc}") from None
    _refuse_surrogates(value, what)
    return value


def _refuse_surrogates(value: object, what: str) -> None:
    # "\ud800" alone is valid JSON but no character: it could be neither matched nor written back.
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            texts: list[str] = [item]
        elif isinstance(item, dict):
            texts = list(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
            continue
        else:
            continue
        for text in texts:
            bad = _SURROGATE.search(text)
            if bad:
                raise RequestError(
                    f"{what} holds the lone surrogate U+{ord(bad.group()):04X}, which is not a character"
                )


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number")


def count_param(value: str | None, what: str, default: int, *, least: int = 0, most: int | None = None) -> int:
    """A whole-number request parameter (``cursor``, ``limit``), within bounds.

    Raises:
        RequestError: 400 when it is not a whole number of at least ``least``.
    """
    if value is None or value == "":
        return default
    text = value.strip()
    if not text.isascii() or not text.isdigit() or len(text) > 9 or int(text) < least:
        raise RequestError(f"{what} must be a whole number of at least {least}, not '{shown(value)}'")
    return min(int(text), most) if most is not None else int(text)


def query_limit(value: object, where: str) -> int:
    """The ``limit`` of a query: a positive whole number (more than :data:`MAX_LIMIT` counts as that many).

    Raises:
        RequestError: 400 otherwise.
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise RequestError(f"{where}: limit must be a positive whole number")
    return min(value, MAX_LIMIT)


def type_ids(value: object, where: str) -> frozenset[str]:
    """The types of a query: a type id, or a list of ids or of ``{"id": ...}`` objects.

    Raises:
        RequestError: 400 for anything else, and for a type the registry does not have.
    """
    items = value if isinstance(value, list) else [value]
    out = set()
    for item in items:
        type_id = item.get("id") if isinstance(item, dict) else item
        if not isinstance(type_id, str):
            raise RequestError(f"{where}: a type must be a type id (a string)")
        if type_id not in TYPE_NAMES:
            raise RequestError(f"{where}: unknown type '{shown(type_id)}' (known: {', '.join(TYPE_NAMES)})")
        out.add(type_id)
    return frozenset(out)


_CODE_SEPARATORS = re.compile(r"[\s,;/|]+")


def property_values(value: object, where: str) -> list[str]:
    """The values given for a property in a query: text, or ``{"id": ...}`` (a reconciled cell), or a list of them.

    Raises:
        RequestError: 400 for anything else.
    """
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        text = item.get("id") if isinstance(item, dict) else item
        if isinstance(text, bool) or not isinstance(text, str):
            raise RequestError(f"{where}: a property value must be text, or an object with an 'id'")
        out.append(check_text(text, where))
    return out


def country_codes(values: Sequence[str], where: str) -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes from property values (one value may hold several, separated by commas).

    Raises:
        RequestError: 400 for a value that is not a country code.
    """
    codes = set()
    for value in values:
        for part in _CODE_SEPARATORS.split(value.strip()):
            if not part:
                continue
            if part.upper() not in COUNTRIES:
                raise RequestError(
                    f"{where}: country '{shown(part)}' is not an ISO 3166-1 alpha-2 code (such as IQ or SY)"
                )
            codes.add(part.upper())
    return frozenset(codes)


def query_property(pid: object, where: str) -> str:
    """Check that ``pid`` is a property a query may use (``country`` or ``kind``).

    Raises:
        RequestError: 400 naming the properties that may be used.
    """
    usable = ", ".join(p.id for p in PROPERTIES if p.in_queries)
    if not isinstance(pid, str) or pid not in PROPERTY_BY_ID:
        what = f"'{shown(pid)}'" if isinstance(pid, str) else "a property id that is not a string"
        raise RequestError(f"{where}: unknown property {what} (a query may use {usable})")
    if not PROPERTY_BY_ID[pid].in_queries:
        raise RequestError(f"{where}: property '{pid}' is not used for matching (a query may use {usable})")
    return pid


@dataclass(frozen=True, slots=True)
class CountryCondition:
    """Countries a query names: ISO 3166-1 alpha-2 codes and how to hold them against an entity's."""

    codes: frozenset[str]
    quantifier: Quantifier = "any"
    required: bool = False

    def test(self, countries: Sequence[str]) -> bool | None:
        """Whether an entity operating in ``countries`` meets the condition; ``None`` when none are known."""
        if not countries:
            return None
        have = set(countries)
        if self.quantifier == "all":
            return self.codes <= have
        if self.quantifier == "none":
            return not have & self.codes
        return bool(have & self.codes)


@dataclass(frozen=True, slots=True)
class Query:
    """One reconciliation query, whatever the version of the API it came in.

    Attributes:
        text: the name to resolve (``None``: no name was given, so nothing is found).
        types: registry kinds the candidates should have (empty: any).
        limit: the most candidates to return (``None``: :data:`DEFAULT_LIMIT`).
        countries: country conditions, all of which a candidate should meet.
        type_required: drop candidates of other types instead of listing them last.
    """

    text: str | None
    types: frozenset[str] = frozenset()
    limit: int | None = None
    countries: tuple[CountryCondition, ...] = ()
    type_required: bool = False

    @property
    def narrowed(self) -> bool:
        """Whether a type or a country narrows the answer."""
        return bool(self.types or self.countries)


@dataclass(frozen=True, slots=True)
class Feature:
    """A matching feature of a candidate: a number or a yes/no."""

    id: str
    value: float | bool


@dataclass(frozen=True, slots=True)
class Scored:
    """One candidate for a query: the entity, its score, whether it is the match, and why.

    Attributes:
        entity: the registry entity.
        score: the resolver's score, 0 to 100.
        match: whether the service holds this candidate to be the entity meant.
        alias: the registry name that was matched (``None`` when the query was an id).
        method: how the resolver found it (exact, acronym, key, skeleton, fuzzy, redirect, word stage).
        status: what the resolver answered for the query (matched, ambiguous, unresolved).
        features: the matching features.
    """

    entity: Entity
    score: float
    match: bool
    alias: str | None
    method: str | None
    status: str
    features: tuple[Feature, ...]

    def description(self, type_name: str) -> str:
        """A one-line description: type, countries, and the name matched when it is not the display name."""
        parts = [type_name]
        if self.entity.countries:
            parts.append(", ".join(self.entity.countries))
        if self.alias and self.alias != self.entity.name and self.method != "redirect":
            parts.append(f"matched “{self.alias}” ({self.method})")
        elif self.method == "redirect" and self.alias:
            parts.append(f"old id {self.alias}")
        return " · ".join(parts)


def reconcile(snapshot: Snapshot, queries: Sequence[Query]) -> list[list[Scored]]:
    """Answer a batch of queries from one snapshot, in order.

    The names are resolved together (:meth:`aliasctl.Resolver.resolve_batch`),
    which is much faster for many names than one at a time; each answer is the
    one :meth:`aliasctl.Resolver.resolve` gives.
    """
    tops = [_top(q) for q in queries]
    matches: list[Match | None] = [None] * len(queries)
    for top in sorted(set(tops)):
        picked = [i for i, q in enumerate(queries) if tops[i] == top and q.text is not None]
        texts = [queries[i].text or "" for i in picked]
        for i, match in zip(picked, snapshot.resolver.resolve_batch(texts, top=top), strict=True):
            matches[i] = match
    return [
        _candidates(snapshot, q, m) if m is not None else [] for q, m in zip(queries, matches, strict=True)
    ]


def _top(query: Query) -> int:
    limit = query.limit or DEFAULT_LIMIT
    # A type or a country may set candidates aside: ask the resolver for more to choose from.
    return min(MAX_LIMIT, max(limit, DEFAULT_LIMIT) * (2 if query.narrowed else 1))


@dataclass(slots=True)
class _Found:
    entity: Entity
    score: float
    alias: str | None
    method: str | None
    type_ok: bool | None
    tests: list[bool | None]

    @property
    def against(self) -> bool:
        """Known to be of another type, or to operate elsewhere."""
        return self.type_ok is False or any(t is False for t in self.tests)

    @property
    def fits(self) -> bool:
        """Known to meet every condition the query gave."""
        return self.type_ok is not False and all(t is True for t in self.tests)


def _candidates(snapshot: Snapshot, query: Query, match: Match) -> list[Scored]:
    if match.status == MATCHED and match.id is not None:
        hits = [(match.id, match.score, match.matched_alias, match.method)]
    else:
        hits = [(c.id, c.score, c.alias, c.method) for c in match.candidates]
    found: list[_Found] = []
    for entity_id, score, alias, method in hits:
        entity = snapshot.entity(entity_id)
        if entity is None:  # pragma: no cover - the index and the registry are built from the same bytes
            continue
        type_ok = (entity.kind in query.types) if query.types else None
        tests = [cond.test(entity.countries) for cond in query.countries]
        if query.type_required and type_ok is False:
            continue
        if any(cond.required and ok is not True for cond, ok in zip(query.countries, tests, strict=True)):
            continue
        found.append(_Found(entity, score, alias, method, type_ok, tests))
    chosen: _Found | None = None
    if match.status == MATCHED and found and not found[0].against:
        chosen = found[0]
    elif match.status == AMBIGUOUS and query.narrowed and found:
        best = max(f.score for f in found)
        tied = [f for f in found if f.score >= best - TIE_MARGIN and f.score >= snapshot.resolver.min_score]
        fitting = [f for f in tied if f.fits]
        if len(tied) >= 2 and len(fitting) == 1:
            chosen = fitting[0]
    # The match first, then the candidates nothing speaks against, each group by score.
    found.sort(key=lambda f: (f is not chosen, f.against, -f.score))
    return [_scored(snapshot, query, match, f, f is chosen) for f in found[: query.limit or DEFAULT_LIMIT]]


def _scored(snapshot: Snapshot, query: Query, match: Match, found: _Found, chosen: bool) -> Scored:
    features = [Feature("score", round(found.score, 1)), Feature(f"status_{match.status}", True)]
    if found.method:
        features.append(Feature(f"method_{found.method}", True))
    info = snapshot.aliases.get((found.entity.id, found.alias)) if found.alias else None
    if info is not None:
        features.append(Feature(f"alias_{info.type}", True))
        features.append(Feature("alias_shared", info.shared))
    if query.countries and all(t is not None for t in found.tests):
        features.append(Feature("country_match", all(t is True for t in found.tests)))
    if found.type_ok is not None:
        features.append(Feature("type_match", found.type_ok))
    return Scored(found.entity, found.score, chosen, found.alias, found.method, match.status, tuple(features))


__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "MAX_QUERY_CHARS",
    "TIE_MARGIN",
    "CountryCondition",
    "Feature",
    "Query",
    "RequestError",
    "Scored",
    "Settings",
    "check_text",
    "count_param",
    "country_codes",
    "decode_json",
    "property_values",
    "query_limit",
    "query_property",
    "reconcile",
    "shown",
    "type_ids",
]
