"""A file that one common YAML reader cannot read, or reads differently.

The registry is read by aliasctl with libyaml, but users read it with
whatever they have: PyYAML without libyaml (its pure-Python reader refuses a
``?`` inside a plain scalar of a flow collection), or a YAML 1.2 reader such
as ruamel.yaml (which reads ``1e5`` as a number, where YAML 1.1 reads a
string). Quote such values; ``aliasctl fmt`` does.

A file written in the plain subset of YAML that every reader reads alike (one
entry a line, ``key: value``, ``- item``, flow lists and mappings of plain or
quoted words, no tabs, escapes, line-break characters, ``?`` or ``:`` inside
flow values) is not read again by each reader: only its plain values are
typed under YAML 1.1 and 1.2 and compared. Any other file is read by each.

Passing:

    aliases: [{text: X, source: "https://example.org/a?b=1"}, "1e5"]

Failing:

    aliases: [{text: X, source: https://example.org/a?b=1}, 1e5]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any, NamedTuple

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from ..context import AuditContext, Finding

ID = "AL034"
NAME = "yaml-readers"
LEVEL = "error"

_STR = "tag:yaml.org,2002:str"


def _ruamel(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(text)


def _readers() -> list[tuple[str, Callable[[str], Any]]]:
    readers: list[tuple[str, Callable[[str], Any]]] = [
        ("PyYAML's pure-Python reader", lambda t: yaml.load(t, Loader=yaml.SafeLoader)),
    ]
    if hasattr(yaml, "CSafeLoader"):
        readers.append(("libyaml", lambda t: yaml.load(t, Loader=yaml.CSafeLoader)))
    readers.append(("ruamel.yaml (YAML 1.2)", _ruamel))
    return readers


def _mark(exc: Exception) -> tuple[int, int]:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def _plain_scalars(node: yaml.Node) -> Iterator[yaml.ScalarNode]:
    if isinstance(node, yaml.ScalarNode):
        if node.style is None:
            yield node
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            yield from _plain_scalars(k)
            yield from _plain_scalars(v)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _plain_scalars(item)


# The subset every reader reads alike, one line at a time. A plain scalar starts with no
# indicator and never holds ": " or " #"; in a flow collection, no bracket, "?" or "#"
# (nor ":", unless every reader installed takes "a:b" there, as recent ones do).
_START = r"""[^-?:,\[\]{}#&*!|>'"%@`\s]"""
_BLOCK_PLAIN = _START + r"[^\s:#]*(?:(?::(?=\S)|[ ](?=[^\s#:]))[^\s:#]*)*"
_SQ = r"'[^'\n]*(?:''[^'\n]*)*'"
_DQ = r'"[^"\\\n]*(?:\\[\\"][^"\\\n]*)*"'
_KEY = r"[A-Za-z_][A-Za-z0-9_-]{0,63}"
_BLANK = r" *(?:#.*)?"
# Tabs, controls, NEL and the line and paragraph separators (line breaks in YAML 1.1 only),
# the byte order mark and characters beyond the BMP.
_ODD = re.compile("[^\\n\\x20-\\x7e\\xa0-\\u2027\\u202a-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd]")
_ASCII_PLAIN = bytes((0x0A, *range(0x20, 0x7F)))  # the ASCII characters _ODD leaves
_COLON_PROBE = "a: [b:c, {d: e:f}]\n"


class _Patterns(NamedTuple):
    line: re.Pattern[str]  # one line of the subset, with its key and value
    token: re.Pattern[str]  # one item of a flow collection
    # These three search the text after a line break put before it: a pattern that starts
    # with a character is searched for at C speed, one that starts with "^" position by
    # position (three times as long on a large file).
    stray: re.Pattern[str]  # the start of a line outside the subset
    keys: re.Pattern[str]  # every key a resolver may type (and, harmlessly, a few look-alikes inside values)
    typed: re.Pattern[str]  # where a plain value some resolver looks at may start


def _typing_chars() -> set[str]:
    # The resolvers pick their candidates by the first character of a plain scalar.
    return {c for c in yaml.resolver.Resolver.yaml_implicit_resolvers if c} | {
        c for c in VersionedResolver(version=(1, 2)).versioned_resolver if c
    }


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """The patterns of the subset, for the readers installed."""
    try:
        colons = all(read(_COLON_PROBE) == {"a": ["b:c", {"d": "e:f"}]} for _, read in _readers())
    except (yaml.YAMLError, MarkedYAMLError):
        colons = False
    char = r"[^\s,:?\[\]{}#]"
    joint = f"[ ](?={char})" + (f"|:(?={char})" if colons else "")
    flow_plain = f"{_START}{char}*(?:(?:{joint}){char}*)*"
    item = f"(?:{_SQ}|{_DQ}|{flow_plain})"
    flow_map = rf"\{{(?:{_KEY}: {item}(?:, {_KEY}: {item})*)?\}}"
    flow_seq = rf"\[(?:(?:{flow_map}|{item})(?:, (?:{flow_map}|{item}))*)?\]"
    value = f"(?:{_SQ}|{_DQ}|{flow_seq}|{flow_map}|{_BLOCK_PLAIN})"
    # Here and below, the indent and "- " are taken whole, never given back (``*+``, ``?+``):
    # with fewer spaces or without the "- ", what follows is a space or a "-", which neither a
    # key, an item (after "- ") nor a typed value starts with, so giving them back never makes
    # a match; trying it was a third of the time of the searches of a large file.
    line = re.compile(rf"(?P<lead> *+(?:- )?+)(?:(?P<key>{_KEY}):(?: (?P<value>{value}))?|(?<=- )(?P<item>{value}))")
    # In a flow mapping, a plain key is followed by ": "; a plain value never is.
    token = re.compile(f"{_SQ}|{_DQ}|(?P<plain>{flow_plain})(?P<colon>: )?")
    # The line pattern never crosses a line break: "\n" or the end is the end of its line.
    stray = re.compile(rf"\n(?!{line.pattern}(?:\n|\Z)|{_BLANK}(?:\n|\Z))")
    typing = "[" + "".join(re.escape(c) for c in sorted(_typing_chars())) + "]"
    # Only the keys a resolver may type (by their first character) are wanted.
    keys = re.compile(rf"(?:\n *+(?:- )?+|[{{]|, )((?={typing}){_KEY}):(?=[ \n]|\Z)")
    # After "\n" and "- ", ": ", "[", "{" or ", ": the first character is looked up in a set.
    typed = re.compile(rf"[\n:\[{{,](?:(?<=\n) *+- |(?<=:) |(?<=[\[{{])|(?<=,) )(?!{_KEY}:(?:[ \n]|\Z)){typing}")
    return _Patterns(line, token, stray, keys, typed)


def _plain_subset(text: str) -> list[tuple[int, int, str, bool]] | None:
    """(line, col, value, is a key) of the plain scalars a resolver may type, if ``text`` is in the subset.

    The file is checked line by line with one pattern; only the lines where a
    value starts with a character some resolver looks at are taken apart, and
    every key (which is a word) is listed.
    """
    # In ASCII text, what is odd is any character but a line break and the printable ones:
    # found at C speed on the bytes.
    odd = text.encode("ascii").translate(None, _ASCII_PLAIN) if text.isascii() else _ODD.search(text)
    if odd or "\r" in text:
        return None
    pat = _patterns()
    broken = "\n" + text  # every line, the first too, after a line break
    if pat.stray.search(broken):
        return None
    typing = _typing_chars()
    out = [(0, 0, key, True) for key in set(pat.keys.findall(broken)) if key[0] in typing]
    at = 0
    n = done = -1
    for hit in pat.typed.finditer(broken):
        # The hit ends at the value's first character, on line n (from 0) of the text.
        n += broken.count("\n", at, hit.end())
        at = hit.end()
        if n != done:
            # The line is cut out of the text: few lines hold such a value.
            start = broken.rfind("\n", 0, at) + 1
            end = broken.find("\n", at)
            out.extend(_line_scalars(pat, n + 1, broken[start : end if end >= 0 else len(broken)]))
            done = n
    return out


def _line_scalars(pat: _Patterns, n: int, line: str) -> list[tuple[int, int, str, bool]]:
    """(line, col, value, is a key) of the plain scalars of one line of the subset."""
    m = pat.line.fullmatch(line)
    if m is None:
        return []  # a blank or comment line
    out = []
    if m["key"] is not None:
        out.append((n, m.start("key") + 1, m["key"], True))
    group = "value" if m["key"] is not None else "item"
    if m[group] is None:
        return out
    start, value = m.start(group), m[group]
    if value[0] not in "'\"[{":
        out.append((n, start + 1, value, False))
    elif value[0] in "[{":
        for t in pat.token.finditer(value, 1):
            if t["plain"] is not None:
                out.append((n, start + t.start() + 1, t["plain"], t["colon"] is not None))
    return out


_V11: Any = yaml.resolver.Resolver()  # its stub leaves resolve() untyped
# The types both readers construct from a plain scalar; any other (merge keys, "=") is read in full.
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp"))


@lru_cache(maxsize=1024)
def _typed(value: str) -> tuple[str, str, Any, Any] | None:
    """The YAML 1.1 and 1.2 tags of a plain scalar and the values the two read (``None``: unreadable)."""
    tag11 = str(_V11.resolve(yaml.ScalarNode, value, (True, False)))
    tag12 = str(VersionedResolver(version=(1, 2)).resolve(ScalarNode, value, (True, False)))
    if tag11 == _STR and tag12 == _STR:
        return tag11, tag12, value, value
    if tag11 not in _PLAIN_TAGS or tag12 not in _PLAIN_TAGS:
        return None
    try:
        return tag11, tag12, yaml.load(value, Loader=yaml.SafeLoader), _ruamel(value)
    except Exception:  # noqa: BLE001 - a value a reader cannot construct: the file is read in full
        return None


def _typed_plainly(ctx: AuditContext, scalars: list[tuple[int, int, str, bool]]) -> Iterator[Finding] | None:
    """The findings of :func:`check` for a file in the plain subset (``None``: read it in full)."""
    typing_chars = _typing_chars()
    differ = False
    found: list[Finding] = []
    for line, col, value, is_key in scalars:
        if (value[:1] if value else "") not in typing_chars:
            continue  # a string to every reader: no resolver looks at it
        typed = _typed(value)
        if typed is None:
            return None
        tag11, tag12, v11, v12 = typed
        if is_key and (tag11 != _STR or tag12 != _STR):
            return None  # typed keys may collide in one reader only
        if not (v11 == v11 and v11 == v12):  # noqa: PLR0124 - NaN reads unequal to itself
            differ = True
        if tag11 == _STR and tag12 != _STR:
            found.append(
                Finding(
                    line,
                    col,
                    f"'{value}' is read as {tag11.rsplit(':', 1)[-1]} by YAML 1.1 and as "
                    f"{tag12.rsplit(':', 1)[-1]} by YAML 1.2; quote it",
                )
            )
    if not differ:
        return iter(())
    if not found and not ctx.registry.problems:
        found.append(Finding(1, 1, f"{_readers()[0][0]} and {_readers()[-1][0]} read the file differently"))
    return iter(found)


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield where a reader fails on the file, or where YAML 1.1 and 1.2 read a value apart."""
    if not ctx.registry.problems:
        scalars = _plain_subset(ctx.text)
        fast = _typed_plainly(ctx, scalars) if scalars is not None else None
        if fast is not None:
            yield from fast
            return
    loaded: list[tuple[str, Any]] = []
    failed = False
    for name, read in _readers():
        try:
            loaded.append((name, read(ctx.text)))
        except DuplicateKeyError:
            failed = True  # duplicate keys are the duplicate-key rule's
        except (yaml.YAMLError, MarkedYAMLError) as exc:
            failed = True
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            line, col = _mark(exc)
            yield Finding(line, col, f"{name} cannot read the file: {problem}; quote the value")
    if failed or len(loaded) < 2:
        return
    if all(data == loaded[0][1] for _, data in loaded[1:]):
        return
    # Where they differ: a plain string of YAML 1.1 that YAML 1.2 reads as another
    # type. The other way round (``NO``, ``on``) the strict loader already refuses.
    v12 = VersionedResolver(version=(1, 2))
    root = yaml.compose(ctx.text, Loader=yaml.SafeLoader)
    found = False
    for node in _plain_scalars(root) if root is not None else ():
        tag12 = str(v12.resolve(ScalarNode, node.value, (True, False)))
        if node.tag == _STR and tag12 != _STR:
            found = True
            yield Finding(
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                f"'{node.value}' is read as {node.tag.rsplit(':', 1)[-1]} by YAML 1.1 and as "
                f"{tag12.rsplit(':', 1)[-1]} by YAML 1.2; quote it",
            )
    if not found and not ctx.registry.problems:
        yield Finding(1, 1, f"{loaded[0][0]} and {loaded[-1][0]} read the file differently")
