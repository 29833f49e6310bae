"""Match list entries to the registry and propose what each adds: the step every list shares.

For each organisation on the list, every name the list gives it that is not
weak is resolved; those answers are the evidence. An entry is *matched* to an
entity when its names resolve to that entity and to no other; it is *sure*
when, besides, one of them is a name the registry already holds (an exact,
key or acronym match), no name points elsewhere and the countries do not
disagree. An entry whose names point at several entities, or that only the
list's country ties to one of several candidates, is proposed for the entity
with most of its evidence and marked for review. An entry nothing resolves is
proposed as a new entity.

Weak names (OFAC's weak a.k.a.s, the UN's and the UK's low-quality ones, the
EU's names not marked strong) never count as evidence: they are kept, marked
``weak: true``, as aliases of whatever the other names decide.

What an entry adds is its names the entity lacks (a name is lacking when no
name of the entity has its normalized key; one that another entity holds is
left out and said so in the notes, since it would clash on merge) with their
provenance, and a designation record where the list gives a listing date.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .. import normalize
from ..matching.resolver import AMBIGUOUS, MATCHED, Match, Resolver
from ..registry.model import COUNTRIES, Alias, Designation, Entity, Provenance, Registry
from ..registry.proposals import REVIEW_HELP, free_id, proposals_file, render_entity
from .model import LISTS, SHORT_NAMES, ListEntry, ListFile, ListName

#: Resolver methods that find a name the registry holds, not a spelling near one.
SURE_METHODS = frozenset({"exact", "key", "acronym", "id", "redirect"})
# Little words left out when an acronym is compared with a name's initials.
_PARTICLES = frozenset("al el the of and in for de del la le les wa ul e i fi".split())


@dataclass
class Proposal:
    """What one registry entity (or one new entity) gets from the list."""

    entity_id: str
    name: str
    kind: str
    new: bool
    entries: list[ListEntry] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)
    designations: list[Designation] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    #: Every entry behind it matched this entity without doubt.
    sure: bool = True
    notes: list[str] = field(default_factory=list)

    def entity(self, *, proposed: bool) -> Entity:
        """The proposal as a registry entity (notes only while it is proposed)."""
        return Entity(
            id=self.entity_id,
            name=self.name,
            kind=self.kind,
            countries=tuple(self.countries) if self.new else (),
            aliases=tuple(self.aliases),
            designations=tuple(self.designations),
            sources=tuple(self.sources) if self.new else (),
            notes=" ".join(self.notes) if proposed and self.notes else None,
            proposed=proposed,
        )

    @property
    def adds_something(self) -> bool:
        """Whether merging it would change the registry."""
        return self.new or bool(self.aliases or self.designations)


@dataclass
class ImportResult:
    """What an import found: every proposal, and what was left aside."""

    list_file: ListFile
    proposals: list[Proposal]
    #: Entries of the list that are not organisations, by kind (individual, vessel...).
    skipped: dict[str, int]
    #: Organisations left out by the programme filter.
    filtered: int = 0
    #: Organisations whose every name and designation the registry already has.
    known: int = 0

    @property
    def organisations(self) -> int:
        """How many organisations were matched or proposed."""
        return sum(len(p.entries) for p in self.proposals) + self.known

    def text(self, source: str, *, sure: bool | None = None, proposed: bool = True) -> str:
        """The proposals file (or, with ``sure=True`` and ``proposed=False``, the part to apply at once).

        Args:
            source: what was read, for the header.
            sure: only the proposals that are (``True``) or are not (``False``) sure; ``None``: all.
            proposed: mark the entries ``proposed: true`` (with their notes).
        """
        chosen = [p for p in self.proposals if p.adds_something and (sure is None or p.sure == sure)]
        lf = self.list_file
        header = [
            f"# Proposals from `aliasctl import` of the {LISTS[lf.list]}, read from {source}.",
            "# SHA-256 of the files read: " + ", ".join(f"{_base(p)} {h}" for p, h in lf.files) + ".",
            *REVIEW_HELP,
        ]
        return proposals_file(header, (render_entity(p.entity(proposed=proposed), proposed=proposed, notes=proposed) for p in chosen))


def _base(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def matches_program(entry: ListEntry, programs: Sequence[str]) -> bool:
    """Whether the entry is listed under one of ``programs``.

    A programme matches a programme the list writes (``SDGT``, ``FTO``,
    ``Al-Qaida``, ``TERR``...), a designation code (``us-sdgt``,
    ``un-1267``), or the number of a UN list (``1267``), case aside.
    """
    wanted = {p.strip().casefold() for p in programs if p.strip()}
    have = {p.casefold() for p in entry.programs} | {d.casefold() for d in entry.designations}
    have |= {d.rsplit("-", 1)[-1] for d in entry.designations}
    return bool(wanted & have)


def _initials(text: str, skip: frozenset[str]) -> str:
    words = re.split(r"[\s\-/]+", normalize.key(text))
    return "".join(w[0] for w in words if w and w not in skip)


def _acronym_of(name: ListName, others: Iterable[ListName]) -> bool:
    """A short name that spells the initials of another of the entry's names, or has no vowel."""
    letters = name.text.replace(".", "")
    if " " in name.text.strip() or not letters.isalpha() or not 2 <= len(letters) <= 6:
        return False
    folded = letters.casefold()
    if not any(c in "aeiouy" for c in folded):
        return True
    for other in others:
        if other.text != name.text and folded in (_initials(other.text, _PARTICLES), _initials(other.text, frozenset())):
            return True
    return False


@dataclass(slots=True)
class _Forms:
    """Which registry entities hold each normalized name (by key, and acronyms by their letters)."""

    keys: dict[str, set[str]]
    acronyms: dict[str, set[str]]

    @classmethod
    def of(cls, registry: Registry) -> _Forms:
        keys: dict[str, set[str]] = defaultdict(set)
        acronyms: dict[str, set[str]] = defaultdict(set)
        for ent in registry.entities:
            for a in ent.names():
                k = normalize.key(a.text) or normalize.display_key(a.text)
                if k:
                    keys[k].add(ent.id)
                if a.type == "acronym":
                    acronyms[normalize.acronym_key(a.text)].add(ent.id)
        return cls(keys, acronyms)

    def holders(self, text: str, acronym: bool) -> set[str]:
        k = normalize.key(text) or normalize.display_key(text)
        found = set(self.keys.get(k, ()))
        if acronym:
            found |= self.acronyms.get(normalize.acronym_key(text), set())
        return found


def _alias(name: ListName, entry: ListEntry, acronym: bool) -> Alias:
    atype = "former-name" if name.kind == "fka" else "native" if name.native else "acronym" if acronym else "translit"
    return Alias(
        name.text,
        atype,
        name.lang,
        False,
        entry.url,
        weak=name.weak,
        provenance=Provenance(entry.list, entry.record, name.kind, name.quality, entry.listed, name.sha256 or None),
    )


def _designations(entry: ListEntry) -> list[Designation]:
    url = entry.url or ""
    if not entry.listed or not url.startswith("https://"):
        return []
    return [Designation(code, entry.listed, url, ref=entry.record) for code in entry.designations]


def _describe(entry: ListEntry) -> str:
    progs = f" ({', '.join(entry.programs)})" if entry.programs else ""
    return f"{SHORT_NAMES[entry.list]} entry {entry.record}{progs}"


@dataclass(slots=True)
class _Choice:
    entity_id: str | None
    sure: bool
    why: list[str]


def _choose(entry: ListEntry, answers: dict[str, Match], registry: Registry) -> _Choice:
    votes: Counter[str] = Counter()
    sure_ids: set[str] = set()
    doubts: list[str] = []
    ambiguous: list[Match] = []
    for name in entry.names:
        if name.weak:
            continue
        m = answers[name.text]
        if m.status == MATCHED and m.id:
            votes[m.id] += 1
            if m.method in SURE_METHODS:
                sure_ids.add(m.id)
        elif m.status == AMBIGUOUS:
            ambiguous.append(m)
    if votes:
        ranked = votes.most_common()
        top = ranked[0][0]
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            # A tie: the entity the list's own name points at, else the first by id.
            own = answers[entry.name.text]
            top = own.id if own.status == MATCHED and own.id in dict(ranked) else min(i for i, n in ranked if n == ranked[0][1])
        others = [i for i, _ in ranked if i != top]
        if others:
            doubts.append(f"its names also match {', '.join(others)}")
        for m in ambiguous:
            if top not in {c.id for c in m.candidates}:
                doubts.append(f"'{m.query}' is ambiguous between {', '.join(c.id for c in m.candidates)}")
        ent = registry.get(top)
        if ent is not None and entry.countries and ent.countries and not set(entry.countries) & set(ent.countries):
            doubts.append(
                f"the list gives {', '.join(entry.countries)}, the registry {', '.join(ent.countries)}"
            )
        if top not in sure_ids:
            doubts.append("no name of it is one the registry already holds, only a near spelling")
        return _Choice(top, not doubts, doubts)
    # Nothing matched outright: a country may single out one candidate of an ambiguous name.
    if ambiguous and entry.countries:
        cands = {c.id for m in ambiguous for c in m.candidates}
        fits = sorted(i for i in cands if (e := registry.get(i)) is not None and set(e.countries) & set(entry.countries))
        if len(fits) == 1:
            return _Choice(fits[0], False, [f"chosen among {', '.join(sorted(cands))} by the list's country"])
    return _Choice(None, False, [])


def propose(
    list_file: ListFile,
    resolver: Resolver,
    registry: Registry,
    *,
    programs: Sequence[str] = (),
) -> ImportResult:
    """Match every organisation of a list to the registry and work out what each adds.

    Args:
        list_file: what a list reader returned.
        resolver: the registry's resolver.
        registry: the same registry, loaded (for what its entities already hold).
        programs: keep only entries listed under one of these (see :func:`matches_program`).

    Returns:
        The proposals, one per registry entity or new entity, in list order.
    """
    skipped: Counter[str] = Counter()
    filtered = 0
    orgs: list[ListEntry] = []
    for entry in list_file.entries:
        if entry.subject != "organisation":
            skipped[entry.subject] += 1
        elif programs and not matches_program(entry, programs):
            filtered += 1
        else:
            orgs.append(entry)
    texts = list(dict.fromkeys(n.text for e in orgs for n in e.names if not n.weak))
    answers = dict(zip(texts, resolver.resolve_batch(texts), strict=True))
    forms = _Forms.of(registry)
    taken = {e.id for e in registry.entities} | {r.source for r in registry.redirects}
    by_entity: dict[str, Proposal] = {}
    order: list[Proposal] = []
    known = 0
    for entry in orgs:
        choice = _choose(entry, answers, registry)
        ent = registry.get(choice.entity_id) if choice.entity_id else None
        if ent is not None:
            prop = by_entity.get(ent.id)
            if prop is None:
                prop = Proposal(ent.id, ent.name, ent.kind, False)
                by_entity[ent.id] = prop
                order.append(prop)
            have = {normalize.key(a.text) or normalize.display_key(a.text) for a in ent.names()}
            have_des = {(d.code, d.date) for d in ent.designations}
            me = ent.id
        else:
            own = entry.name.text
            prop = Proposal(free_id(own, taken), own, "armed-group", True)
            order.append(prop)
            have = {normalize.key(own) or normalize.display_key(own)}
            have_des = set()
            me = prop.entity_id
            prop.countries = [c for c in entry.countries if c in COUNTRIES]
            if entry.url:
                prop.sources = [entry.url]
        have |= {normalize.key(a.text) or normalize.display_key(a.text) for a in prop.aliases}
        added: list[str] = []
        already: list[str] = []
        elsewhere: list[str] = []
        for name in entry.names:
            acronym = _acronym_of(name, entry.names)
            k = normalize.key(name.text) or normalize.display_key(name.text)
            if k in have:
                if not (prop.new and name is entry.name):
                    already.append(name.text)
                continue
            holders = forms.holders(name.text, acronym) - {me}
            if holders:
                elsewhere.append(f"'{name.text}' ({', '.join(sorted(holders))})")
                continue
            have.add(k)
            prop.aliases.append(_alias(name, entry, acronym))
            added.append(name.text)
        new_des = [d for d in _designations(entry) if (d.code, d.date) not in have_des]
        have_des |= {(d.code, d.date) for d in new_des}
        prop.designations += [d for d in new_des if (d.code, d.date) not in {(x.code, x.date) for x in prop.designations}]
        if not prop.new and not added and not new_des:
            # Nothing to add: whatever the doubts, there is nothing to review.
            known += 1
            if not prop.entries and not prop.aliases and not prop.designations:
                order.remove(prop)
                del by_entity[prop.entity_id]
            continue
        prop.entries.append(entry)
        prop.sure = prop.sure and choice.sure and not prop.new
        prop.notes.append(_note(entry, prop, added, already, elsewhere, choice.why, new_des))
    return ImportResult(list_file, order, dict(skipped), filtered, known)


def _note(
    entry: ListEntry,
    prop: Proposal,
    added: list[str],
    already: list[str],
    elsewhere: list[str],
    doubts: list[str],
    designations: list[Designation],
) -> str:
    parts = [f"proposed: {_describe(entry)}"]
    if prop.new:
        parts.append("a new entity; check its kind, countries and sources")
    else:
        n = len(added)
        parts.append(f"{n} new name{'s' if n != 1 else ''} for {prop.entity_id}")
    if already:
        parts.append(f"{len(already)} it already has")
    if elsewhere:
        parts.append("left out, held by other entities: " + ", ".join(elsewhere))
    if designations:
        parts.append("designation " + ", ".join(f"{d.code} {d.date}" for d in designations))
    elif entry.designations and not entry.listed:
        parts.append(f"no listing date in the file, so no designation record for {', '.join(entry.designations)}")
    if doubts:
        parts.append("check: " + "; ".join(doubts))
    return "; ".join(parts) + "."
