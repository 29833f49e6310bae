"""Fixed vocabularies and defaults, kept apart so the command line can name them cheaply."""

from __future__ import annotations

KINDS = ("armed-group", "front", "coalition", "wing", "party", "state-force")
ALIAS_TYPES = ("translit", "translation", "acronym", "native", "former-name", "misspelling")
RELATION_TYPES = ("part-of", "front-for", "splinter-of", "successor-of", "allied-with")
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
