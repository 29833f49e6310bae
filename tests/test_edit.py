"""Edit operations on registry text: fmt, add, new, rename, merge, merge --from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from ruamel.yaml import YAML

from aliasctl import Resolver, edit
from aliasctl.edit.layout import locate
from aliasctl.errors import RegistryError, UsageError
from aliasctl.files import bundled_registry_path
from aliasctl.registry import load_document, parse

EDIT = Path(__file__).parent / "fixtures" / "edit"
GOOD = Path(__file__).parent / "fixtures" / "registry" / "good.yaml"


def read(name: str) -> str:
    return (EDIT / name).read_text(encoding="utf-8")


def segment(text: str, entity_id: str) -> str:
    """The lines of one entity, as the edit module finds them."""
    lay = locate(text, load_document(text, "x"))
    return lay.entity_text(lay.segment(entity_id))


def both_readers(text: str) -> tuple[Any, Any]:
    """What PyYAML and ruamel.yaml (its default YAML 1.2 safe mode) read."""
    return yaml.safe_load(text), YAML(typ="safe", pure=True).load(text)


# -- fmt ----------------------------------------------------------------------


def test_shipped_registry_is_canonical() -> None:
    text = bundled_registry_path().read_text(encoding="utf-8")
    assert not edit.fmt(text).changed


CITED = Path(__file__).parent / "fixtures" / "registry" / "cited.yaml"


@pytest.mark.parametrize("path", [GOOD, EDIT / "commented.yaml", EDIT / "traps.yaml", CITED])
def test_fmt_twice_gives_the_same_bytes_and_the_same_data(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    once = edit.fmt(text).text
    assert edit.fmt(once).text == once
    assert edit.model(parse(once, "x")) == edit.model(parse(text, "x"))


def test_fmt_orders_and_writes_ids_years_and_designations() -> None:
    out = edit.fmt(CITED.read_text(encoding="utf-8")).text
    assert out == (
        "schema: 1\n"
        "entities:\n"
        "  - id: eta\n"
        "    name: ETA\n"
        "    kind: armed-group\n"
        "    countries: [ES, FR]\n"
        "    ids:\n"
        "      wikidata: {id: Q1, source: 1}\n"
        "      ucdp: 309\n"
        "      gtd: '20001'\n"
        "    active: {from: 1959, to: 2018, source: 1}\n"
        "    aliases:\n"
        "      - {text: Euskadi Ta Askatasuna, source: 1}\n"
        "      - {text: Basque Homeland and Freedom, type: translation, source: https://example.org/b}\n"
        "    designations:\n"
        "      - {list: us-fto, date: 1997-10-08, url: https://example.org/fto}\n"
        "      - {list: eu, date: 2001-12-27, ref: '12', url: https://example.org/eu}\n"
        "    sources:\n"
        "      - https://example.org/a\n"
    )


def test_merge_writes_out_a_source_position_as_its_url() -> None:
    text = (
        "schema: 1\nentities:\n"
        "  - id: a\n    name: Alpha Front\n    kind: front\n"
        "    sources:\n      - https://example.org/a\n"
        "  - id: b\n    name: Beta Front\n    kind: front\n"
        "    aliases:\n      - {text: Jabhat Beta, source: 2}\n"
        "    sources:\n      - https://example.org/b1\n      - https://example.org/b2\n"
    )
    out = edit.merge(text, "b", "a").text
    assert "      - {text: Jabhat Beta, source: https://example.org/b2}\n" in out
    ent = parse(out, "x").get("a")
    assert ent is not None
    assert [ent.source_url(al.source) for al in ent.aliases if al.text == "Jabhat Beta"] == [
        "https://example.org/b2"
    ]


def test_fmt_quotes_yaml11_traps_only_and_writes_arabic_as_itself() -> None:
    out = edit.fmt(read("traps.yaml")).text
    assert out == (
        "schema: 1\n"
        "entities:\n"
        "  - id: traps\n"
        "    name: Traps\n"
        "    kind: armed-group\n"
        "    aliases:\n"
        "      - 'NO'\n"
        "      - 'on'\n"
        "      - '1.10'\n"
        "      - '010'\n"
        "      - '1:20'\n"
        "      - '2001-12-14'\n"
        "      - 'yes'\n"
        "      - plain, comma\n"
        "      - {text: كتائب, type: native, lang: ar}\n"
        "      - 'a: b'\n"
        "    sources:\n"
        "      - https://example.org/a#b\n"
    )


def test_fmt_keeps_comments_and_both_readers_agree() -> None:
    text = read("commented.yaml")
    out = edit.fmt(text).text
    for comment in ("# --- Iraq ---", "# the usual spelling", "# the acronym is common", "# the end of"):
        assert comment in out
    assert "      - Hizballah\n      - {text: Party of God, type: translation}\n" in out
    pyyaml, ruamel = both_readers(out)
    assert pyyaml == ruamel


def test_fmt_refuses_an_invalid_registry() -> None:
    with pytest.raises(RegistryError, match="duplicate key"):
        edit.fmt("schema: 1\nentities: []\nentities: []\n")


# -- merge ----------------------------------------------------------------------


def test_merge_moves_names_and_leaves_a_redirect() -> None:
    text = read("commented.yaml")
    result = edit.merge(text, "kh-front", "kataib-hezbollah")
    assert result.report[0] == "merged kh-front into kataib-hezbollah: +3 aliases, +1 sources, +1 countries"
    reg = parse(result.text, "x")
    assert [e.id for e in reg.entities] == ["kataib-hezbollah", "hezbollah", "popular-mobilization-forces"]
    kh = reg.get("kataib-hezbollah")
    assert kh is not None
    assert [a.text for a in kh.aliases] == [
        "Kataib Hezbollah",
        "KH",
        "Saraya Awliya al-Dam",
        "Awliya al-Dam",
        "سرايا أولياء الدم",
    ]
    assert kh.countries == ("IQ", "SY")
    assert kh.relations == ()  # its front-for link pointed at itself
    assert kh.notes == "Claimed rocket attacks in 2021."
    assert {r.source: r.target for r in reg.redirects} == {
        "old-front": "kataib-hezbollah",
        "kh-front": "kataib-hezbollah",
    }
    hez = reg.get("hezbollah")
    assert hez is not None and [r.target for r in hez.relations] == ["kataib-hezbollah"]


def test_merge_keeps_untouched_entities_and_comments_byte_for_byte() -> None:
    text = read("commented.yaml")
    new = edit.merge(text, "kh-front", "kataib-hezbollah").text
    assert segment(text, "popular-mobilization-forces") in new
    assert "  # --- Lebanon ---\n" in new
    assert "      # the acronym is common in US reports\n" in new
    assert "# the end of the entities\n" in new
    hunks = [line for line in edit.Edit(text, new).diff().splitlines() if line.startswith("@@")]
    assert len(hunks) == 2  # the three entities are neighbours; then the redirects


def test_lookup_after_merge_goes_to_the_survivor() -> None:
    new = edit.merge(read("commented.yaml"), "kh-front", "kataib-hezbollah").text
    resolver = Resolver(parse(new, "x"))
    by_id = resolver.resolve("kh-front")
    assert (by_id.status, by_id.id, by_id.method) == ("matched", "kataib-hezbollah", "redirect")
    for name in ("Awliya al-Dam", "Saraya Awliya al-Dam", "سرايا أولياء الدم"):
        assert resolver.resolve(name).id == "kataib-hezbollah"
    old = resolver.resolve("old-front")
    assert (old.id, old.method) == ("kataib-hezbollah", "redirect")


def test_merge_output_reads_the_same_in_both_readers() -> None:
    new = edit.merge(read("commented.yaml"), "kh-front", "kataib-hezbollah").text
    pyyaml, ruamel = both_readers(new)
    assert pyyaml == ruamel


@pytest.mark.parametrize(
    ("source", "into", "message"),
    [
        ("hezbollah", "hezbollah", "cannot merge 'hezbollah' into itself"),
        ("hezbollah", "nope", "no entity with id 'nope'"),
        ("nope", "hezbollah", "no entity with id 'nope'"),
        (
            "old-front",
            "hezbollah",
            "'old-front' was merged or renamed into 'kh-front'; use 'kh-front' as SOURCE_ID",
        ),
    ],
)
def test_merge_refuses_bad_ids(source: str, into: str, message: str) -> None:
    with pytest.raises(UsageError) as info:
        edit.merge(read("commented.yaml"), source, into)
    assert info.value.message == message
    assert info.value.exit_code == 2


def test_merge_creates_the_redirects_block_when_missing() -> None:
    text = read("commented.yaml").split("redirects:")[0]
    new = edit.merge(text, "hezbollah", "kataib-hezbollah").text
    assert new.endswith("# the end of the entities\nredirects:\n  hezbollah: kataib-hezbollah\n")


# -- add, new, rename -------------------------------------------------------------


def test_add_appends_one_alias_line() -> None:
    text = read("commented.yaml")
    result = edit.add_alias(text, "kataib-hezbollah", "Kata'ib Hizbullah", source="https://example.org/x")
    assert result.report == ("added alias 'Kata'ib Hizbullah' to kataib-hezbollah",)
    assert result.diff("r.yaml") == (
        "--- a/r.yaml\n+++ b/r.yaml\n@@ -10,6 +10,7 @@\n"
        "       - Kataib Hezbollah\n"
        "       # the acronym is common in US reports\n"
        "       - {text: KH, type: acronym}\n"
        "+      - {text: Kata'ib Hizbullah, source: https://example.org/x}\n"
        "     sources:\n"
        "       - https://example.org/kh\n"
        "   - id: kh-front\n"
    )


def test_add_refuses_another_entitys_alias_unless_shared() -> None:
    text = read("commented.yaml")
    with pytest.raises(UsageError, match="'Hizballah' already resolves to hezbollah"):
        edit.add_alias(text, "kataib-hezbollah", "Hizballah")
    result = edit.add_alias(text, "kataib-hezbollah", "Hizballah", shared=True)
    assert "      - {text: Hizballah, shared: true}\n" in result.text
    assert result.report[1] == "'Hizballah' also names hezbollah: mark it shared there too"


def test_add_of_an_existing_alias_changes_nothing() -> None:
    text = read("commented.yaml")
    result = edit.add_alias(text, "kataib-hezbollah", "kataib hezbollah")
    assert not result.changed


def _cache_index_of(tmp_path: Path, text: str) -> None:
    from aliasctl.matching import cache

    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    cache.load_index(path)  # builds and writes the index of these bytes


@pytest.mark.parametrize(
    ("entity", "name", "atype", "holders"),
    [
        ("kataib-hezbollah", "Hizballah", None, "hezbollah"),
        ("kh-front", "KH", "acronym", "kataib-hezbollah"),
        ("kataib-hezbollah", "Kataib Hizbollah", None, ""),
    ],
)
def test_add_finds_other_holders_in_the_cached_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entity: str, name: str, atype: str | None, holders: str
) -> None:
    text = read("commented.yaml")
    before = edit.entities.name_clash(parse(text, "x"), text, name, entity, atype or "translit")
    _cache_index_of(tmp_path, text)

    def every_name(*args: object) -> object:
        raise AssertionError("every name normalized again")

    monkeypatch.setattr(edit.entities, "key_owners", every_name)
    found = edit.entities.name_clash(parse(text, "x"), text, name, entity, atype or "translit")
    assert found == before == ([holders] if holders else [])
    if holders:
        with pytest.raises(UsageError, match=f"'{name}' already resolves to {holders}"):
            edit.add_alias(text, entity, name, atype=atype)
    else:
        assert edit.add_alias(text, entity, name, atype=atype).changed
    with pytest.raises(UsageError, match="'Hizballah' already resolves to hezbollah"):
        edit.new_entity(text, "new-one", "Hizballah")


def test_add_validates_fields() -> None:
    with pytest.raises(UsageError, match="unknown alias type 'nickname'"):
        edit.add_alias(read("commented.yaml"), "hezbollah", "X", atype="nickname")


def test_new_appends_a_canonical_entity() -> None:
    text = read("commented.yaml")
    result = edit.new_entity(
        text, "asaib-ahl-al-haq", "Asa'ib Ahl al-Haq", countries=["iq"], sources=["https://example.org/aah"]
    )
    assert result.diff("r.yaml").endswith(
        "       - 'NO'\n"
        "+  - id: asaib-ahl-al-haq\n"
        "+    name: Asa'ib Ahl al-Haq\n"
        "+    kind: armed-group\n"
        "+    countries: [IQ]\n"
        "+    sources:\n"
        "+      - https://example.org/aah\n"
        " # the end of the entities\n"
        " redirects:\n"
        "   old-front: kh-front\n"
    )


@pytest.mark.parametrize(
    ("entity_id", "name", "message"),
    [
        ("old-front", "X", "'old-front' is an old id (it redirects to 'kh-front'); ids are never reused"),
        ("hezbollah", "X", "an entity with id 'hezbollah' already exists"),
        ("Bad Id", "X", "'Bad Id' is not a valid id"),
        ("new-one", "Hizballah", "'Hizballah' already resolves to hezbollah"),
    ],
)
def test_new_refuses(entity_id: str, name: str, message: str) -> None:
    with pytest.raises(UsageError) as info:
        edit.new_entity(read("commented.yaml"), entity_id, name)
    assert info.value.message.startswith(message)


def test_rename_leaves_a_redirect_and_repoints_links() -> None:
    text = read("commented.yaml")
    result = edit.rename(text, "kh-front", "saraya-awliya-al-dam")
    reg = parse(result.text, "x")
    assert {r.source: r.target for r in reg.redirects} == {
        "old-front": "saraya-awliya-al-dam",
        "kh-front": "saraya-awliya-al-dam",
    }
    hez = reg.get("hezbollah")
    assert hez is not None and hez.relations[0].target == "saraya-awliya-al-dam"
    assert Resolver(reg).resolve("kh-front").id == "saraya-awliya-al-dam"
    with pytest.raises(UsageError, match="ids are never reused"):
        edit.rename(result.text, "saraya-awliya-al-dam", "kh-front")


# -- merge --from ---------------------------------------------------------------------


def test_merge_from_adds_and_unites() -> None:
    text = read("commented.yaml")
    result = edit.merge_from(text, read("theirs.yaml"))
    assert result.conflicts == ()
    assert result.report == (
        "added asaib-ahl-al-haq",
        "redirect aah-old -> asaib-ahl-al-haq",
        "kataib-hezbollah: +1 aliases, +1 sources, +1 countries",
    )
    reg = parse(result.text, "x")
    assert reg.get("aah-old") is not None
    assert segment(text, "hezbollah") in result.text


def test_merge_from_the_same_file_changes_nothing() -> None:
    text = read("commented.yaml")
    result = edit.merge_from(text, text)
    assert not result.changed
    assert result.report == ()


def test_merge_from_lists_conflicts_and_applies_nothing() -> None:
    text = read("commented.yaml")
    result = edit.merge_from(text, read("theirs-conflict.yaml"))
    assert not result.changed
    assert [str(c) for c in result.conflicts] == [
        "kataib-hezbollah: alias 'Hizballah' belongs to hezbollah here",
        "new-group: alias 'Awliya al-Dam' belongs to kh-front here",
        "old-front: redirect: here -> kh-front, theirs -> hezbollah",
    ]


def test_merge_from_on_conflict_skip_ours_theirs() -> None:
    text = read("commented.yaml")
    other = read("theirs-conflict.yaml")
    skip = parse(edit.merge_from(text, other, on_conflict="skip").text, "x")
    assert skip.get("new-group") is None
    kh = skip.get("kataib-hezbollah")
    assert kh is not None and "Kataeb Hezbollah" not in [a.text for a in kh.aliases]

    ours = parse(edit.merge_from(text, other, on_conflict="ours").text, "x")
    kh = ours.get("kataib-hezbollah")
    assert kh is not None and [a.text for a in kh.aliases][-1] == "Kataeb Hezbollah"
    new = ours.get("new-group")
    assert new is not None and new.aliases == ()
    assert ours.resolve_id("old-front") == "kh-front"

    theirs = parse(edit.merge_from(text, other, on_conflict="theirs").text, "x")
    kh = theirs.get("kataib-hezbollah")
    assert kh is not None and "Hizballah" in [a.text for a in kh.aliases]
    hez = theirs.get("hezbollah")
    assert hez is not None and "Hizballah" not in [a.text for a in hez.aliases]
    assert theirs.resolve_id("old-front") == "hezbollah"


def test_merge_from_refuses_a_bad_other_file() -> None:
    with pytest.raises(RegistryError, match=r"other\.yaml:1:1: missing 'schema: 1'"):
        edit.merge_from(read("commented.yaml"), "entities: []\n")


def test_merge_from_an_identical_copy_changes_nothing(tmp_path: Path) -> None:
    from aliasctl.edit import merge_from

    text = bundled_registry_path().read_text(encoding="utf-8")
    for mode in (None, "theirs", "ours", "skip"):
        result = merge_from(text, text, on_conflict=mode)
        assert result.conflicts == ()
        assert result.text == text


def test_add_refuses_invisible_characters(tmp_path: Path) -> None:
    from aliasctl.edit import add_alias
    from aliasctl.errors import UsageError

    text = bundled_registry_path().read_text(encoding="utf-8")
    with pytest.raises(UsageError, match=r"holds <U\+202E>, a control or invisible character: Evil<U\+202E>Name"):
        add_alias(text, "hamas", "Evil\u202eName")


def test_fmt_never_writes_an_escaped_bidi_control_as_itself() -> None:
    from aliasctl.edit import fmt
    from aliasctl.errors import RegistryError

    text = 'schema: 1\nentities:\n  - id: x\n    name: "W\\u202eQ Group"\n    kind: armed-group\n'
    with pytest.raises(RegistryError, match="invisible character <U\\+202E>"):
        fmt(text, "r.yaml")


def test_edit_on_a_missing_registry_leaves_no_lock(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from aliasctl.cli import main

    missing = tmp_path / "none.yaml"
    result = CliRunner().invoke(main, ["fmt", str(missing)])
    assert result.exit_code == 66
    assert not (tmp_path / "none.yaml.lock").exists()


def test_fmt_keeps_a_commented_alias_a_block_mapping() -> None:
    from aliasctl.edit import fmt

    text = (
        "schema: 1\nentities:\n  - id: x\n    name: X\n    kind: armed-group\n    aliases:\n"
        '      - text: "Ex Group"   # seen in report\n        type: misspelling\n'
        "      - text: Why\n        type: misspelling\n"
    )
    once = fmt(text, "r.yaml").text
    assert "      - text: Ex Group     # seen in report\n        type: misspelling\n" in once
    assert "      - {text: Why, type: misspelling}\n" in once
    assert fmt(once, "r.yaml").text == once
    assert yaml.safe_load(once) == yaml.safe_load(text)


def test_merge_from_brings_ids_years_and_designations_with_their_sources() -> None:
    ours = "schema: 1\nentities:\n  - id: a\n    name: Alpha Front\n    kind: front\n    sources:\n      - https://example.org/a\n"
    theirs = (
        "schema: 1\nentities:\n  - id: eta\n    name: ETA\n    kind: armed-group\n"
        "    ids:\n      wikidata: {id: Q1, source: 2}\n      ucdp: 309\n"
        "    active: {from: 1959, to: 2018, source: 1}\n"
        "    aliases:\n      - {text: Euskadi Ta Askatasuna, source: 2}\n"
        "    designations:\n      - {list: us-fto, date: 1997-10-08, ref: '7', url: https://example.org/fto}\n"
        "    sources:\n      - https://example.org/one\n      - https://example.org/two\n"
    )
    out = edit.merge_from(ours, theirs).text
    ent = parse(out, "x").get("eta")
    assert ent is not None
    assert [(i.scheme, i.value, ent.source_url(i.source)) for i in ent.ids] == [
        ("wikidata", "Q1", "https://example.org/two"),
        ("ucdp", 309, None),
    ]
    assert ent.active is not None
    assert (ent.active.start, ent.active.end, ent.source_url(ent.active.source)) == (
        1959, 2018, "https://example.org/one"
    )
    assert [(d.code, d.date, d.ref, d.url) for d in ent.designations] == [
        ("us-fto", "1997-10-08", "7", "https://example.org/fto")
    ]
    assert [ent.source_url(a.source) for a in ent.aliases] == ["https://example.org/two"]
    assert edit.fmt(out).text == out


def test_merge_brings_the_ids_years_and_designations_the_survivor_lacks() -> None:
    text = (
        "schema: 1\nentities:\n"
        "  - id: a\n    name: Alpha Front\n    kind: front\n"
        "    ids:\n      wikidata: Q1\n"
        "    designations:\n      - {list: uk, date: 2001-03-29, url: https://example.org/uk}\n"
        "    sources:\n      - https://example.org/a\n"
        "  - id: b\n    name: Beta Front\n    kind: front\n"
        "    ids:\n      wikidata: Q2\n      ucdp: 7\n"
        "    active: {from: 1990, source: 1}\n"
        "    designations:\n      - {list: uk, date: 2001-03-29, url: https://example.org/uk}\n"
        "      - {list: us-fto, date: 1997-10-08, url: https://example.org/fto}\n"
        "    sources:\n      - https://example.org/b\n"
    )
    result = edit.merge(text, "b", "a")
    assert result.report[:2] == (
        "merged b into a: +1 aliases, +1 sources, +1 outside ids, +1 active years, +1 designations",
        "a: kept wikidata Q1 (b had Q2)",
    )
    ent = parse(result.text, "x").get("a")
    assert ent is not None
    assert [(i.scheme, i.value) for i in ent.ids] == [("wikidata", "Q1"), ("ucdp", 7)]
    assert ent.active is not None and ent.source_url(ent.active.source) == "https://example.org/b"
    assert [d.code for d in ent.designations] == ["uk", "us-fto"]
    assert edit.fmt(result.text).text == result.text
