"""Write aliasctl/data/countries.tsv: country names as the official lists spell them, to ISO 3166-1 codes.

    python tools/make_countries.py      (reads Debian's iso-codes: apt-get install iso-codes)

The lists name countries in words ("Iran (Islamic Republic of)", "Syrian Arab
Republic", "Congo, The Democratic Republic of the", "Russia"); ``aliasctl
import`` turns them into the registry's ISO 3166-1 alpha-2 codes. Each code is
written with its ISO short name, official name and common name from iso-codes,
plus the few names the lists use that iso-codes does not give (``EXTRA``).
The reader matches names by their words, case and punctuation aside.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "aliasctl" / "data" / "countries.tsv"
ISO = Path("/usr/share/iso-codes/json/iso_3166-1.json")

#: Names seen in the UN, OFAC, EU and UK lists that iso-codes lacks.
EXTRA = {
    "BO": ["Bolivia (Plurinational State of)"],
    "BS": ["Bahamas"],
    "CD": ["Democratic Republic of the Congo", "Congo, Democratic Republic of the"],
    "CG": ["Republic of the Congo", "Congo"],
    "CI": ["Cote d'Ivoire", "Ivory Coast"],
    "CZ": ["Czech Republic"],
    "FM": ["Micronesia (Federated States of)"],
    "GB": ["United Kingdom of Great Britain and Northern Ireland", "UK", "Great Britain"],
    "GM": ["Gambia"],
    "IR": ["Iran (Islamic Republic of)"],
    "KP": ["Democratic People's Republic of Korea", "Korea, North", "DPRK"],
    "KR": ["Republic of Korea", "Korea, South"],
    "LA": ["Lao People's Democratic Republic", "Laos"],
    "MD": ["Republic of Moldova", "Moldova"],
    "MK": ["North Macedonia", "The former Yugoslav Republic of Macedonia"],
    "MM": ["Burma"],
    "NL": ["Netherlands (Kingdom of the)"],
    "PS": ["Palestinian Territories", "West Bank", "Gaza", "Gaza Strip", "Occupied Palestinian Territory"],
    "RU": ["Russia"],
    "SY": ["Syria"],
    "TR": ["Turkey", "Türkiye"],
    "TZ": ["United Republic of Tanzania", "Tanzania"],
    "US": ["United States of America", "USA"],
    "VE": ["Venezuela (Bolivarian Republic of)", "Venezuela"],
    "VN": ["Viet Nam", "Vietnam"],
    "XK": ["Kosovo"],
}


def main() -> None:
    rows: list[tuple[str, str]] = []
    for c in json.loads(ISO.read_text(encoding="utf-8"))["3166-1"]:
        for key in ("name", "official_name", "common_name"):
            if c.get(key):
                rows.append((c["alpha_2"], c[key]))
    for code, names in EXTRA.items():
        rows += [(code, n) for n in names]
    seen: set[tuple[str, str]] = set()
    lines = [
        "# Country names to ISO 3166-1 alpha-2 codes, written by tools/make_countries.py.",
        "# Source: Debian iso-codes (ISO 3166-1 names), and the names the sanctions lists use besides.",
        "# code\tname",
    ]
    for code, name in sorted(rows):
        if (code, name) not in seen:
            seen.add((code, name))
            lines.append(f"{code}\t{name}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(seen)} names to {OUT}")


if __name__ == "__main__":
    main()
