"""Round-trip YAML for the writers: ruamel.yaml, set up to agree with the reader.

PyYAML (:mod:`aliasctl.registry.loader`) stays the fast, strict reader. It
cannot write a file back without dropping every comment, so the edit
commands rewrite only the blocks they change, and rewrite each block with
ruamel.yaml's round-trip mode, which keeps comments, flow/block style and
quotes.

Two settings make ruamel.yaml and PyYAML read the same text the same way:

* ruamel.yaml resolves no implicit types at all here: every scalar loads as
  a string, exactly as written (so ``y``, which ruamel's YAML 1.1 mode reads
  as a boolean and PyYAML as a string, stays ``y``). The registry's own
  typing is done by the strict reader.
* Whether a new string needs quotes is decided by :func:`scalar` with
  PyYAML's resolver (YAML 1.1: ``NO``, ``on``, ``1.10``, ``010``, ``1:20``,
  ``2001-12-14`` are quoted), ruamel's YAML 1.2 one (``1e5``, ``0o12``) and
  a ``?`` anywhere (PyYAML's pure-Python reader refuses one in a flow
  collection); ruamel's emitter adds quotes where the syntax needs them
  (``: ``, ``#``, ``,`` in flow collections...).
"""

from __future__ import annotations

import io
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

__all__ = [
    "CommentedMap",
    "CommentedSeq",
    "dump_block",
    "dump_top",
    "load_block",
    "load_top",
    "needs_quotes",
    "put",
    "reads_apart",
    "scalar",
]

_WRAP = "x:\n"
_PY_RESOLVER = yaml.resolver.Resolver()
# ruamel.yaml's own YAML 1.2 reading (``1e5`` is a float there, a string in 1.1).
_V12_RESOLVER = VersionedResolver(version=(1, 2))
_STR_TAG = "tag:yaml.org,2002:str"


class _NoImplicitResolver(VersionedResolver):
    """Every plain scalar is a string, as written."""

    @property
    def versioned_resolver(self) -> Any:
        return {}


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.Resolver = _NoImplicitResolver
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 1_000_000  # never fold a long note
    y.preserve_quotes = True
    y.allow_unicode = True
    return y


def needs_quotes(value: str) -> bool:
    """Would a YAML 1.1 or 1.2 reader take ``value``, written plain, for something other than a string?

    PyYAML's resolver answers for YAML 1.1 (``NO``, ``on``, ``1.10``, ``010``,
    ``1:20``, ``2001-12-14``...): the strict loader reads the file with it.
    ruamel.yaml's answers for YAML 1.2, which reads a few strings of 1.1 as
    numbers (``1e5``, ``0o12``): a user's own script may read the file so.
    """
    tag = _PY_RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    if tag != _STR_TAG:
        return True
    return bool(_V12_RESOLVER.resolve(ScalarNode, value, (True, False)) != _STR_TAG)


def reads_apart(value: str) -> bool:
    """Would ``value``, written plain, be read differently (or refused) by one common YAML reader?

    Beyond :func:`needs_quotes`: PyYAML's pure-Python reader (used where
    libyaml is missing) refuses a ``?`` inside a plain scalar of a flow
    collection, ``{source: https://example.org/a?b=1}``, which libyaml and
    ruamel.yaml accept. Such a string is quoted wherever it stands, so that
    it stays quoted when moved between block and flow style.
    """
    return "?" in value or needs_quotes(value)


def scalar(value: str) -> str:
    """Return ``value`` styled for writing: plain unless it needs quotes.

    Quotes that YAML's syntax needs (a ``: ``, a leading ``[``...) are added by
    ruamel.yaml's emitter. This adds the two kinds it cannot know about:

    * double quotes around a string Python deems not printable: line breaks
      and tabs, but also format characters (ZWNJ, bidi controls) and spaces
      other than U+0020, which ruamel.yaml writes plain and which should
      stand out to a reviewer;
    * single quotes around a string a YAML 1.1 or 1.2 reader would read as
      another type, or one PyYAML's pure-Python reader would refuse in a flow
      collection (:func:`reads_apart`). ruamel.yaml's emitter asks the resolver of
      its own instance, which here resolves nothing, so that the plain
      ``true`` and ``1`` of a loaded file are written back as they were; and
      its YAML 1.1 resolver differs from PyYAML's (it reads ``y`` as a
      boolean).
    """
    text = str(value)
    if not text.isprintable():
        quoted: str = DoubleQuotedScalarString(text)
        return quoted
    plain: str = SingleQuotedScalarString(text) if reads_apart(text) else text
    return plain


def put(container: Any, key: Any, value: Any) -> None:
    """Set ``container[key] = value`` exactly.

    ruamel.yaml's own ``__setitem__`` gives a new string the quote style of
    the value it replaces; the canonical form decides quoting itself.
    """
    if isinstance(container, CommentedSeq):
        list.__setitem__(container, key, value)
    elif key in container:
        dict.__setitem__(container, key, value)
    else:
        container[key] = value


def _shift(text: str, by: int) -> str:
    if by == 0:
        return text
    out = []
    for line in text.splitlines(keepends=True):
        if by > 0:
            out.append(" " * by + line if line.strip() else line)
        else:
            lead = len(line) - len(line.lstrip(" "))
            out.append(line[min(lead, -by) :])
    return "".join(out)


def load_block(text: str, indent: int) -> Any:
    """Load one block of lines (an entity, the redirects) indented by ``indent``.

    The block is nested under a dummy key first: ruamel.yaml keeps the spacing
    before end-of-line comments in nested collections only.
    """
    return _yaml().load(_WRAP + _shift(text, 2 - indent))["x"]


def dump_block(data: Any, indent: int) -> str:
    """Dump ``data`` as a block of lines indented by ``indent`` (see :func:`load_block`)."""
    doc = CommentedMap()
    doc["x"] = data
    buf = io.StringIO()
    _yaml().dump(doc, buf)
    out = buf.getvalue()
    if not out.startswith(_WRAP):  # pragma: no cover - ruamel always writes the key first
        raise RuntimeError("unexpected round-trip output")
    return _shift(out[len(_WRAP) :], indent - 2)


def dump_top(data: Any) -> str:
    """Dump a top-level mapping (the redirects block)."""
    buf = io.StringIO()
    _yaml().dump(data, buf)
    return buf.getvalue()


def load_top(text: str) -> Any:
    """Load a top-level block (a mapping with one key)."""
    return _yaml().load(text)
