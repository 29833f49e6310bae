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
from collections.abc import Iterator

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
    positions: dict[str, list[int]] = defaultdict(list)
    for f_i, key in enumerate(fuzzy_keys):
        positions[key].append(f_i)
    keys = list(positions)
    # The first position of a key is its first in the scan (its positions have one length).
    key_rank = [rank_of[positions[k][0]] for k in keys]
    blocks = [k[:2] for k in keys]
    # Blocks in the order the scan meets them: by the rank of the first name of each.
    block_first: dict[str, int] = {}
    for block, r in zip(blocks, key_rank, strict=True):
        if r < block_first.get(block, len(rank_of)):
            block_first[block] = r
    block_rank = {b: n for n, b in enumerate(sorted(block_first, key=block_first.__getitem__))}
    skeletons = [idx.fuzzy_skeletons[positions[k][0]] for k in keys]
    found: list[tuple[int, int, float, int, int, int]] = []
    for i, j, score in fuzzy_pairs(keys, skeletons, blocks, DEFAULT_MIN_SCORE, _KEY_CUTOFF):
        if skeletons[i] == skeletons[j]:
            continue  # the collision rules report these
        # The positions of one key are adjacent, so one key comes first for all of them.
        if key_rank[j] < key_rank[i]:
            i, j = j, i
        ka, kb, sa, sb = keys[i], keys[j], skeletons[i], skeletons[j]
        if fuzzy_score(ka, sa, kb, sb) < DEFAULT_MIN_SCORE or not fuzzy_accepts(ka, sa, kb, sb):
            continue
        for f_a in positions[ka]:
            for f_b in positions[kb]:
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
