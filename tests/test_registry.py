"""Strict registry loading: each bad input gives one located error (RELIABILITY 1-6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aliasctl import RegistryError, load_registry
from aliasctl.errors import InputMissingError

from .conftest import REGISTRY_FIXTURES as R

BAD = [
    ("python-tag.yaml", 6, 15, "YAML tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed"),
    ("duplicate-key.yaml", 7, 5, "duplicate key 'aliases' in an entity (first at line 6)"),
    ("duplicate-id.yaml", 6, 9, "duplicate entity id 'x' (first at line 3)"),
    (
        "yaml11-bool.yaml",
        8,
        9,
        "an alias of entity 'x' is NO, which YAML reads as a boolean; quote it: \"NO\"",
    ),
    (
        "yaml11-float.yaml",
        7,
        9,
        "an alias of entity 'x' is 1.10, which YAML reads as a number; quote it: \"1.10\"",
    ),
    (
        "yaml11-date.yaml",
        7,
        9,
        "an alias of entity 'x' is 2001-12-14, which YAML reads as a date; quote it: \"2001-12-14\"",
    ),
    ("anchor.yaml", 3, 5, "YAML anchors and aliases (&name, *name) are not allowed"),
    # Refused before anything is expanded (expanding it would build 9**9 nodes).
    ("alias-bomb.yaml", 3, 7, "YAML anchors and aliases (&name, *name) are not allowed"),
    (
        "syntax.yaml",
        7,
        1,
        "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)",
    ),
    ("cp1252.yaml", 4, 14, "not UTF-8 at line 4: byte 0xE9 (save the file as UTF-8)"),
    ("control-char.yaml", 4, 14, "control character U+0001 is not allowed"),
    ("escaped-control.yaml", 4, 11, "name of entity 'x' holds the control character U+001B"),
    ("non-specific-tag.yaml", 6, 15, "YAML tags (!) are not allowed"),
    (
        "unknown-field.yaml",
        6,
        5,
        "unknown field 'colour' in an entity (allowed: id, name, kind, countries, ids, active, "
        "aliases, relations, designations, sources, notes, audit-ignore, proposed)",
    ),
    ("bad-id.yaml", 3, 9, "id 'Bad_Id' must be lower-case words joined by hyphens ([a-z0-9-])"),
    (
        "bad-kind.yaml",
        5,
        11,
        "unknown kind 'militia' (one of armed-group, front, coalition, wing, party, state-force)",
    ),
    ("bad-country.yaml", 6, 17, "'IRQ' is not an ISO 3166-1 alpha-2 country code"),
    (
        "bad-alias-type.yaml",
        7,
        25,
        "unknown alias type 'nickname' (one of translit, translation, acronym, "
        "native, former-name, misspelling)",
    ),
]


@pytest.mark.parametrize(("name", "line", "col", "message"), BAD)
def test_bad_registry_is_one_located_error(name: str, line: int, col: int, message: str) -> None:
    with pytest.raises(RegistryError) as info:
        load_registry(R / name)
    err = info.value
    assert (err.line, err.col, err.message) == (line, col, message)
    assert str(err) == f"{R / name}:{line}:{col}: {message}"


def test_python_tag_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    reg = tmp_path / "r.yaml"
    reg.write_text(
        f"schema: 1\nentities: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8"
    )
    with pytest.raises(RegistryError):
        load_registry(reg)
    assert not marker.exists()


def test_bom_is_accepted() -> None:
    assert [e.id for e in load_registry(R / "bom.yaml").entities] == ["x"]


def test_missing_file_is_input_missing(tmp_path: Path) -> None:
    with pytest.raises(InputMissingError) as info:
        load_registry(tmp_path / "nope.yaml")
    assert info.value.exit_code == 66


def test_lenient_load_collects_every_problem(tmp_path: Path) -> None:
    reg = tmp_path / "r.yaml"
    reg.write_text(
        "schema: 1\nentities:\n  - id: A\n    name: X\n    kind: gang\n    countries: [ZZ]\n",
        encoding="utf-8",
    )
    problems = load_registry(reg, strict=False).problems
    assert [(p.line, p.col) for p in problems] == [(3, 9), (5, 11), (6, 17)]


def test_good_registry_model(good_path: Path) -> None:
    reg = load_registry(good_path)
    kh = reg.get("kataib-hezbollah")
    assert kh is not None
    assert kh.countries == ("IQ",)
    assert [a.type for a in kh.aliases] == ["translit", "translation", "acronym", "native", "translit"]
    assert kh.aliases[3].lang == "ar"
    assert kh.aliases[4].shared is True
    assert kh.aliases[1].line == 10
    assert kh.relations[0].target == "popular-mobilization-forces"
    assert reg.get("kh-old") is kh
    assert reg.get("nobody") is None
    assert len(reg.sha256) == 64


def test_registry_selection_order(good_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ALIASCTL_REGISTRY", str(good_path))
    assert load_registry().path == str(good_path)
    assert load_registry(R / "bom.yaml").path == str(R / "bom.yaml")
    monkeypatch.delenv("ALIASCTL_REGISTRY")
    assert load_registry().path.endswith("aliasctl/data/aliases.yaml")


def test_strict_loading_reports_the_problem_nearest_the_top() -> None:
    from aliasctl.registry import load_strict

    # The duplicate id is found after the walk, the unknown kind during it.
    text = (
        "schema: 1\nentities:\n"
        "  - id: x\n    name: X\n    kind: front\n"
        "  - id: x\n    name: X2\n    kind: front\n"
        "  - id: y\n    name: Y\n    kind: gang\n"
    )
    with pytest.raises(RegistryError) as info:
        load_strict(text, "r.yaml")
    assert (info.value.line, info.value.col) == (6, 9)
    assert "duplicate entity id 'x' (first at line 3)" in str(info.value)


@pytest.mark.parametrize(
    ("start", "live_id"),
    [("c", "c"), ("a", "c"), ("b", "c"), ("loop1", None), ("gone", None), ("nobody", None)],
)
def test_follow_redirects(start: str, live_id: str | None) -> None:
    from aliasctl.registry import follow_redirects

    redirects = {"a": "b", "b": "c", "loop1": "loop2", "loop2": "loop1", "gone": "missing"}
    assert follow_redirects(start, {"c"}, redirects) == live_id


# -- provenance, outside ids, active years, designations ----------------------

_HEAD = "schema: 1\nentities:\n  - id: x\n    name: X\n    kind: front\n"
_SOURCES = "    sources:\n      - https://example.org/a\n      - https://example.org/b\n"
_LISTS = "us-fto, us-sdgt, un-1267"


def _first_problem(body: str) -> tuple[int, int, str]:
    from aliasctl.registry import load_strict

    with pytest.raises(RegistryError) as info:
        load_strict(_HEAD + body, "r.yaml")
    return info.value.line or 0, info.value.col or 0, info.value.message


CITED = [
    # A source by position must name one of the entity's sources.
    (
        "    aliases:\n      - {text: Y, source: 3}\n" + _SOURCES,
        (7, 27, "source 3 of entity 'x' is not one of its sources (it has 2)"),
    ),
    (
        "    aliases:\n      - {text: Y, source: 0}\n",
        (7, 27, "source 0 of entity 'x' is not one of its sources (it has none)"),
    ),
    # Outside ids: Wikidata items and UCDP numbers have a form.
    ("    ids:\n      wikidata: 7225\n", (7, 17, "the wikidata id of entity 'x' must be a Wikidata item such as Q7225, not '7225'")),
    ("    ids:\n      wikidata: q7225\n", (7, 17, "the wikidata id of entity 'x' must be a Wikidata item such as Q7225, not 'q7225'")),
    ("    ids:\n      wikidata: Q07225\n", (7, 17, "the wikidata id of entity 'x' must be a Wikidata item such as Q7225, not 'Q07225'")),
    ("    ids:\n      ucdp: '309'\n", (7, 13, "the ucdp id of entity 'x' must be a UCDP actor id, a whole number such as 309, not '309'")),
    ("    ids:\n      ucdp: 0\n", (7, 13, "the ucdp id of entity 'x' must be a UCDP actor id, a whole number such as 309, not 0")),
    ("    ids:\n      Wiki_Data: Q1\n", (7, 7, "'Wiki_Data' in ids of entity 'x' is not a lower-case name such as wikidata, ucdp")),
    ("    ids:\n      wikidata: {source: 1}\n" + _SOURCES, (7, 17, "the wikidata id of entity 'x' has no 'id'")),
    (
        "    ids:\n      wikidata: {id: Q1, source: 5}\n" + _SOURCES,
        (7, 34, "source 5 of entity 'x' is not one of its sources (it has 2)"),
    ),
    ("    ids: [Q1]\n", (6, 10, "ids of entity 'x' must be a mapping, not a list")),
    # Active years.
    ("    active: {from: 2020, to: 2019}\n", (6, 30, "active of entity 'x' ends (2019) before it starts (2020)")),
    ("    active: {from: 1700}\n", (6, 20, "'from' in active of entity 'x' is 1700, not a year from 1800 to "
                                  + str(__import__("datetime").date.today().year))),
    ("    active: {from: '1964'}\n", (6, 20, "'from' in active of entity 'x' must be a whole number, not a string: '1964'")),
    ("    active: {source: 1}\n" + _SOURCES, (6, 13, "active of entity 'x' needs 'from' or 'to' (a year)")),
    ("    active: {from: 1964, until: 1970}\n", (6, 26, "unknown field 'until' in active of entity 'x' (allowed: from, to, source)")),
    # Designations.
    (
        "    designations:\n      - {list: us-terror, date: 1997-10-08, url: https://example.org/l}\n",
        (7, 16, f"unknown designation list 'us-terror' (one of {_LISTS}, un-1518, un-1533, un-1591, "
         "un-1970, un-1988, un-2127, un-2140, un-2206, un-2653, un-2713, eu, eu-isil-aq, uk, ca, au, in)"),
    ),
    (
        "    designations:\n      - {list: us-fto, url: https://example.org/l}\n",
        (7, 9, "a designation of entity 'x' has no 'date'"),
    ),
    (
        "    designations:\n      - {list: us-fto, date: 1997-13-08, url: https://example.org/l}\n",
        (7, 30, "the date of a designation of entity 'x' '1997-13-08' is not a date written YYYY-MM-DD"),
    ),
    (
        "    designations:\n      - {list: us-fto, date: 8 October 1997, url: https://example.org/l}\n",
        (7, 30, "the date of a designation of entity 'x' '8 October 1997' is not a date written YYYY-MM-DD"),
    ),
    (
        "    designations:\n      - {list: us-fto, date: 1997-10-08, url: http://example.org/l}\n",
        (7, 47, "the url of a designation of entity 'x' must be an https:// address, not 'http://example.org/l'"),
    ),
    (
        "    designations:\n      - {list: uk, date: 2001-03-29, revoked: 2000-01-01, url: https://e.org/l}\n",
        (7, 47, "a designation of entity 'x' is revoked (2000-01-01) before its date (2001-03-29)"),
    ),
    (
        "    designations:\n      - {list: uk, date: 2001-03-29, url: https://e.org/l, ref: 12}\n",
        (7, 65, "the ref of a designation of entity 'x' is 12, which YAML reads as an integer; quote it: \"12\""),
    ),
]


@pytest.mark.parametrize(("body", "expected"), CITED)
def test_citation_fields_are_validated_with_a_location(body: str, expected: tuple[int, int, str]) -> None:
    assert _first_problem(body) == expected


def test_citation_fields_load_into_the_model() -> None:
    from aliasctl.registry import load_strict

    text = _HEAD + (
        "    ids:\n      wikidata: {id: Q47523, source: 1}\n      ucdp: 309\n      gtd: '20001'\n"
        "    active: {from: 1959, to: 2018, source: 2}\n"
        "    aliases:\n      - {text: Y, source: 2}\n      - {text: Z, source: https://example.org/z}\n"
        "    designations:\n"
        "      - {list: us-fto, date: 1997-10-08, revoked: 2021-11-30, ref: FTO-12, url: https://example.org/f}\n"
    ) + _SOURCES
    ent = load_strict(text, "r.yaml").entities[0]
    assert ent.outside_id("wikidata") == "Q47523"
    assert ent.outside_id("ucdp") == 309
    assert ent.outside_id("gtd") == "20001"
    assert ent.source_url(ent.ids[0].source) == "https://example.org/a"
    assert ent.active is not None
    assert (ent.active.start, ent.active.end, ent.source_url(ent.active.source)) == (
        1959, 2018, "https://example.org/b"
    )
    assert [ent.source_url(a.source) for a in ent.aliases] == ["https://example.org/b", "https://example.org/z"]
    des = ent.designations[0]
    assert (des.code, des.date, des.revoked, des.ref, des.url) == (
        "us-fto", "1997-10-08", "2021-11-30", "FTO-12", "https://example.org/f"
    )


def test_json_names_the_url_a_source_position_stands_for() -> None:
    from aliasctl.registry import as_plain, load_strict

    text = _HEAD + "    ids:\n      wikidata: Q1\n    aliases:\n      - {text: Y, source: 2}\n" + _SOURCES
    plain = as_plain(load_strict(text, "r.yaml").entities[0])
    assert plain["aliases"] == [{"text": "Y", "type": "translit", "source": "https://example.org/b"}]
    assert plain["ids"] == {"wikidata": "Q1"}
    assert "designations" not in plain and "active" not in plain


@pytest.mark.parametrize(
    ("snippet", "line", "col", "message"),
    [
        ("[&a Jaysh, *a]", 7, 15, "YAML anchors and aliases (&name, *name) are not allowed"),
        ("[Jaysh,&a Liwa]", 7, 21, "YAML anchors and aliases (&name, *name) are not allowed"),
        ("[! Jaysh]", 7, 15, "YAML tags (!) are not allowed"),
    ],
)
def test_anchors_and_tags_in_flow_lists_are_refused(
    tmp_path: Path, snippet: str, line: int, col: int, message: str
) -> None:
    # A "&" in a source's URL is no anchor; one after a flow indicator is.
    path = tmp_path / "aliases.yaml"
    path.write_text(
        "schema: 1\nentities:\n  - id: jaysh\n    name: Jaysh\n    kind: armed-group\n"
        "    sources: ['https://example.org/?a=1&b=2']\n"
        f"    aliases: {snippet}\n",
        encoding="utf-8",
    )
    with pytest.raises(RegistryError) as info:
        load_registry(path)
    assert (info.value.line, info.value.col, info.value.message) == (line, col, message)


def test_an_ampersand_in_a_url_is_no_anchor(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text(
        "schema: 1\nentities:\n  - id: jaysh\n    name: Jaysh & Co\n    kind: armed-group\n"
        "    sources: [https://example.org/?a=1&b=2]\n",
        encoding="utf-8",
    )
    assert load_registry(path).entities[0].name == "Jaysh & Co"


@pytest.mark.parametrize(
    ("escaped", "line", "col", "message"),
    [
        ("\\t", 4, 11, "name of entity 'jaysh' holds the control character U+0009"),
        ("\\u2028", 4, 11, "name of entity 'jaysh' holds the control character U+2028"),
        ("\\x85", 4, 11, "name of entity 'jaysh' holds the control character U+0085"),
        (" ", 4, 11, "name of entity 'jaysh' is empty"),
    ],
)
def test_names_that_are_not_plain_text_are_refused_as_before(
    tmp_path: Path, escaped: str, line: int, col: int, message: str
) -> None:
    # Printable names are taken at once; every other one is still checked and reported.
    path = tmp_path / "aliases.yaml"
    name = f'"Jaysh{escaped}Co"' if escaped != " " else '" "'
    path.write_text(
        f"schema: 1\nentities:\n  - id: jaysh\n    name: {name}\n    kind: armed-group\n", encoding="utf-8"
    )
    with pytest.raises(RegistryError) as info:
        load_registry(path)
    assert (info.value.line, info.value.col, info.value.message) == (line, col, message)


def test_notes_may_hold_tabs_and_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text(
        "schema: 1\nentities:\n  - id: jaysh\n    name: Jaysh\n    kind: armed-group\n"
        '    notes: "one\\ttwo\\nthree"\n    aliases: ["Jaysh\\u00a0Co", "\\u062c\\u064a\\u0634"]\n',
        encoding="utf-8",
    )
    ent = load_registry(path).entities[0]
    assert ent.notes == "one\ttwo\nthree"
    assert [(a.text, a.line, a.col) for a in ent.aliases] == [("Jaysh\u00a0Co", 7, 15), ("\u062c\u064a\u0634", 7, 32)]


def test_loading_leaves_the_garbage_collector_as_it_was(tmp_path: Path) -> None:
    # The collector is paused while a registry is read, and given back as it was, errors too.
    import gc

    bad = tmp_path / "aliases.yaml"
    bad.write_text("schema: 1\nentities:\n  - id: Bad_Id\n", encoding="utf-8")
    assert gc.isenabled()
    with pytest.raises(RegistryError):
        load_registry(bad)
    assert gc.isenabled()
    gc.disable()
    try:
        load_registry(R / "good.yaml")
        assert not gc.isenabled()
    finally:
        gc.enable()


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_what_a_paused_collector_let_be_made_is_not_walked_again_but_still_freed() -> None:
    import gc
    import weakref

    from aliasctl.registry.loader import no_gc

    gc.collect()
    with no_gc():
        made = [[i] for i in range(100_000)]
        cycle = _Node()
    # What was made went straight to the oldest generation: young collections do not walk
    # it again (a large registry's millions of objects).
    assert any(obj is made[-1] for obj in gc.get_objects(generation=2))
    gone = weakref.ref(cycle)
    del cycle
    gc.collect()
    assert gone() is None


def test_objects_a_program_froze_stay_frozen() -> None:
    import gc

    from aliasctl.registry.loader import no_gc

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with no_gc():
            [[i] for i in range(10)]
        # Still frozen (a few may have been freed meanwhile); unfrozen, the count would be 0.
        assert gc.get_freeze_count() > frozen // 2 > 0
    finally:
        gc.unfreeze()


def test_an_ascii_file_s_control_characters_are_those_the_pattern_finds(tmp_path: Path) -> None:
    from aliasctl.registry import loader

    for code in range(128):
        assert (bytes([code]) in loader._ASCII_ALLOWED) == (loader._CONTROL.search(chr(code)) is None), code
    body = "schema: 1\nentities:\n  - id: a\n    name: A\x7fB\n    kind: front\n"
    for text in (body, body.replace("name: A", "name: \u00c0")):  # ASCII, and not
        with pytest.raises(RegistryError) as err:
            loader.decode(text.encode("utf-8"), "r.yaml")
        assert (err.value.line, err.value.col, str(err.value)) == (
            4, 12, "r.yaml:4:12: control character U+007F is not allowed"
        )
