"""aliasctl import: each list read in its published layout, matched, proposed, reviewed and applied."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from aliasctl import Resolver, load_registry
from aliasctl.cli import main
from aliasctl.cluster.review import Decision, review_proposals
from aliasctl.edit import merge_from
from aliasctl.imports import propose, read_list
from aliasctl.registry import load_strict

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
OFAC = FIXTURES / "ofac"
OFAC_CSV = [str(OFAC / "sdn.csv"), str(OFAC / "alt.csv"), str(OFAC / "add.csv")]
UN = str(FIXTURES / "un" / "consolidated.xml")
EU = str(FIXTURES / "eu" / "export.xml")
UK = str(FIXTURES / "uk" / "UK-Sanctions-List.xml")

REGISTRY = """\
schema: 1
entities:
  - id: hezbollah
    name: Hezbollah
    kind: armed-group
    countries: [LB]
    aliases:
      - Hizballah
      - Party of God
  - id: hamas
    name: Hamas
    kind: armed-group
    countries: [PS]
    aliases:
      - Islamic Resistance Movement
  - id: izz-ad-din-al-qassam-brigades
    name: Izz ad-Din al-Qassam Brigades
    kind: wing
    aliases:
      - Izz al-Din al-Qassam Brigades
  - id: taliban
    name: Taliban
    kind: armed-group
    countries: [AF]
  - id: jaish-e-mohammed
    name: Jaish-e-Mohammed
    kind: armed-group
    countries: [PK]
    aliases:
      - Jaish-i-Mohammed
      - {text: JeM, type: acronym}
"""


@pytest.fixture
def reg(tmp_path: Path) -> Path:
    path = tmp_path / "aliases.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    return path


def _by_record(lf, record):  # type: ignore[no-untyped-def]
    return next(e for e in lf.entries if e.record == record)


# -- reading each list ---------------------------------------------------------


def test_ofac_csv_reads_nulls_programmes_and_the_weak_akas_in_the_remarks() -> None:
    lf = read_list("ofac", list(reversed(OFAC_CSV)))  # told apart by width, not by order or name
    assert [p for p, _ in lf.files] == OFAC_CSV
    assert lf.counts == {"individual": 1, "vessel": 1, "organisation": 7}
    hizb = _by_record(lf, "4697")
    assert hizb.subject == "organisation"  # SDN_Type -0- is an entity
    assert hizb.programs == ("FTO", "SDGT", "SYRIA")
    assert hizb.designations == ("us-fto", "us-sdgt")
    assert hizb.url == "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=4697"
    weak = [n.text for n in hizb.names if n.weak]
    assert weak[:3] == ["LH", "FOREIGN RELATIONS DEPARTMENT", "FRD"]
    assert all(n.quality == "weak" for n in hizb.names if n.weak)
    assert "PARTY OF GOD" in [n.text for n in hizb.names if not n.weak]
    bank = _by_record(lf, "4642")
    assert [n.kind for n in bank.names] == ["name", "fka", "fka"]
    assert bank.countries == ("GB", "IR")
    assert _by_record(lf, "4243").subject == "vessel"


def test_ofac_advanced_xml_reads_the_primary_name_first_and_the_low_quality_flag() -> None:
    lf = read_list("ofac", [str(OFAC / "sdn_advanced.xml")])
    assert lf.issued == "2026-05-04"
    assert lf.counts == {"individual": 1, "organisation": 1}
    [hizb] = lf.entries
    assert [(n.text, n.kind, n.weak) for n in hizb.names] == [
        ("HIZBALLAH", "name", False),
        ("PARTY OF GOD", "aka", False),
        ("HIZBALLAH INTERNATIONAL", "aka", False),
        ("FOREIGN ACTION UNIT", "aka", True),
    ]
    assert (hizb.programs, hizb.listed) == (("FTO", "SDGT"), "1995-01-23")
    assert {n.sha256 for n in hizb.names} == {lf.files[0][1]}


def test_un_splits_alias_names_and_marks_low_quality_ones() -> None:
    lf = read_list("un", [UN])
    assert lf.issued == "2026-02-27"
    front = _by_record(lf, "QDe.999")
    assert [(n.text, n.kind, n.quality, n.weak) for n in front.names] == [
        ("EXAMPLE VALLEY FRONT", "name", None, False),
        ("Valley Front for Examples", "aka", None, False),
        ("Jabhat al-Wadi al-Mithali", "aka", None, False),
        ("The Front", "aka", "low", True),
    ]
    assert front.countries == ("IR",)  # "Iran (Islamic Republic of)"
    ansar = _by_record(lf, "QDe.098")
    assert (ansar.names[1].text, ansar.names[1].native) == ("أنصار الاسلام", True)
    assert (ansar.designations, ansar.listed) == (("un-1267",), "2003-02-24")
    assert _by_record(lf, "IRe.052").designations == ()


def test_eu_reads_language_codes_the_strong_flag_and_the_act_that_published_it() -> None:
    lf = read_list("eu", [EU])
    ano = _by_record(lf, "EU.TEST.1")
    assert [(n.text, n.lang, n.weak) for n in ano.names] == [
        ("Abu Nidal Organisation", "en", False),
        ("Fatah Revolutionary Council", "en", False),
        ("Organisation Abou Nidal", "fr", False),
        ("ANO", None, True),
    ]
    assert ano.url == "https://eur-lex.europa.eu/LexUriServ/LexUriServ.do?uri=OJ:L:2002:160:0032:0033:EN:PDF"
    assert (ano.designations, ano.listed) == (("eu",), "2002-06-18")
    assert _by_record(lf, "EU.TEST.3").subject == "individual"


def test_uk_reads_name_types_in_any_case_and_alias_strength() -> None:
    lf = read_list("uk", [UK])
    jem = _by_record(lf, "AQD9001")
    assert [(n.text, n.weak, n.lang, n.native) for n in jem.names] == [
        ("JAISH-I-MOHAMMED", False, None, False),
        ("Army of Mohammed", False, None, False),
        ("JeM", True, None, False),  # NameType "ALias", "Low quality a.k.a"
        ("جيش محمد", False, "ur", True),
    ]
    assert (jem.listed, jem.countries) == ("2001-10-17", ("PK",))
    assert lf.counts == {"organisation": 1, "individual": 1, "vessel": 1}


# -- matching and proposing ------------------------------------------------------


def test_proposals_add_missing_names_with_provenance_and_propose_new_entities(reg: Path) -> None:
    registry = load_registry(reg)
    result = propose(read_list("ofac", OFAC_CSV), Resolver(registry), registry)
    props = {p.entity_id: p for p in result.proposals}
    hizb = props["hezbollah"]
    assert hizb.sure and not hizb.new
    added = {a.text: a for a in hizb.aliases}
    assert "HIZBALLAH" not in added and "PARTY OF GOD" not in added  # it has them
    lh = added["LH"]
    assert (lh.weak, lh.type, lh.source) == (True, "acronym", "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=4697")
    assert (lh.provenance.list, lh.provenance.record, lh.provenance.kind, lh.provenance.quality) == (
        "ofac-sdn", "4697", "aka", "weak",
    )  # fmt: skip
    # A name another entity holds is left out and said so: it would clash on merge.
    hamas = props["hamas"]
    assert not hamas.sure
    assert "IZZ AL-DIN AL QASSAM BRIGADES" not in {a.text for a in hamas.aliases}
    assert "izz-ad-din-al-qassam-brigades" in " ".join(hamas.notes)
    rira = props["real-ira"]
    assert rira.new and not rira.sure
    assert [a.text for a in rira.aliases] == ["REAL IRISH REPUBLICAN ARMY", "RIRA", "32 COUNTY SOVEREIGNTY COMMITTEE"]
    text = result.text("sdn.csv, alt.csv, add.csv")
    loaded = load_strict(text, "proposals.yaml")
    assert all(e.proposed for e in loaded.entities)
    assert "no listing date in the file" in text  # the CSV release has none


def test_weak_names_are_never_evidence(reg: Path) -> None:
    # Only weak names tie the EU's ANO entry to nothing: they must not make a match.
    registry = load_registry(reg)
    result = propose(read_list("eu", [EU]), Resolver(registry), registry)
    ano = next(p for p in result.proposals if p.entries[0].record == "EU.TEST.1")
    assert ano.new
    assert [(a.text, a.weak) for a in ano.aliases][-1] == ("ANO", True)


def test_program_filters_and_countries_break_ties(reg: Path) -> None:
    registry = load_registry(reg)
    result = propose(read_list("un", [UN]), Resolver(registry), registry, programs=["1267"])
    assert result.filtered == 1  # IRe.052, an Iran list entry
    assert result.skipped == {"individual": 1}
    jem = next(p for p in result.proposals if p.entity_id == "jaish-e-mohammed")
    assert [(d.code, d.date, d.ref) for d in jem.designations] == [("un-1267", "2001-10-17", "QDe.019")]
    fto = propose(read_list("ofac", OFAC_CSV), Resolver(registry), registry, programs=["fto"])
    assert "taliban" not in {p.entity_id for p in fto.proposals}  # SDGT only


# -- the command line --------------------------------------------------------------


def test_import_apply_merges_the_sure_ones_and_writes_the_rest(reg: Path, tmp_path: Path) -> None:
    out = tmp_path / "proposals.yaml"
    result = CliRunner().invoke(
        main, ["--registry", str(reg), "import", "ofac", *OFAC_CSV, "--apply", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "applied to" in result.stderr and "hezbollah: +" in result.stderr
    here = load_registry(reg)
    hizb = here.get("hezbollah")
    assert hizb is not None and "EXTERNAL SECURITY ORGANIZATION" in {a.text for a in hizb.aliases}
    assert all(not e.proposed for e in here.entities)
    left = load_strict(out.read_text(encoding="utf-8"), str(out))
    # Matched with doubt (hamas: a name of it is another entity's) or new: left for review.
    assert {e.id for e in left.entities} == {
        "hamas", "bank-saderat-plc", "real-ira", "al-qaida", "kurdistan-workers-party",
    }  # fmt: skip


def test_review_then_merge_brings_designations_and_provenance_in(reg: Path, tmp_path: Path) -> None:
    out = tmp_path / "proposals.yaml"
    result = CliRunner().invoke(main, ["--registry", str(reg), "import", "un", UN, "-o", str(out)])
    assert result.exit_code == 0, result.output
    registry = load_registry(reg)
    review = review_proposals(out, Resolver(registry), ask=lambda p: Decision("accept"), show=lambda item: None)
    assert review.left == 0
    merged = load_strict(merge_from(reg.read_text(encoding="utf-8"), out.read_text(encoding="utf-8")).text, "m")
    jem = merged.get("jaish-e-mohammed")
    assert jem is not None and [d.code for d in jem.designations] == ["un-1267"]
    front = merged.get("example-valley-front")
    assert front is not None and front.proposed is False
    weak = next(a for a in front.aliases if a.text == "The Front")
    assert weak.weak and weak.provenance is not None and weak.provenance.quality == "low"


def test_an_existing_proposals_file_is_kept_without_force(reg: Path, tmp_path: Path) -> None:
    out = tmp_path / "proposals.yaml"
    out.write_text("review in progress\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--registry", str(reg), "import", "uk", UK, "-o", str(out)])
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "review in progress\n"


# -- bad input: a clear error naming the file and the place, exit 65, nothing written ------


def _bad(tmp_path: Path, name: str, content: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    return str(path)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<CONSOLIDATED_LIST><ENTITIES><ENTITY><FIRST_NAME>&lol3;</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<CONSOLIDATED_LIST><ENTITIES><ENTITY><FIRST_NAME>&xxe;</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>
"""


@pytest.mark.parametrize(
    ("list_name", "name", "content", "where", "message"),
    [
        ("ofac", "sdn.csv", b'1,"A","B","C","D","E","F"\r\n', ":1: ", "its first record has 7 fields"),
        (
            "ofac",
            "sdn.csv",
            (OFAC / "sdn.csv").read_bytes().replace(b',"FTO] [SDGT",-0- ,', b',"FTO] [SDGT",', 1),
            ":4: ",
            "sdn.csv record has 11 fields, not 12",
        ),
        ("un", "eu.xml", (FIXTURES / "eu" / "export.xml").read_bytes(), ":7:1: ", "its root element is <export>"),
        ("un", "cut.xml", Path(UN).read_bytes()[:3000], "", "the file is cut short"),
        ("un", "entity.xml", b"<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID></ENTITY></ENTITIES></CONSOLIDATED_LIST>", ":1:30: ", "<ENTITY> has no <REFERENCE_NUMBER>"),
        ("un", "laughs.xml", BILLION_LAUGHS, ":2:", "declares a DTD or entities"),
        ("un", "xxe.xml", EXTERNAL_ENTITY, ":2:", "declares a DTD or entities"),
        ("ofac", "adv.xml", Path(OFAC / "sdn_advanced.xml").read_bytes().replace(b'AliasTypeID="1403"', b'AliasTypeID="77"'), ":", "refers to AliasType '77'"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_exit_65_and_writes_nothing(
    reg: Path, tmp_path: Path, list_name: str, name: str, content: bytes, where: str, message: str
) -> None:
    path = _bad(tmp_path, name, content)
    out = tmp_path / "proposals.yaml"
    before = reg.read_bytes()
    result = CliRunner().invoke(main, ["--registry", str(reg), "import", list_name, path, "--apply", "-o", str(out)])
    assert result.exit_code == 65, result.output
    [line] = result.stderr.splitlines()
    assert line.startswith(f"aliasctl: error: {path}{where}")
    assert message in line
    assert not out.exists()
    assert reg.read_bytes() == before
