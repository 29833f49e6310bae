"""Resolve a name to a registry entity: id → exact → acronym → key → skeleton → fuzzy.

Every alias is normalized once, when the index is built (or read from the
cache); a query goes through the same normalizer and is compared with
precomputed forms only. The answer is honest: ``matched`` when one entity is
clearly meant, ``ambiguous`` when a shared alias or two close candidates leave
the choice to a person, ``unresolved`` otherwise, each with a reason.
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from .. import normalize
from ..registry.model import follow_redirects

if TYPE_CHECKING:
    from ..registry.model import Registry

MATCHED = "matched"
AMBIGUOUS = "ambiguous"
UNRESOLVED = "unresolved"

#: The scorer and its settings. Changing any of them changes scores: the
#: values are recorded in machine-readable output.
SCORER = "rapidfuzz.fuzz.ratio"
DEFAULT_MIN_SCORE = 85.0
AMBIGUITY_MARGIN = 3.0
KEY_SCORE = 97.0
MAX_FUZZY_SCORE = 94.0
SKELETON_MIN_LEN = 5
SKELETON_GUARD = 85.0
FUZZY_MIN_KEY_LEN = 4
# Two words with one consonant outline are one word if they start alike or their letters are this alike.
TOKEN_SKELETON_RATIO = 60.0
# A compound written apart ("Hizb Allah", "Hezbollah") must be this alike joined.
COMPOUND_RATIO = 70.0
_CANDIDATE_FLOOR = 60.0
_SKELETON_CUTOFF = 85.0
_SKELETON_LIMIT = 20
_BATCH = 128


def _block_top(
    np: Any,
    queries: list[str],
    choices: list[str],
    windows: list[tuple[int, int]],
    lo_all: int,
    hi_all: int,
    cutoff: float,
    limit: int,
) -> list[list[tuple[int, float]]]:
    """For each query, the ``limit`` best (position, score) of ``choices`` inside its window.

    Ordered as ``process.extract`` orders them: score down, then position up,
    and with the same scores. The matrix holds scores rounded to a byte (a
    quarter of the memory traffic of doubles); a rounded score is within one
    point of the exact one, so every cell that can be among a row's ``limit``
    best is at least that row's ``limit``-th rounded score minus one. Only those
    few cells are scored again exactly.
    """
    if not queries:
        return []
    matrix = process.cdist(
        queries,
        choices[lo_all:hi_all],
        scorer=fuzz.ratio,
        processor=None,
        score_cutoff=max(0, math.floor(cutoff) - 1),
        dtype=np.uint8,
        workers=-1,
    )
    for r, (lo, hi) in enumerate(windows):
        matrix[r, : max(lo - lo_all, 0)] = 0
        matrix[r, max(hi - lo_all, 0) :] = 0
    width = matrix.shape[1]
    floor = max(1, math.floor(cutoff) - 1)
    if width > limit:
        kth = np.partition(matrix, width - limit, axis=1)[:, width - limit].astype(np.int16)
        threshold = np.maximum(kth - 1, floor)
    else:
        threshold = np.full(len(queries), floor, dtype=np.int16)
    rows, cols = np.nonzero(matrix >= threshold[:, None])
    out: list[list[tuple[int, float]]] = [[] for _ in queries]
    ratio = fuzz.ratio
    for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
        pos = lo_all + c
        score = ratio(queries[r], choices[pos])
        if score >= cutoff:
            out[r].append((pos, score))
    for hits in out:
        if len(hits) > 1:
            hits.sort(key=lambda h: (-h[1], h[0]))
            del hits[limit:]
    return out


@dataclass(frozen=True, slots=True)
class Candidate:
    """One entity the query came close to."""

    id: str
    name: str
    score: float
    alias: str
    method: str


@dataclass(frozen=True, slots=True)
class Match:
    """The answer for one query."""

    query: str
    status: str
    id: str | None = None
    name: str | None = None
    score: float = 0.0
    method: str | None = None
    matched_alias: str | None = None
    candidates: tuple[Candidate, ...] = ()
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        """Return the result as plain data, in the documented field order."""
        return {
            "query": self.query,
            "status": self.status,
            "id": self.id,
            "name": self.name,
            "score": round(self.score, 1),
            "method": self.method,
            "matched_alias": self.matched_alias,
            "candidates": [
                {
                    "id": c.id,
                    "name": c.name,
                    "score": round(c.score, 1),
                    "alias": c.alias,
                    "method": c.method,
                }
                for c in self.candidates
            ],
            "reason": self.reason,
        }


class Table:
    """A read-only multimap from a normalized form to alias positions.

    Kept as a sorted list of forms with a parallel array of positions, so it
    is stored and loaded as two flat columns and searched by bisection.
    """

    __slots__ = ("forms", "positions")

    def __init__(self, forms: list[str], positions: array[int]) -> None:
        self.forms = forms
        self.positions = positions

    @classmethod
    def build(cls, pairs: Iterable[tuple[str, int]]) -> Table:
        """Build a table from (form, position) pairs."""
        ordered = sorted(pairs)
        return cls([f for f, _ in ordered], array("i", [p for _, p in ordered]))

    def get(self, form: str, default: list[int] | None = None) -> list[int] | None:
        """Return the positions stored under ``form``, or ``default``."""
        lo = bisect.bisect_left(self.forms, form)
        hi = lo
        while hi < len(self.forms) and self.forms[hi] == form:
            hi += 1
        return list(self.positions[lo:hi]) if hi > lo else default


class Index:
    """The compiled, normalized form of a registry: all a lookup needs.

    Alias columns are parallel lists; the tables map a form (exact, key,
    skeleton, acronym) to alias positions. The fuzzy columns are sorted by key
    length so that a query bisects to the lengths that can reach the cutoff.
    """

    __slots__ = (
        "_blocks",
        "acronyms",
        "alias_entity",
        "alias_key",
        "alias_shared",
        "alias_skeleton",
        "alias_text",
        "alias_type",
        "by_key",
        "by_skeleton",
        "entity_ids",
        "entity_kinds",
        "entity_names",
        "exact",
        "fuzzy_alias",
        "fuzzy_keys",
        "fuzzy_lengths",
        "fuzzy_skeletons",
        "ids",
        "redirects",
        "sha256",
    )

    def __init__(
        self,
        sha256: str,
        entity_ids: list[str],
        entity_names: list[str],
        entity_kinds: list[str],
        alias_text: list[str],
        alias_entity: array[int],
        alias_type: list[str],
        alias_shared: array[int],
        alias_key: list[str],
        alias_skeleton: list[str],
        redirects: dict[str, str],
        exact: Table,
        by_key: Table,
        by_skeleton: Table,
        acronyms: Table,
        fuzzy_alias: array[int],
        fuzzy_keys: list[str],
        fuzzy_skeletons: list[str],
        fuzzy_lengths: array[int],
    ) -> None:
        self.sha256 = sha256
        self.entity_ids = entity_ids
        self.entity_names = entity_names
        self.entity_kinds = entity_kinds
        self.alias_text = alias_text
        self.alias_entity = alias_entity
        self.alias_type = alias_type
        self.alias_shared = alias_shared
        self.alias_key = alias_key
        self.alias_skeleton = alias_skeleton
        self.redirects = redirects
        self.exact = exact
        self.by_key = by_key
        self.by_skeleton = by_skeleton
        self.acronyms = acronyms
        self.fuzzy_alias = fuzzy_alias
        self.fuzzy_keys = fuzzy_keys
        self.fuzzy_skeletons = fuzzy_skeletons
        self.fuzzy_lengths = fuzzy_lengths
        self.ids = dict(zip(entity_ids, range(len(entity_ids)), strict=True))
        self._blocks: dict[str, tuple[int, int]] | None = None

    def block(self, key: str) -> tuple[int, int]:
        """The range of fuzzy positions whose skeleton starts with ``key`` (built on first use)."""
        if self._blocks is None:
            blocks: dict[str, tuple[int, int]] = {}
            for pos, skel in enumerate(self.fuzzy_skeletons):
                b = block_of(skel)
                first = blocks.get(b)
                blocks[b] = (pos if first is None else first[0], pos + 1)
            self._blocks = blocks
        return self._blocks.get(key, (0, 0))

    @classmethod
    def from_registry(cls, registry: Registry) -> Index:
        """Normalize every name of ``registry`` once and build the tables."""
        ids, names, kinds = [], [], []
        text, ent, types, shared, keys_, skels = [], [], [], [], [], []
        for e_i, entity in enumerate(registry.entities):
            ids.append(entity.id)
            names.append(entity.name)
            kinds.append(entity.kind)
            for alias in entity.names():
                keys = normalize.keys(alias.text)
                text.append(alias.text)
                ent.append(e_i)
                types.append(alias.type)
                shared.append(int(alias.shared))
                keys_.append(keys.key)
                skels.append(keys.skeleton)
        exact, by_key, by_skel, acronyms, fuzzy = [], [], [], [], []
        for a_i, t in enumerate(text):
            exact.append((normalize.display_key(t), a_i))
            if types[a_i] == "acronym":
                acronyms.append((normalize.acronym_key(t), a_i))
            elif keys_[a_i]:
                by_key.append((keys_[a_i], a_i))
                by_skel.append((skels[a_i], a_i))
                fuzzy.append((len(keys_[a_i]), keys_[a_i], a_i))
        # Grouped by the first two letters of the skeleton (the blocking key),
        # then by length (for the window), then by text.
        fuzzy.sort(key=lambda f: (block_of(skels[f[2]]), f[0], f[1], f[2]))
        return cls(
            registry.sha256,
            ids,
            names,
            kinds,
            text,
            array("i", ent),
            types,
            array("b", shared),
            keys_,
            skels,
            {r.source: r.target for r in registry.redirects},
            Table.build(exact),
            Table.build(by_key),
            Table.build(by_skel),
            Table.build(acronyms),
            array("i", [f[2] for f in fuzzy]),
            [f[1] for f in fuzzy],
            [skels[f[2]] for f in fuzzy],
            array("i", [f[0] for f in fuzzy]),
        )


def block_of(skeleton: str) -> str:
    """The blocking key of a name: the first two letters of its skeleton."""
    return skeleton[:2]


def _is_arabic(text: str) -> bool:
    return not text.isascii() and normalize.script_of(text) == "Arabic"


def consonants(skeleton: str) -> int:
    """How many consonants a skeleton holds (the vowel marks "a" do not count)."""
    return len(skeleton) - skeleton.count("a")


def _edit_budget(a: str, b: str) -> int:
    # At most 4 edits, and at most 20 % of the shorter name: none below 5 letters.
    return min(4, math.floor(0.2 * min(len(a), len(b))))


def _digits(token: str) -> str:
    return "".join(c for c in token if c.isdigit())


@lru_cache(maxsize=1 << 16)
def _token_close(tok: str, other: str) -> bool:
    if tok == other:
        return True
    # Numbers name units: "12th Brigade" and "26th Brigade" are two units.
    if _digits(tok) != _digits(other):
        return False
    if normalize.skeleton(tok) == normalize.skeleton(other) and (
        tok[0] == other[0] or fuzz.ratio(tok, other) >= TOKEN_SKELETON_RATIO
    ):
        return True
    budget = max(1, min(len(tok), len(other)) // 4) if min(len(tok), len(other)) > 3 else 0
    return Levenshtein.distance(tok, other, score_cutoff=budget) <= budget


def _tokens_align(q_tokens: list[str], a_tokens: list[str]) -> bool:
    """Every word on each side has a close counterpart on the other.

    An extra or missing distinguishing word ("al-Thani", "Arabian Peninsula",
    "Kata'ib" vs "Saraya") makes two names two groups, and so does a word that
    is more than a typo away ("Tahrir" vs "Ahrar", "Islamic" vs "Islam").
    """
    if len(q_tokens) != len(a_tokens):
        return False
    for side, other in ((q_tokens, a_tokens), (a_tokens, q_tokens)):
        for tok in side:
            if not any(_token_close(tok, o) for o in other):
                return False
    return True


def skeleton_accepts(
    key_a: str, skel: str, key_b: str, vowelless: bool = False, cross_script: bool = False
) -> bool:
    """Whether two names with one skeleton are one name.

    Short outlines need alike letters, and a Latin name cannot be checked
    against one written without vowels (Arabic script: "Talabani" is not
    طالبان); word for word, each word must match (so "Iraqi Army" is not
    "Arakha Army"); a compound written apart must be alike joined.

    Args:
        vowelless: ``key_b`` comes from a script that does not write short
            vowels, and ``key_a`` does not.
        cross_script: one name is in Arabic script and the other is not; a
            short outline is then one name when it is so word for word over
            several words ("Liwa al-Islam", لواء الإسلام), as the letters of
            the two cannot be compared.
    """
    ta, tb = key_a.split(), key_b.split()
    if consonants(skel) <= 2:
        # Two consonants say too little ("Jennet", "Jeanne", "Dzhen"): only the key can tell.
        return False
    if consonants(skel) < SKELETON_MIN_LEN:
        several = cross_script and len(ta) == len(tb) >= 2
        if not several and (vowelless or fuzz.ratio(key_a, key_b) < SKELETON_GUARD):
            return False
    if len(ta) == len(tb):
        return _tokens_align(ta, tb)
    return fuzz.ratio("".join(ta), "".join(tb)) >= COMPOUND_RATIO


def fuzzy_accepts(
    key_a: str, skel_a: str, key_b: str, skel_b: str, tokens_a: list[str] | None = None
) -> bool:
    """Whether two names are close enough for a fuzzy match, scores aside.

    Within the edit budget on keys (or one edit apart on long skeletons), and
    every word matched by a close word on the other side.
    """
    if min(len(key_a), len(key_b)) < FUZZY_MIN_KEY_LEN:
        return False
    # One-word names differ by a consonant only as two words do ("Sabiqun", "Sadiqun").
    if " " not in key_a or " " not in key_b:
        return False
    close = Levenshtein.distance(key_a, key_b) <= _edit_budget(key_a, key_b) or (
        min(consonants(skel_a), consonants(skel_b)) >= SKELETON_MIN_LEN
        and Levenshtein.distance(skel_a, skel_b) <= 1
    )
    return close and _tokens_align(tokens_a if tokens_a is not None else key_a.split(), key_b.split())


def fuzzy_score(key_a: str, skel_a: str, key_b: str, skel_b: str) -> float:
    """The fuzzy score of two names, as the resolver computes it (at most 94)."""
    score = fuzz.ratio(key_a, key_b)
    if len(skel_a) >= SKELETON_MIN_LEN:
        skel_score = fuzz.ratio(skel_a, skel_b)
        if skel_score >= 85.0:
            score = max(score, (score + skel_score) / 2.0)
    return min(score, MAX_FUZZY_SCORE)


class Resolver:
    """Resolve names against one registry.

    Args:
        registry: a loaded :class:`Registry`, or an :class:`Index` (from the cache).
        min_score: the lowest fuzzy score accepted as a match.
    """

    def __init__(self, registry: Registry | Index, min_score: float = DEFAULT_MIN_SCORE) -> None:
        self.index = registry if isinstance(registry, Index) else Index.from_registry(registry)
        self.min_score = min_score

    # -- helpers --------------------------------------------------------

    def _entity_of(self, a_i: int) -> int:
        return self.index.alias_entity[a_i]

    def _candidate(self, a_i: int, score: float, method: str) -> Candidate:
        e_i = self.index.alias_entity[a_i]
        return Candidate(
            self.index.entity_ids[e_i],
            self.index.entity_names[e_i],
            score,
            self.index.alias_text[a_i],
            method,
        )

    def _matched(self, query: str, a_i: int, score: float, method: str, reason: str) -> Match:
        cand = self._candidate(a_i, score, method)
        return Match(query, MATCHED, cand.id, cand.name, score, method, cand.alias, (cand,), reason)

    def _decide(self, query: str, hits: list[int], score: float, method: str, what: str) -> Match:
        """Turn alias hits of one stage into a match or an ambiguity."""
        by_entity: dict[int, int] = {}
        for a_i in hits:
            e_i = self._entity_of(a_i)
            if e_i not in by_entity or (
                self.index.alias_shared[by_entity[e_i]] and not self.index.alias_shared[a_i]
            ):
                by_entity[e_i] = a_i
        chosen = list(by_entity.values())
        cands = tuple(self._candidate(a_i, score, method) for a_i in chosen)
        if len(chosen) > 1:
            names = ", ".join(c.id for c in cands)
            return Match(
                query,
                AMBIGUOUS,
                None,
                None,
                score,
                method,
                None,
                cands,
                f"{what} belongs to {len(chosen)} entities: {names}",
            )
        a_i = chosen[0]
        if self.index.alias_shared[a_i]:
            return Match(
                query,
                AMBIGUOUS,
                None,
                None,
                score,
                method,
                self.index.alias_text[a_i],
                cands,
                f"'{self.index.alias_text[a_i]}' is marked shared: it names several groups",
            )
        return self._matched(query, a_i, score, method, f"{what} of {cands[0].id}")

    # -- the stages -----------------------------------------------------

    def resolve(self, text: str, *, top: int = 5) -> Match:
        """Resolve one name.

        Args:
            text: the name as written.
            top: how many candidates to keep for ambiguous and unresolved answers.

        Returns:
            A :class:`Match`; never raises for any string input.
        """
        early = self._early(text)
        if isinstance(early, Match):
            return self._final(early)
        return self._final(self._fuzzy_decide(text, early, self._fuzzy_found(early, top), top))

    def resolve_batch(self, texts: Sequence[str], *, top: int = 5) -> list[Match]:
        """Resolve many names at once; the answers are those of :meth:`resolve`.

        The cheap stages run name by name; the names that reach the fuzzy
        stage are scored together (``rapidfuzz.process.cdist`` on both cores,
        in blocks of similar length), which is much faster for thousands of
        names than one search each.
        """
        out: list[Match | None] = [None] * len(texts)
        pending: list[tuple[int, normalize.Keys]] = []
        for i, text in enumerate(texts):
            early = self._early(text)
            if isinstance(early, Match):
                out[i] = self._final(early)
            else:
                pending.append((i, early))
        founds = self._fuzzy_found_batch([k for _, k in pending], top)
        for (i, keys), found in zip(pending, founds, strict=True):
            out[i] = self._final(self._fuzzy_decide(texts[i], keys, found, top))
        return [m for m in out if m is not None]

    def _final(self, match: Match) -> Match:
        if match.status == MATCHED and match.score < self.min_score:
            return Match(
                match.query,
                UNRESOLVED,
                None,
                None,
                match.score,
                match.method,
                None,
                match.candidates,
                f"best match {match.id} scores {match.score:.0f}, below the minimum {self.min_score:.0f}",
            )
        return match

    def _early(self, text: str) -> Match | normalize.Keys:
        """Every stage before the fuzzy one: a Match, or the keys to search with."""
        query = text
        stripped = " ".join(text.split())
        if not stripped:
            return Match(query, UNRESOLVED, reason="the name is empty")
        idx = self.index
        lowered = stripped.lower()
        hits = idx.exact.get(normalize.display_key(stripped))
        if hits:
            acr = all(idx.alias_type[a] == "acronym" for a in hits)
            return self._decide(query, hits, 100.0, "acronym" if acr else "exact", "the alias")
        if lowered in idx.ids:
            e_i = idx.ids[lowered]
            return Match(
                query,
                MATCHED,
                idx.entity_ids[e_i],
                idx.entity_names[e_i],
                100.0,
                "exact",
                idx.entity_ids[e_i],
                (),
                "the query is an entity id",
            )
        if lowered in idx.redirects:
            target = follow_redirects(lowered, idx.ids, idx.redirects)
            if target is not None:
                e_i = idx.ids[target]
                return Match(
                    query,
                    MATCHED,
                    target,
                    idx.entity_names[e_i],
                    100.0,
                    "redirect",
                    lowered,
                    (),
                    f"'{lowered}' was merged or renamed into '{target}'",
                )
        acr_hits = idx.acronyms.get(normalize.acronym_key(stripped))
        if acr_hits and " " not in stripped:
            return self._decide(query, acr_hits, 100.0, "acronym", "the acronym")
        keys = normalize.keys(stripped)
        if not keys.key:
            return Match(query, UNRESOLVED, reason="the name has no letters or digits")
        hits = idx.by_key.get(keys.key)
        if hits:
            return self._decide(query, hits, KEY_SCORE, "key", f"the normalized form '{keys.key}'")
        query_arabic = _is_arabic(stripped)
        # Many aliases share a key: decide once per (key, script) pair.
        verdicts: dict[tuple[str, bool], bool] = {}
        sk_hits = []
        for a_i in idx.by_skeleton.get(keys.skeleton) or []:
            alias_arabic = _is_arabic(idx.alias_text[a_i])
            mark = (idx.alias_key[a_i], alias_arabic)
            if mark not in verdicts:
                verdicts[mark] = skeleton_accepts(
                    keys.key,
                    keys.skeleton,
                    mark[0],
                    not query_arabic and alias_arabic,
                    query_arabic != alias_arabic,
                )
            if verdicts[mark]:
                sk_hits.append(a_i)
        if sk_hits:
            # The closest spelling first, so it is the one reported.
            sk_hits.sort(key=lambda a_i: -fuzz.ratio(keys.key, idx.alias_key[a_i]))
            score = 85.0 + fuzz.ratio(keys.key, idx.alias_key[sk_hits[0]]) / 10.0
            return self._decide(
                query, sk_hits, min(score, 95.0), "skeleton", f"the skeleton '{keys.skeleton}'"
            )
        return keys

    def resolve_id(self, entity_id: str) -> str | None:
        """The live id for an id or an old, redirected id; ``None`` if unknown."""
        return follow_redirects(entity_id.strip().lower(), self.index.ids, self.index.redirects)

    def _window(self, skeleton: str, length: int, cutoff: float) -> tuple[int, int]:
        """The fuzzy positions a query can meet: its block, and the lengths that can reach ``cutoff``.

        Blocking: only aliases whose skeleton starts with the query's first
        two consonant classes are scored (a name whose first consonants are
        misspelt is left to the other stages). Within the block,
        ``fuzz.ratio >= c`` needs the shorter/longer length ratio
        ``>= c / (200 - c)``, so the length window loses nothing more.
        """
        start, end = self.index.block(block_of(skeleton))
        c = max(cutoff, 1.0) / 100.0
        lo = math.ceil(length * c / (2.0 - c))
        hi = math.floor(length * (2.0 - c) / c)
        lengths = self.index.fuzzy_lengths
        return bisect.bisect_left(lengths, lo, start, end), bisect.bisect_right(lengths, hi, start, end)

    def _fuzzy_found(self, keys: normalize.Keys, top: int) -> dict[int, float]:
        """Fuzzy positions close to ``keys`` with their scores (one query)."""
        idx = self.index
        floor = min(_CANDIDATE_FLOOR, self.min_score)
        lo, hi = self._window(keys.skeleton, len(keys.key), floor)
        found: dict[int, float] = {}
        if lo < hi:
            for _, score, pos in process.extract(
                keys.key,
                idx.fuzzy_keys[lo:hi],
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=floor,
                limit=max(top * 4, 20),
            ):
                found[lo + pos] = score
        # Skeletons absorb vowel drift; a near-equal skeleton is a near-equal name.
        if len(keys.skeleton) >= SKELETON_MIN_LEN and lo < hi:
            for _, score, pos in process.extract(
                keys.skeleton,
                idx.fuzzy_skeletons[lo:hi],
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=_SKELETON_CUTOFF,
                limit=_SKELETON_LIMIT,
            ):
                f_i = lo + pos
                key_score = fuzz.ratio(keys.key, idx.fuzzy_keys[f_i])
                found[f_i] = max(found.get(f_i, 0.0), (key_score + score) / 2.0)
        return found

    def _fuzzy_found_batch(self, many: list[normalize.Keys], top: int) -> list[dict[int, float]]:
        """:meth:`_fuzzy_found` for many queries, scored block by block with cdist."""
        floor = min(_CANDIDATE_FLOOR, self.min_score)
        try:
            import numpy as np
        except ImportError:  # pragma: no cover - numpy is a dependency
            return [self._fuzzy_found(k, top) for k in many]
        idx = self.index
        if floor < 1.0:
            return [self._fuzzy_found(k, top) for k in many]
        limit = max(top * 4, 20)
        founds: list[dict[int, float]] = [{} for _ in many]
        # Queries of one blocking key and similar length are scored together.
        by_block: dict[str, list[int]] = {}
        for i in sorted(range(len(many)), key=lambda i: len(many[i].key)):
            by_block.setdefault(block_of(many[i].skeleton), []).append(i)
        chunks = [ids[s : s + _BATCH] for ids in by_block.values() for s in range(0, len(ids), _BATCH)]
        for block in chunks:
            windows = [self._window(many[i].skeleton, len(many[i].key), floor) for i in block]
            lo_all = min(w[0] for w in windows)
            hi_all = max(w[1] for w in windows)
            if lo_all >= hi_all:
                continue
            key_top = _block_top(
                np, [many[i].key for i in block], idx.fuzzy_keys, windows, lo_all, hi_all, floor, limit
            )
            for r, i in enumerate(block):
                founds[i] = dict(key_top[r])
            skel_rows = [r for r, i in enumerate(block) if len(many[i].skeleton) >= SKELETON_MIN_LEN]
            skel_top = _block_top(
                np,
                [many[block[r]].skeleton for r in skel_rows],
                idx.fuzzy_skeletons,
                [windows[r] for r in skel_rows],
                lo_all,
                hi_all,
                _SKELETON_CUTOFF,
                _SKELETON_LIMIT,
            )
            for j, r in enumerate(skel_rows):
                found = founds[block[r]]
                key = many[block[r]].key
                for f_i, score in skel_top[j]:
                    key_score = fuzz.ratio(key, idx.fuzzy_keys[f_i])
                    found[f_i] = max(found.get(f_i, 0.0), (key_score + score) / 2.0)
        return founds

    def _fuzzy_decide(self, query: str, keys: normalize.Keys, found: dict[int, float], top: int) -> Match:
        """Accept, call ambiguous or reject the fuzzy positions found for a query."""
        idx = self.index
        q_tokens = keys.key.split()
        accepted: list[tuple[float, int]] = []
        near: list[tuple[float, int]] = []
        for f_i, score in found.items():
            a_i = idx.fuzzy_alias[f_i]
            akey = idx.fuzzy_keys[f_i]
            score = min(score, MAX_FUZZY_SCORE)
            near.append((score, a_i))
            if score >= self.min_score and fuzzy_accepts(
                keys.key, keys.skeleton, akey, idx.fuzzy_skeletons[f_i], q_tokens
            ):
                accepted.append((score, a_i))
        if not accepted:
            near_c = self._best_per_entity(near, top)
            reason = "no alias is close enough"
            if near_c:
                reason += f" (nearest: '{near_c[0].alias}' of {near_c[0].id}, {near_c[0].score:.0f})"
            return Match(query, UNRESOLVED, candidates=tuple(near_c), reason=reason)
        best = self._best_per_entity(accepted, top)
        first = best[0]
        first_a = max((s, a) for s, a in accepted if idx.entity_ids[idx.alias_entity[a]] == first.id)[1]
        if len(best) > 1 and first.score - best[1].score < AMBIGUITY_MARGIN:
            return Match(
                query,
                AMBIGUOUS,
                None,
                None,
                first.score,
                "fuzzy",
                None,
                tuple(best),
                f"{first.id} ({first.score:.0f}) and {best[1].id} ({best[1].score:.0f}) "
                f"are within {AMBIGUITY_MARGIN:.0f} points",
            )
        if idx.alias_shared[first_a]:
            return Match(
                query,
                AMBIGUOUS,
                None,
                None,
                first.score,
                "fuzzy",
                first.alias,
                tuple(best),
                f"closest alias '{first.alias}' is marked shared: it names several groups",
            )
        cands = tuple(best)
        return Match(
            query,
            MATCHED,
            first.id,
            first.name,
            first.score,
            "fuzzy",
            first.alias,
            cands,
            f"closest alias '{first.alias}' scores {first.score:.0f}",
        )

    def _best_per_entity(self, scored: Iterable[tuple[float, int]], top: int) -> list[Candidate]:
        best: dict[int, tuple[float, int]] = {}
        for score, a_i in scored:
            e_i = self.index.alias_entity[a_i]
            if e_i not in best or score > best[e_i][0]:
                best[e_i] = (score, a_i)
        ranked = sorted(best.values(), key=lambda sa: (-sa[0], sa[1]))[:top]
        return [self._candidate(a_i, score, "fuzzy") for score, a_i in ranked]

    def settings(self) -> dict[str, Any]:
        """Return the scorer settings (recorded in machine-readable output)."""
        return {
            "scorer": SCORER,
            "min_score": self.min_score,
            "ambiguity_margin": AMBIGUITY_MARGIN,
            "normalizer": normalize.NORMALIZER_VERSION,
            "registry_sha256": self.index.sha256,
        }
