"""A resolver that travels to other processes: small to pickle, loaded once per process.

:func:`open_resolver` is the one way to get a ready resolver for batch work:
from the bundled registry, a path or the text of a registry, with the compiled
index taken from the cache when it is current (:func:`load_index`). What it
returns is a :class:`~aliasctl.matching.resolver.Resolver` that pickles to
its compiled index, compressed: for the bundled registry about 170 kB, for a
5,000-entity registry about 1.3 MB, against 0.2 MB of compressed registry
text that would cost a worker a full compile (1.3 s against 0.06 s to load
the index; the figures are in the README). A worker that unpickles it checks
the index as the cache does (versions, registry hash, the payload's SHA-256,
every column's size and range: never stale, and nothing in it can run) and
keeps it keyed by the registry's hash and the minimum score: however many
tasks bring it, each process loads it once and every copy is the same object,
so the answers each process has worked out are shared by its tasks
(:func:`aliasctl.matching.batch.resolve_many`).
"""

from __future__ import annotations

import hashlib
import os
import threading
import zlib
from typing import Any

from .._version import __version__
from ..errors import RegistryError
from ..files import read_bytes, registry_path
from .cache import dump_index, load_index_bytes, read_cached, write_cached
from .index import Index
from .resolver import DEFAULT_MIN_SCORE, Resolver

#: The layout of a pickled resolver; another one is refused, not guessed at.
PICKLE_FORMAT = 1
#: The largest index a pickle may unpack to (a compressed bomb stops here).
MAX_INDEX_BYTES = 1 << 30

_lock = threading.Lock()
_indexes: dict[str, Index] = {}
_resolvers: dict[tuple[str, float], PortableResolver] = {}
_counts = {"compiled": 0, "from_cache": 0, "unpickled": 0}
_loads: dict[str, int] = {}  # registry hash -> times its index was loaded (compiled, cached or unpickled)


class PortableResolver(Resolver):
    """A :class:`Resolver` that pickles to its compiled index and is kept once per process.

    Get one with :func:`open_resolver`; a copy unpickled in another process is
    that process's own, shared with every other copy of the same registry and
    minimum score there. Its answers are those of :class:`Resolver`.
    """

    def __init__(self, index: Index, min_score: float = DEFAULT_MIN_SCORE) -> None:
        super().__init__(index, min_score)
        self._payload: bytes | None = None

    def payload(self) -> bytes:
        """The compiled index as it travels: :func:`dump_index` output, compressed (made once)."""
        if self._payload is None:
            self._payload = zlib.compress(dump_index(self.index), 1)
        return self._payload

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (PICKLE_FORMAT, __version__, self.index.sha256, self.min_score, self.payload()))


def open_resolver(
    registry: str | os.PathLike[str] | None = None,
    *,
    text: str | bytes | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
) -> PortableResolver:
    """Return a ready resolver for a registry, the same object for the same registry in one process.

    Args:
        registry: a registry file (default: ``$ALIASCTL_REGISTRY``, else the bundled registry).
        text: the registry's text instead of a file.
        min_score: the lowest fuzzy score accepted as a match.

    Returns:
        A :class:`PortableResolver`: a :class:`Resolver` that pickles small (see the module).

    Raises:
        RegistryError: the registry is not valid (exit code 65).
        InputMissingError: it cannot be read (exit code 66).

    Example:
        >>> resolver = open_resolver()                    # the bundled registry
        >>> resolver = open_resolver("my-aliases.yaml", min_score=90)
        >>> resolver.resolve("Daesh").id
        'islamic-state'
    """
    if text is not None:
        data = text.encode("utf-8") if isinstance(text, str) else text
        name = "<text>"
    else:
        path = registry_path(registry)
        data = read_bytes(path)
        name = os.fspath(path)
    sha = hashlib.sha256(data).hexdigest()
    with _lock:
        index = _indexes.get(sha)
    if index is None:
        index = _index_of(data, sha, name)
    return _keep(index, min_score)


def portable(resolver: Resolver) -> PortableResolver:
    """The travelling form of ``resolver`` (itself when it is one): same index, same minimum score.

    Raises:
        ValueError: the resolver has stages switched off, which a pickle does not carry.
    """
    if isinstance(resolver, PortableResolver):
        return resolver
    if resolver.disabled:
        raise ValueError("a resolver with stages switched off cannot be sent to other processes")
    return _keep(resolver.index, resolver.min_score)


def _index_of(data: bytes, sha: str, name: str) -> Index:
    """The compiled index of a registry's bytes: from the cache when current, as :func:`load_index` does."""
    index = read_cached(sha)
    if index is None:
        from ..registry.loader import decode, parse

        registry = parse(decode(data, name), name, sha)
        if registry.problems:
            raise sorted(registry.problems, key=lambda e: (e.line or 0, e.col or 0))[0]
        index = Index.from_registry(registry)
        write_cached(index)
        how = "compiled"
    else:
        how = "from_cache"
    with _lock:
        _counts[how] += 1
        _loads[sha] = _loads.get(sha, 0) + 1
    return index


def _keep(index: Index, min_score: float, payload: bytes | None = None) -> PortableResolver:
    """The process's resolver for ``index`` and ``min_score``, made the first time."""
    key = (index.sha256, float(min_score))
    with _lock:
        kept = _resolvers.get(key)
        if kept is None:
            index = _indexes.setdefault(index.sha256, index)
            # Built now, under the lock: these tables are otherwise made on first use.
            index.block("")
            kept = PortableResolver(index, min_score)
            kept._payload = payload
            _resolvers[key] = kept
        return kept


def _restore(fmt: object, version: object, sha: object, min_score: object, payload: object) -> PortableResolver:
    """Unpickle a :class:`PortableResolver`: the process's own copy, loaded and checked the first time.

    Raises:
        RegistryError: the pickle is of another layout or version, or its index is damaged.
    """
    if fmt != PICKLE_FORMAT or version != __version__:
        raise RegistryError(
            f"a resolver pickled by aliasctl {version} (format {fmt}) cannot be used by aliasctl "
            f"{__version__}: open it again with open_resolver()"
        )
    if not (
        isinstance(sha, str)
        and isinstance(min_score, (int, float))
        and not isinstance(min_score, bool)
        and isinstance(payload, bytes)
    ):
        raise RegistryError("a pickled resolver holds something other than an index")
    with _lock:
        kept = _resolvers.get((sha, float(min_score)))
        index = _indexes.get(sha)
    if kept is not None:
        return kept
    if index is None:
        try:
            inflate = zlib.decompressobj()
            blob = inflate.decompress(payload, MAX_INDEX_BYTES)
            if inflate.unconsumed_tail or not inflate.eof:
                raise ValueError("too large or cut short")
            index = load_index_bytes(blob, sha)
        except (ValueError, zlib.error) as exc:
            raise RegistryError(f"a pickled resolver's index cannot be used: {exc}") from None
        with _lock:
            _counts["unpickled"] += 1
            _loads[sha] = _loads.get(sha, 0) + 1
    return _keep(index, float(min_score), payload)


def process_loads() -> dict[str, Any]:
    """How this process got its indexes: ``compiled`` from a registry, ``from_cache``, ``unpickled``.

    ``loads`` maps each registry's hash to the number of times its index was
    loaded here: a worker that many tasks sent a resolver shows 1
    (``client.run(process_loads)`` on Dask).
    """
    with _lock:
        return dict(_counts, pid=os.getpid(), indexes=len(_indexes), loads=dict(_loads))


__all__ = ["MAX_INDEX_BYTES", "PICKLE_FORMAT", "PortableResolver", "open_resolver", "portable", "process_loads"]
