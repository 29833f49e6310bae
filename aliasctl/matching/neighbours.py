"""Which names could be word for word alike: candidate pairs for near collisions and clusters.

A fuzzy match needs every word of each name to have a close word in the other
(:func:`~aliasctl.matching.scoring.token_close`), both names to have as many
words, and (for ``audit`` and ``cluster``) both names to start with the same
letters. This module finds the pairs of names that meet those necessary
conditions without comparing all pairs of a block:

1. The distinct words are indexed by their outline (the skeleton path of
   ``token_close``) and by their deletion neighbourhood (every form with up
   to two letters dropped, so that two words within the edit budget share a
   form); words long enough for a budget of three edits or more are few and
   compared among themselves. Every candidate is then checked with
   ``token_close``: the result is exactly the word-closeness graph.
2. Names are grouped by block and number of words, then split by the set of
   word classes they use (the connected parts of the closeness graph among
   the words of the group). Two names whose words all have close
   counterparts use the same classes, so no pair that can match is split
   apart. Splitting a group again with the classes of its own, smaller
   vocabulary loses nothing either, and is repeated until no group splits.

What is left are small groups of names built from mutually close words; the
callers score the pairs inside them (:func:`fuzzy_pairs` does it with
``rapidfuzz.process.cpdist``, in C and on all cores, and keeps the pairs that
can pass ``fuzzy_accepts``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from contextlib import AbstractContextManager
from itertools import chain, combinations
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from .scoring import FUZZY_MIN_KEY_LEN, SKELETON_MIN_LEN, token_close

#: Words this long or longer may be three or more edits apart (``token_close``'s budget is
#: a quarter of the shorter word); they are compared with each other directly.
_LONG_WORD = 12
#: The deeper deletion neighbourhood: two letters dropped.
_MAX_DELETIONS = 2
#: A group this small is not split further: scoring its pairs in C costs less than splitting it.
_SMALL_GROUP = 16


def paused_gc() -> AbstractContextManager[None]:
    """Hold the cyclic garbage collector while many small, acyclic objects are made.

    Building millions of tuples and sets triggers a collection every few
    hundred allocations, each walking every object the process holds (a large
    registry's model): two thirds of the time of :func:`word_groups` on
    50,000 entities. Nothing made here forms cycles.
    The loader's pause (:func:`aliasctl.registry.loader.no_gc`) is the one used, so what is
    made meanwhile is also settled unscanned when the collector resumes.
    """
    from ..registry.loader import no_gc

    return no_gc()


def _budget(length: int) -> int:
    # The edit budget ``token_close`` allows a word of this length against a longer one.
    return max(1, length // 4) if length > 3 else 0


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` and every form of it with up to ``depth`` letters dropped."""
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def word_graph(words: Sequence[str], endings: Sequence[str] = ()) -> list[list[int]]:
    """For each word, the positions of the other words ``token_close`` calls the same word.

    Args:
        words: distinct words (of keys).
        endings: also join a word of five letters or more to itself with one of these endings.

    Returns:
        Adjacency lists, symmetric, without the word itself.
    """
    from .. import normalize

    postings: dict[str, list[int]] = defaultdict(list)
    longs: list[int] = []
    for w_i, word in enumerate(words):
        postings["s" + normalize.key_skeleton(word)].append(w_i)
        for form in _deletions(word, min(_budget(len(word)), _MAX_DELETIONS)):
            postings["d" + form].append(w_i)
        if len(word) >= _LONG_WORD:
            longs.append(w_i)
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        if len(members) > 1:
            pairs.update(combinations(sorted(members), 2))
    if len(longs) > 1:
        # Budgets of three edits and more: too many deletion forms, and few such words.
        texts = [words[i] for i in longs]
        most = max(_budget(len(t)) for t in texts)
        # Two letters swapped are one edit to token_close in such words (OSA is at most Levenshtein).
        dist = process.cdist(texts, texts, scorer=OSA.distance, score_cutoff=most, workers=-1)
        for r, c in zip(*np.nonzero(dist <= most), strict=True):
            if r < c:
                pairs.add((longs[int(r)], longs[int(c)]))
    pairs = {(a, b) for a, b in pairs if token_close(words[a], words[b])}
    if endings:
        where = {w: i for i, w in enumerate(words)}
        for w_i, word in enumerate(words):
            if len(word) >= 5:
                pairs.update((min(w_i, where[word + e]), max(w_i, where[word + e])) for e in endings if word + e in where)
    graph: list[list[int]] = [[] for _ in words]
    for a, b in pairs:
        graph[a].append(b)
        graph[b].append(a)
    return graph


def _classes(vocab: set[int], graph: list[list[int]]) -> dict[int, int]:
    """The connected part of each word of ``vocab``, over the edges inside ``vocab``."""
    part: dict[int, int] = {}
    for start in vocab:
        if start in part:
            continue
        part[start] = start
        stack = [start]
        while stack:
            for other in graph[stack.pop()]:
                if other in vocab and other not in part:
                    part[other] = start
                    stack.append(other)
    return part


def word_groups(
    keys: Sequence[str], blocks: Sequence[Hashable] | None = None, *, endings: Sequence[str] = ()
) -> list[list[int]]:
    """Groups of keys that may be word for word alike; keys in no common group cannot be.

    Two keys can pass ``scoring._tokens_align`` (every word of each close to
    a word of the other, as many words on both sides) only if they are in one
    group, and only if they are in the same block.

    Args:
        keys: distinct normalized keys.
        blocks: a block label for each key (``None``: one block).
        endings: words that are one another with one of these endings count as close too.

    Returns:
        Groups of two or more positions of ``keys``, each sorted; keys of one word are left out.
    """
    with paused_gc():
        return _word_groups(keys, blocks, endings)


def _word_groups(keys: Sequence[str], blocks: Sequence[Hashable] | None, endings: Sequence[str]) -> list[list[int]]:
    split_keys = [key.split() for key in keys]
    words = list(dict.fromkeys(chain.from_iterable(split_keys)))
    word_id = {w: i for i, w in enumerate(words)}.__getitem__
    tokens = [tuple(map(word_id, ws)) for ws in split_keys]
    graph = word_graph(words, endings)
    first: dict[tuple[Hashable, int], list[int]] = defaultdict(list)
    for k_i, toks in enumerate(tokens):
        if len(toks) >= 2:
            first[(blocks[k_i] if blocks is not None else None, len(toks))].append(k_i)
    done: list[list[int]] = []
    work = [g for g in first.values() if len(g) > 1]
    while work:
        later: list[list[int]] = []
        for group in work:
            if len(group) <= _SMALL_GROUP:
                done.append(group)
                continue
            vocab = set(chain.from_iterable(map(tokens.__getitem__, group)))
            part = _classes(vocab, graph).__getitem__
            split: dict[frozenset[int], list[int]] = defaultdict(list)
            for k_i in group:
                split[frozenset(map(part, tokens[k_i]))].append(k_i)
            if len(split) == 1:
                done.append(group)
            else:
                later.extend(g for g in split.values() if len(g) > 1)
        work = later
    return [sorted(g) for g in done]


def group_pairs(groups: Sequence[Sequence[int]]) -> tuple[Any, Any]:
    """Every pair inside each group, as two numpy arrays of positions (``left < right``)."""
    sizes = np.fromiter((len(g) for g in groups), dtype=np.int64, count=len(groups))
    left: list[Any] = []
    right: list[Any] = []
    for size in np.unique(sizes).tolist():
        if size < 2:
            continue
        members = np.array([g for g, n in zip(groups, sizes.tolist(), strict=True) if n == size], dtype=np.int64)
        r, c = np.triu_indices(size, k=1)
        left.append(members[:, r].ravel())
        right.append(members[:, c].ravel())
    if not left:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    return np.concatenate(left), np.concatenate(right)


def _scores(left: list[str], right: list[str], scorer: Any, cutoff: float) -> Any:
    return process.cpdist(
        left,
        right,
        scorer=scorer,
        processor=None,
        score_cutoff=cutoff,
        dtype=np.float64,  # the very scores the scorer gives one pair at a time, ties and all
        workers=-1,
    )


def fuzzy_pairs(
    keys: Sequence[str],
    skeletons: Sequence[str],
    blocks: Sequence[Hashable] | None,
    min_score: float,
    key_cutoff: float,
    apart: Sequence[int] | None = None,
) -> list[tuple[int, int, float]]:
    """Pairs of keys of one block that :func:`~aliasctl.matching.scoring.fuzzy_accepts` may accept.

    Every pair that scores ``fuzz.ratio >= key_cutoff``, whose lengths can
    reach ``min_score``, that is within the edit budget (or one edit apart in
    outline), whose score can reach ``min_score``, and whose words can be
    paired is returned; the callers decide with ``fuzzy_accepts`` and
    ``fuzzy_score`` (which take the pair in their order).

    Args:
        keys: distinct normalized keys.
        skeletons: the skeleton of each key.
        blocks: a block label for each key (``None``: one block).
        min_score: the score a match needs (sets the length window).
        key_cutoff: the least ``fuzz.ratio`` of the two keys.
        apart: a label for each key (``None``: none); two keys with one label that is not
            negative are not paired (for the audit, keys whose names are all one entity's).

    Returns:
        ``(i, j, fuzz.ratio of the keys)`` with ``i < j``, in no particular order.
    """
    with paused_gc():
        return _fuzzy_pairs(keys, skeletons, blocks, min_score, key_cutoff, apart)


def _fuzzy_pairs(
    keys: Sequence[str],
    skeletons: Sequence[str],
    blocks: Sequence[Hashable] | None,
    min_score: float,
    key_cutoff: float,
    apart: Sequence[int] | None,
) -> list[tuple[int, int, float]]:
    left, right = group_pairs(word_groups(keys, blocks))
    if apart is not None and len(left):
        labels = np.asarray(apart, dtype=np.int64)
        unlike = (labels[left] != labels[right]) | (labels[left] < 0)
        left, right = left[unlike], right[unlike]
    if not len(left):
        return []
    lengths = np.fromiter((len(k) for k in keys), dtype=np.int64, count=len(keys))
    short = np.minimum(lengths[left], lengths[right])
    long = np.maximum(lengths[left], lengths[right])
    c = min_score / 100.0
    # As a scan by length does it: the longer may be at most int(shorter * (2 - c) / c) long.
    window = (long <= (short * (2.0 - c) / c).astype(np.int64)) & (short >= FUZZY_MIN_KEY_LEN)
    left, right = left[window], right[window]
    ratio = _scores([keys[i] for i in left.tolist()], [keys[j] for j in right.tolist()], fuzz.ratio, key_cutoff)
    keep = ratio >= key_cutoff
    left, right, ratio = left[keep], right[keep], ratio[keep]
    if not len(left):
        return []
    # fuzzy_accepts: within the edit budget, or one edit apart in long outlines.
    lefts, rights = left.tolist(), right.tolist()
    short = np.minimum(lengths[left], lengths[right])
    budget = np.minimum(4, np.floor(0.2 * short)).astype(np.int64)
    edits = _scores([keys[i] for i in lefts], [keys[j] for j in rights], Levenshtein.distance, 4)
    consonants = np.fromiter((len(s) - s.count("a") for s in skeletons), dtype=np.int64, count=len(skeletons))
    outline = np.minimum(consonants[left], consonants[right]) >= SKELETON_MIN_LEN
    skel_left, skel_right = [skeletons[i] for i in lefts], [skeletons[j] for j in rights]
    outline &= _scores(skel_left, skel_right, Levenshtein.distance, 1) <= 1
    # fuzzy_score: the keys' ratio, or its mean with a ratio of the outlines of 85 or more.
    skeleton_ratio = _scores(skel_left, skel_right, fuzz.ratio, 85.0)
    keep = ((edits <= budget) | outline) & ((ratio >= min_score) | (skeleton_ratio >= 85.0))
    return list(zip(left[keep].tolist(), right[keep].tolist(), ratio[keep].tolist(), strict=True))


__all__ = ["fuzzy_pairs", "group_pairs", "paused_gc", "word_graph", "word_groups"]
