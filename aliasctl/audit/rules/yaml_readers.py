"""A file that one common YAML reader cannot read, or reads differently.

The registry is read by aliasctl with libyaml, but users read it with
whatever they have: PyYAML without libyaml (its pure-Python reader refuses a
``?`` inside a plain scalar of a flow collection), or a YAML 1.2 reader such
as ruamel.yaml (which reads ``1e5`` as a number, where YAML 1.1 reads a
string). Quote such values; ``aliasctl fmt`` does.

Passing:

    aliases: [{text: X, source: "https://example.org/a?b=1"}, "1e5"]

Failing:

    aliases: [{text: X, source: https://example.org/a?b=1}, 1e5]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

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


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield where a reader fails on the file, or where YAML 1.1 and 1.2 read a value apart."""
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
