"""What the list readers share: country names to codes, dates, languages, the entry's name in one line."""

from __future__ import annotations

import datetime
import re
import unicodedata
from functools import cache
from importlib import resources

from ..registry.model import COUNTRIES

#: Language names as the UK list writes them, to the codes an alias's ``lang`` takes.
LANGUAGES = {
    "arabic": "ar",
    "persian": "fa",
    "farsi": "fa",
    "dari": "prs",
    "pashto": "ps",
    "urdu": "ur",
    "russian": "ru",
    "ukrainian": "uk",
    "belarusian": "be",
    "chinese": "zh",
    "korean": "ko",
    "burmese": "my",
    "hebrew": "he",
    "kurdish": "ku",
    "turkish": "tr",
    "somali": "so",
    "french": "fr",
    "spanish": "es",
    "english": "en",
}


def _words(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    words = [w for w in re.findall(r"[a-z0-9]+", folded) if w != "the"]
    return " ".join(sorted(words))


@cache
def _country_table() -> dict[str, str]:
    table: dict[str, str] = {}
    text = resources.files("aliasctl").joinpath("data/countries.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        code, name = line.split("\t", 1)
        table.setdefault(_words(name), code)
    return table


def country_code(name: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country named in words, or given as a code; ``None`` if unknown.

    Names are compared by their words, case, accents, punctuation, word order
    and "the" aside, so "Iran (Islamic Republic of)" and "Iran, Islamic
    Republic of" are one name.
    """
    name = name.strip()
    if len(name) == 2 and name.upper() in COUNTRIES:
        return name.upper()
    return _country_table().get(_words(name))


def countries(names: list[str]) -> tuple[str, ...]:
    """The codes of the countries named, each once, in order; names not known are left out."""
    codes = (country_code(n) for n in names if n.strip())
    return tuple(dict.fromkeys(c for c in codes if c is not None))


def iso_date(text: str, fmt: str = "%Y-%m-%d") -> str | None:
    """``text`` read with ``fmt`` and written YYYY-MM-DD; ``None`` when it is empty or not such a date."""
    text = text.strip()
    if not text:
        return None
    try:
        return datetime.datetime.strptime(text, fmt).date().isoformat()
    except ValueError:
        return None


def one_line(text: str) -> str:
    """A name on one line, its runs of whitespace made one space."""
    return " ".join(text.split())


def split_names(text: str) -> list[str]:
    """A name field that holds several names separated by "; " (as some UN entries do), split."""
    return [one_line(p) for p in text.split(";") if p.strip()]
