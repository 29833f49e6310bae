"""Fixed vocabularies and defaults, kept apart so the command line can name them cheaply."""

from __future__ import annotations

KINDS = ("armed-group", "front", "coalition", "wing", "party", "state-force")
ALIAS_TYPES = ("translit", "translation", "acronym", "native", "former-name", "misspelling")
RELATION_TYPES = ("part-of", "front-for", "splinter-of", "successor-of", "allied-with")
#: The sanctions and proscription lists a ``designations`` entry may name, with what each is.
DESIGNATION_LISTS = {
    "us-fto": "US Department of State, Foreign Terrorist Organizations (INA section 219)",
    "us-sdgt": "US Specially Designated Global Terrorists (Executive Order 13224; OFAC SDN list)",
    "un-1267": "UN Security Council ISIL (Da'esh) and Al-Qaida Sanctions List (resolutions 1267/1989/2253)",
    "un-1518": "UN Security Council 1518 Sanctions List (Iraq)",
    "un-1533": "UN Security Council 1533 Sanctions List (Democratic Republic of the Congo)",
    "un-1591": "UN Security Council 1591 Sanctions List (Sudan)",
    "un-1970": "UN Security Council 1970 Sanctions List (Libya)",
    "un-1988": "UN Security Council 1988 Sanctions List (Taliban)",
    "un-2127": "UN Security Council 2127 Sanctions List (Central African Republic)",
    "un-2140": "UN Security Council 2140 Sanctions List (Yemen)",
    "un-2206": "UN Security Council 2206 Sanctions List (South Sudan)",
    "un-2653": "UN Security Council 2653 Sanctions List (Haiti)",
    "un-2713": "UN Security Council 2713 Sanctions List (Al-Shabaab; formerly 751)",
    "eu": "EU terrorist list (Council Common Position 2001/931/CFSP)",
    "eu-isil-aq": "EU ISIL (Da'esh) and Al-Qaeda autonomous sanctions (Council Decision (CFSP) 2016/1693)",
    "uk": "UK proscribed terrorist groups or organisations (Terrorism Act 2000, Schedule 2)",
    "ca": "Canada, listed terrorist entities (Criminal Code, section 83.05)",
    "au": "Australia, listed terrorist organisations (Criminal Code Act 1995)",
    "in": "India, banned terrorist organisations (Unlawful Activities (Prevention) Act 1967, First Schedule)",
}
ON_CONFLICT = ("skip", "ours", "theirs")
DEFAULT_LOCK_TIMEOUT = 5.0
FORMATS = ("csv", "tsv", "xlsx", "jsonl", "parquet")
STREAM_FORMATS = ("csv", "tsv", "jsonl")
#: The delimiters a CSV file may use (sniffed in this order of preference), and their names.
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
#: The longest value resolved, in characters: the csv module's own cell limit, which a CSV
#: cell already cannot pass. Names are never near it; a value past it is a damaged file,
#: and resolving it would cost memory and time out of all proportion.
MAX_VALUE_CHARS = 131_072


def too_long(length: int | None, what: str = "value") -> str:
    """The message for a ``what`` of ``length`` characters (``None``: more than can be told), past :data:`MAX_VALUE_CHARS`."""
    size = f"{length:,}" if length is not None else f"more than {MAX_VALUE_CHARS:,}"
    return f"a {what} of {size} characters: aliasctl resolves {what}s of at most {MAX_VALUE_CHARS:,}"
