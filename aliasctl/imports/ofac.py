"""The US Treasury's SDN list (OFAC), as published: the CSV files, or the advanced XML.

The CSV release (OFAC's "SDN data specification") is three ASCII files
without a header row, fields separated by commas, text in double quotes,
null values written ``-0-``:

* ``sdn.csv``: ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign,
  Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks (12 fields);
  SDN_Type is ``individual``, ``vessel``, ``aircraft``, or null for an
  entity; Program joins several programmes as ``SDGT] [FTO``; the Remarks
  hold the weak a.k.a.s (``a.k.a. 'NAME'``), which the other files do not;
* ``alt.csv``: ent_num, alt_num, alt_type (``aka``, ``fka``, ``nka``),
  alt_name, alt_remarks (5 fields);
* ``add.csv``: ent_num, add_num, address, city/state/postal code, country,
  add_remarks (6 fields), read for the countries.

The files are told apart by their width, not their names. The CSV files give
no listing date. The advanced XML (``sdn_advanced.xml``, the UN-designed
Sanctions Data Model OFAC publishes) is read for each DistinctParty's
profile, its Identity's Alias elements (AliasType ``Name``, ``A.K.A.``,
``F.K.A.``, ``N.K.A.``; ``LowQuality="true"`` for a weak a.k.a.) and its
SanctionsEntry (programmes in the SanctionsMeasure comments, the listing
date in the EntryEvent), resolving the ids of ReferenceValueSets.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..errors import DataError, UsageError
from ..files import open_input
from .common import countries, one_line
from .model import ListEntry, ListFile, ListName, stamped
from .xmlread import Node, XmlList, read_records

LIST = "ofac-sdn"
#: An entry's public page on OFAC's Sanctions List Search.
ENTRY_URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id={}"
#: Programme tags on the SDN list that are designations the registry records.
DESIGNATIONS = {"SDGT": "us-sdgt", "FTO": "us-fto"}
NULL = "-0-"

SDN_FIELDS = (
    "ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign",
    "Vess_type", "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks",
)  # fmt: skip
ALT_FIELDS = ("ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks")
ADD_FIELDS = ("ent_num", "add_num", "Address", "City/State/Province/Postal Code", "Country", "Add_remarks")
_ROLES = {len(SDN_FIELDS): "sdn.csv", len(ALT_FIELDS): "alt.csv", len(ADD_FIELDS): "add.csv"}
_SUBJECTS = {"": "organisation", "individual": "individual", "vessel": "vessel", "aircraft": "aircraft"}
_KINDS = {"aka": "aka", "fka": "fka", "nka": "nka"}
# ``a.k.a. 'NAME'`` in the remarks: the name ends at a quote followed by ';' or the end.
_REMARK_NAME = re.compile(r"\b([afn])\.k\.a\.\s+'(.+?)'(?=\s*(?:;|\.?\s*$))")


@dataclass(slots=True)
class _CsvFile:
    path: str
    role: str
    sha256: str
    #: (line, fields) of each record.
    records: list[tuple[int, list[str]]] = field(default_factory=list)


def _value(text: str) -> str:
    text = text.strip()
    return "" if text == NULL else text


def _programs(text: str) -> tuple[str, ...]:
    return tuple(p.strip(" []") for p in _value(text).split("] [") if p.strip(" []"))


def _read_csv(path: str) -> _CsvFile:
    with open_input(path, "a CSV file") as fh:
        data = fh.read()
    sha = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DataError(
            f"not an OFAC CSV file: byte 0x{data[exc.start]:02X} at line {line} is not ASCII or UTF-8", path, line
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            line, start = start, reader.line_num + 1
            # The files end with a DOS end-of-file mark (Ctrl-Z) on a line of its own.
            if not row or row == ["\x1a"] or (len(row) == 1 and not row[0].strip()):
                continue
            records.append((line, row))
    except csv.Error as exc:
        raise DataError(f"not a well-formed OFAC CSV file: {exc}", path, reader.line_num) from None
    if not records:
        raise DataError("empty: not an OFAC SDN file (sdn.csv, alt.csv or add.csv)", path, 1)
    line, first = records[0]
    role = _ROLES.get(len(first))
    if role is None:
        raise DataError(
            f"not an OFAC SDN file: its first record has {len(first)} fields; sdn.csv has {len(SDN_FIELDS)} "
            f"({', '.join(SDN_FIELDS)}), alt.csv {len(ALT_FIELDS)}, add.csv {len(ADD_FIELDS)}",
            path,
            line,
        )
    names = {len(SDN_FIELDS): SDN_FIELDS, len(ALT_FIELDS): ALT_FIELDS, len(ADD_FIELDS): ADD_FIELDS}[len(first)]
    if [f.strip().lower() for f in first] == [n.lower() for n in names]:
        records.pop(0)  # a header row, which some copies add
    for line, row in records:
        if len(row) != len(names):
            missing = f"; its last is {names[len(row) - 1]}" if 0 < len(row) < len(names) else ""
            raise DataError(
                f"{role} record has {len(row)} fields, not {len(names)} ({', '.join(names)}){missing}", path, line
            )
        if not row[0].strip().isdigit():
            raise DataError(f"{role}: {names[0]} must be a number, not '{row[0].strip()}'", path, line)
    return _CsvFile(path, role, sha, records)


def _remark_names(remarks: str, sha: str) -> list[ListName]:
    out = []
    for letter, name in _REMARK_NAME.findall(remarks):
        kind = f"{letter}ka"
        # OFAC moved its weak a.k.a.s into the remarks: every name there is one.
        out.append(ListName(one_line(name), kind, "weak", True, sha256=sha))
    return out


def read_csv(paths: Sequence[str]) -> ListFile:
    """Read the SDN list from ``sdn.csv`` and, when given, ``alt.csv`` and ``add.csv``.

    Raises:
        DataError: a file that is none of the three, a record of the wrong
            width, an ent_num that is not a number, bytes that are not text
            (exit 65), each with the file and line.
        UsageError: no sdn.csv among the files, or two of one kind.
        InputMissingError: a file cannot be read (exit 66).
    """
    files: dict[str, _CsvFile] = {}
    for path in paths:
        f = _read_csv(path)
        if f.role in files:
            raise UsageError(f"{path} and {files[f.role].path} are both an OFAC {f.role}: give each file once")
        files[f.role] = f
    if "sdn.csv" not in files:
        raise UsageError("the SDN list's CSV release needs sdn.csv (alt.csv and add.csv add to it)")
    sdn = files["sdn.csv"]
    alts: dict[str, list[ListName]] = defaultdict(list)
    if "alt.csv" in files:
        alt = files["alt.csv"]
        for line, row in alt.records:
            kind = _KINDS.get(_value(row[2]).lower())
            if kind is None:
                raise DataError(f"alt.csv: alt_type must be aka, fka or nka, not '{row[2].strip()}'", alt.path, line)
            name = one_line(_value(row[3]))
            if name:
                alts[row[0].strip()].append(ListName(name, kind, sha256=alt.sha256))
    places: dict[str, list[str]] = defaultdict(list)
    if "add.csv" in files:
        for _line, row in files["add.csv"].records:
            places[row[0].strip()].append(_value(row[4]))
    entries = []
    for line, row in sdn.records:
        ent = row[0].strip()
        name = one_line(_value(row[1]))
        if not name:
            raise DataError("sdn.csv: an entry without a name (SDN_Name is empty)", sdn.path, line)
        stype = _value(row[2]).lower()
        subject = _SUBJECTS.get(stype, "other")
        programs = _programs(row[3])
        names = [ListName(name, "name", sha256=sdn.sha256), *alts.get(ent, ()), *_remark_names(_value(row[11]), sdn.sha256)]
        entries.append(
            ListEntry(
                list=LIST,
                record=ent,
                subject=subject,
                names=tuple(names),
                countries=countries(places.get(ent, [])),
                programs=programs,
                designations=tuple(DESIGNATIONS[p] for p in programs if p in DESIGNATIONS),
                listed=None,
                url=ENTRY_URL.format(ent),
                where=f"{sdn.path}:{line}",
            )
        )
    order = ("sdn.csv", "alt.csv", "add.csv")
    return ListFile(
        LIST,
        tuple((files[r].path, files[r].sha256) for r in order if r in files),
        tuple(entries),
        counts=dict(Counter(e.subject for e in entries)),
    )


# -- the advanced XML ------------------------------------------------------------

_XML_WHAT = "OFAC's advanced SDN XML (sdn_advanced.xml)"
_XML_KINDS = {"name": "name", "a.k.a.": "aka", "f.k.a.": "fka", "n.k.a.": "nka"}


@dataclass(slots=True)
class _Refs:
    """The reference value sets: id -> value."""

    values: dict[str, dict[str, Node]] = field(default_factory=dict)

    def text(self, kind: str, ref: str | None, node: Node, path: str) -> str:
        item = self.values.get(kind, {}).get(ref or "")
        if item is None:
            raise DataError(
                f"<{node.tag}> refers to {kind} {ref!r}, which <ReferenceValueSets> does not define",
                path,
                node.line,
                node.col,
            )
        return item.text

    def attr(self, kind: str, ref: str, name: str) -> str:
        item = self.values.get(kind, {}).get(ref)
        return item.attrs.get(name, "") if item is not None else ""


def _date(node: Node | None) -> str | None:
    if node is None:
        return None
    try:
        y, m, d = (int(node.findtext(k)) for k in ("Year", "Month", "Day"))
    except ValueError:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


@dataclass(slots=True)
class _Party:
    record: str
    subject: str
    names: list[ListName]
    where: str


def _subject(refs: _Refs, profile: Node, path: str) -> str:
    sub_id = profile.attrs.get("PartySubTypeID", "")
    sub = refs.text("PartySubType", sub_id, profile, path)
    if sub == "Unknown":
        sub = refs.text("PartyType", refs.attr("PartySubType", sub_id, "PartyTypeID"), profile, path)
    return {"Entity": "organisation", "Individual": "individual", "Vessel": "vessel", "Aircraft": "aircraft"}.get(
        sub, "other"
    )


def _party(refs: _Refs, party: Node, path: str) -> _Party:
    profile = party.find("Profile")
    if profile is None:
        raise DataError("<DistinctParty> has no <Profile>", path, party.line, party.col)
    record = profile.attrs.get("ID") or party.attrs.get("FixedRef", "")
    subject = _subject(refs, profile, path)
    primary: list[ListName] = []
    others: list[ListName] = []
    for identity in profile.findall("Identity"):
        for alias in identity.findall("Alias"):
            kind = _XML_KINDS.get(refs.text("AliasType", alias.attrs.get("AliasTypeID"), alias, path).lower(), "aka")
            weak = alias.attrs.get("LowQuality", "false").lower() == "true"
            first = kind == "name" and alias.attrs.get("Primary", "false").lower() == "true"
            for doc in alias.findall("DocumentedName"):
                parts = [v for p in doc.findall("DocumentedNamePart") for v in p.findall("NamePartValue")]
                text = one_line(" ".join(v.text for v in parts if v.text))
                if not text:
                    continue
                scripts = {refs.attr("Script", v.attrs.get("ScriptID", ""), "ScriptCode") for v in parts}
                # The file's SHA-256 is known once it is read whole: it is filled in then.
                name = ListName(
                    text, kind, "weak" if weak else "strong", weak, native=bool(scripts - {"", "Latn"})
                )
                (primary if first and not primary else others).append(name)
    names = primary + others
    if not names:
        raise DataError(
            f"<DistinctParty> {record} has no name (no <Alias> with a <DocumentedName>)", path, party.line, party.col
        )
    if names[0].kind != "name":
        names[0] = ListName(names[0].text, "name", names[0].quality, names[0].weak, native=names[0].native)
    return _Party(record, subject, names, f"{path}:{party.line}")


def read_xml(path: str) -> ListFile:
    """Read the SDN list from OFAC's advanced XML.

    Raises:
        DataError: not well-formed or cut short, another root element, a
            reference to a value the file does not define, a party without a
            name, DTDs or entities (exit 65), with the line and column.
        InputMissingError: the file cannot be read (exit 66).
    """
    refs = _Refs()
    parties: dict[str, _Party] = {}
    programs: dict[str, list[str]] = defaultdict(list)
    listed: dict[str, str] = {}
    issued: str | None = None
    doc = XmlList(path)
    counts: Counter[str] = Counter()
    records = {"DateOfIssue", "ReferenceValueSets", "DistinctParty", "SanctionsEntry"}
    for node in read_records(path, {"Sanctions": None}, _XML_WHAT, records, doc):
        if node.tag == "DateOfIssue":
            issued = _date(node)
        elif node.tag == "ReferenceValueSets":
            for values in node.children:
                kind = values.tag.removesuffix("Values")
                refs.values[kind] = {v.attrs.get("ID", ""): v for v in values.children}
        elif node.tag == "DistinctParty":
            party = _party(refs, node, path)
            counts[party.subject] += 1
            if party.subject == "organisation":
                parties[party.record] = party
        else:
            profile = node.attrs.get("ProfileID", "")
            for measure in node.findall("SanctionsMeasure"):
                mtype = refs.values.get("SanctionsType", {}).get(measure.attrs.get("SanctionsTypeID", ""))
                comment = measure.findtext("Comment")
                if comment and (mtype is None or mtype.text == "Program"):
                    programs[profile].append(comment)
            dates = sorted(d for d in (_date(e.find("Date")) for e in node.findall("EntryEvent")) if d)
            if dates and (profile not in listed or dates[0] < listed[profile]):
                listed[profile] = dates[0]
    if doc.root is None:  # pragma: no cover - read_records raises first
        raise DataError(f"not {_XML_WHAT}", path, 1, 1)
    entries = []
    for record, party in parties.items():
        progs = tuple(dict.fromkeys(programs.get(record, ())))
        entries.append(
            ListEntry(
                list=LIST,
                record=record,
                subject="organisation",
                names=tuple(party.names),
                programs=progs,
                designations=tuple(DESIGNATIONS[p] for p in progs if p in DESIGNATIONS),
                listed=listed.get(record),
                url=ENTRY_URL.format(record),
                where=party.where,
            )
        )
    return ListFile(LIST, ((path, doc.sha256),), stamped(entries, doc.sha256), issued, dict(counts))


def read(paths: Sequence[str]) -> ListFile:
    """Read the SDN list from its CSV files or its advanced XML, whichever ``paths`` are.

    Raises:
        UsageError: the XML together with other files.
        DataError, InputMissingError: as :func:`read_csv` and :func:`read_xml`.
    """
    xml = [p for p in paths if _looks_xml(p)]
    if xml and len(paths) > 1:
        raise UsageError("give either the advanced XML alone or the CSV files (sdn.csv, alt.csv, add.csv)")
    return read_xml(xml[0]) if xml else read_csv(paths)


def _looks_xml(path: str) -> bool:
    with open_input(path) as fh:
        head = fh.read(64)
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
