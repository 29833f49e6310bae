"""The UN Security Council Consolidated List, as published in XML (``consolidated.xml``).

The root element is ``CONSOLIDATED_LIST`` (its ``dateGenerated`` is the date
of issue), holding ``INDIVIDUALS`` (``INDIVIDUAL`` each) and ``ENTITIES``
(``ENTITY`` each). An ENTITY gives ``DATAID``, ``FIRST_NAME`` (the entity's
name), ``UN_LIST_TYPE`` (the sanctions regime: Al-Qaida, Taliban, DRC...),
``REFERENCE_NUMBER`` (QDe.004...), ``LISTED_ON`` (YYYY-MM-DD),
``NAME_ORIGINAL_SCRIPT``, ``ENTITY_ALIAS`` elements (``QUALITY``: ``a.k.a.``
or ``f.k.a.`` for entities, ``Good`` or ``Low`` as for individuals;
``ALIAS_NAME``, which may hold several names separated by "; ") and
``ENTITY_ADDRESS`` elements with a ``COUNTRY``. Empty ``ENTITY_ALIAS`` and
``ENTITY_ADDRESS`` elements are common and mean nothing.
"""

from __future__ import annotations

from collections import Counter

from ..errors import DataError
from .common import countries, iso_date, one_line, split_names
from .model import ListEntry, ListFile, ListName, stamped
from .xmlread import Node, XmlList, read_records

LIST = "un-sc"
#: The list as the UN publishes it: entries have no page of their own.
LIST_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
_WHAT = "the UN Security Council Consolidated List (consolidated.xml, root CONSOLIDATED_LIST)"
#: Reference-number prefixes (QDe.004 -> QD) and the UN list each stands for.
REGIMES = {
    "QD": "un-1267",
    "TA": "un-1988",
    "IQ": "un-1518",
    "CD": "un-1533",
    "SD": "un-1591",
    "LY": "un-1970",
    "CF": "un-2127",
    "YE": "un-2140",
    "SS": "un-2206",
    "HT": "un-2653",
    "SO": "un-2713",
}
# QUALITY as the list writes it: what the name is, and how the list rates it.
_QUALITIES = {
    "a.k.a.": ("aka", None),
    "f.k.a.": ("fka", None),
    "n.k.a.": ("nka", None),
    "good": ("aka", "good"),
    "low": ("aka", "low"),
}


def _required(node: Node, tag: str, path: str) -> str:
    value = one_line(node.findtext(tag))
    if not value:
        raise DataError(f"<{node.tag}> has no <{tag}>", path, node.line, node.col)
    return value


def _entity(node: Node, path: str) -> ListEntry:
    record = _required(node, "REFERENCE_NUMBER", path)
    name = _required(node, "FIRST_NAME", path)
    names = [ListName(name, "name")]
    original = one_line(node.findtext("NAME_ORIGINAL_SCRIPT"))
    if original:
        names.append(ListName(original, "name", native=True))
    for alias in node.findall("ENTITY_ALIAS"):
        quality_text = alias.findtext("QUALITY")
        kind, quality = _QUALITIES.get(quality_text.casefold(), ("aka", None))
        if quality_text and quality_text.casefold() not in _QUALITIES:
            raise DataError(
                f"<QUALITY> '{quality_text}' is none of a.k.a., f.k.a., Good, Low", path, alias.line, alias.col
            )
        for text in split_names(alias.findtext("ALIAS_NAME")):
            names.append(ListName(text, kind, quality, quality == "low"))
    places = [a.findtext("COUNTRY") for a in node.findall("ENTITY_ADDRESS")]
    regime = REGIMES.get(record[:2].upper())
    listed = node.findtext("LISTED_ON")
    return ListEntry(
        list=LIST,
        record=record,
        subject="organisation",
        names=tuple(names),
        countries=countries(places),
        programs=tuple(p for p in (one_line(node.findtext("UN_LIST_TYPE")),) if p),
        designations=(regime,) if regime else (),
        listed=iso_date(listed[:10]) if listed else None,
        url=LIST_URL,
        where=f"{path}:{node.line}",
    )


def read(path: str) -> ListFile:
    """Read the UN Consolidated List from its XML.

    Raises:
        DataError: not well-formed or cut short, another root element, an
            ENTITY without REFERENCE_NUMBER or FIRST_NAME, an unknown QUALITY,
            DTDs or entities (exit 65), with the line and column.
        InputMissingError: the file cannot be read (exit 66).
    """
    doc = XmlList(path)
    entries: list[ListEntry] = []
    counts: Counter[str] = Counter()
    for node in read_records(path, {"CONSOLIDATED_LIST": None}, _WHAT, {"INDIVIDUAL", "ENTITY"}, doc):
        if node.tag == "INDIVIDUAL":
            counts["individual"] += 1
            entries.append(ListEntry(LIST, node.findtext("REFERENCE_NUMBER"), "individual", (), where=f"{path}:{node.line}"))
            continue
        counts["organisation"] += 1
        entries.append(_entity(node, path))
    issued = doc.root.attrs.get("dateGenerated", "")[:10] if doc.root is not None else ""
    return ListFile(LIST, ((path, doc.sha256),), stamped(entries, doc.sha256), iso_date(issued) if issued else None, dict(counts))
