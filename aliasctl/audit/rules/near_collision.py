"""Names of two entities within a typo of each other: a misspelling of one could resolve to the other.

Found through an index, not by comparing every pair: names that share their
first two letters, have as many words and are built from close words
(:mod:`aliasctl.matching.neighbours`), with lengths that can reach the score.

Passing:

    - {id: a, name: Jaysh al-Islam, kind: armed-group}
    - {id: b, name: Jaysh al-Izza, kind: armed-group}

Failing:

    - {id: a, name: People's Defense Forces, kind: wing}
    - {id: b, name: People's Defence Force, kind: wing}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import compress, islice
from operator import ne
from typing import Any

import numpy as np

from ...matching.neighbours import fuzzy_pairs
from ...matching.scoring import DEFAULT_MIN_SCORE, fuzzy_accepts, fuzzy_score
from ..context import AuditContext, Finding
from .collisions import where

# A key within the edit budget (20 % of the shorter name) scores at least 80.
_KEY_CUTOFF = 80.0

ID = "AL005"
NAME = "near-collision"
LEVEL = "warning"


def check(ctx: AuditContext) -> Iterator[Finding]:
    """Yield pairs of names of different entities that a fuzzy lookup could confuse."""
    idx = ctx.index
    fuzzy_keys = idx.fuzzy_keys
    # Findings come block by block (in the order of each block's shortest name), then by
    # the length of the first name and the score: the order of a scan of each block.
    order = np.argsort(np.asarray(idx.fuzzy_lengths), kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    rank_of = rank.tolist()
    # The entity that alone holds every name of a key (-1 for none): the pairs of two keys of
    # one entity are never scored, since every pair of their names is left out below.
    f_entity = np.asarray(idx.alias_entity, dtype=np.int64)[np.asarray(idx.fuzzy_alias, dtype=np.int64)]
    keys, spots, holder = key_positions(fuzzy_keys, f_entity)
    firsts = [found[0] for found in spots]
    # The first position of a key is its first in the scan (its positions have one length).
    key_rank = [rank_of[f_i] for f_i in firsts]
    blocks = [k[:2] for k in keys]
    # Blocks in the order the scan meets them: by the rank of the first name of each.
    block_first: dict[str, int] = {}
    for block, r in zip(blocks, key_rank, strict=True):
        if r < block_first.get(block, len(rank_of)):
            block_first[block] = r
    block_rank = {b: n for n, b in enumerate(sorted(block_first, key=block_first.__getitem__))}
    fuzzy_skeletons = idx.fuzzy_skeletons
    skeletons = [fuzzy_skeletons[f_i] for f_i in firsts]
    found: list[tuple[int, int, float, int, int, int]] = []
    for i, j, score in fuzzy_pairs(keys, skeletons, blocks, DEFAULT_MIN_SCORE, _KEY_CUTOFF, holder):
        if skeletons[i] == skeletons[j]:
            continue  # the collision rules report these
        # The positions of one key are adjacent, so one key comes first for all of them.
        if key_rank[j] < key_rank[i]:
            i, j = j, i
        ka, kb, sa, sb = keys[i], keys[j], skeletons[i], skeletons[j]
        if fuzzy_score(ka, sa, kb, sb) < DEFAULT_MIN_SCORE or not fuzzy_accepts(ka, sa, kb, sb):
            continue
        for f_a in spots[i]:
            for f_b in spots[j]:
                found.append((block_rank[ka[:2]], rank_of[f_a], -score, rank_of[f_b], f_a, f_b))
    found.sort()
    seen: set[tuple[int, int]] = set()
    marks = ctx.alias_marks
    for *_, f_a, f_b in found:
        a_i, b_i = idx.fuzzy_alias[f_a], idx.fuzzy_alias[f_b]
        if idx.alias_entity[a_i] == idx.alias_entity[b_i]:
            continue
        if idx.alias_shared[a_i] and idx.alias_shared[b_i]:
            continue
        first, second = (a_i, b_i) if marks[a_i][:2] <= marks[b_i][:2] else (b_i, a_i)
        if (first, second) in seen:
            continue
        seen.add((first, second))
        line, col, eid = ctx.alias_marks[second]
        yield Finding(
            line,
            col,
            f"'{idx.alias_text[second]}' of {eid} is a typo away from {where(ctx, first)}",
            eid,
        )


def key_positions(fuzzy_keys: Sequence[str], f_entity: Any) -> tuple[list[str], list[Sequence[int]], list[int]]:
    """The distinct keys in order, the positions of each, and the entity that holds all the
    names of each (-1 when several do; ``f_entity`` gives each position's).

    The fuzzy columns are sorted by key (within a block and a length), so a key's positions
    are one run, found at C speed; a column not sorted so is gathered name by name.
    """
    size = len(fuzzy_keys)
    firsts = [0, *compress(range(1, size), map(ne, islice(fuzzy_keys, 1, None), fuzzy_keys))] if size else []
    keys = [fuzzy_keys[f_i] for f_i in firsts]
    if len(set(keys)) == len(keys):
        spots: list[Sequence[int]] = list(map(range, firsts, [*firsts[1:], size]))
        if not size:
            return keys, spots, []
        low = np.minimum.reduceat(f_entity, firsts)
        return keys, spots, np.where(low == np.maximum.reduceat(f_entity, firsts), low, -1).tolist()
    gathered: dict[str, list[int]] = defaultdict(list)
    for f_i, key in enumerate(fuzzy_keys):
        gathered[key].append(f_i)
    holders = [{int(f_entity[f_i]) for f_i in found} for found in gathered.values()]
    return list(gathered), list(gathered.values()), [found.pop() if len(found) == 1 else -1 for found in holders]
