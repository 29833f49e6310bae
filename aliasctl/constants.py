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
