"""Edit the registry text: fmt, add, new, rename, merge, merge --from.

Every operation is a pure function from registry text to an :class:`Edit`
(the new text and a report), so ``--dry-run`` is free and writing is a
separate step (:mod:`aliasctl.atomic`).

How the text is changed: the strict reader (PyYAML) records where each entity
and the ``redirects`` block start and end; an edit replaces the lines of the
entities it touches, and only those, with the same entity written back by
ruamel.yaml's round-trip mode (:mod:`aliasctl.yamlrt`), which keeps the
entity's comments. Every other line, including comments between entities, is
kept byte for byte. The result is read again with the strict reader before it
is returned; an edit that would not load is a bug and raises.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from .. import normalize
from ..constants import ALIAS_TYPES, KINDS, ON_CONFLICT
from ..errors import RegistryError, UsageError
from ..registry.change import Conflict, Edit
from ..registry.loader import _StrictLoader, parse
from ..registry.model import ALIAS_FIELDS, COUNTRIES, ENTITY_FIELDS, ID_RE, LANG_RE, Entity, Registry
from ..registry.yamlrt import (
    CommentedMap,
    CommentedSeq,
    dump_block,
    dump_top,
    load_block,
    load_top,
    put,
    scalar,
)

_FLOW_LISTS = ("countries", "audit-ignore")
_BLOCK_LISTS = ("aliases", "relations", "sources")
_RELATION_ORDER = ("type", "target")


# -- where things are in the text ------------------------------------------


@dataclass(slots=True)
class _Segment:
    """The lines of one entity: ``lines[start:end]``; ``indent`` is the dash column."""

    id: str
    start: int
    end: int
    indent: int


@dataclass(slots=True)
class _Layout:
    lines: list[str]
    entities: list[_Segment] = field(default_factory=list)
    entities_end: int = 0
    entity_indent: int = 2
    redirects: tuple[int, int] | None = None
    block: bool = True


def _last_line(node: yaml.Node) -> int:
    """The 0-based index of the last line holding a scalar or flow collection."""
    end = node.end_mark
    return max(node.start_mark.line, end.line if end.column > 0 else end.line - 1)


def _content_last(node: yaml.Node) -> int:
    """Like :func:`_last_line`, but a block collection ends with its last item."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        return _last_line(node)
    last = node.start_mark.line
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            last = max(last, k.start_mark.line, _content_last(v))
    else:
        for item in node.value:
            last = max(last, _content_last(item))
    return last


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _layout(text: str) -> _Layout:
    lines = text.splitlines(keepends=True)
    lay = _Layout(lines)
    root = yaml.compose(text, Loader=_StrictLoader)
    if not isinstance(root, yaml.MappingNode):  # pragma: no cover - parse() refused it already
        raise RegistryError("the registry must be a mapping")
    for knode, vnode in root.value:
        if knode.value == "entities":
            if not isinstance(vnode, yaml.SequenceNode) or vnode.flow_style:
                lay.block = False
                continue
            for item in vnode.value:
                line, col = item.start_mark.line, item.start_mark.column
                head = lines[line][:col]
                if head.strip() and head.strip().strip("- ") == "" and "-" in head:
                    start, dash = line, head.rindex("-")
                else:  # the dash stands alone on an earlier line
                    start = line - 1
                    while start > 0 and not lines[start].strip():
                        start -= 1
                    dash = _indent_of(lines[start])
                end = _content_last(item) + 1
                # Comments indented deeper than the dash, right after the
                # entity, belong to it; the others belong to what follows.
                while end < len(lines) and _is_comment(lines[end]) and _indent_of(lines[end]) > dash:
                    end += 1
                ident = next((v.value for k, v in item.value if k.value == "id"), "")
                lay.entities.append(_Segment(str(ident), start, end, dash))
            if lay.entities:
                lay.entity_indent = lay.entities[0].indent
                lay.entities_end = lay.entities[-1].end
            else:
                lay.entities_end = knode.start_mark.line + 1
        elif knode.value == "redirects":
            lay.redirects = (knode.start_mark.line, _content_last(vnode) + 1)
    return lay


# -- the data model, for comparisons --------------------------------------


def model(reg: Registry) -> dict[str, Any]:
    """Return everything a registry says, without positions (to compare two files)."""
    return {
        "schema": reg.schema,
        "entities": [_entity_model(e) for e in reg.entities],
        "redirects": sorted((r.source, r.target) for r in reg.redirects),
    }


def _entity_model(e: Entity) -> tuple[Any, ...]:
    return (
        e.id,
        e.name,
        e.kind,
        e.countries,
        tuple((a.text, a.type, a.lang, a.shared, a.source) for a in e.aliases),
        tuple((r.type, r.target) for r in e.relations),
        e.sources,
        e.notes,
        e.audit_ignore,
        e.proposed,
    )


def _load(text: str, path: str) -> Registry:
    reg = parse(text, path)
    if reg.problems:
        raise sorted(reg.problems, key=lambda e: (e.line or 0, e.col or 0))[0]
    return reg


def _check(new_text: str, path: str) -> Registry:
    """Re-read an edit's output with the strict reader; a failure is a bug."""
    try:
        return _load(new_text, path)
    except RegistryError as exc:  # pragma: no cover - would be a bug in this module
        raise RuntimeError(f"the edited registry does not load: {exc}") from exc


# -- canonical form ---------------------------------------------------------


def _style_str(value: Any) -> Any:
    return scalar(str(value)) if isinstance(value, str) else value


def _reorder(m: CommentedMap, order: Iterable[str]) -> None:
    for k in order:
        if k in m:
            m.move_to_end(k)
    for k in [k for k in m if k not in order]:  # pragma: no cover - unknown fields do not load
        m.move_to_end(k)


def _canon_alias(item: Any) -> Any:
    if isinstance(item, dict):
        if set(item) == {"text"}:
            return _style_str(item["text"])
        m = item if isinstance(item, CommentedMap) else CommentedMap(item)
        _reorder(m, ALIAS_FIELDS)
        for k in m:
            if k != "shared":  # a boolean, written plain
                put(m, k, _style_str(m[k]))
        # A comment cannot live inside {...}: a commented alias stays a block mapping.
        if not _has_comments(m):
            m.fa.set_flow_style()
        return m
    return _style_str(item)


def _has_comments(m: CommentedMap) -> bool:
    ca = getattr(m, "ca", None)
    return bool(ca is not None and (ca.comment or any(v for v in ca.items.values())))


def _canon_relation(item: Any) -> Any:
    if isinstance(item, dict):
        m = item if isinstance(item, CommentedMap) else CommentedMap(item)
        _reorder(m, _RELATION_ORDER)
        for k in m:
            put(m, k, _style_str(m[k]))
        m.fa.set_flow_style()
        return m
    return item  # pragma: no cover - not a valid relation


def _as_seq(value: Any) -> CommentedSeq:
    return value if isinstance(value, CommentedSeq) else CommentedSeq(value or [])


def _canon_entity(ent: CommentedMap) -> None:
    _reorder(ent, ENTITY_FIELDS)
    for k in list(ent):
        v = ent[k]
        if k in _FLOW_LISTS:
            seq = _as_seq(v)
            for i, item in enumerate(seq):
                put(seq, i, _style_str(item))
            seq.fa.set_flow_style()
            ent[k] = seq
        elif k in _BLOCK_LISTS:
            seq = _as_seq(v)
            canon = _canon_alias if k == "aliases" else _canon_relation if k == "relations" else _style_str
            for i, item in enumerate(seq):
                put(seq, i, canon(item))
            if seq:
                seq.fa.set_block_style()
            else:
                seq.fa.set_flow_style()
            ent[k] = seq
        elif k != "proposed":
            put(ent, k, _style_str(v))


def _canon_redirects(m: Any) -> Any:
    if isinstance(m, CommentedMap):
        for k in m:
            put(m, k, _style_str(m[k]))
        m.fa.set_block_style()
    return m


class _Splicer:
    """Collects line-range replacements and applies them bottom-up."""

    def __init__(self, lay: _Layout) -> None:
        self.lay = lay
        self.changes: list[tuple[int, int, int, str]] = []
        self.pending: dict[str, list[Callable[[CommentedMap], None]]] = {}

    def replace(self, start: int, end: int, new: str) -> None:
        """Replace ``lines[start:end]``; inserts at one place keep the order they were made in."""
        self.changes.append((start, end, len(self.changes), new))

    def entity(self, entity_id: str, fn: Callable[[CommentedMap], None]) -> None:
        """Queue a change to one entity; all changes to it are applied in one rewrite."""
        self.pending.setdefault(entity_id, []).append(fn)

    def text(self) -> str:
        for entity_id, fns in self.pending.items():
            seg = _seg(self.lay, entity_id)

            def run(e: CommentedMap, fns: list[Callable[[CommentedMap], None]] = fns) -> None:
                for fn in fns:
                    fn(e)

            untouched = _edit_entity(self.lay, seg, lambda e: None)
            edited = _edit_entity(self.lay, seg, run)
            if edited != untouched:  # a change that changes nothing keeps the bytes as they are
                self.replace(seg.start, seg.end, edited)
        self.pending = {}
        lines = list(self.lay.lines)
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        for start, end, _, new in sorted(self.changes, reverse=True):
            lines[start:end] = [new] if new else []
        return "".join(lines)


def _entity_text(lay: _Layout, seg: _Segment) -> str:
    return "".join(lay.lines[seg.start : seg.end])


def _edit_entity(
    lay: _Layout, seg: _Segment, fn: Callable[[CommentedMap], None], indent: int | None = None
) -> str:
    """Load one entity's lines, let ``fn`` change it, and write it back (at ``indent``)."""
    seq = load_block(_entity_text(lay, seg), seg.indent)
    fn(seq[0])
    return str(dump_block(seq, seg.indent if indent is None else indent))


def _new_entity_text(ent: CommentedMap, indent: int) -> str:
    _canon_entity(ent)
    seq = CommentedSeq([ent])
    return str(dump_block(seq, indent))


def _redirects_text(lay: _Layout) -> str:
    if lay.redirects is None:
        return ""
    start, end = lay.redirects
    return "".join(lay.lines[start:end])


def _edit_redirects(lay: _Layout, sp: _Splicer, fn: Callable[[CommentedMap], None]) -> None:
    """Change the ``redirects`` block (created at the end of the file when missing)."""
    if lay.redirects is None:
        doc = CommentedMap()
        doc["redirects"] = CommentedMap()
        fn(doc["redirects"])
        if doc["redirects"]:
            _canon_redirects(doc["redirects"])
            sp.replace(len(lay.lines), len(lay.lines), dump_top(doc))
        return
    start, end = lay.redirects
    doc = load_top(_redirects_text(lay))
    if not isinstance(doc.get("redirects"), CommentedMap):
        doc["redirects"] = CommentedMap()
    fn(doc["redirects"])
    if not doc["redirects"]:
        doc["redirects"] = None
    else:
        _canon_redirects(doc["redirects"])
    sp.replace(start, end, dump_top(doc))


def _whole_file_block_style(text: str) -> str:
    """Rewrite a registry whose ``entities`` is a flow list into block style."""
    doc = load_top(text)
    ents = _as_seq(doc.get("entities"))
    ents.fa.set_block_style()
    doc["entities"] = ents
    return str(dump_top(doc))


def fmt(text: str, path: str = "aliases.yaml") -> Edit:
    """Return ``text`` in the canonical layout.

    Entity keys in the order ``id, name, kind, countries, aliases, relations,
    sources, notes, audit-ignore, proposed``; two-space indentation; aliases
    one a line, as plain strings when they have only a text and as flow
    mappings (``{text: ..., type: ...}``) otherwise; relations as flow
    mappings; countries as a flow list; quotes only where YAML needs them
    (also for YAML 1.1's ``NO``, ``on``, ``1.10``...); every character written
    as itself. Comments are kept. ``fmt(fmt(x).text).text == fmt(x).text``.

    Raises:
        RegistryError: the text is not a valid registry.
    """
    before = _load(text, path)
    work = text
    lay = _layout(work)
    if not lay.block:
        work = _whole_file_block_style(work)
        lay = _layout(work)
    sp = _Splicer(lay)
    for seg in lay.entities:
        sp.replace(seg.start, seg.end, _edit_entity(lay, seg, _canon_entity, 2))
    if lay.redirects is not None:
        start, end = lay.redirects
        doc = load_top(_redirects_text(lay))
        doc["redirects"] = _canon_redirects(doc["redirects"])
        sp.replace(start, end, dump_top(doc))
    new = sp.text()
    after = _check(new, path)
    if model(after) != model(before):  # pragma: no cover - would be a bug in this module
        raise RuntimeError("fmt would change the registry's data")
    # An escaped "\u202e" would be written as the character itself: never
    # turn a visible escape into an invisible character.
    hidden = [c for c in set(normalize.INVISIBLE.findall(new)) if c not in text]
    if hidden:
        line = next(n for n, ln in enumerate(new.splitlines(), 1) if hidden[0] in ln)
        raise RegistryError(
            f"fmt would write the invisible character <U+{ord(hidden[0]):04X}> (escaped in the file) "
            "as itself; remove it first (audit rule AL020)",
            path,
            line,
        )
    return Edit(text, new, ("formatted",) if new != text else ())


# -- helpers for the edits --------------------------------------------------


def _seg(lay: _Layout, entity_id: str) -> _Segment:
    for seg in lay.entities:
        if seg.id == entity_id:
            return seg
    raise UsageError(f"no entity with id '{entity_id}'")  # pragma: no cover - checked before


def _live(reg: Registry, entity_id: str, role: str = "") -> Entity:
    """The live entity ``entity_id``; a clear usage error for an unknown or old id."""
    for ent in reg.entities:
        if ent.id == entity_id:
            return ent
    target = reg.resolve_id(entity_id)
    if target is not None:
        raise UsageError(f"'{entity_id}' was merged or renamed into '{target}'; use '{target}'{role}")
    raise UsageError(f"no entity with id '{entity_id}'")


def _check_new_id(reg: Registry, new_id: str) -> None:
    if not ID_RE.match(new_id):
        raise UsageError(
            f"'{new_id}' is not a valid id (lowercase words joined by '-', like 'kataib-hezbollah')"
        )
    if any(e.id == new_id for e in reg.entities):
        raise UsageError(f"an entity with id '{new_id}' already exists")
    for red in reg.redirects:
        if red.source == new_id:
            raise UsageError(
                f"'{new_id}' is an old id (it redirects to '{red.target}'); ids are never reused"
            )


def _form(text: str, atype: str = "translit") -> tuple[str, str]:
    # Acronyms match only acronyms, by their letters; every other name by its key.
    if atype == "acronym":
        return "A", normalize.acronym_key(text)
    return "K", normalize.key(text)


def _key_owners(reg: Registry) -> dict[tuple[str, str], dict[str, bool]]:
    """Each name form, the entities that hold it and whether every holding of it is shared."""
    owners: dict[tuple[str, str], dict[str, bool]] = {}
    for ent in reg.entities:
        for alias in ent.names():
            form = _form(alias.text, alias.type)
            if form[1]:
                held = owners.setdefault(form, {})
                held[ent.id] = held.get(ent.id, True) and alias.shared
    return owners


def _clash(
    owners: dict[tuple[str, str], dict[str, bool]],
    text: str,
    entity_id: str,
    atype: str = "translit",
    shared: bool = False,
) -> list[str]:
    """Other entities that hold the name, unless both sides mark it shared."""
    form = _form(text, atype)
    if not form[1]:
        return []
    return sorted(
        oid for oid, oshared in owners.get(form, {}).items() if oid != entity_id and not (shared and oshared)
    )


def _one_name(text: str, what: str) -> str:
    """A name given on the command line: spaces squeezed; refused empty or with hidden characters."""
    text = " ".join(text.split())
    if not text:
        raise UsageError(f"{what} is empty")
    # Control and invisible characters make two names look alike.
    bad = next((c for c in text if unicodedata.category(c) in ("Cc", "Cf")), None)
    if bad is not None:
        raise UsageError(
            f"{what} holds <U+{ord(bad):04X}>, a control or invisible character: {normalize.printable(text)}"
        )
    return text


def _alias_item(text: str, atype: str | None, lang: str | None, shared: bool, source: str | None) -> Any:
    fields: dict[str, Any] = {"text": text}
    if atype:
        fields["type"] = atype
    if lang:
        fields["lang"] = lang
    if shared:
        fields["shared"] = "true"
    if source:
        fields["source"] = source
    return _canon_alias(CommentedMap(fields))


def _append(ent: CommentedMap, key: str, items: list[Any]) -> None:
    """Append ``items`` to the list ``key`` of ``ent``, creating it in canonical place."""
    if not items:
        return
    if key not in ent or ent[key] is None:
        seq = CommentedSeq()
        if key in _FLOW_LISTS:
            seq.fa.set_flow_style()
        ent[key] = seq
        _reorder(ent, ENTITY_FIELDS)
    seq = ent[key]
    if not seq and key not in _FLOW_LISTS:
        seq.fa.set_block_style()
    seq.extend(items)


def _finish(old: str, sp: _Splicer, path: str, report: list[str], conflicts: Iterable[Conflict] = ()) -> Edit:
    new = sp.text() if sp.changes or sp.pending else old
    if new != old:
        _check(new, path)
    return Edit(old, new, tuple(report), tuple(conflicts))


def _check_alias_fields(atype: str | None, lang: str | None) -> None:
    if atype is not None and atype not in ALIAS_TYPES:
        raise UsageError(f"unknown alias type '{atype}' (one of {', '.join(ALIAS_TYPES)})")
    if lang is not None and not LANG_RE.match(lang):
        raise UsageError(f"'{lang}' is not a language code (like ar, fa, ps)")


# -- add, new, rename -------------------------------------------------------


def add_alias(
    text: str,
    entity_id: str,
    alias: str,
    *,
    atype: str | None = None,
    lang: str | None = None,
    source: str | None = None,
    shared: bool = False,
    path: str = "aliases.yaml",
) -> Edit:
    """Add the alias ``alias`` to the entity ``entity_id``.

    An alias already on the entity (as written) changes nothing. An alias
    whose normalized key belongs to another entity is refused unless
    ``shared`` is set, which marks it ``shared: true``.

    Raises:
        UsageError: an unknown id, a bad type or language, or an alias of another entity.
    """
    reg = _load(text, path)
    ent = _live(reg, entity_id)
    _check_alias_fields(atype, lang)
    alias = _one_name(alias, "the alias")
    if any(normalize.display_key(a.text) == normalize.display_key(alias) for a in ent.names()):
        return Edit(text, text, (f"'{alias}' is already a name of {entity_id}: nothing to do",))
    others = _clash(_key_owners(reg), alias, entity_id, atype or "translit")
    if others and not shared:
        raise UsageError(
            f"'{alias}' already resolves to {', '.join(others)}; add it with --shared if it names both groups"
        )
    lay = _layout(text)
    sp = _Splicer(lay)
    seg = _seg(lay, entity_id)
    item = _alias_item(alias, atype, lang, shared, source)
    sp.replace(seg.start, seg.end, _edit_entity(lay, seg, lambda e: _append(e, "aliases", [item])))
    report = [f"added alias '{alias}' to {entity_id}"]
    if others:
        report.append(f"'{alias}' also names {', '.join(others)}: mark it shared there too")
    return _finish(text, sp, path, report)


def new_entity(
    text: str,
    entity_id: str,
    name: str,
    *,
    kind: str = "armed-group",
    countries: Iterable[str] = (),
    sources: Iterable[str] = (),
    shared: bool = False,
    path: str = "aliases.yaml",
) -> Edit:
    """Add a new entity at the end of the registry.

    Raises:
        UsageError: the id is taken, is an old id or is not valid; a bad kind
            or country; a name that already resolves to another entity
            (unless ``shared``).
    """
    reg = _load(text, path)
    _check_new_id(reg, entity_id)
    name = _one_name(name, "the name")
    if kind not in KINDS:
        raise UsageError(f"unknown kind '{kind}' (one of {', '.join(KINDS)})")
    clist = [c.upper() for c in countries]
    for c in clist:
        if c not in COUNTRIES:
            raise UsageError(f"'{c}' is not an ISO 3166-1 alpha-2 country code")
    others = _clash(_key_owners(reg), name, entity_id)
    if others and not shared:
        raise UsageError(
            f"'{name}' already resolves to {', '.join(others)}; use --shared if it names both groups"
        )
    ent = CommentedMap()
    ent["id"] = entity_id
    ent["name"] = name
    ent["kind"] = kind
    if clist:
        ent["countries"] = CommentedSeq(dict.fromkeys(clist))
    slist = list(dict.fromkeys(sources))
    if slist:
        ent["sources"] = CommentedSeq(slist)
    lay = _layout(text)
    sp = _Splicer(lay)
    _insert_entities(lay, sp, [ent])
    report = [f"added entity {entity_id} ({name})"]
    if others:
        report.append(f"'{name}' also names {', '.join(others)}")
    return _finish(text, sp, path, report)


def _insert_entities(lay: _Layout, sp: _Splicer, ents: list[CommentedMap]) -> None:
    if not ents:
        return
    if not lay.block:
        raise UsageError("the registry's entities are a flow list: run 'aliasctl fmt' first")
    new = "".join(_new_entity_text(e, lay.entity_indent) for e in ents)
    at = lay.entities_end
    sp.replace(at, at, new)


def _repoint_relations(
    lay: _Layout, sp: _Splicer, reg: Registry, old: str, new: str, skip: set[str], report: list[str]
) -> None:
    """Point every relation that targets ``old`` at ``new`` (entities in ``skip`` are edited elsewhere)."""
    for ent in reg.entities:
        if ent.id in skip or not any(r.target == old for r in ent.relations):
            continue
        seg = _seg(lay, ent.id)

        def fn(e: CommentedMap, me: str = ent.id) -> None:
            _retarget(e, old, new, me)

        sp.replace(seg.start, seg.end, _edit_entity(lay, seg, fn))
        report.append(f"{ent.id}: relations to {old} now point to {new}")


def _retarget(e: CommentedMap, old: str, new: str, me: str) -> None:
    """Point relations of ``e`` at ``new`` instead of ``old``; drop self-links and repeats."""
    rels = e.get("relations")
    if not rels:
        return
    seen: set[tuple[str, str]] = set()
    keep: list[Any] = []
    for rel in rels:
        if rel.get("target") == old:
            put(rel, "target", _style_str(new))
        pair = (str(rel.get("type")), str(rel.get("target")))
        if pair[1] == me or pair in seen:
            continue
        seen.add(pair)
        keep.append(rel)
    if len(keep) != len(rels):
        for i in range(len(rels) - 1, -1, -1):
            if not any(rels[i] is k for k in keep):
                del rels[i]
    if not rels:
        del e["relations"]


def rename(text: str, entity_id: str, new_id: str, *, path: str = "aliases.yaml") -> Edit:
    """Change an entity's id, leave ``redirects: {entity_id: new_id}`` and repoint links.

    Raises:
        UsageError: an unknown id, or a new id that is taken, old or invalid.
    """
    reg = _load(text, path)
    _live(reg, entity_id)
    if new_id == entity_id:
        raise UsageError(f"'{entity_id}' already has that id")
    _check_new_id(reg, new_id)
    lay = _layout(text)
    sp = _Splicer(lay)
    seg = _seg(lay, entity_id)

    def fn(e: CommentedMap) -> None:
        put(e, "id", _style_str(new_id))
        _retarget(e, entity_id, new_id, new_id)

    sp.replace(seg.start, seg.end, _edit_entity(lay, seg, fn))
    report = [f"renamed {entity_id} to {new_id}"]
    _repoint_relations(lay, sp, reg, entity_id, new_id, {entity_id}, report)
    _redirect(lay, sp, reg, entity_id, new_id, report)
    return _finish(text, sp, path, report)


def _redirect(lay: _Layout, sp: _Splicer, reg: Registry, old: str, new: str, report: list[str]) -> None:
    """Record ``old: new`` and repoint redirects that ended at ``old``."""
    repointed = [r.source for r in reg.redirects if r.target == old]

    def fn(m: CommentedMap) -> None:
        for src in repointed:
            put(m, src, _style_str(new))
        put(m, old, _style_str(new))

    _edit_redirects(lay, sp, fn)
    for src in repointed:
        report.append(f"redirect {src} now points to {new}")
    report.append(f"redirect {old} -> {new}")


# -- merge ------------------------------------------------------------------


def _text_of(item: Any) -> str:
    return str(item.get("text", "")) if isinstance(item, dict) else str(item)


def _name_keys(ent: Entity) -> set[str]:
    return {normalize.key(a.text) or normalize.display_key(a.text) for a in ent.names()}


def _alias_key(text: str) -> str:
    return normalize.key(text) or normalize.display_key(text)


def _union_into(
    e: CommentedMap,
    aliases: list[Any],
    relations: list[tuple[str, str]],
    sources: Iterable[str],
    countries: Iterable[str],
    seen_keys: set[str],
    counts: dict[str, int],
) -> None:
    """Add what ``e`` lacks: aliases by key, relations by (type, target), sources and countries as written."""
    add_aliases = []
    for item in aliases:
        k = _alias_key(_text_of(item))
        if k not in seen_keys:
            seen_keys.add(k)
            add_aliases.append(item)
    _append(e, "aliases", add_aliases)
    have = {(str(r.get("type")), str(r.get("target"))) for r in e.get("relations") or []}
    me = str(e.get("id"))
    add_rel = []
    for rtype, target in relations:
        if target != me and (rtype, target) not in have:
            have.add((rtype, target))
            rel = CommentedMap([("type", _style_str(rtype)), ("target", _style_str(target))])
            add_rel.append(_canon_relation(rel))
    _append(e, "relations", add_rel)
    have_src = {str(x) for x in e.get("sources") or []}
    add_src = [_style_str(x) for x in dict.fromkeys(sources) if x not in have_src]
    _append(e, "sources", add_src)
    have_c = {str(x) for x in e.get("countries") or []}
    add_c = [_style_str(x) for x in dict.fromkeys(countries) if x not in have_c]
    _append(e, "countries", add_c)
    counts["aliases"] += len(add_aliases)
    counts["relations"] += len(add_rel)
    counts["sources"] += len(add_src)
    counts["countries"] += len(add_c)


def _counts_text(counts: dict[str, int]) -> str:
    parts = [f"+{n} {what}" for what, n in counts.items() if n]
    return ", ".join(parts) if parts else "nothing new"


def merge(text: str, source_id: str, into_id: str, *, path: str = "aliases.yaml") -> Edit:
    """Merge the entity ``source_id`` into ``into_id``.

    ``into_id`` gains the source's name (as an alias), its aliases (one per
    normalized key), relations, sources and countries, and its notes when it
    has none (else they are appended). The source is removed and
    ``redirects: {source_id: into_id}`` recorded; redirects and relations that
    pointed at the source point at ``into_id``.

    Raises:
        UsageError: merging an entity into itself, or an unknown or old id.
    """
    reg = _load(text, path)
    if source_id == into_id:
        raise UsageError(f"cannot merge '{source_id}' into itself")
    src = _live(reg, source_id, " as SOURCE_ID")
    into = _live(reg, into_id, " as INTO_ID")
    lay = _layout(text)
    sp = _Splicer(lay)
    src_seg = _seg(lay, source_id)
    src_map = load_block(_entity_text(lay, src_seg), src_seg.indent)[0]
    src_aliases = [_style_str(src.name), *list(src_map.get("aliases") or [])]
    relations = [(r.type, into_id if r.target == source_id else r.target) for r in src.relations]
    counts = {"aliases": 0, "relations": 0, "sources": 0, "countries": 0}
    report: list[str] = []

    def fn(e: CommentedMap) -> None:
        _retarget(e, source_id, into_id, into_id)
        _union_into(e, src_aliases, relations, src.sources, src.countries, _name_keys(into), counts)
        if src.notes:
            if not into.notes:
                e["notes"] = _style_str(src.notes)
                _reorder(e, ENTITY_FIELDS)
            elif src.notes not in into.notes:
                put(e, "notes", _style_str(f"{into.notes} Merged from {source_id}: {src.notes}"))
            report.append(f"{into_id}: notes of {source_id} kept")

    sp.entity(into_id, fn)
    sp.replace(src_seg.start, src_seg.end, "")
    _repoint_relations(lay, sp, reg, source_id, into_id, {source_id, into_id}, report)
    _redirect(lay, sp, reg, source_id, into_id, report)
    sp.text()  # runs fn, which fills counts
    report.insert(0, f"merged {source_id} into {into_id}: {_counts_text(counts)}")
    return _finish(text, sp, path, report)


def _alias_from_model(a: Any, *, shared: bool | None = None) -> Any:
    return _alias_item(
        a.text,
        a.type if a.type != "translit" else None,
        a.lang,
        a.shared if shared is None else shared,
        a.source,
    )


def merge_from(
    text: str,
    other: str,
    *,
    on_conflict: str | None = None,
    path: str = "aliases.yaml",
    other_path: str = "other.yaml",
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

    Raises:
        RegistryError: either text is not a valid registry.
        UsageError: an unknown ``on_conflict``.
    """
    if on_conflict is not None and on_conflict not in ON_CONFLICT:
        raise UsageError(f"--on-conflict must be one of {', '.join(ON_CONFLICT)}")
    ours = _load(text, path)
    theirs = _load(other, other_path)
    our_ids = {e.id: e for e in ours.entities}
    our_red = {r.source: r.target for r in ours.redirects}
    owners = _key_owners(ours)
    lay = _layout(text)
    sp = _Splicer(lay)
    conflicts: list[Conflict] = []
    report: list[str] = []
    new_ents: list[CommentedMap] = []
    new_ids: set[str] = set()
    moved: dict[str, set[tuple[str, str]]] = {}  # our entity id -> name forms to remove (theirs wins)
    tallies: list[tuple[str, dict[str, int]]] = []

    def live(eid: str) -> str:
        return ours.resolve_id(eid) or eid

    for te in theirs.entities:
        target_id = te.id
        found: list[Conflict] = []
        if te.id in our_red:
            found.append(Conflict(te.id, f"is an old id here (redirects to {our_red[te.id]})"))
            target_id = live(te.id)
        mine = our_ids.get(target_id)
        if mine is not None:
            if te.name != mine.name and _alias_key(te.name) not in _name_keys(mine):
                found.append(Conflict(te.id, f"name: here '{mine.name}', theirs '{te.name}'"))
            if te.kind != mine.kind:
                found.append(Conflict(te.id, f"kind: here {mine.kind}, theirs {te.kind}"))
            if te.notes and mine.notes and te.notes != mine.notes:
                found.append(Conflict(te.id, "notes differ"))
        clashes: dict[str, list[str]] = {}
        # A name the entity here already has is nothing new: it cannot clash.
        have = {_form(a.text, a.type) for a in mine.names()} if mine is not None else set()
        for alias in te.names():
            if _form(alias.text, alias.type) in have:
                continue
            others = _clash(owners, alias.text, target_id, alias.type, alias.shared)
            if others:
                clashes[alias.text] = others
                found.append(Conflict(te.id, f"alias '{alias.text}' belongs to {', '.join(others)} here"))
        conflicts.extend(found)
        if found and on_conflict in (None, "skip"):
            if on_conflict == "skip":
                report.append(f"skipped {te.id} (conflict)")
            continue
        if te.id in our_red and on_conflict != "theirs":
            report.append(f"skipped {te.id}: an old id here")
            continue
        take_theirs = on_conflict == "theirs"
        keep_names = {a.text for a in te.names() if a.text not in clashes or take_theirs}
        if take_theirs:
            types = {a.text: a.type for a in te.names()}
            for atext, others in clashes.items():
                for oid in others:
                    moved.setdefault(oid, set()).add(_form(atext, types[atext]))
        relations = [(r.type, live(r.target)) for r in te.relations]
        if mine is None:
            if te.name not in keep_names:
                report.append(f"skipped {te.id}: its name '{te.name}' belongs to another entity here")
                continue
            ent = CommentedMap([("id", te.id), ("name", te.name), ("kind", te.kind)])
            if te.countries:
                ent["countries"] = CommentedSeq(te.countries)
            aliases = [_alias_from_model(a) for a in te.aliases if a.text in keep_names]
            if aliases:
                ent["aliases"] = CommentedSeq(aliases)
            if relations:
                ent["relations"] = CommentedSeq(
                    CommentedMap([("type", t), ("target", g)]) for t, g in dict.fromkeys(relations)
                )
            for k, v in (("sources", te.sources), ("audit-ignore", te.audit_ignore)):
                if v:
                    ent[k] = CommentedSeq(v)
            if te.notes:
                ent["notes"] = te.notes
            if te.proposed:
                ent["proposed"] = "true"
            new_ents.append(ent)
            new_ids.add(te.id)
            report.append(f"added {te.id}")
            continue
        counts = {"aliases": 0, "relations": 0, "sources": 0, "countries": 0}
        name_alias: list[Any] = []
        if te.name != mine.name and (te.name in keep_names):
            name_alias = [_style_str(te.name)]

        def fn(
            e: CommentedMap,
            te: Entity = te,
            mine: Entity = mine,
            keep: set[str] = keep_names,
            rels: list[tuple[str, str]] = relations,
            counts: dict[str, int] = counts,
            extra: list[Any] = name_alias,
            take_theirs: bool = take_theirs,
        ) -> None:
            seen = _name_keys(mine)
            if take_theirs and te.name != mine.name:
                put(e, "name", _style_str(te.name))
                extra = [_style_str(mine.name)]
                seen = (seen - {_alias_key(mine.name)}) | {_alias_key(te.name)}
            if take_theirs and te.kind != mine.kind:
                put(e, "kind", _style_str(te.kind))
            if te.notes and (not mine.notes or take_theirs) and te.notes != mine.notes:
                if "notes" in e:
                    put(e, "notes", _style_str(te.notes))
                else:
                    e["notes"] = _style_str(te.notes)
                    _reorder(e, ENTITY_FIELDS)
                counts["notes"] = 1
            aliases = extra + [_alias_from_model(a) for a in te.aliases if a.text in keep]
            _union_into(e, aliases, rels, te.sources, te.countries, seen, counts)

        sp.entity(mine.id, fn)
        tallies.append((mine.id, counts))

    for oid, keys in moved.items():

        def drop(e: CommentedMap, keys: set[tuple[str, str]] = keys, oid: str = oid) -> None:
            seq = e.get("aliases") or []
            for i in range(len(seq) - 1, -1, -1):
                item = seq[i]
                atype = str(item.get("type", "translit")) if isinstance(item, dict) else "translit"
                if _form(_text_of(item), atype) in keys:
                    report.append(f"{oid}: alias '{_text_of(seq[i])}' moved to theirs")
                    del seq[i]
            if "aliases" in e and not seq:
                del e["aliases"]

        sp.entity(oid, drop)

    # Redirects.
    add_red: dict[str, str] = {}
    for red in theirs.redirects:
        tgt = live(red.target)
        if red.source in our_ids:
            conflicts.append(Conflict(red.source, f"theirs redirects it to {red.target}, here it is live"))
            if on_conflict is not None:
                report.append(f"kept {red.source} (live here; not turned into a redirect)")
            continue
        if red.source in new_ids:  # pragma: no cover - their own file would not load
            continue
        here = our_red.get(red.source)
        if here is None:
            add_red[red.source] = tgt
        elif live(here) != tgt:
            conflicts.append(Conflict(red.source, f"redirect: here -> {here}, theirs -> {red.target}"))
            if on_conflict == "theirs":
                add_red[red.source] = tgt
    if conflicts and on_conflict is None:
        return Edit(text, text, (), tuple(conflicts))
    _insert_entities(lay, sp, new_ents)
    if add_red:

        def fn_red(m: CommentedMap) -> None:
            for src_id, tgt in add_red.items():
                put(m, src_id, _style_str(tgt))

        _edit_redirects(lay, sp, fn_red)
        report.extend(f"redirect {s} -> {t}" for s, t in add_red.items())
    sp.text()  # runs the queued entity changes, which fill the tallies
    report.extend(f"{eid}: {_counts_text(c)}" for eid, c in tallies if any(c.values()))
    return _finish(text, sp, path, report, conflicts)
