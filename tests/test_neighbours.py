"""The candidate search of audit and cluster finds every pair the fuzzy guards can accept."""

from __future__ import annotations

import itertools
import random
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from aliasctl import normalize
from aliasctl.matching.neighbours import fuzzy_pairs, word_graph, word_groups
from aliasctl.matching.scoring import _tokens_align, fuzzy_accepts, fuzzy_score, token_close

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from gen_registry import _typo, _vowel_drift, base_names

WORD = st.text(alphabet="abdeiklmnoqrstuyz0", min_size=1, max_size=14)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORD, min_size=2, max_size=40, unique=True))
def test_the_word_graph_is_token_close(words: list[str]) -> None:
    graph = word_graph(words)
    found = {(a, b) for a, near in enumerate(graph) for b in near}
    expected = {
        (a, b) for a, b in itertools.permutations(range(len(words)), 2) if token_close(words[a], words[b])
    }
    assert found == expected


def _names(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for name in base_names(count, seed):
        out.append(name)
        out += [_vowel_drift(name, rng) if rng.random() < 0.7 else _typo(name, rng) for _ in range(3)]
    return out


def _keys(names: list[str]) -> tuple[list[str], list[str]]:
    seen = {}
    for name in names:
        k = normalize.keys(name)
        if k.key:
            seen.setdefault(k.key, k.skeleton)
    return list(seen), list(seen.values())


def test_the_groups_keep_every_pair_of_names_of_close_words() -> None:
    keys, _ = _keys(_names(300, 4))
    blocks = [k[:2] for k in keys]
    together = {(a, b) for g in word_groups(keys, blocks) for a, b in itertools.combinations(g, 2)}
    aligned = {
        (a, b)
        for a, b in itertools.combinations(range(len(keys)), 2)
        if blocks[a] == blocks[b] and _tokens_align(keys[a].split(), keys[b].split())
    }
    assert aligned  # the sample has such pairs
    assert aligned <= together
    assert len(together) < len(keys) * (len(keys) - 1) // 2 // 20  # and few others


def test_fuzzy_pairs_are_every_pair_a_block_scan_would_accept() -> None:
    keys, skels = _keys(_names(400, 9))
    blocks = [k[:2] for k in keys]
    c = 0.85
    expected = set()
    for a, b in itertools.combinations(range(len(keys)), 2):
        short, long_ = sorted((len(keys[a]), len(keys[b])))
        if blocks[a] != blocks[b] or long_ > int(short * (2.0 - c) / c):
            continue
        if fuzz.ratio(keys[a], keys[b]) < 80 or not fuzzy_accepts(keys[a], skels[a], keys[b], skels[b]):
            continue
        if max(fuzzy_score(keys[a], skels[a], keys[b], skels[b]), fuzzy_score(keys[b], skels[b], keys[a], skels[a])) >= 85:
            expected.add((a, b))
    found = {
        (a, b)
        for a, b, _ in fuzzy_pairs(keys, skels, blocks, 85.0, 80.0)
        if fuzzy_accepts(keys[a], skels[a], keys[b], skels[b])
        and max(fuzzy_score(keys[a], skels[a], keys[b], skels[b]), fuzzy_score(keys[b], skels[b], keys[a], skels[a])) >= 85
    }
    assert expected
    assert found == expected


def _tokens_align_by_search(q_tokens: list[str], a_tokens: list[str]) -> bool:
    """What _tokens_align answers, found by searching each word's counterpart (no shortcut)."""
    from aliasctl.matching.scoring import _meanings_differ

    if len(q_tokens) != len(a_tokens):
        return False
    return all(
        any(token_close(tok, o) and not _meanings_differ(tok, o) for o in other)
        for side, other in ((q_tokens, a_tokens), (a_tokens, q_tokens))
        for tok in side
    )


def test_words_paired_in_order_align_as_the_search_finds() -> None:
    names = _names(200, 5)
    # A name and its three spellings (which mostly align), and names of other groups.
    pairs = [(a, b) for i in range(0, len(names), 4) for a, b in itertools.combinations(names[i : i + 4], 2)]
    rng = random.Random(3)
    pairs += [(rng.choice(names), rng.choice(names)) for _ in range(1000)]
    glossary = ["islam", "islamic", "west", "wasat", "liwa", "lewa", "council", "shura", "army", "jaysh"]
    compared = aligned = 0
    for a, b in pairs:
        ta, tb = normalize.key(a).split(), normalize.key(b).split()
        if len(ta) != len(tb) or not ta:
            continue
        if rng.random() < 0.2:  # glossary words of two meanings, or of one, in place of a word
            i = rng.randrange(len(ta))
            ta[i], tb[i] = rng.choice(glossary), rng.choice(glossary)
        if rng.random() < 0.2:  # the words of one side in another order
            rng.shuffle(tb)
        expected = _tokens_align_by_search(ta, tb)
        assert _tokens_align(ta, tb) == expected, (ta, tb)
        compared += 1
        aligned += expected
    assert compared > 600 and 100 < aligned < compared


def test_fuzzy_pairs_apart_leaves_out_the_pairs_of_one_label_only() -> None:
    keys, skels = _keys(_names(300, 7))
    blocks = [k[:2] for k in keys]
    rng = random.Random(5)
    labels = [rng.choice([-1, 0, 1, 2, 3]) for _ in keys]
    every = fuzzy_pairs(keys, skels, blocks, 85.0, 80.0)
    apart = fuzzy_pairs(keys, skels, blocks, 85.0, 80.0, labels)
    expected = [(a, b, s) for a, b, s in every if labels[a] != labels[b] or labels[a] < 0]
    assert sorted(apart) == sorted(expected)
    assert len(expected) < len(every)  # some pairs were left out, and the others kept
    assert fuzzy_pairs(keys, skels, blocks, 85.0, 80.0, [0] * len(keys)) == []


def test_the_word_graph_joins_long_words_with_letters_swapped() -> None:
    # Three swaps are three edits to token_close in a word of thirteen letters (six by
    # Levenshtein's count), and no deletion of two letters from each makes them one form.
    words = ["revolutionary", "rveolutoinray", "organization"]
    assert token_close(words[0], words[1])
    graph = word_graph(words)
    assert graph[0] == [1] and graph[1] == [0] and graph[2] == []


def test_a_short_word_with_letters_swapped_is_another_word() -> None:
    assert not token_close("amal", "alam")
    assert token_close("martyr", "mratyr")
