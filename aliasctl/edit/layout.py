"""Where things are in a registry's text, how the text is patched, and the canonical form (``fmt``).

The edit commands never rewrite a whole file. The strict loader's node graph
(:func:`aliasctl.registry.load_document`) tells where each entity and the
``redirects`` block start and end; an edit replaces the lines of what it
changes, and only those, with the same entity written back by ruamel.yaml's
round-trip mode (:mod:`aliasctl.registry.yamlrt`), which keeps the entity's
comments. Every other line, including comments between entities, is kept
byte for byte. The result is read again with the strict loader before it is
returned; an edit that would not load is a bug and raises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from .. import normalize
from ..errors import RegistryError, UsageError
from ..registry.change import Conflict, Edit
from ..registry.loader import Document, load_document, load_strict
from ..registry.model import (
    ACTIVE_FIELDS,
    ALIAS_FIELDS,
    DATE_RE,
    DESIGNATION_FIELDS,
    ENTITY_FIELDS,
    OUTSIDE_ID_FIELDS,
    PROVENANCE_FIELDS,
    RELATION_FIELDS,
    Designation,
    Entity,
    Provenance,
    Registry,
    as_plain,
)
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

#: Entity fields written as ``[a, b]`` and as one item a line.
FLOW_LISTS = ("countries", "audit-ignore")
BLOCK_LISTS = ("aliases", "relations", "designations", "sources")
#: Outside-id schemes written first, in this order; the others follow alphabetically.
ID_SCHEMES_FIRST = ("wikidata", "ucdp")

# -- where things are in the text ------------------------------------------


@dataclass(slots=True)
class Segment:
    """The lines of one entity: ``lines[start:end]``; ``indent`` is the dash column."""

    id: str
    start: int
    end: int
    indent: int


@dataclass(slots=True)
class Layout:
    """The lines of a registry and where its entities and redirects are among them."""

    lines: list[str]
    entities: list[Segment] = field(default_factory=list)
    entities_end: int = 0
    entity_indent: int = 2
    redirects: tuple[int, int] | None = None
    #: ``entities`` is a block list (a flow list ``[...]`` has no lines to replace).
    block: bool = True

    def segment(self, entity_id: str) -> Segment:
        """The lines of the entity ``entity_id`` (callers check that it is live first)."""
        for seg in self.entities:
            if seg.id == entity_id:
                return seg
        raise UsageError(f"no entity with id '{entity_id}'")  # pragma: no cover - checked before

    def entity_text(self, seg: Segment) -> str:
        """The text of one entity."""
        return "".join(self.lines[seg.start : seg.end])

    def redirects_text(self) -> str:
        """The text of the ``redirects`` block ("" when there is none)."""
        if self.redirects is None:
            return ""
        start, end = self.redirects
        return "".join(self.lines[start:end])


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


def _trailing_comments(lines: list[str], end: int, dash: int) -> int:
    # Comments indented deeper than the dash, right after the entity, belong to it;
    # the others belong to what follows.
    while end < len(lines) and _is_comment(lines[end]) and _indent_of(lines[end]) > dash:
        end += 1
    return end


def locate(text: str, doc: Document) -> Layout:
    """Find the lines of every entity and of the ``redirects`` block.

    Args:
        text: the registry's text.
        doc: what the strict loader read from ``text`` (:func:`aliasctl.registry.load_document`):
            its node graph, or for a file in the regular form the lines of each entity.
    """
    lines = text.splitlines(keepends=True)
    lay = Layout(lines)
    root = doc.root
    if root is None:
        # The regular form: a block list, each entity's dash at column 3 on its first line.
        for ident, start, last in doc.spans:
            lay.entities.append(Segment(ident, start, _trailing_comments(lines, last + 1, 2), 2))
        if lay.entities:
            lay.entities_end = lay.entities[-1].end
        return lay
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
                end = _trailing_comments(lines, _content_last(item) + 1, dash)
                ident = next((v.value for k, v in item.value if k.value == "id"), "")
                lay.entities.append(Segment(str(ident), start, end, dash))
            if lay.entities:
                lay.entity_indent = lay.entities[0].indent
                lay.entities_end = lay.entities[-1].end
            else:
                lay.entities_end = knode.start_mark.line + 1
        elif knode.value == "redirects":
            lay.redirects = (knode.start_mark.line, _content_last(vnode) + 1)
    return lay


class LinePatch:
    """Line-range replacements to a registry's text, applied bottom-up in one pass.

    Unrelated to :class:`aliasctl.tables.splice.Splicer`, which splices cells
    into CSV records.
    """

    def __init__(self, lay: Layout) -> None:
        self.lay = lay
        self.changes: list[tuple[int, int, int, str]] = []

    def replace(self, start: int, end: int, new: str) -> None:
        """Replace ``lines[start:end]``; inserts at one place keep the order they were made in."""
        self.changes.append((start, end, len(self.changes), new))

    def rewrite(
        self, seg: Segment, fn: Callable[[CommentedMap], bool], indent: int | None = None
    ) -> None:
        """Load one entity's lines, let ``fn`` change it, and write it back once (at ``indent``).

        ``fn`` returns whether it changed anything: an entity it left alone
        keeps its bytes, even where ruamel.yaml would write it differently.
        """
        seq = load_block(self.lay.entity_text(seg), seg.indent)
        if fn(seq[0]):
            self.replace(seg.start, seg.end, str(dump_block(seq, seg.indent if indent is None else indent)))

    def text(self) -> str:
        """The patched text."""
        lines = list(self.lay.lines)
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        for start, end, _, new in sorted(self.changes, reverse=True):
            lines[start:end] = [new] if new else []
        return "".join(lines)


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
        tuple((a.text, a.type, a.lang, a.shared, a.source, a.weak, a.provenance) for a in e.aliases),
        tuple((r.type, r.target) for r in e.relations),
        e.sources,
        e.notes,
        e.audit_ignore,
        e.proposed,
        # Outside ids are a mapping: fmt orders them.
        tuple(sorted((i.scheme, str(i.value), str(i.source)) for i in e.ids)),
        None if e.active is None else (e.active.start, e.active.end, e.active.source),
        tuple((d.code, d.date, d.revoked, d.ref, d.url) for d in e.designations),
    )


def finish(
    old: str, patch: LinePatch, path: str, report: Iterable[str], conflicts: Iterable[Conflict] = ()
) -> Edit:
    """The :class:`Edit` a patch makes, its text read back with the strict loader."""
    new = patch.text() if patch.changes else old
    if new != old:
        _check(new, path)
    return Edit(old, new, tuple(report), tuple(conflicts), checked=True)


def _check(new_text: str, path: str) -> Registry:
    """Re-read an edit's output with the strict loader; a failure is a bug."""
    try:
        return load_strict(new_text, path)
    except RegistryError as exc:  # pragma: no cover - would be a bug in this package
        raise RuntimeError(f"the edited registry does not load: {exc}") from exc


# -- canonical form ---------------------------------------------------------


def style(value: Any) -> Any:
    """A string value styled for writing (see :func:`aliasctl.registry.yamlrt.scalar`); others as they are."""
    return scalar(str(value)) if isinstance(value, str) else value


def reorder(m: CommentedMap, order: Iterable[str]) -> None:
    """Put the keys of ``m`` in ``order``."""
    for k in order:
        if k in m:
            m.move_to_end(k)
    for k in [k for k in m if k not in order]:  # pragma: no cover - unknown fields do not load
        m.move_to_end(k)


def style_number(value: Any) -> Any:
    """A value the loader reads as a number (a year, a source position) when written plain.

    The round-trip reader loads every scalar as a string: a plain ``2`` is
    kept plain, a quoted ``'2'`` (a string) keeps its quotes.
    """
    if type(value) is str and value.isdigit():
        return value
    return style(value)


def _style_date(value: Any) -> Any:
    # A date is written plain: the loader takes YAML's date as the ISO text it is.
    if isinstance(value, str) and DATE_RE.match(value):
        return str(value)
    return style(value)


def _flow_mapping(item: Any, order: Iterable[str], styles: dict[str, Callable[[Any], Any]]) -> Any:
    """A mapping in canonical form: keys in ``order``, styled, one line unless it holds a comment."""
    if not isinstance(item, dict):
        return style(item)
    m = item if isinstance(item, CommentedMap) else CommentedMap(item)
    reorder(m, order)
    for k in m:
        put(m, k, styles.get(k, style)(m[k]))
    # A comment cannot live inside {...}: a commented mapping stays a block mapping.
    if not _has_comments(m):
        m.fa.set_flow_style()
    return m


def canon_alias(item: Any) -> Any:
    """An alias in canonical form: a plain string when it has only a text, else a flow mapping."""
    if isinstance(item, dict):
        if set(item) == {"text"}:
            return style(item["text"])
        # ``shared`` and ``weak`` are booleans and ``source`` may be a position: all written plain.
        return _flow_mapping(
            item,
            ALIAS_FIELDS,
            {"shared": _plain, "weak": _plain, "source": style_number, "provenance": canon_provenance},
        )
    return style(item)


def _plain(value: Any) -> Any:
    return value


def canon_provenance(item: Any) -> Any:
    """An alias's provenance in canonical form: ``{list: ..., record: '...', ...}``, the date plain."""
    return _flow_mapping(item, PROVENANCE_FIELDS, {"listed": _style_date})


def canon_designation(item: Any) -> Any:
    """A designation in canonical form: ``{list: ..., date: ..., url: ...}``, dates plain."""
    return _flow_mapping(item, DESIGNATION_FIELDS, {"date": _style_date, "revoked": _style_date})


def canon_active(item: Any) -> Any:
    """``active`` in canonical form: ``{from: 1964, to: 2016}``, years plain."""
    return _flow_mapping(item, ACTIVE_FIELDS, {"from": style_number, "to": style_number, "source": style_number})


def canon_ids(item: Any) -> Any:
    """``ids`` in canonical form: a block mapping, ``wikidata`` and ``ucdp`` first.

    An id is written plain (a UCDP id is a number); one with its own source
    is a flow mapping ``{id: ..., source: ...}``.
    """
    if not isinstance(item, CommentedMap):
        return item  # pragma: no cover - not a valid registry
    order = [k for k in ID_SCHEMES_FIRST if k in item] + sorted(k for k in item if k not in ID_SCHEMES_FIRST)
    reorder(item, order)
    for k in item:
        v = item[k]
        if isinstance(v, dict):
            put(item, k, _flow_mapping(v, OUTSIDE_ID_FIELDS, {"id": style_number, "source": style_number}))
        else:
            put(item, k, style_number(v))
    item.fa.set_block_style()
    return item


def _has_comments(m: CommentedMap) -> bool:
    ca = getattr(m, "ca", None)
    return bool(ca is not None and (ca.comment or any(v for v in ca.items.values())))


def canon_relation(item: Any) -> Any:
    """A relation in canonical form: ``{type: ..., target: ...}``."""
    if isinstance(item, dict):
        m = item if isinstance(item, CommentedMap) else CommentedMap(item)
        reorder(m, RELATION_FIELDS)
        for k in m:
            put(m, k, style(m[k]))
        m.fa.set_flow_style()
        return m
    return item  # pragma: no cover - not a valid relation


def alias_item(
    text: str,
    atype: str | None,
    lang: str | None,
    shared: bool,
    source: str | int | None,
    *,
    weak: bool = False,
    provenance: Provenance | None = None,
) -> Any:
    """A new alias, in canonical form (fields left out when they are the default)."""
    fields: dict[str, Any] = {"text": text}
    if atype:
        fields["type"] = atype
    if lang:
        fields["lang"] = lang
    if shared:
        fields["shared"] = "true"
    if weak:
        fields["weak"] = "true"
    if source:
        fields["source"] = str(source)
    if provenance is not None:
        fields["provenance"] = CommentedMap((k, str(v)) for k, v in as_plain(provenance).items())
    return canon_alias(CommentedMap(fields))


def designation_item(des: Designation) -> Any:
    """A designation of the data model as a new item of ``designations``, in canonical form."""
    fields: dict[str, Any] = {"list": des.code, "date": des.date}
    if des.revoked:
        fields["revoked"] = des.revoked
    if des.ref:
        fields["ref"] = des.ref
    fields["url"] = des.url
    return canon_designation(CommentedMap(fields))


def _as_seq(value: Any) -> CommentedSeq:
    return value if isinstance(value, CommentedSeq) else CommentedSeq(value or [])


def canon_entity(ent: CommentedMap) -> None:
    """Put one entity in canonical form, in place."""
    reorder(ent, ENTITY_FIELDS)
    for k in list(ent):
        v = ent[k]
        if k in FLOW_LISTS:
            seq = _as_seq(v)
            for i, item in enumerate(seq):
                put(seq, i, style(item))
            seq.fa.set_flow_style()
            ent[k] = seq
        elif k in BLOCK_LISTS:
            seq = _as_seq(v)
            canon = {"aliases": canon_alias, "relations": canon_relation, "designations": canon_designation}.get(
                k, style
            )
            for i, item in enumerate(seq):
                put(seq, i, canon(item))
            if seq:
                seq.fa.set_block_style()
            else:
                seq.fa.set_flow_style()
            ent[k] = seq
        elif k == "ids":
            put(ent, k, canon_ids(v))
        elif k == "active":
            put(ent, k, canon_active(v))
        elif k != "proposed":
            put(ent, k, style(v))


def _canon_redirects(m: Any) -> Any:
    if isinstance(m, CommentedMap):
        for k in m:
            put(m, k, style(m[k]))
        m.fa.set_block_style()
    return m


def append(ent: CommentedMap, key: str, items: list[Any]) -> None:
    """Append ``items`` to the list ``key`` of ``ent``, creating it in its canonical place."""
    if not items:
        return
    if key not in ent or ent[key] is None:
        seq = CommentedSeq()
        if key in FLOW_LISTS:
            seq.fa.set_flow_style()
        ent[key] = seq
        reorder(ent, ENTITY_FIELDS)
    seq = ent[key]
    if not seq and key not in FLOW_LISTS:
        seq.fa.set_block_style()
    seq.extend(items)


def insert_entities(lay: Layout, patch: LinePatch, ents: list[CommentedMap]) -> None:
    """Add new entities, in canonical form, after the last one."""
    if not ents:
        return
    if not lay.block:
        raise UsageError("the registry's entities are a flow list: run 'aliasctl fmt' first")
    new = "".join(_new_entity_text(e, lay.entity_indent) for e in ents)
    at = lay.entities_end
    patch.replace(at, at, new)


def _new_entity_text(ent: CommentedMap, indent: int) -> str:
    canon_entity(ent)
    seq = CommentedSeq([ent])
    return str(dump_block(seq, indent))


def edit_redirects(lay: Layout, patch: LinePatch, fn: Callable[[CommentedMap], None]) -> None:
    """Change the ``redirects`` block (created at the end of the file when missing)."""
    if lay.redirects is None:
        doc = CommentedMap()
        doc["redirects"] = CommentedMap()
        fn(doc["redirects"])
        if doc["redirects"]:
            _canon_redirects(doc["redirects"])
            patch.replace(len(lay.lines), len(lay.lines), dump_top(doc))
        return
    start, end = lay.redirects
    doc = load_top(lay.redirects_text())
    if not isinstance(doc.get("redirects"), CommentedMap):
        doc["redirects"] = CommentedMap()
    fn(doc["redirects"])
    if not doc["redirects"]:
        doc["redirects"] = None
    else:
        _canon_redirects(doc["redirects"])
    patch.replace(start, end, dump_top(doc))


def _whole_file_block_style(text: str) -> str:
    """Rewrite a registry whose ``entities`` is a flow list into block style."""
    doc = load_top(text)
    ents = _as_seq(doc.get("entities"))
    ents.fa.set_block_style()
    doc["entities"] = ents
    return str(dump_top(doc))


def _canonical(ent: CommentedMap) -> bool:
    canon_entity(ent)
    return True


def fmt(text: str, path: str = "aliases.yaml") -> Edit:
    """Return ``text`` in the canonical layout.

    Entity keys in the order ``id, name, kind, countries, ids, active,
    aliases, relations, designations, sources, notes, audit-ignore,
    proposed``; two-space indentation; aliases one a line, as plain strings
    when they have only a text and as flow mappings (``{text: ..., type:
    ...}``) otherwise; relations, designations and ``active`` as flow
    mappings; ``ids`` as a block mapping, ``wikidata`` and ``ucdp`` first;
    years, source positions and dates plain; countries as a flow list; quotes only where YAML needs them
    (also for YAML 1.1's ``NO``, ``on``, ``1.10``...); every character written
    as itself. Comments are kept. ``fmt(fmt(x).text).text == fmt(x).text``.

    Raises:
        RegistryError: the text is not a valid registry.
    """
    doc = load_document(text, path)
    before = doc.registry
    work = text
    lay = locate(work, doc)
    if not lay.block:
        work = _whole_file_block_style(work)
        lay = locate(work, load_document(work, path))
    patch = LinePatch(lay)
    for seg in lay.entities:
        patch.rewrite(seg, _canonical, 2)
    if lay.redirects is not None:
        start, end = lay.redirects
        top = load_top(lay.redirects_text())
        top["redirects"] = _canon_redirects(top["redirects"])
        patch.replace(start, end, dump_top(top))
    new = patch.text()
    after = _check(new, path)
    if model(after) != model(before):  # pragma: no cover - would be a bug in this package
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
    return Edit(text, new, ("formatted",) if new != text else (), checked=True)
