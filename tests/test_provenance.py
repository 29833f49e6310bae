"""Aliases read from an official list: ``weak`` and ``provenance`` are read, validated, kept by fmt and merge."""

from __future__ import annotations

from pathlib import Path

import pytest

from aliasctl.edit import fmt, merge_from
from aliasctl.errors import RegistryError
from aliasctl.registry import load_strict
from aliasctl.registry.model import Provenance
from aliasctl.registry.proposals import proposals_file, render_entity

FIXTURE = Path(__file__).parent / "fixtures" / "registry" / "provenance.yaml"
TEXT = FIXTURE.read_text(encoding="utf-8")
HEAD = "schema: 1\nentities:\n  - id: hezbollah\n    name: Hezbollah\n    kind: armed-group\n    aliases:\n"


def test_weak_and_provenance_are_read() -> None:
    strong, weak = load_strict(TEXT, "p.yaml").entities[0].aliases
    assert not strong.weak and strong.provenance == Provenance("ofac-sdn", "6365", "aka")
    assert weak.weak
    assert weak.provenance == Provenance(
        "ofac-sdn", "6365", "aka", "weak", "1997-10-08", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    )


def test_fmt_keeps_them_and_is_stable() -> None:
    once = fmt(TEXT, "p.yaml").text
    assert fmt(once, "p.yaml").text == once
    assert load_strict(once, "p.yaml").entities == load_strict(TEXT, "p.yaml").entities


def test_merge_from_carries_them_over() -> None:
    base = "schema: 1\nentities:\n  - id: hezbollah\n    name: Hezbollah\n    kind: armed-group\n"
    merged = load_strict(merge_from(base, TEXT).text, "m.yaml").entities[0]
    assert [(a.text, a.weak, a.provenance) for a in merged.aliases] == [
        (a.text, a.weak, a.provenance) for a in load_strict(TEXT, "p.yaml").entities[0].aliases
    ]


def test_the_proposals_writer_writes_them_back_unchanged() -> None:
    ent = load_strict(TEXT, "p.yaml").entities[0]
    again = load_strict(proposals_file([], [render_entity(ent, proposed=False, notes=True)]), "q.yaml")
    assert [(a.text, a.weak, a.source, a.provenance) for a in again.entities[0].aliases] == [
        (a.text, a.weak, a.source, a.provenance) for a in ent.aliases
    ]


@pytest.mark.parametrize(
    ("alias", "message"),
    [
        ("{text: X, provenance: {list: ofac-sdn}}", "has no 'record'"),
        ("{text: X, provenance: {list: OFAC, record: '1'}}", "must be a lower-case name such as ofac-sdn"),
        ("{text: X, provenance: {list: un-sc, record: QDe.1, kind: alias}}", "unknown kind 'alias'"),
        ("{text: X, provenance: {list: un-sc, record: QDe.1, quality: bad}}", "unknown quality 'bad'"),
        ("{text: X, provenance: {list: un-sc, record: QDe.1, sha256: abc}}", "must be 64 lower-case hex digits"),
        ("{text: X, provenance: {list: un-sc, record: QDe.1, listed: 2001-13-01}}", "is not a date written YYYY-MM-DD"),
        ("{text: X, provenance: {list: un-sc, record: QDe.1, page: 3}}", "unknown field 'page'"),
        ("{text: X, weak: yes please}", "weak must be true or false"),
    ],
)
def test_bad_provenance_is_refused_with_its_place(alias: str, message: str) -> None:
    with pytest.raises(RegistryError) as err:
        load_strict(HEAD + f"      - {alias}\n", "p.yaml")
    assert message in err.value.message
    assert err.value.line == 7


DESIGNATED = (
    "schema: 1\nentities:\n  - id: hezbollah\n    name: Hezbollah\n    kind: armed-group\n    designations:\n"
    "      - {list: us-sdgt, date: 2001-10-31, ref: '6365', url: 'https://sanctionssearch.ofac.treas.gov/Details.aspx?id=6365'}\n"
)


def test_merge_from_adds_designations_to_an_entity_here_once() -> None:
    base = "schema: 1\nentities:\n  - id: hezbollah\n    name: Hezbollah\n    kind: armed-group\n"
    edit = merge_from(base, DESIGNATED)
    assert edit.report == ("hezbollah: +1 designations",)
    [des] = load_strict(edit.text, "m.yaml").entities[0].designations
    assert (des.code, des.date, des.ref) == ("us-sdgt", "2001-10-31", "6365")
    assert not merge_from(edit.text, DESIGNATED).changed


def test_merge_from_writes_the_designations_of_a_new_entity() -> None:
    base = "schema: 1\nentities:\n  - id: hamas\n    name: Hamas\n    kind: armed-group\n"
    merged = load_strict(merge_from(base, DESIGNATED).text, "m.yaml")
    assert [d.code for d in merged.entities[1].designations] == ["us-sdgt"]


def test_merging_two_entities_keeps_the_designations_of_both() -> None:
    from aliasctl.edit import merge

    text = DESIGNATED + "  - id: hizbullah\n    name: Hizbullah\n    kind: armed-group\n    designations:\n"
    text += "      - {list: us-fto, date: 1997-10-08, url: 'https://www.state.gov/foreign-terrorist-organizations/'}\n"
    merged = load_strict(merge(text, "hizbullah", "hezbollah").text, "m.yaml")
    assert [d.code for d in merged.entities[0].designations] == ["us-sdgt", "us-fto"]
