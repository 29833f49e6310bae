"""The UK Sanctions List (FCDO), as published in XML (``UK-Sanctions-List.xml``).

The root element is ``Designations``, with ``DateGenerated`` (dd/mm/yyyy)
and one ``Designation`` per listed party: ``UniqueID`` (AQD0104...),
``DateDesignated`` (dd/mm/yyyy), ``Names`` (``Name`` elements with
``Name1`` to ``Name6``, Name6 holding a surname or an entity's whole name,
a ``NameType`` of "Primary Name", "Primary Name Variation" or "Alias",
written with varying case, and for aliases an ``AliasStrength``: "Good
quality a.k.a" or "Low quality a.k.a"), ``NonLatinNames`` (``NonLatinName``
with ``NameNonLatinScript`` and ``NonLatinScriptLanguage``), ``RegimeName``,
``IndividualEntityShip`` (Individual, Entity or Ship) and ``Addresses``
(``Address`` with ``AddressCountry``).
"""

from __future__ import annotations

from collections import Counter

from ..errors import DataError
from .common import LANGUAGES, countries, iso_date, one_line
from .model import ListEntry, ListFile, ListName, stamped
from .xmlread import Node, XmlList, read_records

LIST = "uk-sanctions"
#: The list's page: entries have no page of their own.
LIST_URL = "https://www.gov.uk/government/publications/the-uk-sanctions-list"
_WHAT = "the UK Sanctions List (UK-Sanctions-List.xml, root Designations)"
_SUBJECTS = {"entity": "organisation", "individual": "individual", "ship": "vessel"}
_STRENGTHS = {"good quality a.k.a": "good", "low quality a.k.a": "low"}


def _name(node: Node) -> str:
    return one_line(" ".join(node.findtext(f"Name{i}") for i in range(1, 7)))


def _designation(node: Node, path: str) -> ListEntry:
    record = one_line(node.findtext("UniqueID"))
    if not record:
        raise DataError("<Designation> has no <UniqueID>", path, node.line, node.col)
    kind = node.findtext("IndividualEntityShip")
    if not kind:
        raise DataError(f"<Designation> {record} has no <IndividualEntityShip>", path, node.line, node.col)
    primary: list[ListName] = []
    others: list[ListName] = []
    names_node = node.find("Names")
    for name in names_node.findall("Name") if names_node is not None else []:
        text = _name(name)
        if not text:
            continue
        ntype = name.findtext("NameType").casefold()
        strength = name.findtext("AliasStrength")
        quality = _STRENGTHS.get(strength.casefold())
        if strength and quality is None:
            raise DataError(
                f"<AliasStrength> '{strength}' is neither 'Good quality a.k.a' nor 'Low quality a.k.a'",
                path,
                name.line,
                name.col,
            )
        if ntype == "primary name" and not primary:
            primary.append(ListName(text, "name", quality, quality == "low"))
        else:
            others.append(ListName(text, "aka", quality, quality == "low"))
    latin = node.find("NonLatinNames")
    for non_latin in latin.findall("NonLatinName") if latin is not None else []:
        text = one_line(non_latin.findtext("NameNonLatinScript"))
        if text:
            lang = LANGUAGES.get(non_latin.findtext("NonLatinScriptLanguage").casefold())
            others.append(ListName(text, "aka", lang=lang, native=True))
    names = primary + others
    if not names:
        raise DataError(f"<Designation> {record} has no name", path, node.line, node.col)
    if names[0].kind != "name":
        names[0] = ListName(names[0].text, "name", names[0].quality, names[0].weak, names[0].lang, names[0].native)
    addresses = node.find("Addresses")
    places = [a.findtext("AddressCountry") for a in addresses.findall("Address")] if addresses is not None else []
    regime = one_line(node.findtext("RegimeName"))
    return ListEntry(
        list=LIST,
        record=record,
        subject=_SUBJECTS.get(kind.casefold(), "other"),
        names=tuple(names),
        countries=countries(places),
        programs=(regime,) if regime else (),
        listed=iso_date(node.findtext("DateDesignated"), "%d/%m/%Y"),
        url=LIST_URL,
        where=f"{path}:{node.line}",
    )


def read(path: str) -> ListFile:
    """Read the UK Sanctions List from its XML.

    Raises:
        DataError: not well-formed or cut short, another root element, a
            Designation without UniqueID, type or name, an unknown
            AliasStrength, DTDs or entities (exit 65), with the line and column.
        InputMissingError: the file cannot be read (exit 66).
    """
    doc = XmlList(path)
    issued: str | None = None
    entries: list[ListEntry] = []
    for node in read_records(path, {"Designations": None}, _WHAT, {"Designation", "DateGenerated"}, doc):
        if node.tag == "DateGenerated":
            issued = iso_date(node.text, "%d/%m/%Y")
        else:
            entries.append(_designation(node, path))
    counts = Counter(e.subject for e in entries)
    return ListFile(LIST, ((path, doc.sha256),), stamped(entries, doc.sha256), issued, dict(counts))
