"""The registry's strict loader: YAML text to the data model, with line marks.

The file is read with PyYAML's safe composer (libyaml's ``CSafeLoader`` where
present, the pure-Python ``SafeLoader`` otherwise; never ``yaml.Loader``) into
a node graph, which is then walked by hand into the dataclasses of
:mod:`aliasctl.registry.model`. The walk rejects what a hand-kept
registry never needs and what PyYAML would silently accept: duplicate keys,
anchors and aliases, tags, unknown fields, and names that YAML 1.1 would read
as booleans, numbers or dates. Every problem carries a line and column counted
from 1.
"""

from __future__ import annotations

import datetime
import gc
import hashlib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import yaml

from ..constants import ALIAS_TYPES, DESIGNATION_LISTS, KINDS, RELATION_TYPES
from ..errors import RegistryError
from ..files import read_bytes, registry_path
from .model import (
    ACTIVE_FIELDS,
    ALIAS_FIELDS,
    COUNTRIES,
    DATE_RE,
    DESIGNATION_FIELDS,
    ENTITY_FIELDS,
    FIRST_YEAR,
    ID_RE,
    ID_SCHEME_RE,
    LANG_RE,
    NAME_KINDS,
    OUTSIDE_ID_FIELDS,
    PROVENANCE_FIELDS,
    QUALITIES,
    RELATION_FIELDS,
    SCHEMA_VERSION,
    SHA256_RE,
    TOP_FIELDS,
    WIKIDATA_RE,
    Active,
    Alias,
    Designation,
    Entity,
    OutsideId,
    Provenance,
    Redirect,
    Registry,
    Relation,
    SourceRef,
)

try:
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _BaseLoader = yaml.SafeLoader


class _StrictLoader(_BaseLoader):  # type: ignore[misc]
    """Safe loader, used only to scan and compose; the walk below does all typing, so no constructor runs.

    Tools that need the node graph of a registry (to find where each entity
    is in the text) get it from :func:`load_document`.
    """


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_TAG_WORDS = {
    _BOOL: "a boolean",
    _INT: "an integer",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:map": "a mapping",
    "tag:yaml.org,2002:seq": "a list",
}
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What an ASCII file may hold: tabs, line breaks and the printable characters (what _CONTROL leaves).
_ASCII_ALLOWED = bytes((0x09, 0x0A, 0x0D, *range(0x20, 0x7F)))
# Names, ids and sources are one line: tabs and line breaks are refused too.
_VALUE_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Outside ids whose form is known; any other scheme takes a string or a number.
_ID_FORMS = {
    "wikidata": "a Wikidata item such as Q7225",
    "ucdp": "a UCDP actor id, a whole number such as 309",
}




def decode(data: bytes, path: str) -> str:
    """Decode registry bytes as strict UTF-8 (a BOM is allowed) and refuse control characters."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start : exc.start + 1].hex().upper()
        raise RegistryError(
            f"not UTF-8 at line {line}: byte 0x{bad} (save the file as UTF-8)", path, line, col
        ) from None
    # An ASCII file's control characters are found at C speed, and the search for where one
    # is (a tenth of a second on a large file) is made only when there is one.
    m = _CONTROL.search(text) if not data.isascii() or data.translate(None, _ASCII_ALLOWED) else None
    if m:
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        raise RegistryError(f"control character U+{ord(m.group()):04X} is not allowed", path, line, col)
    return text


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


_SCALAR = yaml.ScalarNode


def _plain_text(node: yaml.Node, seen: set[int]) -> str | None:
    """The value of a string node that :meth:`_Walker.string` would take as it is, else ``None``.

    Most nodes of a registry are such strings: they are taken here at a fraction of the
    cost, and every other node goes the long way, which says what is wrong with it. A
    printable string holds none of the control characters refused anywhere.
    """
    if node.__class__ is _SCALAR and node.tag == _STR:
        value: str = node.value
        key = id(node)
        if value.isprintable() and key not in seen and value.strip():
            seen.add(key)
            return value
    return None


class _Walker:
    """Turns a composed node graph into the data model, collecting problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[RegistryError] = []
        self._seen_nodes: set[int] = set()

    def problem(self, node: yaml.Node | tuple[int, int], message: str, rule: str = "schema") -> None:
        line, col = _mark(node) if isinstance(node, yaml.Node) else node
        err = RegistryError(message, self.path, line, col)
        err.rule = rule
        self.problems.append(err)

    def visit(self, node: yaml.Node) -> bool:
        # A node reached twice came through an alias (*name): refuse it so an
        # alias bomb can never expand.
        if id(node) in self._seen_nodes:
            self.problem(node, "YAML anchors and aliases (&name, *name) are not allowed")
            return False
        self._seen_nodes.add(id(node))
        return True

    def mapping(self, node: yaml.Node, what: str, allowed: tuple[str, ...]) -> dict[str, yaml.Node] | None:
        if not self.visit(node):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{what} must be a mapping, not {self.kind_of(node)}")
            return None
        out: dict[str, yaml.Node] = {}
        first: dict[str, yaml.Node] = {}
        for knode, vnode in node.value:
            if not isinstance(knode, yaml.ScalarNode) or knode.tag != _STR:
                self.problem(knode, f"a key in {what} must be a plain word")
                continue
            name = knode.value
            if name in first:
                line, _ = _mark(first[name])
                self.problem(
                    knode, f"duplicate key '{name}' in {what} (first at line {line})", "duplicate-key"
                )
                continue
            first[name] = knode
            if name not in allowed:
                self.problem(
                    knode,
                    f"unknown field '{name}' in {what} (allowed: {', '.join(allowed)})",
                    "unknown-field",
                )
                continue
            out[name] = vnode
        return out

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not self.visit(node):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"{what} must be a list, not {self.kind_of(node)}")
            return []
        return list(node.value)

    def kind_of(self, node: yaml.Node) -> str:
        if isinstance(node, yaml.ScalarNode):
            return _TAG_WORDS.get(node.tag, "a string") if node.tag != _STR else "a string"
        return _TAG_WORDS.get(node.tag, "something else")

    def string(self, node: yaml.Node, what: str) -> str | None:
        plain = _plain_text(node, self._seen_nodes)
        if plain is not None:
            return plain
        if not self.visit(node):
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
            value: str = node.value
            if not value.strip():
                self.problem(node, f"{what} is empty")
                return None
            # Escapes ("\x1b", "\0") get past the check of the raw text. Every character either
            # pattern finds is unprintable: a printable value (nearly all) needs no search.
            bad = (
                None
                if value.isprintable()
                else _VALUE_CONTROL.search(value) if not what.startswith("notes") else _CONTROL.search(value)
            )
            if bad:
                self.problem(node, f"{what} holds the control character U+{ord(bad.group()):04X}")
                return None
            return value
        if isinstance(node, yaml.ScalarNode):
            self.problem(
                node,
                f'{what} is {node.value}, which YAML reads as {self.kind_of(node)}; quote it: "{node.value}"',
            )
            return None
        self.problem(node, f"{what} must be a string, not {self.kind_of(node)}")
        return None

    def boolean(self, node: yaml.Node, what: str) -> bool:
        if not self.visit(node):
            return False
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL:
            return node.value.lower() in ("true", "yes", "on", "y")
        self.problem(node, f"{what} must be true or false")
        return False

    def integer(self, node: yaml.Node, what: str) -> int | None:
        if not self.visit(node):
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == _INT:
            try:
                return int(node.value.replace("_", ""), 10)
            except ValueError:
                pass
        self.problem(node, f"{what} must be a whole number, not {self.kind_of(node)}: {_shown(node)}")
        return None

    def date(self, node: yaml.Node, what: str) -> str | None:
        # A date may be written plain (YAML reads it as a timestamp) or quoted.
        if isinstance(node, yaml.ScalarNode) and node.tag == _TIMESTAMP and self.visit(node):
            value: str | None = node.value
        else:
            value = self.string(node, what)
        if value is None:
            return None
        try:
            if DATE_RE.match(value):
                datetime.date.fromisoformat(value)
                return value
        except ValueError:
            pass
        self.problem(node, f"{what} '{value}' is not a date written YYYY-MM-DD")
        return None

    def source_ref(self, node: yaml.Node, what: str, refs: list[tuple[int, yaml.Node]]) -> SourceRef | None:
        """A URL, or a position in the entity's sources (checked once they are read, via ``refs``)."""
        if isinstance(node, yaml.ScalarNode) and node.tag == _INT:
            pos = self.integer(node, what)
            if pos is not None:
                refs.append((pos, node))
            return pos
        return self.string(node, what)

    def strings(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node]]:
        out = []
        seen = self._seen_nodes
        for item in self.sequence(node, what):
            value = _plain_text(item, seen)
            if value is None:
                value = self.string(item, f"an item of {what}")
            if value is not None:
                out.append((value, item))
        return out

    # -- the registry ---------------------------------------------------

    def registry(self, root: yaml.Node | None) -> tuple[int, list[Entity], list[Redirect]]:
        if root is None:
            self.problems.append(RegistryError("the file is empty", self.path, 1, 1))
            return SCHEMA_VERSION, [], []
        top = self.mapping(root, "the registry", TOP_FIELDS)
        if top is None:
            return SCHEMA_VERSION, [], []
        schema = SCHEMA_VERSION
        snode = top.get("schema")
        if snode is None:
            self.problem(root, "missing 'schema: 1' at the top of the registry")
        elif not (isinstance(snode, yaml.ScalarNode) and snode.tag == _INT):
            self.problem(snode, "schema must be the number 1")
        else:
            try:
                schema = int(snode.value.replace("_", ""), 0)
            except ValueError:
                schema = -1
            if schema != SCHEMA_VERSION:
                self.problem(snode, f"unsupported schema {schema}; this aliasctl reads schema 1")
        entities: list[Entity] = []
        enode = top.get("entities")
        if enode is None:
            self.problem(root, "missing 'entities:' list")
        else:
            for item in self.sequence(enode, "entities"):
                ent = self.entity(item)
                if ent is not None:
                    entities.append(ent)
        redirects: list[Redirect] = []
        rnode = top.get("redirects")
        if rnode is not None and not (
            isinstance(rnode, yaml.ScalarNode) and rnode.tag == "tag:yaml.org,2002:null"
        ):
            rmap = self.mapping(rnode, "redirects", _AnyKeys())
            for src, tnode in (rmap or {}).items():
                knode = next(k for k, v in rnode.value if v is tnode)
                line, col = _mark(knode)
                if not ID_RE.match(src):
                    self.problem(knode, f"redirect source '{src}' is not a valid id", "bad-id")
                target = self.string(tnode, f"redirect target of '{src}'")
                if target is not None:
                    if not ID_RE.match(target):
                        self.problem(tnode, f"redirect target '{target}' is not a valid id", "bad-id")
                    redirects.append(Redirect(src, target, line, col))
        self.check_ids(entities, redirects)
        return schema, entities, redirects

    def check_ids(self, entities: list[Entity], redirects: list[Redirect]) -> None:
        first: dict[str, Entity] = {}
        for ent in entities:
            if ent.id in first:
                line, col = ent.marks.get("id", (ent.line, ent.col))
                self.problem(
                    (line, col),
                    f"duplicate entity id '{ent.id}' (first at line {first[ent.id].line})",
                    "duplicate-id",
                )
            else:
                first[ent.id] = ent
        for red in redirects:
            if red.source in first:
                self.problem(
                    (red.line, red.col),
                    f"redirect source '{red.source}' is also a live entity id "
                    f"(line {first[red.source].line}); ids are never reused",
                    "redirect-is-live-id",
                )

    def entity(self, node: yaml.Node) -> Entity | None:
        m = self.mapping(node, "an entity", ENTITY_FIELDS)
        if m is None:
            return None
        line, col = _mark(node)
        marks = {k: _mark(v) for k, v in m.items()}
        ok = True
        ent_id = self.string(m["id"], "id") if "id" in m else None
        if "id" not in m:
            self.problem(node, "entity has no 'id'")
            ok = False
        elif ent_id is not None and not ID_RE.match(ent_id):
            self.problem(
                m["id"], f"id '{ent_id}' must be lower-case words joined by hyphens ([a-z0-9-])", "bad-id"
            )
        where = f"entity '{ent_id}'" if ent_id else "the entity"
        name = self.string(m["name"], f"name of {where}") if "name" in m else None
        if "name" not in m:
            self.problem(node, f"{where} has no 'name'")
            ok = False
        kind = self.string(m["kind"], f"kind of {where}") if "kind" in m else None
        if "kind" not in m:
            self.problem(node, f"{where} has no 'kind' (one of {', '.join(KINDS)})")
            ok = False
        elif kind is not None and kind not in KINDS:
            self.problem(m["kind"], f"unknown kind '{kind}' (one of {', '.join(KINDS)})", "unknown-type")
        countries: list[str] = []
        if "countries" in m:
            for code, cnode in self.strings(m["countries"], f"countries of {where}"):
                if code not in COUNTRIES:
                    self.problem(cnode, f"'{code}' is not an ISO 3166-1 alpha-2 country code", "bad-country")
                countries.append(code)
        refs: list[tuple[int, yaml.Node]] = []
        ids = self.outside_ids(m["ids"], where, refs) if "ids" in m else []
        active = self.active(m["active"], where, refs) if "active" in m else None
        aliases = []
        if "aliases" in m:
            for anode in self.sequence(m["aliases"], f"aliases of {where}"):
                alias = self.alias(anode, where, refs)
                if alias is not None:
                    aliases.append(alias)
        relations = []
        if "relations" in m:
            for rnode in self.sequence(m["relations"], f"relations of {where}"):
                rel = self.relation(rnode, where)
                if rel is not None:
                    relations.append(rel)
        designations = []
        if "designations" in m:
            for dnode in self.sequence(m["designations"], f"designations of {where}"):
                des = self.designation(dnode, where)
                if des is not None:
                    designations.append(des)
        sources = []
        if "sources" in m:
            for i, (src, snode) in enumerate(self.strings(m["sources"], f"sources of {where}")):
                sources.append(src)
                marks[f"sources[{i}]"] = _mark(snode)
        for pos, pnode in refs:
            if not 1 <= pos <= len(sources):
                have = f"it has {len(sources)}" if sources else "it has none"
                self.problem(pnode, f"source {pos} of {where} is not one of its sources ({have})")
        notes = self.string(m["notes"], f"notes of {where}") if "notes" in m else None
        ignore = (
            [s for s, _ in self.strings(m["audit-ignore"], f"audit-ignore of {where}")]
            if "audit-ignore" in m
            else []
        )
        proposed = self.boolean(m["proposed"], "proposed") if "proposed" in m else False
        if not ok or ent_id is None or name is None or kind is None:
            return None
        return Entity(
            id=ent_id,
            name=name,
            kind=kind,
            countries=tuple(countries),
            aliases=tuple(aliases),
            relations=tuple(relations),
            sources=tuple(sources),
            notes=notes,
            audit_ignore=tuple(ignore),
            proposed=proposed,
            line=line,
            col=col,
            marks=marks,
            ids=tuple(ids),
            active=active,
            designations=tuple(designations),
        )

    def outside_ids(self, node: yaml.Node, where: str, refs: list[tuple[int, yaml.Node]]) -> list[OutsideId]:
        out: list[OutsideId] = []
        m = self.mapping(node, f"ids of {where}", _AnyKeys())
        if m is None:
            return out
        for scheme, vnode in m.items():
            knode = next(k for k, v in node.value if v is vnode)
            if not ID_SCHEME_RE.match(scheme):
                self.problem(knode, f"'{scheme}' in ids of {where} is not a lower-case name such as wikidata, ucdp")
                continue
            source: SourceRef | None = None
            what = f"the {scheme} id of {where}"
            if isinstance(vnode, yaml.MappingNode):
                sub = self.mapping(vnode, what, OUTSIDE_ID_FIELDS)
                if sub is None:
                    continue
                if "id" not in sub:
                    self.problem(vnode, f"{what} has no 'id'")
                    continue
                if "source" in sub:
                    source = self.source_ref(sub["source"], f"source of {what}", refs)
                vnode = sub["id"]
            value = self.outside_id_value(scheme, vnode, what)
            if value is not None:
                line, col = _mark(vnode)
                out.append(OutsideId(scheme, value, source, line, col))
        return out

    def outside_id_value(self, scheme: str, node: yaml.Node, what: str) -> str | int | None:
        form = _ID_FORMS.get(scheme)
        if scheme == "ucdp":
            if not (isinstance(node, yaml.ScalarNode) and node.tag == _INT):
                self.visit(node)
                self.problem(node, f"{what} must be {form}, not {_shown(node)}", "bad-outside-id")
                return None
            number = self.integer(node, what)
            if number is not None and number < 1:
                self.problem(node, f"{what} must be {form}, not {number}", "bad-outside-id")
                return None
            return number
        if scheme == "wikidata" and not (isinstance(node, yaml.ScalarNode) and node.tag == _STR):
            self.visit(node)
            self.problem(node, f"{what} must be {form}, not {_shown(node)}", "bad-outside-id")
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == _INT:
            return self.integer(node, what)
        value = self.string(node, what)
        if value is not None and scheme == "wikidata" and not WIKIDATA_RE.match(value):
            self.problem(node, f"{what} must be {form}, not '{value}'", "bad-outside-id")
            return None
        return value

    def active(self, node: yaml.Node, where: str, refs: list[tuple[int, yaml.Node]]) -> Active | None:
        m = self.mapping(node, f"active of {where}", ACTIVE_FIELDS)
        if m is None:
            return None
        if "from" not in m and "to" not in m:
            self.problem(node, f"active of {where} needs 'from' or 'to' (a year)")
            return None
        last = datetime.date.today().year
        years: dict[str, int | None] = {}
        for key in ("from", "to"):
            year = self.integer(m[key], f"'{key}' in active of {where}") if key in m else None
            if year is not None and not FIRST_YEAR <= year <= last:
                self.problem(m[key], f"'{key}' in active of {where} is {year}, not a year from {FIRST_YEAR} to {last}")
                year = None
            years[key] = year
        start, end = years["from"], years["to"]
        if start is not None and end is not None and end < start:
            self.problem(m["to"], f"active of {where} ends ({end}) before it starts ({start})")
        source = self.source_ref(m["source"], f"source of active of {where}", refs) if "source" in m else None
        line, col = _mark(node)
        return Active(start, end, source, line, col)

    def designation(self, node: yaml.Node, where: str) -> Designation | None:
        what = f"a designation of {where}"
        m = self.mapping(node, what, DESIGNATION_FIELDS)
        if m is None:
            return None
        missing = [f for f in ("list", "date", "url") if f not in m]
        if missing:
            self.problem(node, f"{what} has no '{missing[0]}'")
            return None
        code = self.string(m["list"], f"the list of {what}")
        if code is not None and code not in DESIGNATION_LISTS:
            self.problem(
                m["list"],
                f"unknown designation list '{code}' (one of {', '.join(DESIGNATION_LISTS)})",
                "unknown-designation-list",
            )
            code = None
        date = self.date(m["date"], f"the date of {what}")
        revoked = self.date(m["revoked"], f"the revoked date of {what}") if "revoked" in m else None
        if date is not None and revoked is not None and revoked < date:
            self.problem(m["revoked"], f"{what} is revoked ({revoked}) before its date ({date})")
        ref = self.string(m["ref"], f"the ref of {what}") if "ref" in m else None
        url = self.string(m["url"], f"the url of {what}")
        if url is not None and not _is_https(url):
            self.problem(m["url"], f"the url of {what} must be an https:// address, not '{url}'")
            url = None
        if code is None or date is None or url is None:
            return None
        line, col = _mark(node)
        return Designation(code, date, url, revoked, ref, line, col)

    def alias(self, node: yaml.Node, where: str, refs: list[tuple[int, yaml.Node]]) -> Alias | None:
        mark = node.start_mark
        line, col = mark.line + 1, mark.column + 1
        plain = _plain_text(node, self._seen_nodes)
        if plain is not None:
            return Alias(plain, "translit", None, False, None, line, col)
        if isinstance(node, yaml.ScalarNode):
            text = self.string(node, f"an alias of {where}")
            return Alias(text, line=line, col=col) if text is not None else None
        m = self.mapping(node, f"an alias of {where}", ALIAS_FIELDS)
        if m is None:
            return None
        if "text" not in m:
            self.problem(node, f"an alias of {where} has no 'text'")
            return None
        text = self.string(m["text"], f"an alias of {where}")
        atype = "translit"
        if "type" in m:
            value = self.string(m["type"], "alias type")
            if value is not None and value not in ALIAS_TYPES:
                self.problem(
                    m["type"],
                    f"unknown alias type '{value}' (one of {', '.join(ALIAS_TYPES)})",
                    "unknown-type",
                )
            elif value is not None:
                atype = value
        lang = self.string(m["lang"], "lang") if "lang" in m else None
        if lang is not None and not LANG_RE.match(lang):
            self.problem(m["lang"], f"lang '{lang}' is not a language code such as ar, fa, ps")
        shared = self.boolean(m["shared"], "shared") if "shared" in m else False
        weak = self.boolean(m["weak"], "weak") if "weak" in m else False
        source = self.source_ref(m["source"], "source", refs) if "source" in m else None
        provenance = self.provenance(m["provenance"], where) if "provenance" in m else None
        if text is None:
            return None
        tline, tcol = _mark(m["text"])
        return Alias(text, atype, lang, shared, source, tline, tcol, weak, provenance)

    def provenance(self, node: yaml.Node, where: str) -> Provenance | None:
        what = f"the provenance of an alias of {where}"
        m = self.mapping(node, what, PROVENANCE_FIELDS)
        if m is None:
            return None
        missing = [f for f in ("list", "record") if f not in m]
        if missing:
            self.problem(node, f"{what} has no '{missing[0]}'")
            return None
        name = self.string(m["list"], f"the list of {what}")
        if name is not None and not ID_RE.match(name):
            self.problem(m["list"], f"the list of {what} must be a lower-case name such as ofac-sdn, not '{name}'")
            name = None
        record = self.string(m["record"], f"the record of {what}")
        values: dict[str, str | None] = {}
        for key, allowed in (("kind", NAME_KINDS), ("quality", QUALITIES)):
            value = self.string(m[key], f"the {key} of {what}") if key in m else None
            if value is not None and value not in allowed:
                self.problem(m[key], f"unknown {key} '{value}' in {what} (one of {', '.join(allowed)})")
                value = None
            values[key] = value
        listed = self.date(m["listed"], f"the listing date of {what}") if "listed" in m else None
        digest = self.string(m["sha256"], f"the sha256 of {what}") if "sha256" in m else None
        if digest is not None and not SHA256_RE.match(digest):
            self.problem(m["sha256"], f"the sha256 of {what} must be 64 lower-case hex digits")
            digest = None
        if name is None or record is None:
            return None
        return Provenance(name, record, values["kind"], values["quality"], listed, digest)

    def relation(self, node: yaml.Node, where: str) -> Relation | None:
        m = self.mapping(node, f"a relation of {where}", RELATION_FIELDS)
        if m is None:
            return None
        missing = [f for f in RELATION_FIELDS if f not in m]
        if missing:
            self.problem(node, f"a relation of {where} has no '{missing[0]}'")
            return None
        rtype = self.string(m["type"], "relation type")
        target = self.string(m["target"], "relation target")
        if rtype is not None and rtype not in RELATION_TYPES:
            self.problem(
                m["type"],
                f"unknown relation type '{rtype}' (one of {', '.join(RELATION_TYPES)})",
                "unknown-type",
            )
            return None
        if rtype is None or target is None:
            return None
        line, col = _mark(node)
        return Relation(rtype, target, line, col)


def _shown(node: yaml.Node) -> str:
    return repr(node.value) if isinstance(node, yaml.ScalarNode) else "a " + type(node).__name__[:-4].lower()


def _is_https(url: str) -> bool:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme == "https" and bool(parts.hostname) and " " not in url


class _AnyKeys(tuple[str, ...]):
    """An ``allowed`` set that admits every key (redirect sources are ids)."""

    def __contains__(self, item: object) -> bool:
        return True


# Where an anchor, an alias or a tag may start: after a space, a line start or a flow
# indicator (an anchor or alias followed by its name). A "&" inside a URL or a name is neither, and the
# second parse that looks for them (a fifth of a load) is spared.
_PROPERTY = re.compile(r"(?:^|[\s\[\]{},])(?:[&*][^\s,\[\]{}]|!)", re.MULTILINE)


def _scan_events(text: str, path: str) -> list[RegistryError]:
    """Find anchors, aliases and explicit tags, which the composer hides."""
    problems = []
    for event in yaml.parse(text, Loader=_StrictLoader):
        anchor = getattr(event, "anchor", None)
        mark = event.start_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        if anchor is not None:
            problems.append(
                RegistryError("YAML anchors and aliases (&name, *name) are not allowed", path, line, col)
            )
            if isinstance(event, yaml.AliasEvent):
                break
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)
        explicit = tag is not None and (
            tag == "!" or implicit is False or (isinstance(implicit, tuple) and not any(implicit))
        )
        if explicit:
            problems.append(RegistryError(f"YAML tags ({tag}) are not allowed", path, line, col))
    return problems


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a registry's objects are made.

    Composing and walking a registry makes millions of objects and no reference cycles;
    every pass of the collector would walk them all again (three quarters of the time of
    loading a 20,000-entity registry). What is freed meanwhile is freed at once as usual.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            settle_young()
            gc.enable()


def settle_young() -> None:
    """Move every object the collector tracks to its oldest generation, unscanned.

    Objects made while the collector was paused all sit in the youngest generation:
    the first collection after it resumes would walk them all (an eighth of the time
    of a 20,000-entity registry's first lookup). In the oldest they are left to full
    collections, which run as rarely as ever. Nothing is done when the program has
    frozen objects of its own (``gc.freeze``): they stay frozen.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()  # every generation into the permanent one (a list splice)
        gc.unfreeze()  # and all of it back into the oldest


def _read(text: str, path: str, sha256: str, *, keep_nodes: bool = False) -> tuple[Registry, yaml.Node | None]:
    """Compose ``text`` once and walk it: the registry with its problems, and the root node if ``keep_nodes``."""
    with no_gc():
        reg, root = _read_all(text, path, sha256, keep_nodes=keep_nodes)
        if not keep_nodes:
            # Freed while the collector still sleeps: otherwise its first pass after the
            # load walks every node of the graph (a third of the load of a large registry).
            root = None
        return reg, root


def _read_all(text: str, path: str, sha256: str, *, keep_nodes: bool = False) -> tuple[Registry, yaml.Node | None]:
    problems: list[RegistryError] = []
    try:
        # Each of them starts with one of these characters: the plain test spares a slow search.
        if ("&" in text or "*" in text or "!" in text) and _PROPERTY.search(text):
            problems.extend(_scan_events(text, path))
        elif not keep_nodes:
            # No anchor, alias or tag: a file in the regular form is read without YAML's node graph.
            from .regular import read_regular

            regular = read_regular(text, path, sha256)
            if regular is not None:
                return regular, None
        if problems:
            return Registry(path, sha256, (), (), SCHEMA_VERSION, tuple(problems)), None
        root = yaml.compose(text, Loader=_StrictLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        what = exc.problem or exc.context or "YAML syntax error"
        if exc.context and exc.problem:
            what = f"{exc.problem} ({exc.context})"
        raise RegistryError(f"YAML syntax error: {what}", path, line, col) from None
    except yaml.YAMLError as exc:
        raise RegistryError(f"YAML syntax error: {exc}", path) from None
    walker = _Walker(path)
    schema, entities, redirects = walker.registry(root)
    problems.extend(walker.problems)
    return Registry(path, sha256, tuple(entities), tuple(redirects), schema, tuple(problems)), root


def _raise_first(reg: Registry) -> None:
    # The problem nearest the top of the file is the one an editor jumps to.
    if reg.problems:
        raise sorted(reg.problems, key=lambda e: (e.line or 0, e.col or 0))[0]


def parse(text: str, path: str, sha256: str = "") -> Registry:
    """Parse registry text, collecting every schema problem on the way.

    Raises:
        RegistryError: when the text is not YAML at all (syntax errors); other
            problems are returned in ``Registry.problems``.
    """
    return _read(text, path, sha256)[0]


def load_strict(text: str, path: str, sha256: str = "") -> Registry:
    """Parse registry text and raise its first problem, if it has any.

    This is what every reader that needs a valid registry calls; the audit,
    which reports every problem, uses :func:`parse` instead.

    Args:
        text: the file's text (see :func:`decode`).
        path: the file's name, for the messages.
        sha256: the hash of the file's bytes, kept in ``Registry.sha256``.

    Raises:
        RegistryError: the problem nearest the top of the file (exit code 65).
    """
    reg = _read(text, path, sha256)[0]
    _raise_first(reg)
    return reg


@dataclass(frozen=True, slots=True)
class Document:
    """A valid registry together with the YAML node graph it was read from.

    Every node carries its start and end marks: the edit commands use them to
    find the lines of each entity, so the text is composed only once.
    """

    registry: Registry
    #: The node graph; ``None`` for a file in the regular form, read without one (see ``spans``).
    root: yaml.MappingNode | None
    #: For a file read without the node graph: each entity's id, first line and last line
    #: holding any of it (counted from 0), in the file's order.
    spans: tuple[tuple[str, int, int], ...] = ()


def load_document(text: str, path: str) -> Document:
    """Like :func:`load_strict`, and keep what tells where each entity is: the nodes, or its lines.

    Raises:
        RegistryError: the problem nearest the top of the file (exit code 65).
    """
    if not _PROPERTY.search(text):
        from .regular import Span, read_regular

        spans: list[Span] = []
        with no_gc():
            regular = read_regular(text, path, "", spans)
        if regular is not None:
            return Document(regular, None, tuple(spans))
    reg, root = _read(text, path, "", keep_nodes=True)
    _raise_first(reg)
    if not isinstance(root, yaml.MappingNode):  # pragma: no cover - a valid registry is a mapping
        raise RegistryError("the registry must be a mapping", path)
    return Document(reg, root)


def load_registry(path: str | os.PathLike[str] | None = None, *, strict: bool = True) -> Registry:
    """Load a registry file.

    Args:
        path: the file; ``None`` picks ``$ALIASCTL_REGISTRY`` or the bundled registry.
        strict: raise the first problem found (the default); with ``False``
            the problems are returned in ``Registry.problems`` as long as
            the file is YAML at all.

    Raises:
        RegistryError: the file is not a valid registry (exit code 65).
        InputMissingError: the file cannot be read (exit code 66).
    """
    p = registry_path(path)
    data = read_bytes(p)
    spath = os.fspath(p)
    text = decode(data, spath)
    sha256 = hashlib.sha256(data).hexdigest()
    return load_strict(text, spath, sha256) if strict else parse(text, spath, sha256)
