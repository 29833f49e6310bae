"""What every list reader returns: the entries of an official list, in one shape whatever the list.

A reader (:mod:`.ofac`, :mod:`.un`, :mod:`.eu`, :mod:`.uk`) turns the files
of one list, in that list's own published layout, into a :class:`ListFile`:
one :class:`ListEntry` per listed party, organisations and everything else
alike (the matching step keeps the organisations and counts the rest), each
with every name the list gives it as a :class:`ListName`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

#: What a list entry is. Only organisations are imported.
SUBJECTS = ("organisation", "individual", "vessel", "aircraft", "other")

#: The lists ``aliasctl import`` reads: the name written in each alias's
#: ``provenance``, and what it is.
LISTS = {
    "ofac-sdn": "US Treasury OFAC, Specially Designated Nationals and Blocked Persons List",
    "un-sc": "UN Security Council Consolidated List",
    "eu-fsf": "EU Consolidated list of persons, groups and entities subject to financial sanctions",
    "uk-sanctions": "UK Sanctions List (FCDO)",
}
#: The lists' short names, for notes and messages.
SHORT_NAMES = {
    "ofac-sdn": "OFAC SDN list",
    "un-sc": "UN Consolidated List",
    "eu-fsf": "EU consolidated list",
    "uk-sanctions": "UK Sanctions List",
}


@dataclass(frozen=True, slots=True)
class ListName:
    """One name a list gives an entry.

    ``kind`` is what the list calls it (``name``, ``aka``, ``fka``, ``nka``);
    ``quality`` how the list rates it (``strong``, ``good``, ``weak``,
    ``low``, or ``None`` where it says nothing); ``weak`` is true for the
    names the list itself marks weak or low quality. ``native`` is true for a
    name the list gives in the entry's original script.
    """

    text: str
    kind: str = "aka"
    quality: str | None = None
    weak: bool = False
    lang: str | None = None
    native: bool = False
    #: The SHA-256 of the file the name was read from.
    sha256: str = ""


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One listed party, with every name the list gives it."""

    list: str
    #: The entry's id on its list (OFAC's ent_num, the UN's reference number...).
    record: str
    subject: str
    #: The list's own name for the entry, first of ``names`` (``kind`` ``name``).
    names: tuple[ListName, ...]
    countries: tuple[str, ...] = ()
    #: The programmes or regimes it is listed under, as the list writes them (SDGT, Al-Qaida, TERR...).
    programs: tuple[str, ...] = ()
    #: The designation codes of the registry these amount to (``us-sdgt``, ``un-1267``...).
    designations: tuple[str, ...] = ()
    #: The listing date, YYYY-MM-DD, where the list gives one.
    listed: str | None = None
    #: The entry's public page, or the list's where it has no page per entry.
    url: str | None = None
    #: Where the entry is, for messages: ``sdn.csv:12``.
    where: str = ""

    @property
    def name(self) -> ListName:
        """The entry's own name."""
        return self.names[0]


@dataclass(frozen=True, slots=True)
class ListFile:
    """The entries of one list as read from its files."""

    list: str
    #: (path, SHA-256) of every file read.
    files: tuple[tuple[str, str], ...]
    entries: tuple[ListEntry, ...]
    #: The list's own date of issue, where it gives one.
    issued: str | None = None
    counts: dict[str, int] = field(default_factory=dict, compare=False)


def stamped(entries: Iterable[ListEntry], sha256: str) -> tuple[ListEntry, ...]:
    """The entries with the SHA-256 of the file they were read from set on every name.

    An XML file's hash is known only once it has been read to the end, after its entries.
    """
    return tuple(replace(e, names=tuple(replace(n, sha256=sha256) for n in e.names)) for e in entries)
