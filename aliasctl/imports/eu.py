"""The EU's consolidated list of persons, groups and entities subject to financial sanctions (XML).

The root element is ``export`` in the namespace
``http://eu.europa.ec/fpi/fsd/export`` (its ``generationDate`` is the date of
issue), holding one ``sanctionEntity`` per listed party with a
``euReferenceNumber`` and a ``logicalId`` (and, in newer files, a
``designationDate``). Inside: ``regulation`` elements (the legal acts, with a
``programme`` code such as ``TERR`` for the EU terrorist list and a
``publicationUrl`` child), ``subjectType`` (``code`` ``person`` or
``enterprise``), ``nameAlias`` elements (``wholeName``, ``nameLanguage``, a
two-letter code or empty, and ``strong``, ``false`` for a name the EU marks
weak, each with a ``regulationSummary`` whose ``publicationUrl`` is the act
that published it) and ``address`` elements (``countryIso2Code``, ``00`` when
unknown).
"""

from __future__ import annotations

from collections import Counter

from ..errors import DataError
from .common import countries, iso_date, one_line
from .model import ListEntry, ListFile, ListName, stamped
from .xmlread import Node, XmlList, read_records

LIST = "eu-fsf"
NAMESPACE = "http://eu.europa.ec/fpi/fsd/export"
_WHAT = f"the EU consolidated financial sanctions list (root export in {NAMESPACE})"
#: Programme codes that are designations the registry records.
DESIGNATIONS = {"TERR": "eu"}
_SUBJECTS = {"enterprise": "organisation", "person": "individual"}


def _https(url: str) -> str:
    # EUR-Lex serves every act over https; the list still writes many as http.
    if url.startswith("http://eur-lex.europa.eu/"):
        return "https://" + url[len("http://") :]
    return url


def _entity(node: Node, path: str) -> ListEntry:
    record = node.attrs.get("euReferenceNumber") or node.attrs.get("logicalId", "")
    if not record:
        raise DataError("<sanctionEntity> has neither euReferenceNumber nor logicalId", path, node.line, node.col)
    subject_node = node.find("subjectType")
    if subject_node is None:
        raise DataError(f"<sanctionEntity> {record} has no <subjectType>", path, node.line, node.col)
    subject = _SUBJECTS.get(subject_node.attrs.get("code", ""), "other")
    regulations = node.findall("regulation")
    programs = tuple(dict.fromkeys(p for r in regulations if (p := r.attrs.get("programme", ""))))
    urls = [_https(r.findtext("publicationUrl")) for r in regulations if r.findtext("publicationUrl")]
    dates = sorted(d for r in regulations if (d := iso_date(r.attrs.get("publicationDate", ""))))
    listed = iso_date(node.attrs.get("designationDate", "")) or (dates[0] if dates else None)
    names: list[ListName] = []
    for alias in node.findall("nameAlias"):
        text = one_line(alias.attrs.get("wholeName", ""))
        if not text:
            continue
        strong = alias.attrs.get("strong", "true").lower() != "false"
        lang = alias.attrs.get("nameLanguage", "").lower() or None
        names.append(ListName(text, "aka", "strong" if strong else "weak", not strong, lang))
    if not names:
        raise DataError(f"<sanctionEntity> {record} has no <nameAlias> with a wholeName", path, node.line, node.col)
    # The EU marks no name as the main one: the first is taken, as the list shows it first.
    first = names[0]
    names[0] = ListName(first.text, "name", first.quality, first.weak, first.lang)
    places = [a.attrs.get("countryIso2Code", "") for a in node.findall("address")]
    return ListEntry(
        list=LIST,
        record=record,
        subject=subject,
        names=tuple(names),
        countries=countries([p for p in places if p and p != "00"]),
        programs=programs,
        designations=tuple(DESIGNATIONS[p] for p in programs if p in DESIGNATIONS),
        listed=listed,
        url=urls[0] if urls else None,
        where=f"{path}:{node.line}",
    )


def read(path: str) -> ListFile:
    """Read the EU consolidated list from its XML.

    Raises:
        DataError: not well-formed or cut short, another root element or
            namespace, a sanctionEntity without a name or subjectType, DTDs or
            entities (exit 65), with the line and column.
        InputMissingError: the file cannot be read (exit 66).
    """
    doc = XmlList(path)
    entries = [_entity(node, path) for node in read_records(path, {"export": NAMESPACE}, _WHAT, {"sanctionEntity"}, doc)]
    issued = doc.root.attrs.get("generationDate", "")[:10] if doc.root is not None else ""
    counts = Counter(e.subject for e in entries)
    return ListFile(LIST, ((path, doc.sha256),), stamped(entries, doc.sha256), iso_date(issued), dict(counts))
