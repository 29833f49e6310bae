"""Resolve a name to a registry entity, stage by stage, the cheapest first.

The stages, in the order they run (the first that decides, decides):

1. ``exact``: the name as written (case, invisibles and spacing aside) is an alias;
2. the name is an entity id, or an old id that was merged or renamed (``redirect``);
3. ``acronym``: a one-word name equals an acronym (acronyms match only exactly);
4. ``key``: the normalized form (:func:`aliasctl.normalize.key`) is an alias's;
5. ``skeleton``: the consonant outline is an alias's, with guards for short
   outlines and for names written without vowels;
6. ``fuzzy``: an alias within the edit budget, word by word;
7. the word stage (:mod:`aliasctl.matching.alignment`): ``words`` (word order,
   compounds), ``headword`` (a head word on one side only), ``qualifier`` (a
   country or the entity's acronym), ``translation`` (a glossary of words).

Every alias is normalized once, when the index is built (or read from the
cache); a query goes through the same normalizer and is compared with
precomputed forms only. The answer is honest: ``matched`` when one entity is
clearly meant, ``ambiguous`` when a shared alias or two close candidates leave
the choice to a person, ``unresolved`` otherwise, each with a reason.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from .. import normalize
from .index import WEAK, Index, block_of
from .scoring import (
    BODY_HEADS,
    DEFAULT_MIN_SCORE,
    FEATURES,
    MAX_FUZZY_SCORE,
    SCORER,
    SKELETON_MIN_LEN,
    block_top,
    fuzzy_accepts,
    fuzzy_refusal,
    skeleton_accepts,
    typed_apart,
    vowel_apart,
)

if TYPE_CHECKING:
    from ..registry.model import Registry
    from .alignment import Alignment

# The word stage (:mod:`.alignment`, :mod:`.words`) is imported where it is used: a name answered
# by the exact, key, skeleton or fuzzy stage does not load its tables.

#: What an answer can be.
Status = Literal["matched", "ambiguous", "unresolved"]
MATCHED: Status = "matched"
AMBIGUOUS: Status = "ambiguous"
UNRESOLVED: Status = "unresolved"
#: How many candidates an answer keeps by default (for ambiguous and unresolved names).
DEFAULT_TOP = 5

#: The score of a name written out for an abbreviation its initials spell: above the default
#: minimum, below any name that shares a word with the query.
SPELLED_OUT_SCORE = 87.0
#: The methods of the word stage (:mod:`aliasctl.matching.alignment`).
WORD_METHODS = frozenset(FEATURES)

AMBIGUITY_MARGIN = 3.0
KEY_SCORE = 97.0
_CANDIDATE_FLOOR = 60.0
_SKELETON_CUTOFF = 85.0
_SKELETON_LIMIT = 20
_BATCH = 128
#: A batch of this many names decodes the cached index's text columns whole first (:meth:`Index.decode`).
DECODE_FROM = 256


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
    status: Status
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


# Each pattern that starts with a run of spaces starts it only where the run starts: found from
# inside a run, it would be tried once a space, and a cell of thousands of spaces took seconds.
_BRACKETS = re.compile(r"(?<!\s)\s*[(\[]([^)\]]*)[)\]]\s*")
#: The fewest letters of an acronym written as it sounds in another script (उल्फा, ULFA).
ACRONYM_SOUNDED_MIN = 4
#: The most letters of a name written in capitals alone that is read as an abbreviation ("ETA").
ABBREVIATION_MAX = 6
#: The scripts of India's press, which write an acronym as it sounds.
_SOUNDED_SCRIPTS = frozenset(
    ("Devanagari", "Bengali", "Gujarati", "Gurmukhi", "Telugu", "Tamil", "Kannada", "Malayalam", "Oriya", "Sinhala")
)

#: An abbreviation, and a faction's letters after it in brackets ("NSCN (I-M)", "ULFA (I)").
_ABBREVIATION = re.compile(r"[A-Z]{2,8}")
_FACTION_LETTERS = re.compile(r"[A-Z]{1,3}(?:-[A-Z]{1,2})?")


#: The words that say the name after them is another of the group's: "also known as", "aka",
#: "a.k.a.", "formerly", "formerly known as", "previously", "alias", "also called".
_KNOWN_AS = re.compile(
    r"(?:^|(?<!\s)\s*,\s*|(?<!\s)\s+)(?:also\s+known\s+as|a\.?k\.?a\.?|formerly(?:\s+known\s+as)?|previously(?:\s+known\s+as)?"
    r"|alias|also\s+called)\s+",
    re.IGNORECASE,
)


def _without_known_as(qualifier: str) -> str:
    """A bracket's text without the words that start it as another name ("formerly Ansar Dine")."""
    known = _KNOWN_AS.match(qualifier)
    return (qualifier[known.end() :] if known else qualifier).strip()


def split_qualifiers(text: str) -> tuple[str, list[str]]:
    """Split "Name (Q1) [Q2]" or "Name, Q" into the name and its qualifiers; "Name, also known as
    Other", "Name aka Other", "Name (formerly Other)" into the name and the other name."""
    qualifiers = [_without_known_as(m.group(1)) for m in _BRACKETS.finditer(text)]
    name = " ".join(_BRACKETS.sub(" ", text).split())
    known = _KNOWN_AS.search(name)
    if known is not None and known.start() > 0 and name[known.end() :].strip():
        # The name before, the other name after (one clause: the rest, whatever it holds).
        name, qualifiers = name[: known.start()].strip(), [*qualifiers, name[known.end() :].strip(" .,;")]
    elif not qualifiers and text.count(",") == 1:
        head, tail = (part.strip() for part in text.split(","))
        if head and tail and len(tail.split()) <= 3:
            name, qualifiers = head, [tail]
    return name, [q for q in qualifiers if q]


def place_codes(key: str) -> frozenset[str]:
    """The countries a normalized place name may be in: a country, a demonym, a city or a region,
    or a people's name (:data:`~aliasctl.matching.words.PEOPLES`: the countries it lives in)."""
    from .words import people_countries

    return _places_of(key) or people_countries().get(key, frozenset())


def _places_of(key: str) -> frozenset[str]:
    """The countries of the country, demonym, city or region a normalized name is (no people)."""
    from .words import gazetteer, vocabulary

    vocab = vocabulary()
    country = vocab.places.get(key) or vocab.place_phrases.get(tuple(key.split()))
    if country:
        return frozenset((country,))
    return gazetteer().get(key, frozenset())


def is_people(key: str) -> bool:
    """Whether a normalized word names a people (:data:`~aliasctl.matching.words.PEOPLES`) and no
    country, city or region."""
    from .words import people_countries

    return key in people_countries() and not _places_of(key)


def place_agrees(key: str, index: Index, e_i: int) -> frozenset[str] | None:
    """The countries of the place ``key`` names (:func:`place_codes`) that are among entity ``e_i``'s;
    None when ``key`` names no place. A people (:data:`~aliasctl.matching.words.PEOPLES`) agrees only
    with the entity's first country, the one it is of, and only when a name of the entity carries a
    mark of the people (:func:`~aliasctl.matching.alignment.people_tied`): the Kurds live in Syria,
    but "Hezbollah (Kurdish)" is not Lebanon's Hezbollah, which fights in Syria too."""
    codes = place_codes(key)
    if not codes:
        return None
    own = [c for c in index.entity_countries[e_i].split(",") if c]
    if not is_people(key):
        return codes & set(own)
    from .alignment import people_tied

    return codes & set(own[:1]) if people_tied(index, e_i, key) else frozenset()


def _initials_of(name: str) -> str:
    """The first letters of a name's words, function words left out ("Comando Vermelho": "cv")."""
    from .alignment import analyse

    words = analyse(normalize.key(name))
    letters = "".join(part[0] for w in words for part in w.text.split())
    return letters if len(letters) >= 2 else ""


def _explain_alignment(al: Alignment) -> str:
    from .alignment import PARENT, SET_ASIDE_TITLES, TRANSLATED

    parts = []
    heads = [w for w in al.dropped_heads if w.concept != PARENT]
    if heads:
        parts.append("head word " + ", ".join(dict.fromkeys(f"'{w.text}'" for w in heads)) + " set aside")
    titles = [w for w in al.dropped_words if w.text in SET_ASIDE_TITLES and not w.concept]
    if titles:
        parts.append("the title " + ", ".join(f"'{w.text}'" for w in titles) + " set aside")
    common = [w for w in al.dropped_words if w not in titles]
    if common:
        parts.append("common word " + ", ".join(f"'{w.text}'" for w in common) + " set aside")
    if al.renamed:
        parts.append("head word " + ", ".join(f"'{p.query.text}' for '{p.alias.text}'" for p in al.renamed))
    parent = [w for w in al.dropped_heads if w.concept == PARENT]
    if parent:
        parts.append("the parent " + " ".join(dict.fromkeys(f"'{w.text}'" for w in parent)) + " left out of the province's name")
    from .words import people_countries

    peoples = [w for w in al.query_places if w.text in people_countries()]
    places = [w for w in al.dropped_places + al.query_places if w not in peoples]
    if places:
        parts.append("place " + ", ".join(f"'{w.text}'" for w in places) + " set aside")
    if peoples:
        parts.append("people " + ", ".join(f"'{w.text}'" for w in peoples) + ", of its country, set aside")
    if al.acronyms:
        parts.append("its acronym " + ", ".join(f"'{w.text}'" for w in al.acronyms))
    translated = [p for p in al.pairs if p.how in TRANSLATED]
    if translated:
        parts.append("translated " + ", ".join(f"'{p.query.text}' = '{p.alias.text}'" for p in translated))
    initials = [p for p in al.pairs if p.how == "initials"]
    if initials:
        parts.append("initials " + ", ".join(f"'{p.query.text}' = '{p.alias.text}'" for p in initials))
    return f" ({'; '.join(parts)})" if parts else ""


def _is_arabic(text: str) -> bool:
    return not text.isascii() and normalize.script_of(text) == "Arabic"


#: How many letters a reading must have to be resolved (:meth:`Resolver._read_otherwise`); one
#: more in Arabic letters.
READING_MIN_LETTERS = 4
#: A capital and a number apart ("M 23"): one abbreviation written in two.
_LETTER_AND_NUMBER = re.compile(r"^\s*([A-Z])\s+(\d{1,3})\s*$")
#: The last letters of a body's abbreviation that a slash may give the other of: army, movement,
#: front, party ("NRA/M", "SPLM/A").
_BODY_LETTERS = frozenset("AMFP")
#: Two abbreviations in capitals that a slash joins ("NRA/M", "LRA/M", "TPN/OPM").
_SLASHED = re.compile(r"^\s*([A-Z][A-Z0-9]{1,7})\s*/\s*([A-Z][A-Z0-9]{0,7})\s*$")
#: A parent's abbreviation or one-word name, a hyphen, and a branch's letters in capitals: "IS-K".
_PARENT_AND_BRANCH = re.compile(r"^\s*([^\W\d_]{2,8})\s*[-‐–/]\s*([A-Z]{1,4})\s*$")
#: The longest of a parent's names that :meth:`Resolver._parent_swapped` puts before a branch's letters.
_PARENT_PART_MAX = 8
#: An abbreviation of three capitals or more (a digit may end it) and an ending of one to three
#: small letters joined to it, directly or by a hyphen (Kurmanji's ê and î and Albanian's ë among
#: them: "YPGê", "UÇK-së"), or
#: Turkish's word for its members ("PKK-çılar", "PKK'cı").
_ACRONYM_ENDED = re.compile(
    r"([A-ZÀ-ÖØ-ÞŞĞİŁŽŠČĆ]{3,}[0-9]*)(?:[-\u2010\u2011]?([a-zçğıöşüêîë]{1,3})|[-\u2010\u2011'\u2019]?([cç][ıiuü](?:lar|ler)?))"
)

#: Whether the name being resolved is read from a word for a group's members ("вагнеровцы",
#: read "вагнер"): one word alone then says what a word for the members beside it would.
_MEMBERS_SAID: ContextVar[bool] = ContextVar("members_said", default=False)

#: How a Slavic word for a group's members, read as the name it is made from, may match that name:
#: as written, spelled alike, or with a head word set aside ("вагнер", "ЧВК Вагнер"), not translated.
_MEMBERS_METHODS = frozenset(("exact", "key", "skeleton", "fuzzy", "headword", "words"))
#: Word by word, only a name the Slavic or the Latin press writes: "вагнер" is the "Wagner" beside
#: it, "пилот" (of "пилоты", pilots) no name in Tamil letters read alike.
_MEMBERS_WORD_SCRIPTS = frozenset(("Latin", "Cyrillic"))
#: The methods that meet a name as spelled (its words, not their translations).
_SPELLED_METHODS = frozenset(("exact", "key", "skeleton", "fuzzy", "words"))

#: What :meth:`Resolver._qualifier_fits` answers for a qualifier that names the body an entity
#: belongs to, or a body that belongs to it: it agrees, less than the entity's own names do.
RELATED = "related"

#: South Asia's countries, whose groups the press of its scripts writes of.
_SOUTH_ASIA = frozenset(("IN", "PK", "BD", "NP", "LK", "AF", "BT", "MV"))
#: Scripts that one region's press alone writes, by the first word of their letters' Unicode
#: names, and that region's countries (Arabic, Cyrillic, Latin, Chinese and Hebrew are written of
#: every region).
SCRIPT_REGIONS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL", "TELUGU", "KANNADA", "MALAYALAM", "SINHALA"), _SOUTH_ASIA),
    "MYANMAR": frozenset(("MM",)),
    "THAI": frozenset(("TH", "MM", "MY", "KH", "LA")),
    "ETHIOPIC": frozenset(("ET", "ER", "SO", "SD", "SS", "DJ", "KE")),
}
#: Letters of the Arabic script that only Urdu (ٹ ڈ ڑ ں ے ہ) or Pashto (ټ ډ ړ ږ ښ ګ ڼ ۍ) writes, and
#: the region whose press writes them.
ARABIC_LETTER_REGIONS: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (frozenset("\u0679\u0688\u0691\u06ba\u06d2\u06d3\u06c1\u067c\u0689\u0693\u0696\u069a\u06ab\u06bc\u06cd"), _SOUTH_ASIA),
)
#: The Persian and Urdu ezafe written between two words of a romanized name ("Jaish-e-Mohammed",
#: "Hezb-i-Islami", "Niru-ye Moghavemat"): the romanization of the press of Iran, Afghanistan and
#: South Asia, not of Arabic names elsewhere ("Jaysh Muhammad").
_EZAFE = re.compile(r"(?<=[^\W\d_])[-\u2010\u2011](?:e|i|ye|yi)(?:[-\u2010\u2011]|\s+)(?=[^\W\d_])")
#: The countries whose press writes the ezafe so.
EZAFE_REGION = _SOUTH_ASIA | {"IR", "TJ"}
#: Who backs, arms or leads a group, written before its name as the press writes it: "US-backed
#: SDF", "Rwanda-backed M23", "Iran-aligned Kataib Hezbollah", "al-Qaeda-linked JNIM", "Gaza-based
#: Hamas", the same with a noun ("al-Qaeda affiliate", "Iranian proxy", "Islamic State offshoot"),
#: and "pro-Iranian" (not "anti-", which begins a name: the Anti-balaka). Up to four words
#: before the connecting word, none of them joining two names ("Hamas and Iran-backed Hezbollah",
#: "Hamas/Iran-backed Hezbollah" name two groups); what follows must be a name of its own.
_BACKER = re.compile(
    r"^\s*(?:the\s+)?("
    r"(?:(?!(?:and|or|&)\s)[^\s/,;&]+\s+){0,3}?[^\s/,;&]+?[\s\-\u2010\u2011](?:backed|supported|sponsored|aligned|allied|affiliated|linked"
    r"|funded|armed|trained|led|based|inspired)"
    # the same said with a noun: "al-Qaeda affiliate al-Shabaab", "Iranian proxy Kataib Hezbollah"
    r"|(?:(?!(?:and|or|&)\s)[^\s/,;&]+\s+){0,3}?[^\s/,;&]+?\s+(?:affiliate|proxy|ally|offshoot|franchise)"
    r"|pro[\-\u2010\u2011][^\s]+)\s+(?=\S)",
    re.IGNORECASE,
)
#: How alike (``fuzz.ratio``) a faction's word written out must be to the registry's ("Abdel",
#: "Abdul"; not "Chand", "Centre").
_FACTION_WORD_ALIKE = 75
#: How many answers for parts of joined names a resolver remembers.
_PARTS_KEPT = 4096
def _two_names_of(text: str) -> tuple[str, str] | None:
    """The two names ``text`` joins by its one slash, each with a letter ("AFC/M23"; not a date,
    "12/03/2020"), or None. (Split, not matched by a pattern: a cell may be long.)"""
    if text.count("/") != 1:
        return None
    first, second = (part.strip() for part in text.split("/"))
    if not any(c.isalpha() for c in first) or not any(c.isalpha() for c in second):
        return None
    return first, second
#: Two abbreviations in capitals joined by a hyphen ("EMC-FARC").
_TWO_ABBREVIATIONS = re.compile(r"^\s*([A-Z][A-Z0-9]{1,7})[-\u2010\u2011\u2013]([A-Z][A-Z0-9]{1,7})\s*$")


def _tied(answer: Match) -> list[Candidate]:
    """The candidates of an answer within the ambiguity margin of the best."""
    if not answer.candidates:
        return []
    top_score = max(c.score for c in answer.candidates)
    return [c for c in answer.candidates if top_score - c.score < AMBIGUITY_MARGIN]


def _chosen(text: str, chosen: Candidate, others: Sequence[Candidate], reason: str) -> Match:
    """A match of ``chosen`` for ``reason``, the other candidates after it."""
    return Match(
        query=text,
        status=MATCHED,
        id=chosen.id,
        name=chosen.name,
        score=chosen.score,
        method=chosen.method,
        matched_alias=chosen.alias,
        candidates=(chosen, *(c for c in others if c is not chosen)),
        reason=reason,
    )


def _named_by(answer: Match) -> dict[str, Candidate]:
    """The entities an answer names, by id: the one it matched, or those an ambiguity ties."""
    if answer.status == MATCHED and answer.id is not None:
        own = next((c for c in answer.candidates if c.id == answer.id), None)
        return {
            answer.id: own
            or Candidate(
                id=answer.id, name=answer.name or "", score=answer.score, alias=answer.matched_alias or "",
                method=answer.method or "",
            )
        }
    if answer.status != AMBIGUOUS:
        return {}
    return {c.id: c for c in _tied(answer)}


#: An abbreviation in capitals and its faction's name written out, after a hyphen or in brackets:
#: "SLA-Abdel Wahid", "RCD (Kisangani)".
_FACTION_WRITTEN_OUT = re.compile(
    r"^\s*([A-Z][A-Z0-9/]{1,9})\s*(?:[-\u2010\u2011\u2013]\s*|\(\s*)"
    r"([A-Z][\w'\u2019]+(?:[\s\-\u2010\u2011]+[A-Z][\w'\u2019]+){0,3})\s*\)?\s*$"
)
#: The word that joins who backs a group to its name, at the end of what :data:`_BACKER` finds.
_BACKER_WORD = re.compile(
    r"(?:backed|supported|sponsored|aligned|allied|affiliated|linked|funded|armed|trained"
    r"|led|based|inspired|affiliate|proxy|ally|offshoot|franchise)$",
    re.IGNORECASE,
)
#: What a state has made of a group, as its press writes it before the name ("the banned outfit
#: Jaish-e-Mohammed", "proscribed Lashkar-e-Taiba", the Urdu "کالعدم", banned) or after it (the
#: Arabic "الإرهابية", terrorist): it says nothing of the group's own name.
_DESIGNATED_BEFORE = re.compile(
    r"^\s*(?:the\s+)?((?:banned|outlawed|proscribed)(?:\s+(?:terrorist\s+)?outfits?)?|کالعدم"
    # the Persian of Iran's state press: "گروهک" (the grouplet), "گروه تروریستی", "سازمان تروریستی"
    # (the terrorist group, organization)
    r"|گروهک(?:\s+تروریستی)?|(?:گروه|سازمان)\s+تروریستی)\s+(?=\S)",
    re.IGNORECASE,
)
_DESIGNATED_AFTER = re.compile(r"(?<=\S)\s+(الإرهابية|الإرهابيه|الإرهابي|الإرهابيين)\s*$")
#: What :meth:`Resolver._labelled` says of the words the press labels a group with.
_PRESS_LABEL = "what the press calls it"
#: The methods that meet a name as written, keyed or by its outline, or with a head word set aside.
_AS_WRITTEN = frozenset(("exact", "key", "skeleton", "headword"))
#: An abbreviation with a small letter between two capitals ("JeM", "LeT", "HuJI").
_MIXED_CAPITALS = re.compile(r"[A-Z]+[a-z]{1,2}[A-Z][A-Za-z]{0,3}")
#: A name in quotation marks ("Полк Нацгвардии «Азов»", "неонацистской бригады \"Эспаньола\"",
#: "ОРБ «Спарта»"): one to four words between a pair of marks, with words outside them.
_QUOTED = re.compile(r"(?:«\s*([^«»]+?)\s*»|„\s*([^„“”]+?)\s*[“”]|\"\s*([^\"]+?)\s*\"|“\s*([^“”]+?)\s*”)")
#: The most words a name in quotation marks may have.
QUOTED_WORDS_MAX = 4
#: The families of head words that say the words around a name in quotation marks name an armed
#: body (a regiment, a battalion, a group): not a party, an operation or a state.
_QUOTED_BODIES = frozenset(
    ("@unit", "@army", "@forces", "@group", "@militia", "@corps", "@division", "@organization", "@network",
     "@movement", "@pmc", "@front", "@command", "@guards")
)
#: A hyphen or a slash with spaces around it, as spreadsheets write one inside an abbreviation.
_SPACED_JOINER = re.compile(r"(?<!\s)\s*([-/\u2010-\u2015])\s*")


#: The fewest letters a name written in two parts must have to be met as the one word it joins to.
JOINED_MIN = 8


#: The letters a one-word query needs to be read as a name of several words written together, and
#: the edits allowed per letter beyond the first (the article or the ezafe a name writes glued on:
#: "lashkaretaiba" and "lashkar taiba").
GLUED_MIN = 10
GLUED_LETTERS_PER_EDIT = 6


def _joined(key: str) -> str:
    """A key of two words as one word, when long enough to be a one-word name written in two
    parts ("kogl weogo": "koglweogo"); "" otherwise."""
    parts = key.split()
    return "".join(parts) if len(parts) == 2 and len(parts[0]) + len(parts[1]) >= JOINED_MIN else ""


#: How a name read without a case ending may be matched (:meth:`Resolver._read_otherwise`): as
#: written, keyed alike, or as an abbreviation.
_CASE_ENDING_METHODS = frozenset(("exact", "key", "acronym"))
#: How an Arabic-script name read with a joined article apart may be matched
#: (:func:`normalize.article_apart`): as written, keyed, by its outline, or translated word for word.
_APART_METHODS = frozenset(("exact", "key", "skeleton", "translation"))
#: How a Russian or Ukrainian name read in the nominative may be matched (:meth:`Resolver._read_otherwise`).
_NOMINATIVE_METHODS = frozenset(("exact", "key", "acronym", "skeleton", "words", "translation"))


#: Titles a leader's name may carry beside a group's name (keyed).
_LEADER_TITLES = frozenset(
    normalize.key(w)
    for w in (
        "gen", "general", "général", "col", "colonel", "coronel", "commander", "commandant", "comandante",
        "cmdr", "maj", "major", "chef", "cheikh", "sheikh", "shaykh", "dr",
    )
)
_TITLE = "(?:(?:Gen|Col|Maj|Cmdr|Dr|Gén)\\.?|[Gg][eé]n[eé]ral|[Cc]olonel|[Cc]oronel|[Cc]ommander|[Cc]ommandant|[Cc]omandante|[Cc]hef|[Cc]heikh|[Ss]heikh)"
_CAPITALIZED = "[A-Z\u00c0-\u00de][\\w\u00c0-\u024f-]*"
#: A leader before a name, in the possessive ("Alice Lakwena's", "Gen. Thomas Cirilo's"); after it,
#: with a Romance "of" ("du général Darassa", "de Charles Massi", "d'Ali Darassa"); or in brackets
#: ("(Pambei)", "(Yasin Malik)").
_LED_BEFORE = re.compile(f"^\\s*(?P<person>(?:{_TITLE}\\s+)?(?:{_CAPITALIZED}\\s+){{0,2}}{_CAPITALIZED})['\u2019]s\\s+(?P<rest>\\S.*)$")
_LED_AFTER = re.compile(
    f"^(?P<rest>.*\\S)\\s+(?:de|du|del|do|da|di|d['\u2019])\\s*(?P<person>(?:{_TITLE}\\s+)?{_CAPITALIZED}(?:\\s+{_CAPITALIZED}){{0,2}})\\s*$"
)
_LED_BRACKETED = re.compile(f"^(?P<rest>.*\\S)\\s*\\((?P<person>[A-Z][a-z\u00e0-\u024f][\\w\u00c0-\u024f-]*(?:\\s+{_CAPITALIZED}){{0,2}})\\)\\s*$")
#: How a name whose leader is set aside may be matched: as written, keyed, spelled, as an
#: abbreviation or word by word as spelled; not by a head word set aside nor translated.
_LED_METHODS = frozenset(("exact", "key", "skeleton", "acronym", "words"))


def _led_by(text: str) -> tuple[str, str, bool, bool] | None:
    """A name said with the person who leads it (:data:`_LED_BEFORE`, :data:`_LED_AFTER`,
    :data:`_LED_BRACKETED`): the name, the person's words, whether they say a person by
    themselves (in the possessive, with a title or a given name: "Arkan's", "du général Darassa",
    "de Charles Massi"; not "do Norte", which only an abbreviation in capitals before it makes a
    leader's: "le 3R de Sembé Bobo"), and whether they are in brackets, where a word alone is as
    often a faction's or a product's name ("UNLF (Koireng)", "KIA (Motors)"): there only a
    person's words say a person. None when it is not."""
    from .words import given_names

    for pattern in (_LED_BEFORE, _LED_AFTER, _LED_BRACKETED):
        m = pattern.match(text)
        if m and m.group("rest").strip(" -,"):
            person = m.group("person")
            keys = normalize.key(person).split()
            said = pattern is _LED_BEFORE or any(k in _LEADER_TITLES for k in keys) or (
                len(keys) > 1 and keys[0] in given_names()
            )
            return m.group("rest").strip(" -,"), person, said, pattern is _LED_BRACKETED
    return None


def _arabic_letters_differ(text: str, alias: str, loans: bool = False) -> bool:
    """Whether two names, both in Arabic script, differ in their consonants as written (long
    vowels, hamza seats and the article aside: :func:`alignment.arabic_letters_agree`; ``loans``:
    the letters for a sound Arabic lacks as one)."""
    from .alignment import arabic_letters_agree

    return _is_arabic(alias) and not arabic_letters_agree(text, alias, loans)


#: The methods that meet a name by a spelling other than its own (what a given name alone may not).
_LOOSE_METHODS = frozenset(("skeleton", "fuzzy", "words", "headword", "translation"))


def _a_given_name(key: str) -> bool:
    """Whether a keyed query of one word is a person's given name (``data/given_names.txt``)."""
    from .words import given_names

    return " " not in key and key in given_names()


def _abbreviation_as_written(bare: str, other: Match) -> bool:
    """Whether a name read without its case ending met an abbreviation as it is written: in Latin
    capitals, in an Indian script's letter names ("আইএস", IS), or a registry name letter for
    letter ("আলফা"); not by the consonants a word in those scripts shares with one ("হিজাব", hijab,
    is no "হুজিবি")."""
    word = bare.rsplit(maxsplit=1)[-1] if bare.strip() else ""
    if word.isascii() and _in_capitals(word):
        return True
    if normalize.abbreviation_in_latin(word) or normalize.letter_names(word):
        return True
    written = other.matched_alias
    return written is not None and normalize.display_key(written) == normalize.display_key(bare)


def _case_ending_read(bare: str, other: Match) -> bool:
    """Whether a name read without its case ending is the name the answer gives: a registry name as
    written; or, three letters at least of the last word left (vowel signs are no letters: "দশ",
    ten, is no Daesh), a name keyed alike or an abbreviation written as one; a name of several
    words by any route but a head word set aside."""
    if other.status == UNRESOLVED:
        return False
    if other.method == "exact":
        return True
    word = bare.rsplit(maxsplit=1)[-1] if bare.strip() else ""
    if sum(c.isalpha() for c in word) < 3 and not (word.isascii() and _in_capitals(word)):
        return False
    if other.method == "acronym":
        return _abbreviation_as_written(bare, other)
    if len(bare.split()) > 1:
        return other.method != "headword"
    return other.method in _CASE_ENDING_METHODS


def _latin_or_cyrillic(text: str) -> bool:
    """Whether a name is written in Latin or Cyrillic letters."""
    return normalize.script_of(text) in ("Latin", "Cyrillic")


def _in_capitals(token: str) -> bool:
    """Whether a token is written as an abbreviation: its letters capitals, two or more, or one
    with digits ("M23", "G9", "3R")."""
    letters = [c for c in token if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return False
    return len(letters) >= 2 or any(c.isdigit() for c in token)


#: The particles ("of") that join a word for a body to a name in Hausa (ta, na), Swahili (cha,
#: za, wa, la, ya) and Kinyarwanda (ba, ya, za), keyed.
_LINKERS = frozenset(("ta", "na", "cha", "za", "wa", "la", "ya", "ba"))
#: "Armed" beside a word for a body, in the press's languages (keyed).
_ARMED = frozenset(
    normalize.key(w)
    for w in ("armed", "armé", "armés", "armado", "armados", "armato", "armati", "bewaffnete", "bewaffneten", "silahlı")
)
#: Words after an acronym in capitals that say what the body fields: its forces, cadres, members.
_ACRONYM_MEMBERS = frozenset(
    normalize.key(w) for w in ("cadres", "cadre", "members", "operatives", "loyalists", "forces")
)


def _of_an_acronym(word: str, heads: Mapping[str, str]) -> bool:
    """Whether a keyed word after an acronym in capitals only says what the body fields
    (:data:`_ACRONYM_MEMBERS`, or a word the glossary knows for forces)."""
    return word in _ACRONYM_MEMBERS or heads.get(word) == "@forces"


def _bracketed_capitals(token: str) -> bool:
    """Whether a token, its brackets aside, is written as an abbreviation (:func:`_in_capitals`)."""
    return _in_capitals(token.strip("()[]"))


def _caseless(token: str) -> bool:
    """Whether a token is written in a script without capitals (Arabic, Persian, the Indian scripts)."""
    return any(c.isalpha() for c in token) and not any(c.isupper() or c.islower() for c in token)


def _names_a_body(reading: str) -> bool:
    """Whether a name holds a head word (a brigade, a division, a movement...) of the glossary."""
    from .words import vocabulary

    heads = vocabulary().heads
    return any(token in heads for token in normalize.key(reading).split())


def _written_as_one(text: str) -> bool:
    """Whether a name whose letters are an acronym's is written as one abbreviation: one token; or
    capitals one token once a spreadsheet's spaced hyphen or slash is closed up ("IBDA / C", "ULFA -
    I"); or Urdu letter names, a word each ("ٹی ٹی پی", TTP)."""
    if " " not in text:
        return True
    compact = _SPACED_JOINER.sub(r"\1", text)
    if " " not in compact and not any(c.islower() for c in compact):
        return True
    return bool(normalize.urdu_letter_names(text))


#: A hyphen or dash between two words, the second capitalized, not in capitals: two names joined
#: ("Front-Shene"; "SPLM-SPLA" is one abbreviation of two bodies' names).
_JOINED_NAMES = re.compile(r"(?<=[^\W\d_]{2})[-\u2010-\u2015](?=[A-Z][^\W\dA-Z_])")


def _parts_of(text: str, acronym: str) -> bool:
    """Whether ``text`` is ``acronym`` written in capitals with a space where the acronym has a
    slash, a hyphen or a dot between two parts ("TKP ML", "ULFA I"): each part as the acronym
    writes it, casefolded."""
    parts = text.split()
    if len(parts) < 2 or any(c.islower() for c in text) or not all(p.isalnum() for p in parts):
        return False
    return [p.casefold() for p in re.split(r"[^\w]+", acronym) if p] == [p.casefold() for p in parts]


class Resolver:
    """Resolve names against one registry.

    Args:
        registry: a loaded :class:`Registry`, or an :class:`Index` (from the cache).
        min_score: the lowest fuzzy score accepted as a match.
        disabled: stages of the word stage not to use (:data:`aliasctl.matching.alignment.FEATURES`),
            for measuring what each one adds.
    """

    def __init__(
        self,
        registry: Registry | Index,
        min_score: float = DEFAULT_MIN_SCORE,
        *,
        disabled: Iterable[str] = (),
    ) -> None:
        self.index = registry if isinstance(registry, Index) else Index.from_registry(registry)
        self.min_score = min_score
        self.disabled = frozenset(disabled)
        self._bodies_of: frozenset[int] | None = None
        self._backers: frozenset[str] | None = None
        self._parts: dict[str, Match] = {}
        self._glued_keys: dict[str, list[tuple[str, int]]] | None = None

    # -- helpers --------------------------------------------------------

    def _glued(self, key: str) -> tuple[float, list[int]] | None:
        """The names of several words (and their score) that a one-word key is, written together:
        its letters within an edit or two of theirs once their spaces go, the first three letters
        the same. None when there are none."""
        if self._glued_keys is None:
            by_start: dict[str, list[tuple[str, int]]] = {}
            for a_i, k in enumerate(self.index.alias_key):
                if " " in k:
                    whole = k.replace(" ", "")
                    if len(whole) >= GLUED_MIN:
                        by_start.setdefault(whole[:3], []).append((whole, a_i))
            self._glued_keys = by_start
        budget = 1 + (len(key) - GLUED_MIN) // GLUED_LETTERS_PER_EDIT
        best, hits = budget + 1, []
        for whole, a_i in self._glued_keys.get(key[:3], ()):
            if abs(len(whole) - len(key)) > budget:
                continue
            d = Levenshtein.distance(key, whole, score_cutoff=budget)
            if d > budget:
                continue
            if d < best:
                best, hits = d, [a_i]
            elif d == best:
                hits.append(a_i)
        if not hits:
            return None
        return fuzz.ratio(key, self.index.alias_key[hits[0]].replace(" ", "")), hits

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
        return Match(
            query=query,
            status=MATCHED,
            id=cand.id,
            name=cand.name,
            score=score,
            method=method,
            matched_alias=cand.alias,
            candidates=(cand,),
            reason=reason,
        )

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
        if len(chosen) > 1 and _MIXED_CAPITALS.fullmatch(query.strip()):
            # An abbreviation with a small letter between its capitals, written so by one entity
            # alone: "JeM" is Jaish-e-Mohammed's (the e its ezafe), "JEM" also the Sudanese
            # Justice and Equality Movement's.
            # (the registry marks such an abbreviation shared, as its letters are)
            written = [a_i for a_i in hits if self.index.alias_text[a_i].strip() == query.strip()]
            if len({self._entity_of(a_i) for a_i in written}) == 1:
                entity_id = self.index.entity_ids[self._entity_of(written[0])]
                return self._matched(query, written[0], score, method, f"{what}, written in these capitals, of {entity_id}")
        cands = tuple(self._candidate(a_i, score, method) for a_i in chosen)
        if len(chosen) > 1:
            names = ", ".join(c.id for c in cands)
            return Match(
                query=query,
                status=AMBIGUOUS,
                score=score,
                method=method,
                candidates=cands,
                reason=f"{what} belongs to {len(chosen)} entities: {names}",
            )
        a_i = chosen[0]
        if self.index.alias_shared[a_i]:
            return Match(
                query=query,
                status=AMBIGUOUS,
                score=score,
                method=method,
                matched_alias=self.index.alias_text[a_i],
                candidates=cands,
                reason=self._not_alone(a_i),
            )
        return self._matched(query, a_i, score, method, f"{what} of {cands[0].id}")

    def _same_key_elsewhere(self, hits: list[int]) -> set[int]:
        """Aliases of other entities whose key is the key of one of ``hits``."""
        idx = self.index
        mine = {idx.alias_entity[a] for a in hits}
        out: set[int] = set()
        for a in hits:
            if idx.alias_key[a]:
                out.update(b for b in idx.by_key.get(idx.alias_key[a]) or [] if idx.alias_entity[b] not in mine)
        return out

    def _a_vowel_away(self, text: str, keys: normalize.Keys, hits: list[int]) -> set[int]:
        """Aliases of other entities whose key is the query's but for one vowel.

        A name marked shared counts too when the query is written as much like it as like the
        names it keys alike ("Hizb-e-Islami" is the Somali Hizbul Islaami's key, but is written
        as "Hezb-e-Islami", which two Afghan parties share; "AS - SA'IQA" is written as its own
        group's As-Sa'iqa, not as the Libyan al-Saiqa); a weak alias never counts.
        """
        idx = self.index
        mine = {idx.alias_entity[a] for a in hits}
        near = {
            b
            for b in idx.by_skeleton.get(keys.skeleton) or []
            if idx.alias_entity[b] not in mine
            and idx.alias_shared[b] != WEAK
            and vowel_apart(keys.key, idx.alias_key[b])
        }
        if not any(idx.alias_shared[b] for b in near):
            return near
        # How the query is written is compared only when a shared name is that near (rarely).
        shown = normalize.display_key(text)
        own = max(fuzz.ratio(shown, normalize.display_key(idx.alias_text[a])) for a in hits)
        return {
            b
            for b in near
            if not idx.alias_shared[b] or fuzz.ratio(shown, normalize.display_key(idx.alias_text[b])) >= own
        }

    def _not_alone(self, a_i: int) -> str:
        """Why an alias cannot decide on its own: it is shared, or a list's weak a.k.a."""
        text = self.index.alias_text[a_i]
        if self.index.alias_shared[a_i] == WEAK:
            return f"'{text}' is a weak alias (marked as matching too widely: a list's own warning, or a common word): it never decides alone"
        return f"'{text}' is marked shared: it names several groups"

    # -- the stages -----------------------------------------------------

    def resolve(self, text: str, *, top: int = DEFAULT_TOP) -> Match:
        """Resolve one name.

        Args:
            text: the name as written.
            top: how many candidates to keep for ambiguous and unresolved answers.

        Returns:
            A :class:`Match`; never raises for any string input.
        """
        return self._finish(text, self._plain(text, top), top)

    def _finish(self, text: str, answer: Match, top: int) -> Match:
        """The steps after the stages, alike for :meth:`resolve` and :meth:`resolve_batch`:
        qualifiers, another reading, then the script for a name several entities fit."""
        answer = self._read_otherwise(text, self._qualified(text, answer, top), top)
        if answer.status == UNRESOLVED and "qualifier" not in self.disabled:
            answer = self._set_aside(text, answer, top)
        if answer.status == UNRESOLVED and "qualifier" not in self.disabled:
            answer = self._quoted(text, answer, top)
        if answer.status == UNRESOLVED and "qualifier" not in self.disabled:
            answer = self._two_names(text, answer, top)
        if answer.status == UNRESOLVED and "initials" not in self.disabled:
            answer = self._faction_written_out(text, answer)
        if answer.status == AMBIGUOUS and "qualifier" not in self.disabled:
            return self._by_script(text, answer)
        return answer

    def _backed_names(self) -> frozenset[str]:
        """The keys of the names that the registry writes after who backs them (found once)."""
        if self._backers is None:
            self._backers = frozenset(
                normalize.key(t[m.end() :]) for t in self.index.alias_text if (m := _BACKER.match(t)) is not None
            )
        return self._backers

    def _quoted(self, text: str, answer: Match, top: int) -> Match:
        """A name in quotation marks among words that say what kind of body it is, resolved with
        only the head words among them when nothing matched the whole: "Полк Нацгвардии «Азов»"
        (the National Guard's Azov regiment) is "Полк «Азов»", "Окремий розвідувальний батальйон
        «Спарта»" (separate reconnaissance battalion) "батальйон «Спарта»". The Cyrillic
        abbreviations of the units that field it ("ДШВБ «Русіч»", "ОРБ «Спарта»") are set aside.
        Outside words with no head word of an armed body ("партия «...»", a party; "операция",
        an operation) leave the answer as it was."""
        from .words import vocabulary

        found = list(_QUOTED.finditer(text))
        if len(found) != 1:
            return answer
        quoted = next(g for g in found[0].groups() if g)
        outside = (text[: found[0].start()] + " " + text[found[0].end() :]).split()
        if not outside or not 1 <= len(quoted.split()) <= QUOTED_WORDS_MAX:
            return answer
        heads = vocabulary().heads
        kept: list[str] = []
        for token in outside:
            # a head word as written, or in the nominative of its Russian or Ukrainian case ("бригады")
            concept = next(
                (c for form in (token, *normalize.cyrillic_stems(token)) if (c := heads.get(normalize.key(form)))), None
            )
            if concept is None:
                continue
            if concept.partition(":")[0] not in _QUOTED_BODIES:
                return answer  # a head word of another kind: a party, an operation, a state
            kept.append(token)
        if not kept and not all(_in_capitals(t) and normalize.script_of(t) == "Cyrillic" for t in outside):
            return answer
        rest = " ".join([*kept, quoted])
        other = self._plain(rest, top)
        if other.status != MATCHED:
            return answer
        said = " ".join(t for t in outside if t not in kept)
        return replace(
            other, query=text, reason=f"the name in quotation marks, '{rest}', with '{said}' set aside; {other.reason}"
        )

    def _set_aside(self, text: str, answer: Match, top: int) -> Match:
        """A name beside words that say nothing of the group's own name, set aside when nothing
        matched the whole: who backs, arms or leads it (:data:`_BACKER`: "US-backed SDF" is the SDF,
        "pro-Iranian militia Kataib Hezbollah" Kataib Hezbollah) or what a state has made of it
        (:data:`_DESIGNATED_BEFORE`, :data:`_DESIGNATED_AFTER`: "the banned outfit Jaish-e-Mohammed",
        "حزب الله الإرهابي"), or what the press labels any armed group with (:meth:`_labelled`).
        The rest is resolved as a name of its own."""
        answer = self._designated(text, answer, top)
        if answer.status != UNRESOLVED or (labelled := self._labelled(text)) is None:
            return answer
        rest, said, what = labelled
        other = self._finish(rest, self._plain(rest, top), top)
        if other.status != MATCHED or (what == _PRESS_LABEL and not self._named_as_itself(rest, other)):
            return answer
        return replace(other, query=text, reason=f"'{said}', {what}, set aside; {other.reason}")

    def _named_as_itself(self, rest: str, found: Match) -> bool:
        """Whether a name left once a word for a group or a militia is set aside is the group's own:
        a word of it no glossary word, or met as written in its own script ("الدعم السريع", the
        Rapid Support's name in Arabic). Common words met otherwise may be another body's: "Groupe
        de la Base" is not al-Qaeda, "Revolutionary Justice group" not "Révolution et Justice"."""
        from .words import vocabulary

        vocab = vocabulary()
        content = [k for k in normalize.key(rest).split() if k not in vocab.stopwords]
        if len(content) == 1:
            # one word must be the name itself, as written or keyed ("de la Base" is no name)
            return found.method in ("exact", "key")
        if any(k not in vocab.heads and k not in vocab.concepts for k in content):
            return True
        return found.method in _AS_WRITTEN and normalize.script_of(found.matched_alias or "") == normalize.script_of(rest)

    def _designated(self, text: str, answer: Match, top: int) -> Match:
        """:meth:`_set_aside` for who backs a group and what a state has made of it."""
        if (found := _BACKER.match(text)) is not None:
            rest, said, what = text[found.end() :], found.group(1), "who backs or leads it or where it is"
            if normalize.key(rest) in self._backed_names():
                # Who backs it tells this name's groups apart: "Turkish-backed Free Syrian Army" is
                # the Syrian National Army, the Free Syrian Army another group.
                return answer
        elif (found := _DESIGNATED_BEFORE.match(text)) is not None:
            rest, said, what = text[found.end() :], found.group(1), "what a state has made of it"
        elif (found := _DESIGNATED_AFTER.search(text)) is not None:
            rest, said, what = text[: found.start()], found.group(1), "what a state has made of it"
        else:
            return answer
        other = self._finish(rest, self._plain(rest, top), top)
        if other.status == UNRESOLVED:
            return answer
        if other.status == AMBIGUOUS and found.re is _BACKER:
            told = self._told_by_backer(text, said, other, top)
            if told is not None:
                return told
        return replace(other, query=text, reason=f"'{said}', {what}, set aside; {other.reason}")

    def _labelled(self, text: str) -> tuple[str, str, str] | None:
        """The name less the words the press labels any armed group with, when it has them: "armed"
        beside a word for a body ("the Fano armed group", "grupo armado"); a word for a militia or
        a group that opens or closes a name of two words or more ("مليشيا الدعم السريع", the Rapid
        Support militia, whose own name says forces; "grupo Carolina Ramírez", a front); and an
        abbreviation in brackets inside the name that spells the words before it. (name, the words
        set aside, what they are), or None."""
        from .words import vocabulary

        tokens = text.split()
        if len(tokens) < 2:
            return None
        heads = vocabulary().heads
        keyed = [normalize.key(t) for t in tokens]
        body = [heads.get(k) in BODY_HEADS for k in keyed]
        drop = {
            i for i, k in enumerate(keyed)
            if k in _ARMED and ((i > 0 and body[i - 1]) or (i + 1 < len(tokens) and body[i + 1]))
        }
        # (a group's word only in Latin letters: an Arabic name often opens with its own, "الجماعة")
        labels = ("@militia", "@group") if normalize.script_of(text) == "Latin" else ("@militia",)
        for i in (0, len(tokens) - 1):
            if heads.get(keyed[i]) in labels and len(tokens) - len(drop) >= 3:
                drop.add(i)
        for i, token in enumerate(tokens[1:-1], 1):
            # an abbreviation in brackets inside the name that spells the words before it:
            # "People's Liberation Army (PLA) of Manipur"
            letters = token[1:-1] if token[:1] == "(" and token[-1:] == ")" else ""
            if _in_capitals(letters) and letters.isalpha() and len(letters) <= i and all(
                w[:1].casefold() == c.casefold() for w, c in zip(tokens[i - len(letters) : i], letters, strict=True)
            ):
                drop.add(i)
        end = len(tokens)
        while (
            end > 1
            and _in_capitals(tokens[end - 1])
            and tokens[end - 1].isalpha()
            and normalize.script_of(tokens[end - 1]) == "Cyrillic"
            and self._no_name(tokens[end - 1])  # no group's own ("ИГИЛ")
        ):
            end -= 1
        if not drop and 0 < end < len(tokens):
            # the Russian and Ukrainian abbreviations of the state body a unit answers to, after
            # its name ("Африканский корпус МО РФ", the Defence Ministry's Africa Corps)
            return " ".join(tokens[:end]), " ".join(tokens[end:]), "the body it answers to"
        if not drop or len(drop) >= len(tokens):
            return None
        said = " ".join(tokens[i] for i in sorted(drop))
        what = "an abbreviation of the words before it" if said.startswith("(") and " " not in said else _PRESS_LABEL
        return " ".join(t for i, t in enumerate(tokens) if i not in drop), said, what

    def _no_name(self, token: str) -> bool:
        """Whether a token alone names no entity (an abbreviation of its own, a translation: "ИГИЛ")."""
        if self.index.acronyms.get(normalize.acronym_key(token)):
            return False
        return self._plain(token, 1).status == UNRESOLVED

    def _told_by_backer(self, text: str, said: str, answer: Match, top: int) -> Match | None:
        """The one of a name's groups that the group said to back or lead it is joined to by the
        registry's relations, either within the other (:meth:`_within`): "al-Qaeda affiliate
        al-Shabaab" is the Somali al-Shabaab, part of al-Qaeda, not the Mozambican insurgents of
        the same name; or None."""
        said_ = said.rstrip()
        word = _BACKER_WORD.search(said_)
        backer = said_[: word.start()].rstrip(" \t-\u2010\u2011") if word else said_
        backer = re.split(r"['\u2019]s\b", backer)[0].strip()
        if not backer or re.match(r"pro[\-\u2010\u2011\s]", backer, re.IGNORECASE):
            return None  # "pro-Iranian": a country, or a side, not a group of the registry
        named = self._finish(backer, self._plain(backer, top), top)
        if named.status != MATCHED or named.id is None:
            return None
        idx = self.index
        b_i = idx.ids[named.id]
        tied = _tied(answer)
        joined = [c for c in tied if c.id != named.id and self._kin(idx.ids[c.id], b_i)]
        if len(joined) != 1 or len(tied) < 2:
            return None
        chosen = joined[0]
        others = ", ".join(c.id for c in tied if c is not chosen)
        return _chosen(
            text, chosen, answer.candidates,
            f"'{said}', who backs or leads it, set aside; {answer.reason}; of those, the registry "
            f"joins {chosen.id} to {named.id}, and not {others}",
        )

    def _two_names(self, text: str, answer: Match, top: int) -> Match:
        """Two names joined by a slash ("Houthis/Ansar Allah", "SDF/YPG"), or two abbreviations in
        capitals by a hyphen ("EMC-FARC"), when nothing matched the whole.

        Either, as the registry writes the two the other way round, is that name ("AA/ULA" is the
        registry's "ULA/AA", "EMC-FARC" its "FARC-EMC"). Joined by a slash, names that both name one
        group are that group ("Houthis/Ansar Allah"), and a group and a body the registry's
        relations join it to (part of, split from, succeeded, a front for) are two bodies side by
        side, ``ambiguous`` between them ("SDF/YPG", "MNLF/MILF"). Groups no relation joins stay
        unresolved (a joint claim, "Jaish-e-Mohammed/Hamas"); so do two abbreviations joined by a
        hyphen otherwise, which name two rival groups as often as one ("MILF-BIFF", "SPLM-SPLA")."""
        abbreviations = _TWO_ABBREVIATIONS.match(text)
        names = _two_names_of(text) or (
            (abbreviations.group(1), abbreviations.group(2)) if abbreviations is not None else None
        )
        if names is None:
            return answer
        first_name, second_name = names
        slash = "/" in text
        swapped = self._written_swapped(text, f"{second_name}{'/' if slash else '-'}{first_name}")
        if swapped is not None or not slash:
            return swapped or answer
        named_first = _named_by(self._part(first_name, top))
        named_second = _named_by(self._part(second_name, top)) if named_first else {}
        if not named_first or not named_second:
            return answer
        both = set(named_first) & set(named_second)
        if both:
            if len(both) != 1:
                return answer
            (chosen,) = both
            return _chosen(
                text, named_first[chosen], (), f"'{first_name}' and '{second_name}' both name {chosen}"
            )
        idx = self.index
        pairs = [
            (a, b)
            for a in named_first
            for b in named_second
            if self._kin(idx.ids[a], idx.ids[b])
        ]
        if len(pairs) != 1:
            return answer
        ((a, b),) = pairs
        side_by_side = (named_first[a], named_second[b])
        return Match(
            query=text,
            status=AMBIGUOUS,
            score=max(c.score for c in side_by_side),
            method=side_by_side[0].method,
            candidates=side_by_side,
            reason=(
                f"'{first_name}' names {a} and '{second_name}' {b}, two bodies the registry "
                "joins (part of, split from, succeeded or a front for the other)"
            ),
        )

    def _written_swapped(self, text: str, swapped: str) -> Match | None:
        """The registry's one name written as ``swapped`` (its two parts the other way round), not
        marked shared, or None."""
        idx = self.index
        hits = [
            a_i
            for a_i in (
                *(idx.exact.get(normalize.display_key(swapped)) or ()),
                *(idx.acronyms.get(normalize.acronym_key(swapped)) or ()),
            )
            if normalize.acronym_key(idx.alias_text[a_i]) == normalize.acronym_key(swapped)
            and not idx.alias_shared[a_i]
        ]
        if len({idx.alias_entity[a_i] for a_i in hits}) != 1:
            return None
        return self._matched(
            text, hits[0], 100.0, "exact",
            f"the registry writes it the other way round: '{idx.alias_text[hits[0]]}' of "
            f"{idx.entity_ids[idx.alias_entity[hits[0]]]}",
        )

    def _part(self, part: str, top: int) -> Match:
        """The answer for one of two joined names, remembered (the same parts recur in a column)."""
        found = self._parts.get(part)
        if found is None:
            if len(self._parts) >= _PARTS_KEPT:
                self._parts.clear()
            found = self._parts[part] = self._finish(part, self._plain(part, top), top)
        return found

    def _faction_written_out(self, text: str, answer: Match) -> Match:
        """An abbreviation with its faction's name written out where the registry writes the
        faction's initials: "SLA-Abdel Wahid" is the registry's "SLA-AW". The abbreviation must be
        in capitals, the faction's words (two or more) capitalized, and the initials one entity's
        name, written after that abbreviation (one word's initial is too weak a sign: "SPLA-Nasir",
        a faction of the 1990s, is not the SPLM-N's "SPLA-N")."""
        found = _FACTION_WRITTEN_OUT.match(text)
        if found is None:
            return answer
        acronym, words = found.group(1), found.group(2)
        initials = "".join(w[0] for w in re.split(r"[\s\-\u2010\u2011]+", words) if w and w[0].isupper())
        if len(initials) < 2:
            return answer  # one word's initial is too weak a sign: "SPLA-Nasir" is no "SPLA-N"
        idx = self.index
        hits = [
            a_i
            for joiner in ("-", "/", " ")
            for a_i in idx.acronyms.get(normalize.acronym_key(f"{acronym}{joiner}{initials}")) or ()
            if normalize.acronym_key(idx.alias_text[a_i]) == normalize.acronym_key(acronym + initials)
            and not idx.alias_shared[a_i]
        ]
        entities = {idx.alias_entity[a_i] for a_i in hits}
        if len(entities) != 1:
            return answer
        a_i = hits[0]
        written = self._faction_words(idx.alias_entity[a_i], len(initials), initials)
        said = normalize.key(words.replace("-", " ")).split()
        if written and not any(
            len(w) == len(said) and all(fuzz.ratio(x, y) >= _FACTION_WORD_ALIKE for x, y in zip(w, said, strict=True))
            for w in written
        ):
            # The registry writes that faction out, with other words: the initials only coincide
            # ("CPN-Maoist Chand" is no "CPN (Maoist Centre)", the CPN (MC)).
            return answer
        return self._matched(
            text, a_i, SPELLED_OUT_SCORE, "initials",
            f"'{words}' written out is '{initials}' of '{idx.alias_text[a_i]}' of {idx.entity_ids[idx.alias_entity[a_i]]}",
        )

    def _faction_words(self, e_i: int, size: int, initials: str) -> list[list[str]]:
        """Runs of ``size`` words in the names of entity ``e_i`` whose initials are ``initials``,
        as keys ("Maoist Centre" for "MC" in "CPN (Maoist Centre)")."""
        idx = self.index
        start = bisect.bisect_left(idx.alias_entity, e_i)
        end = bisect.bisect_right(idx.alias_entity, e_i, lo=start)
        runs = []
        for a_i in range(start, end):
            tokens = [t for t in re.split(r"[\s\-\u2010\u2011()/,]+", idx.alias_text[a_i]) if t]
            for i in range(len(tokens) - size + 1):
                run = tokens[i : i + size]
                if all(t[0].isupper() for t in run) and "".join(t[0] for t in run).casefold() == initials.casefold():
                    runs.append(normalize.key(" ".join(run)).split())
        return [r for r in runs if len(r) == size]

    def _within(self, e_i: int, other: int) -> bool:
        """Whether ``e_i`` is part of, split from, succeeded or fronts for ``other``, itself or
        through the bodies it belongs to (three steps at most)."""
        idx = self.index
        seen, frontier = {e_i}, [e_i]
        for _ in range(3):
            step = [int(p) for e in frontier for p in idx.entity_related[e].split(",") if p and idx.belongs(e, int(p))]
            if other in step:
                return True
            frontier = [p for p in step if p not in seen]
            seen.update(frontier)
        return False

    def _kin(self, e_i: int, other: int) -> bool:
        """Whether either entity is within the other (:meth:`_within`)."""
        return self._within(e_i, other) or self._within(other, e_i)

    def _by_script(self, text: str, answer: Match) -> Match:
        """Entities a name fits as well, told apart by the script it is written in: a script that
        only one region's press writes (:data:`SCRIPT_REGIONS`) speaks of that region's groups,
        as a country in brackets would ("జైష్-ఎ-మహమ్మద్", in Telugu, is Pakistan's
        Jaish-e-Mohammed, not Iraq's Jaysh Muhammad). Only when exactly one of the entities is
        in the region; a name marked shared still decides nothing."""
        script = normalize.script_of(text)
        region = SCRIPT_REGIONS.get(script.upper())
        written = f"written in {script} script, whose press is of {{}}"
        if region is None and script == "Arabic":
            # Arabic script is written everywhere, but some of its letters by one language only.
            region = next((r for letters, r in ARABIC_LETTER_REGIONS if not letters.isdisjoint(text)), None)
            written = "written in Urdu or Pashto script, whose press is of {}"
        elif region is None and script == "Latin" and _EZAFE.search(text):
            # Latin letters are written everywhere, but a name romanized with the ezafe between
            # its words is romanized from Persian or Urdu.
            region = EZAFE_REGION
            written = "romanized with the Persian and Urdu ezafe ('-e-'), as the press of {} writes"
        if region is None or len(answer.candidates) < 2:
            return answer
        idx = self.index
        tied = _tied(answer)
        inside = [c for c in tied if region & set(idx.entity_countries[idx.ids[c.id]].split(","))]
        if len(inside) != 1 or len(tied) < 2:
            return answer
        chosen = inside[0]
        if any(
            idx.alias_shared[a_i] and idx.entity_ids[idx.alias_entity[a_i]] == chosen.id
            for a_i in idx.exact.get(normalize.display_key(chosen.alias)) or ()
        ):
            return answer
        others = ", ".join(c.id for c in tied if c is not chosen)
        return _chosen(
            text, chosen, answer.candidates,
            f"{answer.reason}; {written.format(', '.join(sorted(region)))}, where {chosen.id} is and {others} is not",
        )

    def _read_otherwise(self, text: str, answer: Match, top: int) -> Match:
        """A name nothing matched, read another way its script allows (:func:`normalize.readings`):
        "Ταλιμπάν" is Taliban once its μπ is read as a b, as Greek writes a foreign b."""
        if answer.status != UNRESOLVED or "readings" in self.disabled:
            return answer
        from .alignment import arabic_words_within

        # An abbreviation is read another way only when written as one, in capitals ("17Ν", with a
        # Greek N): テロ (terror) read "telo" is no group's acronym.
        letters = [c for c in text if c.isalpha()]
        capitals = bool(letters) and all(c.isupper() for c in letters) and sum(c.isalnum() for c in text) >= 3
        blessed = normalize.without_blessing(text)
        persian = normalize.persian_q(text)
        # The French reading of a ch a registry name writes as it is is not taken.
        french = normalize.french_sh(text)
        unread = french if french and self._ch_is_written(text, french) else ""
        undecided: Match | None = None
        apart = normalize.article_apart(text) if _is_arabic(text) else ""
        for reading in normalize.readings(text):
            if reading == blessed and not _names_a_body(reading):
                # Without the blessing, a holy person's name alone is the person ("المهدي عليه
                # السلام", the Mahdi, not the Mahdi Army): the name must keep a word for a body.
                continue
            # A short word read another way is another short word (γεια, hello), no group's name;
            # Hebrew in Arabic letters, which loses some of its letters' values, one letter more
            # (ברכה, blessing, is not al-Barakah).
            least = READING_MIN_LETTERS + _is_arabic(reading)
            if not capitals and sum(c.isalpha() for c in reading) < least:
                continue
            other = self._qualified(reading, self._plain(reading, top), top)
            if other.status != MATCHED and _is_arabic(reading):
                other = self._same_outline(reading) or other
            if other.status == AMBIGUOUS and "qualifier" not in self.disabled:
                # Read in Latin letters, the name is still written in its own script, which may
                # say whose press it is ("ပြည်သူ့ကာကွယ်ရေးတပ်မတော်", read "people defence force":
                # Myanmar's People's Defence Force, not the PKK's People's Defence Forces).
                other = self._by_script(text, other)
            # Nor is a word read so another's acronym, spelled or written out; nor are the initials
            # of a reading of a script without capitals, which its writer never wrote as initials
            # ("العباس عليه السلام", al-Abbas and his blessing, read "abas alih slam": not "AAS").
            spelled = other.method == "acronym" or (
                other.method == "initials" and (" " not in reading.strip() or not any(c.isupper() or c.islower() for c in text))
            )
            if reading == persian and other.method not in _SPELLED_METHODS:
                continue  # a q read from a gh meets a name spelled so, not a word translated
            if reading == apart and other.method not in _APART_METHODS:
                # Two words typed as one are a name's words as written, not words spelled near
                # them: "درحالیتان" (while you...) read "درح الیتان" is no "درع الوطن".
                continue
            if unread and reading == unread:
                continue
            if (
                other.method in ("key", "skeleton")
                and _is_arabic(text)
                and other.matched_alias
                and _is_arabic(other.matched_alias)
                and normalize.arabic_outline(reading if _is_arabic(reading) else text)
                != normalize.arabic_outline(other.matched_alias)
            ):
                # Two names in Arabic script compare by their own letters (those of a reading in
                # Arabic script, the blessing read away): a reading that drops one (the ayn) meets
                # another name ("الحركة الشعبية", the popular movement, read
                # "hrka shbi", is not al-Shabaab's "حركة الشباب").
                continue
            if (
                _is_arabic(text)
                and not _is_arabic(reading)
                and other.matched_alias
                and _is_arabic(other.matched_alias)
                and other.method in ("key", "skeleton", "fuzzy", "words", "headword")
                and not arabic_words_within(other.matched_alias, text)
            ):
                # A name in Arabic script read in Latin letters meets a name in Arabic script only
                # if that name's words are among its own as written ("ولاية الرقة", Raqqa, read "wlaya
                # rka", is not "ولاية البركة"); its words translated may still meet one.
                continue
            if other.status == MATCHED and (capitals or not spelled):
                return replace(other, query=text, reason=f"read as '{reading}', {other.reason}")
            if other.status == AMBIGUOUS and undecided is None and not spelled:
                # Read so, the name is one that several groups bear ("Yaysh al-Islam", read with
                # the j the Spanish y stands for): that says more than that nothing is near.
                undecided = replace(other, query=text, reason=f"read as '{reading}', {other.reason}")
        bare = normalize.without_case_ending(text)
        if bare:
            # An Indian or Sri Lankan script's case ending read away (:func:`_case_ending_read`):
            # the name as the registry writes it, keyed alike, or an abbreviation ("আলফাৰ", of
            # ULFA; "KLO-র"). Not by the routes that take a word for a name loosely (an
            # abbreviation said as a word, a head word set aside): many common words less an
            # ending are a name's sound ("জমির", of the land, is no "JAMI"; "রহমানের", of Rahman,
            # no Faylaq al-Rahman).
            other = self._qualified(bare, self._plain(bare, top), top)
            if _case_ending_read(bare, other):
                if other.status == MATCHED:
                    return replace(other, query=text, reason=f"read without its case ending as '{bare}', {other.reason}")
                if other.status == AMBIGUOUS and undecided is None:
                    undecided = replace(other, query=text, reason=f"read without its case ending as '{bare}', {other.reason}")
        for reading in normalize.turkish_stems(text):
            # A Turkish plural or case ending joined to the name: the name as written or keyed.
            other = self._plain(reading, top)
            if other.status == MATCHED and _case_ending_read(reading, other):
                return replace(other, query=text, reason=f"read without its Turkish ending as '{reading}', {other.reason}")
        for reading in normalize.cyrillic_stems(text):
            # A Russian or Ukrainian case ending on the name's last word: the name in the
            # nominative, as the registry writes or keys it ("Вагнера", "«Азова»", "ИГИЛа").
            # The nominative is a name as the press writes it, so by any route that reads spelling
            # (not a head word set aside, nor a loose fuzzy score).
            # Word by word, only a name in Latin or Cyrillic letters ("пилоты", pilots, read "пилот",
            # is no Tamil "புளொட்").
            other = self._plain(reading, top)
            if (
                other.status == MATCHED
                and other.method in _NOMINATIVE_METHODS
                and (other.method not in ("words", "translation") or _latin_or_cyrillic(other.matched_alias or ""))
            ):
                return replace(other, query=text, reason=f"read in the nominative as '{reading}', {other.reason}")
        stem = _ACRONYM_ENDED.fullmatch(text.strip())
        if stem:
            # An abbreviation in capitals with a case ending or an article joined to it in small
            # letters, as Somali, Oromo and Turkish write them ("SNMta", the SNM; "ABOn",
            # "ABO-tti", the OLF; "PKKnın"): the abbreviation as the registry writes it, only.
            other = self._plain(stem.group(1), top)
            if other.method == "acronym" and other.status == MATCHED:
                return replace(other, query=text, reason=f"read without the ending joined to '{stem.group(1)}', {other.reason}")
            if other.method == "acronym" and other.status == AMBIGUOUS and undecided is None:
                undecided = replace(other, query=text, reason=f"read without the ending joined to '{stem.group(1)}', {other.reason}")
        led = _led_by(text)
        if led is not None and self._a_leader(led[1]):
            # The person who leads it, said before or after the name ("Arkan's Serbian Volunteer
            # Guard", "CPJP de Charles Massi", "CPJP (Charles Massi)"): the name decides, by a route
            # that reads it as written or spelled, and the person's words are no registry name's.
            other = self._qualified(led[0], self._plain(led[0], top), top)
            if (
                other.status == MATCHED
                and other.method in _LED_METHODS
                and (led[2] or (other.method == "acronym" and _in_capitals(led[0].split()[-1]) and not led[3]))
            ):
                return replace(other, query=text, reason=f"'{led[1]}' set aside as a person's name beside the group's, {other.reason}")
        for reading in normalize.members_of(text):
            # A Slavic word for a group's members, read as the name it is made from: only a name
            # as written or spelled alike, not one word translated ("студенты", students, is no
            # Taliban). The name alone is then the members' word, not a place's or a person's.
            said = _MEMBERS_SAID.set(True)
            try:
                other = self._plain(reading, top)
            finally:
                _MEMBERS_SAID.reset(said)
            if other.status == MATCHED and other.method in _MEMBERS_METHODS and (
                other.method != "words" or normalize.script_of(other.matched_alias or "") in _MEMBERS_WORD_SCRIPTS
            ):
                return replace(other, query=text, reason=f"read as '{reading}', a word for its members, {other.reason}")
        return undecided or answer

    def _shares_a_word(self, name: str, entities: set[int]) -> bool:
        """Whether a word of ``name`` other than a head word, or its concept, is a word of these
        entities' names."""
        from .alignment import HEAD, analyse

        words = self.index.words()
        return any(
            words.alias_entity[a] in entities
            for w in analyse(normalize.key(name))
            if w.kind != HEAD
            for a in words.postings.get(w.ident, ())
        )

    def _a_leader(self, person: str) -> bool:
        """Whether words said beside a name as its leader's (:func:`_led_by`) name nothing the
        registry knows: no word of a registry name, no place, no country ("Hezbollah of Lebanon",
        "Brigade de Derna" are qualifiers, which :meth:`_qualified` reads)."""
        from .alignment import CONTENT, analyse, is_place

        holders = self.index.words().holders
        named = [w for w in analyse(normalize.key(person)) if w.text not in _LEADER_TITLES]
        return bool(named) and not any(
            w.kind != CONTENT or w.concept or w.text in holders or is_place(w.text) or self.index.by_key.get(w.text)
            for w in named
        )

    def _ch_is_written(self, text: str, french: str) -> bool:
        """Whether a word of the name whose "ch" the French reading changes is, as written, a word
        of a registry name and, read with an "sh", none: such a ch is not the French for the Arabic
        shin ("Chin" of the Chin National Army and the Kuki-Chin National Front is not read "Shin";
        "Charia", which French names write, is still the "Sharia" of others). ``french`` is the
        name's French reading (:func:`normalize.french_sh`)."""
        holders = self.index.words().holders
        written, read = normalize.key(text).split(), normalize.key(french).split()
        if len(written) != len(read):
            return False
        return any(w in holders and r not in holders for w, r in zip(written, read, strict=True) if w != r)

    def _same_outline(self, reading: str) -> Match | None:
        """An Arabic-script name whose consonants are those of a reading in Arabic letters, its
        long vowels set aside: another script marks other vowels than Arabic does (טליבאן, read
        طليبان, is طالبان, Taliban). Three consonants or more (the reading has five letters or more:
        :meth:`_read_otherwise` resolves no shorter one)."""
        outline = normalize.arabic_outline(reading)
        if len(outline.replace(" ", "")) < 3:
            return None
        idx = self.index
        hits = [
            a_i
            for a_i in idx.by_skeleton.get(normalize.skeleton(reading)) or ()
            if _is_arabic(idx.alias_text[a_i]) and normalize.arabic_outline(idx.alias_text[a_i]) == outline
        ]
        if not hits:
            return None
        return self._final(self._decide(reading, hits, 90.0, "skeleton", f"the outline '{outline}'"))

    def _plain(self, text: str, top: int) -> Match:
        early = self._early(text)
        if isinstance(early, Match):
            return self._final(early)
        return self._final(self._late(text, early, self._fuzzy_found(early, top), top))

    def _qualified(self, text: str, answer: Match, top: int) -> Match:
        """A name with qualifiers in brackets or after a comma: the name decides, the qualifiers check.

        "Hayat Tahrir al-Sham (HTS)", "Hezbollah (Lebanon)", "Lashkar-e-Taiba, LeT": the name
        without them is resolved; each qualifier must then be the entity's acronym, one of its
        countries, or another of its names. A country the entity is not in, or another
        entity's acronym, refuses the match; among the entities a shared name leaves, the
        qualifiers may pick one ("Ansar al-Sharia (Libya)").
        """
        # A name the word stage matched whole may still read better as a name and its qualifier:
        # "Marxist-Leninist Communist Party (Turkey)" is that party, in Turkey, not the Communist
        # Party of Turkey/Marxist-Leninist, though its words are the same.
        if (answer.status == MATCHED and answer.method not in WORD_METHODS) or "qualifier" in self.disabled:
            return answer
        name, qualifiers = split_qualifiers(text)
        if not qualifiers and answer.status == UNRESOLVED:
            return self._beside_its_body(text, top) or answer
        if not qualifiers or not name:
            return answer
        base = self._plain(name, top)
        if answer.status == MATCHED and (base.status != MATCHED or base.method in WORD_METHODS):
            return answer
        if base.status == MATCHED and base.id is not None:
            ids = [base.id]
        elif base.status == AMBIGUOUS:
            ids = [c.id for c in base.candidates]
        else:
            return answer
        fits: list[str] = []
        own: list[str] = []
        refusal = ""
        for entity_id in ids:
            verdicts = [self._qualifier_fits(q, entity_id, top, name) for q in qualifiers]
            # Every qualifier must agree: one that names nothing known may be a faction's mark
            # ("SLM (Minnawi)", "ULFA [Independent]"), a splinter of the entity the name alone meets.
            if all(v in ("", RELATED) for v in verdicts):
                fits.append(entity_id)
                if all(v == "" for v in verdicts):
                    own.append(entity_id)
            elif any(v not in ("", "unknown", RELATED) for v in verdicts):
                refusal = refusal or next(v for v in verdicts if v not in ("", "unknown", RELATED))
        # Among entities a name leaves, one whose own acronym or name the qualifier is comes before
        # one it only names the body of ("Mujahideen Shura Council (MSC)").
        if len(fits) > 1 and len(own) == 1:
            fits = own
        if not fits:
            joined = self._faction_letters(text, name, qualifiers, top)
            if joined is not None:
                return joined
        if len(fits) == 1:
            e_i = self.index.ids[fits[0]]
            cand = next((c for c in base.candidates if c.id == fits[0]), None)
            shown = ", ".join(f"'{q}'" for q in qualifiers) + (
                " agrees" if len(qualifiers) == 1 else " agree"
            )
            return Match(
                query=text,
                status=MATCHED,
                id=fits[0],
                name=self.index.entity_names[e_i],
                score=base.score if base.status == MATCHED else (cand.score if cand else base.score),
                method="qualifier",
                matched_alias=base.matched_alias
                if base.status == MATCHED
                else (cand.alias if cand else None),
                candidates=base.candidates,
                reason=f"'{name}' is {fits[0]}, and {shown}",
            )
        if refusal and base.status == MATCHED:
            if answer.status == MATCHED and answer.id != base.id:
                # The name and its qualifier, read whole, are another entity's name: "Hezbollah
                # (Kurdish)" is Kurdish Hezbollah, not Lebanon's with a people it is not of.
                return answer
            return Match(
                query=text,
                status=UNRESOLVED,
                candidates=base.candidates,
                reason=f"'{name}' is {base.id}, but {refusal}",
            )
        return answer

    def _acronym_sounded(self, text: str, key: str) -> list[int]:
        """The acronyms in capitals a one-word name in an Indian script spells letter for letter as
        they read: Hindi, Bengali or Telugu press write ULFA as it sounds (उल्फा). Four letters at
        least, so that few words of those languages are taken for one."""
        if len(key) < ACRONYM_SOUNDED_MIN or not key.isalpha() or " " in text:
            return []
        if normalize.script_of(text) not in _SOUNDED_SCRIPTS:
            return []
        # Only an acronym the registry writes mostly in capitals (ULFA, HuJI): "LeKh" is not read
        # as the Hindi लेख (an article).
        return [
            a for a in self.index.acronyms.get(key) or () if sum(c.isupper() for c in self.index.alias_text[a]) >= 3
        ]

    def _faction_letters(self, text: str, name: str, qualifiers: list[str], top: int) -> Match | None:
        """An abbreviation with a faction's letters in brackets, which the registry writes joined
        by a hyphen: "NSCN (I-M)" is NSCN-IM, "ULFA (I)" ULFA-I. Only when that joined form is one
        entity's own abbreviation as written; None otherwise."""
        if len(qualifiers) != 1 or not _FACTION_LETTERS.fullmatch(qualifiers[0]):
            return None
        if not _ABBREVIATION.fullmatch(name):
            # The acronym written as a word, as some presses' house style writes one ("Ulfa (I)"),
            # or as it sounds: "ઉલ્ફા (I)".
            held = self.index.acronyms.get(normalize.acronym_key(name)) if name.isalpha() else None
            sounded = list(held or ()) or self._acronym_sounded(name, normalize.key(name))
            if not sounded:
                return None
            name = self.index.alias_text[sounded[0]]
        letters = qualifiers[0].replace("-", "")
        for form in (f"{name}-{letters}", f"{name}{letters}"):
            found = self._plain(form, top)
            if found.status == MATCHED and found.method in ("acronym", "exact") and found.id is not None:
                return replace(
                    found,
                    query=text,
                    method="qualifier",
                    reason=f"'{text}' is {found.id}'s '{found.matched_alias or form}', its faction's letters in brackets",
                )
        return None

    def _beside_its_body(self, text: str, top: int) -> Match | None:
        """A name written after or before the body it belongs to (its relations: part of, split from,
        successor of, front for), or beside another of its names: "Hamas Qassam Brigades",
        "Radwan Force Hezbollah", "حركة المقاومة الإسلامية حماس". None when the query is no such name.

        The body's part is at most three words and must be one entity's alias as written, its
        acronym or its key; the rest, when it is another name of the same entity, must be found
        before the fuzzy stage (cheap lookups, so that names that resolve to nothing cost little
        more). Only when the part is a body other entities belong to is the rest resolved in full.
        """
        found = self._beside(text, text.split(), top)
        if found is None and _JOINED_NAMES.search(text):
            # Joined by a hyphen ("Oromo Liberation Front-Shene", OLF-Shene written out).
            found = self._beside(text, _JOINED_NAMES.sub(" ", text).split(), top)
        return found

    def _beside(self, text: str, toks: list[str], top: int) -> Match | None:
        idx = self.index
        if not 2 <= len(toks) <= 8:
            return None
        for k in range(1, min(3, len(toks) - 1) + 1):
            for part, rest in ((toks[:k], toks[k:]), (toks[-k:], toks[:-k])):
                body = self._only_entity(" ".join(part))
                if body is None:
                    continue
                named, whole = " ".join(part), " ".join(rest)
                early = self._early(whole)
                if isinstance(early, Match) and early.status == MATCHED and early.id == idx.entity_ids[body]:
                    # Two of its names: "حركة المقاومة الإسلامية حماس".
                    found = self._final(early)
                    why = f"'{whole}' is {found.id}, and so is '{named}'"
                elif body in self._bodies():
                    found = self._plain(whole, top)
                    if found.status != MATCHED or found.id is None or not idx.belongs(idx.ids[found.id], body):
                        continue
                    why = f"'{whole}' is {found.id}, and '{named}' is {idx.entity_ids[body]}, the body it belongs to"
                else:
                    continue
                if found.status == MATCHED:
                    return replace(found, query=text, method="qualifier", reason=why)
        return None

    def _bodies(self) -> frozenset[int]:
        """The entities other entities belong to (worked out once)."""
        if self._bodies_of is None:
            self._bodies_of = frozenset(
                int(x) for joined in self.index.entity_related for x in joined.split(",") if x
            )
        return self._bodies_of

    def _only_entity(self, text: str) -> int | None:
        """The one entity ``text`` names as written, as an acronym or by key; None otherwise."""
        idx = self.index
        hits = (
            idx.exact.get(normalize.display_key(text))
            or idx.acronyms.get(normalize.acronym_key(text))
            or idx.by_key.get(normalize.key(text))
        )
        entities = {idx.alias_entity[a] for a in hits or ()}
        return entities.pop() if len(entities) == 1 else None

    def _qualifier_fits(self, qualifier: str, entity_id: str, top: int, name: str = "") -> str:
        """ "" when a qualifier agrees with an entity, :data:`RELATED` when it names a body a
        relation joins it to, "unknown", or why it contradicts it.

        ``name``: the name the qualifier follows; its own initials agree ("Comando Vermelho (CV)").
        """
        idx = self.index
        e_i = idx.ids[entity_id]
        holders = idx.acronyms.get(normalize.acronym_key(qualifier))
        if holders:
            # Its own acronym, or the acronym of the body it belongs to, split from or fronts for
            # ("Quds Force (IRGC)", "Kataib Hezbollah (PMF)").
            if any(idx.alias_entity[a] == e_i for a in holders):
                return ""
            if any(idx.related(e_i, idx.alias_entity[a]) for a in holders):
                return RELATED
            if (
                name
                and _initials_of(name) == "".join(c for c in qualifier.lower() if c.isalpha())
                and not self._shares_a_word(name, {idx.alias_entity[a] for a in holders})
            ):
                # the name's own initials, which another entity's acronym happens to spell, whose
                # names hold none of its words: "Kataib al-Imam Ali (KIA)" is not the Kachin
                # Independence Army ("front national de libération (FNL)" may be Burundi's FNL)
                return ""
            return f"'{qualifier}' is another entity's acronym"
        # A name the entity is written by in capitals alone, not typed an acronym, is its own
        # before it is a place: "Euskadi Ta Askatasuna (ETA)" is ETA, not the Indian town of Etah.
        if qualifier.isupper() and any(
            idx.alias_entity[a] == e_i for a in idx.exact.get(normalize.display_key(qualifier)) or ()
        ):
            return ""
        codes = place_codes(normalize.key(qualifier))
        if codes:
            own = [c for c in idx.entity_countries[e_i].split(",") if c]
            if place_agrees(normalize.key(qualifier), idx, e_i):
                return ""
            where = ", ".join(sorted(codes))
            if is_people(normalize.key(qualifier)):
                return f"'{qualifier}' is a people of {where} that no name of {entity_id} marks as its own"
            return f"'{qualifier}' ({where}) is not among its countries ({', '.join(own) or 'none'})"
        if name and _initials_of(name) == "".join(c for c in qualifier.lower() if c.isalpha()):
            return ""
        other = self._plain(qualifier, top)
        if other.status == MATCHED:
            # Its own name, or the name of an entity a relation joins it to ("Qassam Brigades (Hamas)").
            if other.id == entity_id:
                return ""
            if other.id is not None and idx.related(e_i, idx.ids[other.id]):
                return RELATED
            return f"'{qualifier}' is {other.id}"
        if other.status == AMBIGUOUS and any(c.id == entity_id for c in other.candidates):
            return ""  # a name it shares with others, and it is one of them: "Houthis (Ansar Allah)"
        return "unknown"

    def resolve_batch(self, texts: Sequence[str], *, top: int = DEFAULT_TOP) -> list[Match]:
        """Resolve many names at once; the answers are those of :meth:`resolve`.

        The cheap stages run name by name; the names that reach the fuzzy
        stage are scored together (``rapidfuzz.process.cdist`` on both cores,
        in blocks of similar length), which is much faster for thousands of
        names than one search each.
        """
        if len(texts) >= DECODE_FROM:
            self.index.decode()
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
            out[i] = self._final(self._late(texts[i], keys, found, top))
        return [self._finish(texts[i], m, top) for i, m in enumerate(out) if m is not None]

    def _late(self, query: str, keys: normalize.Keys, found: dict[int, float], top: int) -> Match:
        """The fuzzy stage, then the word stage for what it leaves unresolved."""
        fuzzy = self._fuzzy_decide(query, keys, found, top)
        if fuzzy.status != UNRESOLVED or "words" in self.disabled:
            return fuzzy
        return self._words(query, keys, fuzzy, top)

    def _words(self, query: str, keys: normalize.Keys, fuzzy: Match, top: int) -> Match:
        """The word stage (:mod:`aliasctl.matching.alignment`): name against name, word by word."""
        from .alignment import abbreviated, analyse, in_romance_order, judge, spelled_out
        from .words import vocabulary

        idx = self.index
        # "FARC guerrillas", "ADF rebels": an acronym and words that only say what its members are.
        vocab = vocabulary()
        # A word for what its members are may be joined to the acronym by a hyphen ("ELN-Guerilla"),
        # unless the whole is an acronym: Hindi's "के", "of", is also the letter K ("आईएसआईएल-के", ISIL-K).
        tokens = [
            part
            for t in query.split()
            for part in (
                [p for p in t.split("-") if p]
                if "-" in t
                and any(
                    normalize.key(p) in vocab.stopwords or vocab.heads.get(normalize.key(p)) in BODY_HEADS
                    for p in t.split("-")
                    if p
                )
                and not idx.acronyms.get(normalize.acronym_key(t))
                and (t.isascii() or not normalize.acronym_key(t).isascii())
                else [t]
            )
        ]
        # (an abbreviation in capitals is never a function word: "NSCN-K (YA)" is the Yung Aung
        # faction, whose "YA" is the Swahili "of" as keyed)
        kept = [t for t in tokens if normalize.key(t) not in vocab.stopwords or _bracketed_capitals(t)]
        if any(_in_capitals(t) for t in kept):
            # Beside an abbreviation in capitals, the particles that join a word for a body to a
            # name in Hausa, Swahili and Kinyarwanda ("Ƙungiyar ta JNIM", "Kikosi cha RSF",
            # "umutwe w'ADF", "ba rebeli ya M23") say "of", as the stopwords do.
            kept = [t for t in kept if normalize.key(t) not in _LINKERS or _bracketed_capitals(t)]
        # "KH militia", "TTP group": an acronym and, after it, words that only say it is a body of
        # men. Before it they may name another body: "Grupo ISIS" is the Maute group's name; but
        # not a word for a militia, as French and Spanish put it first ("milice 3R").
        bare = [t for t in kept if vocab.heads.get(normalize.key(t)) not in BODY_HEADS]
        if len(bare) < len(kept):
            # a body's word says it is armed ("grupo armado ELN", "MLKP silahlı terör örgütü")
            bare = [t for t in bare if normalize.key(t) not in _ARMED]
        if len(bare) > 1 and _in_capitals(bare[0]) and all(_of_an_acronym(normalize.key(t), vocab.heads) for t in bare[1:]):
            # and after an acronym in capitals, its forces and its cadres ("RSF forces", "PKK
            # forces", "NSCN-IM cadres"): what the body fields, not another body. Not "troops",
            # which a state's army fields ("UPDF troops", Uganda's, are not Bangladesh's UPDF).
            bare = bare[:1]
        if (
            len(bare) == 1
            and len(bare) < len(kept)
            and (
                bare[0] == kept[0]
                or all(vocab.heads.get(normalize.key(t)) == "@militia" for t in kept[: kept.index(bare[0])])
            )
            and idx.acronyms.get(normalize.acronym_key(bare[0]))
        ):
            kept = bare
        if len(kept) == 1 and len(kept) < len(tokens):
            hits = self._abbreviation(kept[0])
            if hits:
                return self._decide(query, hits, 100.0, "acronym", f"the acronym '{kept[0]}'")
        words = idx.words()
        near = [
            a_i
            for c in fuzzy.candidates[:1]
            for a_i in idx.exact.get(normalize.display_key(c.alias)) or []
            if idx.entity_ids[idx.alias_entity[a_i]] == c.id
        ]
        # An acronym and a place of its entity's ("AQIM Mali", "ISIL Iraq") answer first; one whose
        # place is not its entity's may still be another entity's name word by word ("ISIS Somalia").
        placed = self._acronym_and_place(query, kept) if "qualifier" not in self.disabled else None
        if placed is not None and placed.status != UNRESOLVED:
            return placed
        swapped = self._parent_swapped(query) if "qualifier" not in self.disabled else None
        if swapped is not None:
            return swapped
        apart = self._abbreviation_apart(query)
        if apart is not None:
            return apart
        query_words = analyse(keys.key)
        verdicts, why = judge(
            idx, words, query, query_words, idx.entity_countries, self.disabled, near, _MEMBERS_SAID.get()
        )
        if not verdicts and placed is not None:
            return placed  # the acronym's place is not its entity's, and nothing else fits
        if not verdicts and len(bare) == 1 and bare[0] == kept[-1] and len(kept) > 1 and _in_capitals(bare[0]):
            # A word for a body before an acronym in capitals, as Hausa, French and Spanish put it
            # ("Kungiyar ISWAP", "groupe ISWAP"), once no name fits word by word ("Grupo ISIS" is
            # the Maute group's own name, not the Islamic State; "grupo let" is no LeT).
            hits = self._abbreviation(bare[0])
            if hits:
                return self._decide(query, hits, 100.0, "acronym", f"the acronym '{bare[0]}' after a word for a body")
        if not verdicts and len(bare) == 1 and bare[0] == kept[-1] and len(kept) > 1 and _caseless(bare[0]):
            # and before an abbreviation in a script without capitals, written as the registry
            # writes it ("گروه پژاک", the PJAK group in Persian).
            hits = [a for a in idx.exact.get(normalize.display_key(bare[0])) or () if idx.alias_type[a] == "acronym"]
            if hits:
                return self._decide(query, hits, 100.0, "acronym", f"the acronym '{bare[0]}' after a word for a body")
        if not verdicts and "initials" not in self.disabled:
            # An abbreviation the registry does not hold, of a name it does ("SDLA").
            spelled = abbreviated(idx, words, query)
            if len(spelled) == 1:
                alias, entity = idx.alias_text[spelled[0]], idx.entity_ids[idx.alias_entity[spelled[0]]]
                letters = "".join(c for c in query if c.isalpha()).lower()
                order = (
                    " with its words in the order French, Spanish, Portuguese and Italian put them"
                    if in_romance_order(alias, letters)
                    else ""
                )
                return self._matched(
                    query, spelled[0], SPELLED_OUT_SCORE, "initials",
                    f"'{query.strip()}' is the initials of '{alias}' of {entity}{order}, and of no other entity's name",
                )
            if spelled:
                names = ", ".join(idx.entity_ids[idx.alias_entity[a_i]] for a_i in spelled)
                return Match(
                    query=query,
                    status=AMBIGUOUS,
                    method="initials",
                    score=SPELLED_OUT_SCORE,
                    candidates=tuple(self._candidate(a_i, SPELLED_OUT_SCORE, "initials") for a_i in spelled[:top]),
                    reason=f"'{query.strip()}' is the initials of names of {len(spelled)} entities: {names}",
                )
            # Nothing word by word: the name may be written out where the registry abbreviates it.
            a_i, refused = spelled_out(idx, query, query_words, idx.entity_countries, words)
            if a_i is not None:
                alias, entity = idx.alias_text[a_i], idx.entity_ids[idx.alias_entity[a_i]]
                letters = normalize.acronym_key(alias).upper()  # the letters the initials spelled
                return self._matched(
                    query, a_i, SPELLED_OUT_SCORE, "initials",
                    f"its initials spell '{letters}', the acronym '{alias}' of {entity}, and no other entity's"
                    + (f", {refused}" if refused else ""),
                )
            why = why or refused
        if not verdicts:
            if why and not fuzzy.candidates:
                return Match(
                    query=query, status=UNRESOLVED, reason=f"no alias is close enough; word by word, {why}"
                )
            if why:
                return Match(
                    query=query,
                    status=UNRESOLVED,
                    candidates=fuzzy.candidates,
                    reason=f"{fuzzy.reason}; word by word, {why}",
                )
            return fuzzy
        first = verdicts[0]
        al = first.alignment
        score = al.score()
        cands = tuple(
            self._candidate(v.alias, v.alignment.score(), v.alignment.method())
            for v in verdicts[:top]
        )
        method = al.method()
        ties = verdicts[:2] if first.even else [v for v in verdicts if v.fit == first.fit]
        if len(ties) > 1:
            names = ", ".join(c.id for c in cands[: len(ties)])
            why = f"word by word, {len(ties)} entities fit as well: {names}"
            if first.even:
                why += (
                    f" ('{idx.alias_text[first.alias]}' of {cands[0].id} is a word for a group, "
                    f"translated here, and the name of {cands[1].id})"
                )
            return Match(query=query, status=AMBIGUOUS, score=score, method=method, candidates=cands, reason=why)
        alias = idx.alias_text[first.alias]
        # The name that paired is, as keyed, another entity's too (one of them may mark it shared,
        # and shared names do not pair): the words cannot tell them apart, as the key could not.
        holders = sorted(idx.key_holders(first.alias))
        places = {w.concept for w in al.query_places}
        narrowed = [e for e in holders if places <= set(idx.entity_countries[e].split(","))]
        why = f"word by word, '{alias}' of {cands[0].id}{_explain_alignment(al)}"
        if places and narrowed == [first.entity] and len(holders) > 1 and idx.alias_shared[first.alias] != WEAK:
            # A name several registry groups carry, and a place of the query's that only one of
            # them is in. (A name marked shared that one entity holds names groups the registry
            # does not hold, which may be in that place too.)
            where = ", ".join(w.text for w in al.query_places)
            why = (
                f"word by word, '{alias}', which names {len(holders)} entities, "
                f"of which only {cands[0].id} is in '{where}'"
            )
        elif len(holders) > 1 or idx.alias_shared[first.alias]:
            if len(holders) > 1:
                held = ", ".join(idx.entity_ids[e] for e in holders)
                why = f"word by word, '{alias}', which names {len(holders)} entities: {held}"
                # Every entity the name names is a candidate, as the key's own ambiguity lists them.
                listed = {c.id for c in cands}
                for b in idx.by_key.get(idx.alias_key[first.alias]) or ():
                    if idx.entity_ids[idx.alias_entity[b]] not in listed:
                        listed.add(idx.entity_ids[idx.alias_entity[b]])
                        cands += (self._candidate(b, score, method),)
            else:
                why = self._not_alone(first.alias)
            return Match(
                query=query,
                status=AMBIGUOUS,
                score=score,
                method=method,
                matched_alias=alias,
                candidates=cands,
                reason=why,
            )
        return Match(
            query=query,
            status=MATCHED,
            id=cands[0].id,
            name=cands[0].name,
            score=score,
            method=method,
            matched_alias=alias,
            candidates=cands,
            reason=why,
        )

    def _abbreviation(self, token: str) -> list[int]:
        """The names a token written as an abbreviation is: an acronym's letters, or a name the
        registry writes in capitals alone ("ETA": its name, not an alias typed acronym)."""
        idx = self.index
        hits = idx.acronyms.get(normalize.acronym_key(token))
        if hits or not (_in_capitals(token) and sum(c.isalpha() for c in token) <= ABBREVIATION_MAX):
            return list(hits or ())
        return [a_i for a_i in idx.exact.get(normalize.display_key(token)) or () if idx.alias_text[a_i].isupper()]

    def _abbreviation_apart(self, query: str) -> Match | None:
        """An abbreviation written in parts: a letter and its number apart ("M 23", the M23), or
        two that one slash joins, a body's and its wing's ("NRA/M" and "NRM/A", the National
        Resistance Army and Movement; "TPN/OPM"), when the parts are one entity's abbreviations and
        no other's. None otherwise."""
        m = _LETTER_AND_NUMBER.match(query)
        if m is not None:
            hits = self._abbreviation(m.group(1) + m.group(2))
            if hits:
                joined = m.group(1) + m.group(2)
                return self._decide(query, hits, 100.0, "acronym", f"'{query.strip()}': the acronym '{joined}'")
            return None
        m = _SLASHED.match(query)
        if m is None:
            return None
        left, right = m.group(1), m.group(2)
        if len(right) == 1 and not (left[-1] in _BODY_LETTERS and right in _BODY_LETTERS):
            return None
        # The right part is an abbreviation of its own, or the letter that ends the left one's
        # other reading, a body's for its wing's ("NRA/M": the army and the movement).
        forms = [left, right] if len(right) >= 2 else [left]
        if len(right) < len(left):
            forms.append(left[: -len(right)] + right)
        found = {f: self._abbreviation(f) for f in forms}
        entities = {self.index.alias_entity[a] for hits in found.values() for a in hits}
        # Two abbreviations of their own must both be the entity's: "TPN/OPM" names the army and
        # the movement, of which the registry may hold only one.
        if len(entities) != 1 or (len(right) >= 2 and not (found[left] and found[right])):
            return None
        hits = [a for f in forms for a in found[f]]
        said = "', '".join(f for f in forms if found[f])
        return self._decide(query, hits, 100.0, "acronym", f"'{query.strip()}': the acronyms '{said}'")

    def _parent_swapped(self, query: str) -> Match | None:
        """A branch's abbreviation written with another of its parent's: "IS-K", "ISIL-K" and
        "Daesh-K" are "ISIS-K", the Islamic State's Khorasan Province, as "IS", "ISIL" and "Daesh"
        are all the Islamic State's. The parent's part must name one entity, as an acronym or a
        name of one word; the branch's letters (four at most) must be in capitals; the answer must
        be one entity's name. None otherwise."""
        m = _PARENT_AND_BRANCH.match(query)
        if m is not None:
            parent, letters = m.group(1), m.group(2)
        else:
            # or in an Indian script's letter names ("आईएसआईएल-के", ISIL-K)
            parts = query.strip().rsplit("-", 1)
            if len(parts) != 2 or query.isascii() or " " in query.strip():
                return None
            whole, parent = normalize.acronym_key(query).upper(), normalize.acronym_key(parts[0]).upper()
            letters = whole[len(parent) :]
            if not (whole.isascii() and whole.isalpha() and whole.startswith(parent)):
                return None
            if not (2 <= len(parent) <= 8 and 1 <= len(letters) <= 4):
                return None
        idx = self.index
        hits = list(idx.acronyms.get(normalize.acronym_key(parent)) or ()) + list(
            idx.exact.get(normalize.display_key(parent)) or ()
        )
        owners = {idx.alias_entity[a] for a in hits}
        if len(owners) != 1:
            return None
        (owner,) = owners
        # Every name of the parent, its acronyms too (which the key tables do not hold).
        start = bisect.bisect_left(idx.alias_entity, owner)
        end = bisect.bisect_right(idx.alias_entity, owner, lo=start)
        found: dict[int, tuple[int, str]] = {}
        for a_i in range(start, end):
            other = idx.alias_text[a_i]
            if " " in other.strip() or other == parent or len(other) > _PARENT_PART_MAX:
                continue
            written = f"{other}-{letters}"
            for b in list(idx.acronyms.get(normalize.acronym_key(written)) or ()) + list(
                idx.exact.get(normalize.display_key(written)) or ()
            ):
                if idx.alias_text[b].casefold() == written.casefold() and not idx.alias_shared[b]:
                    found.setdefault(idx.alias_entity[b], (b, other))
        if len(found) != 1:
            return None
        ((e_i, (b, other)),) = found.items()
        if e_i == owner:
            return None
        return self._matched(
            query, b, 100.0, "acronym",
            f"'{query.strip()}' is '{idx.alias_text[b]}' of {idx.entity_ids[e_i]}: '{parent}' and '{other}' are both "
            f"{idx.entity_ids[owner]}'s",
        )

    def _acronym_and_place(self, query: str, kept: Sequence[str]) -> Match | None:
        """An acronym and a country, city or region written beside it: "AQIM Mali", "KH in Iraq".

        The place must be one of the acronym's entity's; among several entities with that
        acronym, it may pick one ("ADF Uganda"). None when the query is not an acronym and a place.
        """
        idx = self.index
        found = [(t, idx.acronyms.get(normalize.acronym_key(t))) for t in kept]
        acronyms = [(t, hits) for t, hits in found if hits]
        if len(acronyms) != 1 or len(kept) < 2:
            return None
        token, hits = acronyms[0]
        place = " ".join(t for t in kept if t is not token and normalize.key(t))
        codes = place_codes(normalize.key(place))
        if not codes:
            return None
        fit = [a_i for a_i in hits if place_agrees(normalize.key(place), idx, idx.alias_entity[a_i])]
        if not fit:
            owners = ", ".join(sorted({idx.entity_ids[idx.alias_entity[a_i]] for a_i in hits}))
            return Match(
                query=query,
                status=UNRESOLVED,
                reason=(
                    f"'{token}' is the acronym of {owners}, but '{place}' is a people of {', '.join(sorted(codes))} that none of its names marks as its own"
                    if is_people(normalize.key(place))
                    else f"'{token}' is the acronym of {owners}, but '{place}' ({', '.join(sorted(codes))}) is not among its countries"
                ),
            )
        entities = {idx.alias_entity[a_i] for a_i in fit}
        if len(entities) == 1:
            # One entity of that place: the place picks it, even among those a shared acronym names.
            a_i = min(fit, key=lambda a: bool(idx.alias_shared[a]))
            entity = idx.entity_ids[idx.alias_entity[a_i]]
            return self._matched(
                query, a_i, 100.0, "qualifier", f"'{token}' is {entity}'s acronym, and '{place}' agrees"
            )
        return self._decide(query, fit, 100.0, "qualifier", f"the acronym '{token}' in '{place}'")

    def _final(self, match: Match) -> Match:
        why = ""
        if (
            match.status == MATCHED
            and match.method in _LOOSE_METHODS
            and " " not in match.query.strip()
            and not _is_arabic(match.query)
            and _a_given_name(normalize.key(match.query))
        ):
            # A given name alone meets a name only as it is spelled: "Mahmood" is a man, not the
            # Mahmuda group, whose consonants it has.
            why = f"'{match.query.strip()}' is a given name: alone, it meets a name only as spelled, not {match.id}'s '{match.matched_alias}'"
        elif match.status == MATCHED and match.score < self.min_score:
            why = f"best match {match.id} scores {match.score:.0f}, below the minimum {self.min_score:.0f}"
        if not why:
            return match
        return Match(
            query=match.query,
            status=UNRESOLVED,
            score=match.score,
            method=match.method,
            candidates=match.candidates,
            reason=why,
        )

    def _early(self, text: str) -> Match | normalize.Keys:
        """Every stage before the fuzzy one: a Match, or the keys to search with."""
        query = text
        stripped = " ".join(text.split())
        if not stripped:
            return Match(query=query, status=UNRESOLVED, reason="the name is empty")
        idx = self.index
        lowered = stripped.lower()
        hits = idx.exact.get(normalize.display_key(stripped))
        if hits:
            acr = all(idx.alias_type[a] == "acronym" for a in hits)
            if not acr:
                # The same name spelled another way may be another entity's ("Ansar al-Sharia",
                # "Ansar al Sharia"): punctuation must not pick between them.
                hits = sorted(set(hits) | self._same_key_elsewhere(hits))
            return self._decide(query, hits, 100.0, "acronym" if acr else "exact", "the alias")
        if lowered in idx.ids:
            e_i = idx.ids[lowered]
            return Match(
                query=query,
                status=MATCHED,
                id=idx.entity_ids[e_i],
                name=idx.entity_names[e_i],
                score=100.0,
                method="exact",
                matched_alias=idx.entity_ids[e_i],
                reason="the query is an entity id",
            )
        if lowered in idx.redirects:
            from ..registry.model import follow_redirects  # only a redirect needs the registry's model

            target = follow_redirects(lowered, idx.ids, idx.redirects)
            if target is not None:
                e_i = idx.ids[target]
                return Match(
                    query=query,
                    status=MATCHED,
                    id=target,
                    name=idx.entity_names[e_i],
                    score=100.0,
                    method="redirect",
                    matched_alias=lowered,
                    reason=f"'{lowered}' was merged or renamed into '{target}'",
                )
        acr_hits = idx.acronyms.get(normalize.acronym_key(stripped))
        if acr_hits and _written_as_one(stripped):
            return self._decide(query, acr_hits, 100.0, "acronym", "the acronym")
        apart = [a for a in acr_hits or () if _parts_of(stripped, idx.alias_text[a])]
        if apart:
            # "TKP ML": capitals a space apart where the acronym has its slash or hyphen (TKP/ML).
            return self._decide(query, apart, 100.0, "acronym", f"the acronym '{idx.alias_text[apart[0]]}'")
        latin = normalize.abbreviation_in_latin(stripped)
        latin_hits = idx.acronyms.get(latin) if latin else None
        if latin_hits:
            # Cyrillic, Greek or Armenian capitals, letter for letter the acronym: "ПКК", PKK.
            return self._decide(query, latin_hits, 100.0, "acronym", f"the acronym '{latin.upper()}'")
        keys = normalize.keys(stripped)
        if not keys.key:
            return Match(query=query, status=UNRESOLVED, reason="the name has no letters or digits")
        sounded = self._acronym_sounded(stripped, keys.key)
        if sounded:
            # An acronym read as a word and written in an Indian script: उल्फा, ఉల్ఫా (ULFA), हूजी (HuJI).
            return self._decide(query, sounded, 100.0, "acronym", f"the acronym '{keys.key.upper()}' written as it sounds")
        query_arabic = _is_arabic(stripped)
        hits = idx.by_key.get(keys.key)
        if hits and query_arabic:
            # Two names in Arabic script keyed alike are one name only letter for letter, long
            # vowels and hamza seats aside: "ولاية برقة" (Barqa) is not "ولاية البركة" (al-Barakah),
            # though q and k key alike.
            hits = [a for a in hits if not _arabic_letters_differ(stripped, idx.alias_text[a])]
        if hits:
            # "Jamaah Islamiyah" is the Egyptian group's name letter for letter once normalized, and
            # the Indonesian one's but for a vowel: a spelling that close to two groups picks neither.
            near = self._a_vowel_away(stripped, keys, hits)
            what = f"the normalized form '{keys.key}'" + (" or one a vowel away" if near else "")
            return self._decide(query, sorted(set(hits) | near), KEY_SCORE, "key", what)
        joined = _joined(keys.key)
        hits = [a for a in idx.by_key.get(joined) or () if " " not in idx.alias_key[a]] if joined else []
        if hits:
            # A one-word name written in two parts ("Kogl-weogo", Koglweogo).
            return self._decide(query, hits, KEY_SCORE, "key", f"the normalized form '{joined}', written as one word")
        glued = self._glued(keys.key) if " " not in keys.key and len(keys.key) >= GLUED_MIN else None
        if glued:
            # A name of several words written as one ("제마이슬라미야", Jemaah Islamiyah, in Korean,
            # which writes names without spaces; "Lashkaretaiba").
            score, hits = glued
            alias = idx.alias_text[hits[0]]
            return self._decide(query, hits, score, "key", f"'{alias}' written as one word")
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
            if verdicts[mark] and query_arabic and alias_arabic and _arabic_letters_differ(stripped, idx.alias_text[a_i]):
                # Two names in Arabic script are compared letter for letter: حمص (Homs) is not
                # حماس (Hamas), though both romanize to h-m-s.
                continue
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

    def sole_holder(self, text: str) -> str | None:
        """The entity :meth:`resolve` matches ``text`` to at its first stage, when that can be told
        from the tables alone; ``None`` when it cannot (``resolve`` then says).

        So it is when the name as written is a name of one entity only, not marked shared there
        (or another of its spellings is not), and no other entity holds a name keyed as any of
        them: the exact stage matches it, and no later step changes a match of that stage.
        Quicker than :meth:`resolve` for names known to be in the registry, such as each
        entity's own name.
        """
        stripped = " ".join(text.split())
        if not stripped or self.min_score > 100.0:
            return None
        idx = self.index
        hits = idx.exact.get(normalize.display_key(stripped))
        if not hits:
            return None
        entity = idx.alias_entity
        e_i = entity[hits[0]]
        if any(entity[a] != e_i for a in hits) or all(idx.alias_shared[a] for a in hits):
            return None
        # As _same_key_elsewhere(hits), which the exact stage adds, finds nothing.
        for a in hits:
            key = idx.alias_key[a]
            if key and any(entity[b] != e_i for b in idx.by_key.get(key) or ()):
                return None
        return idx.entity_ids[e_i]

    def resolve_id(self, entity_id: str) -> str | None:
        """The live id for an id or an old, redirected id; ``None`` if unknown."""
        from ..registry.model import follow_redirects

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
            key_top = block_top(
                np, [many[i].key for i in block], idx.fuzzy_keys, windows, lo_all, hi_all, floor, limit
            )
            for r, i in enumerate(block):
                founds[i] = dict(key_top[r])
            skel_rows = [r for r, i in enumerate(block) if len(many[i].skeleton) >= SKELETON_MIN_LEN]
            skel_top = block_top(
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
        shown = ""  # the query as displayed, made when a name is compared letter for letter
        for f_i, score in found.items():
            a_i = idx.fuzzy_alias[f_i]
            akey = idx.fuzzy_keys[f_i]
            score = min(score, MAX_FUZZY_SCORE)
            near.append((score, a_i))
            if (
                score >= self.min_score
                and (
                    fuzzy_accepts(keys.key, keys.skeleton, akey, idx.fuzzy_skeletons[f_i], q_tokens, typos=True)
                    or typed_apart(shown or (shown := normalize.display_key(query)), normalize.display_key(idx.alias_text[a_i]))
                )
                # Two names in Arabic script are compared letter for letter, as in the skeleton
                # stage: "حزب الإصلاح" (the Islah party) is not "حزب الإسلام" a letter or two apart;
                # a foreign g is written with several ("عسكر جنجوي", "عسكر جنقوي": Lashkar-e-Jhangvi).
                and not (_is_arabic(query) and _arabic_letters_differ(query, idx.alias_text[a_i], loans=True))
            ):
                accepted.append((score, a_i))
        if not accepted:
            near_c = self._best_per_entity(near, top)
            reason = "no alias is close enough"
            if near_c:
                nearest = near_c[0]
                reason += f" (nearest: '{nearest.alias}' of {nearest.id}, {nearest.score:.0f}"
                if nearest.score >= self.min_score:
                    # Close enough by score: say which rule turned it away.
                    a_i = next(a for sc, a in near if sc == nearest.score and idx.alias_text[a] == nearest.alias)
                    why = fuzzy_refusal(keys.key, keys.skeleton, idx.alias_key[a_i], idx.alias_skeleton[a_i], typos=True)
                    reason += f", refused: {why}" if why else ""
                reason += ")"
            return Match(query=query, status=UNRESOLVED, candidates=tuple(near_c), reason=reason)
        best = self._best_per_entity(accepted, top)
        first = best[0]
        first_a = max((s, a) for s, a in accepted if idx.entity_ids[idx.alias_entity[a]] == first.id)[1]
        if len(best) > 1 and first.score - best[1].score < AMBIGUITY_MARGIN:
            return Match(
                query=query,
                status=AMBIGUOUS,
                score=first.score,
                method="fuzzy",
                candidates=tuple(best),
                reason=f"{first.id} ({first.score:.0f}) and {best[1].id} ({best[1].score:.0f}) "
                f"are within {AMBIGUITY_MARGIN:.0f} points",
            )
        if idx.alias_shared[first_a]:
            return Match(
                query=query,
                status=AMBIGUOUS,
                score=first.score,
                method="fuzzy",
                matched_alias=first.alias,
                candidates=tuple(best),
                reason=f"closest alias: {self._not_alone(first_a)}",
            )
        cands = tuple(best)
        return Match(
            query=query,
            status=MATCHED,
            id=first.id,
            name=first.name,
            score=first.score,
            method="fuzzy",
            matched_alias=first.alias,
            candidates=cands,
            reason=f"closest alias '{first.alias}' scores {first.score:.0f}",
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


__all__ = [
    "AMBIGUOUS",
    "DEFAULT_MIN_SCORE",
    "DEFAULT_TOP",
    "MATCHED",
    "UNRESOLVED",
    "Candidate",
    "Match",
    "Resolver",
    "Status",
    "place_codes",
    "split_qualifiers",
]
