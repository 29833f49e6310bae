"""Names of two entities within a typo of each other: a misspelling of one could resolve to the other.

Found by blocking (names that share their first two letters, with lengths that
can reach the score), not by comparing every pair.

Passing:

    - {id: a, name: Jaysh al-Islam, kind: armed-group}
    - {id: b, name: Jaysh al-Izza, kind: armed-group}

Failing:

    - {id: a, name: People's Defense Forces, kind: wing}
    - {id: b, name: People's Defence Force, kind: wing}
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator

from rapidfuzz import fuzz, process

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
    blocks: dict[str, list[int]] = defaultdict(list)
    for f_i in sorted(range(len(idx.fuzzy_keys)), key=lambda f: idx.fuzzy_lengths[f]):
        blocks[idx.fuzzy_keys[f_i][:2]].append(f_i)
    c = DEFAULT_MIN_SCORE / 100.0
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        keys = [idx.fuzzy_keys[f] for f in members]
        lengths = [len(k) for k in keys]
        for pos, f_i in enumerate(members):
            a_i = idx.fuzzy_alias[f_i]
            key = keys[pos]
            hi = bisect.bisect_right(lengths, int(len(key) * (2.0 - c) / c))
            if hi <= pos + 1:
                continue
            for _, _, off in process.extract(
                key,
                keys[pos + 1 : hi],
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=_KEY_CUTOFF,
                limit=None,
            ):
                b_i = idx.fuzzy_alias[members[pos + 1 + off]]
                if idx.alias_entity[a_i] == idx.alias_entity[b_i]:
                    continue
                if (
                    idx.alias_key[a_i] == idx.alias_key[b_i]
                    or idx.alias_skeleton[a_i] == idx.alias_skeleton[b_i]
                ):
                    continue  # the collision rules report these
                if idx.alias_shared[a_i] and idx.alias_shared[b_i]:
                    continue
                ka, sa, kb, sb = (
                    idx.alias_key[a_i],
                    idx.alias_skeleton[a_i],
                    idx.alias_key[b_i],
                    idx.alias_skeleton[b_i],
                )
                if fuzzy_score(ka, sa, kb, sb) < DEFAULT_MIN_SCORE or not fuzzy_accepts(ka, sa, kb, sb):
                    continue
                first, second = sorted((a_i, b_i), key=lambda x: ctx.alias_marks[x][:2])
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
