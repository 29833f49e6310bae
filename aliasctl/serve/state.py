"""What the service answers from: one snapshot of the registry at a time, swapped whole when the file changes.

A :class:`Snapshot` holds the registry, its resolver and its suggest index,
all built from the same bytes. A request takes the current snapshot once and
answers from it to the end, so a reload never drops a request nor mixes two
registries in one answer: the swap is one assignment. A registry file that
stops being valid leaves the old snapshot serving; the error is logged once
for each content that fails.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..errors import AliasctlError
from ..files import read_bytes, registry_path
from ..matching import Resolver, load_index
from ..registry import Alias, Entity, Registry, load_registry
from .suggest import SuggestIndex

log = logging.getLogger("aliasctl.serve")

#: The outcome of :meth:`Service.refresh`.
Refreshed = Literal["unchanged", "reloaded", "invalid"]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The registry, its resolver and its suggest index, built from one content of the file.

    Attributes:
        registry: the loaded registry (entities, relations, sources).
        resolver: the resolver over the registry's index.
        suggest: the prefix index of names and aliases.
        aliases: every (entity id, name) to the :class:`Alias` it is (the display name included).
        by_id: every live entity by its id.
    """

    registry: Registry
    resolver: Resolver
    suggest: SuggestIndex
    aliases: dict[tuple[str, str], Alias] = field(repr=False)
    by_id: dict[str, Entity] = field(repr=False)

    @property
    def sha256(self) -> str:
        """The SHA-256 of the registry file's bytes."""
        return self.registry.sha256

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id, following redirects; ``None`` if unknown."""
        # Most ids asked are live ones: a dictionary answers them without walking the redirects.
        return self.by_id.get(entity_id) or self.registry.get(entity_id)


def snapshot_of(registry: Registry, resolver: Resolver | None = None) -> Snapshot:
    """Build a snapshot from a loaded registry (and its resolver, if one is at hand)."""
    aliases: dict[tuple[str, str], Alias] = {}
    for entity in registry.entities:
        # The display name is reported as of type "name", even where an alias repeats it.
        aliases[(entity.id, entity.name)] = Alias(entity.name, "name")
        for alias in entity.aliases:
            aliases.setdefault((entity.id, alias.text), alias)
    by_id = {e.id: e for e in reversed(registry.entities)}
    return Snapshot(registry, resolver or Resolver(registry), SuggestIndex(registry), aliases, by_id)


def load_snapshot(path: str | os.PathLike[str] | None = None) -> Snapshot:
    """Load the registry at ``path`` (``None``: ``$ALIASCTL_REGISTRY`` or the bundled one) into a snapshot.

    The index comes from the index cache when it was built from the same bytes.

    Raises:
        RegistryError: the registry is not valid.
        InputMissingError: it cannot be read.
    """
    registry = load_registry(path)
    index = load_index(path)
    # The file may have changed between the two reads: then the registry's own index is the one.
    resolver = Resolver(index) if index.sha256 == registry.sha256 else None
    return snapshot_of(registry, resolver)


class Service:
    """The registry file being served, and the snapshot currently answering.

    Args:
        path: the registry file (``None``: ``$ALIASCTL_REGISTRY`` or the bundled one).

    Raises:
        RegistryError: the registry is not valid at start.
        InputMissingError: it cannot be read at start.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path: Path = registry_path(path)
        self._snapshot = load_snapshot(self.path)
        self._refusing: str | None = None
        self._lock = threading.Lock()
        self._changed = threading.Condition()
        self.generation = 0

    @property
    def snapshot(self) -> Snapshot:
        """The snapshot answering now; take it once per request."""
        return self._snapshot

    def refresh(self) -> Refreshed:
        """Reload the registry if its content changed; keep the current one if the new one is not valid.

        Returns:
            ``"unchanged"``, ``"reloaded"`` or ``"invalid"`` (also for a file that cannot be
            read, and for a content already refused, which is not logged again).
        """
        with self._lock:
            try:
                sha = hashlib.sha256(read_bytes(self.path)).hexdigest()
            except AliasctlError as exc:
                return self._refuse(f"missing:{exc}", exc)
            current = self._snapshot
            if sha == current.sha256:
                self._refusing = None
                return "unchanged"
            if sha == self._refusing:
                return "invalid"
            try:
                snapshot = load_snapshot(self.path)
            except AliasctlError as exc:
                return self._refuse(sha, exc)
            self._snapshot = snapshot
            self._refusing = None
            log.info(
                "registry reloaded: %s, %d entities, sha256 %s (was %s)",
                self.path,
                len(snapshot.registry.entities),
                snapshot.sha256[:12],
                current.sha256[:12],
            )
        with self._changed:
            self.generation += 1
            self._changed.notify_all()
        return "reloaded"

    def _refuse(self, mark: str, exc: AliasctlError) -> Refreshed:
        if mark != self._refusing:
            self._refusing = mark
            log.error(
                "registry not reloaded, still serving sha256 %s: %s", self._snapshot.sha256[:12], exc
            )
        return "invalid"

    def wait_for_generation(self, generation: int, timeout: float) -> bool:
        """Wait until :attr:`generation` reaches ``generation`` (a reload happened); ``False`` on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: self.generation >= generation, timeout)


__all__ = ["Refreshed", "Service", "Snapshot", "load_snapshot", "snapshot_of"]
