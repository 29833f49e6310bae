"""Read a list published as XML, safely and in one pass, with every element's line and column.

The file is parsed with defusedxml's SAX reader, which refuses what a
sanctions list never needs and an attacker would use: entity declarations
(the "billion laughs" expansion) and external entities and DTDs (which
would read local files or the network). Only the subtrees of the record
elements a reader asks for are kept in memory, as small :class:`Node` trees
that know where they start in the file, so a message can name the line.
"""

from __future__ import annotations

import hashlib
import xml.sax
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.sax.expatreader import ExpatLocator

from defusedxml import DefusedXmlException
from defusedxml.sax import make_parser

from ..errors import DataError, InputMissingError
from ..files import open_input

_CHUNK = 1 << 20


@dataclass(slots=True)
class Node:
    """One element: its local name, attributes (by local name), text and children."""

    tag: str
    attrs: dict[str, str]
    line: int
    col: int
    children: list[Node] = field(default_factory=list)
    _text: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The element's own text, stripped."""
        return "".join(self._text).strip()

    def find(self, tag: str) -> Node | None:
        """The first child named ``tag``."""
        return next((c for c in self.children if c.tag == tag), None)

    def findall(self, tag: str) -> list[Node]:
        """Every child named ``tag``."""
        return [c for c in self.children if c.tag == tag]

    def findtext(self, tag: str) -> str:
        """The text of the first child named ``tag`` ("" when there is none)."""
        child = self.find(tag)
        return child.text if child is not None else ""

    def iter(self, tag: str) -> Iterator[Node]:
        """Every element named ``tag`` below this one, in document order."""
        for child in self.children:
            if child.tag == tag:
                yield child
            yield from child.iter(tag)


class _Handler(xml.sax.ContentHandler):
    def __init__(self, path: str, roots: dict[str, str | None], what: str, records: frozenset[str]) -> None:
        super().__init__()
        self.path = path
        self.roots = roots
        self.what = what
        self.records = records
        self.stack: list[Node] = []
        self.done: list[Node] = []
        self.root: Node | None = None
        self.locator: Any = None

    def setDocumentLocator(self, locator: Any) -> None:  # noqa: N802 - the SAX interface
        self.locator = locator

    def where(self) -> tuple[int, int]:
        if self.locator is None:
            return 1, 1
        return self.locator.getLineNumber() or 1, (self.locator.getColumnNumber() or 0) + 1

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: Any) -> None:  # noqa: N802
        uri, local = name
        line, col = self.where()
        if self.root is None:
            if local not in self.roots or (self.roots[local] is not None and uri != self.roots[local]):
                found = f"<{local}>" + (f" in the namespace {uri}" if uri else "")
                raise DataError(f"not {self.what}: its root element is {found}", self.path, line, col)
            self.root = Node(local, {k[1]: v for k, v in attrs.items()}, line, col)
            return
        if self.stack or local in self.records:
            node = Node(local, {k[1]: v for k, v in attrs.items()}, line, col)
            if self.stack:
                self.stack[-1].children.append(node)
            self.stack.append(node)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:  # noqa: N802
        if self.stack:
            node = self.stack.pop()
            if not self.stack:
                self.done.append(node)

    def characters(self, content: str) -> None:
        if self.stack:
            self.stack[-1]._text.append(content)


@dataclass(slots=True)
class XmlList:
    """A list file being read: its root element (once read) and the SHA-256 of its bytes (once read whole)."""

    path: str
    root: Node | None = None
    sha256: str = ""


def read_records(
    path: str, roots: dict[str, str | None], what: str, records: set[str] | frozenset[str], into: XmlList
) -> Iterator[Node]:
    """Yield each record element of an XML list file, as a :class:`Node`, in file order.

    Args:
        path: the file.
        roots: the root element's local name and the namespace it must be in
            (``None``: any or none).
        what: what the file should be, for the message when it is not ("the UN
            Security Council Consolidated List").
        records: the local names of the elements to yield (with their subtrees).
        into: receives the root element as soon as it is read, and the
            file's SHA-256 when the last record has been yielded.

    Raises:
        DataError: the file is not well-formed XML (cut short included), is not
            the list (another root element), or declares entities or a DTD
            (exit 65), with the line and column.
        InputMissingError: the file cannot be read (exit 66).
    """
    handler = _Handler(path, roots, what, frozenset(records))
    parser = make_parser()
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    # defusedxml's defaults already refuse entities and external references;
    # a sanctions list has no DTD either, so that is refused outright too.
    parser.forbid_dtd = True
    parser.forbid_entities = True
    parser.forbid_external = True
    parser.setContentHandler(handler)
    # parse() would hand the locator over; feeding the parser chunk by chunk does not.
    handler.setDocumentLocator(ExpatLocator(parser))
    digest = hashlib.sha256()
    with open_input(path, "an XML file") as fh:
        while True:
            try:
                chunk = fh.read(_CHUNK)
            except OSError as exc:
                raise InputMissingError(f"cannot read: {exc.strerror}", path) from None
            digest.update(chunk)
            _feed(parser, handler, path, chunk, not chunk)
            if into.root is None and handler.root is not None:
                into.root = handler.root
            yield from handler.done
            handler.done.clear()
            if not chunk:
                break
    into.sha256 = digest.hexdigest()


def _feed(parser: Any, handler: _Handler, path: str, chunk: bytes, last: bool) -> None:
    try:
        if last:
            parser.close()
        else:
            parser.feed(chunk)
    except xml.sax.SAXParseException as exc:
        message = exc.getMessage()
        if "no element found" in message or "unclosed token" in message:
            message += " (the file is cut short)"
        raise DataError(
            f"not well-formed XML: {message}", path, exc.getLineNumber(), (exc.getColumnNumber() or 0) + 1
        ) from None
    except DefusedXmlException as exc:
        line, col = handler.where()
        raise DataError(
            f"refused: the file declares a DTD or entities ({type(exc).__name__}); a list needs neither, "
            "and they are how entity-expansion and external-entity attacks work",
            path,
            line,
            col,
        ) from None
    if last and handler.root is None:  # pragma: no cover - expat reports an empty file itself
        raise DataError(f"empty: not {handler.what}", path, 1, 1)
