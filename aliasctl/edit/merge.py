"""Merge one entity into another (``merge``), or another registry into this one (``merge --from``).

``merge --from`` runs in three steps, each a small function:

* detect: compare every entity and redirect of theirs with this registry and
  list the conflicts (:class:`_Found`);
* plan: settle the conflicts as ``on_conflict`` says and work out, from the
  two data models alone, what each entity here gains and loses, which
  entities and redirects are added and what the report says (:class:`_Plan`);
* apply: rewrite the lines of the entities the plan changes, each once, and
  nothing else.

An entity the plan leaves alone is never loaded or written again, so merging
an identical copy costs two parses and no rewrite.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .. import normalize
from ..constants import ON_CONFLICT
from ..errors import DataError, UsageError
from ..registry.change import Conflict, Edit
from ..registry.loader import Document, load_document, load_strict
from ..registry.model import ENTITY_FIELDS, Alias, Designation, Entity, Redirect, Registry
from ..registry.yamlrt import CommentedMap, CommentedSeq, load_block, put
from .entities import clash, form, key_owners, live_entity, redirect, repoint_relations, retarget
from .layout import (
    LinePatch,
    alias_item,
    append,
    canon_active,
    canon_designation,
    canon_ids,
    canon_relation,
    designation_item,
    edit_redirects,
    finish,
    insert_entities,
    locate,
    reorder,
    style,
)

# -- what an entity gains -----------------------------------------------------


def _text_of(item: Any) -> str:
    return str(item.get("text", "")) if isinstance(item, dict) else str(item)


def _type_of(item: Any) -> str:
    return str(item.get("type", "translit")) if isinstance(item, dict) else "translit"


def _alias_key(text: str) -> str:
    return normalize.key(text) or normalize.display_key(text)


def _name_keys(ent: Entity) -> set[str]:
    return {_alias_key(a.text) for a in ent.names()}


def _alias_from_model(a: Alias, ent: Entity) -> Any:
    # A source given by position names a URL of ``ent``: moved elsewhere, it is written out.
    return alias_item(
        a.text,
        a.type if a.type != "translit" else None,
        a.lang,
        a.shared,
        ent.source_url(a.source),
        weak=a.weak,
        provenance=a.provenance,
    )


def _cite_by_url(item: Any, ent: Entity) -> Any:
    """An alias as written, its source position (if any) replaced by the URL it names in ``ent``."""
    if isinstance(item, CommentedMap) and str(item.get("source", "")).isdigit():
        url = ent.source_url(int(item["source"]))
        if url is not None:
            put(item, "source", style(url))
    return item


@dataclass(slots=True)
class _Holdings:
    """The relations, sources and countries an entity has, including what earlier gains planned."""

    relations: set[tuple[str, str]]
    sources: set[str]
    countries: set[str]
    #: (list, date) of each designation.
    designations: set[tuple[str, str]] = field(default_factory=set)


@dataclass(slots=True)
class _Gain:
    """What an entity gains: items to append to its lists."""

    aliases: list[Any] = field(default_factory=list)
    relations: list[tuple[str, str]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    designations: list[Designation] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How many of each, for the report."""
        return {
            "aliases": len(self.aliases),
            "relations": len(self.relations),
            "sources": len(self.sources),
            "countries": len(self.countries),
            "designations": len(self.designations),
        }

    def apply(self, e: CommentedMap) -> None:
        """Append the items to the entity ``e``."""
        append(e, "aliases", self.aliases)
        append(
            e,
            "relations",
            [canon_relation(CommentedMap([("type", style(t)), ("target", style(g))])) for t, g in self.relations],
        )
        append(e, "sources", [style(x) for x in self.sources])
        append(e, "countries", [style(x) for x in self.countries])
        append(e, "designations", [designation_item(d) for d in self.designations])


def _gain(
    me: str,
    have: _Holdings,
    seen_keys: set[str],
    aliases: Iterable[Any],
    relations: Iterable[tuple[str, str]],
    sources: Iterable[str],
    countries: Iterable[str],
    designations: Iterable[Designation] = (),
) -> _Gain:
    """What the entity ``me`` lacks of what is offered.

    Aliases are new by normalized key (``seen_keys``), relations by (type,
    target) and never to ``me`` itself, sources and countries as written,
    designations by list and date. ``have`` and ``seen_keys`` are updated
    with what is taken.
    """
    gain = _Gain()
    for item in aliases:
        k = _alias_key(_text_of(item))
        if k not in seen_keys:
            seen_keys.add(k)
            gain.aliases.append(item)
    for pair in relations:
        if pair[1] != me and pair not in have.relations:
            have.relations.add(pair)
            gain.relations.append(pair)
    gain.sources = [x for x in dict.fromkeys(sources) if x not in have.sources]
    have.sources.update(gain.sources)
    for des in designations:
        if (des.code, des.date) not in have.designations:
            have.designations.add((des.code, des.date))
            gain.designations.append(des)
    gain.countries = [x for x in dict.fromkeys(countries) if x not in have.countries]
    have.countries.update(gain.countries)
    return gain


def _holdings(ent: Entity) -> _Holdings:
    return _Holdings(
        {(r.type, r.target) for r in ent.relations},
        set(ent.sources),
        set(ent.countries),
        {(d.code, d.date) for d in ent.designations},
    )


def _counts_text(counts: dict[str, int]) -> str:
    parts = [f"+{n} {what}" for what, n in counts.items() if n]
    return ", ".join(parts) if parts else "nothing new"


# -- merge ------------------------------------------------------------------


def merge(text: str, source_id: str, into_id: str, *, path: str = "aliases.yaml") -> Edit:
    """Merge the entity ``source_id`` into ``into_id``.

    ``into_id`` gains the source's name (as an alias), its aliases (one per
    normalized key), relations, sources and countries, the outside ids and
    active years it lacks, the designations it does not have, and its notes
    when it has none (else they are appended); a source given by position is
    written out as its URL. The source is removed and
    ``redirects: {source_id: into_id}`` recorded; redirects and relations that
    pointed at the source point at ``into_id``.

    Raises:
        UsageError: merging an entity into itself, or an unknown or old id.
    """
    doc = load_document(text, path)
    reg = doc.registry
    if source_id == into_id:
        raise UsageError(f"cannot merge '{source_id}' into itself")
    src = live_entity(reg, source_id, " as SOURCE_ID")
    into = live_entity(reg, into_id, " as INTO_ID")
    lay = locate(text, doc)
    patch = LinePatch(lay)
    src_seg = lay.segment(source_id)
    # The source's aliases as written, with their comments and quotes.
    src_map = load_block(lay.entity_text(src_seg), src_seg.indent)[0]
    have = _Holdings(
        {(r.type, into_id if r.target == source_id else r.target) for r in into.relations},
        set(into.sources),
        set(into.countries),
    )
    gain = _gain(
        into_id,
        have,
        _name_keys(into),
        [style(src.name), *[_cite_by_url(a, src) for a in src_map.get("aliases") or []]],
        [(r.type, into_id if r.target == source_id else r.target) for r in src.relations],
        src.sources,
        src.countries,
    )
    outside = CommentedMap()
    _copy_outside_data(outside, src)
    kept: list[str] = []
    gained_ids = {}
    for scheme, value in (outside.get("ids") or {}).items():
        mine = into.outside_id(scheme)
        if mine is None:
            gained_ids[scheme] = value
        elif str(mine) != str(value.get("id") if isinstance(value, dict) else value):
            kept.append(f"{into_id}: kept {scheme} {mine} ({source_id} had {value.get('id') if isinstance(value, dict) else value})")
    gained_active = outside.get("active") if into.active is None else None
    have_des = {(d.code, d.date) for d in into.designations}
    gained_des = [
        d for d, m in zip(outside.get("designations") or [], src.designations, strict=True)
        if (m.code, m.date) not in have_des
    ]
    notes: str | None = None
    if src.notes and not into.notes:
        notes = src.notes
    elif src.notes and into.notes and src.notes not in into.notes:
        notes = f"{into.notes} Merged from {source_id}: {src.notes}"

    def fn(e: CommentedMap) -> bool:
        changed = retarget(e, source_id, into_id, into_id)
        gain.apply(e)
        if gained_ids:
            ids = e.get("ids")
            if not isinstance(ids, CommentedMap):
                ids = e["ids"] = CommentedMap()
            ids.update(gained_ids)
            put(e, "ids", canon_ids(ids))
        if gained_active is not None:
            e["active"] = canon_active(gained_active)
        append(e, "designations", [canon_designation(d) for d in gained_des])
        reorder(e, ENTITY_FIELDS)
        if notes is not None:
            if "notes" in e:
                put(e, "notes", style(notes))
            else:
                e["notes"] = style(notes)
                reorder(e, ENTITY_FIELDS)
        return changed or notes is not None or any(counts.values())

    counts = {
        # merge() counts designations itself (below), in the order the report gives them.
        **{k: n for k, n in gain.counts().items() if k != "designations"},
        "outside ids": len(gained_ids),
        "active years": int(gained_active is not None),
        "designations": len(gained_des),
    }

    patch.rewrite(lay.segment(into_id), fn)
    patch.replace(src_seg.start, src_seg.end, "")
    report = [f"merged {source_id} into {into_id}: {_counts_text(counts)}", *kept]
    repoint_relations(lay, patch, reg, source_id, into_id, {source_id, into_id}, report)
    redirect(lay, patch, reg, source_id, into_id, report)
    if src.notes:
        report.append(f"{into_id}: notes of {source_id} kept")
    return finish(text, patch, path, report)


# -- merge --from: detect ------------------------------------------------------


@dataclass(slots=True)
class _Here:
    """This registry, looked up the ways ``merge --from`` needs."""

    registry: Registry
    entities: dict[str, Entity]
    redirects: dict[str, str]
    owners: dict[tuple[str, str], dict[str, bool]]

    @classmethod
    def of(cls, reg: Registry) -> _Here:
        return cls(
            reg,
            {e.id: e for e in reg.entities},
            {r.source: r.target for r in reg.redirects},
            key_owners(reg),
        )

    def live(self, entity_id: str) -> str:
        """The live id here for ``entity_id`` (itself when it is unknown here)."""
        return self.registry.resolve_id(entity_id) or entity_id


@dataclass(slots=True)
class _TheirEntity:
    """One entity of theirs, compared with this registry."""

    theirs: Entity
    #: The id it lands on here: its own, or where its id redirects to here.
    target_id: str
    mine: Entity | None
    conflicts: list[Conflict]
    #: Its names that other entities here hold: text -> their ids.
    clashes: dict[str, list[str]]


@dataclass(slots=True)
class _TheirRedirect:
    """One redirect of theirs, compared with this registry."""

    redirect: Redirect
    #: Where it leads here.
    target: str
    #: ``new`` (unknown here), ``same`` (leads to the same entity), ``live``
    #: (its old id is a live entity here) or ``differs`` (leads elsewhere here).
    status: str
    conflict: Conflict | None = None


@dataclass(slots=True)
class _Found:
    entities: list[_TheirEntity]
    redirects: list[_TheirRedirect]

    @property
    def conflicts(self) -> list[Conflict]:
        out = [c for te in self.entities for c in te.conflicts]
        return out + [r.conflict for r in self.redirects if r.conflict is not None]


def _detect_entity(here: _Here, te: Entity) -> _TheirEntity:
    target_id = te.id
    conflicts: list[Conflict] = []
    if te.id in here.redirects:
        conflicts.append(Conflict(te.id, f"is an old id here (redirects to {here.redirects[te.id]})"))
        target_id = here.live(te.id)
    mine = here.entities.get(target_id)
    if mine is not None:
        if te.name != mine.name and _alias_key(te.name) not in _name_keys(mine):
            conflicts.append(Conflict(te.id, f"name: here '{mine.name}', theirs '{te.name}'"))
        if te.kind != mine.kind:
            conflicts.append(Conflict(te.id, f"kind: here {mine.kind}, theirs {te.kind}"))
        if te.notes and mine.notes and te.notes != mine.notes and not te.proposed:
            conflicts.append(Conflict(te.id, "notes differ"))
    clashes: dict[str, list[str]] = {}
    # A name the entity here already has is nothing new: it cannot clash.
    have = {form(a.text, a.type) for a in mine.names()} if mine is not None else set()
    for alias in te.names():
        if form(alias.text, alias.type) in have:
            continue
        others = clash(here.owners, alias.text, target_id, alias.type, alias.shared)
        if others:
            clashes[alias.text] = others
            conflicts.append(Conflict(te.id, f"alias '{alias.text}' belongs to {', '.join(others)} here"))
    return _TheirEntity(te, target_id, mine, conflicts, clashes)


def _detect_redirect(here: _Here, red: Redirect) -> _TheirRedirect:
    target = here.live(red.target)
    if red.source in here.entities:
        conflict = Conflict(red.source, f"theirs redirects it to {red.target}, here it is live")
        return _TheirRedirect(red, target, "live", conflict)
    mine = here.redirects.get(red.source)
    if mine is None:
        return _TheirRedirect(red, target, "new")
    if here.live(mine) != target:
        conflict = Conflict(red.source, f"redirect: here -> {mine}, theirs -> {red.target}")
        return _TheirRedirect(red, target, "differs", conflict)
    return _TheirRedirect(red, target, "same")


def _detect(here: _Here, theirs: Registry) -> _Found:
    return _Found(
        [_detect_entity(here, te) for te in theirs.entities],
        [_detect_redirect(here, red) for red in theirs.redirects],
    )


# -- merge --from: plan --------------------------------------------------------


@dataclass(slots=True)
class _Growth:
    """What one entity here takes from one entity of theirs."""

    entity_id: str
    gain: _Gain
    name: str | None = None
    kind: str | None = None
    notes: str | None = None

    def counts(self) -> dict[str, int]:
        counts = self.gain.counts()
        if self.notes is not None:
            counts["notes"] = 1
        return counts

    def changes(self) -> bool:
        return self.name is not None or self.kind is not None or self.notes is not None or any(
            self.gain.counts().values()
        )

    def apply(self, e: CommentedMap) -> None:
        if self.name is not None:
            put(e, "name", style(self.name))
        if self.kind is not None:
            put(e, "kind", style(self.kind))
        if self.notes is not None:
            if "notes" in e:
                put(e, "notes", style(self.notes))
            else:
                e["notes"] = style(self.notes)
                reorder(e, ENTITY_FIELDS)
        self.gain.apply(e)


@dataclass(slots=True)
class _NewEntity:
    """An entity of theirs that is added here, with the names and relations it keeps."""

    theirs: Entity
    names: set[str]
    relations: list[tuple[str, str]]

    def mapping(self) -> CommentedMap:
        te = self.theirs
        ent = CommentedMap([("id", te.id), ("name", te.name), ("kind", te.kind)])
        if te.countries:
            ent["countries"] = CommentedSeq(te.countries)
        _copy_outside_data(ent, te)
        aliases = [_alias_from_model(a, te) for a in te.aliases if a.text in self.names]
        if aliases:
            ent["aliases"] = CommentedSeq(aliases)
        if self.relations:
            ent["relations"] = CommentedSeq(
                CommentedMap([("type", t), ("target", g)]) for t, g in dict.fromkeys(self.relations)
            )
        for k, v in (("sources", te.sources), ("audit-ignore", te.audit_ignore)):
            if v:
                ent[k] = CommentedSeq(v)
        if te.notes:
            ent["notes"] = te.notes
        if te.proposed:
            ent["proposed"] = "true"
        return ent


def _copy_outside_data(ent: CommentedMap, te: Entity) -> None:
    """Copy ``te``'s outside ids, active years and designations, each source as its URL."""
    if te.ids:
        ids = CommentedMap()
        for oid in te.ids:
            url = te.source_url(oid.source)
            ids[oid.scheme] = (
                CommentedMap([("id", str(oid.value)), ("source", url)]) if url else str(oid.value)
            )
        ent["ids"] = ids
    if te.active is not None:
        active = CommentedMap()
        for key, year in (("from", te.active.start), ("to", te.active.end)):
            if year is not None:
                active[key] = str(year)
        url = te.source_url(te.active.source)
        if url:
            active["source"] = url
        ent["active"] = active
    if te.designations:
        ent["designations"] = CommentedSeq(
            CommentedMap(
                (k, v)
                for k, v in (
                    ("list", d.code),
                    ("date", d.date),
                    ("revoked", d.revoked),
                    ("ref", d.ref),
                    ("url", d.url),
                )
                if v
            )
            for d in te.designations
        )


@dataclass(slots=True)
class _Plan:
    """Everything ``merge --from`` will do, worked out before any text is touched."""

    report: list[str] = field(default_factory=list)
    new_entities: list[_NewEntity] = field(default_factory=list)
    growths: list[_Growth] = field(default_factory=list)
    #: Entity here -> the name forms it gives up to theirs (``theirs`` only).
    moved: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    #: Entity here -> the aliases it loses, as the report names them.
    dropped: dict[str, list[str]] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    #: Entities here the plan changes, in the order they were first touched.
    touched: list[str] = field(default_factory=list)


def _grow(here: _Here, te: Entity, mine: Entity, names: set[str], take_theirs: bool, have: _Holdings) -> _Growth:
    """What the entity ``mine`` takes from the entity ``te`` of theirs, keeping the names in ``names``."""
    seen = _name_keys(mine)
    extra = [style(te.name)] if te.name != mine.name and te.name in names else []
    growth = _Growth(mine.id, _Gain())
    if take_theirs and te.name != mine.name:
        growth.name = te.name
        extra = [style(mine.name)]
        seen = (seen - {_alias_key(mine.name)}) | {_alias_key(te.name)}
    if take_theirs and te.kind != mine.kind:
        growth.kind = te.kind
    # A proposal's notes say where it came from, not what the group is.
    if te.notes and not te.proposed and (not mine.notes or take_theirs) and te.notes != mine.notes:
        growth.notes = te.notes
    # Names this entity has are left out before their YAML is built: most are, on a re-import.
    aliases = extra + [
        _alias_from_model(a, te) for a in te.aliases if a.text in names and _alias_key(a.text) not in seen
    ]
    relations = [(r.type, here.live(r.target)) for r in te.relations]
    growth.gain = _gain(mine.id, have, seen, aliases, relations, te.sources, te.countries, te.designations)
    return growth


def _plan(here: _Here, found: _Found, on_conflict: str | None) -> _Plan:
    plan = _Plan()
    take_theirs = on_conflict == "theirs"
    holdings: dict[str, _Holdings] = {}
    for fe in found.entities:
        te = fe.theirs
        if fe.conflicts and on_conflict == "skip":
            plan.report.append(f"skipped {te.id} (conflict)")
            continue
        if te.id in here.redirects and not take_theirs:
            plan.report.append(f"skipped {te.id}: an old id here")
            continue
        names = {a.text for a in te.names() if a.text not in fe.clashes or take_theirs}
        if take_theirs:
            types = {a.text: a.type for a in te.names()}
            for atext, others in fe.clashes.items():
                for oid in others:
                    plan.moved.setdefault(oid, set()).add(form(atext, types[atext]))
        if fe.mine is None:
            if te.name not in names:
                plan.report.append(f"skipped {te.id}: its name '{te.name}' belongs to another entity here")
                continue
            relations = [(r.type, here.live(r.target)) for r in te.relations]
            plan.new_entities.append(_NewEntity(te, names, relations))
            plan.report.append(f"added {te.id}")
            continue
        have = holdings.setdefault(fe.mine.id, _holdings(fe.mine))
        plan.growths.append(_grow(here, te, fe.mine, names, take_theirs, have))
    for fr in found.redirects:
        if fr.status == "live" and on_conflict is not None:
            plan.report.append(f"kept {fr.redirect.source} (live here; not turned into a redirect)")
        elif fr.status == "new" or (fr.status == "differs" and take_theirs):
            plan.redirects[fr.redirect.source] = fr.target
    _plan_drops(here, plan)
    changed = {g.entity_id for g in plan.growths if g.changes()} | {o for o, a in plan.dropped.items() if a}
    first_touched = dict.fromkeys([g.entity_id for g in plan.growths] + list(plan.moved))
    plan.touched = [eid for eid in first_touched if eid in changed]
    return plan


def _plan_drops(here: _Here, plan: _Plan) -> None:
    """The aliases each entity here gives up, after what it gains (a gained alias can go too)."""
    for oid, forms in plan.moved.items():
        aliases = [(a.text, a.type) for a in here.entities[oid].aliases]
        for growth in plan.growths:
            if growth.entity_id == oid:
                aliases += [(_text_of(item), _type_of(item)) for item in growth.gain.aliases]
        plan.dropped[oid] = [text for text, atype in reversed(aliases) if form(text, atype) in forms]


# -- merge --from: apply -------------------------------------------------------


def _drop(e: CommentedMap, forms: set[tuple[str, str]]) -> list[str]:
    """Remove the aliases of ``e`` with these forms; return their texts, last first."""
    seq = e.get("aliases") or []
    dropped = []
    for i in range(len(seq) - 1, -1, -1):
        if form(_text_of(seq[i]), _type_of(seq[i])) in forms:
            dropped.append(_text_of(seq[i]))
            del seq[i]
    if "aliases" in e and not seq:
        del e["aliases"]
    return dropped


def _apply(text: str, doc: Document, plan: _Plan, path: str, conflicts: list[Conflict]) -> Edit:
    lay = locate(text, doc)
    patch = LinePatch(lay)
    insert_entities(lay, patch, [n.mapping() for n in plan.new_entities])
    report = list(plan.report)
    if plan.redirects:

        def add_redirects(m: CommentedMap) -> None:
            for src_id, tgt in plan.redirects.items():
                put(m, src_id, style(tgt))

        edit_redirects(lay, patch, add_redirects)
        report.extend(f"redirect {s} -> {t}" for s, t in plan.redirects.items())
    for eid in plan.touched:

        def change(e: CommentedMap, eid: str = eid) -> bool:
            for growth in plan.growths:
                if growth.entity_id == eid:
                    growth.apply(e)
            if eid in plan.moved and _drop(e, plan.moved[eid]) != plan.dropped[eid]:
                raise RuntimeError(f"merge --from planned other aliases of {eid} to go")  # pragma: no cover
            return True

        patch.rewrite(lay.segment(eid), change)
        report.extend(f"{eid}: alias '{a}' moved to theirs" for a in plan.dropped.get(eid, ()))
    report.extend(f"{g.entity_id}: {_counts_text(g.counts())}" for g in plan.growths if any(g.counts().values()))
    return finish(text, patch, path, report, conflicts)


def merge_from(
    text: str,
    other: str,
    *,
    on_conflict: str | None = None,
    path: str = "aliases.yaml",
    other_path: str = "other.yaml",
    include_proposed: bool = False,
) -> Edit:
    """Bring the entities and redirects of the registry text ``other`` into ``text``.

    New entities are added at the end; an entity with the same id gets the
    union of aliases (by normalized key), relations, sources and countries,
    and the notes when it has none. Conflicts: an alias whose key belongs to a
    different entity here, a different name, kind or notes on the same id, an
    id that is an old id here, a redirect that points elsewhere here. With
    ``on_conflict`` None nothing is applied and the conflicts are returned;
    ``skip`` leaves out every entity and redirect with a conflict, ``ours``
    applies the rest and keeps ours on each conflict, ``theirs`` takes theirs
    (a clashing alias moves to their entity; a live id here is never turned
    into a redirect).

    An entry of theirs still marked ``proposed: true`` has not been reviewed:
    the merge is refused unless ``include_proposed``, and then a new entity
    keeps the flag (``audit`` reports it) while an entity that exists here
    gains its names but never its notes, which are the proposal's own text.

    Raises:
        RegistryError: either text is not a valid registry.
        DataError: theirs has entries still marked proposed, and ``include_proposed`` is off.
        UsageError: an unknown ``on_conflict``.
    """
    if on_conflict is not None and on_conflict not in ON_CONFLICT:
        raise UsageError(f"--on-conflict must be one of {', '.join(ON_CONFLICT)}")
    doc = load_document(text, path)
    theirs = load_strict(other, other_path)
    if not include_proposed:
        _refuse_proposed(theirs, other_path)
    here = _Here.of(doc.registry)
    found = _detect(here, theirs)
    conflicts = found.conflicts
    if conflicts and on_conflict is None:
        return Edit(text, text, (), tuple(conflicts))
    return _apply(text, doc, _plan(here, found, on_conflict), path, conflicts)


def _refuse_proposed(theirs: Registry, other_path: str) -> None:
    """Refuse a file with entries still marked ``proposed: true``, naming them."""
    proposed = [e for e in theirs.entities if e.proposed]
    if not proposed:
        return
    first = proposed[0]
    line, col = first.marks.get("proposed", (first.line, first.col))
    ids = ", ".join(e.id for e in proposed[:10]) + (", ..." if len(proposed) > 10 else "")
    raise DataError(
        f"{len(proposed)} {'entry is' if len(proposed) == 1 else 'entries are'} still marked "
        f"proposed: true ({ids}); review them first (aliasctl review), or pass --include-proposed; "
        "nothing was written",
        other_path,
        line,
        col,
    )
