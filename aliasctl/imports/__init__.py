"""``aliasctl import``: official designation lists read in their own published layouts, matched to the registry.

* one reader per list, each turning the list's files into a :class:`ListFile`:
  :mod:`.ofac` (the SDN list's CSV files or its advanced XML), :mod:`.un` (the
  Security Council Consolidated List), :mod:`.eu` (the EU consolidated
  financial sanctions list), :mod:`.uk` (the UK Sanctions List);
* :mod:`.xmlread`: the safe, streaming XML reading the XML lists share;
* :mod:`.propose`: the matching and proposal step every list shares.

Example::

    from aliasctl import Resolver, load_index, load_registry
    from aliasctl.imports import propose, read_list

    result = propose(read_list("un", ["consolidated.xml"]), Resolver(load_index()), load_registry(),
                     programs=["1267"])
    print(result.text("consolidated.xml"))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..errors import UsageError
from .model import LISTS, SUBJECTS, ListEntry, ListFile, ListName
from .propose import ImportResult, Proposal, matches_program, propose


def _one(read: Callable[[str], ListFile], what: str) -> Callable[[Sequence[str]], ListFile]:
    def reader(paths: Sequence[str]) -> ListFile:
        if len(paths) != 1:
            raise UsageError(f"the {what} is one file; {len(paths)} given")
        return read(paths[0])

    return reader


def read_list(name: str, paths: Sequence[str]) -> ListFile:
    """Read an official list from its files.

    Args:
        name: ``ofac`` (sdn.csv with alt.csv and add.csv, or sdn_advanced.xml),
            ``un``, ``eu`` or ``uk`` (one XML file each).
        paths: the files, local; nothing is downloaded.

    Raises:
        UsageError: an unknown list, or the wrong number of files.
        DataError: a file not in the list's published layout (exit 65).
        InputMissingError: a file cannot be read (exit 66).
    """
    from . import eu, ofac, uk, un

    readers: dict[str, Callable[[Sequence[str]], ListFile]] = {
        "ofac": ofac.read,
        "un": _one(un.read, "UN list's XML"),
        "eu": _one(eu.read, "EU list's XML"),
        "uk": _one(uk.read, "UK list's XML"),
    }
    if name not in readers:
        raise UsageError(f"unknown list '{name}' (one of {', '.join(readers)})")
    if not paths:
        raise UsageError("no file given")
    return readers[name](paths)


__all__ = [
    "LISTS",
    "SUBJECTS",
    "ImportResult",
    "ListEntry",
    "ListFile",
    "ListName",
    "Proposal",
    "matches_program",
    "propose",
    "read_list",
]
