"""Group a table's unknown names into clusters and propose registry entries.

The same normalizer, keys and scorers as the resolver decide what belongs
together: names with one key, then names with one skeleton, then fuzzy
neighbours (names of one block with as many words, all of them close: found
through an index of words, :mod:`aliasctl.matching.neighbours`, never all pairs).
Each cluster is then compared with the registry: it becomes either new
aliases of an existing entity or a new entity, written as a proposals file in
the registry format for a person to review and ``aliasctl merge --from``.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain
from typing import IO, Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

from .. import normalize
from ..constants import MAX_VALUE_CHARS, too_long
from ..errors import DataError, UsageError
from ..matching.alignment import (
    CONTENT,
    DERIVED_ENDINGS,
    HEAD,
    Word,
    align,
    analyse,
    compatible,
    kin,
    may_abbreviate,
    one_head_each,
    texts_alike,
    word_close,
)
from ..matching.neighbours import fuzzy_pairs, paused_gc, word_groups
from ..matching.portable import MatchColumns
from ..matching.resolver import MATCHED, Match, Resolver
from ..matching.scoring import DEFAULT_MIN_SCORE, fuzzy_accepts, fuzzy_score, skeleton_accepts
from ..matching.words import heads_pair
from ..registry.change import Edit
from ..registry.loader import load_strict
from ..registry.model import ID_RE, Alias
from ..registry.proposals import REVIEW_HELP, free_id, one_line, quote, render_entity
from .forked import MIN_FORKED, verdicts
from .forked import beside as beside_job

#: A cluster is proposed as aliases of an entity when its best member comes this close to it.
EXISTING_SCORE = 80.0
_KEY_CUTOFF = 80.0


@dataclass
class Value:
    """One distinct value of the input column."""

    text: str
    count: int = 0
    rows: list[int] = field(default_factory=list)


@dataclass
class Cluster:
    """Values that are spellings of one name, and what to do with them."""

    members: list[Value]
    kind: str = "new"  # "new" entity, or "existing" entity gains aliases
    entity_id: str = ""
    name: str = ""
    score: float = 0.0
    closest_alias: str = ""
    known: list[str] = field(default_factory=list)  # members the registry already resolves

    @property
    def count(self) -> int:
        """How often the cluster's values occur."""
        return sum(v.count for v in self.members)

    @property
    def label(self) -> str:
        """The most frequent spelling in capitals and small letters, else the most frequent
        well-formed one (:func:`well_formed`: an acronym), else the most frequent."""
        return next(
            (v.text for v in self.members if well_formed(v.text) and not _capitals(v.text)),
            next((v.text for v in self.members if well_formed(v.text)), self.members[0].text),
        )

    def new_spellings(self) -> list[Value]:
        """Members the registry does not resolve yet."""
        return [v for v in self.members if v.text not in self.known]


def well_formed(text: str) -> bool:
    """Whether a spelling is fit to be a name: not written all in capitals or all in small letters
    where its script has both (an export's "HAYAT TAHRIR AL-SHAM", a typed "hayat tahrir al-sham";
    a word of capitals alone is an acronym, and fit), with single spaces and none around it."""
    if text != " ".join(text.split()):
        return False
    cased = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    if not cased:
        return True  # a script without capitals
    upper = sum(c.isupper() for c in cased)
    if upper == len(cased):
        return " " not in text and len(cased) <= ACRONYM_LETTERS
    return upper > 0


def _capitals(text: str) -> bool:
    """Whether a spelling is written in capitals alone (where its script has them)."""
    cased = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    return bool(cased) and all(c.isupper() for c in cased)


#: The most letters a name written all in capitals may have and still be taken for an acronym.
ACRONYM_LETTERS = 8


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group(values: Sequence[Value], min_score: float = DEFAULT_MIN_SCORE) -> list[list[Value]]:
    """Group values that spell one name: same key, same skeleton, or fuzzy neighbours.

    Returns:
        Groups, largest total count first; within a group, most frequent first.
    """
    with paused_gc():  # many small acyclic objects: the collector would walk them all, often
        return _group(values, min_score)


def _group(values: Sequence[Value], min_score: float) -> list[list[Value]]:
    keys = _keys([v.text for v in values])
    uf = _UnionFind(len(values))
    by_key: dict[str, int] = {}
    by_skel: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        if not k.key:
            continue
        if k.key in by_key:
            uf.union(by_key[k.key], i)
            continue
        by_key[k.key] = i
        for j in by_skel[k.skeleton]:
            if skeleton_accepts(k.key, k.skeleton, keys[j].key):
                uf.union(j, i)
                break
        by_skel[k.skeleton].append(i)
    reps = sorted(by_key.values(), key=lambda i: (len(keys[i].key), keys[i].key))
    names = _Names(keys, reps)

    def beside() -> set[tuple[int, int]]:
        return _worth_aligning(names, _compound_pairs({i: names.content[i] for i in names.leads}, names.rarest))

    # The compounds' candidates take one core; the fuzzy stage and the other candidates the other.
    with beside_job(beside, worth=len(reps) >= MIN_FORKED) as later:
        for a, b in _fuzzy_joins(keys, reps, min_score):
            uf.union(a, b)
        candidates = _worth_aligning(names, _word_candidates(names))
        candidates |= later()
    _same_words(names, candidates, uf)
    _typos(values, keys, uf)
    groups: dict[int, list[Value]] = defaultdict(list)
    for i, v in enumerate(values):
        if keys[i].key:
            groups[uf.find(i)].append(v)
    out = [sorted(g, key=lambda v: (-v.count, v.text)) for g in groups.values()]
    out.sort(key=lambda g: (-sum(v.count for v in g), g[0].text))
    return out


#: How many times more often a spelling must occur than one a keystroke from it for the rarer to
#: be taken for its typo (:func:`_typos`).
TYPO_RATIO = 3
#: The fewest letters a spelling needs for a keystroke to make no other name of it.
TYPO_MIN_LEN = 8
#: The most characters a spelling may have to be looked at for typos (a name is shorter).
TYPO_MAX_LEN = 80


def _typos(values: Sequence[Value], keys: Sequence[normalize.Keys], uf: _UnionFind) -> None:
    """Join a group to a group whose spelling occurs far more often and is a keystroke from its
    own most frequent one: a letter left out, added, changed or two swapped, a space among them
    ("Sons of Iraq", "Son sof Iraq"; "Sudanese Armed Forces", "Sudanese Amred Forces"). The word
    rules ask each word to be spelled alike, which a typo across a space or in a short word
    defeats; in a table, the rare spelling beside a frequent one is its typo. Digits must agree
    (numbers name units), a word in capitals is an abbreviation whose letters are words
    (:func:`_abbreviation_apart`), and both spellings have :data:`TYPO_MIN_LEN` to
    :data:`TYPO_MAX_LEN` characters.

    Found by the letters each spelling keeps with one left out (a typo of one keystroke leaves one
    such form in common), so the cost grows with the letters, not with pairs of spellings.
    """
    totals: dict[int, int] = defaultdict(int)
    for i, v in enumerate(values):
        if keys[i].key:
            totals[uf.find(i)] += v.count
    # Each group's most frequent spelling, as written but in small letters with single spaces (and
    # as written), if no longer than a name is.
    best: dict[int, tuple[int, str, str]] = {}
    for i, v in enumerate(values):
        if not keys[i].key or len(v.text) > TYPO_MAX_LEN:
            continue
        root = uf.find(i)
        if root not in best or v.count > best[root][0]:
            written = " ".join(v.text.split())
            best[root] = (v.count, written.casefold(), written)
    frequent: dict[str, list[int]] = defaultdict(list)
    for root, (_, text, _) in best.items():
        if len(text) >= TYPO_MIN_LEN and totals[root] >= TYPO_RATIO:
            for form in _one_out(text):
                frequent[form].append(root)
    if not frequent:
        return
    # Each group's own most frequent spelling against the others': a group is joined to the most
    # frequent group one keystroke from it, and only to a larger one (so never in a circle).
    for root, (_, text, written) in sorted(best.items(), key=lambda kv: (totals[kv[0]], kv[0])):
        if len(text) < TYPO_MIN_LEN:
            continue
        near = {r for form in _one_out(text) for r in frequent.get(form, ())} - {root}
        for other in sorted(near, key=lambda r: (-totals[r], r)):
            _, target, target_written = best[other]
            if (
                totals[other] >= TYPO_RATIO * totals[root]
                and _digits_of(text) == _digits_of(target)
                and not _abbreviation_apart(written, target_written)
                and DamerauLevenshtein.distance(text, target, score_cutoff=1) <= 1
            ):
                joined = totals[other] + totals[root]
                uf.union(other, root)
                totals[uf.find(other)] = joined
                break


def _abbreviation_apart(one: str, two: str) -> bool:
    """Whether two spellings of as many words differ in a word written in capitals, an abbreviation
    ("CPN (Maoist)", Nepal's party, and "CPI (Maoist)", India's): a letter of one is a word."""
    a, b = one.split(), two.split()
    if len(a) != len(b):
        return False
    # A word in capitals is an abbreviation only among words that are not (a name all in capitals,
    # as one source exports it, is the name).
    in_one, in_two = not _capitals(one), not _capitals(two)
    return any(
        x.casefold() != y.casefold() and ((in_one and _capitals(x)) or (in_two and _capitals(y)))
        for x, y in zip(a, b, strict=True)
    )


def _one_out(text: str) -> set[str]:
    """The text, and the text with each of its letters left out in turn."""
    return {text, *(text[:k] + text[k + 1 :] for k in range(len(text)))}


def _digits_of(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _keys(texts: Sequence[str]) -> list[normalize.Keys]:
    """The keys of every text, the second half worked out beside this process (sent back as flat strings)."""
    half = len(texts) // 2

    def second() -> list[str]:
        return [part for t in texts[half:] for part in normalize.key_pair(t)]

    with beside_job(second, worth=len(texts) >= 2 * MIN_FORKED) as later:
        first = [normalize.keys(t) for t in texts[:half]]
        flat = later()
    return first + [normalize.Keys(k, s) for k, s in zip(flat[::2], flat[1::2], strict=True)]


def _fuzzy_joins(keys: Sequence[normalize.Keys], reps: Sequence[int], min_score: float) -> list[tuple[int, int]]:
    """Fuzzy neighbours among one representative per key: names of one block (first letters)
    with as many words, all close, found through an index of words, never all pairs."""
    rep_keys = [keys[i].key for i in reps]
    out = []
    for a, b, _ in fuzzy_pairs(
        rep_keys, [keys[i].skeleton for i in reps], [k[:2] for k in rep_keys], min_score, _KEY_CUTOFF
    ):
        # The shorter (then alphabetically first) name is scored against the other, as a scan by length does.
        ka, kb = keys[reps[min(a, b)]], keys[reps[max(a, b)]]
        if fuzzy_accepts(ka.key, ka.skeleton, kb.key, kb.skeleton) and (
            fuzzy_score(ka.key, ka.skeleton, kb.key, kb.skeleton) >= min_score
        ):
            out.append((reps[a], reps[b]))
    return out


class _Names:
    """The words of one representative per key, as the word stage sees them."""

    def __init__(self, keys: Sequence[normalize.Keys], reps: Sequence[int]) -> None:
        words = self.words = {i: analyse(keys[i].key) for i in reps}
        content = self.content = {i: [w.text for w in words[i] if w.kind == CONTENT] for i in reps}
        self.heads = {i: frozenset(w.concept for w in words[i] if w.kind == HEAD) for i in reps}
        postings: dict[str, list[int]] = defaultdict(list)
        for i in reps:
            for t in content[i]:
                postings[t].append(i)
        # The old way's candidates for i: the names holding its rarest distinguishing word.
        self.rarest: dict[int, str] = {}
        for i in reps:
            if len(content[i]) >= 2:  # a one-word name joins another only by its spelling, above
                self.rarest[i] = min(content[i], key=lambda t: len(postings[t]))
        # Whether the word stage pairs two names depends only on what their words are (the text and
        # concept of each distinguishing word and place, the concept of each head word, in order):
        # names of one shape are aligned once, through the first of them.
        shapes: dict[tuple[tuple[str, ...], ...], list[int]] = defaultdict(list)
        for i in reps:
            shapes[tuple((w.kind, w.concept) if w.kind == HEAD else (w.kind, w.text, w.concept) for w in words[i])].append(i)
        self.members = {m[0]: m for m in shapes.values()}
        self.leads = list(self.members)
        # Made when first asked for, in the process that asks (both look up some).
        self.shapes = _Shapes(words)


def _word_candidates(names: _Names) -> set[tuple[int, int]]:
    """Pairs of leads with the same distinguishing words, or close ones, one holding the other's rarest."""
    content, rarest, members, leads = names.content, names.rarest, names.members, names.leads
    by_words: dict[str, list[int]] = defaultdict(list)
    for i in leads:
        by_words[" ".join(content[i])].append(i)
    # Head words pair only within one family of concepts (heads_pair): a name with head words
    # is compared with names whose head words share a family, or that have none.
    families = {i: {h.partition(":")[0] for h in names.heads[i]} for i in leads}

    def head_pairs(xs: Sequence[int], ys: Sequence[int]) -> Iterable[tuple[int, int]]:
        bare = [y for y in ys if not families[y]]
        by_family: dict[str, list[int]] = defaultdict(list)
        for y in ys:
            for f in families[y]:
                by_family[f].append(y)
        for x in xs:
            if not families[x]:
                yield from ((x, y) for y in ys if y != x)
                continue
            near = {y for f in families[x] for y in by_family[f]}
            yield from ((x, y) for y in chain(near, bare) if y != x)

    # A pair is aligned only one way round, and only if the second holds the first's rarest
    # distinguishing word: candidates are drawn only among such pairs (no other pair of a
    # group is listed, which kept the number of candidates quadratic in a group's size).
    candidates: set[tuple[int, int]] = {(i, i) for i in leads if len(members[i]) > 1 and i in rarest}
    for group_ in by_words.values():
        if group_[0] in rarest:  # one content for all: a name with fewer words is never aligned
            candidates.update((min(x, y), max(x, y)) for x, y in head_pairs(group_, group_))
    texts = list(by_words)
    rarest_of = [rarest.get(by_words[t][0]) for t in texts]
    text_words = [set(t.split()) for t in texts]
    text_pairs: set[tuple[int, int]] = set()
    for group_ in word_groups(texts, endings=DERIVED_ENDINGS):
        text_pairs |= _holding_pairs(group_, group_, text_words.__getitem__, rarest_of.__getitem__)
    for a, b in sorted(text_pairs):
        candidates.update((min(x, y), max(x, y)) for x, y in head_pairs(by_words[texts[a]], by_words[texts[b]]))
    return candidates


def _worth_aligning(names: _Names, candidates: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """The candidates whose words may all pair, as a join needs: the others are never aligned."""
    heads, shapes, near = names.heads, names.shapes, _Near()
    # Names have few distinct sets of head words: whether two sets may pair is decided once.
    apart: dict[tuple[frozenset[str], frozenset[str]], bool] = {}
    out = set()
    for a, b in candidates:
        ha, hb = heads[a], heads[b]
        if ha and hb:
            key = (ha, hb)
            refused = apart.get(key)
            if refused is None:
                refused = apart[key] = not any(heads_pair(x, y) for x in ha for y in hb)
            if refused:
                continue  # head words of two kinds of body: the word stage refuses the pair either way
        if _may_join(shapes[a], shapes[b], near):
            out.add((a, b))
    return out


def _same_words(names: _Names, candidates: set[tuple[int, int]], uf: _UnionFind) -> None:
    """Join names that are the same words, as the resolver's word stage pairs them.

    Only what loses nothing: the same distinguishing words in another order or
    with a compound written apart ("Ras Kamboni", "Raskamboni"), and head
    words translated ("Kataib Hezbollah", "Hezbollah Brigades"). No word is set
    aside and no distinguishing word is translated: over a table's unknown
    names there is no registry to say which words are distinctive.

    A name is compared with the names that hold its rarest distinguishing word
    and that can pair all their distinguishing words with its own: as many of
    them, all close (:func:`~aliasctl.matching.neighbours.word_groups`), or one
    of them written as two of the other's (:func:`_compound_pairs`). A pair
    where some word of one name can have no counterpart in the other is not
    aligned (:func:`_may_join`).
    """
    words, content, rarest = names.words, names.content, names.rarest
    members, leads = names.members, names.leads
    # Whether every name of a lead's shape is joined to it already: a pair of two such leads
    # that are joined to each other would change nothing, and is not aligned.
    whole = {a: all(uf.find(x) == uf.find(a) for x in members[a]) for a in leads}
    todo = [(a, b) for a, b in sorted(candidates) if not (whole[a] and whole[b] and uf.find(a) == uf.find(b))]

    def joins(pair: tuple[int, int]) -> bool:
        a, b = pair
        # Two names of one shape: the first and the second stand for every pair of them.
        j_of = members[a][1] if a == b else b
        for i, j in ((a, j_of), (j_of, a)):
            if i not in rarest or rarest[i] not in content[j]:
                continue
            al = align(words[i], words[j])
            if isinstance(al, str) or al.drops or al.acronyms:
                continue
            if any(p.how == "concept" and p.query.kind != HEAD for p in al.pairs):
                continue
            return True
        return False

    # Both cores decide, this process joins.
    for (a, b), joined in zip(todo, verdicts(joins, todo), strict=True):
        if joined:
            for x in (*members[a], *members[b]):
                uf.union(a, x)


class _Shape:
    """What decides whether two names with different numbers of words may still pair them all."""

    __slots__ = ("counts", "letters", "others", "rest", "spelled")

    def __init__(self, words: Sequence[Word]) -> None:
        heads = [w for w in words if w.kind == HEAD]
        # A head word given twice, the second a translation, is one head word, as the word stage counts.
        self.counts = (len(one_head_each(heads)), len(words) - len(heads))
        # Words that may abbreviate a run of the other name's words, and what runs of this name's spell.
        self.letters = [w.text for w in words if may_abbreviate(w)]
        marks = ["".join(part[0] for part in w.text.split()) for w in words]
        self.spelled: set[str] = set()
        for start, mark in enumerate(marks):
            spelled, end = mark, start + 1
            while spelled and len(spelled) < 5 and end < len(marks) and marks[end]:
                spelled += marks[end]
                end += 1
                self.spelled.add(spelled)
        self.rest = [w for w in words if w.kind != HEAD]
        self.others = tuple(dict.fromkeys(w for w in words if w.kind != HEAD))


class _Shapes(dict[int, "_Shape"]):
    def __init__(self, words: Mapping[int, Sequence[Word]]) -> None:
        super().__init__()
        self._words = words

    def __missing__(self, i: int) -> _Shape:
        shape = self[i] = _Shape(self._words[i])
        return shape


class _Near:
    """Whether every word of one name (head words aside) has a word of another it may pair with.

    A superset of what the word stage pairs one for one: the same word, the
    same concept, or a distinguishing word spelled alike (either way round).
    Each two distinct words are compared once.
    """

    def __init__(self) -> None:
        self._seen: dict[tuple[Word, Word], bool] = {}

    def __call__(self, one: _Shape, two: _Shape) -> bool:
        seen = self._seen
        for w in one.others:
            for x in two.others:
                pair = (w, x)
                found = seen.get(pair)
                if found is None:
                    found = seen[pair] = _may_pair(w, x)
                if found:
                    break
            else:
                return False
        return True


def _may_pair(w: Word, x: Word) -> bool:
    if w.kind == x.kind and (w.text == x.text or w.ident == x.ident):
        return True
    if kin(w, x):
        return True  # "populaire" and "people's": one word in other languages
    if CONTENT not in (w.kind, x.kind) or not compatible(w, x):
        return False
    return texts_alike(w.text, x.text) or texts_alike(x.text, w.text)


def _may_join(one: _Shape, two: _Shape, near: _Near) -> bool:
    """Whether every word of two names may be paired, as a join needs (a necessary condition, cheap)."""
    if one.counts != two.counts:
        # Some word of one name would be left over, unless one word stands for two.
        return _counts_may_differ(one, two)
    # A word with no word of the other name to pair with is left over too.
    return (near(one, two) and near(two, one)) or _may_share(one, two)


def _counts_may_differ(one: _Shape, two: _Shape) -> bool:
    """Whether two names with different numbers of words may still pair every word, as a join needs.

    The word stage pairs words one for one, except a word written as two of
    the other name's (a compound: other words only) and an abbreviation that
    stands for a run of two or more of the other's words (head words too).
    Without either, a word of one name is left over, set aside or refused,
    and the two names are not joined.
    """
    if one.counts[0] != two.counts[0]:
        return any(t in two.spelled for t in one.letters) or any(t in one.spelled for t in two.letters)
    return _may_share(one, two)


def _may_share(one: _Shape, two: _Shape) -> bool:
    """Whether one word of either name may stand for two or more of the other's."""
    if any(t in two.spelled for t in one.letters) or any(t in one.spelled for t in two.letters):
        return True
    return _may_compound(one.rest, two.rest) or _may_compound(two.rest, one.rest)


def _may_compound(query: Sequence[Word], alias: Sequence[Word]) -> bool:
    """Whether the word stage may pair a word of one name with two of the other's written together.

    Compounds are sought only among the words left once the same words (or
    the same concepts) are paired, as the word stage pairs them first, in
    this order; the words spelled alike that it pairs next are kept here.
    """
    q_left, a_left = list(query), list(alias)
    for qw in query:
        match = next((aw for aw in a_left if aw.kind == qw.kind and aw.text == qw.text), None)
        if match is None:
            match = next((aw for aw in a_left if aw.kind == qw.kind and aw.ident == qw.ident), None)
        if match is not None:
            q_left.remove(qw)
            a_left.remove(match)
    for one, two in ((q_left, a_left), (a_left, q_left)):
        parts = [w.text for w in two if w.kind == CONTENT]
        longs = [w.text for w in one if w.kind == CONTENT and len(w.text) >= 6]
        if any(_joined_close(w, x + y) for w in longs for x, y in itertools.combinations(parts, 2)):
            return True
    return False


@lru_cache(maxsize=1 << 18)
def _joined_close(word: str, joined: str) -> bool:
    return fuzz.ratio(word, joined) >= 85.0 or word_close(word, joined)


def _holding_pairs(
    left: Iterable[int],
    right: Iterable[int],
    words_of: Callable[[int], Collection[str]],
    rarest_of: Callable[[int], str | None],
) -> set[tuple[int, int]]:
    """Pairs ``(min, max)`` of ``left`` x ``right`` (distinct) where one holds the other's rarest word.

    Found through an index of the words of each side, so the cost follows the
    pairs returned, not the product of the two sides.
    """
    out: set[tuple[int, int]] = set()
    for xs, ys in ((left, right), (right, left)):
        holders: dict[str, list[int]] = defaultdict(list)
        for y in ys:
            for w in words_of(y):
                holders[w].append(y)
        for x in xs:
            rare = rarest_of(x)
            if rare is not None:
                out.update((min(x, y), max(x, y)) for y in holders.get(rare, ()) if y != x)
    return out


def _compound_pairs(content: Mapping[int, list[str]], rarest: Mapping[int, str]) -> set[tuple[int, int]]:
    """Names where one distinguishing word may be two of the other's written together.

    The word stage pairs a word of six letters or more with two words of the
    other name joined (any two in order, as the words between them may pair
    first) when they score 85 or more, or are close words. Both imply a score
    of 75 or more, or one outline; the joined forms are scored in C by length.
    Only pairs where one name holds the other's rarest distinguishing word are
    returned: no other is ever aligned.
    """
    singles: dict[str, list[int]] = defaultdict(list)
    joined: dict[str, list[int]] = defaultdict(list)
    for i, ws in content.items():
        for w in ws:
            if len(w) >= 6:
                singles[w].append(i)
        for x, y in itertools.combinations(ws, 2):
            joined[x + y].append(i)
    out: set[tuple[int, int]] = set()
    if not singles or not joined:
        return out
    long_words, joins = list(singles), list(joined)
    close: set[tuple[int, int]] = set()
    skeletons: dict[str, list[int]] = defaultdict(list)
    for c, j in enumerate(joins):
        skeletons[normalize.key_skeleton(j)].append(c)
    for r, w in enumerate(long_words):
        close.update((r, c) for c in skeletons.get(normalize.key_skeleton(w), ()))
    scores = process.cdist(long_words, joins, scorer=fuzz.ratio, processor=None, score_cutoff=75.0, workers=-1)
    close.update(zip(*(x.tolist() for x in scores.nonzero()), strict=True))
    words_of = {i: set(ws) for i, ws in content.items()}
    # A long word is held by many names, a joined pair by few: the holders of each long word are
    # indexed once (by their rarest word, and by every word), and each joined pair's few names
    # look themselves up there.
    by_rarest: dict[str, dict[str, list[int]]] = {}
    by_word: dict[str, dict[str, list[int]]] = {}
    for r, c in close:
        w, j = long_words[r], joins[c]
        if not (fuzz.ratio(w, j) >= 85.0 or word_close(w, j)):
            continue
        if w not in by_rarest:
            by_rarest[w], by_word[w] = defaultdict(list), defaultdict(list)
            for a in singles[w]:
                if a in rarest:
                    by_rarest[w][rarest[a]].append(a)
                for t in words_of[a]:
                    by_word[w][t].append(a)
        for b in joined[j]:
            found = [a for t in words_of[b] for a in by_rarest[w].get(t, ())]
            if b in rarest:
                found += by_word[w].get(rarest[b], ())
            out.update((min(a, b), max(a, b)) for a in found if a != b)
    return out


def near_miss(a: str, b: str) -> bool:
    """Whether ``a`` reads as a misspelling of ``b``: word for word, each word a few letters off.

    Looser than the resolver (which must decide alone), strict about words:
    a name with another word ("Ansar al-Sharia in Libya") is another group.
    """
    ta, tb = normalize.key(a).split(), normalize.key(b).split()
    if not ta or len(ta) != len(tb):
        return False

    def close(x: str, y: str) -> bool:
        if x == y or normalize.skeleton(x) == normalize.skeleton(y):
            return True
        if "".join(c for c in x if c.isdigit()) != "".join(c for c in y if c.isdigit()):
            return False
        return Levenshtein.distance(x, y) <= max(1, min(len(x), len(y)) // 3)

    return all(any(close(x, y) for y in tb) for x in ta) and all(any(close(y, x) for x in ta) for y in tb)


def propose(
    groups: Iterable[list[Value]],
    resolver: Resolver,
    answers: Mapping[str, Match],
    taken_ids: Iterable[str],
) -> list[Cluster]:
    """Decide for each group: aliases of an existing entity, or a new entity.

    Args:
        groups: from :func:`group`.
        resolver: the registry's resolver (for entity names).
        answers: the resolver's answer for every value.
        taken_ids: ids (and old ids) a new entity must not take.
    """
    taken = set(taken_ids)
    idx = resolver.index
    clusters = []
    for members in groups:
        best: tuple[float, str, str] | None = None
        votes: dict[str, float] = defaultdict(float)
        known = []
        for v in members:
            m = answers[v.text]
            if m.status == MATCHED and m.id:
                known.append(v.text)
                votes[m.id] += v.count * 100.0
                if best is None or m.score > best[0]:
                    best = (m.score, m.id, m.matched_alias or "")
                continue
            for cand in m.candidates[:1]:
                # Only a near miss counts: within the edit budget, word for word.
                # A name with another word ("Ansar al-Sharia in Libya") is another group.
                if cand.score < EXISTING_SCORE or not near_miss(v.text, cand.alias):
                    continue
                votes[cand.id] += v.count * cand.score
                if best is None or cand.score > best[0]:
                    best = (cand.score, cand.id, cand.alias)
        cluster = Cluster(members, known=known)
        if best is not None and best[0] >= EXISTING_SCORE:
            # The entity most members point at, weighted by count and score.
            top_id = max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]
            if top_id == best[1]:
                cluster.kind = "existing"
                cluster.entity_id = top_id
                cluster.name = idx.entity_names[idx.ids[top_id]]
                cluster.score = best[0]
                cluster.closest_alias = best[2]
        if cluster.kind == "new":
            cluster.entity_id = free_id(cluster.label, taken)
            cluster.name = cluster.label
        clusters.append(cluster)
    return clusters


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def _rows(rows: list[int], limit: int = 5) -> str:
    shown = ", ".join(str(r) for r in rows[:limit])
    return shown + (", ..." if len(rows) > limit else "")


def proposals_text(clusters: Iterable[Cluster], resolver: Resolver, source: str) -> str:
    """The proposals file: one ``proposed: true`` entity per cluster with something new.

    Clusters whose every spelling the registry already resolves are left out.
    """
    idx = resolver.index
    lines = [f"# Proposals from `aliasctl cluster` on {source}.", *REVIEW_HELP, "schema: 1", "entities:"]
    # Several groups may point at one entity: they become one entry.
    merged: dict[str, Cluster] = {}
    ordered: list[Cluster] = []
    for cl in clusters:
        if not cl.new_spellings():
            continue
        key = cl.entity_id if cl.kind == "existing" else f"new:{cl.entity_id}"
        if key in merged:
            first = merged[key]
            first.members = [*first.members, *cl.members]
            first.known = [*first.known, *cl.known]
            if cl.score > first.score:
                first.score, first.closest_alias = cl.score, cl.closest_alias
            continue
        merged[key] = replace(cl)
        ordered.append(merged[key])
    for cl in ordered:
        new = cl.new_spellings()
        seen = sum(v.count for v in new)
        rows = sorted(r for v in new for r in v.rows)
        if cl.kind == "existing":
            kind = idx.entity_kinds[idx.ids[cl.entity_id]]
            aliases = [v.text for v in new]
            note = (
                f"proposed: {len(new)} new spelling{'s' if len(new) != 1 else ''} of {cl.entity_id}, "
                f"seen {_times(seen)} in {source} (rows {_rows(rows)}); closest alias "
                f"'{cl.closest_alias}' scores {cl.score:.0f}"
            )
        else:
            kind = "armed-group"
            aliases = [v.text for v in new if v.text != cl.name]
            note = (
                f"proposed: a new entity, seen {_times(seen)} in {source} (rows {_rows(rows)}); "
                "check its kind, countries and sources"
            )
        lines += [
            f"  - id: {quote(cl.entity_id)}",
            f"    name: {quote(one_line(cl.name))}",
            f"    kind: {kind}",
        ]
        if aliases:
            lines.append("    aliases:")
            lines += [f"      - {quote(one_line(a))}" for a in aliases]
        lines += [f"    notes: {quote(note)}", "    proposed: true"]
    if lines[-1] == "entities:":
        lines[-1] = "entities: []"
    return "\n".join(lines) + "\n"


# -- review ------------------------------------------------------------------

REVIEW_ACTIONS = ("accept", "reject", "id", "name", "same-as", "skip")


def review_decide(
    text: str,
    entity_id: str,
    action: str,
    value: str | None,
    resolver: Resolver,
    *,
    path: str = "proposals.yaml",
) -> Edit:
    """Apply one review decision to a proposals file's text.

    ``accept`` keeps the entry and drops ``proposed`` (and, for an entity the
    registry already has, the review notes, which would clash on merge);
    ``reject`` removes it; ``id`` and ``name`` change it and leave it
    proposed; ``same-as`` makes its spellings aliases of the registry entity
    ``value`` and accepts it; ``skip`` changes nothing.

    Raises:
        UsageError: an unknown action, a missing entry, a bad or taken id, an unknown entity.
        RegistryError: the text is not a valid registry.
    """
    if action not in REVIEW_ACTIONS:
        raise UsageError(f"unknown review action '{action}' (one of {', '.join(REVIEW_ACTIONS)})")
    reg = load_strict(text, path)
    target = next((e for e in reg.entities if e.id == entity_id), None)
    if target is None:
        raise UsageError(f"no proposal with id '{entity_id}' in {path}")
    idx = resolver.index
    out: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        out.append(line)
    out += ["schema: 1", "entities:"]
    for ent in reg.entities:
        if ent.id != entity_id or action == "skip":
            out += render_entity(ent, proposed=ent.proposed, notes=True)
            continue
        if action == "reject":
            continue
        if action in ("id", "name"):
            if not value or not value.strip():
                raise UsageError(f"a new {action} is needed")
            if action == "id":
                if not ID_RE.match(value):
                    raise UsageError(f"'{value}' is not a valid id (lower-case words joined by hyphens)")
                if value != ent.id and any(e.id == value for e in reg.entities):
                    raise UsageError(f"'{value}' is already the id of another proposal")
                ent = replace(ent, id=value)
            else:
                ent = replace(ent, name=value.strip())
            out += render_entity(ent, proposed=True, notes=True)
            continue
        if action == "same-as":
            live = resolver.resolve_id(value or "")
            if live is None:
                raise UsageError(f"no entity '{value}' in the registry")
            e_i = idx.ids[live]
            name = idx.entity_names[e_i]
            # The proposal's own name is one more spelling of the registry entity.
            kept = ent.aliases if ent.name == name else (Alias(ent.name), *ent.aliases)
            ent = replace(ent, id=live, name=name, kind=idx.entity_kinds[e_i], aliases=kept)
        existing = ent.id in idx.ids
        out += render_entity(ent, proposed=False, notes=not existing)
    if out[-1] == "entities:":
        out[-1] = "entities: []"
    if reg.redirects:
        out.append("redirects:")
        out += [f"  {r.source}: {r.target}" for r in reg.redirects]
    return Edit(text, "\n".join(out) + "\n", (f"{action} {entity_id}",))


# -- reading the input ---------------------------------------------------------



class Values(dict[str, "Value"]):
    """The distinct values of a column; ``from_review`` when their rows are those of the
    table behind a review queue."""

    from_review: bool = False


_ESCAPED = re.compile(r"^'(?=[=+\-@\t\r])")


def _add(values: dict[str, Value], text: Any, row: int, count: int = 1) -> None:
    if not isinstance(text, str) or not text.strip():
        return
    if any(unicodedata.category(c) in ("Cc", "Cf") and not c.isspace() for c in text):
        return  # control or invisible characters: never proposed as a name
    v = values.get(text)
    if v is None:
        v = values[text] = Value(text)
    v.count += count
    if len(v.rows) < 5:
        v.rows.append(row)


def read_values(
    path: str,
    column: str,
    *,
    input_format: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    stdin: IO[bytes] | None = None,
) -> Values:
    """The distinct values of one column, with counts and their first rows.

    Rows are counted as a spreadsheet does (the header is row 1); for JSON
    Lines, the line number. The review queue that ``clean --review`` writes is
    recognized by its header: its ``value`` column with its ``count``, and the
    row is the one of the cleaned table where the value was first seen.

    Raises:
        AliasctlError: as :func:`~aliasctl.tables.open_table` and the readers it returns do.
    """
    from ..tables.columns import REVIEW_COMMENT, REVIEW_HEADER, find_column
    from ..tables.delimited import CsvReader
    from ..tables.jsonl import JsonlReader
    from ..tables.parquet import ParquetReader
    from ..tables.table import open_table
    from ..tables.xlsx import XlsxReader

    values = Values()
    with open_table(
        path,
        input_format,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
        stdin=stdin,
        comment=REVIEW_COMMENT.rstrip(),  # the review queue's first line
    ) as table:
        if isinstance(table, CsvReader):
            header = list(table.header)
            names = tuple(h.lstrip("\ufeff") for h in header)
            # The review queue of ``clean --review``; one written before it had first_row is read too.
            review = names in (tuple(REVIEW_HEADER), tuple(REVIEW_HEADER[:-1]))
            first = names.index("first_row") if review and "first_row" in names else None
            values.from_review = first is not None
            col = find_column(header, column)
            row = 1
            for block in table.blocks(20_000):
                for cells in block:
                    row += 1
                    if col >= len(cells):
                        continue
                    text = _ESCAPED.sub("", cells[col]) if review else cells[col]
                    count = int(cells[1]) if review and cells[1].isdigit() else 1
                    # A review queue names the row of the cleaned table where the value was first seen.
                    at = cells[first] if first is not None and first < len(cells) else ""
                    _add(values, text, int(at) if at.isdigit() else row, count)
        elif isinstance(table, JsonlReader):
            seen = False
            for rec in table:
                if rec.obj is not None:
                    seen = seen or column in rec.obj
                    _add(values, rec.obj.get(column), rec.line)
            if not seen:
                raise UsageError(f"no record of {path} has the key '{column}'")
        elif isinstance(table, XlsxReader):
            col = find_column([str(h) for h in table.header], column)
            for row, cells in enumerate(table, 2):
                if col < len(cells):
                    _add(values, getattr(cells[col], "value", None), row)
        else:
            assert isinstance(table, ParquetReader)
            col = find_column(table.header, column)
            table.require_text(col)
            for row, text in enumerate(table.column(col), 2):
                _add(values, text, row)
    for v in values.values():
        if len(v.text) > MAX_VALUE_CHARS:
            if isinstance(table, JsonlReader):
                raise DataError(too_long(len(v.text)), path, v.rows[0])
            raise DataError(f"row {v.rows[0]}: {too_long(len(v.text))}", path)
    return values


def _resolve_all(resolver: Resolver, texts: list[str]) -> list[Match]:
    """Every value's answer; every other value is resolved in a forked process beside the rest.

    The answers are those of ``resolve_batch`` (each value's answer is its own, whatever the batch);
    they come back packed as columns. Alternate values, not halves: a table's hard values (names
    no registry holds) tend to come together.
    """
    resolver.index.words()  # built once, before the fork, for both
    odd = texts[1::2]

    def second() -> MatchColumns:
        return MatchColumns.pack(odd, resolver.resolve_batch(odd))

    with beside_job(second, worth=len(texts) >= 2 * MIN_FORKED) as later:
        even = resolver.resolve_batch(texts[0::2])
        rest = later().unpack(odd)
    return [(even if i % 2 == 0 else rest)[i // 2] for i in range(len(texts))]


def cluster_values(
    values: dict[str, Value], resolver: Resolver, *, include_resolved: bool = False
) -> list[Cluster]:
    """Cluster the values the registry does not resolve (or all of them), and propose entries."""
    texts = list(values)
    answers = dict(zip(texts, _resolve_all(resolver, texts), strict=True))
    chosen = [values[t] for t in texts if include_resolved or answers[t].status != MATCHED]
    taken = [*resolver.index.entity_ids, *resolver.index.redirects]
    return propose(group(chosen), resolver, answers, taken)
