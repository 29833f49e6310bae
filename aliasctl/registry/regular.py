"""A faster reader for the registry's regular form; anything else goes to the strict loader.

Most large registries are written by machines or kept by ``aliasctl fmt``: a
block list of entities, one field a line, names as plain or quoted one-line
scalars, short lists in brackets. This reader takes such a file line by line
(an entity in the usual layout in one match) into the data model without
composing a YAML node graph (most of the time and memory of a load), and
gives up, returning ``None``, at the first thing it
does not know for certain: another field, a comment after a value, a value
YAML would read as something other than a string, a continuation line, a
flow mapping holding quotes, a tab, and also any problem at all (an unknown
kind, a duplicate id, a source out of range). The strict loader then reads
the file as before, so every problem is reported by it, with its messages
and line marks. What this reader returns is equal to what the strict loader
returns, marks included (the tests compare them on every fixture and on
randomly damaged files).
"""

from __future__ import annotations

import re
from typing import Any

from ..constants import ALIAS_TYPES, KINDS
from .model import COUNTRIES, ID_RE, LANG_RE, SCHEMA_VERSION, Alias, Entity, Registry, SourceRef

# Characters after which YAML's reading of lines or scalars is not the plain one this reader
# knows: tabs, carriage returns, Unicode line breaks, a BOM inside the text, non-characters.
_ODD = re.compile("[\t\r\u2028\u2029\ufeff\ufffe\uffff]")
_FIELD = re.compile(r"([a-z][a-z0-9-]*):(?: +(.*))?")
_ITEM = re.compile(r"      - +(.*)")
# The characters no plain scalar of the regular form starts with (YAML's indicators).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# What a flow collection of the regular form never holds, and what ends a plain scalar in one.
_FLOW_ODD = re.compile(r'[\[\]{}"#]')
_FLOW_STOP = re.compile(r'[,\[\]{}?"#]')
_DOUBLE = re.compile(r'"((?:[^"\\]|\\["\\])*)"')
_SINGLE = re.compile(r"'((?:[^']|'')*)'")
_UNESCAPE = re.compile(r"\\([\"\\])")
_DECIMAL = re.compile(r"[1-9][0-9]*")
# What the strict loader refuses in a value (its _VALUE_CONTROL and _CONTROL, for notes).
_VALUE_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
# One entity in the layouts ``aliasctl fmt`` and the benchmarks' generator write, a field a line
# (sources as one line or as a block): taken in one match. Each line is one the general path
# reads alike (one space after ``:`` and ``-``, no trailing space, no comment or blank line);
# whatever follows is checked as the general path would.
_ONE_LINE = r"[^ \n](?:[^\n]*[^ \n])?"
_ENTITY = re.compile(
    rf"  - id: (?P<id>{_ONE_LINE})\n"
    rf"    name: (?P<name>{_ONE_LINE})\n"
    rf"    kind: (?P<kind>{_ONE_LINE})\n"
    r"(?:    countries: (?P<countries>\[[^\n]*\])\n)?"
    # The aliases, and whether all are written the usual way: quoted, without escapes, not blank.
    r"    aliases:\n(?P<aliases>"
    r'(?P<quoted>(?:      - "(?! *")[^"\\\n]*"\n)+(?!      - ))?'
    rf"(?(quoted)|(?:      - {_ONE_LINE}\n)+))"
    r"(?:    sources: (?P<sources>\[[^\n]*\])\n"
    rf"|    sources:\n(?P<source_items>(?:      - {_ONE_LINE}\n)+))?"
    rf"(?:    notes: (?P<notes>{_ONE_LINE})\n)?"
)
_QUOTED_ALIAS = re.compile(r'      - "([^"\n]*)"\n')
# A URL that holds no space, comma, bracket, quote, "?", "#" or ":" but its scheme's.
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9._~%/=&+;@-]+")
_ENTITY_FIELDS = frozenset(("id", "name", "kind", "countries", "aliases", "sources", "notes"))
_ALIAS_FIELDS = frozenset(("text", "type", "lang", "source"))


class _NotRegularError(Exception):
    """Not the regular form, or not valid: the strict loader decides."""


#: Where an entity is among the lines: its id, its first line and the last line holding any of it (from 0).
Span = tuple[str, int, int]


def read_regular(text: str, path: str, sha256: str, spans: list[Span] | None = None) -> Registry | None:
    """Read a registry in its regular form, or return ``None`` for the strict loader to read it.

    The caller has checked that the text holds no anchor, alias or tag.

    Args:
        spans: when given, the place of every entity is added to it (for the edit commands).
    """
    # In ASCII text only a tab or a carriage return can be odd: two searches at C speed.
    if ("\t" in text or "\r" in text) if text.isascii() else _ODD.search(text):
        return None
    reader = _Reader(text, path, sha256)
    try:
        registry = reader.read()
    except _NotRegularError:
        return None
    if spans is not None:
        spans.extend(reader.spans)
    return registry


def _plainly_quoted(value: str) -> str | None:
    """The text of a value written the usual way, a quoted name without escapes that is printable
    and not blank (what string() makes of it, found without its calls); ``None`` for any other."""
    inner = value[1:-1]
    if (
        value[:1] == '"'
        and value[-1] == '"'
        and len(value) > 1
        and '"' not in inner
        and "\\" not in inner
        and inner.isprintable()
        and inner.strip()
    ):
        return inner
    return None


def _resolvers() -> dict[object, list[tuple[str, re.Pattern[str]]]]:
    from .loader import _StrictLoader

    resolvers: dict[object, list[tuple[str, re.Pattern[str]]]] = _StrictLoader.yaml_implicit_resolvers
    return resolvers


def _tag(value: str, resolvers: dict[object, list[tuple[str, re.Pattern[str]]]]) -> str:
    """The tag YAML gives a plain scalar: what the loader's resolver does, without a node."""
    for tag, regexp in resolvers.get(value[0] if value else "", []) + resolvers.get(None, []):
        if regexp.match(value):
            return tag
    return _STR


class _Reader:
    def __init__(self, text: str, path: str, sha256: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        # A line (from 0) and where it starts in the text: the last one placed.
        self.known = (0, 0)
        # The values of repeated fields (kinds, lists of countries), read once each.
        self.kinds: dict[str, str] = {}
        self.countries: dict[str, tuple[str, ...]] = {}
        self.path = path
        self.sha256 = sha256
        self.resolvers = _resolvers()
        self.i = 0
        self.spans: list[Span] = []

    # -- scalars ------------------------------------------------------------------

    def scalar(self, s: str, *, flow: bool = False) -> tuple[str, str]:
        """(tag, value) of a one-line scalar written as ``s`` (already stripped)."""
        if not s:
            raise _NotRegularError
        first = s[0]
        if flow and first in "\"'":
            raise _NotRegularError
        if first == '"':
            inner = s[1:-1]
            if s[-1] == '"' and len(s) > 1 and '"' not in inner and "\\" not in inner:
                return _STR, inner  # no escapes: the usual quoted name
            m = _DOUBLE.fullmatch(s)
            if m is None:
                raise _NotRegularError
            return _STR, _UNESCAPE.sub(r"\1", m.group(1))
        if first == "'":
            m = _SINGLE.fullmatch(s)
            if m is None:
                raise _NotRegularError
            return _STR, m.group(1).replace("''", "'")
        if first in _INDICATORS or " #" in s or ": " in s or s.endswith(":"):
            raise _NotRegularError
        # In brackets a colon is left to YAML, but for a URL's "://".
        if flow and (_FLOW_STOP.search(s) or ":" in s.replace("://", "")):
            raise _NotRegularError
        return _tag(s, self.resolvers), s

    def string(self, s: str, *, notes: bool = False, flow: bool = False) -> str:
        tag, value = self.scalar(s, flow=flow)
        if tag != _STR or not value.strip():
            raise _NotRegularError
        if not value.isprintable():
            bad = _VALUE_CONTROL if not notes else re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
            if bad.search(value):
                raise _NotRegularError
        return value

    def flow_items(self, s: str, col: int, opening: str, closing: str) -> list[tuple[str, int]]:
        """The items of a one-line flow collection ``s`` starting at column ``col``: (text, column)."""
        if len(s) < 2 or s[0] != opening or s[-1] != closing:
            raise _NotRegularError
        inner = s[1:-1]
        if _FLOW_ODD.search(inner):
            raise _NotRegularError
        if not inner.strip(" "):
            return []
        out = []
        start = 0
        for part in inner.split(","):
            # Only spaces: str.strip() would take a no-break space too, which YAML keeps.
            stripped = part.strip(" ")
            if not stripped or stripped[0] == "'":
                raise _NotRegularError  # an empty item, a trailing comma or a quoted item: left to YAML
            out.append((stripped, col + 1 + start + (len(part) - len(part.lstrip(" ")))))
            start += len(part) + 1
        return out

    # -- lines ----------------------------------------------------------------------

    def next_line(self) -> tuple[int, str] | None:
        """The next line that is neither blank nor a comment: (its index, its text)."""
        lines = self.lines
        i = self.i
        end = len(lines)
        while i < end:
            line = lines[i]
            i += 1
            stripped = line.lstrip(" ")
            if stripped and stripped[0] != "#":
                self.i = i
                return i - 1, line.rstrip(" ")
        self.i = i
        return None

    def read(self) -> Registry:
        schema = False
        entities: list[Entity] | None = None
        pending = self.next_line()
        while pending is not None:
            line = pending[1]
            if line == "schema: 1" and not schema:
                schema = True
                pending = self.next_line()
            elif line == "entities:" and entities is None:
                entities, pending = self.entities()
            else:
                raise _NotRegularError
        if not schema or entities is None:
            raise _NotRegularError
        seen: set[str] = set()
        for ent in entities:
            if ent.id in seen:
                raise _NotRegularError
            seen.add(ent.id)
        return Registry(self.path, self.sha256, tuple(entities), (), SCHEMA_VERSION, ())

    def entities(self) -> tuple[list[Entity], tuple[int, str] | None]:
        out: list[Entity] = []
        pending = self.next_line()
        while pending is not None and pending[1].startswith("  - "):
            pending, whole = self.whole_entities(pending, out)
            if not whole and pending is not None:
                ent, pending = self.entity(*pending)
                out.append(ent)
        if pending is not None and pending[1][0] == " ":
            raise _NotRegularError
        if not out:
            raise _NotRegularError
        return out, pending

    def entity(self, n: int, first: str) -> tuple[Entity, tuple[int, str] | None]:
        line_no = n + 1
        marks: dict[str, tuple[int, int]] = {}
        values: dict[str, Any] = {}
        pending: tuple[int, str] | None = (n, "    " + first[4:])
        refs: list[int] = []
        last = n
        while pending is not None and pending[1].startswith("    ") and pending[1][4] != " ":
            n, line = pending
            last = n
            m = _FIELD.fullmatch(line, 4)
            if m is None:
                raise _NotRegularError
            key, rest = m.group(1), m.group(2)
            if key in values or key not in _ENTITY_FIELDS or (not values and key != "id"):
                raise _NotRegularError
            if rest:
                col = m.start(2) + 1
                marks[key] = (n + 1, col)
                if key in ("countries", "sources"):
                    values[key] = [
                        (self.string(item, flow=True), (n + 1, c + 1))
                        for item, c in self.flow_items(rest, col - 1, "[", "]")
                    ]
                elif key == "aliases":
                    raise _NotRegularError
                else:
                    values[key] = self.string(rest, notes=key == "notes")
                pending = self.next_line()
            else:
                if key not in ("countries", "sources", "aliases"):
                    raise _NotRegularError
                items, pending, last = self.block_items(key, marks, refs)
                values[key] = items
        if pending is not None and pending[1].startswith("   ") and not pending[1].startswith("  - "):
            raise _NotRegularError  # a line indented otherwise: a continuation, or another layout
        entity = self.make(line_no, marks, values, refs)
        self.spans.append((entity.id, line_no - 1, last))
        return entity, pending

    def offset(self, n: int) -> int:
        """Where line ``n`` (from 0) starts in the text, counted on from the last line placed."""
        k, pos = self.known
        if n < k:
            k, pos = 0, 0
        lines = self.lines
        for j in range(k, n):
            pos += len(lines[j]) + 1
        self.known = (n, pos)
        return pos

    def whole_entities(
        self, pending: tuple[int, str], out: list[Entity]
    ) -> tuple[tuple[int, str] | None, bool]:
        """Read the entities from the one starting at ``pending`` on, each in one match, into ``out``.

        Only an entity in the usual layout is taken (see ``_ENTITY``), and only when the
        line after it does not carry on the entity (another field, a comment inside it):
        each of its lines is then read as :meth:`entity` reads it, with the same checks, so
        the entity and its marks are those :meth:`entity` gives, and what :meth:`entity`
        gives up on is left to it.

        Returns:
            The next line and ``True`` when the last entity read is followed by something else;
            an entity's first line and ``False`` when :meth:`entity` is to read that entity.
        """
        text, spans = self.text, self.spans
        n = pending[0]
        pos = self.offset(n)
        while True:
            m = _ENTITY.match(text, pos)
            if m is None:
                break
            end = m.end()
            used = text.count("\n", pos, end)
            # Whether the entity ends here is known before it is made: the next entity starts on
            # the next line, or the next line that is not blank or a comment is not indented more.
            last = not text.startswith("  - ", end)
            if last:
                self.i = n + used
                after = self.next_line()
                if after is not None and after[1].startswith("   "):
                    break  # the entity carries on, or the layout is another: the general path reads it
            try:
                entity = self.matched_entity(n, m)
            except _NotRegularError:
                break  # the general path decides (and gives up as well)
            out.append(entity)
            spans.append((entity.id, n, n + used - 1))
            if last:
                self.known = (n + used, end)
                return after, True
            n, pos = n + used, end
        # The entity at line n is left to the general path, which reads on from its next line.
        self.i = n + 1
        self.known = (n, pos)
        return (n, self.lines[n].rstrip(" ")), False

    def matched_entity(self, n: int, m: re.Match[str]) -> Entity:
        """The entity of a match of ``_ENTITY`` at line ``n`` (from 0).

        What :meth:`entity` and :meth:`make` do with these lines, with fewer calls.
        """
        line = n + 1  # of each field, counted from 1
        ent_id, name = m.group("id", "name")
        # An id is a plain word: what string() makes of it is itself, unless YAML types it.
        if not ID_RE.match(ent_id) or _tag(ent_id, self.resolvers) != _STR:
            raise _NotRegularError
        name = _plainly_quoted(name) or self.string(name)
        kind = m.group("kind")
        known = self.kinds.get(kind)
        if known is None:
            known = self.string(kind)
            if known not in KINDS:
                raise _NotRegularError
            self.kinds[kind] = known
        marks = {"id": (line, 9), "name": (line + 1, 11), "kind": (line + 2, 11)}
        line += 3
        flow = m.group("countries")
        countries: tuple[str, ...] = ()
        if flow is not None:
            marks["countries"] = (line, 16)
            found = self.countries.get(flow)
            if found is None:
                found = tuple(self.string(item, flow=True) for item, _ in self.flow_items(flow, 15, "[", "]"))
                if any(c not in COUNTRIES for c in found):
                    raise _NotRegularError
                self.countries[flow] = found
            countries = found
            line += 1
        marks["aliases"] = (line + 1, 7)
        block = m.group("aliases")
        refs: list[int] = []
        inners = _QUOTED_ALIAS.findall(block) if m.group("quoted") is not None else None
        if inners is not None and "".join(inners).isprintable():
            # Every alias the usual one (as block_items takes it): quoted, no escape, printable, not blank.
            aliases = [Alias(inner, "translit", None, False, None, at, 9) for at, inner in enumerate(inners, line + 1)]
            line += len(inners)
        else:
            aliases = []
            for item in block.split("\n")[:-1]:
                line += 1
                value = item[8:]
                inner = _plainly_quoted(value)
                aliases.append(Alias(inner, line=line, col=9) if inner is not None else self.alias(value, line, 9, refs))
        flow, block = m.group("sources", "source_items")
        sources: list[str] = []
        places: list[tuple[int, int]] = []  # where each source is, marked after every field (as make() does)
        if flow is not None:
            line += 1
            marks["sources"] = (line, 14)
            url = flow[1:-1]
            if _PLAIN_URL.fullmatch(url) and _tag(url, self.resolvers) == _STR:
                # One URL of the plainest characters: what flow_items and string() make of it.
                sources.append(url)
                places.append((line, 15))
            else:
                for item, c in self.flow_items(flow, 13, "[", "]"):
                    sources.append(self.string(item, flow=True))
                    places.append((line, c + 1))
        elif block is not None:
            line += 1  # the line "sources:"
            marks["sources"] = (line + 1, 7)
            for item in block.split("\n")[:-1]:
                line += 1
                sources.append(self.string(item[8:]))
                places.append((line, 9))
        notes = m.group("notes")
        if notes is not None:
            marks["notes"] = (line + 1, 12)
            notes = self.string(notes, notes=True)
        for i, place in enumerate(places):
            marks[f"sources[{i}]"] = place
        if refs and any(not 1 <= pos <= len(sources) for pos in refs):
            raise _NotRegularError
        return Entity(
            id=ent_id,
            name=name,
            kind=known,
            countries=countries,
            aliases=tuple(aliases),
            sources=tuple(sources),
            notes=notes,
            line=n + 1,
            col=5,
            marks=marks,
        )

    def block_items(
        self, key: str, marks: dict[str, tuple[int, int]], refs: list[int]
    ) -> tuple[list[object], tuple[int, str] | None, int]:
        items: list[object] = []
        pending = self.next_line()
        last = 0
        aliases = key == "aliases"
        while pending is not None and pending[1].startswith("      - "):
            n, line = pending
            last = n
            m = _ITEM.fullmatch(line)
            if m is None:
                raise _NotRegularError
            col = m.start(1) + 1
            if not items:
                marks[key] = (n + 1, 7)
            value = m.group(1)
            if aliases:
                # The usual alias, a quoted name without escapes, without the general path's calls.
                inner = _plainly_quoted(value)
                items.append(Alias(inner, line=n + 1, col=col) if inner is not None else self.alias(value, n + 1, col, refs))
            else:
                items.append((self.string(value), (n + 1, col)))
            pending = self.next_line()
        if not items:
            raise _NotRegularError  # an empty value is null: the strict loader says so
        if pending is not None and pending[1].startswith("     "):
            raise _NotRegularError
        return items, pending, last

    def alias(self, s: str, line: int, col: int, refs: list[int]) -> Alias:
        if not s.startswith("{"):
            return Alias(self.string(s), line=line, col=col)
        fields: dict[str, tuple[str, int]] = {}
        for item, c in self.flow_items(s, col - 1, "{", "}"):
            key, sep, value = item.partition(": ")
            if not sep or key not in _ALIAS_FIELDS or key in fields:
                raise _NotRegularError
            stripped = value.lstrip(" ")
            fields[key] = (stripped, c + len(key) + 2 + (len(value) - len(stripped)) + 1)
        if "text" not in fields:
            raise _NotRegularError
        text, tcol = fields["text"]
        text = self.string(text, flow=True)
        atype = "translit"
        if "type" in fields:
            atype = self.string(fields["type"][0], flow=True)
            if atype not in ALIAS_TYPES:
                raise _NotRegularError
        lang = None
        if "lang" in fields:
            lang = self.string(fields["lang"][0], flow=True)
            if not LANG_RE.match(lang):
                raise _NotRegularError
        source: SourceRef | None = None
        if "source" in fields:
            tag, value = self.scalar(fields["source"][0], flow=True)
            if tag == _INT and _DECIMAL.fullmatch(value):
                source = int(value)
                refs.append(source)
            elif tag == _STR and value.strip() and value.isprintable():
                source = value
            else:
                raise _NotRegularError
        return Alias(text, atype, lang, False, source, line, tcol, False, None)

    def make(
        self, line: int, marks: dict[str, tuple[int, int]], values: dict[str, Any], refs: list[int]
    ) -> Entity:
        if "id" not in values or "name" not in values or "kind" not in values:
            raise _NotRegularError
        ent_id, name, kind = values["id"], values["name"], values["kind"]
        if not ID_RE.match(ent_id) or kind not in KINDS:
            raise _NotRegularError
        countries = [c for c, _ in values.get("countries", [])]
        if any(c not in COUNTRIES for c in countries):
            raise _NotRegularError
        sources: list[str] = []
        for i, (src, mark) in enumerate(values.get("sources", [])):
            sources.append(src)
            marks[f"sources[{i}]"] = mark
        if any(not 1 <= pos <= len(sources) for pos in refs):
            raise _NotRegularError
        notes = values.get("notes")
        return Entity(
            id=ent_id,
            name=name,
            kind=kind,
            countries=tuple(countries),
            aliases=tuple(values.get("aliases", ())),
            sources=tuple(sources),
            notes=notes,
            line=line,
            col=5,
            marks=marks,
        )
