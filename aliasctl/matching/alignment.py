"""The word stage: a query and a registry name compared word by word.

When no alias is close as a whole, a name may still be the same name written
another way: with a head word on one side only ("Suqour al-Sham" and "Suqour
al-Sham Brigade"), with a country ("Hezbollah (Lebanon)", "Lebanese
Hezbollah"), translated word for word ("Harakat Amal" and "Amal Movement";
"Army of the Men of the Naqshbandi Order"), in another word order, or with a
compound written apart ("Ras Kamboni", "Raskamboni"). The stage pairs the
words of the two names:

* every distinguishing word on each side must have a counterpart on the other,
  spelled alike (:func:`aliasctl.matching.scoring.token_close`) or the same
  concept in another language (:mod:`aliasctl.matching.words`);
* head words pair by concept; one written on one side only is dropped, two
  different ones make two groups ("Jaysh" is not "Jabhat");
* a country on the query's side must be one of the entity's countries; one on
  the registry's side only is dropped;
* a word in the query that is the entity's own acronym ("(HTS)") is evidence
  for it, and another entity's acronym is evidence against.

Guards keep generic phrases out: a name that needed a word dropped must keep a
*distinctive* word, spelled as the registry spells it and found in at most
:data:`ANCHOR_ENTITIES` entities ("Mujahideen Youth" and "Liberation
Movement" keep none); a translation needs two words or such a distinctive
word ("Army of Islam" has one word left, "Islam"). Among the entities whose
names pass, the one that needed the fewest words dropped wins; a tie is
ambiguous.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein
from unidecode import unidecode

from .. import normalize
from .scoring import (
    BODY_HEADS,
    FEATURES,
    MAX_FUZZY_SCORE,
    allah_apart,
    compound_reads,
    consonants,
    token_close,
    vowel_apart,
    vowels_agree,
)
from .words import (
    PLACE_ENDINGS,
    PLACE_STEM_MIN,
    STEM_ENDINGS,
    Vocabulary,
    gazetteer,
    given_names,
    heads_pair,
    people_countries,
    people_marks,
    places_by_outline,
    vocabulary,
)

if TYPE_CHECKING:
    from .index import Index


def is_arabic(text: str) -> bool:
    """Whether a name is written in the Arabic script (which leaves out short vowels)."""
    return not text.isascii() and normalize.script_of(text) == "Arabic"


HEAD, CONTENT, PLACE = "head", "content", "place"

#: How alike an abbreviation and the words it abbreviates count ("IRA", "Irish Republican Army"),
#: and two head words one body wore in turn ("Brigade", "Division").
INITIALS_SIMILARITY = 90.0

#: A word found in at most this many entities is distinctive enough to carry a match on its own.
ANCHOR_ENTITIES = 2
#: Among several shared words, one at least must be this rare ("Tawhid and Jihad" is not).
RARE_ENTITIES = 3
#: A word held by more entities than this is generic ("Islamic", "Liberation", "Mujahideen").
GENERIC_ENTITIES = 8
#: Entities beyond which a word of names is a common word, though the glossary has no concept for
#: it: "jihad" (23 entities here) is a word many names hold, "al-Qaeda" (10, with its branches) a
#: name; "Harakat al-Jihad", a jihad movement, is not the Egyptian group called "al-Jihad".
COMMON_NAME_WORD = 12
#: How many entities at most may hold a common word that, with a head word, is still one entity's
#: name written whole in two languages ("Red Brigades": a dozen groups write "red").
NAMED_WHOLE_ENTITIES = 2 * GENERIC_ENTITIES
#: The least length of a distinctive word.
ANCHOR_LEN = 4
#: The glossary's words that say who a group's members are (holy warriors, youth, supporters,
#: soldiers, martyrs...): one of two words that describe fighters, not a name's own two words.
MEMBER_CONCEPTS = frozenset((
    "@holywarriors", "@youth", "@supporters", "@soldiers", "@martyrs", "@revolutionaries", "@men", "@sons",
    "@fedayeen", "@companions", "@faithful", "@emigrants", "@knights", "@heroes", "@peasants", "@workers",
))
#: How many words written alike one entity alone must hold together to be distinctive when none
#: of them is rare.
JOINT_WORDS = 3

_PARENT = frozenset(("@islamic", "@state"))
#: The caliphate the Islamic State calls itself: a province's name may name its parent so ("ولاية
#: سيناء في خلافة الدولة الإسلامية", the Sinai Province in the caliphate of the Islamic State).
_CALIPHATE = "@caliphate"
#: The concept of "Islamic State" left out of a province's name: the parent, not a head word of its own.
PARENT = "@parent"

#: The features of the stage, each of which can be switched off (for the benchmark).


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a name: its normalized text, its kind, and its concept (or country code)."""

    text: str
    kind: str
    concept: str = ""

    @property
    def ident(self) -> str:
        """What the word stands for: its concept when it has one, else its spelling."""
        return self.concept or self.text


def analyse(key: str, vocab: Vocabulary | None = None) -> tuple[Word, ...]:
    """Split a normalized key into words and tell what each one is."""
    v = vocab or vocabulary()
    tokens = key.split()
    if not _REDOUBLED.isdisjoint(tokens):
        tokens = _joined_redoubled(tokens)
    if v.phrases_by_start.keys().isdisjoint(tokens) and _FIGHTING.isdisjoint(tokens) and "wa" not in tokens:
        # No place of several words: each word stands alone (the usual case, and remembered).
        return tuple(w for tok in tokens for w in _words_of(tok))
    out: list[Word] = []
    i = 0
    while i < len(tokens):
        phrase = (
            next((p for p in v.phrases_by_start.get(tokens[i], ()) if tuple(tokens[i : i + len(p)]) == p), None)
        )
        if phrase is not None:
            out.append(Word(" ".join(phrase), PLACE, v.place_phrases[phrase]))
            i += len(phrase)
            continue
        if normalize.wa_people(tokens, i):
            # The Wa people, not the Arabic "and" (the normalizer keeps it so).
            out.append(Word("wa", CONTENT))
            i += 1
            continue
        if tokens[i] in _FIGHTING and out and i < len(tokens) - 1 and _fighting_here(out[-1], tokens[i + 1]):
            out.append(Word(tokens[i], CONTENT, "@fighting"))
        else:
            out.extend(_words_of(tokens[i]))
        i += 1
    return tuple(out)


#: Words for a group's fighters (as normalized). Beside a name they say what its members are and
#: are left out ("combattenti di Hamas", "Hamas combatants in Gaza"); inside one, after a head
#: word or before a word of the name, they are its adjective "fighting" ("Forças Combatentes de
#: Abacunguzi", "Cellule Combattenti Comuniste").
_FIGHTING = frozenset(("combatentes", "combatenti", "combatientes", "combatants"))


def _fighting_here(before: Word, after: str) -> bool:
    """Whether a word for fighters between ``before`` and the token ``after`` is the adjective."""
    if before.kind == HEAD:
        return True
    following = _words_of(after)
    return bool(following) and following[0].kind == CONTENT and after not in gazetteer()


#: Words a name doubles to make one word: "Mai-Mai" (also "Mayi-Mayi"), the word Congo's community
#: militias put before their own names, one token "maimai" as the vocabulary holds it.
_REDOUBLED = frozenset(("mai", "mayi"))


def _joined_redoubled(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        if out and tok in _REDOUBLED and out[-1] == tok:
            out[-1] = "maimai"
        else:
            out.append(tok)
    return out


@lru_cache(maxsize=1 << 17)
def _words_of(tok: str) -> tuple[Word, ...]:
    """What one word is: nothing (a function word), a head word, a place, or content (maybe two concepts)."""
    v = vocabulary()
    if tok in v.stopwords:
        return ()
    if tok in v.expansions:
        return tuple(Word(tok, CONTENT, c) for c in v.expansions[tok])
    if tok in v.heads:
        return (Word(tok, HEAD, v.heads[tok]),)
    if tok in v.places:
        return (Word(tok, PLACE, v.places[tok]),)
    if tok not in v.concepts:
        place = _inflected_place(tok, v)
        if place:
            return (Word(tok, PLACE, place),)
        head = normalize.key(tok[:-1]) if len(tok) >= 5 and tok[-1] in _EZAFE else ""
        if head in _ezafe_heads() and head in v.heads:
            # A head word with the Persian and Urdu ezafe written on ("Jamaate", "Harakate";
            # Bengali writes it so, জামাতে): the head word.
            return (Word(tok, HEAD, v.heads[head]),)
        head = _spanish_y_head(tok, v)
        if head:
            return _words_of(head)
        head = _case_of_head(tok, v)
        if head:
            return (Word(tok, HEAD, v.heads[head]),)
    if tok not in v.concepts and len(tok) >= COMPOUND_MIN:
        parts = _compound(tok, v)
        if parts:
            return tuple(w for part in parts for w in _words_of(part))
    return (Word(tok, CONTENT, v.concepts.get(tok, "")),)


#: The case endings Slavic languages put on a head word, as keyed ("легионом", "батальона",
#: "Korpusu", "бригадой"), longest first.
_HEAD_CASE_ENDINGS = ("ami", "akh", "ach", "om", "em", "ov", "oi", "oj", "ou", "a", "u", "e", "y", "i")


def _case_of_head(tok: str, v: Vocabulary) -> str:
    """The head word a Slavic noun in another case is ("legionom": "legion", "brigadoi": "brigada"),
    or "": the stem, five letters at least, is a head word as it stands or with its -a."""
    if len(tok) < 6:
        return ""
    for end in _HEAD_CASE_ENDINGS:
        if tok.endswith(end) and len(tok) - len(end) >= 5:
            stem = tok[: -len(end)]
            if end == "a" and stem[-1] in "ijy":
                # A noun in -ija is that noun ("армија", the Macedonian army, which names many
                # armies), not a case of one in -ij.
                return ""
            for head in (stem, stem + "a"):
                if head in v.heads and head != tok:
                    return head
    return ""


#: The ezafe, as a head word's last letter: Persian and Urdu "-e", "-i".
_EZAFE = frozenset("ei")
#: The head words Persian and Urdu names join to the next word with the ezafe ("Jamaat-e",
#: "Lashkar-e", "Tehrik-i"). Only these: other languages' words end so too ("forse", "ruche",
#: "légère"; "katibate" is French for a katiba).
_EZAFE_HEAD_WORDS = (
    "jamaat", "jamiat", "harakat", "tehrik", "tahrik", "tehreek", "lashkar", "sipah", "sepah", "hizb", "hezb",
    "jaish", "jaysh", "jabhat", "tanzim", "ittehad", "ittihad", "majlis", "anjuman", "jonbesh", "junbish",
)


@lru_cache(maxsize=1)
def _ezafe_heads() -> frozenset[str]:
    return frozenset(normalize.key(w) for w in _EZAFE_HEAD_WORDS)


def _spanish_y_head(tok: str, v: Vocabulary) -> str:
    """The head word that ``tok`` is with the y the Spanish press writes for the Arabic j ("" if
    none): "Yaish" is Jaish, "Yamaat" Jamaat, "Yund" Jund, "Yirga" the jirga ("Loya Yirga"). Head
    words only: the glossary's other words are common words of many languages ("Yutan" would be
    "jutan", a rally), and a place keeps its name ("Yangju")."""
    if len(tok) < 4 or tok[0] != "y" or tok[1] not in "aeiou" or tok in gazetteer():
        return ""
    head = "j" + tok[1:]
    return head if head in v.heads else ""
_PLACE_ENDING_SET = frozenset(PLACE_ENDINGS)
_STEM_ENDING_SET = frozenset(STEM_ENDINGS)
_ENDING_LENGTHS = range(1, max(map(len, (*PLACE_ENDINGS, *STEM_ENDINGS))) + 1)


def _inflected_place(tok: str, v: Vocabulary) -> str:
    """The country a word names with one of :data:`PLACE_ENDINGS` or :data:`STEM_ENDINGS` ("" when
    none): the word less its ending must be a country's name or adjective, or the stem of one
    (``Vocabulary.place_stems``: "libica", "iaponskaia", "ruandes"), of four letters or more.
    The shortest ending is tried first; the word's endings are looked up, not every ending tried
    (the index's build asks this of every word of every name)."""
    for n in _ENDING_LENGTHS:
        if len(tok) - n < PLACE_STEM_MIN:
            break
        if tok[-n:] in _PLACE_ENDING_SET:
            stem = tok[:-n]
            code = v.places.get(stem) or v.place_stems.get(stem)
            if code:
                return code
    for n in _ENDING_LENGTHS:
        if len(tok) - n < PLACE_STEM_MIN:
            break
        if tok[-n:] in _STEM_ENDING_SET:
            code = v.place_stems.get(tok[:-n])
            if code:
                return code
    return ""


#: The shortest word that may be a German compound of glossary words.
COMPOUND_MIN = 9


def _compound(tok: str, v: Vocabulary, depth: int = 2) -> tuple[str, ...]:
    """A compound ending in a head word (or "Partei"), split into glossary words, up to three:
    "Nationalarmee" is national + armee, "Volksschutzeinheiten" (keyed `volkschutzeinheiten`)
    volk + schutz + einheiten, "Befreiungsarmee" befreiung + armee; or of two glossary words of
    four and five letters or more ("Freiheitsfalken"). German writes them so, and Dutch and the
    Nordic languages. Empty when the word is not such a compound."""
    for i in range(3, len(tok) - 3):
        first, rest = tok[:i], tok[i:]
        # The s that joins a word to the next ("Befreiungsarmee", "Freiheitslegion").
        if first not in v.concepts and first[-1] == "s" and first[:-1] in v.concepts:
            first = first[:-1]
        # A word for the members may start one too ("Söldnergruppe", mercenary group).
        if first not in v.concepts and first not in v.places and not (len(first) >= 5 and first in v.stopwords):
            continue
        if rest in v.heads or v.concepts.get(rest) == "@party":
            return (first, rest)
        # Two glossary words of a name's own ("Freiheitsfalken", freedom + falcons).
        if depth == 2 and len(first) >= 4 and len(rest) >= 5 and first in v.concepts and rest in v.concepts:
            return (first, rest)
        if depth > 1:
            more = _compound(rest, v, depth - 1)
            if more:
                return (first, *more)
    return ()


@dataclass(frozen=True, slots=True)
class Pair:
    """Two words that stand for each other, and how they were paired."""

    query: Word
    alias: Word
    how: str  # "same", "spelled", "compound", "initials", "concept", "kin" or "renamed" (head words)


@dataclass(frozen=True, slots=True)
class Alignment:
    """How a query's words meet one alias's words."""

    pairs: tuple[Pair, ...]
    dropped_heads: tuple[Word, ...]
    dropped_places: tuple[Word, ...]
    query_places: tuple[Word, ...]
    acronyms: tuple[Word, ...]
    #: Neighbouring words of the query whose counterparts come in the other order in the alias.
    order_breaks: int = 0
    #: A common word (:data:`GENERIC_CONCEPTS`) one side has and the other leaves out.
    dropped_words: tuple[Word, ...] = ()
    #: Countries the two names write in words spelled apart ("سوریه", "Syrian"): each fits a little
    #: less than the country spelled alike ("سوریه", "السوري").
    places_apart: int = 0

    @property
    def renamed(self) -> tuple[Pair, ...]:
        """The head words paired across a renaming ("Brigade", "Division")."""
        return tuple(p for p in self.pairs if p.how == "renamed")

    @property
    def drops(self) -> int:
        """How many words had to be left aside (a head word renamed counts as one)."""
        dropped = len(self.dropped_heads) + len(self.dropped_words) + len(self.dropped_places)
        return dropped + len(self.query_places) + len(self.renamed)

    def similarity(self) -> float:
        """How alike the paired words are spelled, 0 to 100 (a translated pair counts 100)."""
        if not self.pairs:
            return 0.0
        total = 0.0
        for p in self.pairs:
            if p.how in ("same", *TRANSLATED):
                total += 100.0
            elif p.how in ("initials", "renamed"):
                total += INITIALS_SIMILARITY
            else:
                total += fuzz.ratio(p.query.text, p.alias.text)
        return total / len(self.pairs)

    def score(self) -> float:
        """The word stage's score: 86 to 94 by how alike the paired words are spelled, less half a
        point for each word set aside (two at most)."""
        return min(MAX_FUZZY_SCORE, 86.0 + 8.0 * self.similarity() / 100.0 - 0.5 * min(self.drops, 2))

    def method(self) -> str:
        """The feature this alignment needed most, as a ``method`` name."""
        if self.dropped_heads or self.dropped_words or self.renamed:
            return "headword"
        if self.dropped_places or self.query_places or self.acronyms:
            return "qualifier"
        if any(p.how == "initials" for p in self.pairs):
            return "initials"
        if any(p.how in TRANSLATED for p in self.pairs):
            return "translation"
        return "words"

    def needs(self) -> set[str]:
        """Every feature this alignment relies on."""
        out = {"words"}
        if self.dropped_heads or self.dropped_words or self.renamed:
            out.add("headword")
        if self.dropped_places or self.query_places or self.acronyms:
            out.add("qualifier")
        if any(p.how == "initials" for p in self.pairs):
            out.add("initials")
        if any(p.how in TRANSLATED for p in self.pairs):
            out.add("translation")
        return out


@lru_cache(maxsize=1 << 16)
def word_close(a: str, b: str) -> bool:
    """Two words spelled alike enough to be one word (:func:`aliasctl.matching.scoring.token_close`;
    remembered, as :func:`texts_alike` is).

    Words of two consonants may differ by one letter only: "Shan" is not "Sina".
    """
    if a != b and consonants(normalize.key_skeleton(a)) <= 2:
        # A diphthong written as the vowel it sounds like is one letter, not two: "Thawra" and
        # "Thora", "Dawla" and "Dola", "Bayt" and "Bet".
        a, b = _monophthong(a), _monophthong(b)
        if Levenshtein.distance(a, b) > 1:
            return False
    return token_close(a, b)


_DIPHTHONG = re.compile(r"a([wy])(?![aeiouy])|e(i)(?![aeiouy])")


def _monophthong(word: str) -> str:
    """The word with "aw" as "o", "ay" and "ei" as "e" where they are diphthongs (before a consonant)."""
    return _DIPHTHONG.sub(lambda m: "o" if m.group(1) == "w" else "e", word)


#: Endings that make a people, a land or a follower of a name: Tigray, Tigrayan; Baloch,
#: Balochistan; Naxal, Naxalite; Haqqani, Haqqanis.
DERIVED_ENDINGS = ("an", "ian", "n", "ine", "in", "ese", "istan", "stan", "ite", "ist")
#: Endings that make a people or its land of one root ("Kurdish", "Kurdistan"; "Uzbek", "Uzbekistan"),
#: and the adjective French, Spanish and Italian make of a land ("arabique", "arábiga", "arabica": the
#: Arabian Peninsula).
ROOT_ENDINGS = ("istan", "stan", "ikues", "ikue", "ish", "ian", "iga", "ica", "ico", "i")

#: Endings that English, French, Spanish and Italian put on one word ("democratic",
#: "démocratiques", "democrático"; "allied", "alliées"), as the normalizer writes them
#: ("-iques" is "-ikues", "-ées" is "-is"), longest first.
COGNATE_ENDINGS = (
    "ikues", "ikue", "ment", "icos", "icas", "ico", "ica", "nes", "ic", "ik", "al", "es", "os", "as", "ed", "e", "s",
    "o", "a",
)


def derived(a: str, b: str) -> bool:
    """Whether one word is the other with an ending that names its people, its land or its followers.

    A plural "s" on either side does not count: "Naxals" and "Naxalites" are one word.
    """
    # Every rule keeps the front of both words, four letters at least (a root of four letters or
    # more, or a stem of five): words that begin otherwise are not looked at further.
    if not a or not b or a[:4] != b[:4]:
        return False
    a, b = _singular(a), _singular(b)
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short):
        # A root of four letters takes only a long ending: "Serb", "Serbian"; not "Shan", "Shani".
        ending = long_[len(short) :]
        if ending in DERIVED_ENDINGS and (len(short) >= 5 or (len(short) == 4 and len(ending) >= 3)):
            return True
    ra, rb = _root(a), _root(b)
    if len(ra) >= 4 and ra == rb and ra not in (a, b):
        return True
    # Two words made from one root with two endings: "Rwandan", "Rwandese"; "Palestine", "Palestinian".
    return bool(_derived_stems(a) & _derived_stems(b) - {a, b})


#: Endings a land's name ends with before a people's ending replaces them ("Rwanda", "Palestine").
_LAND_ENDINGS = ("a", "e", "i")


# The helpers of derived() and cognate() are remembered per word: a registry and its queries
# have few words, and each is compared with many.
@lru_cache(maxsize=1 << 16)
def _derived_stems(word: str) -> frozenset[str]:
    return frozenset(
        word[: -len(end)]
        for end in (*DERIVED_ENDINGS, *_LAND_ENDINGS)
        if word.endswith(end) and len(word) - len(end) >= 5
    )


@lru_cache(maxsize=1 << 16)
def _root(word: str) -> str:
    for end in ROOT_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


def _singular(word: str) -> str:
    return word[:-1] if len(word) >= 6 and word.endswith("s") and not word.endswith("ss") else word


def cognate(a: str, b: str) -> bool:
    """Whether two words are one word with the endings of two European languages.

    Both words are four letters or more and keep the same stem once their endings go
    ("democratic" and "democratikues", "alied" and "alis": "allied" and "alliées"); a stem
    shorter than three letters says nothing.
    """
    # Both endings leave three letters at least of the front of each word: words that begin
    # otherwise are not looked at further.
    if a == b or min(len(a), len(b)) < 4 or a[:3] != b[:3]:
        return False
    a, b = _romance(a), _romance(b)
    if a == b:
        return True
    sa, sb = _stem(a), _stem(b)
    if sa == sb:
        return len(sa) >= 3 and (sa != a or sb != b)
    # One is the other with an ending: "righteousness" and "righteous".
    return (len(sa) >= 5 and sa == b) or (len(sb) >= 5 and sb == a)


#: Endings that French, Spanish, Portuguese and Italian write for English ones, as the normalizer
#: writes them: "-ción", "-ção" and "-zione" for "-tion"; "-tie" for "-cy" (démocratie); "-ité"
#: for "-ity" (sécurité); "-dad" for "-ty" (unidad).
_ROMANCE_ENDINGS = (
    ("ciones", "tions"), ("cion", "tion"), ("coes", "tions"), ("cao", "tion"), ("zioni", "tions"),
    ("zione", "tion"), ("tie", "cy"), ("ite", "ity"), ("dad", "ty"),
)


@lru_cache(maxsize=1 << 16)
def _romance(word: str) -> str:
    for end, english in _ROMANCE_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[: -len(end)] + english
    return word


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    for end in COGNATE_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[: -len(end)]
    return word


#: Letters the Arabic article takes the sound of ("ad-Din", "an-Nur", "ash-Sham"): glued to the
#: word and its doubled letter written once, the article is a vowel before it ("Eddine" is Dine).
_SUN_LETTERS = frozenset("tdrzsn")


def _unglued(word: str) -> str:
    """A word without the article or the particle li- glued to its front, or "" when it has none:
    "Aladl" is al-Adl, "Eddine" ed-Dine, "Lidawati" li-Dawati."""
    if len(word) >= 5 and word.startswith("al") and word[2] != "l":
        return word[2:]
    if len(word) >= 5 and word[0] in "aeu" and word[1] in _SUN_LETTERS:
        return word[1:]
    if len(word) >= 6 and word.startswith("li") and word[2] not in "aeiou":
        return word[2:]
    return ""


_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th|e|er|eme|o|a)$")


#: Numbers written as words, as the normalizer writes them (English, French, Spanish).
NUMBER_WORDS: dict[str, str] = {
    word: str(n)
    for n, words in enumerate(
        (
            (),
            ("one", "first", "premier", "premiere", "primero", "primera", "primeiro"),
            ("two", "second", "deuxieme", "segundo", "segunda"),
            ("three", "third", "troisieme", "tercero", "tercera", "terceiro"),
            ("four", "fourth", "quatrieme", "cuarto", "cuarta", "quarto"),
            ("five", "fifth", "cinquieme", "quinto", "quinta"),
            ("six", "sixth", "sixieme", "sexto", "sexta"),
            ("seven", "seventh", "septieme", "septimo", "septima", "setimo"),
            ("eight", "eighth", "huitieme", "octavo", "octava", "oitavo"),
            ("nine", "ninth", "neuvieme", "noveno", "novena", "nono"),
            ("ten", "tenth", "dixieme", "decimo", "decima"),
            ("eleven", "eleventh"), ("twelve", "twelfth"), ("thirteen", "thirteenth"),
            ("fourteen", "fourteenth"), ("fifteen", "fifteenth"), ("sixteen", "sixteenth"),
            ("seventeen", "seventeenth"), ("eighteen", "eighteenth"), ("nineteen", "nineteenth"),
            ("twenty", "twentieth"),
        )
    )
    for word in words
}
# The Arabic ordinals in Arabic script, as the normalizer keys them ("اللواء الثامن" is the Eighth
# Brigade, "الفرقة الخامسة" the Fifth Division); only ever compared with a number. Not those whose
# keys are names and words of other languages ("rab", "saba", "tas": the first, fourth, seventh,
# ninth and tenth), nor the romanized ones ("Khamis" is a name, "Rabia" a town).
NUMBER_WORDS.update(
    (normalize.key(word), number)
    for number, forms in {
        "2": ("الثاني", "الثانية"),
        "3": ("الثالث", "الثالثة"),
        "5": ("الخامس", "الخامسة"),
        "6": ("السادس", "السادسة"),
        "8": ("الثامن", "الثامنة"),
    }.items()
    for word in forms
)


@lru_cache(maxsize=256)
def _number_forms(number: str) -> tuple[str, ...]:
    """The ways a name writes a number: "8", "8th", "8e", "eighth", "الثامن" (as keyed)."""
    return (
        number,
        *(number + end for end in ("st", "nd", "rd", "th", "e", "er", "eme", "o", "a")),
        *(word for word, n in NUMBER_WORDS.items() if n == number),
    )


#: The glossary's months: a number and a month make a date ("17. listopadu", "25 de Abril").
_MONTH_CONCEPTS = frozenset(
    f"@{m}"
    for m in (
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    )
)


@lru_cache(maxsize=1)
def _month_keys() -> frozenset[str]:
    # Not the shortest keys (آب, "ab"): a word of two letters is too many other things.
    return frozenset(k for k, c in vocabulary().concepts.items() if c in _MONTH_CONCEPTS and len(k) >= 3)


def _a_date(query: Sequence[Word]) -> bool:
    """Whether the query's words are a day or a year and a month, and nothing else."""
    texts = [w.text for w in query]
    months = _month_keys()
    return (
        any(t in months for t in texts)
        and any(t.isdigit() or _ORDINAL.match(t) for t in texts)
        and all(t in months or t.isdigit() or _ORDINAL.match(t) for t in texts)
    )


def _number(word: str) -> str:
    # "50th", "50e", "50o" and "50" are one number; so are "8th" and "eighth".
    m = _ORDINAL.match(word)
    return m.group(1) if m else NUMBER_WORDS.get(word, word)


@lru_cache(maxsize=1 << 16)
def texts_alike(q: str, a: str) -> bool:
    """Whether two normalized words are one word spelled two ways (the word stage's rule, remembered:
    a query's words meet the same registry words in many candidates)."""
    if q[:1].isdigit() or a[:1].isdigit():
        return _number(q) == _number(a)
    if allah_apart(q, a):
        return False
    if word_close(q, a) or derived(q, a) or cognate(q, a):
        return True
    if _respelled_alike(q, a) or slavic(q, a) or slavic(a, q):
        return True
    if _nisba(q, a) or _nisba(a, q):
        return True
    # A word read without a glued article keeps its consonants: "Ashari" (عشائري, tribal) is not
    # al-Shabi (popular) once its a-sh is taken for the article.
    uq, ua = _unglued(q), _unglued(a)
    if (uq and _unglued_close(uq, a)) or (ua and _unglued_close(q, ua)):
        return True
    tq, ta = _article_after(q), _article_after(a)
    if (tq and word_close(tq, a)) or (ta and word_close(q, ta)):
        return True
    return (
        (min(len(q), len(a)) >= 5 and plural_pair(q, a))
        or _thaa_as_s(q, a)
        or _geminated_article(q, a)
        or _geminated_article(a, q)
        or _somali(q, a)
        or _sh_spelled(q, a)
    )


def _unglued_close(bare: str, other: str) -> bool:
    # The article's l may stay as the sun letter it doubled ("an-Fanmi" read "nfanmi").
    outline = normalize.key_skeleton(other)
    return word_close(bare, other) and outline in (normalize.key_skeleton(bare), normalize.key_skeleton(bare[1:]))


#: Letters before an h that make one sound with it ("sh", "kh", "th"): such an h is not
#: the Cyrillic х written for kh.
_DIGRAPH_FIRST = frozenset("sckgztdp")


def kh_respelled(word: str) -> str:
    """The word with a lone h written kh ("" when it has none), as Cyrillic and Turkish write the
    Arabic kh with one letter: "Хорасан" is keyed "horasan", "Ахмат" "ahmat"."""
    if "h" not in word:
        return ""
    out = [
        "kh" if c == "h" and (i == 0 or word[i - 1] not in _DIGRAPH_FIRST) else c for i, c in enumerate(word)
    ]
    respelled = "".join(out)
    return respelled if respelled != word else ""


def v_respelled(word: str) -> str:
    """The word with its v written w ("" when it has none), as Persian, Turkish and Cyrillic write
    the Arabic w: "Вилаят" is keyed "vilaia", Wilayat "wilaya"; "Vahdat", Wahdat."""
    return word.replace("v", "w") if "v" in word else ""


#: Letters one alphabet writes where another writes others, and how to write a word the other way:
#: the lone h of Cyrillic and Turkish for kh ("horasan", Khorasan; "ahmat", Akhmat), the v of
#: Persian, Turkish and Cyrillic for w ("vilaia", "wilaya").
_RESPELLINGS: tuple[tuple[str, Callable[[str], str]], ...] = (("kh", kh_respelled), ("v", v_respelled))


def _respelled_alike(q: str, a: str) -> bool:
    """One word written with one of :data:`_RESPELLINGS`' letters on one side only, alike once
    the other side is written that way."""
    for mark, respell in _RESPELLINGS:
        if (mark in q) != (mark in a):
            rq, ra = respell(q), respell(a)
            if (rq and word_close(rq, a)) or (ra and word_close(q, ra)):
                return True
    return False


#: Endings of Slavic (and German) adjectives made from a name, as the normalizer writes them: Russian
#: "Чеченская" (chechenskaia), Ukrainian "Каренська" (karenska), Polish "islamskich", Serbian
#: "Арканови" (arkanovi, Arkan's).
_SLAVIC_ADJECTIVE = re.compile(
    r"(?:s?k|c)(?:aia|aya|oe|oi|ogo|omu|oj|ikh|ih|ich|ych|iego|iej|ie|ii|yi|i|a|e|o|y)$|ov(?:i|a|o|e|y)$"
    # and German's ("Arabischen Halbinsel", the Arabian Peninsula; "kurdischer", Kurdish)
    r"|isch(?:e|en|er|es|em)?$"
)
#: Endings of a Slavic noun's other cases: "Вагнера" (Wagner's), "Качинів" (of the Kachins),
#: Polish "Mahdiego" (the Mahdi's).
_SLAVIC_CASE = re.compile(r"(?:a|u|iv|ov|ev|y|om|em|ego)$")


@lru_cache(maxsize=1 << 16)
def _slavic_stems(word: str) -> tuple[str, str]:
    """The word less a Slavic adjective's ending and less a noun's case ending ("" when none): the
    adjective's stem keeps four letters, the noun's five."""
    adjective = _SLAVIC_ADJECTIVE.search(word)
    noun = _SLAVIC_CASE.search(word)
    return (
        word[: adjective.start()] if adjective and adjective.start() >= 4 else "",
        word[: noun.start()] if noun and noun.start() >= 5 else "",
    )


def slavic(q: str, a: str) -> bool:
    """Whether ``q`` is ``a`` with the ending a Slavic language puts on a name: an adjective made
    from it ("chechenskaia", Chechen; "islamskich", Islamic; "kurdskaia", Kurdish) or another case
    of it ("vagnera", Wagner; "horasana", Khorasan). The noun's stem must be the word itself."""
    if "kh" in a and "kh" not in q:
        a = a.replace("kh", "h")  # Cyrillic writes one letter for it
    if len(q) <= len(a) or q[:3] != a[:3]:
        return False
    adjective, noun = _slavic_stems(q)
    if adjective and (adjective == a or adjective == _root(a) or cognate(adjective, a) or derived(adjective, a)):
        return True
    if adjective and len(adjective) >= 5:
        # Both adjectives, in two cases or two languages: "afrikanskogo" (Африканского, of the
        # African) and "afrikanski" (Африканский); Polish "afrykanskiego".
        other = _slavic_stems(a)[0]
        if other and (other == adjective or (len(other) >= 5 and word_close(adjective, other))):
            return True
    # A noun in "-at" is keyed without its t, as the Arabic feminine is ("Імарату", of the Emirate:
    # "imaratu", and "Imarat" keyed "imara").
    return noun == a or (noun.endswith("at") and noun[:-1] == a)


def sh_respelled(word: str) -> str:
    """A word with French "ch" and German "sch" written "sh", as English romanizes the shin ("" if it
    has neither): "Chabab", "Charia", "Schabab" are Shabab, Sharia."""
    if "ch" not in word:
        return ""
    return word.replace("sch", "sh").replace("ch", "sh")


def _sh_spelled(q: str, a: str) -> bool:
    # Only against a word that writes sh: English "ch" is another sound ("Chechen", "Baloch").
    for x, y in ((q, a), (a, q)):
        if "sh" in y and "ch" not in y:
            sx = sh_respelled(x)
            # A short word respelled must then be the word: "Chin" (the Chin State) is no "Shan".
            if sx and len(sx) >= 4 and (word_close(sx, y) if min(len(sx), len(y)) > 4 else sx == y):
                return True
    return False


#: Somali's Latin alphabet writes the ayn c and the ha x: "Waljamaaca" is Wal Jama'a,
#: "Macawiisley" Ma'awisley, "Xarakada" Harakat.
_SOMALI_AYN = re.compile(r"(?<=[aeiou])c(?=[aeiouw]|$)")
_SOMALI_HA = re.compile(r"x(?=[aeiou])")


def _somali(q: str, a: str) -> bool:
    """Whether two words are one once a Somali spelling's ayn (c) and ha (x) are the romanization's."""
    for x, y in ((q, a), (a, q)):
        if len(x) >= 5 and ("c" in x or "x" in x) and "c" not in y and "x" not in y:
            plain = re.sub(r"(.)\1+", r"\1", _SOMALI_HA.sub("h", _SOMALI_AYN.sub("", x)))
            if plain != x and word_close(plain, y):
                return True
    return False


def _thaa_as_s(q: str, a: str) -> bool:
    """Whether two words differ only in a th that the other writes s: Persian, Urdu and Turkish
    say the Arabic tha as s ("Hadis" and "Hadith", "Usman" and "Uthman")."""
    if min(len(q), len(a)) < 4 or ("th" in q) == ("th" in a):
        return False
    return q.replace("th", "s") == a.replace("th", "s")


def _thaa_spelled(q: str, a: str) -> bool:
    """Whether two words differ only in the Arabic tha, written th on one side and s (:func:`_thaa_as_s`)
    or t on the other, as Hindi and Indonesian write it ("हूती", Huti)."""
    if _thaa_as_s(q, a):
        return True
    return min(len(q), len(a)) >= 4 and ("th" in q) != ("th" in a) and q.replace("th", "t") == a.replace("th", "t")


def _tha_for_s(word: str) -> list[str]:
    """A word with one of its s written th, each in turn, for a word of four letters or more that
    writes no th and one or two single s (not of an sh, a ts or a double s): where the word may say
    the Arabic tha as s (:func:`_thaa_as_s`)."""
    if "th" in word or len(word) < 4:
        return []
    at = [m.start() for m in re.finditer(r"(?<![st])s(?![hs])", word)]
    if not 0 < len(at) <= 2 or word.count("s") != len(at):
        return []
    return [word[:i] + "th" + word[i + 1 :] for i in at]


def _geminated_article(word: str, bare: str) -> bool:
    """Whether a short word is the article glued to a word whose sun letter it doubled, once the
    double is one letter: "Ezzor" (normalized "ezor") is ez-Zor, whose article goes."""
    return len(word) == 4 and word[0] in "ae" and word[1] in "dnrstz" and word[1:] == bare


def _nisba(short: str, long_: str) -> bool:
    # An Arabic adjective in its two genders: "Thani" and "Thaniya", "Islami" and "Islamiya".
    # A place whose name ends in a takes -ani ("Shabwa", "Shabwani"; "Sanaa", "Sanaani").
    return (len(short) >= 4 and short.endswith("i") and long_ == short + "ya") or (
        len(short) >= 4 and short.endswith("a") and long_ in (short + "ni", short + "niya")
    )


def _article_after(word: str) -> str:
    """A word without the article glued to its end, or "": "Ansaril" and "Ansarul" are Ansar (of
    "Ansaril Muslimina", Ansar al-Muslimin), the case vowel before the article written or not."""
    if len(word) >= 6 and word[-2:] in ("il", "ul") and word[-3] not in "aeiou":
        return word[:-2]
    return ""


def compatible(a: Word, b: Word) -> bool:
    """Whether two words may be one word: two different concepts are two words, however alike they look."""
    return not (a.concept and b.concept and a.concept != b.concept)


#: Letters the Arabic script writes for vowels (alif, waw, ya) or as a consonant: left out when a
#: name written without short vowels is compared with a romanized one.
_MATRES = frozenset("aeiouyw")
#: Prepositions and conjunctions the Arabic script joins to the next word: li-, wa-, bi-, fa-, ka-.
_JOINED = ("l", "w", "b", "f", "k")


@lru_cache(maxsize=1 << 16)
def _outline(word: str) -> str:
    return "".join(c for c in normalize.sounded(word) if c not in _MATRES)


@lru_cache(maxsize=1 << 17)
def _script_alike(a: str, b: str) -> bool:
    """Whether a word written in Arabic script and a romanized one are one word.

    Their consonants, written as the romanization writes them, are the same ("shykh" and
    "sheikh", "hdyd" and "hadid"), or are once a particle joined to the front of one goes
    ("lahl" is li-ahl, "ltahryr" li-tahrir), or once the t that Persian and Urdu write for the
    Arabic feminine ending goes, which a romanization keys as its a ("hrkt", حرکت, and "harka",
    Harkat; "mlt", ملت, and "mila", Millat).
    """
    for x, y in ((a, b), (b, a)):
        if len(x) >= 4 and x[0] in _JOINED and x[1] != x[0]:
            rest = x[1:]
            if word_close(rest, y) or (len(_outline(rest)) >= 3 and _outline(rest) == _outline(y)):
                return True
        if len(x) >= 3 and x.endswith("t") and y.endswith("a") and not y.endswith("ta") and _script_alike(x[:-1], y):
            return True
    oa = _outline(a)
    if len(oa) >= 3:
        return oa == _outline(b)
    # Two consonants: the words must also begin alike ("amr" and "omar", عمر, both with a vowel).
    return len(oa) == 2 and oa == _outline(b) and (a[0] in _MATRES) == (b[0] in _MATRES) and (
        a[0] in _MATRES or a[0] == b[0]
    )


#: The fewest letters of a registry name's word that a particle joined to it leaves: shorter ones
#: are the ends of common words ("وقادة", and leaders, is no "قاعدة"; "بادر", he took the lead, no
#: Badr).
KNOWN_REST_MIN = 5


def _known_rest(rest: str, whole: str, known: Container[str]) -> bool:
    """Whether a word is a particle and a registry name's word that is no place: five letters or
    more of it ("لفاغنر", for Wagner), and the whole word none ("بهاماس", Bahamas, stays whole)."""
    places = gazetteer()
    return len(rest) >= KNOWN_REST_MIN and rest in known and whole not in known and rest not in places and whole not in places


def split_particles(words: Sequence[Word], known: Container[str] = frozenset()) -> tuple[Word, ...]:
    """A name written in Arabic script with a particle joined to a known word, split: "لتحرير"
    (li-tahrir) is "tahrir", a word of the glossary, once its li- is set apart; "لفاغنر" (li-Wagner)
    is "faghnr", a word of a registry name (``known``, :func:`_known_rest`), when the whole is none."""
    v = vocabulary()
    out: list[Word] = []
    for w in words:
        rest = w.text[1:]
        if (
            w.kind == CONTENT
            and not w.concept
            and len(w.text) >= 4
            and w.text[0] in _JOINED
            and (rest in v.heads or rest in v.concepts or rest in v.places or _known_rest(rest, w.text, known))
        ):
            out.extend(_words_of(rest))
        else:
            out.append(w)
    return tuple(out)


#: How a pair was made when one word translates the other.
TRANSLATED = ("concept", "kin")
#: Concepts that translate each other's words in other languages.
_KIN: dict[str, tuple[str, ...]] = {
    "@people": ("@popular",),
    "@popular": ("@people",),
    # "Sindhudesh Revolution Army", "Sindhudesh Revolutionary Army": the noun for the adjective.
    # The Romance languages' plural adjective is their noun for revolutionaries too ("Conselho
    # Militar Geral dos Revolucionários Iraquianos").
    "@revolution": ("@revolutionary",),
    "@revolutionary": ("@revolution", "@revolutionaries"),
    "@revolutionaries": ("@revolutionary",),
}
#: Kin concepts that are two meanings of one word elsewhere ("Volks-", "populaire"), not a noun
#: and its adjective.
_TWO_MEANINGS = frozenset(("@people", "@popular"))
#: Their English words (Spanish "popular" too), which do not stand for each other.
_ENGLISH_KIN = frozenset(("popular", "people", "peoples"))


#: The Arabic "watani" (وطني) is the word for national and for patriotic alike: Arabic writes the
#: Patriotic Union of Kurdistan "الاتحاد الوطني الكردستاني". Its forms, as names print them; English
#: and the other languages tell the two words apart, so only a query's watani meets a name's
#: patriotic, not the other way round.
_WATANI = ("الوطني", "الوطنية", "الوطنيه", "وطني", "وطنية", "watani", "wataniya", "wataniyya", "wataniyah")


#: The adjective it may stand for, as names print it: not the patriots themselves ("تحالف الوطنيين" is
#: a coalition of patriots, "التحالف الوطني" a national one).
_PATRIOTIC = (
    "patriotic", "patriotique", "patriotiques", "patriótico", "patriótica", "patrióticos", "patrióticas",
    "patriottico", "patriottica", "patriotische", "patriotischen", "patriotischer", "patriotyczny", "patriotyczna",
)


@lru_cache(maxsize=1)
def _watani_keys() -> frozenset[str]:
    return frozenset(normalize.key(w) for w in _WATANI)


@lru_cache(maxsize=1)
def _patriotic_keys() -> frozenset[str]:
    return frozenset(normalize.key(w) for w in _PATRIOTIC)


def _watani_pair(national: Word, patriotic: Word) -> bool:
    return (
        national.concept == "@national"
        and patriotic.concept == "@patriotic"
        and national.text in _watani_keys()
        and patriotic.text in _patriotic_keys()
    )


def kin(one: Word, other: Word) -> bool:
    """Whether two words of one kind may pair as kin concepts (:data:`_KIN`), one way or the other."""
    return one.kind == other.kind and bool(one.concept) and other.concept in _KIN.get(one.concept, ())


def _pair_words(
    q: Sequence[Word], a: Sequence[Word], arabic: bool = False
) -> tuple[list[Pair], list[Word], list[Word]]:
    """Pair content and place words; return the pairs and what is left on each side.

    ``arabic``: one of the names is written in Arabic script, without short vowels.
    """
    pairs: list[Pair] = []
    q_left = list(q)
    a_left = list(a)
    # Same word or same concept first, then spelled alike, then compounds.
    # Plain loops, not next() over generators: this is the word stage's innermost loop.
    for qw in list(q_left):
        kind, text = qw.kind, qw.text
        match = None
        for aw in a_left:
            if aw.kind == kind and aw.text == text:
                match = aw
                break
        else:
            ident = qw.concept or text
            for aw in a_left:
                if aw.kind == kind and (aw.concept or aw.text) == ident:
                    match = aw
                    break
        kin = False
        if match is None and (qw.concept in _KIN or qw.concept == "@national") and text not in _ENGLISH_KIN:
            # Other languages write "popular" and "people's" with one word ("Mouvement populaire de
            # libération du Soudan" is the Sudan People's Liberation Movement, German "Volks-"),
            # which English tells apart: a query's English word keeps its meaning. So is the
            # query's Arabic "الوطني" a name's "patriotic", while a query's "patriotic" in any other
            # language keeps its meaning ("Somali Patriotic Movement" is not the Somali National
            # Movement, whatever the registry's Arabic name of it says).
            others = _KIN.get(qw.concept, ())
            for aw in a_left:
                if aw.kind == kind and (aw.concept in others or _watani_pair(qw, aw)):
                    match = aw
                    kin = True
                    break
        if match is not None:
            if match.text == qw.text or qw.kind == PLACE:
                how = "same"
            elif kin:
                how = "kin"
            else:
                how = "spelled" if word_close(qw.text, match.text) else "concept"
            pairs.append(Pair(qw, match, how))
            q_left.remove(qw)
            a_left.remove(match)
    for qw in list(q_left):
        if qw.kind == HEAD:
            continue
        match = None
        content, text, concept = qw.kind == CONTENT, qw.text, qw.concept
        for aw in a_left:
            if (
                aw.kind != HEAD
                and (content or aw.kind == CONTENT)
                # compatible(qw, aw)
                and not (concept and aw.concept and concept != aw.concept)
                and not (not arabic and _glossary_apart(qw, aw))
                and (texts_alike(text, aw.text) or (arabic and _script_alike(text, aw.text)))
            ):
                match = aw
                break
        if match is not None:
            q_left.remove(qw)
            a_left.remove(match)
            if qw.kind != match.kind:
                # A place that one side lists and the other spells another way ("Khorasan",
                # "Khurasan") is a word of the name like any other.
                qw, match = Word(qw.text, CONTENT, qw.concept), Word(match.text, CONTENT, match.concept)
            pairs.append(Pair(qw, match, "spelled"))
    _pair_compounds(pairs, q_left, a_left, False, arabic)
    _pair_compounds(pairs, a_left, q_left, True, arabic)
    return pairs, q_left, a_left


@lru_cache(maxsize=1 << 16)
def _written_together(word: str, joined: str, vowelless: bool = False) -> bool:
    """Whether a word is two words written as one (remembered: a query's words meet the same
    registry words in many candidates)."""
    # By outline alone, the two must be about as long: "MARA Patani" is not المرابطون.
    # Their outlines alone do not make them one, unless one side is written without its vowels:
    # "Polisario" is no "People's War" written as one word; "Ҳизбуллоҳ" is "حزب الله".
    ratio = fuzz.ratio(word, joined)
    return ratio >= 85.0 or (
        (vowelless or ratio >= COMPOUND_OUTLINE_RATIO)
        and word_close(word, joined)
        and abs(len(word) - len(joined)) <= 2
        and (vowelless or vowels_agree(word, joined))
    )


#: How alike a word and two words written as one must be, letter by letter, beside the outline.
COMPOUND_OUTLINE_RATIO = 70.0


def _pair_compounds(pairs: list[Pair], one: list[Word], two: list[Word], swapped: bool, vowelless: bool = False) -> None:
    """A word of ``one`` written as two neighbouring words of ``two`` ("Raskamboni", "Ras Kamboni");
    ``vowelless``: one side is written in Arabic script."""
    for w in list(one):
        if w.kind != CONTENT or len(w.text) < 6:
            continue
        for x, y in itertools.pairwise(two):
            if x.kind != CONTENT or y.kind != CONTENT or (x.text == y.text and x.concept != y.concept):
                continue  # not one word read as two ("Daesh": Islamic State)
            if vowelless and not pairs and not compound_reads(w.text, x.text, y.text, y.concept == "@god"):
                # Without the vowels, a word meets any two with its consonants ("asador", الأسود
                # الحرة; "Dartono", درع الوطن): with no other word paired, only the compounds
                # names are made of are read.
                continue
            joined = x.text + y.text
            if _written_together(w.text, joined, vowelless):
                part = Word(joined, CONTENT)
                pairs.append(Pair(part, w, "compound") if swapped else Pair(w, part, "compound"))
                one.remove(w)
                two.remove(x)
                two.remove(y)
                break


#: Candidates beyond which the word stage keeps only the aliases holding more of the query's words.
NARROW_ABOVE = 64

#: Head words one group wears in turn: a brigade that grows into a division keeps its name
#: ("Fatemiyoun Brigade", "Fatemiyoun Division"; "Liwa"/"Firqat al-Hamza"). Other pairs are
#: two bodies: an army and the organization or front it is the wing of (the KIA and the KIO,
#: the OLA and the OLF), a force and a brigade of one name.
#: A cartel is also called an organization ("Beltrán-Leyva Organization"), a private military
#: company a group ("PMC Wagner", "Wagner Group"), and "militia" is what others call an army,
#: a brigade, a force, a group, an organization, a division, a movement or a network.
RENAMED_UNITS = frozenset(
    frozenset(pair)
    for pair in (
        ("@division", "@unit"),
        ("@cartel", "@organization"),
        ("@pmc", "@group"),
        ("@group", "@network"),
        ("@group", "@organization"),
        ("@network", "@organization"),
        ("@militia", "@army"),
        ("@militia", "@unit"),
        ("@militia", "@forces"),
        ("@militia", "@group"),
        # and an organization, a division or a movement: "Badr militia" is the Badr Organization,
        # "Nujaba militia" the Nujaba Movement; not a legion, which is a nation's ("Georgian
        # militia" is no Georgian Legion)
        ("@militia", "@organization"),
        ("@militia", "@division"),
        ("@militia", "@movement"),
        ("@militia", "@network"),  # "Khazali Faction", "Khazali Network"
        # a unit called forces, around a name of its own: "Babylon Forces" (Quwat Babiliyun), the
        # Babylon Brigades (see _refuse)
        ("@forces", "@unit"),
    )
)


_FORCES_FOR_UNIT = {"@forces", "@unit"}


def _family(concept: str) -> str:
    """A head word's family: "@unit:liwa" is a "@unit"."""
    return concept.partition(":")[0]


def _renamed_unit(q_heads: Sequence[Word], a_heads: Sequence[Word]) -> bool:
    if len(q_heads) != 1 or len(a_heads) != 1:
        return False
    families = frozenset((_family(q_heads[0].concept), _family(a_heads[0].concept)))
    return families in RENAMED_UNITS


#: Scripts whose names are read as the words they are written in.
_WORDED_SCRIPTS = frozenset(("LATIN", "CYRILLIC", "GREEK", "ARABIC", "MYANMAR"))
#: How many words, places among them, a name needs for one inside it to be left out.
INNER_WORD_NAME = 4


#: A person's titles, as keyed, that a group named after the person may write or leave out:
#: "Hafiz Gul Bahadur Group" is the "Gul Bahadur group", "Sheikh Omar Hadid Brigade" the "Omar
#: Hadid Brigade". Not "Imam", "Sayyid", "Sultan" or "Shah", which name the saint or the ruler
#: ("Kata'ib Sayyid al-Shuhada").
SET_ASIDE_TITLES = frozenset(
    (
        "sheikh", "shaykh", "sheik", "shaikh", "cheikh", "shykh",
        "hafiz", "hafez", "hafz",
        "mula", "mola", "mla", "maulvi", "mawlawi", "mwlwy", "maulana", "mawlana", "mulana", "mwlana",
        "hazra", "hdrt", "haji", "hajy", "ayatola", "aytalh", "mufti", "mfty", "pir", "pyr",
    )
)


def _title_before_name(word: Word, name: Sequence[Word]) -> bool:
    """Whether ``word`` is a person's title (:data:`SET_ASIDE_TITLES`) before two words of the
    name's own, a person's name, in ``name``: one side may leave it out."""
    if word.kind != CONTENT or word.concept or word.text not in SET_ASIDE_TITLES:
        return False
    for i, here in enumerate(name):
        if here is word:
            # Two words of a name after it: one alone is as often an epithet ("Sheikh Mansur
            # Battalion" is not every "Mansur Brigade").
            after = name[i + 1 : i + 3]
            return len(after) == 2 and all(w.kind == CONTENT and not w.concept for w in after)
    return False


def _inner_word(word: Word, name: Sequence[Word]) -> bool:
    """Whether a word one name has and the other leaves out is inside a long name: neither its
    first nor its last word ("Cadre stratégique [permanent] pour la défense du peuple de
    l'Azawad"), where a splinter's mark ("-North", "Fondamentale") or a place would stand.
    What is left must still be distinctive, as when a head word is set aside."""
    if word.kind != CONTENT or word.text.isdigit() or word.text in gazetteer():
        return False
    words = [w for w in name if w.kind in (CONTENT, PLACE)]
    return len(words) >= INNER_WORD_NAME and word in words[1:-1] and word not in (words[0], words[-1])


#: Common words a name may carry or leave out, as it may a head word ("Moro Islamic Liberation
#: Front" without "Islamic" is still distinctive by "Moro"). Not "new", "real" or "democratic":
#: those mark a splinter or another body ("New Giants Brigades", "Allied Democratic Forces").
GENERIC_CONCEPTS = frozenset(
    # "@martyr": the honorific before a person's name ("Kata'ib al-Shahid Izz al-Din al-Qassam").
    # "@maimai": the word Congo's community militias put before their own names.
    ("@islamic", "@national", "@armed", "@united", "@popular", "@revolutionary", "@martyr", "@maimai")
)

#: The lengths of an abbreviation that may stand for words of the other name.
INITIALS_LEN = (2, 5)

#: The shortest abbreviation a name written out may be taken for when the two share nothing else
#: ("United Somali Congress" for "USC"); two letters stand for too many names.
SPELLED_OUT_LEN = 3

#: Without a place of the entity's among its words, a name written out must spell this many
#: letters at least: three-letter abbreviations are too many for initials alone to tell apart.
SPELLED_OUT_ALONE_LEN = 4


@dataclass(frozen=True, slots=True)
class _Shape:
    """What :func:`align` asks of one name's words, worked out once per name: a query meets
    many names, and a name many queries."""

    words: tuple[Word, ...]
    #: Its head words, a head word given twice counted once (:func:`one_head_each`).
    heads: tuple[Word, ...]
    #: Its words that are not head words.
    rest: tuple[Word, ...]
    #: Each word's initials.
    marks: tuple[str, ...]
    #: The initials run together: the letters a run of words spells are a part of them.
    initials: str
    #: Its words that may abbreviate others (:func:`may_abbreviate`).
    short: tuple[Word, ...]

    def spells(self, letters: str) -> bool:
        """Whether a run of two words or more spells ``letters`` with their initials."""
        return letters in self.initials and next(_initials_runs(self.marks, letters), None) is not None


#: The shapes of the names met lately, by their tuple of words itself (a word index keeps one tuple
#: per name, and a query's words are one tuple for all its candidates): cheaper than by its words.
_SHAPES: dict[int, _Shape] = {}


def _shape(words: tuple[Word, ...]) -> _Shape:
    found = _SHAPES.get(id(words))
    # The shape holds its tuple, so the tuple's id is not another's while it is here.
    if found is None or found.words is not words:
        if len(_SHAPES) >= 1 << 16:
            _SHAPES.clear()
        found = _SHAPES[id(words)] = _shape_of(words)
    return found


def _shape_of(words: tuple[Word, ...]) -> _Shape:
    marks = tuple("".join(part[0] for part in x.text.split()) for x in words)
    return _Shape(
        words=words,
        heads=tuple(one_head_each([w for w in words if w.kind == HEAD])),
        rest=tuple(w for w in words if w.kind != HEAD),
        marks=marks,
        initials="".join(marks),
        short=tuple(w for w in words if may_abbreviate(w)),
    )


def _pair_initials(
    pairs: list[Pair], left: list[Word], other: _Shape, other_left: list[Word], other_heads: list[Word], swapped: bool
) -> None:
    """Pair a word of ``left`` with a run of unpaired neighbouring words of ``other`` it abbreviates.

    "IRA" stands for "Irish Republican Army", "RC" for "Revolutionary Council", "CPI" for
    "Communist Party of India" (function words are not in a name's words, so "of" has no
    letter). The run is two words or more, and every word of it must still be unpaired.
    """
    if len(other.words) < 2:
        return
    short = [w for w in left if may_abbreviate(w) and other.spells(w.text)]
    if not short:
        return
    # One word written twice is one object twice (words are made once per spelling), so what is
    # still free is counted, not looked up: "al-Sham fi Bilad al-Sham" with one "Sham" paired
    # has one "Sham" left for a run of initials.
    free = Counter(id(w) for w in other_left) + Counter(id(w) for w in other_heads)
    for w in short:
        for start, end in _initials_runs(other.marks, w.text):
            need = Counter(id(x) for x in other.words[start:end])
            if all(free[k] >= n for k, n in need.items()):
                break
        else:
            continue
        words = other.words[start:end]
        part = Word(" ".join(x.text for x in words), CONTENT)
        pairs.append(Pair(part, w, "initials") if swapped else Pair(w, part, "initials"))
        left.remove(w)
        free.subtract(need)
        for x in words:
            if not _take(other_left, x):
                _take(other_heads, x)


def may_abbreviate(w: Word) -> bool:
    """Whether a word may stand for the initials of other words ("IRA", "RC")."""
    return w.kind == CONTENT and INITIALS_LEN[0] <= len(w.text) <= INITIALS_LEN[1] and w.text.isalpha()


def _abbreviates(short: _Shape, other: _Shape) -> bool:
    """Whether a word of ``short`` spells the initials of a run of words of ``other`` (:func:`_pair_initials`)."""
    return any(other.spells(w.text) for w in short.short)


def _take(words: list[Word], word: Word) -> bool:
    """Remove ``word`` itself (not an equal word) from ``words``; whether it was there."""
    for i, w in enumerate(words):
        if w is word:
            del words[i]
            return True
    return False


def _initials_runs(marks: Sequence[str], letters: str) -> Iterator[tuple[int, int]]:
    """Where runs of two words or more spell ``letters`` with their initials, first to last."""
    for start, mark in enumerate(marks):
        if not mark or not letters.startswith(mark):
            continue
        spelled = mark
        end = start + 1
        while len(spelled) < len(letters) and end < len(marks) and marks[end]:
            spelled += marks[end]
            end += 1
        if spelled == letters and end - start >= 2:
            yield start, end


def one_head_each(heads: list[Word]) -> list[Word]:
    """A head word given twice, the second a translation ("Saraya al-Quds Brigades"), is one head word."""
    specific = {h.concept.partition(":")[0] for h in heads if not h.concept.endswith(":*")}
    return [h for h in heads if not (h.concept.endswith(":*") and h.concept.partition(":")[0] in specific)]


def align(
    query: Sequence[Word],
    alias: Sequence[Word],
    acronyms: frozenset[str] = frozenset(),
    countries: str = "",
    arabic: bool = False,
    named: AbstractSet[str] = frozenset(),
    query_arabic: bool | None = None,
) -> Alignment | str:
    """Pair the words of a query with those of an alias.

    Args:
        query: the query's words (:func:`analyse`).
        alias: the alias's words.
        acronyms: query words that are some entity's acronym; left unpaired,
            they are reported in :attr:`Alignment.acronyms` for the caller to weigh.
        countries: the alias's entity's countries: a city or region of theirs that the
            query adds only narrows the name ("Islamic Resistance Movement Gaza").
        arabic: one of the two names is written in Arabic script (without short vowels,
            particles joined to the word after them).
        named: query words that one or two entities' names write as they are: such a word is a
            place only if a place is spelled so, not a vowel away ("Qassam" is not the town of
            al-Qasim).
        query_arabic: the query is written in Arabic script (None: ``arabic`` says for both).
            Only such a query's words may be places by their outline alone: a Latin "Mata" is
            not a town whose outline is m-t.

    Returns:
        The :class:`Alignment`, or the reason the two names are not one name.
    """
    q_shape, a_shape = _shape(tuple(query)), _shape(tuple(alias))
    # The words the shapes hold (equal to these, maybe other objects): pairs and word positions
    # must come from the same ones (:func:`_order_breaks` finds a word by its identity).
    query, alias = q_shape.words, a_shape.words
    q_heads, a_heads = list(q_shape.heads), list(a_shape.heads)
    head_pairs: list[Pair] = []
    for qh in list(q_heads):
        ah = next((h for h in a_heads if h.concept == qh.concept), None) or next(
            (h for h in a_heads if heads_pair(h.concept, qh.concept)), None
        )
        if ah is not None:
            # The head word of the name in the other script is spelled, not translated ("حرکت",
            # Harakat).
            how = (
                "same"
                if qh.text == ah.text
                else ("spelled" if word_close(qh.text, ah.text) or (arabic and _script_alike(qh.text, ah.text)) else "concept")
            )
            head_pairs.append(Pair(qh, ah, how))
            q_heads.remove(qh)
            a_heads.remove(ah)
    if (
        q_heads
        and a_heads
        and not _renamed_unit(q_heads, a_heads)
        and not _abbreviates(q_shape, a_shape)
        and not _abbreviates(a_shape, q_shape)
    ):
        # Two head words apart, and no abbreviation on either side to stand for one of them: the
        # answer is known before the other words are paired (most candidates end here).
        return f"the head words differ ('{q_heads[0].text}', '{a_heads[0].text}')"
    pairs, q_left, a_left = _pair_words(q_shape.rest, a_shape.rest, arabic)
    pairs += head_pairs
    # "Real IRA" and "Real Irish Republican Army": one side abbreviates words the other writes out.
    _pair_initials(pairs, q_left, a_shape, a_left, a_heads, False)
    _pair_initials(pairs, a_left, q_shape, q_left, q_heads, True)
    if q_heads and a_heads:
        if not _renamed_unit(q_heads, a_heads):
            return f"the head words differ ('{q_heads[0].text}', '{a_heads[0].text}')"
        # One body under a head word it wore in turn: the head word is renamed, not set aside.
        pairs.append(Pair(q_heads.pop(), a_heads.pop(), "renamed"))
    # "Islamic State - Somalia Province" and "Wilayat al-Somal": under a province head word,
    # "Islamic State" names the parent, and a name may leave it out.
    for left, other, heads in ((q_left, alias, q_heads), (a_left, query, a_heads)):
        parent = [w for w in left if w.concept in _PARENT or w.concept == _CALIPHATE]
        if parent and any(w.concept == "@province" for w in other) and _names_parent(parent):
            for w in parent:
                left.remove(w)
            heads.extend(Word(w.text, HEAD, PARENT) for w in parent)
    acr = tuple(w for w in q_left if w.kind == CONTENT and w.text in acronyms)
    q_missing = [w for w in q_left if w.kind == CONTENT and w not in acr]
    # A glossary word is never a place ("Black"), nor a word of three letters ("Qais" is a village
    # somewhere): those need a counterpart.
    # A people qualifies a name beside it, not inside it: "Arakan Rohingya Army" is not the Arakan Army.
    peoples = people_countries()
    edges = _edge_words(query, {p.query.text for p in pairs}) if any(w.text in peoples for w in q_missing) else set()
    local = [
        Word(w.text, PLACE, code)
        for w in q_missing
        if (id(w) in edges if w.text in peoples else not w.concept) and len(w.text) >= 4
        # A people is of the entity's first country only (see resolver.place_agrees).
        for code in [next((c for c in (countries.split(",")[:1] if w.text in peoples else countries.split(",")) if c and _place_here(w.text, c, named, arabic if query_arabic is None else query_arabic)), "")]
        if code
    ]
    q_missing = [w for w in q_missing if w.text not in {x.text for x in local}]
    # A city or region of the entity's that the name adds and the query leaves out, as a country
    # may be ("al-Anbar Awakening" for "Awakening groups"): only one listed so, and what is left
    # must then still be distinctive.
    if countries:
        codes = set(countries.split(","))
        for w in [w for w in a_left if w.kind == CONTENT and not w.concept and len(w.text) >= 4]:
            code = next(iter(sorted(gazetteer().get(w.text, frozenset()) & codes)), "")
            if code:
                a_left[a_left.index(w)] = Word(w.text, PLACE, code)
    # One common word on one side only ("Farabundo Martí National Liberation Front") is set aside
    # as a head word is: what is left must then still be distinctive.
    unpaired = q_missing + [w for w in a_left if w.kind == CONTENT]
    generic: tuple[Word, ...] = ()
    # Nothing else set aside, and a word of the name's own (not of the glossary) paired: names of
    # common words differ by one ("Party of Free Life of Kurdistan", the "Kurdistan Freedom Party").
    alone = (
        not q_heads
        and not a_heads
        and not any(w.kind == PLACE for w in a_left)
        and any(
            p.query.kind == CONTENT and not p.query.concept and not p.alias.concept and _own_word_paired(p)
            for p in pairs
        )
        # and no word of the name's own cut short: a word and a longer one that starts with it are
        # two names when a word is left out too ("Karen ... Party" is not the Karenni National
        # Progressive Party; "Fascista", a typo for "Antifascista", still pairs "Fascist").
        and not any(
            p.alias.text.startswith(p.query.text) and p.alias.text != p.query.text
            for p in pairs
            if p.query.kind == CONTENT and not p.query.concept and not p.alias.concept
        )
    )
    if len(unpaired) == 1 and (
        unpaired[0].concept in GENERIC_CONCEPTS
        or (alone and _inner_word(unpaired[0], query if q_missing else alias))
        or _title_before_name(unpaired[0], query if q_missing else alias)
    ):
        generic = (unpaired[0],)
        if q_missing:
            q_missing = []
        else:
            a_left.remove(unpaired[0])
    if q_missing:
        return f"'{q_missing[0].text}' has no counterpart"
    a_missing = [w for w in a_left if w.kind == CONTENT]
    if a_missing:
        return f"the distinguishing word '{a_missing[0].text}' is missing"
    if not any(p.query.kind == CONTENT for p in pairs) and not _place_and_head(pairs, q_heads + a_heads, q_left):
        return "no distinguishing word in common"
    query_places = tuple(w for w in q_left if w.kind == PLACE) + tuple(local)
    return Alignment(
        pairs=tuple(pairs),
        dropped_heads=tuple(q_heads + a_heads),
        dropped_words=generic,
        dropped_places=tuple(w for w in a_left if w.kind == PLACE),
        query_places=query_places,
        acronyms=acr,
        order_breaks=_order_breaks(pairs, query, alias),
        places_apart=sum(
            1
            for p in pairs
            if p.query.kind == PLACE
            and p.query.text != p.alias.text
            and not word_close(p.query.text, p.alias.text)
            and not (arabic and _script_alike(p.query.text, p.alias.text))
        ),
    )


def _names_parent(words: Sequence[Word]) -> bool:
    """Whether words left over beside a province's head word name its parent: "Islamic State", the
    caliphate, or both ("Caucasus Province of the Caliphate" is the Caucasus Province)."""
    concepts = {w.concept for w in words} - {_CALIPHATE}
    return concepts == _PARENT or (not concepts and bool(words))


def _own_word_paired(pair: Pair) -> bool:
    """Whether a word of the name's own is met as itself, or a typo away: not by its outline
    alone, which a longer word may share ("Tamil" and the glued "Tamil-Eelam", தமிழீழ). Only then
    may one common word on one side be set aside: "Tamil Peoples Liberation Tigers" (the TMVP) is
    not the LTTE."""
    return pair.how == "same" or pair.query.text == pair.alias.text or _typo_apart(pair)


@lru_cache(maxsize=1024)
def _display_words(name: str) -> tuple[str, ...]:
    """The words of an entity's display name, as the word stage reads them, sorted."""
    return tuple(sorted(w.text for w in analyse(normalize.key(name))))


def _body_named(index: Index, words: WordIndex, a_i: int, entity: int) -> bool:
    """Whether name ``a_i`` is a head word or two and a name ``entity`` holds: the Maute group's
    "Grupo ISIS" says "the ISIS group", and "Islamic State group" is the Islamic State still."""
    own = words.words[a_i]
    # An acronym read as the words it stands for is one word of the name ("isis": islamic, state).
    kept = [w.text for i, w in enumerate(own) if w.kind != HEAD and not (i and own[i - 1].text == w.text)]
    rest = " ".join(kept)
    if not kept or len(kept) == len(own):
        return False
    acronym = index.acronyms.get(normalize.acronym_key(rest)) if len(kept) == 1 else None
    holders = [*(index.by_key.get(rest) or ()), *(acronym or ())]
    return entity in {index.alias_entity[b] for b in holders}


def _body_translated(index: Index, words: WordIndex, best: Verdict, next_: Verdict) -> bool:
    """Whether the best name is a word that only says it is a group and the next entity's name,
    met with that word translated, and the next is that name with the query's word set aside: the
    Pakistani Taliban's "Tehrik-e-Taliban" is the Taliban movement, and "Движение «Талибан»" or
    "حركة طالبان" may be either (written "Tehreek-e-Taliban", it is the Pakistani group's)."""
    heads = [p for p in best.alignment.pairs if p.query.kind == HEAD]
    nxt = next_.alignment
    return (
        len(heads) == 1
        and heads[0].how == "concept"
        and _family(heads[0].alias.concept) in _SELF_HEADS
        and not best.alignment.drops
        and len(nxt.dropped_heads) == 1
        and nxt.dropped_heads[0].text == heads[0].query.text
        and not (nxt.dropped_words or nxt.dropped_places or nxt.query_places or nxt.renamed)
        and _body_named(index, words, best.alias, next_.entity)
    )


def _word_for_word(verdict: Verdict) -> bool:
    """Whether every word of the query is a word of the name, spelled as it is, in its order."""
    return not verdict.alignment.order_breaks and all(p.how == "same" for p in verdict.alignment.pairs)


def _place_and_head(pairs: Sequence[Pair], dropped: Sequence[Word], q_left: Sequence[Word]) -> bool:
    """Whether two names are one place and one head word each ("Sinaloa Cartel", "Cártel de Sinaloa";
    "Mozambique Province", "Wilayat Mozambique"): the place is then the name's distinguishing word."""
    kinds = {p.query.kind for p in pairs}
    # The parent left out of a province's name is no word of it ("Estado Islâmico da Província
    # de Moçambique" and "Mozambique Province").
    dropped = [w for w in dropped if w.concept != PARENT]
    return kinds == {PLACE, HEAD} and not dropped and not any(w.kind == PLACE for w in q_left)


def _order_breaks(pairs: Sequence[Pair], query: Sequence[Word], alias: Sequence[Word]) -> int:
    """How many neighbouring paired words of the query come in the other order in the alias."""
    q_at = {id(w): i for i, w in enumerate(query)}
    a_at = {id(w): i for i, w in enumerate(alias)}
    placed = sorted(
        (q_at[id(p.query)], a_at[id(p.alias)])
        for p in pairs
        if p.query.kind != HEAD and id(p.query) in q_at and id(p.alias) in a_at
    )
    return sum(1 for (_, a), (_, b) in itertools.pairwise(placed) if b < a)


class WordIndex:
    """The registry's names as words, with postings to find candidate aliases fast.

    Built from an index, or read from the cache (:meth:`from_columns`): its
    mappings are then views of the cache file, read only for the words a query has.
    """

    words: Sequence[tuple[Word, ...]]
    arabic: Sequence[bool]
    postings: Mapping[str, Sequence[int]]
    entities: Mapping[str, int]
    spellings: Mapping[str, int]
    holders: Mapping[str, AbstractSet[int]]
    by_outline: Mapping[str, Sequence[str]]
    by_start: Mapping[str, Sequence[str]]
    acronyms: Mapping[str, AbstractSet[int]]
    alias_entity: Sequence[int]

    def __init__(self, index: Index) -> None:
        vocab = vocabulary()
        words: list[tuple[Word, ...]] = []
        arabic: list[bool] = []
        postings, holders, spelled = _word_tables(index, vocab, _searchable(index), 0, len(index.alias_key), words, arabic)
        self.words, self.arabic, self.postings = words, arabic, postings
        self.entities = {ident: len(es) for ident, es in holders.items()}
        self.spellings = {text: len(es) for text, es in spelled.items()}
        self.holders = spelled
        self.by_outline, self.by_start = _outlines(postings)
        self._near: dict[Word, frozenset[int]] = {}
        self.acronyms = _acronym_holders(index)
        self.alias_entity = index.alias_entity

    def to_columns(self) -> dict[str, Mapping[str, Any]]:
        """What the cache keeps of the word index (the rest is worked out from the index itself)."""
        return {
            "postings": self.postings,
            "entities": self.entities,
            "holders": self.holders,
            "by_outline": self.by_outline,
        }

    @classmethod
    def from_columns(
        cls,
        index: Index,
        *,
        postings: Mapping[str, Sequence[int]],
        entities: Mapping[str, int],
        spellings: Mapping[str, int],
        holders: Mapping[str, AbstractSet[int]],
        by_outline: Mapping[str, Sequence[str]],
        by_start: Mapping[str, Sequence[str]],
        searchable: Sequence[int] | None = None,
    ) -> WordIndex:
        """A word index over the mappings :meth:`to_columns` gave (as the cache reads them back).

        ``spellings`` holds the size of each of ``holders``' sets, ``by_start`` the forms of
        ``postings`` by their first three letters ("@" concepts aside), ``searchable`` 1 for
        each alias in ``index.by_key``. A name's words are analysed when a query first meets it.
        """
        from .columns import LazyList

        self = cls.__new__(cls)
        vocab = vocabulary()

        def in_by_key(a_i: int) -> bool:
            if searchable is not None:
                return bool(searchable[a_i])
            return a_i in (index.by_key.get(index.alias_key[a_i]) or ())

        # Names with the same words share one tuple of them: the word stage aligns them once.
        shared: dict[tuple[Word, ...], tuple[Word, ...]] = {}

        def words_of(a_i: int) -> tuple[Word, ...]:
            if not in_by_key(a_i):
                return ()
            found = analyse(index.alias_key[a_i], vocab)
            # As the index built them (:func:`_word_tables`): a name in Arabic script with its
            # particles apart ("لثوار" is li- and "thuwwar"), as its postings hold it.
            if is_arabic(index.alias_text[a_i]):
                found = split_particles(found)
            return shared.setdefault(found, found)

        self.words = LazyList(len(index.alias_key), words_of)
        self.arabic = LazyList(
            len(index.alias_key), lambda a_i: in_by_key(a_i) and is_arabic(index.alias_text[a_i])
        )
        self.postings, self.entities, self.spellings, self.holders = postings, entities, spellings, holders
        self.by_outline, self.by_start = by_outline, by_start
        self._near = {}
        self.acronyms = _acronym_holders(index)
        self.alias_entity = index.alias_entity
        return self

    def near(self, word: Word) -> set[int]:
        """Alias positions holding a word that may pair with ``word`` (remembered per word)."""
        found = self._near.get(word)
        if found is None:
            found = self._near[word] = frozenset(self._look_near(word))
        return set(found)

    def _look_near(self, word: Word) -> set[int]:
        out: set[int] = set()
        # A kin concept's names may pair with a word of another language, never with an English one.
        kin_forms = () if word.text in _ENGLISH_KIN else _KIN.get(word.concept, ())
        if word.concept == "@national" and word.text in _watani_keys():
            kin_forms = (*kin_forms, *_patriotic_keys())
        for form in {word.ident, word.text, *kin_forms} - {""}:
            out.update(self.postings.get(form, ()))
        number = _number(word.text)
        if number != word.text or word.text.isdigit():
            # A number is written with digits or in words, in any language ("8th", "Eighth",
            # "الثامن"): the names holding it in any form.
            for form in _number_forms(number):
                out.update(self.postings.get(form, ()))
        if word.kind == CONTENT:
            # The article glued to a word the normalizer keeps whole ("Aladl" is al-Adl: it cannot
            # tell "Al-amal" from "Alawite").
            bare = _unglued(word.text)
            if bare:
                out.update(self.postings.get(bare, ()))
        # Words spelled alike share their consonant outline or their first three letters: two
        # small tables stand in for a search of the whole vocabulary. A French or German shin
        # ("Chabab") is looked for as English writes it too.
        if word.kind == CONTENT and len(word.text) >= 3:
            self._spelled_near(out, (word.text, sh_respelled(word.text)))
            # The word may be written with another alphabet's letters (Cyrillic's h for kh, v for
            # w), whatever else is spelled like it: a registry that comes to hold "Ahmad" still
            # finds "Akhmat" for "Ахмат".
            self._spelled_near(out, (respell(word.text) for _, respell in _RESPELLINGS))
            # The Arabic tha that Persian, Turkish, Russian and Czech say and write as s: "Хуси",
            # "Húsí", the Houthis (al-Huthi); in Arabic script, a typo of ث as س ("حوسي"). Only a
            # name's word spelled so exactly: the alignment asks no less (:func:`_thaa_as_s`).
            for variant in _tha_for_s(word.text):
                out.update(self.postings.get(variant, ()))
            stem = next(filter(None, _slavic_stems(word.text)), "")  # both stems start alike
            for start in (stem[:3], "kh" + stem[1:2] if stem[:1] == "h" else "") if stem else ():
                for form in self.by_start.get(start, ()):
                    if slavic(word.text, form):
                        out.update(self.postings[form])
        return out

    def _spelled_near(self, out: set[int], texts: Iterable[str]) -> bool:
        """Add to ``out`` the names holding a word spelled like one of ``texts``; whether any was."""
        found = False
        for text in filter(None, texts):
            near = set(self.by_outline.get(normalize.key_skeleton(text), ()))
            near.update(self.by_start.get(text[:3], ()))
            for form in near:
                if (
                    token_close(text, form)
                    or derived(text, form)
                    or cognate(text, form)
                    or (len(form) >= 5 and plural_pair(text, form))
                ):
                    out.update(self.postings[form])
                    found = True
        return found

    def candidates(self, query: Sequence[Word]) -> set[int] | None:
        """The aliases that can hold every distinguishing word of the query (None: no such word)."""
        # Words that may be qualifiers (an acronym, a city, a people) need not pair: look up by the others.
        places, peoples = gazetteer(), people_countries()
        content = [
            w
            for w in query
            if w.kind == CONTENT and w.text not in self.acronyms and w.text not in places and w.text not in peoples
        ]
        if not content:
            content = [w for w in query if w.kind == CONTENT]
        if not content and any(w.kind == HEAD for w in query):
            # A place and a head word make a name of their own ("Sinaloa Cartel", "Mozambique Province").
            content = [w for w in query if w.kind == PLACE]
        if not content:
            return None
        # A word no name holds may still pair another way (initials, an ordinal, a spelling
        # the tables do not reach: "Civilian JTF", "Nihon Sekigun"): the words that do find
        # names give the candidates, and the alignment decides.
        found = sorted((near for near in (self.near(w) for w in content) if near), key=len)
        if not found:
            return set()
        # The rarest word may pair with the right name in a way its postings do not reach (a
        # translation, a compound, initials): every word that leaves few names adds them.
        few = [near for near in found if len(near) <= NARROW_ABOVE]
        if len(few) > 1:
            return set().union(*few)
        best = found[0]
        # A word many names hold leaves many candidates: those that also hold the query's other
        # words are the ones that can pair (a name of common words in a large registry).
        for other in found[1:]:
            if len(best) <= NARROW_ABOVE:
                break
            narrowed = best & other
            if not narrowed:
                break
            best = narrowed
        # Still hundreds, and every word common: the names that also hold a place or an acronym
        # the query writes. One that leaves it out could only match by setting it aside, and the
        # common words left would then refuse it ("Katayib al-Haq al-Islam" in a large registry).
        if len(best) > 8 * NARROW_ABOVE and all(self.entities.get(w.ident, 0) > GENERIC_ENTITIES for w in content):
            for w in query:
                if w.kind != HEAD and w not in content:
                    narrowed = best & self.near(w)
                    if narrowed:
                        best = narrowed
        if any(w.concept == "@province" for w in query) and {w.concept for w in content} <= _PARENT | {_CALIPHATE}:
            # A province is named by its place, its parent left out ("Estado Islâmico da Província
            # de Moçambique" and "Mozambique Province").
            for w in query:
                if w.kind == PLACE:
                    best = best | self.near(w)
        return best

    def _named_by(self, texts: AbstractSet[str]) -> set[int]:
        """The entities with a name whose own words (:func:`_own_words`) are among ``texts`` and
        that holds them all."""
        positions: set[int] | None = None
        for text in texts:
            found = set(self.postings.get(text, ()))
            positions = found if positions is None else positions & found
        return {self.alias_entity[a_i] for a_i in positions or () if _own_words(self.words[a_i]) <= texts}

    def distinctive(self, alignment: Alignment, countries: str = "", vowelless: bool = False) -> bool:
        """Whether the words the names share, spelled as the registry spells them, name few entities.

        One word few entities write is enough ("Hasm", "Suqour"); so are several words that few
        entities write together ("al-Wa'd al-Haq"). Translated words do not count: "Mujahideen
        Youth" keeps only "Mujahideen" spelled, which many groups write. ``vowelless``: one of
        the names is written in Arabic script, so its words may lack the other's short vowels.
        """
        # A one-word name and its English plural are one name ("Haqqanis", the Haqqani Network);
        # among other words a plural tells names apart ("Sheikhs of Dignity", "Sheikh of Dignity").
        alone = sum(1 for p in alignment.pairs if p.query.kind == CONTENT) == 1
        spelled = [
            p
            for p in alignment.pairs
            if p.query.kind == CONTENT
            and (
                p.how == "same"
                or (
                    p.how == "spelled"
                    and (_same_outline(p.query.text, p.alias.text, vowelless) or (alone and _plural_of(p)))
                )
            )
        ]
        # A city or a region is no group's distinctive word: "Tripoli" is not the "Tripoli Brigade",
        # nor "Tigray" the "Tigray Army" (spelled Tigrai there).
        spelled = [
            p
            for p in spelled
            if not is_place(p.query.text, countries) and not is_place(p.alias.text, countries)
        ]
        # Three words or more written alike that one entity alone holds together are its name,
        # however many others hold each ("Arakan Liberation Party": Arakan names five groups).
        # Not when a place is set aside or added: "Kurdistan Democratic Party" is not the
        # Democratic Party of Iranian Kurdistan.
        alike = {p.alias.text for p in spelled if p.how == "same"}
        if len(alike) >= 2 and not alignment.query_places:
            held = set.intersection(*(set(self.holders.get(text, ())) for text in alike))
            if len(held) == 1 and len(alike) >= JOINT_WORDS and not alignment.dropped_places:
                return True
            # Two words and the name's own place are a name when one entity alone has a name of
            # those words and no others of its own (head words, places and common words aside),
            # one of the two is a word few entities write, and nothing but one head word of the
            # name is left out ("Iranian Revolutionary Guards": "revolutionary" names 37 entities
            # here, "guard" 7; both are in the names of the Revolutionary Guards and of their Quds
            # Force, but only the Guards' are those words alone: "Iranian Revolutionary Guards
            # Corps"). Without the place, two such words are too often a phrase ("Democracy and
            # Development", "Southern Command"); with a place left out, the place's party
            # ("Partido Comunista" is not the "Partido Comunista del Perú"). Not when a word of
            # the two says who the members are: "Mujahideen Youth" describes fighters.
            if (
                len(alike) == 2
                and any(p.query.kind == PLACE for p in alignment.pairs)
                and not alignment.dropped_words
                and not alignment.dropped_places
                and len(alignment.dropped_heads) <= 1
                and any(self.spellings.get(text, 0) <= GENERIC_ENTITIES for text in alike)
                and not any(p.alias.concept in MEMBER_CONCEPTS for p in alignment.pairs if p.alias.text in alike)
                and len(self._named_by(alike)) == 1
            ):
                return True
        # A glossary word many groups use is no name's distinctive word, however rarely one
        # language spells it ("démocratique" is rare here; "democratic" is not; nor is the
        # Turkish "kurtuluş", liberation, though only one group here writes it).
        # An abbreviation read as its words ("Daesh") is a name, not a common word.
        # The query's glossary word counts as the name's when the name spells it a way the
        # glossary does not know: "Hizbi" (party) is read in "Hezbi Islami" as the word it is.
        expansions = vocabulary().expansions
        spelled = [
            p
            for p in spelled
            if self.entities.get(p.alias.concept or p.query.ident, 0) <= GENERIC_ENTITIES
            or not (p.alias.concept or p.query.concept)
            or p.alias.text in expansions
        ]
        if not spelled or sum(len(p.query.text) for p in spelled) < ANCHOR_LEN:
            return False
        together: set[int] | None = None
        for p in spelled:
            held_by = self.holders.get(p.alias.text, set())
            together = set(held_by) if together is None else together & held_by
        rare = any(self.spellings.get(p.alias.text, 0) <= RARE_ENTITIES for p in spelled)
        return rare and together is not None and len(together) <= ANCHOR_ENTITIES


def _own_words(words: Sequence[Word]) -> set[str]:
    """A name's own words: its content words but the common ones (:data:`GENERIC_CONCEPTS`)."""
    return {w.text for w in words if w.kind == CONTENT and w.concept not in GENERIC_CONCEPTS}


def _searchable(index: Index) -> set[int]:
    """The aliases the index can find by key: a copy of an index that hides an alias hides it here too."""
    from .index import Table

    # In no order: a table of a new index is not sorted just to be read whole.
    by_key = index.by_key
    return set(by_key.entries()[1] if isinstance(by_key, Table) else by_key.positions)


_Tables = tuple[dict[str, list[int]], dict[str, set[int]], dict[str, set[int]]]


def _word_tables(
    index: Index,
    vocab: Vocabulary,
    searchable: AbstractSet[int],
    start: int,
    stop: int,
    words: list[tuple[Word, ...]] | None = None,
    arabic: list[bool] | None = None,
) -> _Tables:
    """The postings, the entities holding each word and each spelling, of aliases ``start`` to ``stop``.

    With ``words`` and ``arabic``, each alias's words and whether it is in Arabic script are
    added to them (what a :class:`WordIndex` keeps; the cache does not).
    """
    postings: dict[str, list[int]] = {}
    holders: dict[str, set[int]] = {}
    spelled: dict[str, set[int]] = {}
    # Names with the same words share one tuple of them: the word stage aligns them once.
    shared: dict[tuple[Word, ...], tuple[Word, ...]] = {}
    keys, texts, entities = index.alias_key, index.alias_text, index.alias_entity
    for a_i in range(start, stop):
        if a_i not in searchable:
            if words is not None and arabic is not None:
                words.append(())
                arabic.append(False)
            continue
        key = keys[a_i]
        tokens = key.split()
        # analyse() itself, without its call for the usual name (no place of several words).
        found = (
            tuple(itertools.chain.from_iterable(map(_words_of, tokens)))
            if vocab.phrases_by_start.keys().isdisjoint(tokens) and _REDOUBLED.isdisjoint(tokens) and "wa" not in tokens
            else analyse(key, vocab)
        )
        in_arabic = is_arabic(texts[a_i])
        if in_arabic:
            found = split_particles(found)
        if words is not None and arabic is not None:
            found = shared.setdefault(found, found)
            words.append(found)
            arabic.append(in_arabic)
        e_i = entities[a_i]
        content = [w for w in found if w.kind != HEAD]
        for w in content:
            ident = w.concept or w.text
            postings.setdefault(ident, []).append(a_i)
            if ident != w.text:
                postings.setdefault(w.text, []).append(a_i)
            holders.setdefault(ident, set()).add(e_i)
            spelled.setdefault(w.text, set()).add(e_i)
        for x, y in itertools.pairwise(content):
            postings.setdefault(x.text + y.text, []).append(a_i)
    return postings, holders, spelled


def _outlines(postings: Mapping[str, Sequence[int]]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The forms of ``postings`` by their consonant outline and by their first three letters ("@" concepts aside)."""
    by_outline: dict[str, list[str]] = {}
    by_start: dict[str, list[str]] = {}
    for form in postings:
        if not form.startswith("@"):
            by_outline.setdefault(normalize.key_skeleton(form), []).append(form)
            by_start.setdefault(form[:3], []).append(form)
    return by_outline, by_start


#: The fewest aliases whose words are read in two processes when the cache's word tables are made.
FORKED_ALIASES = 20_000


def word_columns(index: Index) -> dict[str, Mapping[str, Any]]:
    """What :meth:`WordIndex.to_columns` gives for ``index``, without keeping the words of each name.

    For writing the cache, which keeps the tables alone: a large index's aliases are read in
    two halves, one in a forked process on the other core.
    """
    from .forked import halves

    vocab = vocabulary()  # made once, before the fork, for both
    searchable = _searchable(index)

    def part(start: int, stop: int) -> _Tables:
        return _word_tables(index, vocab, searchable, start, stop)

    (postings, holders, spelled), (more_postings, more_holders, more_spelled) = halves(
        part, len(index.alias_key), least=FORKED_ALIASES
    )
    # The upper half's positions follow the lower half's: each posting list stays in order.
    for form, where in more_postings.items():
        mine = postings.get(form)
        if mine is None:
            postings[form] = where
        else:
            mine += where
    for ident, es in more_holders.items():
        holders.setdefault(ident, set()).update(es)
    for text, es in more_spelled.items():
        spelled.setdefault(text, set()).update(es)
    return {
        "postings": postings,
        "entities": {ident: len(es) for ident, es in holders.items()},
        "holders": spelled,
        "by_outline": _outlines(postings)[0],
    }


def _acronym_holders(index: Index) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for form, a_i in zip(index.acronyms.forms, index.acronyms.positions, strict=True):
        out.setdefault(form, set()).add(index.alias_entity[a_i])
    return out


def people_tied(index: Index, e_i: int, people: str) -> bool:
    """Whether a name of entity ``e_i`` carries the name, the land or a word of the language of the
    people ``people`` (a keyed word of :data:`~aliasctl.matching.words.PEOPLES`): the YPG's
    "Yekîneyên Parastina Gel", the MNLA's "Azawad"."""
    marks = people_marks(people)
    return any(not marks.isdisjoint(index.alias_key[a_i].split()) for a_i in _entity_aliases(index, e_i))


def _people_untied(al: Alignment, index: Index, e_i: int) -> str:
    """Why a people the query puts beside the name is not the entity's ("" when none is)."""
    peoples = people_countries()
    for w in al.query_places:
        if w.text in peoples and not people_tied(index, e_i, w.text):
            return f"'{w.text}' names a people none of whose marks its names carry"
    return ""


def _edge_words(words: Sequence[Word], paired: AbstractSet[str]) -> set[int]:
    """The identities of the words at either end of a name that are places or peoples paired with
    no word of the other name, up to the first word that is not such a word: where a qualifier
    stands ("وحدات حماية الشعب الكردية السورية", "Kurdish People's Protection Units")."""
    peoples = people_countries()
    out: set[int] = set()
    for run in (words, list(reversed(words))):
        for w in run:
            if (w.kind != PLACE and w.text not in peoples) or w.text in paired:
                break
            out.add(id(w))
    return out


def _place_here(word: str, code: str, named: AbstractSet[str], vowelless: bool = True) -> bool:
    if code in people_countries().get(word, ()):
        return True  # a people of that country ("Kurdish", of Syria)
    if word in named:
        return code in gazetteer().get(word, frozenset())
    return is_place(word, code, vowelless=vowelless)


@lru_cache(maxsize=1 << 16)
def is_place(word: str, countries: str = "", *, vowelless: bool = True) -> bool:
    """Whether a word is a city or region of one of ``countries``: as listed, or spelled with other
    vowels ("Tigray", Tigrai) or without them (Arabic script: جنين, Jenin).

    Only the entity's own countries count: "Sukkur" in Pakistan does not make the Syrian
    "Suqur al-Sham" a place name. ``vowelless``: the word may come from Arabic script, so one
    with no vowel but a is compared by its outline alone.

    Remembered: the word stage asks it of a query's words for each candidate name's countries.
    """
    codes = [c for c in countries.split(",") if c]
    if not codes:
        return False
    if gazetteer().get(word, frozenset()) & set(codes):
        return True
    outline = normalize.key_skeleton(word)
    if consonants(outline) < 2:
        return False
    for code in codes:
        near = places_by_outline(code).get(outline)
        if not near:
            continue
        if vowelless and not any(ch in "eiou" for ch in word[1:]):
            return True  # written without short vowels: the outline is all there is to compare
        # The sh of Turkish and Kurdish place names (ş) is written s where the cedilla is lost:
        # "Sirnak" is Şırnak.
        plain = word.replace("sh", "s")
        for place in near:
            bare = place.replace("sh", "s")
            if vowel_apart(word, place) or plain == bare or vowel_apart(plain, bare):
                return True
    return False


def _same_outline(a: str, b: str, vowelless: bool = False) -> bool:
    # Vowels apart, the same word: one consonant outline, the same first letter, five letters or
    # more; four on one side when one name is written in Arabic script, without short vowels
    # ("القسام" is al-Qassam).
    if min(len(a), len(b)) < (4 if vowelless else 5) or max(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    outline = normalize.key_skeleton(a)
    return consonants(outline) >= 3 and outline == normalize.key_skeleton(b)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The word stage's best alignment for one entity."""

    entity: int
    alias: int
    alignment: Alignment
    #: It fits no better than the next verdict, whatever :attr:`fit` says (:func:`_body_translated`).
    even: bool = False

    @property
    def fit(self) -> tuple[int, int, int, int]:
        """How well the names fit: words set aside, words out of the alias's order, unit head
        words of another grammatical number, then words that had to be translated.

        Word order tells names apart in one language only: a name translated word by word
        ("Armée syrienne libre") fits "Free Syrian Army" and "Syrian Free Army" alike.
        """
        al = self.alignment
        # A word translated by a kin concept counts twice: the concept itself fits better.
        translated = sum({"concept": 1, "kin": 2}.get(p.how, 0) for p in al.pairs)
        return (al.drops, 0 if translated else al.order_breaks, _numbers_differ(al), translated + al.places_apart)

    @property
    def rank(self) -> tuple[int, int, int, int, float]:
        """The better fit first, then the closer spelling."""
        return (*self.fit, -self.alignment.similarity())


#: Unit head words by grammatical number: a unit of Jerusalem ("Jerusalem Brigade", Liwa al-Quds)
#: is not its brigades ("Brigate di Gerusalemme", Saraya al-Quds), though both words are a unit.
_ONE_UNIT = (
    "brigade", "brigata", "brigada", "brygada", "battalion", "bataillon", "batallón", "battaglione", "regiment",
    "régiment", "reggimento", "company", "unit", "unité", "liwa", "katiba", "katibat", "sariya", "fawj",
    "detachment", "squadron", "ταξιαρχία", "τάγμα", "бригада", "батальон", "полк", "لواء", "كتيبة", "سرية", "فوج",
    "tugay", "tugayı", "tabur", "taburu",
)
_MANY_UNITS = (
    "brigades", "brigate", "brigadas", "brygady", "brigaden", "bataillone", "batalhões", "battalions", "bataillons", "batallones", "battaglioni",
    "regiments", "régiments", "reggimenti", "companies", "units", "unités", "unidades", "alwiya", "kataib",
    "kata'ib", "kataeb", "katayib", "saraya", "afwaj", "detachments", "squadrons", "ταξιαρχίες", "τάγματα",
    "бригады", "батальоны", "ألوية", "كتائب", "سرايا", "أفواج", "brigăzile", "brigăzi", "brigadele",
    "tugaylar", "tugayları", "taburlar", "taburları",
)


#: Letters up to which a word of the glossary and a word it does not know, a letter shorter, are
#: two words (:func:`_glossary_apart`).
GLOSSARY_APART_LEN = 4


def _glossary_apart(one: Word, two: Word) -> bool:
    """Whether a short word of the glossary meets a word it does not hold that is a letter shorter:
    a word of a language is not a name's word that looks like it ("Ejército Rojo", the Red Army, is
    no "Roj Army"; "Cund", Turkish for jund, "Amel" and "Ahlu", Ahl with its case ending, are still
    their words)."""
    glossary, other = (one, two) if one.concept else (two, one)
    return (
        bool(glossary.concept)
        and not other.concept
        and len(glossary.text) == len(other.text) + 1
        and len(glossary.text) <= GLOSSARY_APART_LEN
    )


@lru_cache(maxsize=1)
def _unit_numbers() -> dict[str, int]:
    # Only the glossary's head words: a word it does not know as one is never paired as a head.
    heads = vocabulary().heads
    keyed = ((normalize.key(w), n) for n, words in ((1, _ONE_UNIT), (2, _MANY_UNITS)) for w in words)
    return {k: n for k, n in keyed if k in heads}


def _another_names_word(al: Alignment, words: WordIndex, entity: int) -> str:
    """Why a word of the query is another name's word as written, not a slip for the word it was
    paired with: one consonant apart ("Shabab", al-Shabaab's word, is no "Shabak"), when the
    entity's own names never write it so."""
    for p in al.pairs:
        if p.how != "spelled" or p.query.kind != CONTENT:
            continue
        q, a = p.query.text, p.alias.text
        if p.alias.concept or not _one_consonant_apart(q, a):
            continue
        held = words.holders.get(q)
        if held and entity not in held:
            return f"'{q}' is how other names write a word, not a slip for '{a}'"
    return ""


def _abbreviations_numbered(index: Index, number: str, seen: dict[str, set[int]]) -> set[int]:
    """The entities an abbreviation of which carries ``number`` ("MS-13"), kept in ``seen``."""
    if number not in seen:
        seen[number] = {
            index.alias_entity[a]
            for form, a in zip(index.acronyms.forms, index.acronyms.positions, strict=True)
            if number in re.findall(r"\d+", form)
        }
    return seen[number]


def _arabic_words(text: str) -> dict[str, str]:
    """The consonants as written (:func:`normalize.arabic_consonants`) of each word of a name in
    Arabic script, by the word's key (words whose key is one word only)."""
    out: dict[str, str] = {}
    for word in text.split():
        keyed = normalize.key(word)
        letters = normalize.arabic_consonants(word)
        if keyed and " " not in keyed and len(letters) == 1:
            out.setdefault(keyed, letters[0])
    return out


def _spelled_apart_in_arabic(al: Alignment, text: str, alias: str) -> str:
    """Why two names in Arabic script are not one though their words pair ("" if they are): a
    word paired by its spelling that Arabic letters write with other consonants ("الرقة", Raqqa,
    is not "البركة", al-Barakah, which romanizes a letter away)."""
    spelled = [p for p in al.pairs if p.how == "spelled" and p.query.kind != HEAD]
    if not spelled:
        return ""
    mine, theirs = _arabic_words(text), _arabic_words(alias)
    for p in spelled:
        a, b = mine.get(p.query.text), theirs.get(p.alias.text)
        if a and b and not _one_stem(a, b):
            return f"'{p.query.text}' and '{p.alias.text}' are other words in Arabic letters"
    return ""


#: The letters Arabic and Persian writers put for the sounds Arabic lacks, one for another: the g of
#: "جهنگوی" (Jhangvi) written ج, ق, غ or ك, the p as ب, the zh as ز, the v as ف.
_LOAN_LETTERS = str.maketrans({"ق": "ج", "غ": "ج", "ك": "ج", "ک": "ج", "گ": "ج", "چ": "ج", "پ": "ب", "ژ": "ز", "ڤ": "ف"})


def arabic_letters_agree(text: str, alias: str, loans: bool = False) -> bool:
    """Whether two names in Arabic script are written with the same consonants word for word
    (:func:`normalize.arabic_consonants`), a particle joined before a word or a plural's ending
    after it aside, or, in as many words otherwise, the same consonants in all. ``loans``: the
    letters for a sound Arabic lacks count as one (:data:`_LOAN_LETTERS`)."""
    a, b = normalize.arabic_consonants(text), normalize.arabic_consonants(alias)
    if loans:
        a, b = [w.translate(_LOAN_LETTERS) for w in a], [w.translate(_LOAN_LETTERS) for w in b]
    if len(a) == len(b):
        return all(_one_stem(x, y) for x, y in zip(a, b, strict=True))
    return "".join(a) == "".join(b)


def arabic_words_within(alias: str, text: str) -> bool:
    """Whether every word of a name in Arabic script is written, with its consonants, among the
    words of another (:func:`arabic_letters_agree`'s words): "الجبهة الشعبية لتحرير إريتريا" within
    "قوات الجبهة الشعبية لتحرير إريتريا"; not "ولاية البركة" within "ولاية الرقة"."""
    mine = normalize.arabic_consonants(text)
    return all(any(_one_stem(w, x) for x in mine) for w in normalize.arabic_consonants(alias))


#: Letters Arabic joins before a word (wa-, bi-, li-, fa-, ka-) and ends a plural with (-ūn, -īn,
#: -āt, -ān), as :func:`normalize.arabic_consonants` leaves them.
_ARABIC_PARTICLES = frozenset("وبلفك")
_ARABIC_ENDINGS = frozenset("نت")


def _one_stem(a: str, b: str) -> bool:
    """Whether two Arabic words' consonants (:func:`_arabic_words`) are one word's, a particle
    joined before it or a plural's ending after it aside ("الإسلاميين" and "الإسلامية", "لجماعة"
    and "جماعة"; not "الرقة" and "البركة")."""

    def bare(x: str) -> str:
        return x[:-1] if len(x) > 3 and x[-1] in _ARABIC_ENDINGS else x

    a, b = bare(a), bare(b)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and long[0] in _ARABIC_PARTICLES and long[1:] == short


def _held_together(words: WordIndex, name: Sequence[Word], heads: bool = False) -> set[int]:
    """The entities whose names hold every content word of ``name`` (and, with ``heads``, in one
    name with its head words), spelled as it spells them."""
    if heads:
        texts = {w.text for w in name if w.kind in (CONTENT, HEAD)}
        content = [w for w in name if w.kind == CONTENT]
        if not content:
            return set()
        return {
            words.alias_entity[a]
            for a in words.postings.get(content[0].ident, ())
            if texts <= {w.text for w in words.words[a]}
        }
    held: set[int] | None = None
    for w in name:
        if w.kind == CONTENT:
            found = set(words.holders.get(w.text, ()))
            held = found if held is None else held & found
    return held or set()


def _next_to(name: Sequence[Word], a: str, b: str) -> bool:
    """Whether two words stand next to each other in a name, in either order."""
    texts = [w.text for w in name]
    return any({x, y} == {a, b} for x, y in itertools.pairwise(texts))


def _place_of_another_name(al: Alignment, query: Sequence[Word], words: WordIndex, index: Index, entity: int) -> str:
    """Why a place the query adds, a region or a town of one word, is no qualifier: with a word of
    the query beside it that paired, both held by few names, it is a word of another entity's
    name, which holds the two side by side, and of none of this entity's ("Kuki Chin National
    Army" is the Kuki-Chin National Front's army, not the Kuki National Army in Chin State). ""
    when it is a qualifier."""
    paired = {id(p.query) for p in al.pairs}
    countries = vocabulary().places
    for w in al.query_places:
        if entity in words.holders.get(w.text, ()) or w.text in countries or " " in w.text:
            continue  # a country says where, whatever names hold it
        at = next((i for i, q in enumerate(query) if q.text == w.text), -1)
        for n in (query[at - 1] if at > 0 else None, query[at + 1] if 0 <= at < len(query) - 1 else None):
            if n is None or n.kind != CONTENT or id(n) not in paired:
                continue
            if max(len(words.holders.get(w.text, ())), len(words.holders.get(n.text, ()))) > GENERIC_ENTITIES:
                continue  # a country and a common word many names hold ("Jaish al-Islam Syria")
            both = set(words.postings.get(w.text, ())) & set(words.postings.get(n.text, ()))
            if any(
                index.alias_entity[a] != entity and _next_to(words.words[a], w.text, n.text)
                for a in both
            ):
                return f"'{w.text}' beside '{n.text}' is a word of another entity's name, not a place added"
    return ""


#: Head words that only say a name is a body of men: a report adds them to any name.
_GENERIC_BODIES = frozenset(("@group", "@militia", "@forces", "@organization", "@network", "@movement", "@unit"))


def _aliases_of(index: Index, entity: int, a_i: int) -> Iterator[int]:
    """The positions of the entity's aliases: together in the index, around its alias ``a_i``."""
    for step in (-1, 1):
        b = a_i if step == -1 else a_i + 1
        while 0 <= b < len(index.alias_entity) and index.alias_entity[b] == entity:
            yield b
            b += step


def _own_translation(index: Index, entity: int, a_i: int) -> bool:
    """Whether the entity has a translated name of its own, not one others bear."""
    return any(
        index.alias_type[b] == "translation" and not index.alias_shared[b] for b in _aliases_of(index, entity, a_i)
    )


def _named_after_person(index: Index, entity: int, a_i: int) -> bool:
    """Whether a name of the entity says it is named after a person (:func:`normalize.names_after`:
    "Батальон имени Джохара Дудаева")."""
    return any(normalize.names_after(index.alias_text[b]) for b in _aliases_of(index, entity, a_i))


def _one_consonant_apart(a: str, b: str) -> bool:
    """Whether two words of one length differ by one consonant in its place (a slip, or another word)."""
    if len(a) != len(b):
        return False
    apart = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(apart) == 1 and not (set(apart[0]) & set("aeiouy"))


def _numbers_differ(al: Alignment) -> int:
    """How many paired unit head words are one on one side and several on the other."""
    numbers = _unit_numbers()
    return sum(
        1
        for p in al.pairs
        if p.query.kind == HEAD and numbers.get(p.query.text, 0) * numbers.get(p.alias.text, 0) == 2
    )


_T = TypeVar("_T")


def _pick(values: Sequence[_T], positions: list[int]) -> list[_T]:
    """``values`` at ``positions``, worked out in one call when they are worked out on use."""
    from .columns import LazyList

    return values.many(positions) if isinstance(values, LazyList) else [values[i] for i in positions]


def judge(
    index: Index,
    words: WordIndex,
    text: str,
    query: tuple[Word, ...],
    countries: Sequence[str],
    disabled: Iterable[str] = (),
    near: Iterable[int] = (),
    members: bool = False,
) -> tuple[list[Verdict], str]:
    """Every entity whose names pass the word stage, best first, and why the nearest refused one failed.

    Args:
        index: the compiled index.
        words: its :class:`WordIndex`.
        text: the query as written (its script matters).
        query: the query's words.
        countries: each entity's countries, comma-separated, by entity position.
        disabled: features (:data:`FEATURES`) not to use.
        near: alias positions the fuzzy stage found nearest: the reason names their refusal first.
        members: the query was read from a word for a group's members (:func:`_alone`).
    """
    off = set(disabled)
    prefer = set(near)
    content = " ".join(w.text for w in query if w.kind != HEAD)
    if not any(w.kind == HEAD for w in query) and content in gazetteer():
        return [], f"'{content}' is a place"
    query_arabic = is_arabic(text)
    if query_arabic:
        query = split_particles(query, words.holders)
    cands = words.candidates(query)
    if not cands:
        return [], ""
    cands |= {a for a in prefer if words.words[a]}
    nearest = ""
    # A word written as a word, a capital and small letters, is not an acronym: "Unità di resistenza
    # Sinjar" is an Italian unit, not UNITA. Written all in small letters, it may be either, and
    # counts as the acronym still ("farc").
    titled = {normalize.key(t) for t in text.split() if len(t) > 2 and t[0].isupper() and t[1:].islower()}
    acr = frozenset(w.text for w in query if w.kind == CONTENT and w.text in words.acronyms and w.text not in titled)
    # A word one or two entities write is a name's own word; a place recurs in many names ("Derna").
    named = frozenset(
        w.text for w in query if w.kind == CONTENT and 0 < words.entities.get(w.text, 0) <= ANCHOR_ENTITIES
    )
    best: dict[int, Verdict] = {}
    carried: dict[int, Verdict] = {}  # by names marked shared
    refusals: Counter[str] = Counter()
    guarded: Counter[str] = Counter()
    # What a report says the members are, the query may add or leave out ("Houthi rebels"); one
    # inside a registry name is part of it ("People's Liberation Guerrilla Army").
    said_tokens = normalize.key(text).split()
    said = not _descriptor_keys().isdisjoint(said_tokens)
    # One inside the query's name, neither its first word nor its last, may be part of the name
    # ("People's Guerrilla Army"): set aside, it widens the name as a head word does ("Holy Spirit
    # rebel movement" keeps a distinctive name; "People's Army" does not).
    # (the words a report puts before or after the name, an article or such words, are not
    # inside it: "die Terrorgruppe Islamischer Staat", "la banda criminal Abna al-Iraq")
    edge = vocabulary().stopwords
    start, end = 0, len(said_tokens)
    while start < end and said_tokens[start] in edge:
        start += 1
    while end > start and said_tokens[end - 1] in edge:
        end -= 1
    framed = said_tokens[max(start - 1, 0) : end + 1]
    # nor one after a word for a body that opens the query: "Kelompok pemberontak Barisan Revolusi
    # Nasional" (the rebel group BRN), "grupo terrorista ...", as Indonesian and Romance order them
    # (the Persian state press's "گروهک تروریستی" is set aside whole, as what a state has made of it)
    heads = vocabulary().heads if _script(text) == "LATIN" else {}
    opener = 1 if start > 0 else 0
    inside_said = [
        t
        for i, t in enumerate(framed[1:-1], 1)
        if t in _descriptor_keys()
        and not (i == opener + 1 and heads.get(framed[opener]) in BODY_HEADS)
        and framed[i + 1] not in edge
        and framed[i + 1] not in gazetteer()
        and not is_place(framed[i + 1])
    ]
    person = _a_persons_name(query, text, words)
    # Burmese, Thai or Chinese read letter by letter give no words to leave one out of.
    worded = _script(text) in _WORDED_SCRIPTS
    # Names with the same words, of entities in the same countries, meet the query alike (a
    # registry writes a name several ways that key alike, and many entities share countries):
    # each such name is aligned once. The word index keeps one tuple of words for such names,
    # so that the tuple itself, not its words, tells them apart.
    aligned: dict[tuple[int, str, bool], Alignment | str] = {}
    numbers = [w for w in query if w.kind == CONTENT and w.text.isdigit()]
    # and the entities whose abbreviations carry them ("MS-13"), looked up once a name needs it
    numbered: dict[str, set[int]] = {}
    ordered = sorted(cands)
    for a_i, alias_words, alias_arabic in zip(ordered, _pick(words.words, ordered), _pick(words.arabic, ordered), strict=True):
        e_i = index.alias_entity[a_i]
        where = countries[e_i]
        arabic = query_arabic or alias_arabic
        result = aligned.get((id(alias_words), where, arabic))
        if result is None:
            result = aligned[id(alias_words), where, arabic] = align(
                query, alias_words, acr, where, arabic, named, query_arabic
            )
        if isinstance(result, str) and numbers:
            # A number the entity's other names carry, which this one leaves out ("Mara
            # Salvatrucha-13" and "Mara Salvatrucha"; the MS-13): the same name, numbered.
            own = [
                w
                for w in numbers
                if e_i in words.holders.get(w.text, ()) or e_i in _abbreviations_numbered(index, w.text, numbered)
            ]
            if own:
                result = align(
                    tuple(w for w in query if w not in own), alias_words, acr, where, arabic, named, query_arabic
                )
        if not isinstance(result, str) and query_arabic and alias_arabic:
            result = _spelled_apart_in_arabic(result, text, index.alias_text[a_i]) or result
        if isinstance(result, str):
            refusals[result] += 1
            if a_i in prefer:
                nearest = nearest or result
            continue
        reason = (
            _people_untied(result, index, e_i)
            or ("" if arabic else _another_names_word(result, words, e_i))
            or _refuse(
                result, words, where, e_i, off, index, arabic, query, index.alias_type[a_i] == "translation", a_i,
                said or members, person,
            )
            or _one_word(result, query_arabic != alias_arabic, _spelled_out_in_latin(index, a_i))
            or _alone(result, query, said or members)
            or _descriptor_left_out(index.alias_key[a_i], said)
            or _descriptor_set_aside(inside_said, index.alias_key[a_i], result, words, where)
            or (
                "a word inside a name is set aside only in a script written in words"
                if not worded and any(w.concept not in GENERIC_CONCEPTS for w in result.dropped_words)
                else ""
            )
        )
        if reason:
            guarded[reason] += 1
            if a_i in prefer:
                nearest = reason
            continue
        verdict = Verdict(e_i, a_i, result)
        into = carried if index.alias_shared[a_i] else best
        if e_i not in into or verdict.rank < into[e_i].rank:
            into[e_i] = verdict
    ranked = sorted(best.values(), key=lambda v: (v.rank, v.alias))
    shared = carried.get(ranked[0].entity) if ranked else None
    if shared is not None and not shared.alignment.drops:
        # The best entity's name that others bear too, paired whole, is the query when the best's
        # own name needed its place set aside ("Partisans de la Charia" is "Ansar al-Sharia", the name
        # of five groups, not "Ansar al-Charia in Libya" without its place), or met the query only
        # translated word by word while the name others bear is spelled as the query spells it
        # ("Front de libération nationale" is the "National Liberation Front" of many movements, not
        # the NFL's "Jabhat al-Wataniya lil-Tahrir" translated).
        al = ranked[0].alignment
        placed_only = al.drops == len(al.dropped_places) > 0
        translated = all(p.how == "concept" for p in al.pairs)
        # So is a name translated word by word that meets a translated name marked shared as fully,
        # when the best entity has no translated name of its own ("Islamische Partei" is the
        # "Islamic Party" of several, not "Hizbul Islaami" translated; "Islamischer Staat" stays
        # the Islamic State's).
        closely = (
            index.alias_type[shared.alias] == "translation"
            and len(shared.alignment.pairs) >= len(al.pairs)
            and not _own_translation(index, ranked[0].entity, ranked[0].alias)
        )
        if placed_only or (translated and (closely or not any(p.how == "concept" for p in shared.alignment.pairs))):
            ranked[0] = shared
    # A name several groups carry (``shared``) decides nothing by itself, word by word either; but
    # when it pairs with as few words set aside as the best other, however its words pair, and the
    # best's entity is not among those it names, the query may be that name and so names several
    # groups ("Djihad islamique" is "Islamic Jihad" as much as the IJU's "al-Djihad al-Islami";
    # "Etat islamique" stays the Islamic State, which "Dawlah Islamiyah" names among others).
    # Only a shared name the query is, with nothing of either set aside (a place the query adds
    # narrows it: "National Council of Resistance of Iran" is the MEK's, not any such council).
    others = sorted(
        (v for e, v in carried.items() if e not in best and not v.alignment.drops and not v.alignment.query_places),
        key=lambda v: (v.rank, v.alias),
    )
    if others and (
        not ranked
        or (
            others[0].fit[0] <= ranked[0].fit[0]
            and ranked[0].entity not in index.key_holders(others[0].alias)
            and not _body_named(index, words, others[0].alias, ranked[0].entity)
        )
    ):
        ranked.insert(0, others[0])
    elif ranked and not _word_for_word(ranked[0]):
        # The query is a shared name word for word (no word more: "Saraya al-Quds Brigades" is
        # the PIJ's name with its head word translated too), and the best only a spelling of it: "Jund
        # al-Khilafah militants" is the name the Algerian and the Tunisian groups share, not the
        # Algerian group's "Jund al Khilifah". An abbreviation beside it that several groups bear
        # too does not narrow it: "volontaires pour la défense de la patrie (VDP)" is the name and
        # the abbreviation of Burkina Faso's volunteers and of Congo's Wazalendo alike.
        undecided = [w for w in ranked[0].alignment.acronyms if len(words.acronyms.get(w.text, ())) > 1]
        same = sorted(
            (
                v
                for v in carried.values()
                if _word_for_word(v)
                and not v.alignment.drops
                and len(words.words[v.alias]) == len(query) - len(undecided)
                and len(v.alignment.acronyms) == len(undecided)
            ),
            key=lambda v: (v.rank, v.alias),
        )
        if same:
            ranked = [same[0], *(v for v in ranked if v.entity != same[0].entity)]
    if not ranked:
        # A name several groups carry, with a place of the query's that only some of them are in,
        # names those: "Ansar al-Islam Bangladesh" is the Bangladeshi group of that name (two ties
        # stay ambiguous).
        ranked = sorted(
            (v for v in carried.values() if v.alignment.query_places and v.alignment.drops == len(v.alignment.query_places)),
            key=lambda v: (v.rank, v.alias),
        )
    if len(ranked) > 1 and _body_translated(index, words, ranked[0], ranked[1]):
        ranked[0] = replace(ranked[0], even=True)
    # A name that paired word for word but was stopped by a guard came closest: say why first.
    # The nearest name by spelling, when it was looked at, says it best.
    why = nearest or ((guarded or refusals).most_common(1)[0][0] if (guarded or refusals) else "")
    return ranked, why


def spelled_out(
    index: Index, text: str, query: Sequence[Word], countries: Sequence[str], words: WordIndex | None = None
) -> tuple[int | None, str]:
    """The one acronym whose letters are the initials of the query's words, or why there is none.

    "United Somali Congress" for "USC", "Coordinadora Nacional Ejército Bolivariano" for "CNEB":
    a registry that holds a group by its abbreviation alone still knows it written out. Initials
    are weak evidence, since many names share them, so the abbreviation must be
    :data:`SPELLED_OUT_LEN` letters or more, written by one entity only, and the query must not name
    a place that entity is not in. Without a place of the entity's among its words, the
    abbreviation must be :data:`SPELLED_OUT_ALONE_LEN` letters or more and the query must hold a
    word that is not a common word, or, given ``words`` (the :class:`WordIndex`), the entity's
    names must bear three letters out (:func:`_initials_borne_out`): "Ambazonia Military Council"
    for AMC, beside the "Ambazonia Self-Defence Council" and the "Ambazonia Military Forces".

    Returns:
        The acronym's alias position (or None), and the reason when an acronym was found but refused
        (when found, how a word of its entity's names bore it out, or "").
    """
    if is_arabic(text) or len(query) < SPELLED_OUT_LEN:
        return None, ""
    # The words as keyed, and as written: the key leaves out "All" and "Wa" ("All Burma Students'
    # Democratic Front", ABSDF; "United Wa State Army", UWSA).
    keyed = "".join(part[0] for w in query for part in w.text.split())
    hits: list[int] = []
    # A name in another script is spelled by its words as read ("स्टुडंट्स इस्लामिक मूव्हमेंट ऑफ
    # इंडिया", SIMI), not by the first letters its syllables are transliterated with ("할리스코 신세대
    # 카르텔", the Jalisco cartel, is not the PKK's HSK).
    written = _written_initials(text) if _script(text) == "LATIN" else keyed
    for letters in dict.fromkeys((keyed, written)):
        if len(letters) >= SPELLED_OUT_LEN:
            hits = index.acronyms.get(letters) or []
            if hits:
                break
    if not hits:
        return None, ""
    written = " ".join(text.split())
    person = next((w.text for w in query if w.text in PERSON_MARKERS), "") or _saint_named(query)
    said = not _descriptor_keys().isdisjoint(normalize.key(text).split())
    if person and not said and not any(w.kind == HEAD for w in query):
        # "Tariq ibn Ziyad" is the general the TBZ brigade is named after, not its initials.
        return None, f"'{written}' is a person's name ('{person}'), not an abbreviation's words"
    held = {index.alias_entity[a_i] for a_i in hits}
    if len(held) > 1 or any(index.alias_shared[a_i] for a_i in hits):
        return None, f"'{written}' spells '{letters}', which abbreviates the names of several entities"
    a_i = hits[0]
    e_i = index.alias_entity[a_i]
    for tok in written.split():
        if tok.isupper() and index.acronyms.get(normalize.acronym_key(tok)):
            return None, f"'{written}' spells '{letters}', but holds the acronym '{tok.strip('()[],')}' besides"
    # The registry may write the abbreviation out already ("Front pour l'alternance et la concorde
    # au Tchad" for FACT): a query that spells it too but shares none of its own words is another
    # name ("Federation of Associations of Canadian Tamils").
    expansions = [b for b in _entity_aliases(index, e_i) if _spells(index, b, letters)]
    if expansions and not any(
        _share_a_name_word(query, words) and not _another_word_in_place(query, words)
        for words in (analyse(index.alias_key[b]) for b in expansions)
    ):
        return None, (
            f"'{written}' spells '{letters}', but its entity writes that out as '{index.alias_text[expansions[0]]}'"
        )
    own = {c for c in countries[e_i].split(",") if c}
    region = country = False
    for w in query:
        if w.kind == PLACE:
            if w.concept in own:
                country = True
            elif gazetteer().get(w.text, frozenset()) & own:
                region = True  # a region named as a country is ("Niger" in Nigeria)
            else:
                where = ", ".join(sorted(own)) or "no country"
                return None, f"'{written}' spells '{letters}', but '{w.text}' is not among its entity's countries ({where})"
        elif w.kind == CONTENT and not w.concept and is_place(w.text, countries[e_i]):
            region = True
    # A region or a city of the entity's narrows the name to it ("Niger Delta Avengers"); a country
    # does only with a head word that makes the name an armed body's ("Sudan People's Liberation
    # Army"): "Nigerian Defence Academy" spells NDA too.
    if region or (country and any(w.kind == HEAD for w in query)):
        return a_i, ""
    if len(letters) < SPELLED_OUT_ALONE_LEN:
        borne = _initials_borne_out(index, words, query, e_i, text.isascii()) if words is not None else None
        if borne is not None:
            word, b = borne
            return a_i, f"and it shares '{word}' with its name '{index.alias_text[b]}'"
        return None, f"'{written}' spells '{letters}', too few letters to tell a name by without a place"
    if all(w.concept or w.kind == HEAD for w in query):
        return None, f"'{written}' spells '{letters}', but its words are all common words"
    return a_i, ""


#: How few letters an abbreviation the registry does not hold may have, by script: a Latin one of
#: three letters is the initials of too many names (and of words: "SAA", "IDF"); Cyrillic and Greek
#: abbreviations of registry names are few ("ИДУ").
ABBREVIATION_MIN = {"LATIN": 4, "CYRILLIC": 3, "GREEK": 3}


def _script(text: str) -> str:
    """The one script of a name's letters ("LATIN", "CYRILLIC", ...), or "" when they mix scripts
    or there are none (:func:`aliasctl.normalize.script_of` gives the main one)."""
    if text.isascii():
        return "LATIN" if any(c.isalpha() for c in text) else ""
    scripts = {normalize.script_of_char(c) for c in text if c.isalpha()}
    if len(scripts) != 1:
        return ""
    return scripts.pop() or ""


def _abbreviation_letters(text: str) -> tuple[str, str]:
    """The letters of a query written as an abbreviation ("FPLP-CG": "fplpcg"), with its script;
    ("", "") when it is not one: one token, every letter a capital, no digit."""
    token = text.strip().strip("()[]\"'«»“”„")
    if not token or any(c.isspace() or c.isdigit() or c.islower() for c in token):
        return "", ""
    if any(not (c.isalpha() or c in "-/.&") for c in token):
        return "", ""
    script = _script(token)
    letters = [c for c in token if c.isalpha()]
    if len(letters) < ABBREVIATION_MIN.get(script, 10**6):
        return "", ""
    # A letter as its name's first letter reads in Latin: "Ш" is the s of "Шейха" (sheikha).
    return "".join(unidecode(c)[:1].lower() for c in letters), script


#: A word's elided article or preposition, which an abbreviation leaves out ("l'Afrique", "d'Al").
_ELIDED = re.compile(r"^(?:l|d|qu|s|n|j|c)'(?=[^\W_])")


def _unbracketed(text: str) -> str:
    # A part in brackets qualifies a name and is not abbreviated with it: "Communist Party of India
    # (Maoist)" is the CPI (Maoist), and "CPIM" the Communist Party of India (Marxist).
    return re.sub(r"\s*[(\[][^)\]]*[)\]]", " ", text)


def _keyed_initials(text: str, key: str, stop: AbstractSet[str]) -> str:
    if "(" in text or "[" in text:
        key = normalize.key(_unbracketed(text))
    return "".join(w[0] for w in key.split() if w not in stop and len(w) > 1)


def _initials_as_written(text: str, stop: AbstractSet[str]) -> str:
    """The first letters of a name's words as written, function words, elided articles and single
    letters left out; an apostrophe inside a word does not split it ("Kata'ib", "Jama'at")."""
    words = re.findall(r"[^\W_]+(?:'[^\W_]+)*", unidecode(_unbracketed(text).replace("’", "'")).casefold())
    kept = (_ELIDED.sub("", w).replace("'", "") for w in words)
    return "".join(w[0] for w in kept if len(w) > 1 and w not in stop)


#: English words that join a name's parts and that the other languages' abbreviations leave out.
_ENGLISH_LINKS = frozenset(("the", "an", "for", "of", "in", "and", "to", "on", "against", "from", "with", "by"))


def _romance_initials(text: str, stop: AbstractSet[str]) -> str:
    """The initials of an English name with its words in the order French, Spanish, Portuguese and
    Italian put them: the noun first, the words before it after it, turned round ("Popular Front for
    the Liberation of Palestine" is the "Front populaire de libération de la Palestine", FPLP;
    "Libyan Arab Armed Forces" the "Fuerzas Armadas Árabes Libias", FAAL; the "Islamic
    Revolutionary Guard Corps" the "Corps des gardiens de la révolution islamique", CGRI). Those
    languages' words for most words of such names begin with the English word's letter.

    A run of words between English function words is turned round when its last word is a word for
    a body (:data:`~aliasctl.matching.words.HEADS`, or a party; not a province, which those
    languages name before its parent: "État islamique – Province du Sinaï") and its first is not (a
    name that puts its head word first, "Jabhat Tahrir", is in that order already), and the words
    before it are all glossary words or places: a person's name is not turned as an adjective is
    ("Holy Spirit Mobile Force"). Only a name in ASCII letters with no function word of another
    language ("al", "de", "ul") is English enough to be turned. "" when no run turns round.
    """
    if not text.isascii():
        return ""
    vocab = vocabulary()
    found = re.findall(r"[^\W_]+(?:'[^\W_]+)*", _unbracketed(text).casefold())
    runs: list[list[str]] = [[]]
    for w in (_ELIDED.sub("", w).replace("'", "") for w in found):
        if len(w) <= 1:
            continue
        if w in _ENGLISH_LINKS:
            runs.append([])
        elif w in stop:
            return ""  # a function word of another language: no English name
        else:
            runs[-1].append(w)

    def common(word: str) -> bool:
        k = normalize.key(word)
        return k in vocab.heads or k in vocab.concepts or k in vocab.places

    turned = False
    out: list[str] = []
    for run in filter(None, runs):
        last, first = normalize.key(run[-1]), normalize.key(run[0])
        body = vocab.heads.get(last) or vocab.concepts.get(last, "")
        if (
            len(run) >= 2
            and (last in vocab.heads or body == "@party")
            and body != "@province"
            and first not in vocab.heads
            and all(common(w) for w in run[:-1])
        ):
            turned = True
            out += [run[-1], *reversed(run[:-1])]
        else:
            out += run
    return "".join(w[0] for w in out) if turned else ""


def in_romance_order(text: str, letters: str) -> bool:
    """Whether ``letters`` are the initials of ``text`` only in the order :func:`_romance_initials`
    puts its words."""
    stop = vocabulary().stopwords - _INITIAL_WORDS
    plain = (_initials_as_written(text, stop), _keyed_initials(text, normalize.key(text), stop))
    return letters not in plain and letters == _romance_initials(text, stop)


def _initials_table(index: Index, words: WordIndex) -> dict[tuple[str, str], frozenset[int]]:
    """Per script and initials, the entities a name of which they spell, as written and as keyed
    (function words left out; shared names, which name other groups too, and Arabic-script names,
    which are not abbreviated by initials, left out)."""
    found = getattr(words, "_initials", None)
    if found is not None:
        return found  # type: ignore[no-any-return]
    stop = vocabulary().stopwords - _INITIAL_WORDS
    table: dict[tuple[str, str], set[int]] = {}
    for a_i, text in enumerate(index.alias_text):
        key = index.alias_key[a_i]
        if " " not in key or index.alias_shared[a_i]:
            continue
        script = _script(text)
        if script not in ABBREVIATION_MIN:
            continue
        keyed = _keyed_initials(text, key, stop) if script == "LATIN" else ""
        turned = _romance_initials(text, stop) if script == "LATIN" else ""
        for letters in {keyed, _initials_as_written(text, stop), turned}:
            if len(letters) >= ABBREVIATION_MIN[script]:
                table.setdefault((script, letters), set()).add(index.alias_entity[a_i])
    out = {k: frozenset(v) for k, v in table.items()}
    words._initials = out  # type: ignore[attr-defined]
    return out


def abbreviated(index: Index, words: WordIndex, text: str) -> list[int]:
    """Names the query abbreviates, one per entity: "SDLA" for the "Sindhudesh Liberation Army",
    "ИДУ" for "Исламское движение Узбекистана", when the registry does not hold the abbreviation
    itself.

    The query must be written as one: one token of capitals (:data:`ABBREVIATION_MIN` letters or
    more, no digit), not a word of the glossary or a place; only names in its script count.

    Returns:
        For each entity one of whose names it spells, the position of the first such name.
    """
    letters, script = _abbreviation_letters(text)
    if not letters:
        return []
    vocab = vocabulary()
    plain = letters if script == "LATIN" else normalize.key(text)
    if (
        plain in vocab.concepts
        or plain in vocab.heads
        or plain in vocab.places
        or plain in vocab.stopwords
        or gazetteer().get(plain)
    ):
        return []
    held = _initials_table(index, words).get((script, letters))
    if not held:
        return []
    stop = vocab.stopwords - _INITIAL_WORDS
    out = []
    for e_i in sorted(held):
        names = [a_i for a_i in _entity_aliases(index, e_i) if " " in index.alias_key[a_i] and _script(index.alias_text[a_i]) == script]
        # A name the letters spell in its own order before one they spell in another's.
        spells = [
            a_i
            for a_i in names
            if letters in (_initials_as_written(index.alias_text[a_i], stop), _keyed_initials(index.alias_text[a_i], index.alias_key[a_i], stop))
        ] or [a_i for a_i in names if script == "LATIN" and letters == _romance_initials(index.alias_text[a_i], stop)]
        if spells:
            out.append(spells[0])
    return out


def _initials_borne_out(
    index: Index, words: WordIndex, query: Sequence[Word], e_i: int, latin: bool = True
) -> tuple[str, int] | None:
    """The initials of a query spell entity ``e_i``'s three-letter acronym: whether its names bear
    them out, and by which word of the query's own and which name (None when they do not).

    Every word of the query but a place must be a word of one of the entity's names, spelled alike
    or meaning the same ("Ambazonia Military Council": "Ambazonia Self-Defence Council", "Ambazonia
    Military Forces"): "World Travel Market" is no name of the LTTE's, whose WTM it spells. No name
    of the entity may hold all those words and one of its own besides ("Kuki National Front" is
    not the Kuki-Chin National Front's KNF). And one of those words must be a word of the name's
    own (four letters or more, no glossary word, place or number) that at most
    :data:`RARE_ENTITIES` entities write, as the query spells it and as the name does: "Tamil" or
    "Baloch" is in too many names to bear out a set of initials. A word of its own that all the
    entity's names in Latin letters write must be among the words of a query so written
    (``latin``).
    """
    names = [(b, analyse(index.alias_key[b])) for b in _entity_aliases(index, e_i) if index.alias_type[b] != "acronym"]
    wanted = [w for w in query if w.kind != PLACE]
    if not names or not wanted:
        return None
    if not all(any(_same_word(w, x) for _, name in names for x in name) for w in wanted):
        return None
    # A word of its own that every name of the entity in Latin letters writes is its name,
    # and must be among the query's words: "Imam Battalion Jamaat" is no name of the Katibat Imam
    # al-Bukhari, whose names all say "Bukhari".
    written = [name for b, name in names if index.alias_text[b].isascii()] if latin else []
    core = set.intersection(*({x.text for x in name if x.kind == CONTENT and not x.concept} for name in written)) if written else set()
    if any(not any(_same_word(w, Word(c, CONTENT)) for w in wanted) for c in core):
        return None
    for _, name in names:
        if all(any(_same_word(w, x) for x in name) for w in wanted) and any(
            x.kind == CONTENT and not x.concept and not any(_same_word(w, x) for w in wanted) for x in name
        ):
            return None
    for w in wanted:
        if w.kind != CONTENT or w.concept or len(w.text) < 4 or w.text[:1].isdigit():
            continue
        if words.entities.get(w.text, 0) > RARE_ENTITIES:
            continue
        for b, name in names:
            for x in name:
                if _same_word(w, x) and 0 < words.entities.get(x.text, 0) <= RARE_ENTITIES:
                    return w.text, b
    return None


def _same_word(w: Word, x: Word) -> bool:
    """Whether a query's word is a name's word: of one meaning (head words of one kind), or a word
    of the name's own spelled alike, about as long ("Tamil" is not the glued "Tamil-Eelam", தமிழீழ)."""
    if w.concept or x.concept:
        return bool(w.concept and x.concept) and w.concept.partition(":")[0] == x.concept.partition(":")[0]
    return w.text == x.text or (word_close(w.text, x.text) and abs(len(w.text) - len(x.text)) <= 2)


def _entity_aliases(index: Index, e_i: int) -> list[int]:
    """The searchable names of one entity (an index keeps each entity's names side by side, in order)."""
    start = bisect.bisect_left(index.alias_entity, e_i)
    end = bisect.bisect_right(index.alias_entity, e_i, lo=start)
    return [a_i for a_i in range(start, end) if a_i in (index.by_key.get(index.alias_key[a_i]) or ())]


def _spells(index: Index, a_i: int, letters: str) -> bool:
    # The key may fold a word's first letters ("l'alternance"), so the words as written count too.
    if index.alias_type[a_i] == "acronym":
        return False
    keyed = "".join(part[0] for w in analyse(index.alias_key[a_i]) for part in w.text.split())
    return letters in (keyed, _written_initials(index.alias_text[a_i]))


def _written_initials(text: str) -> str:
    """The first letters of a name's words as written, function words and single letters left out."""
    stop = vocabulary().stopwords - _INITIAL_WORDS
    words = [t for t in re.findall(r"[^\W_]+", unidecode(text).casefold()) if len(t) > 1]
    return "".join(t[0] for t in words if t not in stop)


#: Function words that abbreviations keep ("All" in ABSDF, "Wa" in UWSA).
_INITIAL_WORDS = frozenset(("all", "wa"))


def _share_a_name_word(one: Sequence[Word], two: Sequence[Word]) -> bool:
    # A word of the name itself (a proper name, or a place when the name has no other), not a
    # common or a head word: "Kashmir Liberation Front" shares only "Liberation" with the
    # "Khalistan Liberation Force" (KLF), and "Tehreek-e-Jafria Pakistan" only its country with
    # "Tehreek-e-Jihad Pakistan" (TJP).
    def own(words: Sequence[Word]) -> list[Word]:
        names = [w for w in words if w.kind == CONTENT and not w.concept]
        return names or [w for w in words if w.kind == PLACE]

    return any(a.ident == b.ident or word_close(a.text, b.text) for a in own(one) for b in own(two))


#: Two words of names' own (no glossary word) less alike than this are two words, not two spellings.
OTHER_WORD_RATIO = 50.0


def _another_word_in_place(one: Sequence[Word], two: Sequence[Word]) -> bool:
    """Two names of as many words, one another's initials, with a word of the name's own in the same
    place that is another word of its own, not a spelling of it: "Combined Joint Task Force" spells
    CJTF as the "Civilian Joint Task Force" does, and is another name. Glossary words ("Popular"
    and "People's", "Union" and "Unity") and spellings ("Nagalim" and "Nagaland") translate or
    respell one name."""
    if len(one) != len(two):
        return False
    return any(
        a.kind == b.kind == CONTENT
        and not (a.concept or b.concept)
        and fuzz.ratio(a.text, b.text) < OTHER_WORD_RATIO
        for a, b in zip(one, two, strict=True)
    )


#: Words that make a name a person's name: without its head word, a group named after a person names the person.
PERSON_MARKERS = frozenset(
    (
        "abu", "bin", "um", "umm", "abd", "uld", "ould", "ag", "sheikh", "shaykh", "mulah", "mula",
        # as Arabic, Hebrew and Cyrillic script key them (أبو, بن, ابن, אבו, шейх, شيخ, שייח), and
        # Sheikh as Turkish, French and the English press write it
        "abw", "bn", "abn", "abv", "sheih", "sheiha", "shykh", "shyh", "sheyh", "cheikh", "sheik", "shaikh",
        "sheykh",
    )
)
#: A saint's title before a name, whom towns and groups are named after ("Santa Rosa de Lima",
#: "Saint Rose of Lima": the saint or the town, not the cartel, nor its initials SRL); not after
#: one ("Espírito Santo", the Holy Spirit).
SAINTS = frozenset(("saint", "sainte", "santa", "santo", "san", "sao", "sankt"))


#: What a saint's title names when it is the Holy Spirit's ("Saint-Esprit", "Santo Espírito"), as keyed.
_HOLY_SPIRIT = frozenset(("esprit", "espiritu", "espirito", "spirito", "spirit", "geist"))


def _saint_named(query: Sequence[Word]) -> str:
    """The saint's title a query starts a name with (:data:`SAINTS`: a title with a word after it,
    not the Holy Spirit), or ""."""
    return next(
        (
            w.text
            for w, after in itertools.pairwise(query)
            if w.text in SAINTS and after.kind != HEAD and after.text not in _HOLY_SPIRIT
        ),
        "",
    )


#: A ruler's or a holy man's title: a query of a name with one and no head word at all names the
#: person ("Suleiman Shah", "Sultan Murad", "Imam Ali"), though a group is named after them; with a
#: head word of its own it may be the group under another ("Imam Bukhari Jamaat").
#: As the normalizer keys them ("shah" is "sha", "hazrat" "hazra").
PERSON_TITLES = frozenset(
    (
        "sultan", "sha", "imam", "amam", "sayid", "sayed", "seyed", "hazra", "maulana", "mawlana", "haji", "pir",
        # a king's or a chief's ("Rajah Sulayman", a ruler of Manila, after whom the Rajah Solaiman
        # Movement is named; Mindanao's "Datu"; the Arabic and Persian "Emir")
        "raja", "datu", "emir", "amir",
    )
)
#: The first halves of the names made with "al-Din" ("of the faith"), a person's honorific name, as
#: Arabic, Persian and Turkish write them apart or joined: "Salah al-Din", "Izz ad-Din al-Qassam",
#: "İzzeddin", "Nureddin", "Jalaluddin"; not "Hurras al-Din" (the guardians of the faith) nor "Ansar
#: al-Din".
_DIN_FIRST = (
    "salah", "salahu", "izz", "ezz", "izzu", "nur", "nour", "noor", "nuru", "saif", "sayf", "seif", "jamal",
    "jalal", "nasir", "nasser", "nasr", "shams", "fakhr", "imad", "emad", "qutb", "ala", "alaa", "muhyi",
    "taj", "zain", "zayn", "kamal", "rukn", "sharaf", "majd", "husam", "hisam", "burhan", "siraj", "nizam",
    "qamar", "baha", "bahaa", "shihab", "sadr", "zia", "ziya", "moin", "muin", "shuja", "fazl",
    "صلاح", "عز", "نور", "سيف", "جمال", "جلال", "ناصر", "شمس", "عماد", "علاء", "تاج", "زين", "كمال",
)
_DIN_WORDS = frozenset(("din", "dyn", "deen", "dine"))


@lru_cache(maxsize=1)
def _din_firsts() -> tuple[frozenset[str], tuple[str, ...]]:
    keys = frozenset(normalize.key(w) for w in _DIN_FIRST)
    return keys, tuple(sorted((k for k in keys if k.isascii()), key=len, reverse=True))


#: What joins the first half to "Din" in a name written as one word ("Izzeddin", "Nuruddin").
_DIN_LINKS = frozenset(("din", "edin", "udin", "adin", "idin", "dyn", "deen", "edeen", "udeen", "aldin", "eldin", "uldin"))


def _din_name(query: Sequence[Word]) -> bool:
    """Whether the query writes a name made with al-Din, apart ("Salah al-Din") or joined ("İzzeddin")."""
    firsts, joined = _din_firsts()
    texts = [w.text for w in query]
    for i, t in enumerate(texts):
        if t in _DIN_WORDS and i and texts[i - 1] in firsts:
            return True
        if len(t) >= 5 and any(t.startswith(f) and t[len(f) :] in _DIN_LINKS for f in joined):
            return True
    return False


_NAME_VOWELS = frozenset("aeiouy")


#: The most entities whose names may hold a word that is then read as a given name.
GIVEN_NAME_ENTITIES = 2


def _a_persons_name(query: Sequence[Word], text: str, words: WordIndex) -> bool:
    """Whether the query is a given name and a name or an epithet or two: "Omar Hadid", "Carolina
    Ramírez", "محمد الفاتح" (Mehmed the Conqueror); not "Sultan Murad" nor "Nour al-Din" (titles and
    al-Din are read apart)."""
    if not (2 <= len(query) <= 3 and all(w.kind == CONTENT for w in query) and not query[0].concept):
        return False
    first = query[0].text
    if is_arabic(text):
        # A given name takes no article: "القاعدة" (al-Qaeda) is no "Qada"; a name may carry an
        # epithet ("محمد الفاتح", the Conqueror).
        return not text.lstrip().startswith("ال") and first in given_names(True)
    if not _NAME_VOWELS.intersection(first):
        return first in given_names(True)  # an Arabic name read letter by letter ("mhmd fata")
    # In Latin letters, a surname is no glossary word ("Karen Border Guard", "True Promise" are
    # names of groups), and a word many groups' names hold is theirs before it is a given name
    # ("Jihad", "Karen", "Anti").
    if not _plain_name(query) or words.entities.get(first, 0) > GIVEN_NAME_ENTITIES:
        return False
    return first in given_names()


def _plain_name(query: Sequence[Word]) -> bool:
    """Whether a query of two or three words has no word of the glossary: a person's name's shape."""
    return 2 <= len(query) <= 3 and all(w.kind == CONTENT and not w.concept for w in query)


def _a_person_named(text: str) -> bool:
    """Whether a query's word is a ruler's or a holy man's title (:data:`PERSON_TITLES`)."""
    return text in PERSON_TITLES


def _spelled_out_in_latin(index: Index, a_i: int) -> bool:
    """Whether an alias is a name written out in Latin letters (not an acronym)."""
    return index.alias_type[a_i] != "acronym" and _script(index.alias_text[a_i]) == "LATIN"


def _one_word(al: Alignment, cross_script: bool, latin_name: bool = False) -> str:
    """One word against one word, spelled differently: the fuzzy rules for single words apply.

    Long words may differ by a vowel, or with one outline by a letter (two from eight letters); a word
    written without vowels (Arabic script) is compared only when its outline is long.
    """
    if al.drops or len(al.pairs) != 1 or al.pairs[0].how != "spelled":
        return ""
    a, b = al.pairs[0].query.text, al.pairs[0].alias.text
    if cross_script and consonants(normalize.key_skeleton(a)) < 5:
        return f"'{a}' is too short to compare with a name written without vowels"
    followers = latin_name and not (al.pairs[0].query.concept or al.pairs[0].alias.concept) and (
        _followers(a, b) or _followers(b, a)
    )
    if not cross_script and not followers and not plural_pair(a, b) and not vowels_agree(a, b):
        # Both write their vowels, and a vowel more or less inside makes another word ("Selka" is
        # not "Séléka", "Hasim" not "Hasm", "Wagoner" not "Wagner"), as at the skeleton stage.
        return f"one word against one word, '{a}' and '{b}' have their vowels in other places"
    if min(len(a), len(b)) >= 5 and (vowel_apart(a, b) or plural_pair(a, b)):
        return ""  # a vowel apart, or one is the other's plural ("Houthi", "Houthis"; "talibanes")
    if min(len(a), len(b)) >= 5 and ("v" in a) != ("v" in b) and _w_for_v(a, b):
        return ""  # the Arabic w as Persian, Turkish and Russian write it ("Voyane", "Sahva")
    if "th" in b and _thaa_spelled(a, b):
        return ""  # the name's Arabic tha as s or t ("Huti": Huthi; not "Hamath" for Hamas)
    if followers:
        # A name written out in Latin letters and its followers' ("Naxals", "Naxalites"); not a
        # common word's ("Ansarites": ansar, supporters, names many groups), nor an acronym's;
        # nor a man's surname alone, which names him ("Kadyrov" is not the Kadyrovites).
        if _followers(b, a) and a.endswith(_SURNAME_ENDINGS):
            return f"'{a}' is a surname: the man, not his followers ('{b}')"
        return ""
    # With one outline and first letter, a long word may differ by two letters ("Lukarawas",
    # "Lakurawas"), a word of six letters or more by one that the outline counts as another's.
    if _outline_apart(a, b, one=6, two=8):
        return ""
    return f"one word against one word, '{a}' and '{b}' differ by more than a vowel"


#: Endings of Slavic surnames, as keyed ("Kadyrov", "Dudayev", "Yanukovych" aside).
_SURNAME_ENDINGS = ("ov", "ev", "ova", "eva", "in", "ina", "ski", "sky", "skii", "enko")
#: Endings that make a follower of a name or a movement, singular and plural ("Naxalite", "Naxalites").
_FOLLOWER_ENDINGS = ("ites", "ite", "ists", "ist")


def _followers(word: str, other: str) -> bool:
    """Whether ``word`` is ``other`` (or its plural) with an ending that makes its followers, the
    name five letters at least: "naxalites" and "naxals"; "naxalite" and "naxal"."""
    for end in _FOLLOWER_ENDINGS:
        if word.endswith(end):
            stem = word[: -len(end)]
            return len(stem) >= 5 and other in (stem, stem + "s")
    return False


def _w_for_v(a: str, b: str) -> bool:
    """Whether two words are one once a v is read as the w it writes: that and nothing else
    ("Viyana", Vienna, is no "Wayana"; "Conwy" no "Convoy")."""
    return a.replace("v", "w") == b.replace("v", "w")


def _one_word_spelled(pair: Pair) -> bool:
    """Whether two words are one word spelled two ways: a typo apart, the same consonants two
    letters apart at most ("thawra", "thora"), or one with a particle or an ending glued on
    ("ansar", "ansaril")."""
    a, b = pair.query.text, pair.alias.text
    if _typo_apart(pair) or (
        normalize.key_skeleton(a) == normalize.key_skeleton(b) and Levenshtein.distance(a, b, score_cutoff=2) <= 2
    ):
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 2


def _typo_apart(pair: Pair) -> bool:
    """Whether two words differ by a typo's worth of letters, an ending or a plural, not only by
    sharing an outline."""
    a, b = pair.query.text, pair.alias.text
    budget = max(1, min(len(a), len(b)) // 4)
    # Two letters swapped are one typo ("atwhid", "tawhid"); so is a glued article's.
    for x in filter(None, (a, _unglued(a), _article_after(a))):
        if OSA.distance(x, b, score_cutoff=budget) <= budget:
            return True
    return derived(a, b) or cognate(a, b) or _plural_of(pair)


def _plural_of(pair: Pair) -> bool:
    # "Haqqanis" and the "Haqqani Network": a name and its English plural are one name.
    a, b = pair.query.text, pair.alias.text
    return min(len(a), len(b)) >= 5 and plural_pair(a, b)


def plural_pair(a: str, b: str) -> bool:
    """Whether one word is the other with an English or Spanish plural ending ("Haqqanis",
    "talibanes"), or with Somali's definite article ("Shabaabka", al-Shabaab; "Macawiisleyda")."""
    return a + "s" == b or b + "s" == a or a + "es" == b or b + "es" == a or _somali_article(a, b)


#: Somali's definite article, a suffix whose consonant follows the noun's last sound.
_SOMALI_ARTICLES = ("ka", "ga", "ta", "da", "ha")


def _somali_article(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 5 and len(long_) == len(short) + 2 and long_.startswith(short) and long_[-2:] in _SOMALI_ARTICLES


def _long_alike(pair: Pair) -> bool:
    """Whether a long word and its counterpart are one spelling apart with one outline ("Fatimiyyun",
    "Fatemiyoun"): a one-word name so spelled stays itself once its head word goes."""
    return _outline_apart(pair.query.text, pair.alias.text, one=8, two=9)


def _outline_apart(a: str, b: str, *, one: int, two: int) -> bool:
    """Whether two words with one outline and first letter differ by a letter (both ``one`` letters
    or longer) or two (both ``two`` or longer)."""
    shortest = min(len(a), len(b))
    if shortest < one or not _same_outline(a, b):
        return False
    return Levenshtein.distance(a, b) <= (2 if shortest >= two else 1)


def _alone(al: Alignment, query: Sequence[Word], said: bool) -> str:
    """Why one word is not a group whose name is that word and others set aside: with no word for
    a body, nor one for its members (``said``: "Wagner mercenaries"), one word names a place, a
    people, a person or a thing as often as a group named after it: "Vostok" (a spacecraft, a
    watch), "Sparta", "Babylon", "Zomi", "Sheka" (the man Mai-Mai Sheka is named after). A word for
    its members names it still (:func:`_members_word`)."""
    if said or len(query) != 1 or len(al.pairs) != 1 or not al.drops or _members_word(al.pairs[0].query.text):
        return ""
    return f"'{al.pairs[0].query.text}' alone, with no word for a body, names more than the group"


#: Endings that make a word its bearers' plural, as keyed: a group's members, as the press names a
#: group by them ("Fatemiyoun", "Zainabiyoun", the Arabic الحوثيون, "Naqshbandis", "Golfos",
#: "вагнеровцы", "wagnerowcy", "кадыровцев"), which a place, a person or a thing is not. Not the
#: Arabic ـون alone, which ends common words too (قانون, a law; زيتون, olives).
_MEMBERS_ENDING = re.compile(
    r"(?:[aeiou]s|yins|yin|yun|yon|iun|ywn|yyn|ovtsy|ovtsi|ovtsev|ivtsi|ivtsiv|owcy|owcow|ovci|evtsy)$"
)


def _members_word(text: str) -> bool:
    """Whether one word, as keyed, names a body's members (:data:`_MEMBERS_ENDING`), six letters or more."""
    return len(text) >= 6 and bool(_MEMBERS_ENDING.search(text))


@lru_cache(maxsize=1)
def _descriptor_keys() -> frozenset[str]:
    """The words that say what a group's members are (:data:`~.words.DESCRIPTORS`), as keyed."""
    from .words import DESCRIPTORS

    return frozenset(t for w in DESCRIPTORS for t in normalize.key(w).split())


def _descriptor_left_out(alias_key: str, said: bool) -> str:
    """Why a name whose words say what its members are, inside it, is not the query that says none."""
    tokens = alias_key.split()
    if said and not all(t.isdigit() for t in tokens if t not in _descriptor_keys()):
        # (a name that is a number beside such a word keeps it: "Pandilla 18" is no "18 fighters")
        return ""
    inside = [t for t in tokens[:-1] if t in _descriptor_keys()]
    return f"the name's word '{inside[0]}' is part of it, and the query leaves it out" if inside else ""


def _descriptor_set_aside(inside: Sequence[str], alias_key: str, al: Alignment, words: WordIndex, countries: str) -> str:
    """Why a name the query writes with a word for its members inside it is not a name without
    that word, when what is left names no group of its own."""
    paired = {p.query.text for p in al.pairs}
    inside = [t for t in inside if t not in paired]  # read as a word of the name ("fighting")
    if not inside or not set(inside).isdisjoint(alias_key.split()) or words.distinctive(al, countries):
        return ""
    return f"'{inside[0]}' inside the name may be part of it, and without it no distinctive word is left"


def _only_one_so_named(
    words: WordIndex, index: Index, content: Word, head: Word, entity: int, any_length: bool = False
) -> bool:
    """Whether no other entity has a name of just this word and a head word of this kind ("Red
    Brigades": others have "Red" in their names, none is a red brigade); ``any_length``: no other
    entity's name of any length holds the two."""
    family = head.concept.partition(":")[0]
    for a_i in words.postings.get(content.ident, ()):
        if index.alias_entity[a_i] == entity:
            continue
        name = words.words[a_i]
        kinds = [w.concept.partition(":")[0] for w in name if w.kind == HEAD]
        if (family in kinds) if any_length else (kinds == [family] and len(name) == 2):
            return False
    return True


def _named_whole(al: Alignment, words: WordIndex, index: Index, entity: int, widened: tuple[Word, ...]) -> bool:
    """Whether a name of one common word and one head word is met whole ("Cárteles Unidos", "United
    Cartels"; "Sham Legion", "Faylaq al-Sham"): every word of both paired, the common word itself
    or its translation, and no other entity has a name of that word and a head word of that kind."""
    if widened or al.dropped_words or len(al.pairs) < 2:
        return False
    content = [p for p in al.pairs if p.query.kind in (CONTENT, PLACE)]
    heads = [p for p in al.pairs if p.query.kind == HEAD]
    if len(content) != 1 or not heads or content[0].how not in ("same", "concept"):
        return False
    if len(heads) > 1:
        # A word and two head words or more ("Red Army Faction", "Frakcja Czerwonej Armii"): the
        # name is whole when no other entity's name holds the word with head words of all those
        # kinds ("Red Army" alone is many armies').
        families = {p.alias.concept.partition(":")[0] for p in heads}
        return not al.dropped_places and not any(
            index.alias_entity[a_i] != entity
            and families <= {w.concept.partition(":")[0] for w in words.words[a_i] if w.kind == HEAD}
            for a_i in words.postings.get(content[0].alias.ident, ())
        )
    # Stricter than a translation met whole: no other entity's name of any length holds the word
    # and a head word of this kind, or the two words are a kind of name ("Popular Army": the
    # Popular Liberation Army, the Popular Army of ...), not one group's.
    if _only_one_so_named(words, index, content[0].alias, heads[0].alias, entity, any_length=True):
        return True
    # Unless the registry writes the entity's name as these two words alone in two languages
    # ("Red Brigades", "Brigate Rosse"), the query writes nothing else, and the word is not one of
    # the commonest ("Islamic Front" is a kind of name): then they are its name, whatever longer
    # names of others hold them ("Red Eagles Brigades"), and no other entity has a name of just these two.
    # (a country of the entity's the query adds, as a people's adjective, qualifies it: "Brigadas
    # Rojas italianas")
    own = set(index.entity_countries[entity].split(","))
    return (
        not al.dropped_places
        and all(w.concept in own for w in al.query_places)
        and words.entities.get(content[0].alias.ident, 0) <= NAMED_WHOLE_ENTITIES
        and _two_word_names(words, index, content[0].alias, heads[0].alias, entity) >= 2
        and _only_one_so_named(words, index, content[0].alias, heads[0].alias, entity)
    )


def _two_word_names(words: WordIndex, index: Index, content: Word, head: Word, entity: int) -> int:
    """How many names of ``entity``, spelled differently, are just this word and a head word of this kind."""
    family = head.concept.partition(":")[0]
    spellings = set()
    for a_i in words.postings.get(content.ident, ()):
        name = words.words[a_i]
        if index.alias_entity[a_i] == entity and len(name) == 2:
            heads = [w for w in name if w.kind == HEAD]
            if len(heads) == 1 and heads[0].concept.partition(":")[0] == family:
                spellings.add(tuple(sorted(w.text for w in name)))
    return len(spellings)


def _place_and_word(al: Alignment, words: WordIndex, index: Index, entity: int) -> bool:
    """Whether the words left are a country and one common word, both paired, that no other entity
    holds together: "Libya Shield" is the Libya Shield Force once its head word goes, since no
    other group is a Libyan shield ("Sudan Liberation" is two groups' name). The word must be one
    few groups have."""
    if al.dropped_words or al.dropped_places or al.renamed:
        return False
    content = [p for p in al.pairs if p.query.kind == CONTENT]
    places = [p for p in al.pairs if p.query.kind == PLACE]
    if len(content) != 1 or not places or not content[0].query.concept or content[0].how not in ("same", "concept"):
        return False
    ident = content[0].alias.concept or content[0].alias.text
    if words.entities.get(ident, 0) > GENERIC_ENTITIES:
        return False  # "Libyan National": a word many groups have says nothing of which
    held = {index.alias_entity[a_i] for a_i in words.postings.get(ident, ())}
    for p in places:
        held &= {index.alias_entity[a_i] for a_i in words.postings.get(p.alias.concept or p.alias.text, ())}
    return held == {entity}


def _two_words_whole(
    al: Alignment, words: WordIndex, index: Index, entity: int, countries: str, translated: bool
) -> bool:
    """Whether the words left are two, written alike and in the same order, that are all the name
    has besides its head word, one of them no place, and that no other entity holds together,
    spelled so or meaning so: "Ahrar al-Sham Brigades" is Ahrar al-Sham, since no other group is
    the free men of the Levant; "Rassemblement des forces démocratiques" is not the "Union des forces
    démocratiques pour le rassemblement", nor "الدفاع الشعبي" the Saraya al-Difa al-Shaabi while
    another entity is the "Popular Defence Forces". A name ``translated`` is a language's common
    words: one of the two must be a word few groups have ("Guardians of Blood"), or they are a
    kind of name ("Mujahideen Youth")."""
    content = [p for p in al.pairs if p.query.kind == CONTENT]
    # Translated word for word ("Mobilisation populaire", Popular Mobilization), the two may come
    # in the other language's order, and are a language's common words.
    concept = any(p.how != "same" for p in content)
    translated = translated or concept
    # Two common English words are a kind of name ("Eastern Security", "Popular Mobilization");
    # a name's words in its own language are its name ("Ahrar al-Sham"). A head word for a body
    # made of others (a front, a union, an alliance, a council) is not set aside.
    english = (
        not concept
        and all(p.alias.concept for p in content)
        and any(p.alias.text == p.alias.concept.lstrip("@") for p in content)
    )
    if (
        english
        or any(_family(w.concept) in _BODIES_OF_OTHERS for w in al.dropped_heads)
        or len(content) != 2
        or any(p.how != "same" and not (p.how in ("concept", "spelled") and p.query.concept and p.query.concept == p.alias.concept) for p in content)
        or al.dropped_words
        or al.dropped_places
        or (al.order_breaks and not concept)
        or all(is_place(p.alias.text, countries) for p in content)
        or (translated and all(words.entities.get(p.alias.ident, 0) > GENERIC_ENTITIES for p in content))
    ):
        return False
    for table in (None,) if concept else (words.holders, None):
        held: set[int] | None = None
        for p in content:
            if table is None:
                here = {index.alias_entity[a_i] for a_i in words.postings.get(p.alias.ident, ())}
            else:
                here = set(table.get(p.alias.text, set()))
            held = here if held is None else held & here
        if held != {entity}:
            return False
    return True


def _glossary_signature(name: Sequence[Word], places: bool = False) -> frozenset[str] | None:
    """The concepts of a name made of glossary words only (head words by their family), or None
    when a word is its own or a place (``places``: places are left out)."""
    out = set()
    for w in name:
        if w.kind == PLACE and places:
            continue
        if w.kind == PLACE or not w.concept:
            return None
        out.add(w.concept.partition(":")[0] if w.kind == HEAD else w.concept)
    return frozenset(out)


def _translates_a_qualified_name(al: Alignment, words: WordIndex, index: Index) -> bool:
    """Whether the name met is made of glossary words only and the registry writes a name of the
    same concepts with a place in brackets ("National Liberation Army (Macedonia)"): a translation
    of a name that needs a qualifier needs one too, whichever entity's name it meets (the ELN's
    "Ejército de Liberación Nacional" is not every national liberation army)."""
    signature = _glossary_signature([p.alias for p in al.pairs])
    concepts = [p.alias.concept for p in al.pairs if p.alias.kind != HEAD]
    if signature is None or not concepts or al.query_places:
        # A place the query adds is the qualifier such a name needs ("Kolombiya Ulusal Kurtuluş
        # Ordusu"); whether it is the entity's is checked as any place is.
        return False
    # The names holding every word of the name met (by concept), not the whole registry.
    holders = set(words.postings.get(concepts[0], ()))
    for concept in concepts[1:]:
        holders.intersection_update(words.postings.get(concept, ()))
    return any(
        "(" in index.alias_text[b] and _glossary_signature(words.words[b], places=True) == signature for b in holders
    )


#: Head words that say only that a name is an organization's, a group's or a movement's, or, as
#: outsiders call an armed body, a militia's ("White Army militia", "Mahdi Army militia"), or a
#: criminal one, a cartel's ("Cartel Los Rojos": the Rojos, whose name is "the Reds").
_SELF_HEADS = frozenset(("@organization", "@group", "@movement", "@militia", "@cartel"))
#: Head words of a body made of others.
_BODIES_OF_OTHERS = frozenset(("@front", "@union", "@alliance", "@council"))


def _refuse(
    al: Alignment,
    words: WordIndex,
    countries: str,
    entity: int,
    off: set[str],
    index: Index,
    arabic: bool = False,
    query: Sequence[Word] = (),
    translated: bool = False,
    alias: int = -1,
    said: bool = False,
    person: bool = False,
) -> str:
    """Why an alignment that pairs every word still does not make the names one name ("" if it does).

    ``arabic``: one of the names is written in Arabic script (its words have no short vowels).
    ``query``: the query's words (a head word the query adds beside the name's own narrows nothing).
    ``translated``: the alias is a translation (its words are a language's common words).
    ``alias``: the alias's position (-1: not known).
    ``said``: the query has a word for the group's members ("fighters"), which a person's name has not.
    ``person``: the query is a person's name by its words (:func:`_a_persons_name`).
    """
    if al.needs() & off:
        return f"the {sorted(al.needs() & off)[0]} feature is off"
    asked = {w.text for w in query if w.kind == HEAD}
    own_heads = [h for h in al.dropped_heads if h.concept != PARENT and h.text in asked]
    # (a word that only says it is a body, "group", "militia", "forces", may be added to any name)
    other_body = [h for h in own_heads if _family(h.concept) not in _GENERIC_BODIES]
    if other_body and any(w.text not in gazetteer() for w in al.dropped_places):
        # A word for a body the name does not have, and the name's country left out: another body
        # of like words ("Union des forces républicaines", a Guinean party, is not the "Forces
        # républicaines du Burundi"). A region the name adds may go ("Awakening groups" are the
        # "al-Anbar Awakening").
        return f"'{other_body[0].text}' is not in the name, and its country is left out"
    reworded = any(p.how not in ("same", "spelled") for p in al.pairs)
    if query and not asked and not said and (al.dropped_heads or reworded) and _a_date(query):
        # "17. November" and "25 de Abril" are days, which groups are named after ("17 November
        # Group", "Forças Populares 25 de Abril"): without a word for a body, the query is the day,
        # unless the registry writes the group so, as it is written ("November 17"; not the Czech
        # "17. listopadu" translated).
        return f"'{' '.join(w.text for w in query)}' is a date, not a name"
    militia = next((p for p in al.renamed if "@militia" in (_family(p.query.concept), _family(p.alias.concept))), None)
    if militia is not None and not any(
        p.how != "renamed"
        and p.query.kind == CONTENT
        and not p.query.concept
        and not p.alias.concept
        and p.query.text not in gazetteer()
        and p.query.text not in vocabulary().places
        and p.query.text not in people_countries()
        and not is_place(p.query.text, countries)
        for p in al.pairs
    ):
        # A militia or a faction is what others call a body: it stands for the name's head word
        # beside a name of its own ("Badr militia", "Sultan Murad faction"), not beside a place or
        # a common word ("Lebanese faction" is no Lebanese Forces, "Homs militia" no Homs Legion).
        return f"'{militia.query.text}' stands for '{militia.alias.text}' only beside a name of its own"
    own = set(countries.split(",")) if countries else set()
    content = [p for p in al.pairs if p.query.kind == CONTENT]
    if content and not arabic and all(p.alias.concept for p in content):
        # A name of common words ("Black Brigade") is met through the glossary or letter for
        # letter: a word of the query's own that only looks like one of them is another word
        # ("Baloch Regiment" is not the Black Brigade, though "baloch" and "black" share an outline).
        # A Slavic adjective of the word is the word in that language ("islamskich", Islamic).
        odd = next(
            (
                p
                for p in content
                if p.how == "spelled"
                and not p.query.concept
                and not _typo_apart(p)
                and not slavic(p.query.text, p.alias.text)
            ),
            None,
        )
        if odd is not None:
            return f"'{odd.query.text}' is not the common word '{odd.alias.text}'"
    # A word of the glossary is that word: one that only looks like another word of the alias is
    # not it ("Красных бригад", the Red Brigades, is not the "Brigades of Khorasan").
    other = next(
        (
            p
            for p in al.pairs
            if p.how == "spelled" and p.query.kind == CONTENT and p.query.concept
            and p.alias.concept != p.query.concept and not _one_word_spelled(p)
        ),
        None,
    )
    if other is not None:
        return f"'{other.query.text}' is a word of the glossary ({other.query.concept}), not '{other.alias.text}'"
    if al.dropped_places and al.query_places:
        # The name's own place set aside and another put in its stead: "حزب دموکرات کردستان عراق",
        # the Kurdistan Democratic Party of Iraq, is not the Democratic Party of Iranian Kurdistan,
        # though that party is in Iraq too.
        # A town or a region is itself, not its country: "Donetsk" is not "Luhansk", both in Ukraine.
        countries_named = vocabulary().places
        swapped = [
            w
            for w in al.query_places
            if all(
                w.concept != d.concept
                or not (w.text == d.text or word_close(w.text, d.text) or (w.text in countries_named and d.text in countries_named))
                for d in al.dropped_places
            )
        ]
        if swapped:
            return f"the name's place '{al.dropped_places[0].text}' is not the query's '{swapped[0].text}'"
    for w in al.query_places:
        if w.concept not in own:
            where = ", ".join(sorted(own)) or "no country"
            return f"'{w.text}' ({w.concept}) is not among the entity's countries ({where})"
    beside = _place_of_another_name(al, query, words, index, entity)
    if beside:
        return beside
    if query and content and len(content) == 1 and al.query_places and query[0].kind == CONTENT:
        # A region's adjective put before a name of one word names a group of that region, not
        # always the group ("Punjabi Taliban", the militants of Punjab); the place's own name
        # only says where ("Gaza Hamas", "Kabul Taliban"), as a country's adjective does
        # ("Afghanistan Taliban") and a place after the name ("Taliban in Punjab").
        first = query[0].text
        if first not in gazetteer() and any(w.text == first for w in al.query_places):
            return f"'{first}' before the name may name a group of that region"
    for w in al.acronyms:
        owners = words.acronyms.get(w.text, set())
        # The acronym of the body the entity belongs to or split from is no other entity's word
        # here: "FARC-Segunda Marquetalia", "BIFF-Karialan faction" (the body's own name does not
        # take the acronym of a part of it: "al-Qaeda JNIM" is JNIM).
        if entity not in owners and not any(index.belongs(entity, o) for o in owners):
            return f"'{w.text}' is another entity's acronym"
    # A country the query adds, and the entity is in, only narrows the name; a head word or a
    # country set aside widens it, so what is left must still be distinctive.
    # The parent left out of a province's name ("Wilayat Khurasan") does not widen it.
    # A head word the query adds before a name that keeps its own ("Tanzim Jaish al-Adl", the
    # organization Army of Justice) only says what the name is, as "the X group" does.
    head_pairs = [p for p in al.pairs if p.query.kind == HEAD]
    own_head = (
        len(head_pairs) == 1
        and head_pairs[0].how in ("same", "spelled", "concept")
        and sum(w.kind == HEAD for w in query) == 2
    )
    edges = {query[0], query[-1]} if query else set()
    # Only a word for an organization, a group or a movement: a union, a front or an alliance is
    # a body made of others ("Union des forces démocratiques" is not the "Forces démocratiques").
    # So does one added to a name met word for word that has no head word of its own, when a word
    # of that name is no common word: "al-Qaeda Organization", "Shining Path Group"; not "Base
    # Group", though al-Qaeda's name translated is "The Base".
    whole = (
        not translated
        and len(al.dropped_heads) == 1
        and not (al.dropped_words or al.dropped_places or al.query_places or al.renamed)
        and al.pairs
        and all(p.how == "same" and p.query.kind != HEAD for p in al.pairs)
        and any(
            p.query.kind == CONTENT and not p.query.concept and words.entities.get(p.alias.ident, 0) <= COMMON_NAME_WORD
            for p in al.pairs
        )
    )
    # A coalition is an alliance: "Alliance of the Sudan Revolutionary Front" is the Sudan
    # Revolutionary Front, a coalition, as "Organization" with an organization's name is it.
    selves = _SELF_HEADS | {"@alliance"} if index.entity_kinds[entity] == "coalition" else _SELF_HEADS
    added = {w for w in al.dropped_heads if (own_head or whole) and w in edges and w.concept in selves}
    widened = (
        tuple(w for w in al.dropped_heads if w.concept != PARENT and w not in added) + al.dropped_words + al.dropped_places
    )
    # A unit's head word renamed "forces" ("Babylon Forces", the Babylon Brigades) keeps a name only
    # with a word of its own, or words few groups hold ("Special Deterrence Force" and "Brigade"): a
    # place's or a country's forces are its forces ("Jenin Forces", "Somalia Forces"), and common
    # words with "forces" name no one unit ("Jerusalem Force" is not the Jerusalem Brigade).
    if (
        any({_family(p.query.concept), _family(p.alias.concept)} == _FORCES_FOR_UNIT for p in al.renamed)
        and not any(
            p.query.kind == CONTENT and not p.query.concept and not is_place(p.alias.text, countries) for p in al.pairs
        )
        and not words.distinctive(al, countries)
    ):
        return "a place or common words with 'forces' name forces, not a unit"
    # A head word renamed keeps the name's words, but a name of common words may then meet another
    # body's ("Tribal Militia", "Tripoli Brigade"); a place and its head word are a name of their own.
    if any(
        p.query.kind == CONTENT and not (p.how == "same" and is_place(p.alias.text, countries)) for p in al.pairs
    ):
        widened += tuple(p.query for p in al.renamed)
    # A title set aside does not widen the name as a head word left out does: with the head word
    # kept, the person's name in it is still the group's.
    if any(w.text not in SET_ASIDE_TITLES or w.concept for w in widened) and any(
        p.query.text in PERSON_MARKERS for p in al.pairs
    ):
        return "without its head word the name is a person's name"
    if (
        widened
        and query
        and not any(w.kind == HEAD for w in query)
        and (
            any(p.query.text in PERSON_TITLES for p in al.pairs)
            or bool(_saint_named(query))
            or any(w.text in SET_ASIDE_TITLES and not w.concept for w in al.dropped_words)
            # A name with al-Din, a title as the name writes it ("Rayah" is a reading of "Rajah"),
            # or a group named after a person in so many words, unless the query says members.
            or (
                not said
                and (
                    any(_a_person_named(p.query.text) or _a_person_named(p.alias.text) for p in al.pairs)
                    or _din_name(query)
                    or (alias >= 0 and _plain_name(query) and _named_after_person(index, entity, alias))
                    or person
                )
            )
        )
    ):
        # Without a head word, a title set aside leaves a person's name too ("Gul Bahadur").
        return (
            "a person's name (a title, a given name, a name with al-Din) with no word for a body"
            " names the person, not the group named after them"
        )
    content = [p for p in al.pairs if p.query.kind == CONTENT]
    if widened and len(content) == 1 and content[0].how != "same" and not _plural_of(content[0]) and not _long_alike(content[0]):
        return f"a one-word name needs the same spelling once '{content[0].query.text}' stands alone"
    placed = bool(widened) and _place_and_word(al, words, index, entity)
    # The name the registry knows a group by (its display name), every word as written there, with
    # a word that only says it is a group (:data:`_SELF_HEADS`) before or after it (not inside
    # it: "Islamic Resistance Movement in Iraq" is another body than the Islamic Resistance in
    # Iraq), is that group, common words though the name's are: "Fatah movement" is Fatah ("Jihad
    # Movement" is not the Egyptian group's "al-Jihad", nor "Base Group" al-Qaeda's name translated;
    # "Dawn" is still not "Libya Dawn", nor "Brotherhood" the "Brotherhood Alliance": there the name
    # has a word more). A name of two words or more may be translated so too, word for word: the
    # French "Organisation de l'État islamique" is the Islamic State (one word translated is a
    # common word: "Base Group" is not al-Qaeda, "the Base"; a word's kin is another word:
    # "Revolutionary Justice Organization" is not "Révolution et Justice").
    placed = placed or (
        not translated
        and bool(content)
        and bool(query)
        and all(p.how == "same" or (len(content) >= 2 and p.how in ("concept", "spelled")) for p in al.pairs)
        and not (al.dropped_words or al.dropped_places or al.query_places or al.renamed)
        and bool(al.dropped_heads)
        and all(h in (query[0], query[-1]) and _family(h.concept) in _SELF_HEADS for h in al.dropped_heads)
        # a cartel is a criminal body, not a party's ("Cartel Fatah")
        and not (index.entity_kinds[entity] == "party" and any(h.concept == "@cartel" for h in al.dropped_heads))
        # nor a word that is itself a group's name: "Fatah Tanzim" is Fatah's Tanzim, "Tanzim" its name
        and not any(index.by_key.get(h.text) for h in al.dropped_heads)
        and not index.entity_names[entity].isupper()  # an abbreviation: see the resolver's acronyms
        and tuple(sorted(p.alias.text for p in al.pairs)) == _display_words(index.entity_names[entity])
    )
    # Any other name of the group's alone, of two words or more, every word as the registry writes
    # it, likewise, with a word for a body or its forces before or after it: "قوات حرس الثورة
    # الاسلامية" is the IRGC's "حرس الثورة الاسلامية" with "forces" before it. Not one word
    # (a language's common word: "Base Group"), nor a name another group also bears.
    placed = placed or (
        alias >= 0
        # two words of a name, or a word and the name's own head word, as written: "قوات سرايا
        # السلام" is Saraya al-Salam with "forces" before it
        and (len(content) >= 2 or (len(content) == 1 and any(p.query.kind == HEAD and p.how == "same" for p in al.pairs)))
        and bool(query)
        and all(p.how == "same" for p in al.pairs)
        and not (al.dropped_words or al.dropped_places or al.query_places or al.renamed)
        and len(al.dropped_heads) == 1
        and al.dropped_heads[0] in (query[0], query[-1])
        and _family(al.dropped_heads[0].concept) in _SELF_HEADS | {"@forces"}
        and not index.by_key.get(al.dropped_heads[0].text)
        and len(al.pairs) == len(words.words[alias])
        and index.key_holders(alias) == {entity}
        # and a name no other group bears in any spelling: "Ahlu Sunna Wal Jama'a militia" names
        # the groups that share the name
        and not index.alias_shared[alias]
        and _held_together(words, words.words[alias], heads=len(content) == 1) == {entity}
    )
    if widened and len(content) == 1 and content[0].query.concept and not placed:
        # "Dawn" is not "Libya Dawn", nor "Brotherhood" the "Brotherhood Alliance": a word of the
        # glossary is a common word, not a name, and alone it names no group.
        return f"'{content[0].query.text}' alone is a common word, not a name"
    if any(w.concept == "@province" for w in al.dropped_heads):
        return "a province is named by its place: its head word cannot be set aside"
    if (
        widened
        and not placed
        and not _two_words_whole(al, words, index, entity, countries, translated)
        and not words.distinctive(al, countries, arabic)
    ):
        return f"no distinctive word is left once '{widened[0].text}' is set aside"
    # Head words translate freely ("Brigades", "Kata'ib"), unless all that is left is a word
    # that many groups have ("Islamic Group", "Mujahideen Army").
    content_pairs = [p for p in al.pairs if p.query.kind in (CONTENT, PLACE)]
    translated = any(p.how in TRANSLATED for p in al.pairs)
    if (
        translated
        and len(content_pairs) == 1
        and words.entities.get(content_pairs[0].alias.ident, 0) > GENERIC_ENTITIES
        and not _named_whole(al, words, index, entity, widened)
    ):
        return f"'{content_pairs[0].query.text}' is a word many groups have"
    if translated and _numbers_differ(al) and not words.distinctive(al, countries):
        # Without a word of its own, a name's unit is told by its number: the "Brigate Nere" (Black
        # Brigades) are not the Black Brigade.
        return "one unit is not several: a name of common words is told apart by its number"
    if (
        any(p.how == "kin" and p.alias.concept in _TWO_MEANINGS for p in al.pairs)
        and _glossary_signature([p.query for p in al.pairs]) is not None
    ):
        # A name of common words only meets another through a word of two meanings ("Volks-",
        # popular and people's) by chance: "Volksbefreiungsarmee", the People's Liberation Army,
        # is not the Popular Liberation Army.
        return "a name of common words is not met through a word of two meanings"
    if translated and not widened and _translates_a_qualified_name(al, words, index):
        # "Ejército de Liberación Nacional" is a national liberation army, as the Macedonian NLA's
        # "Ushtria Çlirimtare Kombëtare" is: the registry writes that one's English name with its
        # country in brackets, since the words alone name several groups.
        return "its words translate a name the registry qualifies with a place in brackets"
    concept_pairs = [p for p in al.pairs if p.how in TRANSLATED and p.query.kind != HEAD]
    if concept_pairs and len(content_pairs) < 2 and not words.distinctive(al, countries):
        # A head word and one word of the glossary that one entity alone has, each paired with
        # its own ("Brigades de la paix", "Peace Brigades"): the name translated whole.
        heads = [p.alias for p in al.pairs if p.query.kind == HEAD]
        whole = (
            not widened
            and len(content_pairs) == 1
            and content_pairs[0].how == "concept"  # a kin word ("revolution") is another word
            and len(heads) == 1
            and (
                words.entities.get(content_pairs[0].alias.ident, 0) == 1
                or _only_one_so_named(words, index, content_pairs[0].alias, heads[0], entity)
            )
        ) or (len(heads) > 1 and _named_whole(al, words, index, entity, widened))
        if not whole:
            return "a translation needs two words or a distinctive name"
    if (
        len(content) == 1
        and content[0].how != "same"
        and not arabic
        and (al.query_places or al.dropped_places)
        and content[0].query.text in given_names()
    ):
        # A given name is the only word of the name's own, spelled otherwise, beside a place: a
        # man from somewhere ("Mahmood Yakubu"), not the Mahmuda. (Last: the list of given names
        # is read only when no other reason refused the pairing.)
        return f"'{content[0].query.text}' is a given name, and only its spelling is near the name's"
    return ""


__all__ = [
    "ANCHOR_ENTITIES",
    "CONTENT",
    "FEATURES",
    "HEAD",
    "PLACE",
    "TRANSLATED",
    "Alignment",
    "Pair",
    "Verdict",
    "Word",
    "WordIndex",
    "align",
    "analyse",
    "compatible",
    "judge",
    "kin",
    "may_abbreviate",
    "one_head_each",
    "spelled_out",
    "split_particles",
    "texts_alike",
]
