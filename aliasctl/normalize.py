"""The one name normalizer, used for the registry and for every query.

A name goes through a fixed pipeline and comes out as two keys:

* the *key*: a spelling-insensitive form ("Kata'ib Hizballah" and
  "Kataib Hezbollah" differ only in vowels, so their keys are close and
  their skeletons equal);
* the *skeleton*: a coarser consonant outline of the key that absorbs the
  vowel drift of romanization (Thawrat / Thorat / Thurat, Ishrin / Ashreen).

Both keys serve matching only; what is displayed is always the original text.
``explain()`` returns each step with its result, for ``lookup --explain``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from unidecode import unidecode

#: Bumped whenever a change here changes any key, so cached indexes rebuild.
NORMALIZER_VERSION = "92"


class _LazyPattern:
    """A regular expression compiled on its first use.

    The patterns of one script or language (Greek, Thai, Chinese, Sorani...) are needed only by
    names written in it; compiling them all would add a few milliseconds to every lookup's start.
    """

    __slots__ = ("_compiled", "_source")

    def __init__(self, source: str) -> None:
        self._source = source
        self._compiled: re.Pattern[str] | None = None

    def _pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source)
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        return self._pattern().search(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self._pattern().fullmatch(text)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        return self._pattern().sub(repl, text)

# Characters that carry no letters: format characters (category Cf covers the
# bidi controls U+202A-202E and U+2066-2069, zero-width U+200B-200F, U+061C,
# U+FEFF and the soft hyphen) and combining marks of the Arabic script.
_ARABIC_MARKS = set(range(0x0610, 0x061B)) | set(range(0x064B, 0x0660)) | {0x0670}
_ARABIC_MARKS |= set(range(0x06D6, 0x06EE))
_TATWEEL = 0x0640
# Every character of category Cf (format), as of Unicode 14: bidi controls,
# zero-width characters, the soft hyphen, U+061C, the BOM, tag characters.
INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
# Control characters and line/paragraph separators become spaces.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")

# Arabic and Persian letters folded to one form before transliteration.
_ARABIC_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ۍ": "ي",
    "ئ": "ء",
    "ؤ": "ء",
    "ک": "ك",
    "ڪ": "ك",
    "ۀ": "ه",
    "ہ": "ه",
    "ە": "ه",
    "ھ": "ه",
}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _ARABIC_FOLD[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _ARABIC_FOLD[_d] = str(_i)

# Arabic-script letters to the Latin letters the English-language press uses.
# Unvocalized script carries no short vowels; the skeleton key makes that moot.
_ARABIC_LATIN = {
    "ا": "a",
    "ء": "'",
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "'",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "ة": "a",
    "و": "w",
    "ي": "y",
    "پ": "p",
    "چ": "ch",
    "ژ": "zh",
    "گ": "g",
    "ڭ": "g",
    "ڤ": "v",
    "ٹ": "t",
    "ڈ": "d",
    "ڑ": "r",
    "ں": "n",
    "ۆ": "o",
    "ێ": "e",
    "ڵ": "l",
    "ڕ": "r",
}

_DIGRAPH_HEADS = frozenset("kstdgcz")
_JOINED_ARTICLES = ("وال", "بال", "فال", "كال")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_ARABIC_WORD = re.compile("[\u0621-\u064a\u0660-\u06ff\u0750-\u077f\u08a0-\u08ff]+")

# Marks that stand for ayn, hamza or an apostrophe in romanized names.
_MARKS = re.compile("['\u2018\u2019\u02bb\u02bc\u02be\u02bf\u0060\u00b4\u2032]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Not after an Arabic particle and its hyphen: "li-D'awati" is an Arabic word with its ayn, not
# French "d'" ("Côte-d'Ivoire" is).
_ELISION = re.compile("(?<!\\b(?:li|bi|fi|wa)-)\\b(l|d|qu|dell|dall|nell|sull)['\u2018\u2019\u02bc\u0060\u00b4\u2032](?=[aeiouyh])")

# What a sentence hangs on a name, after an apostrophe or a colon, where the name ends: the English
# possessive ("Hezbollah's"), the case endings Turkish writes after an apostrophe on a proper name
# or an abbreviation ("Hizbullah'ın", "PKK'nın", "El Kaide'nin", "DEAŞ'tan", "PKK'lılar"), and
# those Swedish, Norwegian, Danish and Finnish write after a colon on an abbreviation ("PKK:s",
# "ISIS:n"). A name itself never ends so. Not before another apostrophe, the soft sign of a Russian
# name in Latin letters ("Khan'dan'"). Taken off after NFKC and the invisible characters, so that
# every form of a name keys alike.
_CLITIC_MARK = "'\u2018\u2019\u02bc\u0060\u00b4"
_CLITIC_END = f"(?=[^\\w{_CLITIC_MARK}]*$)"
# Everywhere: the possessive; the genitive after a vowel or an abbreviation's letters, said with
# their vowels ("PKK'nın", "El Kaide'nin"); a Nordic ending after a colon on an abbreviation.
_CLITIC = re.compile(
    f"(?:(?<=[^\\W_])[{_CLITIC_MARK}](?i:s)"
    f"|(?:(?<=[aeıioöuüAEIİOÖUÜ])|(?<=[A-Z]{{2}}))[{_CLITIC_MARK}](?i:nın|nin|nun|nün|ndan|nden|ndaki|ndeki|nda|nde|na|ne|ya|ye)"
    f"|(?<=[A-Z0-9]{{2}}):[a-zåäö]{{1,4}}){_CLITIC_END}"
)
# Turkish's other endings, which Arabic in Latin letters also writes after its ayn ("Ansar
# al-Shari'a", "al-Muwaqqi'un", "Ma'dan"): only after an abbreviation, or in a name written with
# Turkish letters ("PKK'ya", "DEAŞ'tan"), in small letters or in capitals.
_TURKISH_ENDINGS = (
    "(?i:dan|den|tan|ten|daki|deki|taki|teki|yla|yle|lar|ler|lılar|liler|lular|lüler|lıların|lilerin"
    "|[ıiuüae]|[nys][ıiuü]|[yn][ae]|[ıiuü]n|[dt][ae]|l[ae]|l[ıiuü]|[cç][ae])"
)
_CLITIC_TURKISH = re.compile(f"(?<=[^\\W_])[{_CLITIC_MARK}]{_TURKISH_ENDINGS}{_CLITIC_END}")
# After an abbreviation: its last letters, or one letter after a hyphen or a slash ("DHKP-C'ye",
# "DHKP/C’nin"); Kurmanji puts its -ê there too ("YPG’ê", "HPG'ên").
_CLITIC_AFTER_ABBREVIATION = re.compile(
    f"(?:(?<=[A-Z0-9]{{2}})|(?<=[A-Z][-/][A-Z]))[{_CLITIC_MARK}](?:{_TURKISH_ENDINGS}|nın|nin|nun|nün|ê|ên|yê|yên){_CLITIC_END}"
)
# Azerbaijani writes the ending after an abbreviation with a hyphen ("PKK-nın", "ASALA-nı"): only
# in small letters (not a faction's capitals: "SPLM-N", "ISIS-K").
_HYPHENED_ENDING = re.compile(
    "(?<=[A-ZİŞĞÜÖÇ]{2})-(?:nın|nin|nun|nün|nı|ni|nu|nü|dan|dən|den|tan|tən|ten|da|də|de|ya|yə|ye|ın|in|un|ün|ı|i|u|ü|ə|lar|lər|ler)(?=[^\\w]*$)"
)
_TURKISH_LETTERS = re.compile("[ıİşŞğĞ]")


# The French and Italian article elided before an abbreviation in capitals ("l'EIGS", "L’UPC",
# "d'AQMI", "dell'ISIS"): a sentence's, not the name's ("l'EI" is the Islamic State's EI, not LeI).
_ELIDED = re.compile(f"^(\\s*)(?i:l|d|qu|dell|dall|all|nell|sull)[{_CLITIC_MARK}](?=[A-Z][A-Z0-9]+(?!\\w))")


# What a report says of a name it does not grant, before the name: "so-called", "self-styled"
# ("the so-called Islamic State"), and the same in the other presses ("soi-disant", "autoproclamé",
# "dits" before a name, "autodenominada", "cosiddetto", "sogenannte", "selbsterklärten",
# "zogenaamde", "tak zwane", "так называемое", "самопровозглашённой", "sözde", "yang disebut",
# "ما يسمى", "به اصطلاح", "המכונה"). No name holds these words. Not the words that introduce a
# person's name or nickname ("المدعو", "dit", "surnommé"): what follows them is a person.
_HEDGE = _LazyPattern(
    r"(?:^|(?<=\s))(?:"
    r"(?i:so[- ]?called|self[- ](?:styled|proclaimed|declared|described)|soi[- ]disant"
    r"|auto[- ]?(?:proclam|d[ée]nomm|denomin|designad|intitulad)\w*|baptis[ée]e?s?"
    r"|cosiddett[oaie]|sedicent[ei]|autoproclamat[oaie]|sogenannte[nmrs]?|selbst ?(?:ernannt|erklärt)\w*"
    r"|zogena?(?:amde|noemde)|zelf(?:verklaarde|benoemde|uitgeroepen)|tak zwan\w*|tzw\.|samozwańcz\w*"
    r"|так называем\w*|так зван\w*|самопровозглаш[её]нн\w*|самопроголошен\w*|sözde"
    r"|yang (?:disebut|menamakan diri(?:nya)?))"
    r"|dite|dits|dites"  # French, in small letters: "les résistants dits Wazalendo"
    r"|(?:ب)?ما [يت]ُ?(?:سم[ىي]|عرف)|به اصطلاح|موسوم به|המכונה|המכונים"
    r")(?:\s+بـ?(?=\s))?\s+(?=\S)"
)


#: Letters every hedge of :data:`_HEDGE` holds, small: a name without any is read as it is, and
#: the pattern is compiled only for a name that may hold one.
_HEDGE_HINTS = (
    "call", "styl", "procla", "declar", "describ", "disant", "auto", "baptis", "cosidd", "sedicent",
    "nannt", "selbst", "zogena", "zelf", "zwan", "tzw", "samozwa", "так ", "самопро", "sözde",
    "yang ", "dite", "dits", "ما ", "اصطلاح", "موسوم", "המכונ",
)


def _without_hedge(text: str) -> str:
    """The name without what a report says of it that it does not grant (:data:`_HEDGE`), when
    two words at least are left, or an abbreviation in capitals ("так называемого ИГ"): one word so
    called is a word, not a name ("so-called jihad")."""
    low = text.casefold()
    if not any(h in low for h in _HEDGE_HINTS) or not _HEDGE.search(text):
        return text
    bare = _HEDGE.sub("", text)
    words = bare.split()
    if len(words) >= 2:
        return bare
    letters = [c for c in words[0] if c.isalpha()] if words else []
    return bare if len(letters) >= 2 and all(c.isupper() for c in letters) else text


def _without_clitic(text: str) -> str:
    """The name without the ending a sentence hangs on it (:data:`_CLITIC`), nor the article
    elided before it (:data:`_ELIDED`), nor what a report says of it and does not grant
    (:data:`_HEDGE`)."""
    text = _without_hedge(text)
    if "-" in text:
        text = _HYPHENED_ENDING.sub("", text)
    if ":" not in text and not any(m in text for m in _CLITIC_MARK):
        return text
    text = _ELIDED.sub(r"\1", text)
    bare = _CLITIC.sub("", text)
    if bare == text:
        bare = _CLITIC_AFTER_ABBREVIATION.sub("", text)
    if bare == text and _TURKISH_LETTERS.search(text):
        bare = _CLITIC_TURKISH.sub("", text)
    return bare


# Tokens that carry no identity: the Arabic article in all its romanized forms
# (al-, el-, ul-, and the sun-letter assimilations as-, ash-, at-, ...), the
# Persian/Urdu ezafe (-e-, -i-), "and"/"in" in Arabic and English, and English
# function words.
_ARTICLES = frozenset(
    [
        "al",
        "el",
        "ul",
        "il",
        "l",
        "ad",
        "adh",
        "ag",
        "an",
        "ar",
        "as",
        "ash",
        "at",
        "ath",
        "az",
        "ud",
        "un",
        "ur",
        "us",
        "ush",
        "ut",
        "uz",
        "ed",
        "en",
        "er",
        "es",
        "esh",
        "asch",
        "asy",
        "ach",
        "ech",
        "et",
        "ez",
        "e",
        "i",
        "aj",
        "wa",
        "wal",
        "wel",
        "val",
        "w",
        "fi",
        "fy",
        "fil",
        "li",
        "lil",
        "bi",
        "bil",
        "ye",
        "d",
        "qu",
        "the",
        "of",
        "in",
        "and",
        "for",
        "a",
    ]
)

# Whole-token equivalences seen in the press.
_TOKEN_FORMS = {
    "abou": "abu",
    "abo": "abu",
    "ibn": "bin",
    "ben": "bin",
    "ebn": "bin",
    "bint": "bin",
    "abdul": "abd",
    "abdel": "abd",
    "abdal": "abd",
    "abdoul": "abd",
    "abdol": "abd",
    "abdil": "abd",
    # Turkish writes the Arabic j with a c (and so "Cihad" even without its own letters beside it)
    "cihad": "jihad",
    "cihat": "jihad",
    # South Asia's and Iran's sayyid ("Brigade Syed al Shohada", Kata'ib Sayyid al-Shuhada)
    "syed": "sayyid",
    "sayed": "sayyid",
    "seyed": "sayyid",
    "seyyed": "sayyid",
}
_ABD_PREFIX = re.compile(r"^(abdul|abdel|abdal|abdoul|abdol)(?=[a-z]{3})")
#: "Abd Allah" written as one word: its halves are the two words "Abd Allah" and "عبد الله" have.
_ABD_ALLAH = frozenset(
    ("abdullah", "abdallah", "abdulla", "abdalla", "abdellah", "abdella", "abdoullah", "abdoulla", "abdollah")
)
_VOWELS = frozenset("aeiou")


@dataclass(frozen=True, slots=True)
class Step:
    """One normalization step and the text it produced."""

    name: str
    text: str


@dataclass(frozen=True, slots=True)
class Keys:
    """The matching keys of one name."""

    key: str
    skeleton: str


def _strip_invisible(text: str) -> str:
    if text.isascii():
        return _CONTROLS.sub(" ", text)
    if "\u200c" in text:
        text = _ZWNJ_BETWEEN_WORDS.sub(" ", text)
    return _CONTROLS.sub(" ", INVISIBLE.sub("", text))


#: Persian's zero-width non-joiner before the Arabic article stands for a space between two words
#: of a name ("جیش‌العدل", Jaish al-Adl; "حزب‌الله"; "انصار‌الله"), but in the Arabic compounds
#: Persian writes as one word ("بین‌المللی", international; "بیت‌المقدس", Jerusalem).
_ZWNJ_BETWEEN_WORDS = re.compile("(?<=[\\u0620-\\u064a\\u066e-\\u06d3])(?<!بین)(?<!فوق)(?<!بیت)\\u200c(?=ال)")


# Urdu's do-chashmi he after d, t, k or g aspirates it: "سندھ" is Sindh, d-h as romanization writes
# it (and as the spelling step then folds it), not the d and h of two letters ("ده", dah).
_ASPIRATED = frozenset("دتٹڈكگ")
_DO_CHASHMI = "ھ"
_PASHTO_E = "ې"
# Letters Uyghur writes and Pashto does not (ۇ u, ۈ ü, ۋ w): Uyghur's ې is a vowel anywhere.
_UYGHUR_LETTERS = "ۇۈۋ"


def _arabic_letter(ch: str) -> bool:
    """Whether ``ch`` is a letter of the Arabic script (not one of its digits, marks or signs)."""
    return ch.isalpha() and _ARABIC_LETTER.match(ch) is not None


def _fold_arabic(text: str) -> str:
    if not _ARABIC_LETTER.search(text):
        return text
    out: list[str] = []
    uyghur = _PASHTO_E in text and any(c in text for c in _UYGHUR_LETTERS)
    for i, ch in enumerate(text):
        cp = ord(ch)
        if cp in _ARABIC_MARKS or cp == _TATWEEL:
            continue
        if ch == _DO_CHASHMI and out and out[-1] in _ASPIRATED:
            out.append(ch)
            continue
        if ch == _PASHTO_E and i and _arabic_letter(text[i - 1]) and not text[i + 1 : i + 2].isalpha() and not uyghur:
            # Pashto's final e (ې) is the ending Persian writes with a he: "شبکې" is the
            # Persian "شبکه" (network), "جبهې" "جبهه" (front).
            out.append("ه")
            continue
        out.append(_ARABIC_FOLD.get(ch, ch))
    return "".join(out)


#: "أبو" and "ابو" (Abu), before a name it may be written against.
_ABU = ("أبو", "ابو")
#: Words of names that start with a lam, as li- and the article joined to them write them: "للواء"
#: (liwa', brigade), "للجنة", "للجان" (committee, committees).
_LAM_WORDS = frozenset(("لواء", "لجنة", "لجان"))


def _translit_word(word: str) -> str:
    # "الله" is written as one word but romanized as a whole: Allah.
    if word in ("الله", "لله"):
        return "allah"
    # "عز" (glory, "Izz ad-Din") would be the article az- with the ayn read as its vowel; it is
    # often written against the article after it ("عزالدين").
    if word == "عز":
        return "izz"
    if word == _URDU_OF:
        return "of"  # "یونائیٹیڈ لبریشن فرنٹ آف آسام", the United Liberation Front of Asom
    if word.startswith("عزال") and len(word) > 5:
        return "izz " + _translit_word(word[2:])
    # "أبو" (Abu) written against the name after it, as a kunya often is: "أبوعلي" is Abu Ali.
    if word.startswith(_ABU) and len(word) >= 6:
        return _translit_word(word[:3]) + " " + _translit_word(word[3:])
    prefix = ""
    if word.startswith("ال") and len(word) > 3:
        prefix, word = "al-", word[2:]
    elif word.startswith(_JOINED_ARTICLES) and len(word) > 4:
        # wa-, bi-, fa- or ka- joined to the article: "والجهاد", "بالشام".
        prefix, word = "al-", word[3:]
    elif word.startswith("لل") and len(word) > 4:
        # li- joined to the article, whose alif it drops: "للتحرير"; before a word that starts
        # with a lam, the article's lam goes too: "للواء" is li-l-liwa', to the brigade.
        prefix, word = "al-", word[1:] if word[1:] in _LAM_WORDS else word[2:]
    elif word.startswith(("ولل", "وبال")) and len(word) > 5:
        prefix, word = "al-", word[4:]
    # Persian and Urdu write the Arabic -iya (ـية) with a t (ـیت): "ولایت" is wilayat, "جمعیت"
    # jamiat; the t is then the ending the spelling step folds (-at, -a).
    tail = ""
    if len(word) >= 5 and word.endswith("يت"):
        word, tail = word[:-1], "at"
    out: list[str] = []
    for i, ch in enumerate(word):
        # A word-initial ayn is heard as its vowel: al-ʿIshrin, ʿUsbat, ʿAsa'ib.
        latin = "a" if (i == 0 and ch == "ع") else _ARABIC_LATIN.get(ch, ch)
        # ك then ه is k-a-h ("al-Kahf"), never the letter kh: keep them apart (not Urdu's
        # aspiration, ھ, which romanization writes as the h of kh, dh, th).
        if ch == _DO_CHASHMI:
            latin = "h"
        elif latin == "h" and out and out[-1][-1:] in _DIGRAPH_HEADS:
            out.append("a")
        out.append(latin)
    return prefix + "".join(out) + tail


# Sorani Kurdish writes its vowels (ە e, ێ ê, ۆ o, و u, ی i) where Arabic and Persian leave them
# out: a text with one of its own letters is read letter by letter with them, as Kurdish Latin
# writes it ("هێزەکانی", hêzekanî), and the plural -ekan and the ezafe -î after it set apart.
_SORANI_LETTER = _LazyPattern("[\u06d5\u06ce\u06c6\u06b5\u0695]")
_SORANI_WORD = _LazyPattern("[\u0621-\u064a\u0660-\u06ff]+")
_SORANI_LATIN = {
    **_ARABIC_LATIN, "ە": "e", "ێ": "e", "ۆ": "o", "ئ": "", "ع": "", "ی": "y", "ي": "y", "ک": "k", "ھ": "h",
}
_SORANI_VOWELS = frozenset("aeiou")
_SORANI_PLURAL = _LazyPattern("(?<=[a-z]{3})(?:ekani|ekan)$")


def _sorani_word(m: re.Match[str]) -> str:
    word = m.group(0).replace("وو", "û").replace("یی", "îy")
    out: list[str] = []
    for i, ch in enumerate(word):
        before = out[-1][-1:] if out else ""
        if ch == "û":
            out.append("u")
        elif ch == "î":
            out.append("i")
        elif ch == "و":
            # A consonant at the word's start or after a vowel, else the vowel u.
            out.append("w" if not before or before in _SORANI_VOWELS else "u")
        elif ch in "یيى":
            last = i == len(word) - 1
            if last and before in _SORANI_VOWELS and len(out) >= 3:
                continue  # the ezafe after a vowel ("سووریای", Sûriya-y)
            out.append("y" if (not before or before in _SORANI_VOWELS) and not last else "i")
        else:
            out.append(_SORANI_LATIN.get(ch, ch))
    latin = "".join(out)
    stem = _SORANI_PLURAL.sub("", latin)
    return stem if len(stem) >= 3 else latin


# Uyghur writes every vowel too (ا a, ە e, ې ë, ى i, و o, ۇ u, ۆ ö, ۈ ü), a word's first one on the
# seat ئ: a text with one of its own letters (ۈ, ۇ, ۋ; not ې, which Pashto writes too, nor ڭ, which
# Moroccan Arabic writes for g), or with its i (ى) inside a word, where Arabic writes that letter
# only last, is read letter by letter as Uyghur Latin writes it ("تۈركىستان ئىسلام پارتىيىسى",
# Türkistan Islam Partiyisi; "ئىسلام دۆلىتى", Islam döliti), ö and ü as o and u.
_UYGHUR_LETTER = _LazyPattern(f"[{_UYGHUR_LETTERS}]|\u0649(?=[\u0621-\u064a\u0660-\u06ff])")
_UYGHUR_LATIN = {
    **_ARABIC_LATIN, "ە": "e", "ې": "e", "ى": "i", "و": "o", "ۇ": "u", "ۆ": "o", "ۈ": "u", "ۋ": "w", "ڭ": "ng",
    "ئ": "", "ی": "y", "ک": "k", "ھ": "h",
}


def _uyghur_word(m: re.Match[str]) -> str:
    return "".join(_UYGHUR_LATIN.get(ch, ch) for ch in m.group(0))


def _sorani(text: str) -> str:
    if _UYGHUR_LETTER.search(text):
        return _SORANI_WORD.sub(_uyghur_word, text)
    if not _SORANI_LETTER.search(text):
        return text
    if "\u06d5" not in text:
        # Sorani typed on an Arabic or Persian keyboard, which has no ە: its e is written with the
        # heh (ه, with its hamza ۀ at a word's end), and the heh inside or at the end of a word is
        # that e ("کۆمهڵه", Komele, is "کۆمەڵە"); a word's first heh is its h ("هێز"), and so
        # is one before a vowel.
        text = _SORANI_HEH_E.sub("\u06d5", text)
    return _SORANI_WORD.sub(_sorani_word, text)


#: A heh or its forms with a hamza after a letter of the word and before no vowel letter: the e of
#: Sorani typed without ە (before a vowel, the heh is an h: "نهێنی", nihênî, secret).
_SORANI_HEH_E = _LazyPattern(
    "(?<=[\u0621-\u064a\u0671-\u06d3])(?:\u0647\u0654|\u06c0|\u0647)(?![\u06ce\u06c6\u0627\u0648\u06cc\u064a\u0649])"
)


def _translit_arabic(text: str) -> str:
    if not _ARABIC_LETTER.search(text):
        return text
    return _ARABIC_WORD.sub(lambda m: _translit_word(m.group(0)), text)


# Letters unidecode writes as punctuation or not at all, with the Latin letters names are
# romanized with: the schwa of Ethiopian, Azerbaijani and Tatar romanization ("Həzbawi"), the
# glottal stop and the ayn of IPA-style romanization ("Jamaʕat"), which are the apostrophe's.
# Russian and Ukrainian write the Arabic h (ح, ه) with х, which unidecode reads kh: "Хамас" is
# Hamas, "Джабхат" Jabhat. A Russian kh a Latin name writes kh is then a letter apart ("Ахмат").
# Turkish and Romanian write the shin's sh with a cedilla or comma (ş, ș), which unidecode makes s:
# "Şam" is Sham.
_BEFORE_UNIDECODE = {
    ord("ş"): "sh",
    ord("Ş"): "sh",
    ord("ș"): "sh",
    ord("Ș"): "sh",
    ord("х"): "h",
    ord("Х"): "h",
    ord("ə"): "e",
    ord("Ə"): "e",
    ord("ǝ"): "e",
    ord("ʔ"): "'",
    ord("ʕ"): "'",
    ord("ʡ"): "'",
    ord("ʢ"): "'",
    # Tajik, Uzbek, Kazakh and Tatar Cyrillic: the Arabic j, h, q and gh of their loanwords as the
    # Latin press writes them ("Ҷамоати Ансоруллоҳ", Jamaat Ansarullah), where unidecode gives
    # ch', kh', k' and g'; and the front a of "Әл-Қаида" (al-Qaeda), which it gives as @.
    ord("ҷ"): "j",
    ord("Ҷ"): "J",
    ord("ҳ"): "h",
    ord("Ҳ"): "H",
    ord("қ"): "q",
    ord("Қ"): "Q",
    ord("ғ"): "gh",
    ord("Ғ"): "Gh",
    ord("ә"): "a",
    ord("Ә"): "A",
}
# The Latin letters with a caron, a breve or a line that the Czech, Slovak, Bosnian, Croatian and
# Serbian press ("Al-Šabab") and the scholarly romanizations of Arabic and Persian (DMG, ISO 233,
# the Encyclopaedia Iranica: "Ǧabhat", "Ḫālid", "Ṯawra", "ḵalq") write for an Arabic letter the
# English press writes with two: unidecode gives their plain letter (s, g, h, k, t, d), another
# consonant. Only these: č and ž (the Iranica's Persian ch and zh) are far more often a Slavic
# word's letters, which read so meet a registry's one-word names ("Kačanik" is no Kach), and ġ
# (DMG's ghayn) is the Maltese j. (A dž, the j, is read in _latin.)
_DIGRAPHS = {"š": "sh", "ǧ": "j", "ḫ": "kh", "ḵ": "kh", "ṯ": "th", "ḏ": "dh"}
DIGRAPH_LETTERS = "".join(c for letter in _DIGRAPHS for c in (letter, letter.upper()))
_BEFORE_UNIDECODE.update({ord(c): _DIGRAPHS[c.lower()] for c in DIGRAPH_LETTERS})
# Tifinagh (Amazigh and Tuareg), which unidecode leaves out: each letter as the Latin Berber
# alphabet writes it, emphatics as their plain letter; the labialization mark is a w.
_TIFINAGH = dict(
    zip(
        range(0x2D30, 0x2D68),
        (
            "a b bh g gh j j d dh d dh e f k k kh h h h h ' kh kh q q i j j j l m n ny ng p u r r gh gh g"
            " s s sh t th ch t v w y z z z e o"
        ).split(),
        strict=True,
    )
)
_TIFINAGH.update({0x2D6F: "w", 0x2D70: " ", 0x2D7F: ""})
_BEFORE_UNIDECODE.update(_TIFINAGH)
# Ethiopic writes each consonant with its vowel; the sixth form is the consonant alone or with a
# short schwa that romanizations mostly leave out ("Təgray", "Tigray", ትግራይ): unidecode gives it
# an e ("tegeraaye"), which is dropped here.
_BEFORE_UNIDECODE.update(
    {cp: unidecode(chr(cp))[:-1] for cp in range(0x1205, 0x135B, 8) if unidecode(chr(cp)).endswith("e")}
)
# Amharic writes "of" as ye- (የ) joined to the noun: "የኦሮሞ ነጻነት ሠራዊት" is the Oromo Liberation Army,
# "የአማራ" of the Amhara. The prefix goes when three letters or more follow (የመን is Yemen).
_ETHIOPIC_OF = _LazyPattern("(?<![\u1200-\u137f])\u12e8(?=[\u1200-\u137f]{3})")
#: Amharic's from, by and for (ከ, በ, ለ) joined to a name's first word, as "of" (የ) is: read away
#: when the name so read is one ("ከአማራ ፋኖ ብሔራዊ ኃይል", from the Amhara Fano National Force).
_ETHIOPIC_PREPOSITION = _LazyPattern("^\\s*[\u12a8\u1260\u1208](?=[\u1200-\u137f]{3})")
#: Hausa's words for a group, its members and terror, beside which its "ta" and "na" (of) join
#: words ("Kungiyar 'yan ta'adda ta Ansaru", the Ansaru terrorist group) (:func:`readings`).
_HAUSA_BODY = _LazyPattern("(?i)(?<!\\w)(?:[kƙ]ungiya[rn]?|[kƙ]ungiyoyin|['\u2018\u2019]yan|mayakan|ta['\u2018\u2019]adda\\w*)(?!\\w)")
_HAUSA_OF = _LazyPattern("(?i)(?<![\\w'\u2018\u2019])(?:ta|na)(?![\\w'\u2018\u2019])")
#: Kinyarwanda's and Swahili's "and", "with" (n') elided before a name in capitals ("n'Interahamwe").
_ELIDED_NA = _LazyPattern("^\\s*n['\u2019](?=[A-Z])")
_UNIDECODE_GAPS = _LazyPattern(f"[{DIGRAPH_LETTERS}\u015f\u015e\u0219\u0218\u0445\u0425\u0492\u0493\u049a\u049b\u04b2\u04b3\u04b6\u04b7\u04d8\u04d9\u0259\u018f\u01dd\u0294\u0295\u02a1\u02a2\u1200-\u137f\u2d30-\u2d7f]")


# The letters above that stand for two of the English press's letters, and a word of letters.
_DIGRAPH_LETTER = _LazyPattern(f"[{DIGRAPH_LETTERS}]")
_LATIN_WORD = _LazyPattern("[^\\W\\d_]+")


def _plain_if_vowelless(m: re.Match[str]) -> str:
    word = m.group(0)  # casefolded: a vowel is a small letter
    if not _DIGRAPH_LETTER.search(word) or any(unidecode(c) in "aeiouy" for c in word):
        return word
    return unidecode(word)


_FINAL_TILDE = re.compile(r"ã(?![^\W\d_])")

# The Brahmic scripts of India (Devanagari to Malayalam, one block of 128 each, laid out
# alike) write a consonant with an inherent vowel that unidecode leaves out: "तहरीक" came out
# "thriik", not Tahrik. Each consonant gets its a unless a vowel sign or a virama follows;
# Hindi, Bengali, Punjabi and Gujarati then drop it where they do not say it (at the end of a
# word, and between a vowel-consonant and a consonant-vowel: "तहरीक" is tahrik, "लिबरेशन"
# libreshan), as the press's romanizations of those languages write names.
_BRAHMIC = _LazyPattern("[\u0900-\u0d7f]+")  # not Sinhala, laid out otherwise
_SCHWA_DROPPED_BLOCKS = frozenset((0, 1, 2, 3))  # Devanagari, Bengali, Gurmukhi, Gujarati
# Letters as English-press romanizations write them, by offset in the block: ca is "ch";
# Devanagari's letters with a nukta are the sounds Hindi takes from Persian and English (ज़ z, फ़ f).
_BRAHMIC_LETTERS = {0x1A: "ch", 0x1B: "chh", 0x37: "sh", 0x23: "n", 0x5F: "y", 0x5C: "r", 0x5D: "rh"}
_NUKTA = {0x15: "q", 0x16: "kh", 0x17: "gh", 0x1C: "z", 0x21: "r", 0x22: "rh", 0x2B: "f", 0x2F: "y"}
_DEVANAGARI_NUKTA_FORMS = {0x58: "q", 0x59: "kh", 0x5A: "gh", 0x5B: "z", 0x5C: "r", 0x5D: "rh", 0x5E: "f", 0x5F: "y"}
_CODAS = {0x01: "n", 0x02: "n", 0x03: "h", 0x4E: "t", 0x70: "n"}  # nasal marks, visarga, khanda ta, tippi
# Malayalam's chillu letters (ൻ n, ർ r: "ഖാലിസ്ഥാൻ", Khalistan), which unidecode drops, its zha (ഴ,
# zh, as in Kozhikode) and its rra (റ).
_CHILLU = {0x7A: "n", 0x7B: "n", 0x7C: "r", 0x7D: "l", 0x7E: "l", 0x7F: "k"}
_MALAYALAM_LETTERS = {0x34: "zh", 0x31: "r"}
_SCHWA, _VOWEL, _BARE, _OTHER = range(4)


#: English "of" as Bengali (অফ, অব), Hindi (आफ; ऑफ reads "of" already), Punjabi (ਆਫ), Odia (ଅଫ୍),
#: Tamil (ஆஃப்), Telugu (ఆఫ్) and Kannada (ಆಫ್) write it in an English name.
_BRAHMIC_OF = frozenset(("অফ", "অব", "आफ", "ਆਫ", "ଅଫ୍", "ஆஃப்", "ఆఫ్", "ಆಫ್"))
#: English "of" as Urdu writes it in an English name ("آف", its alif madda folded).
_URDU_OF = "اف"


def _brahmic(text: str) -> str:
    """Brahmic letters written in Latin with their inherent vowels (see above)."""
    return _BRAHMIC.sub(_brahmic_word, text)


def _brahmic_word(m: re.Match[str]) -> str:
    if m.group(0) in _BRAHMIC_OF:
        return "of"  # English "of" in a Bengali or Hindi writing of an English name: "af" is a word of its own
    units: list[list[Any]] = []  # [letters, vowel, kind]
    block = -1
    for ch in m.group(0):
        cp = ord(ch) - 0x0900
        block, off = cp // 0x80, cp % 0x80
        last = units[-1] if units else None
        if 0x15 <= off <= 0x39 or 0x58 <= off <= 0x5F:
            if block == 0 and off in _DEVANAGARI_NUKTA_FORMS:
                letters = _DEVANAGARI_NUKTA_FORMS[off]
            elif block == 8 and off in _MALAYALAM_LETTERS:
                letters = _MALAYALAM_LETTERS[off]
                if off == 0x31 and last is not None and last[2] == _BARE and (last[0] == "n" or last[3] == 0x31):
                    letters = "t"  # ന്റ is nt, റ്റ tt ("കമാന്റോ", commando)
                    if last[3] == 0x31:
                        last[0] = "t"
            else:
                letters = _BRAHMIC_LETTERS.get(off) or unidecode(ch).lower()
            units.append([letters, "a", _SCHWA, off])
        elif off == 0x3C:  # nukta
            if last is not None and last[2] != _OTHER and last[3] in _NUKTA:
                last[0] = _NUKTA[last[3]]
        elif 0x3E <= off <= 0x4C or 0x55 <= off <= 0x57 or 0x62 <= off <= 0x63:
            # unidecode marks a candra vowel (ॉ, the English o of "ऑफ", of) with an N: it is the vowel.
            if last is not None and last[2] == _SCHWA:
                last[1], last[2] = _brahmic_vowel(ch, block), _VOWEL
            else:
                units.append(["", _brahmic_vowel(ch, block), _VOWEL, -1])
        elif off == 0x4D:  # virama
            if last is not None and last[2] == _SCHWA:
                last[1], last[2] = "", _BARE
        elif 0x04 <= off <= 0x14 or 0x60 <= off <= 0x61:
            units.append(["", _brahmic_vowel(ch, block), _VOWEL, -1])
        elif off == 0x71 and block == 2:
            pass  # Gurmukhi's addak doubles the next consonant, which names write once ("ਬੱਬਰ", Babbar)
        elif off in _CODAS and not (off == 0x4E and block != 1) and not (off == 0x70 and block != 2):
            # Bengali's anusvara is the velar nasal everywhere: "বাংলাদেশ" is Bangladesh, "তাং" Ta'ang.
            units.append(["ng" if (off == 0x02 and block == 1) else _CODAS[off], "", _BARE, -1])
        elif 0x7A <= off <= 0x7F and block == 8:  # Malayalam's chillu letters: a consonant alone
            units.append([_CHILLU[off], "", _BARE, -1])
        else:
            units.append([unidecode(ch).lower(), "", _OTHER, -1])
    if block in _SCHWA_DROPPED_BLOCKS:
        _drop_schwas(units)
    return "".join(u[0] + u[1] for u in units)


#: The blocks of the scripts of South India (Tamil, Telugu, Kannada, Malayalam), which write a
#: short o beside the long one.
_LONG_O_BLOCKS = frozenset((5, 6, 7, 8))


def _brahmic_vowel(ch: str, block: int) -> str:
    """A vowel letter or sign as Latin letters. The long o of the scripts that also have a short
    one is an o, as Hindi's only o is: unidecode writes it "oo", which English spelling reads as u
    ("டெலோ", TELO as it sounds, is "telo", not "telu"). (Their long e stays "ee", an i as English
    reads it: the Tamil "சேனை", army, is not the city of Chennai.)"""
    read = unidecode(ch).rstrip("N").lower()
    return "o" if block in _LONG_O_BLOCKS and read == "oo" else read


def _drop_schwas(units: list[list[Any]]) -> None:
    """Drop the inherent vowels Hindi does not say, last to first (the rule of Ohala): at the end
    of a word, and between a vowel and a consonant-vowel."""
    said = (_SCHWA, _VOWEL)
    for i in range(len(units) - 1, 0, -1):
        u = units[i]
        if u[2] != _SCHWA:
            continue
        before = units[i - 1]
        if i == len(units) - 1 or units[i + 1][2] == _OTHER:
            u[1], u[2] = "", _BARE  # at the end of a word ("फ्रंट" is front, not franta)
        elif before[2] in said and units[i + 1][0] and units[i + 1][2] in said:
            u[1], u[2] = "", _BARE


# Greek as Greek names are romanized today (ELOT 743, as the press writes them): unidecode gives
# the ancient values (η e, β b, υ u), so "Νοέμβρη" would never meet "Noemvri".
_GREEK_LETTER = _LazyPattern("[\u0370-\u03ff\u1f00-\u1fff]")
_GREEK_PAIRS = _LazyPattern("ου|αι|ει|οι|υι|αυ|ευ|γγ|γκ|μπ|ντ")
_GREEK_PAIR = {"ου": "ou", "αι": "e", "ει": "i", "οι": "i", "υι": "i", "αυ": "av", "ευ": "ev", "γγ": "ng"}
_GREEK_VOICELESS = frozenset(("", " ", "θ", "κ", "ξ", "π", "σ", "ς", "τ", "φ", "χ", "ψ"))
_GREEK_JOINED = {"γκ": ("g", "nk"), "μπ": ("b", "mb"), "ντ": ("d", "nd")}  # at a word's start, within it
_GREEK = str.maketrans(
    dict(zip("αβγδεζηθικλμνξοπρστυφχψως", "a v g d e z i th i k l m n x o p r s t i f kh ps o s".split(), strict=True))
)


def _greek(text: str, foreign: bool = False) -> str:
    """Greek letters written in Latin as modern Greek is romanized.

    With ``foreign``, as Greek writes a foreign name: μπ, ντ and γκ are b, d and g everywhere (Greek
    has no other letters for them: "Ταλιμπάν" is Taliban), τζ is j and χ is h ("Χαμάς", Hamas).
    """
    plain = ""
    apart: set[int] = set()  # where two vowels are two syllables: "Κάιντα" (ka-i-da), "Ταϊμπά"
    for c in unicodedata.normalize("NFD", text):
        if not unicodedata.combining(c):
            plain += c
        elif c == "\u0301" and plain:
            apart.add(len(plain) - 1)  # the accent on a pair's first vowel parts it
        elif c == "\u0308" and len(plain) > 1:
            apart.add(len(plain) - 2)  # so does the diaeresis on its second

    def pair(m: re.Match[str]) -> str:
        two = m.group(0)
        if two in _GREEK_JOINED:
            start = foreign or m.start() == 0 or not plain[m.start() - 1].isalpha()
            return _GREEK_JOINED[two][0 if start else 1]
        if m.start() in apart:
            return two.translate(_GREEK)
        if two in ("αυ", "ευ") and plain[m.end() : m.end() + 1] in _GREEK_VOICELESS:
            return two[0].translate(_GREEK) + "f"  # before a voiceless letter or at the end
        return _GREEK_PAIR[two]

    paired = _GREEK_PAIRS.sub(pair, plain)
    return (paired.replace("χ", "h").replace("τζ", "j") if foreign else paired).translate(_GREEK)


# Hebrew writes Arabic names letter for letter, as Arabic does, without short vowels: ח for ح, ע
# for ع, ק for ق, a geresh for the letters Hebrew lacks (ג׳ ج, ח׳ خ, ת׳ ث). Read in Arabic letters,
# such a name meets the registry's Arabic names and their romanizations alike. The article ה-
# ("the") is al-, the adjective's -ית the Arabic -iyya and the plural's -ים the Arabic -in.
_HEBREW_LETTER = _LazyPattern("[\u05d0-\u05ea]")
# The points and accents Hebrew may be written with; not its hyphen (maqaf), paseq or sof pasuq.
_HEBREW_POINTS = frozenset(chr(c) for c in range(0x0591, 0x05C8)) - {"\u05be", "\u05c0", "\u05c3"}
_HEBREW_GERESH = {"ג": "ج", "ח": "خ", "ת": "ث", "ד": "ذ", "ע": "غ", "ט": "ظ", "צ": "تش", "ז": "ج", "כ": "خ"}
_HEBREW = str.maketrans(
    dict(zip("אבגדהוזחטיכךלמםנןסעפףצץקרשת", "ابجدهوزحطيككلممننسعففصصقرشت", strict=True))
    | {"\u05f3": "'", "\u05f4": '"'}
)
# The words Hebrew names groups with, as Arabic writes them (a construct state like its own).
_HEBREW_WORDS = {
    word: arabic
    for words, arabic in (
        ("תנועה תנועת", "حركة"), ("ארגון ארגוני", "منظمة"), ("חזית חזיתת", "جبهة"), ("צבא", "جيش"),
        ("חטיבה חטיבת", "لواء"), ("חטיבות גדודי גדודים", "كتائب"), ("גדוד", "كتيبة"), ("מפלגה מפלגת", "حزب"),
        ("מדינה מדינת", "دولة"), ("קבוצה קבוצת", "مجموعة"), ("מועצה מועצת", "مجلس"), ("כוחות", "قوات"),
        ("שחרור", "تحرير"), ("התנגדות", "مقاومة"), ("עממית עממי", "شعبية"), ("לאומית לאומי", "وطنية"),
        ("דמוקרטית", "ديمقراطية"), ("מהפכנית מהפכני", "ثورية"), ("פועלים", "عمال"), ("של", ""),
        ("אחים", "إخوان"), ("מוסלמים", "مسلمين"), ("קדוש", "مقدس"), ("מלחמה", "حرب"),
    )
    for word in words.split()
}


def _hebrew_word(word: str, article: bool) -> str:
    if word in _HEBREW_WORDS:  # before the article: התנגדות (resistance) starts with a ה of its own
        return _HEBREW_WORDS[word]
    if article and len(word) > 3 and word[0] == "ה":  # ha-, "the"
        return "ال" + _hebrew_word(word[1:], False)
    if len(word) > 4 and word.endswith("ים"):
        word = word[:-2] + "ין"
    elif len(word) > 4 and word.endswith("ית"):
        word = word[:-2] + "יה"
    out = ""
    for ch in word:
        if ch in "'\u05f3’" and out and out[-1] in _HEBREW_GERESH:
            out = out[:-1] + _HEBREW_GERESH[out[-1]]
        else:
            out += ch
    arabic = out.translate(_HEBREW)
    return arabic[:-1] + "ة" if len(arabic) > 2 and arabic.endswith("ه") else arabic


def _hebrew(text: str, article: bool) -> str:
    """Hebrew letters as Arabic letters; points dropped, ``article`` reads a first ה as al-."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if c not in _HEBREW_POINTS).replace("\u05be", "-")
    return re.sub(r"[\u05d0-\u05ea'\u05f3\u05f4’]+", lambda m: _hebrew_word(m.group(0), article), bare)


# German and Polish write a Russian or Arabic name with their own letters: dsch and dż for j, sch and
# sz for sh, tsch and cz for ch, w for v, j for y, German ch for kh ("Dschochar Dudajew", Dzhokhar
# Dudayev; "Asow", Azov). A name with those letters is read again as English writes it.
_GERMAN_OR_POLISH = _LazyPattern("dsch|tsch|sch|cz|sz|dż|ż|ł|[a-z]{2}[oe]wa?(?![a-z])|(?<=[aeiou])j(?=[aeiou])")
# A ch that starts a word ("Chabab"; not "Tchad", nor "Echam", which may be a name of its own),
# ends one after a vowel or a y ("Jeich", "Daech", "Djeych"), or stands between a vowel and a k
# ("Lachkar"; not before other consonants, where German and Dutch write their kh: "Richter").
_FRENCH_CH = _LazyPattern("(?<![^\\W\\d_])ch|(?<=[aeiouy])ch(?![^\\W\\d_])|(?<=[aeiou])ch(?=k)")
_SPANISH_Y = _LazyPattern("(?<![^\\W\\d_])y(?=[aeiouáéíóú][^\\W\\d_]{2})")
# A name written in Spanish: an accented vowel, a ñ, or a Spanish function word.
_SPANISH = _LazyPattern("[áéíóúñ]|(?<![^\\W\\d_])(?:de|del|el|la|los|las)(?![^\\W\\d_])")
# Indonesian and Malay's sy for the shin, before a vowel or an ayn or ending a word ("Syam",
# "Sya'bi", "Jaysy"; not the sy of "Syria", before a consonant, which those languages write
# "Suriah"). Read so only in a name with the Arabic article (al-, or their asy-).
_INDONESIAN_SY = _LazyPattern("sy(?:(?=[aeiou'’ʿ])|(?![^\\W\\d_]))")
_ASY = _LazyPattern("(?<![^\\W\\d_])asy(?=[-\\s])")
# Dutch's oe for the u and sj for the sh ("Moedjahedien", "oel-Ansar", "Ansaroe", "Sjabaab"; not "Joe").
_DUTCH = _LazyPattern("(?<=[^\\W\\d_]{2})oe|oe(?=[^\\W\\d_])|(?<![^\\W\\d_])sj(?=[aeiou])|(?<=[aeiou])sj(?![^\\W\\d_])")
# "İslam" (casefolded) before the last word of a name, the noun a Turkish compound ends in.
# What makes a Dutch spelling one of an Arabic name: its dj, or an article ("Al-Sjabaab", "oel-Ansar";
# not "Koewarasan", a village, nor "Sjaak", a first name).
_DUTCH_ARABIC = _LazyPattern("dj|(?<![^\\W\\d_])(?:al|el|oel|oed|oes|oer|wal)(?![^\\W\\d_])")
_TURKISH_ISLAM = _LazyPattern("(?<![^\\W\\d_])islam(?=\\s+[^\\W\\d_]+\\W*$)")
# The Arabic chat alphabet (Arabizi) writes with a digit the letters Latin has none for: 2 the
# hamza, 3 the ayn, 5 the kh, 6 the emphatic t, 7 the h, 8 the q, 9 the emphatic s; with an
# apostrophe the dotted letter beside it: 3' gh, 5'/7' kh, 6' z, 9' d. A digit counts so inside a
# word, or before three letters or more (not an ordinal's ending: "3ème", "7ter"): never a number
# of its own ("MS-13", "M23", "17 November", "Brigade 166"), nor one after an abbreviation ("RAF2").
_ARABIZI_LETTERS = {
    "2": "'", "3": "'", "5": "kh", "6": "t", "7": "h", "8": "q", "9": "s",
    "3'": "gh", "5'": "kh", "6'": "z", "7'": "kh", "9'": "d",
}
_ARABIZI = _LazyPattern(
    "(?<=[a-z])(?:[35679]'|[235-9])(?=[a-z])"
    "|(?<![^\\W_])(?:[35679]'|[235-9])(?=[a-z]{3})(?!(?:i?[eè]me|[eè]re|ten|ter|tes|nd|rd|th|st)(?![a-z]))"
)
# The Kurmanji ezafe and adjective endings with the circumflex its alphabet writes (-ê, -ên, -î)
# at the end of a word of three letters or more before it; read away in a name with two of them
# (Portuguese and Turkish end a word so too: "anoitecê", "millî").
_KURMANJI = "(?<=[^\\W\\d_]{3})(?:ên|ê|î)(?![^\\W\\d_])"
_KURMANJI_ENDING = _LazyPattern(_KURMANJI)
# The Arabic article before a word, as every romanization writes it ("al-", "al "): a name in
# Arabic, which the Spanish press writes with its y for the j ("Yabhat al Nusra") and no word of
# Spanish beside it.
_KURMANJI_ENDINGS = _LazyPattern(f"{_KURMANJI}.*{_KURMANJI}")
_ARTICLE_AL = _LazyPattern("(?<![^\\W\\d_])al(?:[-\\s]|$)")
_ENGLISH_SPELLING = {
    "dsch": "j", "tsch": "ch", "sch": "sh", "dż": "j", "cz": "ch", "sz": "sh", "ż": "zh", "ł": "l", "ch": "kh",
    "w": "v", "j": "y",
}
_GERMAN_LETTERS = _LazyPattern("dsch|tsch|sch|dż|cz|sz|ż|ł|ch|w|j")


def _as_english_writes(text: str) -> str:
    return _GERMAN_LETTERS.sub(lambda m: _ENGLISH_SPELLING[m.group(0)], text)


# The ending of a Turkish compound's second noun: -ı, -i, -u, -ü after a consonant, -sı, -si, -su, -sü
# after a vowel, on a word of four letters or more before it (which keeps "Ordu", army, whole).
_TURKISH_COMPOUND = _LazyPattern("(?:(?<=[^\\W\\d_]{3}[^\\W\\daeıioöuü_])[ıiuü]|(?<=[^\\W\\d_]{3}[aeıioöuü])s[ıiuü])(?=[\\W_]*$)")
# A c before a vowel, in a name with a letter Turkish or Azerbaijani writes (ı, İ, ş, ğ, ü, ö, ə; not
# ç, which French and Portuguese write too): the Arabic j as those languages write it.
_TURKISH_C = _LazyPattern("c(?=[aeıioöuüə])")
_TURKISH_OR_AZERI = _LazyPattern("[ı\u0307şğüöə]")
_LONG_VOWEL_Y = _LazyPattern("(?<=[^aeiouwy])y(?=[^aeiouwy]|$)")
_LONG_VOWEL_W = _LazyPattern("(?<=[^aeiouwy])w(?=[^aeiouwy]|$)")


# The formulas of blessing that follow a prophet's, an imam's or a companion's name ("Liwa Ali
# al-Akbar (alayhi al-salam)", "فرقة العباس (عليه السلام) القتالية"): "peace be upon him (her, them)",
# "God bless him and grant him peace", "God be pleased with him", "may his secret be sanctified", in
# Arabic and Persian letters, in Latin letters and in English, and their abbreviations in brackets.
# A group is named after the person, not the formula. Not the Latin letters alone ("(A.S)", "(SAW)"),
# which are words and abbreviations of other names, and which a name may need to tell it from
# another ("Imam Ali (A.S) Brigade" is the Imam Ali Combat Division, "Imam Ali Brigade" another group).
_HONORIFIC = _LazyPattern(
    # a bracket, or the start of a run of spaces (tried inside a run, a long one took seconds)
    r"(?:[(\[]|(?<![\s(\[]))\s*(?:"
    r"(?:صل[ىي]\s+الله\s+)?عل[يی]ه(?:ا|م|ما)?\s+(?:و(?:آ|ا)له\s+)?(?:و\s*)?(?:ال)?سلام"
    r"|صل[ىي]\s+الله\s+عل[يی]ه\s+(?:و(?:آ|ا)له\s+)?وسلم"
    r"|رض[يی]\s+الله\s+عن(?:ه|ها|هم|هما)"
    r"|قدس\s+سره"
    r"|['ʿ‘’]?ala[iy]h(?:i|a|im)?s?[ -]?(?:a[ls][ -]?)?['ʿ‘’]?s+ala+m"
    r"|peace\s+be\s+upon\s+(?:him|her|them)"
    r")\s*[)\]]?"
    r"|[(\[]\s*(?:ع|ص|رض|عج|قده?|pbuh)\s*[)\]]"
)


def _without_blessing(t: str) -> str:
    return " ".join(_HONORIFIC.sub(" ", t).split())


def _to_read(text: str) -> tuple[str, str]:
    """A name as :func:`readings` starts from: without invisibles and clitics (NFKC), and that
    casefolded (the dot of a capital İ, casefolded, is a mark of its own)."""
    text = _without_clitic(unicodedata.normalize("NFKC", _strip_invisible(text)))
    return text, unicodedata.normalize("NFKC", text).casefold().replace("\u0307", "")


def french_sh(text: str) -> str:
    """A name in Latin letters read with its French "ch" as the "sh" English writes for the Arabic shin
    ("Choura", "Chabab", "Ansar El Chariaa", "Cham"; as :func:`readings` gives it), or "" when it has
    no such ch."""
    t = _to_read(text)[1]
    if _FRENCH_CH.search(t) and all(c < "\u0250" for c in t if c.isalpha()):
        return _FRENCH_CH.sub("sh", t)
    return ""


def without_blessing(text: str) -> str:
    """The reading of ``text`` without a formula of blessing (as :func:`readings` gives it), or ""
    when it has none: the resolver asks that what is left still name a body."""
    t = _to_read(text)[1]
    return _without_blessing(t) if _HONORIFIC.search(t) else ""


def persian_q(text: str) -> str:
    """A romanized name with its gh read as the Arabic q ("" if it has none): Persian says the q as
    it says the gh, and its press writes it so ("Asaeb Ahl al-Hagh", "al-Ghaeda", al-Qaeda), in a
    name with the Arabic article. One of
    the :func:`readings`; the resolver takes it only for a name spelled alike, not translated
    ("Tabligh" read "Tabliq" is a word of the glossary's, another's)."""
    t = _to_read(text)[1]
    # In a name with the Arabic article only: "Ghani Militia", "Ghor Brigade" are no Arabic q's.
    return t.replace("gh", "q") if "gh" in t and t.isascii() and _ARTICLE_AL.search(t) else ""


def article_apart(text: str) -> str:
    """An Arabic-script name with an article typed joined to the word before it written apart, as
    a name's two words are often typed together: "جيشالعدل" is "جيش العدل", "انصارالفرقان" "انصار
    الفرقان", "حزبالله" "حزب الله" (:data:`_GLUED_ARTICLE`); the text as it is when it has none."""
    return _GLUED_ARTICLE.sub(" ", text)


def readings(text: str) -> tuple[str, ...]:
    """Other readings of a name in a script whose letters stand for more than one sound, for
    when it is read the usual way finds nothing.

    Greek as it writes a foreign name ("Χεζμπολάχ", Hezbollah: μπ b, χ h), Japanese kana with its
    r-row read as l and a first アル as the Arabic article ("アルカイダ", al-Qaida), Hebrew in Arabic
    letters, with and without its article read as al- ("הג'יהאד האסלאמי", al-jihad al-islami); Arabic
    script with its long vowels written as vowels ("الحوثي", al-huthi); a German or Polish spelling
    of a foreign name as English writes it ("Dschochar Dudajew", jokhar dudayev); a Spanish y at a
    word's start as the Arabic j ("Yihad Islámica"), and a Spanish j as the Arabic kh ("Jorasán");
    the Arabic chat alphabet's digits as the letters they stand for ("Kata2ib 7ezbollah"); the
    Indonesian sy as sh ("Jaysy al-Sya'bi"), the Dutch oe and sj as u and sh ("Hizboel
    Moedjahedien"), the Persian press's gh as q (:func:`persian_q`); Korean with its p as f and
    its j as z ("아부 사이야프", Abu Sayyaf).

    Returns:
        The readings, each the name written again (in Latin letters, or in Arabic letters for
        Hebrew), for the resolver to resolve as a query; none for most names.
    """
    text, t = _to_read(text)
    out: list[str] = []
    if _HONORIFIC.search(t):
        out.append(_without_blessing(t))  # "لواء علي الأكبر عليه السلام": Liwa Ali al-Akbar
    if _HAUSA_BODY.search(text) and _HAUSA_OF.search(text):
        out.append(_HAUSA_OF.sub(" ", text))  # Hausa's "of" beside its word for a group
    if _ELIDED_NA.search(text):
        out.append(_ELIDED_NA.sub("", text))  # "n'Interahamwe": and the Interahamwe
    if _ETHIOPIC_PREPOSITION.search(t):
        out.append(_ETHIOPIC_PREPOSITION.sub("", t))  # "በጉሙዝ ...": by the Gumuz ...
    if _ARABIZI.search(t):
        # The Arabic chat alphabet's digits for the letters Latin lacks: "Da3esh", "7ezbollah".
        out.append(_ARABIZI.sub(lambda m: _ARABIZI_LETTERS[m.group(0)], t))
    if _SPANISH_Y.search(t) and (_SPANISH.search(t) or _ARTICLE_AL.search(t)):
        out.append(_SPANISH_Y.sub("j", t))  # Spanish writes the Arabic j as y: "Yihad Islámica"
    if "j" in t and (_SPANISH.search(t) or (_ARTICLE_AL.search(t) and _SPANISH_Y.search(t))):
        # and the Arabic kh as j: "Estado Islámico Provincia de Jorasán" (Khorasan), "Yund al Jilafa"
        # (beside the article, only in a name that writes the y for the j: English writes j for j).
        out.append(_SPANISH_Y.sub("j", t.replace("j", "kh")))
    if _INDONESIAN_SY.search(t) and (_ARTICLE_AL.search(t) or _ASY.search(t)):
        # Indonesian and Malay write the Arabic sh as sy: "Ahrar asy-Syam", "Jaysy al-Sya'bi".
        out.append(_INDONESIAN_SY.sub("sh", t))
    persian = persian_q(text)
    if persian:
        out.append(persian)
    if _KURMANJI_ENDINGS.search(t):
        # Kurmanji joins a noun to the next word by an ending, and makes its adjectives with one:
        # "Hizbullahî Kurdî" is Hizbullah Kurd, Kurdish Hezbollah; "Karkerên Kurdistanê".
        out.append(_KURMANJI_ENDING.sub("", t))
    if _DUTCH.search(t) and _DUTCH_ARABIC.search(t) and all(c < "\u0250" for c in t if c.isalpha()):
        # Dutch writes the u as oe and the sh as sj: "Hizboel Moedjahedien", "Al-Sjabaab".
        out.append(_DUTCH.sub(lambda m: "u" if m.group(0) == "oe" else "sh", t))
    if _GERMAN_OR_POLISH.search(t):
        out.append(_as_english_writes(t))
    if "kh" in t and all(c < "\u0250" for c in t if c.isalpha()):
        # Russian writes the Arabic h (ح, ه) with its х, which a romanization of the Russian makes
        # kh: "Khamas", "Khezbollakh", "Khayyat Tahrir al-Sham".
        out.append(t.replace("kh", "h"))
    french = french_sh(text)
    if french:
        out.append(french)
    if _TURKISH_LETTERS.search(text):
        # Turkish joins two nouns by an ending on the second, which ends a name: "Kürt Hizbullahı"
        # is Kurdish Hezbollah, "Filistin İslami Cihadı" Palestinian Islamic Jihad.
        compound = _TURKISH_COMPOUND.sub("", t)
        out.append(compound)
        if compound != t and _TURKISH_ISLAM.search(compound):
            # The first noun of such a compound is the English adjective: "İslam" before the
            # second is Islamic ("Irak Şam İslam Devleti", the Islamic State of Iraq and al-Sham).
            out.append(_TURKISH_ISLAM.sub("islami", compound))
    if _TURKISH_C.search(t) and _TURKISH_OR_AZERI.search(t):
        # and writes the Arabic j with a c ("Cihad", "Cündullah", "Cebhetü'n-Nusra"), as Azerbaijani does
        out += [_TURKISH_C.sub("j", r) for r in (t, out[-1] if out and out[-1] != t else "") if r]
    if not text.isascii():
        if _GREEK_LETTER.search(t):
            out.append(_greek(t, foreign=True))
        if _KANA_RUN.search(t):
            out.append(_cjk(_KANA_ARTICLE.sub("アル ", t), liquid="l"))
            # "ワグナー", Wagner: a long a that ends a name is an -er
            ending = _cjk(t, final_r=True) if "ー" in t else ""
            if ending and ending != _cjk(t):
                out.append(ending)
        if len(t) <= OTHER_WORDS_MAX and (_CJK_RUN.search(t) or _HANGUL_RUN.search(t) or _BURMESE_RUN.search(t)):
            out += _other_words(t)
        if _HANGUL_RUN.search(t):
            # Korean writes a foreign f with its p and a z with its j: "아부 사이야프", Abu Sayyaf.
            # Its ㄹ is an l and an r: a name's first r may be an l ("라슈카르", Lashkar). Only the
            # names read by sound are read again, not the lexicon's English words ("길", path).
            read = key(t)
            # Not a short name: a syllable or two give too little to tell which ("롮", lobs).
            again = _HANGUL_AGAIN if len(read.replace(" ", "")) >= 6 else _HANGUL_AGAIN[:2]
            out += [r for r in (key(_hangul(t, alter)) for alter in again) if r != read]
        if _BRAHMIC.search(t):
            out += _indic_again(key(t), bengali=any("\u0980" <= c <= "\u09ff" for c in t))
        if _HEBREW_LETTER.search(t):
            out += [_hebrew(t, True), _hebrew(t, False)]
        elif _ARABIC_LETTER.search(t):
            out.append(article_apart(t))
            # A plural's other case: "المرابطين" (genitive, accusative) is "المرابطون", and back.
            out.append(_ARABIC_PLURAL.sub(lambda m: m.group(1) + ("ون" if m.group(2) == "ين" else "ين"), t))
            # Its long vowels as the vowels a romanization writes: "الحوثي" is al-Huthi.
            out.append(_long_vowels(t))
            if _ARABIC_NISBA.search(t):
                # An adjective of a name agrees with its noun, feminine or plural: "الجماعة الحوثية",
                # the Houthi group, "جماعة الحوثيين", the Houthis' group, are al-Huthi's.
                # Only the adjective is read with its vowels: the words beside it stay as keyed, as
                # the glossary knows them ("المليشيا", militia).
                plain, agreed = key(t).split(), key(_ARABIC_NISBA.sub("ي", t)).split()
                if len(plain) == len(agreed):
                    out.append(" ".join(b if a == b else _long_vowels(b) for a, b in zip(plain, agreed, strict=True)))
    return tuple(r for r in dict.fromkeys(" ".join(r.split()) for r in out) if r and r != t)


# What Russian, Ukrainian, Polish and Czech make of a group's name for its members, in the plural and
# its cases: "вагнеровцы" (Wagner's men), "хамасовцы", "азовцы", "вагнерівці", "wagnerowcy",
# "wagnerovci"; the suffix -ов-ец / -ів-ець / -ow-iec / -ov-ec, whose "ов" the name may end with
# itself (Азов).
_SLAVIC_MEMBERS = _LazyPattern(
    r"(?<=\w{3})(?:(?:ов|ев|ів)?ц(?:ы|ев|ам|ами|ах|і|ів|ям|ями)|(?:ow|ov)c(?:y|ów|om|ami|ach|i|ů|ům))$"
)
# A noun's plural in those languages (and Slovak), its nominative and its cases, and the Ukrainian
# dative "-ові": "талибы", "талибов" (the talib's plural, as the Taliban are the Pashto plural of
# it), "Talibové", "Talibovia", "talibowie", "талібів".
_SLAVIC_PLURAL = _LazyPattern(r"(?<=\w{4})(?:ы|ов|ами|ам|ах|ів|ові|ove|ové|ovia|owie|ów)$")
# Arabic and Persian plurals that English names a group by ("Taliban", "Mujahedin", "Fedayin"),
# which Russian and Czech take as a singular and make a plural of their own ("талибы").
_LOAN_PLURALS = ("ан", "ин", "an", "in")
_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")
# A follower's or an adherent's ending ("шиит", "маоист"): such a singular is no loan plural.
_FOLLOWER_ENDINGS = ("ит", "ист", "it", "ist")


def members_of(text: str) -> tuple[str, ...]:
    """The names a one-word Russian, Ukrainian, Polish or Czech word for a group's members may be made
    from, for when nothing matched it (:data:`_SLAVIC_MEMBERS`, :data:`_SLAVIC_PLURAL`): the word
    less its ending, less the suffix with and without its "ов" ("вагнер" of "вагнеровцы", "азов"
    of "азовцы"), and the singular it leaves, alone and with an Arabic or Persian plural's ending
    ("талиб", "талибан" of "талибы"). None for a name of several words, nor for most words.

    The resolver takes such a reading only when it is a name as written or spelled alike, not a
    translation: "студенты" (students) is not read as the Taliban (students).
    """
    word = _to_read(text)[1].strip()
    if not word or " " in word:
        return ()
    out: list[str] = []
    members = _SLAVIC_MEMBERS.search(word)
    if members:
        whole = members.group(0)
        out.append(word[: members.start()])
        bare = whole.lstrip("овеі")
        if bare != whole and _CYRILLIC_LETTER.search(whole):
            out.append(word[: len(word) - len(bare)])
    else:
        plural = _SLAVIC_PLURAL.search(word)
        if plural:
            stem = word[: plural.start()]
            cyrillic = bool(_CYRILLIC_LETTER.search(stem))
            out.append(stem)
            if not stem.endswith(_FOLLOWER_ENDINGS):
                out += [stem + end for end in _LOAN_PLURALS if bool(_CYRILLIC_LETTER.search(end)) == cyrillic]
    return tuple(r for r in dict.fromkeys(out) if r and r != word)


#: Case endings and postpositions that the scripts of India and Sri Lanka join to a name's last word,
#: by script (its block's first and last code points), each with what a word ending in a consonant
#: gets back once its ending goes (Tamil and Malayalam write the ending's vowel on the consonant:
#: "...ஸ்ட்" + "உக்கு" is "...ஸ்டுக்கு"). Longest first in each script. Bengali's genitive "-er" and
#: "-r" ("হামাসের", of Hamas; "আলফাৰ" in Assamese), its dative and locative ("জেএমবি’তে"), its
#: plural "-ra"; Hindi and Marathi's and Nepali's joined postpositions ("फ्रंटने", "माओवादीले");
#: Gujarati's; Odia's; Telugu's plural and dative ("తాలిబన్లు", "తోయిబాకు"); Kannada's; Tamil's
#: "with", "to" and "of" ("முன்னணியுடன்", "டெலோவின்"); Malayalam's plural and genitive
#: ("ഹമാസിന്റെ"); Sinhala's definite and genitive ("එල්ටීටීඊයේ").
_JOINED_CASE_ENDINGS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("\u0980", "\u09ff", tuple((e, "") for e in ("দের", "য়ের", "ের", "এর", "কে", "তে", "রা", "র", "ৰ"))),
    ("\u0900", "\u097f", tuple((e, "") for e in ("च्या", "लाई", "बाट", "कडून", "ने", "ला", "चा", "ची", "चे", "ले", "को"))),
    ("\u0a80", "\u0aff", tuple((e, "") for e in ("નું", "માં", "ના", "નો", "ની", "ને", "થી"))),
    ("\u0b00", "\u0b7f", tuple((e, "") for e in ("ମାନଙ୍କ", "ଙ୍କ", "କୁ", "ରେ", "ର"))),
    (
        "\u0b80",
        "\u0bff",
        (
            ("யுடன்", ""), ("வுடன்", ""), ("ுடன்", "்"), ("க்கு", ""), ("ுக்கு", "்"), ("வின்", ""), ("யின்", ""),
            ("ின்", "்"), ("ிடம்", "்"),
        ),
    ),
    ("\u0c00", "\u0c7f", tuple((e, "") for e in ("లకు", "లను", "లలో", "లు", "కు", "కి", "ను", "తో", "లో", "పై"))),
    ("\u0c80", "\u0cff", tuple((e, "") for e in ("ಗಳು", "ನ್ನು", "ಗೆ", "ರ"))),
    (
        "\u0d00",
        "\u0d7f",
        (("ിന്റെ", "്"), ("ുകളും", "്"), ("ുകൾ", "്"), ("യുടെ", ""), ("കളും", ""), ("ന്റെ", ""), ("കൾ", "")),
    ),
    ("\u0d80", "\u0dff", tuple((e, "") for e in ("යේ", "ගේ", "යට", "ය", "ට"))),
)
#: What may stand between a name and its joined ending: an apostrophe or a hyphen ("জেএমবি’র", "KLO-র").
_ENDING_MARKS = "’'\u2019-\u2010"


#: A Turkish word's plural and case endings joined to a name's last word without an apostrophe
#: ("Husilerin", of the Houthis; "Talibanların"; "Sepahın", of the Sepah): the stem, the plural,
#: the case.
_TURKISH_SUFFIXED = _LazyPattern(
    "^(?P<stem>\\w{3,}?)(?P<plural>ler|lar)?(?P<case>n?[ıiuü]n|y?[ıiuü]|[yn]?[ae]|[dt][ae]n?|yl[ae]|l[ae])?$"
)
#: Letters only Turkish (and Azerbaijani) write among the Latin alphabets.
_TURKISH_ONLY = frozenset("ışğ")


def turkish_stems(text: str) -> tuple[str, ...]:
    """The name with the plural or case ending Turkish joins to its last word read away, the plural
    kept first ("Husilerin": "husiler", "husi"; "Sepahın": "sepah"), for when nothing matched it.
    Only a word with a plural ending, or one written with a letter only Turkish writes (ı, ş, ğ):
    other languages end their words so too. None for most names."""
    t = _to_read(text)[1].strip()
    if not t or not all(c < "\u0250" for c in t if c.isalpha()):
        return ()
    head, _, word = t.rpartition(" ")
    m = _TURKISH_SUFFIXED.fullmatch(word)
    turkish = bool(_TURKISH_ONLY & set(word))
    if m is None or not (m.group("plural") or (m.group("case") and turkish)):
        return ()
    stem, plural = m.group("stem"), m.group("plural") or ""
    if not turkish and len(stem) < (4 if m.group("case") else 5):
        return ()  # "Stellar", "Killer": English ends words so
    prefix = head + " " if head else ""
    out = [prefix + stem + plural, prefix + stem] if plural and m.group("case") else [prefix + stem]
    return tuple(r for r in dict.fromkeys(out) if r != t)


#: The case endings Russian and Ukrainian join to a noun, and what the nominative ends in instead
#: (nothing, or the plural's -ы/-и, or the feminine -а), longest first: "Вагнера" (of Wagner),
#: "Ахматом", "«Азова»", "хуситов" (of the Houthis), "хуситами".
_CYRILLIC_CASES = (
    ("ами", ("ы", "и", "")), ("ями", ("и", "")), ("ах", ("ы", "и")), ("ях", ("и",)), ("ов", ("ы", "")),
    ("ев", ("и", "")), ("ам", ("ы", "и")), ("ом", ("",)), ("ем", ("",)), ("ой", ("а",)), ("ою", ("а",)),
    ("а", ("",)), ("у", ("", "а")), ("е", ("", "а")), ("ы", ("а", "")), ("і", ("",)),
)
_CYRILLIC_WORD = re.compile(r"^[\u0400-\u04ff]+$")
_QUOTE_MARKS = re.compile("[«»\"“”„‟‹›]")
#: An abbreviation in Cyrillic capitals with a case ending in small letters ("ИГИЛа").
_CYRILLIC_CAPS_ENDED = re.compile("([\u0400-\u042f]{2,6})([\u0430-\u044f\u0456\u0457\u0454]{1,3})")


def cyrillic_stems(text: str) -> tuple[str, ...]:
    """The name with the Russian or Ukrainian case ending of its last word read as the nominative, for
    when nothing matched it: "Вагнера" is read "Вагнер", "хуситов" "хуситы" and "хусит", "«Азова»"
    "Азов". Only a word in Cyrillic of five letters or more, three at least left; and an abbreviation
    in capitals with its ending in small letters ("ИГИЛа", "ХАМАСа"). None for most names."""
    t = " ".join(_QUOTE_MARKS.sub(" ", _to_read(text)[0]).split())
    head, _, word = t.rpartition(" ")
    if not _CYRILLIC_WORD.match(word or "-"):
        return ()
    prefix = head + " " if head else ""
    caps = _CYRILLIC_CAPS_ENDED.fullmatch(word)
    if caps:
        return (prefix + caps.group(1),)
    if len(word) < 5:
        return ()
    lower = word.lower()
    out: list[str] = []
    for end, nominatives in _CYRILLIC_CASES:
        if lower.endswith(end) and len(word) - len(end) >= 3:
            stem = word[: -len(end)]
            out.extend(prefix + stem + n for n in nominatives)
            break
    return tuple(r for r in dict.fromkeys(out) if r != t)


def without_case_ending(text: str) -> str:
    """The name less the case ending or postposition an Indian or Sri Lankan script joins to its last
    word (:data:`_JOINED_CASE_ENDINGS`), for when nothing matched it: "হামাসের" (of Hamas) is read
    "হামাস", "లష్కరే తోయిబాకు" (to Lashkar-e-Taiba) "లష్కరే తోయిబా", "KLO-র" "KLO". "" when it has
    none, or when less than two letters of the word would be left.
    """
    text = _to_read(text)[0].rstrip()
    if not text:
        return ""
    last = text[-1]
    for first, final, endings in _JOINED_CASE_ENDINGS:
        if not first <= last <= final:
            continue
        word = text.rsplit(None, 1)[-1]
        for ending, back in endings:
            if word.endswith(ending):
                stem = word[: -len(ending)].rstrip(_ENDING_MARKS)
                if sum(c.isalpha() for c in stem) < 2:
                    return ""
                return text[: len(text) - len(word)] + stem + (back if stem[-1:].isalpha() else "")
        return ""
    return ""


#: An Arabic article joined to a word of three letters or more before it, before a word of three
#: letters or more or the name of God (:func:`readings`).
_GLUED_ARTICLE = _LazyPattern(
    "(?<=[\u0621-\u064a\u066e-\u06d3]{3})(?=ال(?:[\u0621-\u064a\u066e-\u06d3]{3}|له(?![\u0621-\u064a\u066e-\u06d3])))"
)
#: The sound masculine plural's endings, -un in the nominative and -in in the other cases, after a
#: stem of five letters or more with or without the article (not "فلسطين", Palestine; "الدين",
#: al-din; "حسين", Husayn).
_ARABIC_PLURAL = _LazyPattern("(?<![\u0621-\u064a])((?:ال)?[\u0621-\u064a]{5,}?)(ين|ون)(?![\u0621-\u064a])")
# The endings of an Arabic adjective of relation (nisba) that agrees with a feminine or plural noun,
# -iyya, -iyyun, -iyyin, after a stem of three letters or more.
_ARABIC_NISBA = _LazyPattern("(?<=[\u0621-\u064a]{3})(?:ية|يون|يين)(?![\u0621-\u064a])")


def _long_vowels(text: str) -> str:
    """An Arabic-script name keyed, with its long vowels as the vowels a romanization writes."""
    return " ".join(_LONG_VOWEL_W.sub("u", _LONG_VOWEL_Y.sub("i", w)) for w in key(text).split())


#: The most j's of a name in an Indian script read again one by one as z.
INDIC_J_MAX = 3


def _indic_again(read: str, *, bengali: bool = False) -> list[str]:
    """A name in an Indian script, read as it is romanized (``read``), read again as a foreign
    name written so: the script's j stands for the Arabic z too ("हिजबुल्लाह", "హిజ్బుల్లాహ్":
    Hizbullah; "गजावत", Ghazwat), one j at a time and all of them, and Bengali's ইয় before a vowel
    at a word's start is a y ("ইয়াকিন", Yaqin)."""
    out = []
    at = [i for i, c in enumerate(read) if c == "j"]
    if 0 < len(at) <= INDIC_J_MAX:
        out += [read[:i] + "z" + read[i + 1 :] for i in at]
        if len(at) > 1:
            out.append(read.replace("j", "z"))
    y_read = re.sub(r"\biy(?=[aeiou])", "y", read) if bengali else read
    if y_read != read:
        out.append(y_read)
    return out


# More words of the scripts written without spaces between words, beside the lexicons below: a
# line each, "script<TAB>word<TAB>English" (zh, ja, ko, th). Read when a name in the script needs it.
_LEXICONS_FILE = Path(__file__).resolve().parent / "data" / "lexicons.tsv"


@cache
def _lexicon_lines() -> tuple[tuple[str, str, str], ...]:
    """The lines of ``data/lexicons.tsv``: script, word, English (read once)."""
    return tuple(
        (script, word, english)
        for line in _LEXICONS_FILE.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
        for script, word, english in [line.split("\t")]
    )


@cache
def _file_lexicon(*scripts: str) -> dict[str, str]:
    """The words of ``data/lexicons.tsv`` of these scripts (the first line of a word counts)."""
    out: dict[str, str] = {}
    for script, word, english in _lexicon_lines():
        if script in scripts:
            out.setdefault(word, english)
    return out


@cache
def _alternates(lexicon_id: str) -> dict[str, tuple[str, ...]]:
    """The other English words of a lexicon's words: the file's lines of a word after the one it
    is read by ("联盟": alliance, then union and league); Burmese's are its own table's."""
    if lexicon_id == "my":
        return _BURMESE_OTHER_WORDS
    scripts = {"cjk": ("zh", "ja"), "ko": ("ko",)}[lexicon_id]
    reading = _with_file(lexicon_id)
    out: dict[str, list[str]] = {}
    for script, word, english in _lexicon_lines():
        if script in scripts and english != reading.get(word) and english not in out.get(word, ()):
            out.setdefault(word, []).append(english)
    return {word: tuple(englishes) for word, englishes in out.items()}


#: The longest text whose lexicon words are read with their other English words: a name, not a
#: page (each reading is resolved again).
OTHER_WORDS_MAX = 40


def _other_words(text: str) -> list[str]:
    """A Chinese, Japanese, Korean or Burmese name read with each lexicon word that has other English
    words as each of those in turn ("克伦民族联盟", the Karen National Union, reads 联盟 as alliance
    first), then with every such word's next English word at once."""
    out: list[str] = []
    for lexicon_id, read, run in (("cjk", _cjk, _CJK_RUN), ("ko", _hangul, _HANGUL_RUN), ("my", _burmese, _BURMESE_RUN)):
        if not run.search(text):
            continue
        seen: list[str] = []
        read(text, seen=seen)
        alternates = _alternates(lexicon_id)
        words = [w for w in dict.fromkeys(seen) if w in alternates]
        out += [read(text, swap={w: english}) for w in words for english in alternates[w]]
        if len(words) > 1:
            out.append(read(text, swap={w: alternates[w][0] for w in words}))
    return out


@cache
def _with_file(lexicon_id: str) -> dict[str, str]:
    """A script's lexicon below with the file's words of its languages (the lexicon's own first)."""
    own, scripts = {"cjk": (_CJK_WORDS, ("zh", "ja")), "th": (_THAI_WORDS, ("th",)), "ko": (_HANGUL_WORDS, ("ko",))}[
        lexicon_id
    ]
    return {**_file_lexicon(*scripts), **own}


@cache
def _longest(lexicon_id: str) -> int:
    return max(len(unicodedata.normalize("NFKC", w)) for w in _with_file(lexicon_id))


@cache
def _file_words_at(lexicon_id: str) -> Callable[[str, int, str], tuple[str, int]]:
    """:func:`_lexicon_words` of a lexicon with the file's words, made once."""
    return _lexicon_words(_with_file(lexicon_id))


def _lexicon(entries: Iterable[tuple[str, str]]) -> dict[str, str]:
    """A script's lexicon: each word (several spellings a space apart) -> the English word the
    glossary knows it by ("" for a word read as nothing)."""
    return {word: english for words, english in entries for word in words.split()}


# Chinese and Japanese names of armed groups are translated words ("解放军", liberation army)
# around names written by sound ("哈马斯", Hamas). The words below are read as the English
# words the glossary translates; what is left is read by sound, one name a run.
_CJK_WORDS = _lexicon((
    # head words
    ("军 軍 军队 軍隊", "army"), ("部队 部隊", "forces"), ("武装 武裝", "armed"), ("力量", "forces"),
    ("武装力量 武裝力量", "armed forces"), ("民兵", "militia"), ("游击队 遊擊隊 ゲリラ", "guerrilla"),
    ("旅 旅团 旅團 旅団", "brigade"), ("营 營", "battalion"), ("师 師", "division"), ("军团 軍團 軍団", "legion"),
    ("运动 運動", "movement"), ("组织 組織", "organization"), ("阵线 陣線 戦線 战线 戰線", "front"),
    ("党 黨", "party"), ("联盟 聯盟 同盟", "alliance"), ("联合 聯合 連合", "united"), ("集团 集團", "group"),
    ("小组 小組", "group"), ("卫队 衛隊", "guards"), ("联军 聯軍", "united army"), ("邦", "state"), ("省", "province"), ("委员会 委員會 委員会", "committee"),
    ("网络 網絡", "network"), ("联合会 聯合會", "union"), ("政府", "government"), ("队 隊", "force"),
    ("武装组织 武裝組織", "armed organization"),
    # common words of names
    ("解放", "liberation"), ("民族", "national"), ("国民 國民", "national"), ("民主", "democratic"),
    ("人民", "people"), ("革命", "revolutionary"), ("抵抗", "resistance"), ("独立 獨立", "independence"),
    ("自由", "free"), ("圣战 聖戰 聖戦", "jihad"), ("圣战者 聖戰者 聖戦士", "mujahideen"),
    ("伊斯兰 伊斯蘭 イスラム イスラーム", "islamic"), ("国 國", "state"), ("共和", "republic"),
    ("共产 共產 共産", "communist"), ("社会主义 社會主義", "socialist"), ("兄弟", "brotherhood"),
    ("红色 紅色 红 紅 赤", "red"), ("黑 黒", "black"), ("白", "white"), ("真主", "god"), ("青年", "youth"),
    ("烈士", "martyrs"), ("正义 正義", "justice"), ("和平", "peace"), ("胜利 勝利", "victory"),
    ("救国 救國", "salvation"), ("防卫 防衛", "defense"), ("保卫 保衛", "defense"), ("三", "three"),
    ("工人 劳工 勞工 労働者", "workers"), ("新", "new"), ("大", "greater"), ("大叙利亚 大敘利亞", "levant"), ("西非", "west africa"), ("东非 東非", "east africa"),
    ("中非", "central africa"), ("北非", "north africa"), ("南苏丹 南蘇丹", "south sudan"),
    ("东突厥斯坦 東突厥斯坦", "east turkestan"), ("高棉", "khmer"), ("基地", "qaida"),
    ("进步 進步", "progress"), ("统一 統一", "united"), ("反对派 反對派 反対派 野党", "opposition"), ("派", "faction"), ("信徒 信仰者", "believers"),
    ("和 与 與 及", "and"), ("的 之", "of"),
    # places
    ("伊拉克 イラク", "iraq"), ("叙利亚 敘利亞 シリア", "syria"), ("黎凡特", "levant"),
    ("巴勒斯坦 パレスチナ", "palestine"), ("以色列", "israel"), ("黎巴嫩 レバノン", "lebanon"),
    ("也门 葉門 イエメン", "yemen"), ("阿富汗 アフガニスタン", "afghanistan"),
    ("巴基斯坦 パキスタン", "pakistan"), ("印度", "india"), ("孟加拉", "bangladesh"),
    ("缅甸 緬甸 ミャンマー", "myanmar"), ("泰国 泰國 タイ", "thailand"), ("菲律宾 菲律賓 フィリピン", "philippines"),
    ("印度尼西亚 印度尼西亞 印尼", "indonesia"), ("马来西亚 馬來西亞", "malaysia"),
    ("索马里 索馬里 ソマリア", "somalia"), ("尼日利亚 奈及利亞 ナイジェリア", "nigeria"), ("马里 馬里", "mali"),
    ("苏丹 蘇丹 スーダン", "sudan"), ("利比亚 利比亞 リビア", "libya"), ("埃及 エジプト", "egypt"),
    ("阿尔及利亚 阿爾及利亞", "algeria"), ("土耳其 トルコ", "turkey"), ("库尔德 庫爾德 クルド", "kurdish"),
    ("库尔德斯坦 庫爾德斯坦 クルディスタン", "kurdistan"), ("伊朗 イラン", "iran"), ("俄罗斯 俄羅斯 ロシア", "russia"),
    ("乌克兰 烏克蘭 ウクライナ", "ukraine"), ("车臣 車臣 チェチェン", "chechen"), ("日本", "japanese"),
    ("阿拉伯 アラブ", "arab"), ("爱尔兰 愛爾蘭 アイルランド", "irish"), ("哥伦比亚 哥倫比亞 コロンビア", "colombia"),
    ("秘鲁 秘魯 ペルー", "peru"), ("墨西哥 メキシコ", "mexico"), ("高加索 コーカサス", "caucasus"),
    ("果敢", "kokang"), ("德昂", "taang"), ("掸 撣", "shan"), ("若开 若開", "arakan"), ("兄弟会 兄弟會", "brotherhood"),
    ("突厥斯坦 トルキスタン", "turkestan"), ("非洲 アフリカ", "africa"), ("马格里布 馬格里布", "maghreb"),
    ("半岛 半島", "peninsula"), ("呼罗珊 呼羅珊 ホラーサーン", "khorasan"), ("巴尔干 巴爾幹", "balkans"),
))
_CJK_RUN = _LazyPattern("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_KANA_RUN = _LazyPattern("[\u30a0-\u30ff]")
# The Arabic article as katakana writes it, glued to the name ("アルカイダ") or not ("アル・シャバブ").
_KANA_ARTICLE = _LazyPattern("(?<![\u30a0-\u30ff])アル[・＝=]?(?=[\u30a0-\u30ff]{2})")
# Characters that Chinese transcriptions use for a consonant alone ("哈马斯", Ha-ma-s, Hamas):
# their vowel is not said before another consonant or at a name's end.
# A single character read as a word after a name is a head word ("佤邦", Wa State); any other
# is then a syllable of the name ("鲁西奇", Rusich: 西 is not "west" there).
_CJK_HEADS = frozenset("军軍旅党黨国國师師营營邦省")
# A point of the compass before a word of the lexicon, not after a name ("北掸邦军", the Shan State
# Army-North; "南苏丹", South Sudan); elsewhere a syllable ("西班牙", Spain).
_CJK_DIRECTIONS = {"北": "north", "南": "south", "东": "east", "東": "east", "西": "west"}
# Syllables a transcription gives a character that its pinyin does not: 卡 ka (not qia), 伊 i.
_HAN_READINGS = {"卡": "ka", "伊": "i"}
_HAN_CONSONANTS = dict(zip("斯克特德尔夫姆普布格兹赫茨什", "s k t d r f m p b g z h ts sh".split(), strict=True))
# Katakana as Hepburn writes it where unidecode does not (シ shi, not si); small kana join the one before.
_KANA_HEPBURN = dict(zip("シチツジヂフヲ", "shi chi tsu ji ji fu o".split(), strict=True))
_KANA_SMALL_Y = dict(zip("ャュョ", "a u o".split(), strict=True))
_KANA_SMALL_V = dict(zip("ァィゥェォ", "a i u e o".split(), strict=True))


def _pinyin(ch: str) -> str:
    """A Han character's syllable, its initials as an English press writes them (q ch, x sh, zh j)."""
    syllable = _HAN_READINGS.get(ch) or unidecode(ch).strip().lower()
    for start, english in (("zh", "j"), ("q", "ch"), ("x", "sh"), ("c", "ts")):
        if syllable.startswith(start) and not syllable.startswith("ch"):
            return english + syllable[len(start) :]
    return syllable


def _kana(run: str, liquid: str = "r", final_r: bool = False) -> list[str]:
    """The morae of a katakana or hiragana run in Hepburn romaji (ッ doubles, ー lengthens: both go).

    ``liquid`` is the letter the r-row is read with: Japanese writes a foreign l with it too.
    ``final_r``: a long a that ends the run is read "ar", as near an English -er, -or or -ar as
    one reading comes ("ワグナー", Wagner, read "wagnar").
    """
    morae: list[str] = []
    for i, ch in enumerate(run):
        if ch in "ッっーｰ":
            if final_r and ch in "ーｰ" and i == len(run) - 1 and morae and morae[-1].endswith("a"):
                morae[-1] += "r"
            continue
        kata = chr(ord(ch) + 0x60) if "\u3041" <= ch <= "\u3096" else ch  # hiragana as katakana
        if kata in _KANA_SMALL_Y and morae:
            last = morae[-1]
            morae[-1] = (last[:-1] if last[-2:-1] in ("h", "j") else last[:-1] + "y") + _KANA_SMALL_Y[kata]
        elif kata in _KANA_SMALL_V and morae:
            morae[-1] = morae[-1].rstrip("aeiou").replace("h", "f") + _KANA_SMALL_V[kata]
        else:
            mora = _KANA_HEPBURN.get(kata) or unidecode(kata).strip().lower()
            morae.append(liquid + mora[1:] if mora[:1] == "r" else mora)
    return morae


def _cjk_name(run: str, liquid: str = "r", final_r: bool = False) -> str:
    """A name written by sound: Han syllables or kana morae joined, a vowel only said to carry a
    consonant left out ("哈马斯" hamas, "ハマース" hamas)."""
    kana = all("\u3040" <= c <= "\u30ff" for c in run)
    units = _kana(run, liquid, final_r) if kana else [_pinyin(c) for c in run]
    out = []
    for i, unit in enumerate(units):
        following = units[i + 1] if i + 1 < len(units) else ""
        before_consonant = not following or following[0] not in "aeiouy"
        if kana and before_consonant and len(unit) >= 2 and unit[-1] == "u" and unit[-2] not in "aeiouy":
            unit = unit[:-1]  # the u Japanese says after a consonant ("Hamasu")
        elif not kana and run[i] in _HAN_CONSONANTS and (not following or run[i + 1] in _HAN_CONSONANTS):
            unit = _HAN_CONSONANTS[run[i]]
        out.append(unit)
    return "".join(out)


def _segmented(chars: str, word_at: Callable[[str, int, str], tuple[str, int]], name_of: Callable[[str], str]) -> str:
    """A run of a script written without spaces, as words: each lexicon word ``word_at`` finds
    (its English, and how many characters it takes) and, between them, names read by ``name_of``."""
    words: list[str] = []
    name, i = "", 0
    while i < len(chars):
        english, size = word_at(chars, i, name)
        if size:
            if name:
                words.append(name_of(name))
                name = ""
            words.append(english.strip())
            i += size
        else:
            name += chars[i]
            i += 1
    if name:
        words.append(name_of(name))
    return " " + " ".join(w for w in words if w) + " "


def _lexicon_words(lexicon: dict[str, str]) -> Callable[[str, int, str], tuple[str, int]]:
    """The ``word_at`` of :func:`_segmented` for a script whose lexicon words are two characters or
    more: the longest word of ``lexicon`` at a position, its English (a space for a word read as
    nothing) and its length. A word is found as written and in its compatibility form, as a name is
    keyed: Thai's sara am (ำ) is a nikhahit and a sara aa then ("กองกำลัง", forces)."""
    lexicon = {**{unicodedata.normalize("NFKC", w): e for w, e in lexicon.items()}, **lexicon}
    longest = max(map(len, lexicon))

    def word_at(chars: str, i: int, name: str) -> tuple[str, int]:
        for size in range(min(longest, len(chars) - i), 1, -1):
            english = lexicon.get(chars[i : i + size])
            if english is not None:
                return english or " ", size
        return "", 0

    return word_at


def _cjk(
    text: str,
    liquid: str = "r",
    final_r: bool = False,
    swap: Mapping[str, str] | None = None,
    seen: list[str] | None = None,
) -> str:
    """Chinese and Japanese runs as English words and names read by sound ("克钦独立军":
    "kachin independence army"; "哈马斯": "hamas").

    ``liquid`` and ``final_r`` read the kana of names as :func:`_kana` does; ``swap`` reads some
    lexicon words as other English words, and ``seen`` collects the lexicon words read
    (:func:`_other_words`)."""

    words = _with_file("cjk")
    longest = _longest("cjk")

    def longest_at(chars: str, i: int) -> int:
        """The length of the longest lexicon word at ``i`` (0 when none starts there)."""
        return next((size for size in range(min(longest, len(chars) - i), 0, -1) if words.get(chars[i : i + size])), 0)

    def word_at(chars: str, i: int, name: str) -> tuple[str, int]:
        size = longest_at(chars, i)
        if size:
            # One character is a word after a name only if it is a head word ("佤邦").
            return ("", 0) if size == 1 and name and chars[i] not in _CJK_HEADS else (words[chars[i : i + size]], size)
        direction = _CJK_DIRECTIONS.get(chars[i])
        if direction and not name:
            # A word of one character must itself come before another ("北掸邦军"; not 东营, a city).
            after = longest_at(chars, i + 1)
            if after > 1 or (after == 1 and longest_at(chars, i + 2)):
                return direction, 1
        return "", 0

    at = word_at if swap is None and seen is None else _swapping(word_at, swap or {}, seen)
    return _CJK_RUN.sub(lambda m: _segmented(m.group(0), at, lambda run: _cjk_name(run, liquid, final_r)), text)


def _swapping(
    word_at: Callable[[str, int, str], tuple[str, int]], swap: Mapping[str, str], seen: list[str] | None
) -> Callable[[str, int, str], tuple[str, int]]:
    """``word_at`` with the lexicon words of ``swap`` read as its English, and every word it finds
    put in ``seen`` (when given)."""

    def at(chars: str, i: int, name: str) -> tuple[str, int]:
        english, size = word_at(chars, i, name)
        if size:
            word = chars[i : i + size]
            if seen is not None:
                seen.append(word)
            english = swap.get(word, english)
        return english, size

    return at



# Russian and Ukrainian name a unit "after" someone (имени, імені, abbreviated им., ім.) with the
# name in the genitive: "Батальон имени Шейха Мансура" is the Sheikh Mansur Battalion, "Батальйон
# ім. Джохара Дудаєва" the Dzhokhar Dudayev Battalion. The names' -а and -я go.
_NAMED_AFTER = _LazyPattern(r"(?<![^\W\d_])(?:имени|імені|им\.|ім\.)\s*((?:[«\"„“]?[^\W\d_]+[»\"“”]?\s*){1,3})")
_GENITIVE = _LazyPattern(r"(?<=[^\W\d_]{3})[ая](?![^\W\d_])")


def names_after(text: str) -> bool:
    """Whether a name says it is named after someone, as Russian and Ukrainian write it ("имени",
    "імені", "им.", "ім." and a name): the word stage reads the name alone as the person."""
    return _NAMED_AFTER.search(text) is not None


def _named_after(text: str) -> str:
    return _NAMED_AFTER.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + _GENITIVE.sub("", m.group(1)), text)


# Thai writes no spaces between words and some vowels before the consonant they follow (โรฮิงญา,
# ro-hing-ya, which unidecode reads "orhingyaa"). A small lexicon reads the generic words of group
# names as the English words the glossary knows; an abbreviation spelled in letter names
# ("บีอาร์เอ็น", bi-ar-en) is its letters; the rest is a name, read by sound.
_THAI_RUN = _LazyPattern("[\u0e01-\u0e4e]+")
_THAI_PREPOSED = _LazyPattern("([\u0e40-\u0e44])([\u0e01-\u0e2e])")
_THAI_WORDS = _lexicon((
    ("กองทัพ", "army"), ("กองกำลัง", "forces"), ("ปลดปล่อย", "liberation"), ("แนวร่วม", "front"),
    ("ขบวนการ", "movement"), ("องค์การ องค์กร", "organization"), ("แห่งชาติ", "national"),
    ("ปฏิวัติ", "revolutionary"), ("สห", "united"), ("อิสลาม อิสลามิก", "islamic"), ("กลุ่ม", "group"),
    ("พรรค", "party"), ("คอมมิวนิสต์", "communist"), ("ประชาชน", "people"), ("ประชาธิปไตย", "democratic"),
    ("เสือ", "tigers"), ("รัฐ", "state"), ("มุสลิม", "muslim"), ("แดง", "red"), ("เขมร", "khmer"),
    ("ต่อต้าน", "resistance"), ("เอกราช", "independence"), ("แห่ง", "of"), ("มูจาฮิดีน", "mujahideen"),
    ("ญิฮาด", "jihad"), ("กู้", ""), ("ปัตตานี ปาตานี", "patani"), ("มลายู", "malay"),
    # "recover independence" is liberation (PULO's องค์กรกู้เอกราชสหปาตานี); the Shan State's council
    # of restoration and its armies north and south
    ("กู้เอกราช", "liberation"), ("สภา", "council"), ("กอบกู้", "restoration"), ("ฉาน", "shan"),
    ("ใต้", "south"), ("เหนือ", "north"), ("เพื่อการ เพื่อ", ""),
))
# English letters as Thai writes their names, for abbreviations ("บีอาร์เอ็น", BRN).
_THAI_LETTERS = {
    "เอ": "a", "บี": "b", "ซี": "c", "ดี": "d", "อี": "e", "เอฟ": "f", "จี": "g", "เอช": "h", "ไอ": "i",
    "เจ": "j", "เค": "k", "แอล": "l", "เอ็ม": "m", "เอ็น": "n", "โอ": "o", "พี": "p", "คิว": "q",
    "อาร์": "r", "เอส": "s", "ที": "t", "ยู": "u", "วี": "v", "เอ็กซ์": "x", "วาย": "y", "แซด": "z",
}


#: Thai's words for a group and a movement, before an abbreviation spelled in letter names.
_THAI_BODIES = ("กลุ่ม", "ขบวนการ")


def _thai_letters(chunk: str) -> str:
    """The letters a run of English letter names spells ("" when it is not one, or of one letter)."""
    out, i = [], 0
    while i < len(chunk):
        for size in (5, 4, 3, 2):
            letter = _THAI_LETTERS.get(chunk[i : i + size])
            if letter:
                out.append(letter)
                i += size
                break
        else:
            return ""
    return "".join(out) if len(out) >= 2 else ""


# Hindi and Bengali write an English abbreviation as its letters' names ("टीटीपी", TTP; "ইউপিডিএফ",
# UPDF), as Thai does.
_LETTER_NAMES = {
    unicodedata.normalize("NFC", name): letter
    for letter, names in (
        # Hindi, Bengali and Punjabi (Gurmukhi: "ਬੀ.ਕੇ.ਆਈ", BKI)
        ("a", "ए এ ਏ"), ("b", "बी বি ਬੀ"), ("c", "सी সি ਸੀ"), ("d", "डी ডি ਡੀ"), ("e", "ई ই ਈ"), ("f", "एफ এফ ਐਫ"),
        ("g", "जी জি ਜੀ"), ("h", "एच এইচ ਐਚ"), ("i", "आई आइ আই ਆਈ"), ("j", "जे জে ਜੇ"), ("k", "के কে ਕੇ"),
        ("l", "एल এল ਐਲ"), ("m", "एम এম ਐਮ"), ("n", "एन এন ਐਨ"), ("o", "ओ ও ਓ"), ("p", "पी পি ਪੀ"),
        ("q", "क्यू কিউ ਕਿਊ"), ("r", "आर আর ਆਰ"), ("s", "एस এস ਐਸ ਐੱਸ"), ("t", "टी টি ਟੀ"), ("u", "यू ইউ ਯੂ"),
        ("v", "वी ভি ਵੀ"), ("w", "डब्ल्यू डबल्यू ডব্লিউ ਡਬਲਯੂ"), ("x", "एक्स এক্স ਐਕਸ"), ("y", "वाई ওয়াই ওয়াই ਵਾਈ"),
        ("z", "ज़ेड जेड জেড ਜ਼ੈੱਡ"),
        # Telugu and Malayalam ("బి.ఎల్.ఏ", "ബി.എൽ.എ": BLA)
        ("a", "ఏ എ"), ("b", "బి ബി"), ("c", "సి സി"), ("d", "డి ഡി"), ("e", "ఇ ഇ"), ("f", "ఎఫ్ എഫ്"),
        ("g", "జి ജി"), ("h", "హెచ్ എച്ച്"), ("i", "ఐ ഐ"), ("j", "జె ജെ"), ("k", "కె കെ"), ("l", "ఎల్ എൽ"),
        ("m", "ఎం എം"), ("n", "ఎన్ എൻ"), ("o", "ఓ ഒ"), ("p", "పి പി"), ("q", "క్యూ ക്യൂ"), ("r", "ఆర్ ആർ"),
        ("s", "ఎస్ എസ്"), ("t", "టి ടി"), ("u", "యు യു"), ("v", "వి വി"), ("w", "డబ్ల్యూ ഡബ്ല്യു"),
        ("x", "ఎక్స్ എക്സ്"), ("y", "వై വൈ"), ("z", "జెడ్ ഇസഡ്"),
        # Telugu writes a name's vowel long as often ("టీఆర్ఎఫ్" beside "టిఆర్ఎఫ్", TRF)
        ("b", "బీ"), ("c", "సీ"), ("d", "డీ"), ("e", "ఈ"), ("g", "జీ"), ("j", "జే"), ("k", "కే"), ("p", "పీ"),
        ("t", "టీ"), ("u", "యూ"), ("v", "వీ"),
    )
    for name in names.split()
}
_LETTER_NAMES_LONGEST = max(map(len, _LETTER_NAMES))
# Urdu writes them so too, each name a word of its own ("ٹی ٹی پی", TTP; "بی ایل اے", BLA), with the
# Persian forms of yeh and kaf (Arabic's are folded to them first), and so does Pashto, with its own
# letters for Urdu's retroflex t and d ("ټي ټي پي", TTP).
_URDU_LETTER_NAMES = {
    name: letter
    for letter, names in (
        ("a", "اے"), ("b", "بی"), ("c", "سی"), ("d", "ڈی"), ("e", "ای"), ("f", "ایف"), ("g", "جی"),
        ("h", "ایچ"), ("i", "آئی"), ("j", "جے"), ("k", "کے"), ("l", "ایل"), ("m", "ایم"), ("n", "این"),
        ("o", "او"), ("p", "پی"), ("q", "کیو"), ("r", "آر"), ("s", "ایس"), ("t", "ٹی"), ("u", "یو"),
        ("v", "وی"), ("w", "ڈبلیو"), ("x", "ایکس"), ("y", "وائی"), ("z", "زیڈ زیڈی"),
    )
    for name in names.split()
}
_URDU_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ټ": "ٹ", "ډ": "ڈ"})


def _letter_names(token: str) -> str:
    """The letters a word of Hindi or Bengali letter names spells, each name as long as it can be
    ("" when the word is not such, or of fewer than two letters)."""

    @cache
    def spell(i: int) -> str | None:
        if i == len(token):
            return ""
        for size in range(min(_LETTER_NAMES_LONGEST, len(token) - i), 0, -1):
            letter = _LETTER_NAMES.get(token[i : i + size])
            if letter:
                rest = spell(i + size)
                if rest is not None:
                    return letter + rest
        return None

    token = token.replace("\u0a71", "")  # Gurmukhi's addak doubles the letter after it: "ਐੱਲ" is ਐਲ
    letters = spell(0)
    if letters is None:
        # with the genitive or another case ending Bengali, Assamese and Telugu join to the last
        # letter's name ("জেএমবির", of the JMB; "আলফাৰ"; "టీఆర్ఎఫ్‌కు")
        ending = next((e for e in _LETTER_NAME_ENDINGS if token.endswith(e) and len(token) > len(e)), "")
        if ending:
            token = token[: -len(ending)]
            spell.cache_clear()
            letters = spell(0)
    return letters if letters and len(letters) >= 2 else ""


#: Case endings joined to an abbreviation's last letter name, longest first.
_LETTER_NAME_ENDINGS = ("ের", "এর", "কে", "তে", "కు", "র", "ৰ")


def letter_names(text: str) -> str:
    """The letters a word of Indian-script letter names spells ("আইএস": "is", "ఎల్టీటీఈ": "ltte"),
    or "" when the word is not such (:func:`_letter_names`)."""
    return _letter_names(text.strip())


def urdu_letter_names(text: str) -> str:
    """The letters an abbreviation written as Urdu letter names spells, one name a word ("ٹی ٹی
    پی": "ttp"); "" unless every word is a letter's name and there are two or more."""
    parts = [p for p in re.split(r"[\s\-‐–.·/]+", text.translate(_URDU_FOLD)) if p]
    if len(parts) < 2:
        return ""  # one word of joined names is as likely a word ("جیبی")
    # A word among others may join two names, as "آراے" (R A) does.
    letters = [_URDU_LETTER_NAMES.get(p) or _urdu_joined(p) for p in parts]
    spelled = "".join(letters) if all(letters) else ""
    return spelled if len(spelled) >= 2 else ""


def _urdu_joined(word: str) -> str:
    """The letters of a word that is two Urdu letter names or more joined ("" when it is not)."""
    for i in range(2, len(word) - 1):
        first, rest = _URDU_LETTER_NAMES.get(word[:i]), word[i:]
        if first:
            second = _URDU_LETTER_NAMES.get(rest) or (_urdu_joined(rest) if len(rest) > 3 else "")
            if second:
                return first + second
    return ""


#: Scripts whose capitals write an abbreviation letter for letter as Latin does ("ПКК", PKK;
#: "ԱՍԱԼԱ", ASALA).
_CAPITAL_SCRIPTS = frozenset(("CYRILLIC", "GREEK", "ARMENIAN"))


def abbreviation_in_latin(text: str) -> str:
    """An abbreviation in Cyrillic, Greek or Armenian capitals, three letters or more, in Latin
    letters ("ПКК": "pkk", "ЛТТЕ": "ltte"); "" for anything else."""
    token = text.strip().strip("()[]\"'«»“”„")
    if len(token) < 3 or any(c.isspace() or c.islower() for c in token):
        return ""
    letters = [c for c in token if c.isalpha()]
    if len(letters) < 3 or {script_of_char(c) for c in letters} - _CAPITAL_SCRIPTS:
        return ""
    return "".join(c for c in unidecode(token).lower() if c.isalnum())


def _thai_name(chunk: str) -> str:
    letters = _thai_letters(chunk)
    if letters:
        return letters
    # ซ is s (unidecode reads it ch); a vowel written before its consonant comes after it.
    return unidecode(_THAI_PREPOSED.sub(r"\2\1", chunk.replace("ซ", "ส"))).replace("`", "")


def _thai(text: str) -> str:
    word_at = _file_words_at("th")
    return _THAI_RUN.sub(lambda m: _segmented(m.group(0), word_at, _thai_name), text)


# Burmese writes no spaces inside a phrase, and unidecode reads its letters one by one without
# their vowels ("ကချင်", Kachin, comes out "khng"). The generic words of group names are read as
# the English words the glossary knows, and the peoples and states the names are named after as
# their English names; the rest is a name, read letter by letter as before.
_BURMESE_RUN = _LazyPattern("[\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff]+")
_BURMESE_WORDS = _lexicon((
    ("တပ်မတော် တပ်တော် စစ်တပ်", "army"), ("တပ်ဖွဲ့ တပ်", "force"), ("တပ်ဦး", "front"),
    ("လွတ်လပ်ရေး", "independence"), ("လွတ်မြောက်ရေး", "liberation"), ("အမျိုးသား", "national"),
    ("ကာကွယ်ရေး", "defence"), ("ပါတီ", "party"), ("အစည်းအရုံး", "union"), ("အဖွဲ့ချုပ်", "league"),
    ("အဖွဲ့အစည်း", "organization"), ("အဖွဲ့", "group"), ("ပြည်သူ့ ပြည်သူ လူမျိုး", "people"),
    ("ဒီမိုကရက်တစ်", "democratic"), ("တိုးတက်ရေး", "progressive"),
    ("မဟာမိတ်", "alliance"), ("ညီနောင်", "brotherhood"), ("ပြည်နယ် ပြည်", "state"), ("ကွန်မြူနစ်", "communist"),
    ("လှုပ်ရှားမှု", "movement"), ("တော်လှန်ရေး", "revolutionary"), ("ကယ်တင်ရေး", "salvation"),
    ("ပြန်လည်ထူထောင်ရေး", "restoration"), ("ကောင်စီ", "council"), ("ကော်မတီ", "committee"),
    ("သွေးစည်းညီညွတ်ရေး", "united"), ("မြောက်ပိုင်း", "north"), ("တောင်ပိုင်း", "south"),
    ("ကျောင်းသား", "students"), ("ငြိမ်းချမ်းရေး", "peace"), ("သုံးဖွဲ့", "three"), ("များ", ""),
    ("နိုင်ငံလုံးဆိုင်ရာ", "all"),
    ("ကချင်", "kachin"), ("ကရင်နီ", "karenni"), ("ကရင်", "karen"), ("ရခိုင် ရက္ခိုင့် အာရကန် အာရ်ကန်", "arakan"),
    ("ရှမ်း သျှမ်း", "shan"), ("ချင်း", "chin"), ("မွန်", "mon"), ("ပအိုဝ်း", "pa o"), ("ပလောင်", "palaung"),
    ("ကိုးကန့်", "kokang"), ("ရိုဟင်ဂျာ", "rohingya"), ("မြန်မာ", "myanmar"), ("ဗမာ", "burma"), ("ဝပြည်", "wa state"),
))
#: The other English words of some of those, tried in turn when a name read so finds nothing
#: (:func:`_other_words`): တပ်မတော် is an army and a force ("ပြည်သူ့ကာကွယ်ရေးတပ်မတော်", the People's
#: Defence Force), အဖွဲ့ချုပ် a league and an organization (the Kachin Independence Organization),
#: ဗမာ Burma and its people, the Bamar; တိုးတက်ရေး progressive and progress.
_BURMESE_OTHER_WORDS: dict[str, tuple[str, ...]] = {
    "တပ်မတော်": ("force",), "အဖွဲ့ချုပ်": ("organization",), "ဗမာ": ("bamar",), "တိုးတက်ရေး": ("progress",),
}


def _burmese(text: str, swap: Mapping[str, str] | None = None, seen: list[str] | None = None) -> str:
    """Burmese runs as English words and names ("ကချင်လွတ်လပ်ရေးတပ်မတော်": "kachin independence army");
    ``swap`` and ``seen`` as for :func:`_cjk`."""
    word_at = _lexicon_words(_BURMESE_WORDS)
    at = word_at if swap is None and seen is None else _swapping(word_at, swap or {}, seen)
    return _BURMESE_RUN.sub(lambda m: _segmented(m.group(0), at, unidecode), text)


# Korean writes foreign names in Hangul with a vowel (ㅡ, "eu") after a consonant that has none
# in the name: unidecode reads "안사르" (Ansar) "ansareu" and "이라크" (Iraq) "irakeu". A syllable of
# that vowel alone is read as its consonant, ㄹㄹ as "ll", and a small lexicon reads the generic words
# of group names as the glossary's English.
_HANGUL_RUN = _LazyPattern("[\uac00-\ud7a3]+")
_HANGUL_WORDS = _lexicon((
    ("이슬람", "islamic"), ("국가", "state"), ("전선", "front"), ("해방", "liberation"), ("운동", "movement"),
    ("여단", "brigade"), ("조직", "organization"), ("세력", "forces"), ("의회", "council"), ("무장", "armed"),
    ("단체", "group"), ("연합", "union"), ("성전", "jihad"), ("지부", ""), ("이라크", "iraq"), ("시리아", "syria"),
    ("레반트", "levant"), ("민족", "national"), ("자유", "free"), ("그룹", "group"), ("인민", "people"),
    ("혁명", "revolutionary"), ("저항", "resistance"), ("공산당", "communist party"), ("해방군", "liberation army"),
    ("지원", "support"), ("신속", "rapid"), ("법정", "courts"),
))
_HANGUL_EU = 18  # the vowel ㅡ, by its index among the vowels
_HANGUL_ALONE = {"jeu": "z", "cheu": "ts"}
#: A foreign sh is written with s and a y-vowel (샤 sha, 슈 shu, 쇼 sho, 셰 she), which unidecode
#: reads "sya", "syu"; a j before a y-vowel is the plain sound ("쟈").
_HANGUL_Y = {"sy": "sh", "jy": "j"}
#: Generic words of one syllable that end a run after a lexicon word or a name of three syllables
#: ("국민군", a national army; "쿠드스군", the Quds Force; "이슬람당", an Islamic party) or make a run
#: alone ("빛나는 길", the Shining Path). Elsewhere they are too often a syllable of a name read by
#: sound ("아르군", Argun).
_HANGUL_LAST = {"군": "army", "당": "party"}
_HANGUL_ALONE_WORDS = {"군": "army", "당": "party", "길": "path"}


def _hangul_eu(c: str) -> bool:
    """Whether a syllable is a consonant with ㅡ and no final, the vowel Korean writes after a
    foreign consonant that has none (스, 드, 르)."""
    code = ord(c) - 0xAC00
    return 0 <= code < 11172 and (code % 588) // 28 == _HANGUL_EU and code % 28 == 0


def _hangul_name(chunk: str) -> str:
    out = []
    for c in chunk:
        reading = unidecode(c)
        if _hangul_eu(c) and reading.endswith("eu") and len(reading) > 2:
            # 즈 and 츠 write a z and a ts so ("헤즈볼라", Hezbollah); a j that ends a syllable is 지.
            reading = _HANGUL_ALONE.get(reading, reading[:-2])
        elif reading[:2] in _HANGUL_Y:
            reading = _HANGUL_Y[reading[:2]] + reading[2:]
        out.append(reading)
    return "".join(out).replace("lr", "ll")


@cache
def _hangul_words_at() -> Callable[[str, int, str], tuple[str, int]]:
    """The Korean lexicon's ``word_at``, with two rules of its own. A word followed by a syllable of
    the foreign consonant's vowel (ㅡ) is a part of a name read by sound ("잔자위드", Janjaweed, holds
    자위, self-defence); and a generic word of one syllable ends a run or makes one."""
    word_at = _file_words_at("ko")

    def at(chars: str, i: int, name: str) -> tuple[str, int]:
        english, size = word_at(chars, i, name)
        if size and i + size < len(chars) and _hangul_eu(chars[i + size]) and not word_at(chars, i + size, "")[1]:
            return "", 0
        if not size:
            # After a lexicon word, or a name of three syllables or more ("아르군", Argun, is a name).
            last = i == len(chars) - 1 and (len(name) >= 3 or (i >= 1 and not name))
            one = (_HANGUL_ALONE_WORDS if len(chars) == 1 else _HANGUL_LAST if last else {}).get(chars[i])
            if one:
                return one, 1
        return english, size

    return at


def _hangul(
    text: str,
    again: Callable[[str], str] | None = None,
    swap: Mapping[str, str] | None = None,
    seen: list[str] | None = None,
) -> str:
    """Korean runs as English words and names read by sound ("누스라전선": "nusra front"), each
    name's reading changed by ``again`` when given (:func:`readings`); ``swap`` and ``seen`` as
    :func:`_cjk` takes them."""
    word_at = _hangul_words_at()
    if swap is not None or seen is not None:
        word_at = _swapping(word_at, swap or {}, seen)
    name_of = _hangul_name if again is None else (lambda chunk: again(_hangul_name(chunk)))
    return _HANGUL_RUN.sub(lambda m: _segmented(m.group(0), word_at, name_of), text)


#: A Korean name read again: its p as f, its j as z, its first r as l (the last, in a query of six
#: letters or more: "라" is the Spanish article la, "레스" les).
_HANGUL_AGAIN: tuple[Callable[[str], str], ...] = (
    lambda name: name.replace("p", "f"),
    lambda name: name.replace("j", "z"),
    lambda name: "l" + name[1:] if name.startswith("r") else name,
)


_SINHALA_SHORT_O = str.maketrans({"\u0ddd": "\u0ddc", "\u0d95": "\u0d94"})


_SPANISH_IES = _LazyPattern(r"(?<=[^\W\daeioáéíó])([íú])es\b")


def _latin(text: str) -> str:
    if text.isascii():
        return text
    if _GREEK_LETTER.search(text):
        text = _greek(text)
    if _UNIDECODE_GAPS.search(text):
        if _DIGRAPH_LETTER.search(text):
            # In a word with no vowel, an abbreviation ("DŠRG", a group's initials), each letter is
            # a word's first letter: its plain letter, not the two the word is written with.
            text = _LATIN_WORD.sub(_plain_if_vowelless, text)
        if "\u12e8" in text:
            text = _ETHIOPIC_OF.sub("", text)
        text = text.translate(_BEFORE_UNIDECODE)
    if _BRAHMIC.search(text):
        text = _brahmic(text)
    if "\u0ddd" in text or "\u0d95" in text:
        text = text.translate(_SINHALA_SHORT_O)  # Sinhala's long o as the southern scripts' ("ටෙලෝ", TELO)
    if _CJK_RUN.search(text):
        text = _cjk(text)
    if _THAI_RUN.search(text):
        text = _thai(text)
    if _BURMESE_RUN.search(text):
        text = _burmese(text)
    if _HANGUL_RUN.search(text):
        text = _hangul(text)
    if "мени" in text or "мені" in text or "м." in text:
        text = _named_after(text)
    if "dż" in text or "dzs" in text or "dž" in text:
        # Polish dż, Hungarian dzs and the dž of Czech and the Bosnian, Croatian and Serbian Latin
        # alphabet are the Arabic j: "Dżabhat", "Dzsihád", "Džihad".
        text = text.replace("dż", "dj").replace("dzs", "dj").replace("dž", "dj")
    if "ã" in text:
        # Portuguese writes a final -an with a tilde: "Talibã" is Taliban, "Irã" Iran.
        text = _FINAL_TILDE.sub("an", text)
    if "íes" in text or "úes" in text:
        # Spanish makes a plural of a stressed final í or ú after a consonant (or the u of qu,
        # gu) with -es: "hutíes" are the hutís.
        text = _SPANISH_IES.sub(lambda m: m.group(1) + "s", text)
    return unidecode(text).lower()


def _punctuation(text: str) -> str:
    # French and Italian elision is a word of its own: "l'Azawad" is le Azawad, "dell'Islam" dell Islam.
    if _MARKS.search(text):  # the elision's apostrophes are marks too
        text = _ELISION.sub(r"\1 ", text)
        text = _MARKS.sub("", text)
    return _NON_ALNUM.sub(" ", text).strip()


def _token_forms(tokens: list[str]) -> list[str]:
    out: list[tuple[str, bool]] = []
    last = len(tokens) - 1
    for i, tok in enumerate(tokens):
        if tok in _CONSTRUCT_ARTICLES and 0 < i < last and _construct_article(tokens[i - 1], tok, tokens[i + 1]):
            continue
        people = tok == "wa" and wa_people(tokens, i)
        out.extend((form, people or form not in _ARTICLES) for form in _token_form(tok, tokens[i + 1] if i < last else None))
    kept = [t for t, keep in out if keep]
    return kept or [t for t, _ in out]


#: English words of a name beside "wa" that make it the Wa people of Myanmar, not the Arabic
#: "and": "United Wa State Army", "Wa National Army", and the Thai order, "United State Wa".
_WA_BESIDE = frozenset(
    ("state", "states", "army", "armies", "national", "region", "united", "self", "hills", "hils", "special", "democratic")
)


def wa_people(tokens: Sequence[str], i: int) -> bool:
    """Whether the token ``tokens[i]``, "wa", is the Wa people (an English word of a name beside
    it), not the Arabic "and" the normalizer drops."""
    return tokens[i] == "wa" and (
        (i + 1 < len(tokens) and tokens[i + 1] in _WA_BESIDE) or (i > 0 and tokens[i - 1] in _WA_BESIDE)
    )


#: The t of a construct state written with the article after it, apart from the word it ends:
#: "Ghazwa-tul-Hind" is Ghazwat ul-Hind, "Jamia-tur-Rashid" Jamiat ur-Rashid. Ta marbuta is one
#: ending with or without its t, so the token goes like an article.
_CONSTRUCT_ARTICLES = frozenset(("tul", "tud", "tun", "tur", "tus", "tush", "tut", "tuth", "tuz"))


def _construct_article(before: str, tok: str, following: str) -> bool:
    """Whether ``tok`` is a construct state's t and article: after a vowel, before a word its
    article fits (one that starts with the sun letter it is assimilated to)."""
    return before[-1:] in ("a", "e", "i") and len(before) >= 3 and (tok == "tul" or following.startswith(tok[2:]))


#: The article assimilated to a sun letter and written apart from "wa-", "fi-" and the word it
#: belongs to: "wa-sh-Sham", "wa-t-Tawhid".
_ASSIMILATED = frozenset(("sh", "s", "t", "th", "d", "dh", "z", "r", "n"))


@lru_cache(maxsize=1 << 17)
def _token_form(tok: str, following: str | None) -> tuple[str, ...]:
    """One token's forms, given the token after it (None: the last): names share most such pairs."""
    if tok in _ASSIMILATED and following is not None and len(following) > len(tok) + 1 and following.startswith(tok):
        return ()
    tok = _TOKEN_FORMS.get(tok, tok)
    if tok in _ABD_ALLAH:
        return ("abd", "allah")  # "Abdullah" is "Abd Allah", as Arabic writes it: عبد الله
    m = _ABD_PREFIX.match(tok)
    if m:
        return ("abd", tok[m.end() :])
    # Attached article: "Alqaeda", "Alshabaab" (never "Alawite": a vowel follows).
    if len(tok) >= 5 and tok.startswith("al") and tok[2] not in _VOWELS and tok[2] != "l":
        return (tok[2:],)
    # "Hizbul Mujahideen", "Ansarul Islam": the article glued to the word before.
    if len(tok) >= 6 and tok.endswith("ul") and following is not None:
        # French writes it "oul" ("Harkatoul Moudjahidine", "Djamaatoul"), after a head word the
        # article is glued to (its dj is read as j later).
        # Any other word ending so is a word of its own as French writes its u ("Souboul", Subul;
        # "Rasoul", Rasul).
        if tok.endswith("oul"):
            return (tok[:-3],) if tok[tok.startswith("dj") : -3] in _SUN_STEMS else (tok,)
        return (tok[:-2],)
    # The same before a sun letter, which takes the article's l: "Ahlis Sunna" (ahl as-sunna),
    # "Biladis Sudan", "Ahlut Tawhid".
    if len(tok) >= 5 and following is not None and _sun_article(tok, following):
        return (tok[:-2] if tok[-2:-1] in "iu" else tok[:-3],)
    return (tok,)


# The sun letters that romanized names glue the article to; r and n are left out, as -ir and -in
# end too many words ("Tahrir", "Mujahidin").
_SUN_LETTERS = ("sh", "th", "dh", "t", "d", "z", "s")
# The words such a glued article is known after. Many names end in -is, -ud or -id of their own
# ("Majlis Shura", "Mahmud Dawud"), so only these are cut.
_SUN_STEMS = frozenset(
    (
        "ahl", "bilad", "hizb", "ansar", "jund", "bayt", "bait", "dar", "abna", "ahrar", "rijal", "jaish", "jaysh",
        # the head words Urdu names glue it to ("Jamatud Dawa", Jamaat-ud-Dawa)
        "jamat", "jamaat", "jamiat", "harakat", "harkat", "markaz", "tanzim", "lashkar", "sipah",
    )
)


def _sun_article(tok: str, following: str) -> bool:
    """Whether a word ends in an article assimilated to the next word's first letter ("Ahlis S...")."""
    if tok[:-2] not in _SUN_STEMS and tok[:-3] not in _SUN_STEMS:
        return False  # what the loop below answers for any word but a stem and its article, sooner
    for letter in _SUN_LETTERS:
        end = tok[-1 - len(letter) :]
        if end[0] in "iu" and end[1:] == letter and following.startswith(letter):
            return tok[: -len(end)] in _SUN_STEMS and len(following) >= 4
    return False


_NUMBER_WORDS = dict(
    zip("two three four five six seven eight nine ten eleven twelve".split(), map(str, range(2, 13)), strict=True)
) | {"thri": "3"}  # "three" as Indian scripts write it (থ্রি, थ्री)
# Ordinals written out, third to twelfth, in the languages unit names arrive in ("Seventh Brigade",
# "Settima brigata", "Septième brigade" are the 7th); not the words that are also common nouns
# or names ("quarto", "quinta", "nona", "decima", "sesto").
_ORDINAL_WORDS = {
    word: str(number)
    for number, words in {
        3: "third troisieme tercera tercero terceira terceiro terza terzo dritte dritten dritter",
        4: "fourth quatrieme cuarta quarta vierte vierten vierter",
        5: "fifth cinquieme funfte funften funfter",
        6: "sixth sixieme sexta sexto sesta sechste sechsten sechster",
        7: "seventh septieme septima septimo setima setimo settima settimo siebte siebten siebter",
        8: "eighth huitieme octava oitava oitavo ottava ottavo achte achten achter",
        9: "ninth neuvieme novena noveno neunte neunten neunter",
        10: "tenth dixieme zehnte zehnten zehnter",
        11: "eleventh onzieme",
        12: "twelfth douzieme",
    }.items()
    for word in words.split()
}
# Cities whose name in English is not their name in Arabic, read as the English name in any script
# (طرابلس and Tarabulus are Tripoli; دمشق is Damascus; حلب is Aleppo), so that a unit named by the
# city is one name in both.
_EXONYMS = {
    **dict.fromkeys(("trabls", "tarabulus", "trablus", "trabulus", "tarablus"), "tripoli"),
    **dict.fromkeys(("dmshk", "dimashk"), "damascus"),
    **dict.fromkeys(("hlb", "halab"), "aleppo"),
}
_DOUBLES = re.compile(r"([^\d])\1+")
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th|d|e|er|re|eme|ieme|nde|a|o|ia|esimo|esima|esimi|esime)")


@lru_cache(maxsize=1 << 16)
def _spelling(token: str) -> str:
    if token.isdigit():
        return token
    if token in _NUMBER_WORDS:
        # A number names a unit or an alliance, written out or not: "Three Brotherhood Alliance"
        # is not a four brothers' alliance ("four" would key as "fur", the German "for").
        return _NUMBER_WORDS[token]
    if token in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[token]
    if token in _EXONYMS:
        return _EXONYMS[token]
    if token[0].isdigit():
        # A number's ordinal ending is the number: "25th", "25e", "25eme", "25a" are 25 (a unit's
        # number is never squeezed: "444th" is not "4th").
        ordinal = _ORDINAL.fullmatch(token)
        if ordinal:
            return ordinal.group(1)
    t = token.replace("ou", "u").replace("oo", "u").replace("ee", "i")
    # French, Russian and German spellings of the Arabic j: "Djihad", "Dzhamaat", "Dschihad".
    t = t.replace("dsch", "j").replace("dzh", "j").replace("dj", "j")
    # German writes the hizb of a name with an s: "Hisbollah", "Hisb ut-Tahrir".
    if t.startswith("hisb") and t[4:5] not in ("a", "e", "i", "y"):  # not the hisba, a religious police
        t = "hizb" + t[4:]
    t = t.replace("q", "k").replace("dh", "z")
    # Greek-style ph is f ("Mustapha", "Phalange"); unidecode writes the f of Indian scripts ph.
    if "ph" in t:
        t = t.replace("ph", "f")
    # A French silent e after -in and -un: "Moulethamine", "Mourabitoune".
    if len(t) >= 7 and t.endswith(("ine", "une")):
        t = t[:-1]
    # The Arabic masculine plural, -un or -in by case: "Mujahidun", "Mujahidin".
    if len(t) >= 6 and t.endswith("un") and t[-3] not in "aeiou":
        t = t[:-2] + "in"
    elif len(t) >= 7 and t.endswith("uns") and t[-4] not in "aeiou":
        t = t[:-3] + "ins"  # with an English plural: "Cameroons" as "Cameroon"s
    # Ta marbuta: -ah / -at / -a are one ending ("Thawrat", "Thawra", "Sunnah").
    if (
        (len(t) >= 4 and t.endswith(("ah", "at")) and t[-3] not in "ae")
        or (len(t) >= 4 and t.endswith(("et", "eh")) and t[-3] not in "aeiou")
        or (len(t) >= 5 and t.endswith("aat"))
    ):
        t = t[:-1]
    # Doubled letters: "Sayyid"/"Sayid", "Shabaab"/"Shabab".
    return _DOUBLES.sub(r"\1", t)


def _spelling_tokens(tokens: list[str]) -> list[str]:
    return [s for s in (_spelling(tok) for tok in tokens) if s]


# Consonant classes for the skeleton. A digraph written as one (th, dh, gh,
# ph, bh) is its base letter. An h that follows s, k, c or z once vowels are
# gone is dropped: "Ashab" is as-hab (أصحاب) and "Kahf" is ka-hf, so sh/s and
# kh/k cannot be told apart from the Latin. A word that starts with a vowel
# keeps a mark of it ("a"), so that Ansar is not Nasr, nor Islam Salam, nor
# Ajnad Jund; only "Allah" loses it, as it is written joined ("Hezbollah").
_RAW_DIGRAPHS = (("th", "t"), ("dh", "d"), ("gh", "g"), ("ph", "f"), ("bh", "b"))
_SKELETON_LETTERS = str.maketrans({"g": "j", "c": "k", "x": "k", "v": "w", "p": "b", "q": "k"})
_H_AFTER = re.compile(r"(?<=[skcz])h")
# English and French sounds that other scripts write as they sound: a soft c ("Force", फोर्स
# phors) and the -tion of "Liberation" (لبریشن, lbryshn; "Liberasion").
_SOFT_C = re.compile(r"c(?=[eiy])")
_ALLAH = frozenset(("ala", "alah", "alla", "allah", "lah", "llah"))


@lru_cache(maxsize=1 << 16)
def _skeleton_token(token: str) -> str:
    if token.isdigit():
        return token
    if token in _ALLAH:
        return "l"
    t = sounded(token)
    for src, dst in _RAW_DIGRAPHS:
        t = t.replace(src, dst)
    first, rest = t[0], t[1:]
    if rest.endswith("h"):
        rest = rest[:-1]
    # w and y are vowels as often as consonants (و, ي); v is the w of Persian, Urdu and Turkish
    # romanization ("Jhangvi", جھنگوی; "Tevhid", Tawhid), so it goes with them.
    rest = "".join(c for c in rest if c not in "aeiouywv")
    t = ("a" if first in _VOWELS else first) + rest
    # Collapse doubles before merging: "shuhada" and "shhda" (شهداء) alike.
    t = _DOUBLES.sub(r"\1", t)
    t = _H_AFTER.sub("", t).translate(_SKELETON_LETTERS)
    return _DOUBLES.sub(r"\1", t)


def sounded(word: str) -> str:
    """A word with a soft c written as the s it sounds like and -tion as -sion (for outlines)."""
    if "c" in word:
        word = _SOFT_C.sub("s", word)
    if "tion" in word:
        word = word.replace("tion", "sion")
    return word


def explain(text: str) -> list[Step]:
    """Run the pipeline on ``text`` and return every step with its result.

    Args:
        text: a name as written anywhere (any script, any form).

    Returns:
        The steps in order; the last two are ``key`` and ``skeleton``.
    """
    steps: list[Step] = []
    _pipeline(text, steps)
    return steps


# Persian's plural -ها (with its ezafe, -های) is set off by a zero-width non-joiner after a letter
# that joins the next; after one that does not (ا د ذ ر ز ژ و) it needs none, and is written on.
# Only those forms: a word that merely ends so is not a plural (شانگهای, Shanghai). Written
# apart after a space, as a word of its own ("گردان های", battalions), it is the plural too.
_PERSIAN_PLURAL = _LazyPattern(
    "(?:(?<=[\u0600-\u06ff])\u200cها(?:[یي])?|(?<=[\u0600-\u06ff]{2}[ادذرزژو])ها[یي]|(?<=[\u0600-\u06ff]) ها(?:[یي])?)"
    "(?![\u0600-\u06ff])"
)


_BEFORE_PLURAL = _LazyPattern("[\u0640\u064b-\u065f\u0670\u200b\u200d-\u200f\u2060\ufeff]")


def _pipeline(text: str, steps: list[Step] | None) -> tuple[str, str]:
    """The pipeline itself: the key and the skeleton, and each step into ``steps`` when given."""

    def step(name: str, value: str) -> None:
        if steps is not None:
            steps.append(Step(name, value))

    if not text.isascii():
        # Composed first, so that a letter written with a combining mark is the letter: the
        # Persian plural's test below sees "ئ" whether it came as one character or as ي and a
        # hamza above.
        text = unicodedata.normalize("NFC", text)
    if "ه" in text:
        # A Persian plural is its word: "حوثی‌ها" is the Houthis, "خمرهای سرخ" the Khmer Rouge. The
        # tatweel, the vowel marks and the zero-width characters other than the non-joiner, which
        # later steps drop, go first, so that none of them hides the plural.
        bare = _BEFORE_PLURAL.sub("", text)
        if "ها" in bare:
            text = _PERSIAN_PLURAL.sub("", bare)
    t = _strip_invisible(text)
    step("drop invisible", t)
    t = unicodedata.normalize("NFKC", t)
    step("nfkc", t)
    bare = _without_clitic(t)
    if bare != t:
        t = bare
        step("sentence endings", t)
    t = camel_split(t)
    step("camel case", t)
    t = unicodedata.normalize("NFKC", t.casefold())
    step("casefold", t)
    t = _sorani(t)
    step("sorani", t)
    t = _fold_arabic(t)
    step("fold arabic", t)
    t = _translit_arabic(t)
    step("transliterate arabic", t)
    t = _latin(t)
    step("latin", t)
    t = _punctuation(t)
    step("punctuation", t)
    tokens = _token_forms(t.split())
    step("articles and particles", " ".join(tokens))
    key, skeleton = _fixed_point(_spelling_tokens(tokens))
    step("key", key)
    step("skeleton", skeleton)
    return key, skeleton


def _fixed_point(tokens: list[str]) -> tuple[str, str]:
    """The key and skeleton of spelled tokens, folded again until nothing changes."""
    # Folding can expose a new fold ("oou" -> "ou" -> "u"): run to a fixed
    # point so that key(key(x)) == key(x). Tokens that no step changes, whatever
    # follows them, need no second pass (the usual case: it halves the work).
    if not all(map(_inert, tokens)):
        for _ in range(8):
            again = _spelled_forms(tokens)
            if again == tokens:
                break
            tokens = again
    return " ".join(tokens), "".join(map(_skeleton_token, tokens))


@lru_cache(maxsize=1 << 17)
def _inert(tok: str) -> bool:
    """Whether another pass of the token steps leaves ``tok`` as it is, whatever token follows it."""
    if tok in _ARTICLES or tok in _ASSIMILATED or tok in _CONSTRUCT_ARTICLES:
        return False
    if _spelling(tok) != tok or _token_form(tok, None) != (tok,):
        return False
    # What the token after it can change: a glued article (-ul, or -is/-ut... after a stem).
    return not (len(tok) >= 6 and tok.endswith("ul")) and tok[:-2] not in _SUN_STEMS and tok[:-3] not in _SUN_STEMS


@lru_cache(maxsize=1 << 17)
def _ascii_word(word: str) -> tuple[str, ...]:
    """The tokens one ASCII word (no space or control character in it) gives after the punctuation
    step: its CamelCase parts apart, lower-cased (remembered per word: names share most words)."""
    return tuple(t for part in camel_split(word).lower().split() for t in _punctuation(part).split())


def _spelled_forms(tokens: list[str]) -> list[str]:
    """``_spelling_tokens(_token_forms(tokens))``, each token's share worked out once per token after it."""
    following: list[str | None] = [*tokens[1:], None]
    if _CONSTRUCT_ARTICLES.isdisjoint(tokens):
        kept: Sequence[int] = range(len(tokens))
        parts = list(map(_spelled_token, tokens, following))
    else:
        last = len(tokens) - 1
        kept = [
            i
            for i, tok in enumerate(tokens)
            if not (tok in _CONSTRUCT_ARTICLES and 0 < i < last and _construct_article(tokens[i - 1], tok, tokens[i + 1]))
        ]
        parts = [_spelled_token(tokens[i], following[i]) for i in kept]
    if "wa" in tokens:
        # The Wa people keep their name (see wa_people).
        parts = [(p[1], p[1], True) if wa_people(tokens, i) else p for i, p in zip(kept, parts, strict=True)]
    # As _token_forms: the articles go, unless there is nothing else.
    if any(part[2] for part in parts):
        return [form for part in parts for form in part[0]]
    return [form for part in parts for form in part[1]]


@lru_cache(maxsize=1 << 17)
def _spelled_token(tok: str, following: str | None) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """A token's spelled forms without its articles and with them, and whether any form is not an article."""
    forms = _token_form(tok, following)
    kept = tuple(f for f in forms if f not in _ARTICLES)
    return tuple(filter(None, map(_spelling, kept))), tuple(filter(None, map(_spelling, forms))), bool(kept)


# A lower-case letter then a capital and a lower-case letter: words run together in CamelCase, as
# hashtags and handles write names ("#HayatTahrirAlSham"). Acronyms with a lower-case letter
# inside ("LeT", "HuJI") have no capital followed by a lower-case letter there, and stay whole.
_CAMEL = re.compile(r"(?<=[a-z\u00df-\u00ff])(?=[A-Z\u00c0-\u00de][a-z\u00df-\u00ff])")
# The Arabic article before a capital is a word of its own: "alLubnaniyya", "AlQaeda"; an article
# that takes a sun letter's sound only before that letter ("adDawla", "ashShabaab", not "AdSense").
_CAMEL_ARTICLE = re.compile(
    r"(?<=^[AaEe]l)(?=[A-Z][a-z])|(?<=^[Aa]n)(?=N[a-z])|(?<=^[Aa]r)(?=R[a-z])|(?<=^[Aa]s)(?=S[a-z])"
    r"|(?<=^[Aa]t)(?=T[a-z])|(?<=^[Aa]d)(?=D[a-z])|(?<=^[Aa]z)(?=Z[a-z])|(?<=^[Aa]sh)(?=Sh[a-z])"
)


def camel_split(text: str) -> str:
    """Text with words written in CamelCase set apart: "HayatTahrirAlSham" is "Hayat Tahrir Al Sham".

    Only a word of three capitalized parts or more: two may be one word or a portmanteau acronym
    ("McDonald", "CorCom"), and two words run together are the word stage's to pair ("BokoHaram").
    The Arabic article before a capital is a word of its own, as it is with a hyphen
    ("alLubnaniyya", "AlQaeda").
    """
    if text.islower() or text.isupper():
        return text
    return " ".join(
        _CAMEL.sub(" ", w)
        if len(_CAMEL.findall(w)) >= 2
        else (_CAMEL_ARTICLE.sub(" ", w) if w[:1] in "AaEe" else w)
        for w in text.split(" ")
    )


def _ascii_keys(text: str) -> tuple[str, str]:
    """:func:`_pipeline` for an ASCII name, word by word.

    For ASCII text the Unicode steps change nothing (NFKC is the identity,
    casefolding is lowering, there is no Arabic script) and the punctuation
    step works inside each word, as CamelCase splitting does, so each distinct word is worked
    on once.
    """
    if not text.isprintable():  # for ASCII, exactly when it holds one of _CONTROLS
        text = _CONTROLS.sub(" ", text)
    text = _without_clitic(text)
    return _fixed_point(_spelled_forms([t for w in text.split() for t in _ascii_word(w)]))


@lru_cache(maxsize=65536)
def keys(text: str) -> Keys:
    """Return the key and skeleton of ``text``.

    Args:
        text: a name as written anywhere.

    Returns:
        A :class:`Keys`; both are ``""`` when the name holds no letters or digits.
    """
    return Keys(*key_pair(text))


def key_pair(text: str) -> tuple[str, str]:
    """The key and skeleton of ``text``, as :func:`keys` gives them, but neither remembered nor wrapped.

    For building an index, whose names are nearly all distinct: remembering them would only
    push the queries' keys out of the cache.
    """
    if text.isascii():
        return _ascii_keys(text)
    return _pipeline(text, None)


def key(text: str) -> str:
    """Return the normalized matching key of ``text`` (idempotent)."""
    return keys(text).key


def skeleton(text: str) -> str:
    """Return the consonant skeleton of ``text``."""
    return keys(text).skeleton


@lru_cache(maxsize=1 << 16)
def key_skeleton(normalized: str) -> str:
    """Return the skeleton of a text that is already a key (or a word of one), without normalizing it again.

    ``key_skeleton(key(x)) == skeleton(x)`` for every ``x``; it is what the word-level
    comparisons call, on words that come out of :func:`key`.
    """
    return "".join(_skeleton_token(tok) for tok in normalized.split())


_LONG_VOWELS = frozenset("اويىءة")


def arabic_outline(text: str) -> str:
    """The consonants of an Arabic-script name as written: article, long vowels and hamza seats dropped.

    Unlike the skeleton, it keeps the letters romanization merges (ص and س, ط and ت), for
    comparing two short names that are both in Arabic script.
    """
    words = _fold_arabic(_strip_invisible(text)).split()
    out = []
    for word in words:
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        out.append("".join(ch for ch in word if _ARABIC_LETTER.match(ch) and ch not in _LONG_VOWELS))
    return " ".join(w for w in out if w)


def arabic_consonants(text: str) -> list[str]:
    """The consonants of each word of an Arabic-script name as written, for comparing two names
    both in Arabic script word for word: the article left out, with a particle joined before it
    too ("بالدولة", "للدولة"), long vowels and hamza seats left out, and a last ه as the ة it
    often stands for ("العمالقه")."""
    out = []
    for word in _fold_arabic(_strip_invisible(text)).split():
        if word in ("ال", "وال", "بال", "لل"):
            continue  # an article typed apart from its word ("الجهاد ال إسلامي")
        if word.startswith(_JOINED_ARTICLES) and len(word) > 4:
            word = word[3:]
        elif word.startswith(("ال", "لل")) and len(word) > 3:
            word = word[2:]
        letters = "".join(ch for ch in word if _ARABIC_LETTER.match(ch) and ch not in _LONG_VOWELS)
        if len(letters) > 2 and letters.endswith("ه"):
            letters = letters[:-1]
        if letters:
            out.append(letters)
    return out


def acronym_key(text: str) -> str:
    """Return the form under which an acronym matches: letters and digits, casefolded.

    "K.H.", "KH" and "kh" share one acronym key, and so do "PKK's", "PKK'nın" and "PKK:s" with "PKK"
    (:func:`_without_clitic`); a Latin letter's marks are left out ("UÇK", "UCK"); nothing else
    is folded.
    """
    t = _without_clitic(unicodedata.normalize("NFKC", _strip_invisible(text))).casefold()
    thai = t.strip()
    if not thai.isascii() and _THAI_RUN.fullmatch(thai):
        spelled = _thai_letters(thai)  # English letters by their Thai names ("บีอาร์เอ็น", BRN)
        # and after the word for a group or a movement, which Thai writes joined to them
        # ("กลุ่มบีอาร์เอ็น", the BRN group), as English writes "TTP group"
        head = next((h for h in _THAI_BODIES if thai.startswith(h)), "")
        if not spelled and head:
            spelled = _thai_letters(thai[len(head) :])
        if spelled:
            return spelled
    if not thai.isascii() and _BRAHMIC.search(thai) and " " not in thai:
        # and their Hindi and Bengali names, each part of "एनएससीएन-आईएम" (NSCN-IM) so, and of
        # "टी-टी-पी", one letter a part
        parts = re.split(r"[^\w\u0900-\u0d7f]+", unicodedata.normalize("NFC", thai))
        spelled = "".join(_letter_names(part) or _LETTER_NAMES.get(part, "") or "!" for part in parts if part)
        if spelled and "!" not in spelled and len(spelled) >= 2:
            return spelled
    if not thai.isascii() and _ARABIC_LETTER.search(thai):
        spelled = urdu_letter_names(thai)  # and their Urdu names
        if spelled:
            return spelled
    # A Latin letter's marks left out, as a press without them types the abbreviation ("UCK" for
    # UÇK, "DEAS" for DEAŞ); letters of other scripts stay as they are (Й is not И).
    return "".join(c if c.isascii() else _latin_base(c) for c in t if c.isalnum())


def _latin_base(c: str) -> str:
    """A Latin letter without its marks ("ç" is "c"); any other character as it is."""
    parts = unicodedata.normalize("NFKD", c)
    if parts[0].isascii() and all(unicodedata.combining(x) for x in parts[1:]):
        return parts[0]
    return c


def display_key(text: str) -> str:
    """Return the exact-match form: NFC, casefolded, invisibles dropped, spaces squeezed."""
    if text.isascii():  # NFC is the identity and casefolding is lowering
        return " ".join(_CONTROLS.sub(" ", text.lower()).split())
    t = unicodedata.normalize("NFC", text).casefold()
    t = _strip_invisible(t)
    return " ".join(t.split())


def printable(text: str) -> str:
    """Escape control, format (bidi, zero-width) and odd space characters as ``<U+XXXX>``.

    For showing names: the text itself is never changed.
    """
    # What str.isprintable() accepts holds none of these (it refuses all of C and Z but the
    # space), and almost every text is such: an audit prints hundreds of thousands of messages.
    if text.isprintable():
        return text
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Zl", "Zp") or (cat == "Zs" and ch != " "):
            out.append(f"<U+{ord(ch):04X}>")
        else:
            out.append(ch)
    return "".join(out)


def script_of_char(ch: str) -> str | None:
    """Return the script of a letter as its Unicode name's first word ("LATIN", "ARABIC")."""
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    if not name:
        return None
    # "ARABIC LETTER ALEF" -> "ARABIC"; for CJK and Hangul the first word is enough too.
    return name.split(" ", 1)[0]


def script_of(text: str) -> str:
    """Return the main script of ``text``: the one most of its letters belong to.

    "Latin" for ASCII names, "Arabic" for "كتائب حزب الله"; "None" without letters.
    """
    if text.isascii():
        return "Latin" if any(c.isalpha() for c in text) else "None"
    counts: dict[str, int] = {}
    for ch in text:
        script = script_of_char(ch)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return "None"
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0].title()
