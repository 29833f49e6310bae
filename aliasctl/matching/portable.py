"""A resolver that travels to other processes: small to pickle, loaded once per process.

:func:`open_resolver` is the one way to get a ready resolver for batch work:
from the bundled registry, a path or the text of a registry, with the compiled
index taken from the cache when it is current (:func:`load_index`). What it
returns is a :class:`~aliasctl.matching.resolver.Resolver` that pickles to
its compiled index, compressed, the word stage's index included (about
400 kB for the bundled registry): a worker loads it instead of compiling the
registry's text in full. A worker that unpickles it checks
the index as the cache does (versions, registry hash, the payload's SHA-256,
every column's size and range: never stale, and nothing in it can run) and
keeps it keyed by the registry's hash and the minimum score: however many
tasks bring it, each process loads it once and every copy is the same object,
so the answers each process has worked out are shared by its tasks
(:func:`aliasctl.matching.batch.resolve_many`).

Answers travel back as :class:`MatchColumns`: one flat column per field of
:class:`~aliasctl.matching.resolver.Match` (and of its candidates), which
pickle as a few lists and byte strings instead of one object per answer and
per candidate (unpickling 36,500 answers as objects took 0.6 s of the
receiving process; as columns, a few hundredths). A process that loads a
resolver from a pickle is one of many workers: its fuzzy scoring uses one
thread (:func:`aliasctl.matching.batch.set_scoring_threads`), so that
workers on every core do not each start a thread per core.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import threading
import zlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from .._version import __version__
from ..errors import RegistryError
from ..files import read_bytes, registry_path
from .cache import dump_index, load_index_bytes, read_cached, write_cached
from .index import Index
from .resolver import DEFAULT_MIN_SCORE, Candidate, Match, Resolver

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
        from .batch import set_scoring_threads

        set_scoring_threads(1)  # one of many workers: see the module
    return _keep(index, float(min_score), payload)


#: The fields of :class:`MatchColumns` that hold numbers as bytes.
_PACKED_NUMBERS = frozenset({"score", "candidates", "candidate_score"})


@dataclass(frozen=True)
class MatchColumns:
    """Answers packed as flat columns to travel between processes; :meth:`unpack` gives them back.

    Every field of each :class:`Match` is kept (the answers unpacked equal
    the answers packed); ``query`` is ``None`` where it is the value resolved,
    which the receiving process already holds. Scores are doubles, the
    number of candidates of each answer two-byte counts.
    """

    query: list[str | None]
    status: list[str]
    id: list[str | None]
    name: list[str | None]
    score: bytes
    method: list[str | None]
    matched_alias: list[str | None]
    reason: list[str]
    candidates: bytes
    candidate_id: list[str]
    candidate_name: list[str]
    candidate_score: bytes
    candidate_alias: list[str]
    candidate_method: list[str]

    @classmethod
    def pack(cls, values: Sequence[str], matches: Sequence[Match]) -> MatchColumns:
        """The answers ``matches`` to ``values`` (one each, in order), as columns."""
        cands = [c for m in matches for c in m.candidates]
        return cls(
            [None if m.query == v else m.query for v, m in zip(values, matches, strict=True)],
            [m.status for m in matches],
            [m.id for m in matches],
            [m.name for m in matches],
            array("d", [m.score for m in matches]).tobytes(),
            [m.method for m in matches],
            [m.matched_alias for m in matches],
            [m.reason for m in matches],
            array("H", [len(m.candidates) for m in matches]).tobytes(),
            [c.id for c in cands],
            [c.name for c in cands],
            array("d", [c.score for c in cands]).tobytes(),
            [c.alias for c in cands],
            [c.method for c in cands],
        )

    def __len__(self) -> int:
        return len(self.status)

    @classmethod
    def concat(cls, parts: Sequence[MatchColumns]) -> MatchColumns:
        """The answers of ``parts`` one after the other."""
        joined: dict[str, Any] = {}
        for field in dataclasses.fields(cls):
            pieces = [getattr(p, field.name) for p in parts]
            if field.name in _PACKED_NUMBERS:
                joined[field.name] = b"".join(pieces)
            else:
                joined[field.name] = [v for piece in pieces for v in piece]
        return cls(**joined)

    def unpack(self, values: Sequence[str]) -> list[Match]:
        """The answers as :class:`Match` objects, for the ``values`` they were packed with."""
        scores = array("d")
        scores.frombytes(self.score)
        counts = array("H")
        counts.frombytes(self.candidates)
        cand_scores = array("d")
        cand_scores.frombytes(self.candidate_score)
        cands = list(
            map(Candidate, self.candidate_id, self.candidate_name, cand_scores, self.candidate_alias, self.candidate_method)
        )
        ends = list(accumulate(counts))
        starts = [0, *ends[:-1]] if ends else []
        groups = [tuple(cands[a:b]) if a != b else () for a, b in zip(starts, ends, strict=True)]
        queries = [v if q is None else q for v, q in zip(values, self.query, strict=True)]
        return list(
            map(Match, queries, self.status, self.id, self.name, scores, self.method, self.matched_alias, groups, self.reason)
        )


def process_loads() -> dict[str, Any]:
    """How this process got its indexes: ``compiled`` from a registry, ``from_cache``, ``unpickled``.

    ``loads`` maps each registry's hash to the number of times its index was
    loaded here: a worker that many tasks sent a resolver shows 1
    (``client.run(process_loads)`` on Dask).
    """
    with _lock:
        return dict(_counts, pid=os.getpid(), indexes=len(_indexes), loads=dict(_loads))


__all__ = ["MAX_INDEX_BYTES", "PICKLE_FORMAT", "MatchColumns", "PortableResolver", "open_resolver", "portable", "process_loads"]
