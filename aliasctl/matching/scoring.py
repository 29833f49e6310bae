"""How alike two names are: the scorer, the edit budget and the word-by-word guards.

Pure functions over normalized keys and skeletons (see :mod:`aliasctl.normalize`),
shared by the resolver, ``audit`` (near collisions) and ``cluster``.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from .. import normalize

#: The features that can be turned off: the word stage's methods (:mod:`aliasctl.matching.alignment`)
#: and the resolver's second reading of a name ("readings"). Kept here, below the resolver and the
#: word stage, so that a lookup answered before the word stage does not load it.
FEATURES = ("headword", "qualifier", "initials", "translation", "words", "readings")
#: Head words that say only that a name is a body of men (a militia, a group, an organization, a
#: network, a movement): beside an acronym they add nothing, and a report opens with one before a
#: word for the members and the name ("kelompok pemberontak ...").
BODY_HEADS = frozenset(("@militia", "@group", "@organization", "@network", "@movement"))

#: The scorer and its settings. Changing any of them changes scores: the
#: values are recorded in machine-readable output.
SCORER = "rapidfuzz.fuzz.ratio"
DEFAULT_MIN_SCORE = 85.0
MAX_FUZZY_SCORE = 94.0
SKELETON_MIN_LEN = 5
SKELETON_GUARD = 85.0
FUZZY_MIN_KEY_LEN = 4
#: Words this long or longer may have two letters swapped as one typo.
TRANSPOSED_MIN_LEN = 6
#: Names this long or longer (letters, spaces left out) may have a space typed in the wrong place.
JOINED_TYPO_MIN_LEN = 10
# Two words with one consonant outline are one word if they start alike or their letters are this alike.
TOKEN_SKELETON_RATIO = 60.0
# A compound written apart ("Hizb Allah", "Hezbollah") must be this alike joined.
COMPOUND_RATIO = 70.0


#: Threads rapidfuzz may start to score a block of queries in this process (-1: one per core).
_THREADS = [-1]


def set_threads(threads: int) -> None:
    """Let fuzzy scoring in this process use ``threads`` threads (-1: one per core).

    A process that resolves alone uses every core; a worker among others (``clean``'s
    forked workers, a Dask or Spark worker) uses one, or two workers on two cores would
    run four scoring threads. The scores are the same whatever the count.
    """
    _THREADS[0] = threads


def threads() -> int:
    """The threads fuzzy scoring may use in this process (-1: one per core)."""
    return _THREADS[0]


def block_top(
    np: Any,
    queries: list[str],
    choices: Sequence[str],
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
        workers=_THREADS[0],
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


def consonants(skeleton: str) -> int:
    """How many consonants a skeleton holds (the vowel marks "a" do not count)."""
    return len(skeleton) - skeleton.count("a")


def _edit_budget(a: str, b: str) -> int:
    # At most 4 edits, and at most 20 % of the shorter name: none below 5 letters.
    return min(4, math.floor(0.2 * min(len(a), len(b))))


def _digits(token: str) -> str:
    return "".join(c for c in token if c.isdigit())


_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=1 << 16)
def token_close(tok: str, other: str) -> bool:
    """Whether two words are one word spelled two ways (same outline, or a typo apart)."""
    if tok == other:
        return True
    if allah_apart(tok, other) or frozenset((tok, other)) in _TWO_PEOPLES:
        return False
    # The w a skeleton drops is a letter of a short word that writes it besides the other's letters:
    # "US" is not "UWS" (the United Wa State); the Arabic "abw" is still "Abu".
    if min(len(tok), len(other)) <= 3 and (tok.replace("w", "") == other or other.replace("w", "") == tok):
        return False
    # Numbers name units: "12th Brigade" and "26th Brigade" are two units.
    if not (tok.isalpha() and other.isalpha()) and _digits(tok) != _digits(other):
        return False
    # German, Slavic and Indonesian write the hard c with a k: "Kaukasus", "Kolombia" (not the ch
    # of "Chin", which is no "Kayan").
    if normalize.key_skeleton(tok) == normalize.key_skeleton(other) and (
        tok[0] == other[0]
        or ({tok[0], other[0]} == {"c", "k"} and "ch" not in (tok[:2], other[:2]))
        or fuzz.ratio(tok, other) >= TOKEN_SKELETON_RATIO
    ):
        return True
    # A word that starts with a vowel is not one that starts with a consonant: Islam, Salam.
    if (tok[0] in _VOWELS) != (other[0] in _VOWELS):
        return False
    # Two consonants of the outline changed make another word, however long the word: "Mukombozi"
    # is not "Mutomboki" (a spelling changes one, or none, or moves one).
    if _two_consonants_apart(normalize.key_skeleton(tok), normalize.key_skeleton(other)):
        return False
    budget = max(1, min(len(tok), len(other)) // 4) if min(len(tok), len(other)) > 3 else 0
    if Levenshtein.distance(tok, other, score_cutoff=budget) <= budget:
        return True
    # Two letters typed the wrong way round are one slip, not two edits ("Mratyr", "Froces"), in a
    # word long enough not to become another word by it ("Alam" is not "Amal").
    return min(len(tok), len(other)) >= TRANSPOSED_MIN_LEN and OSA.distance(tok, other, score_cutoff=budget) <= budget


#: Peoples whose names are a letter or two apart, as keyed: the Karen and the Karenni (Red Karen)
#: of Myanmar have armies and parties of their own ("Karen National Army", "Karenni Army").
_TWO_PEOPLES = frozenset((frozenset(("karen", "kareni")),))

#: Stems an Allah ends in a name (Hizbullah, Ansarullah, Jundullah, Abdullah, Nasrullah, Fazlullah,
#: Saifullah, Ruhullah), as keyed; with the article alone after them they are other words.
_ALLAH_STEMS = re.compile(r"^(?:hizb|hezb|hisb|ansar|jund|abd|nasr|fazl|fadl|saif|sayf|ruh)")
_ALLAH_ENDING = re.compile(r"(?:lah|[uoa]la|loh)$")
#: The same, as a compound may end in a key: Arabic script's joined الله ("حزبالله", "hzbalh"), and
#: Russian's and Turkish's case endings after it ("Хезболлой", "hezboloi"; "Hizbullahı").
_ALLAH_COMPOUND_ENDING = re.compile(r"(?:lah|[uoa]la|loh|alh)$|[uoa]l(?:oi|oy|oj|ou|u|y|i)$|lah[iy]$")
_ARTICLE_ENDING = re.compile(r"[ui]l$")


def allah_apart(a: str, b: str) -> bool:
    """Whether one word ends in "Allah" and the other in the article that would begin it: "Hizbul"
    (Hizbul Mujahideen) is not "Hizbullah" or "Hizballah", "Ansarul" (Ansarul Islam) not
    "Ansarullah", as "Abdul" is not "Abdullah", though their outlines are one."""
    for one, two in ((a, b), (b, a)):
        if _ARTICLE_ENDING.search(one) and _ALLAH_STEMS.match(one) and _ALLAH_ENDING.search(two) and _ALLAH_STEMS.match(two):
            return True
    return False


def _two_consonants_apart(a: str, b: str) -> bool:
    """Whether two outlines of one length differ in two places or more, other than by the same
    consonants in another order (one moved, "Teyrênbazê" and "Teyrêbazên"; two swapped,
    "Muhajideen" and "Mujahideen")."""
    if len(a) != len(b) or len(a) < 4:
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) >= 2 and sorted(a) != sorted(b)


def _tokens_align(q_tokens: list[str], a_tokens: list[str]) -> bool:
    """Every word on each side has a close counterpart on the other.

    An extra or missing distinguishing word ("al-Thani", "Arabian Peninsula",
    "Kata'ib" vs "Saraya") makes two names two groups, and so does a word that
    is more than a typo away ("Tahrir" vs "Ahrar", "Islamic" vs "Islam").
    """
    if len(q_tokens) != len(a_tokens):
        return False
    # Both tests are symmetric: words paired in order (nearly always how two spellings of a name
    # go) give each word of each side its counterpart, and the search below is spared.
    if all(map(_counterparts, q_tokens, a_tokens)):
        return True
    for side, other in ((q_tokens, a_tokens), (a_tokens, q_tokens)):
        for tok in side:
            if not any(_counterparts(tok, o) for o in other):
                return False
    return True


@lru_cache(maxsize=1 << 16)
def _counterparts(a: str, b: str) -> bool:
    """Whether two words can stand for each other in two spellings of one name: close, and not
    two glossary words of two meanings (both tests are symmetric)."""
    return token_close(a, b) and not _meanings_differ(a, b)


def _meanings_differ(a: str, b: str) -> bool:
    """Whether two words are glossary words of two meanings ("West" and "Wasat", central, share
    an outline; "Liwa" and "Lewa" are one head word).

    One word the other's start ("Islam", "Islamiya"), or meanings of one family ("@islam" and
    "@islamic", "@council" and "@council-shura"), are kin.
    """
    if a == b or a.startswith(b) or b.startswith(a):
        return False
    from .words import vocabulary  # the glossary: read only when two words are compared

    v = vocabulary()
    ma = v.concepts.get(a) or v.heads.get(a, "").partition(":")[0]
    mb = v.concepts.get(b) or v.heads.get(b, "").partition(":")[0]
    return bool(ma and mb and not (ma.startswith(mb) or mb.startswith(ma)))


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
        # Every word written out: "KH Lebanon" is an acronym and a place, not القوات اللبنانية.
        several = cross_script and len(ta) == len(tb) >= 2 and min(map(len, ta + tb)) >= 3
        if not several and (vowelless or fuzz.ratio(key_a, key_b) < SKELETON_GUARD):
            return False
    if len(ta) == len(tb) == 1 and not cross_script and not vowels_agree(key_a, key_b):
        return False
    if len(ta) == len(tb):
        return _tokens_align(ta, tb)
    # Two letters written apart are initials, not a word in two parts: "U.S. Army" is no "UWS Army"
    # (a faction's one letter is a word: "SPLMN-Agar", "SPLM-N Agar").
    if any(len(x) == len(y) == 1 for tokens in (ta, tb) for x, y in itertools.pairwise(tokens)):
        return False
    if fuzz.ratio("".join(ta), "".join(tb)) < COMPOUND_RATIO:
        return False
    # One word against several must cut into them: a word with the consonants of two in their order
    # is another word ("Dresden", درع السودان; "commanders", "Comando Rosso"), while a compound's
    # parts are its words ("Golfkartell", "Gulf Cartel"; "Raballah", "Rab Allah").
    if min(len(ta), len(tb)) > 1:
        return True
    one, parts = (ta[0], tb) if len(ta) == 1 else (tb[0], ta)
    if cross_script:
        # Without the vowels of one side, only the compounds names are made of are read
        # ("Hizbullah", حزب الله; "Ansardine", أنصار الدين): "Dresden" is no درع السودان.
        return len(parts) == 2 and compound_reads(one, parts[0], parts[1]) and _cuts_into(one, tuple(parts), False)
    return _cuts_into(one, tuple(parts), True)


#: The words that make a compound of the word before them ("Allah", "al-Din") or of the word after
#: them ("Abd", "Abu", "ibn") in names written in Arabic script and in Latin letters, as keyed
#: ("Ansar al-Din", "Ansardine"; "Abd al-Rahman", "Abdulrahman"), and how the compound's one word
#: ends or starts for it: "Ripley" and "Rebollo" have the consonants of ربع الله (Rab' Allah), not
#: the ending an Allah makes.
_ALLAH_WORDS = frozenset(("ala", "alah", "ula", "ulah", "ola", "olah", "allah"))
_DIN_WORDS = frozenset(("dyn", "din", "deen", "dine"))
_DIN_ENDING = re.compile(r"d(?:i|ee|y)ne?$")
COMPOUND_STARTS = frozenset(("abd", "abw", "abu", "bn", "ibn", "bin"))


def compound_reads(one: str, first: str, second: str, allah: bool = False) -> bool:
    """Whether ``one`` word, as keyed, is ``first`` and ``second`` written as one the way names are
    made in Arabic script and Latin letters (``allah``: ``second`` is known to be Allah)."""
    if allah or second in _ALLAH_WORDS:
        return bool(_ALLAH_COMPOUND_ENDING.search(one))
    if second in _DIN_WORDS:
        return bool(_DIN_ENDING.search(one))
    return first in COMPOUND_STARTS and one.startswith(("ab", "ib", "bi", "bn"))


@lru_cache(maxsize=1 << 14)
def _cuts_into(word: str, parts: tuple[str, ...], vowels: bool) -> bool:
    """Whether ``word`` cuts into pieces close to ``parts`` in their order; with ``vowels`` (both
    sides write them), each piece with its vowels where its part has them ("comande" and "rs" are
    not "Comando" and "Rosso")."""
    if len(parts) == 1:
        return _piece_close(word, parts[0], vowels)
    return any(
        _piece_close(word[:cut], parts[0], vowels) and _cuts_into(word[cut:], parts[1:], vowels)
        for cut in range(1, len(word) - len(parts) + 2)
    )


def _piece_close(piece: str, part: str, vowels: bool) -> bool:
    if max(len(piece), len(part)) <= 2:
        return normalize.key_skeleton(piece) == normalize.key_skeleton(part)
    # A piece that starts with a vowel is not a word that starts with a consonant.
    return (
        (piece[0] in _VOWELS) == (part[0] in _VOWELS)
        and token_close(piece, part)
        and (not vowels or vowels_agree(piece, part))
    )


_VOWEL_RUNS = re.compile(r"[aeiou]+")


def vowels_agree(a: str, b: str) -> bool:
    """Whether two one-word names that both write their vowels have them in the same places: as
    many runs of vowels, or one more at the end ("Redut", "Reduta"). A skeleton leaves the vowels
    out, and a word that has a name's consonants with a vowel more or less inside is another word:
    "hams" is not "Hamas", "roosters" not "Resisters", "temblors" not "Templarios"; the spellings of
    one name move its vowels, not their number ("Hizballah", "Hezbollah"; "Taleban", "Taliban")."""
    runs_a, runs_b = len(_VOWEL_RUNS.findall(a)), len(_VOWEL_RUNS.findall(b))
    if runs_a == runs_b:
        return True
    if abs(runs_a - runs_b) != 1 or not (a and b):
        return False
    longer, shorter = (a, b) if runs_a > runs_b else (b, a)
    return longer[-1] in "aeiou" and shorter[-1] not in "aeiou"


def fuzzy_accepts(
    key_a: str, skel_a: str, key_b: str, skel_b: str, tokens_a: list[str] | None = None, typos: bool = False
) -> bool:
    """Whether two names are close enough for a fuzzy match, scores aside.

    Within the edit budget on keys (or one edit apart on long skeletons), and
    every word matched by a close word on the other side. With ``typos`` (a query typed against a
    registry name), two neighbouring letters swapped count as one edit (the resolver also takes a
    space typed in the wrong place for a slip: :func:`typed_apart`).
    """
    if min(len(key_a), len(key_b)) < FUZZY_MIN_KEY_LEN:
        return False
    # One-word names differ by a consonant only as two words do ("Sabiqun", "Sadiqun").
    if " " not in key_a or " " not in key_b:
        return False
    close = (OSA.distance if typos else Levenshtein.distance)(key_a, key_b) <= _edit_budget(key_a, key_b) or (
        min(consonants(skel_a), consonants(skel_b)) >= SKELETON_MIN_LEN
        and Levenshtein.distance(skel_a, skel_b) <= 1
    )
    return close and _tokens_align(tokens_a if tokens_a is not None else key_a.split(), key_b.split())


def typed_apart(text_a: str, text_b: str) -> bool:
    """Whether two names as displayed (:func:`aliasctl.normalize.display_key`, every word kept) are
    one name with a space typed in the wrong place: left out or added ("Helpers ofIslam"), or
    moved by one letter, with at most one word then a typo away from its counterpart, as
    :func:`token_close` allows ("Armyo f Jhangvi" is the Army of Jhangvi, "Sayyid of Mratyr
    sBattalions" the Sayyid of Martyrs Battalions); or one name with a slip in a function word or
    a head word and every other word as written (:func:`_common_word_typo`). Unaccented Latin
    letters only, ten at least, and the same numbers: "Imam Ali (A.S) Brigade", a word more, is
    not the "Imam Ali Brigade"."""
    words_a, words_b = _WORDS.findall(text_a), _WORDS.findall(text_b)
    a, b = "".join(words_a), "".join(words_b)
    if min(len(a), len(b)) < JOINED_TYPO_MIN_LEN or not (a.isascii() and b.isascii()) or _digits(a) != _digits(b):
        return False
    if min(len(words_a), len(words_b)) < 2 or abs(len(words_a) - len(words_b)) > 1:
        return False
    # The Arabic article glued to its word or set apart is a way of spelling, which the word stage
    # reads ("Jund Alaqsa"), not a slip.
    if not _ARABIC_ARTICLES.isdisjoint(set(words_a) ^ set(words_b)):
        return False
    if a == b:
        return words_a != words_b
    if len(words_a) != len(words_b):
        return False
    apart = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    if len(apart) == 1 and _common_word_typo(*apart[0]):
        return True
    for i in range(len(words_a) - 1):
        one, two = words_a[i], words_a[i + 1]
        for moved in ((one[:-1], one[-1] + two), (one + two[0], two[1:])):
            if not (moved[0] and moved[1]):
                continue
            variant = [*words_a[:i], *moved, *words_a[i + 2 :]]
            apart = [(x, y) for x, y in zip(variant, words_b, strict=True) if x != y]
            if len(apart) <= 1 and all(_counterparts(x, y) for x, y in apart):
                return True
    return False


def _common_word_typo(typed: str, word: str) -> bool:
    """Whether ``typed`` is a slip of one letter (or two swapped) in a name's function word, or a
    letter left out or added in its head word, the words that say nothing of which group it is
    ("uf", "teh" for "of", "the"; "Ary" for "Army"): the name's own words stay as the registry
    spells them."""
    from .words import vocabulary

    v = vocabulary()
    # A word the vocabulary knows is a word, not a slip ("ol" is the Persian article).
    if typed in v.concepts or typed in v.heads or typed in v.stopwords:
        return False
    if word in v.stopwords and len(word) >= 2:
        return OSA.distance(typed, word, score_cutoff=1) <= 1
    # A head word with a letter left out or added, or two swapped: one changed may make another
    # word ("Africa Coups" is no "Africa Corps").
    if word not in v.heads or len(word) < 4:
        return False
    if len(typed) == len(word):
        return sorted(typed) == sorted(word) and OSA.distance(typed, word, score_cutoff=1) <= 1
    return abs(len(typed) - len(word)) == 1 and Levenshtein.distance(typed, word, score_cutoff=1) <= 1


_ARABIC_ARTICLES = frozenset(
    ("al", "el", "ul", "il", "ol", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ud", "un", "ur", "us",
     "wal", "wel", "bil", "lil", "fil")
)
_WORDS = re.compile(r"[^\W_]+")


def fuzzy_refusal(key_a: str, skel_a: str, key_b: str, skel_b: str, typos: bool = False) -> str:
    """Which rule of :func:`fuzzy_accepts` turns two names away ("" when none does)."""
    if min(len(key_a), len(key_b)) < FUZZY_MIN_KEY_LEN:
        return f"names under {FUZZY_MIN_KEY_LEN} letters match only exactly"
    if " " not in key_a or " " not in key_b:
        return "one-word names match only by spelling or outline"
    edits, budget = (OSA.distance if typos else Levenshtein.distance)(key_a, key_b), _edit_budget(key_a, key_b)
    near_outline = (
        min(consonants(skel_a), consonants(skel_b)) >= SKELETON_MIN_LEN and Levenshtein.distance(skel_a, skel_b) <= 1
    )
    if edits > budget and not near_outline:
        return f"{edits} edits apart, over the budget of {budget}"
    ta, tb = key_a.split(), key_b.split()
    for side, other in ((ta, tb), (tb, ta)):
        for tok in side:
            if not any(token_close(tok, o) for o in other):
                return f"the word '{tok}' has no close counterpart"
    if len(ta) != len(tb):
        return "the names have different numbers of words"
    return ""


def fuzzy_score(key_a: str, skel_a: str, key_b: str, skel_b: str) -> float:
    """The fuzzy score of two names, as the resolver computes it (at most 94)."""
    score = fuzz.ratio(key_a, key_b)
    if len(skel_a) >= SKELETON_MIN_LEN:
        skel_score = fuzz.ratio(skel_a, skel_b)
        if skel_score >= 85.0:
            score = max(score, (score + skel_score) / 2.0)
    return min(score, MAX_FUZZY_SCORE)


def vowel_apart(a: str, b: str) -> bool:
    """Whether two spellings differ by one vowel changed, added or dropped ("Woyane", "Weyane")."""
    ops = list(Levenshtein.editops(a, b))
    if len(ops) != 1:
        return False
    op = ops[0]
    letters = ({a[op.src_pos]} if op.tag != "insert" else set()) | (
        {b[op.dest_pos]} if op.tag != "delete" else set()
    )
    return letters <= set("aeiouy")
