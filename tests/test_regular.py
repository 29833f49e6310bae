"""The reader of the registry's regular form: the strict loader's answer, or none at all."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from aliasctl.edit import add_alias, fmt, new_entity, rename
from aliasctl.errors import RegistryError
from aliasctl.files import bundled_registry_path
from aliasctl.registry import loader
from aliasctl.registry.change import Edit
from aliasctl.registry.model import Registry
from aliasctl.registry.regular import read_regular

FIXTURES = Path(__file__).parent / "fixtures" / "registry"

SAMPLE = """\
# A registry in the regular form, with every construct the reader knows.
schema: 1

entities:
  - id: kataib-hezbollah
    name: Kata'ib Hezbollah
    kind: armed-group
    countries: [IQ, SY]
    aliases:
      - {text: Kata'ib Hizballah, source: 2}
      - {text: Hezbollah Brigades, type: translation, source: 1}
      - {text: KH, type: acronym}
      - {text: كتائب حزب الله, type: native, lang: ar, source: https://example.org/a}
      - "Kataeb \\"Hezbollah\\" \\\\ Iraq"
      - 'Ketaib ''Hezbollah'''
      - Hizb [Iraq] al-Haq, 2nd
    sources: [https://example.org/one, https://example.org/two]
    notes: One of the factions of the PMF.

  # a comment between entities
  - id: group-00001
    name: "Saraya al-Salam"
    kind: armed-group
    countries:
      - IQ
    aliases:
      - Saraya as-Salam
    sources:
      - https://example.org/three
      - 'https://example.org/four?page=4'
"""

# The layout machines write (benchmarks/gen_registry.py, aliasctl import): most entities are
# read in one match each, the others (a notes field, a comment inside, a block list of
# countries, trailing spaces) line by line; the reader's answer must not tell which.
USUAL = """\
# Generated.
schema: 1
entities:
  - id: group-00000
    name: "Harakat al-Ashtar"
    kind: armed-group
    countries: [LB]
    aliases:
      - "Harakat al Ashtar"
      - "Harrakat al-Ashtar"
    sources: [https://example.org/synthetic/0]
  - id: group-00001
    name: Usbat al-Fath
    kind: armed-group
    countries: [SO, YE]
    aliases:
      - "Usbat al-Fath al-Jabarin"
      - {text: UF, type: acronym, source: 2}
      - 'Usbat ''al'' Fath'
      - "Usbat \\"al\\" Fath"
      - Usbat al Fath
    sources: [https://example.org/one, https://example.org/two]
  - id: 2-jaysh
    name: "Jaysh al-Nasr"
    kind: armed-group
    aliases:
      - "Jaysh al Nasr"

  # between entities
  - id: group-00003
    name: "Liwa al-Haq"
    kind: armed-group
    countries: [IQ]
    aliases:
      - "Liwa al Haq"
    sources: [https://example.org/synthetic/3]
    notes: Its notes.
  - id: group-00004
    name: "Saraya al-Salam"
    kind: armed-group
    aliases:
      - "Saraya as-Salam"
      # a comment inside
      - "Saraya al Salam"
    sources: [https://example.org/synthetic/4]
  - id: group-00005
    name: "Kata'ib al-Imam"
    kind: armed-group
    countries:
      - IQ
    aliases:
      - "Kataib al-Imam"
    sources: [https://example.org/synthetic/5]
  - id: group-00006
    name: "Jabhat al-Wa'd"
    kind: armed-group
    aliases:
      - "Jabhat al Wa'd"\x20\x20
    sources: [https://example.org/synthetic/6]
  - id: group-00007
    name: "Ansar al-Furqan"
    kind: armed-group
    countries: [SY]
    aliases:
      - "Ansar al Furqan"
    sources: [https://example.org/synthetic/(7)]
"""


def _strict(text: str) -> Registry:
    """What the strict loader makes of ``text``, node graph and walk (never the regular reader)."""
    return loader._read_all(text, "r.yaml", "", keep_nodes=True)[0]


def _same(a: Registry, b: Registry) -> bool:
    """Equal, and every entity and alias at the same place (marks are left out of equality)."""
    if a != b:
        return False
    for x, y in zip(a.entities, b.entities, strict=True):
        if (x.line, x.col, list(x.marks.items())) != (y.line, y.col, list(y.marks.items())):
            return False
        if [(p.line, p.col) for p in x.aliases] != [(q.line, q.col) for q in y.aliases]:
            return False
    return True


def test_the_sample_is_read_as_the_strict_loader_reads_it() -> None:
    fast = read_regular(SAMPLE, "r.yaml", "")
    assert fast is not None
    assert _same(fast, _strict(SAMPLE))
    ent = fast.entities[0]
    assert ent.aliases[4].text == 'Kataeb "Hezbollah" \\ Iraq'
    assert ent.aliases[6].text == "Hizb [Iraq] al-Haq, 2nd"
    assert (ent.aliases[1].line, ent.aliases[1].col) == (11, 16)


@pytest.mark.parametrize("path", [*sorted(FIXTURES.glob("*.yaml")), bundled_registry_path()], ids=lambda p: p.name)
def test_fixtures_are_read_alike_or_left_to_the_strict_loader(path: Path) -> None:
    try:
        text = loader.decode(path.read_bytes(), str(path))
        strict = _strict(text)
    except RegistryError:
        return  # not UTF-8, or not YAML: never reaches either reader's walk
    fast = read_regular(text, "r.yaml", "")
    if fast is not None:
        assert not strict.problems
        assert _same(fast, strict)


_INSERTS = [
    "#", " #", ": ", ":", "-", "- ", "[", "]", "{", "}", ",", "'", '"', "\\", "&a ", "*a", "!",
    "|", ">", "?", "%", "@", "`", " ", "  ", "\n", "\n  ", "\n    ", "\n      - ", "yes", "no", "~",
    "null", "1", "0x1", "1.5", "2001-12-14", "ZZ", "unknown: 1", "id: x", "\u00a0", "0", "-1",
    "source: 9", "type: nonsense", "lang: X", "text: ", "..", "---", "\u2003", "\u3000",
]


def _mutants(seed: int, count: int, sample: str = SAMPLE) -> list[str]:
    rng = random.Random(seed)
    lines = sample.split("\n")
    out = []
    for _ in range(count):
        text = sample
        for _ in range(rng.randint(1, 2)):
            move = rng.randrange(4)
            if move == 0:
                pos = rng.randrange(len(text))
                text = text[:pos] + rng.choice(_INSERTS) + text[pos:]
            elif move == 1:
                pos = rng.randrange(len(text))
                text = text[:pos] + text[pos + 1 :]
            elif move == 2:
                i = rng.randrange(len(lines))
                text = "\n".join([*lines[:i], lines[rng.randrange(len(lines))], *lines[i:]])
            else:
                i = rng.randrange(len(lines))
                text = "\n".join([*lines[:i], *lines[i + 1 :]])
        out.append(text)
    return out


@pytest.mark.parametrize("sample", [SAMPLE, USUAL, "formatted"], ids=["sample", "usual", "formatted"])
def test_damaged_registries_are_read_alike_or_left_to_the_strict_loader(sample: str) -> None:
    if sample == "formatted":
        sample = fmt(USUAL, "r.yaml").text  # plain names, block lists of sources
    accepted = 0
    for text in _mutants(18, 2500, sample):
        fast = read_regular(text, "r.yaml", "")
        if fast is None:
            continue
        accepted += 1
        strict = _strict(text)  # a syntax error here would fail the test: the reader took bad YAML
        assert not strict.problems, (text, strict.problems[0])
        assert _same(fast, strict), text
    assert accepted > 100  # the mutants the reader takes are checked, and there are many


def _entities_read_line_by_line(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The first line of each entity the reader reads line by line (not in one match), as it goes."""
    from aliasctl.registry import regular

    by_lines: list[str] = []
    entity = regular._Reader.entity

    def counted(self: regular._Reader, n: int, first: str) -> tuple[object, object]:
        by_lines.append(first)
        return entity(self, n, first)

    monkeypatch.setattr(regular._Reader, "entity", counted)
    return by_lines


def test_entities_in_the_usual_layout_are_read_whole_and_as_the_strict_loader_reads_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from aliasctl.registry import regular

    by_lines = _entities_read_line_by_line(monkeypatch)
    spans: list[regular.Span] = []
    fast = read_regular(USUAL, "r.yaml", "", spans)
    assert fast is not None
    assert _same(fast, _strict(USUAL))
    # The comment inside, the block list and the trailing spaces are read line by line.
    assert [line.split(": ")[1] for line in by_lines] == ["group-00004", "group-00005", "group-00006"]
    assert fast.entities[3].notes == "Its notes."
    usual = fast.entities[1]
    assert [a.text for a in usual.aliases] == [
        "Usbat al-Fath al-Jabarin", "UF", "Usbat 'al' Fath", 'Usbat "al" Fath', "Usbat al Fath"
    ]
    assert usual.aliases[1].source == 2 and usual.marks["sources[1]"] == (22, 40)
    assert fast.entities[2].id == "2-jaysh"
    assert [(s[0], s[1] + 1, s[2] + 1) for s in spans] == [
        ("group-00000", 4, 11), ("group-00001", 12, 22), ("2-jaysh", 23, 27), ("group-00003", 30, 37),
        ("group-00004", 38, 45), ("group-00005", 46, 53), ("group-00006", 54, 59), ("group-00007", 60, 66),
    ]


@pytest.mark.parametrize(
    ("old", "new", "taken"),
    [
        ("[SO, YE]", "[SO, NO]", False),  # Norway's code is a boolean in YAML 1.1
        ("id: 2-jaysh", "id: 2001-12-14", False),  # a date
        ("kind: armed-group\n    countries: [SY]", "kind: army\n    countries: [SY]", False),
        ("source: 2}", "source: 3}", False),  # no third source
        ('"Harrakat al-Ashtar"', '"Harrakat\tal-Ashtar"', False),  # a tab in an ASCII file
        ("[https://example.org/synthetic/(7)]", "[https://example.org/synthetic/7?a]", False),
        ("[https://example.org/synthetic/(7)]", "[https://example.org:8/synthetic/7]", False),
        ("[https://example.org/synthetic/(7)]", "[https://example.org/synthetic/7]", True),
        ("[https://example.org/synthetic/(7)]", "[]", True),
        ('"Ansar al-Furqan"\n    kind', '"Ansar al-Furqan\u00a0"\n    kind', True),
        ('      - "Ansar al Furqan"\n', '      - "Ansar al Furqan"\n      - "  "\n', False),
        ('      - "Ansar al Furqan"\n', '      - "Ansar al Furqan"\n      - "Ansar\u3000Furqan"\n', True),
        ("    notes: Its notes.\n", '    notes: "Its\\tnotes."\n', False),  # an escape the reader leaves
        ("    notes: Its notes.\n", "    notes: 'Its notes: all.'\n", True),
        ("    notes: Its notes.\n", "    notes: Its notes.\n    proposed: true\n", False),
        (  # notes before the sources: read line by line
            "    sources: [https://example.org/synthetic/3]\n    notes: Its notes.\n",
            "    notes: Its notes.\n    sources: [https://example.org/synthetic/3]\n",
            True,
        ),
    ],
)
def test_an_entity_in_the_usual_layout_is_checked_as_any_other(old: str, new: str, taken: bool) -> None:
    assert old in USUAL
    text = USUAL.replace(old, new, 1)
    fast = read_regular(text, "r.yaml", "")
    assert (fast is not None) == taken
    if fast is not None:
        assert _same(fast, _strict(text))


def test_a_formatted_registry_is_read_whole_and_as_the_strict_loader_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    text = fmt(USUAL, "r.yaml").text
    assert "    sources:\n      - https://example.org/one\n      - https://example.org/two\n" in text
    by_lines = _entities_read_line_by_line(monkeypatch)
    fast = read_regular(text, "r.yaml", "")
    assert fast is not None
    assert _same(fast, _strict(text))
    assert by_lines == ["  - id: group-00004"]  # the comment among its aliases
    assert fast.entities[1].marks["sources[1]"] == (25, 9)


def test_load_strict_reports_problems_of_a_regular_file_as_before() -> None:
    bad = SAMPLE.replace("kind: armed-group", "kind: army", 1)
    assert read_regular(bad, "r.yaml", "") is None
    with pytest.raises(RegistryError) as err:
        loader.load_strict(bad, "r.yaml")
    assert (err.value.line, err.value.col) == (7, 11)
    assert "unknown kind 'army'" in str(err.value)


EDIT_FIXTURES = Path(__file__).parent / "fixtures" / "edit"


def _layouts(text: str) -> tuple[object, object] | None:
    """The layout the edit commands find from the regular reader's lines and from the node graph."""
    from aliasctl.edit.layout import locate

    doc = loader.load_document(text, "r.yaml")
    if doc.root is not None:
        return None
    reg, root = loader._read(text, "r.yaml", "", keep_nodes=True)
    assert isinstance(root, yaml.MappingNode)
    by_nodes = locate(text, loader.Document(reg, root))
    by_lines = locate(text, doc)
    return (by_lines.entities, by_lines.entities_end, by_lines.entity_indent, by_lines.redirects, by_lines.block), (
        by_nodes.entities, by_nodes.entities_end, by_nodes.entity_indent, by_nodes.redirects, by_nodes.block
    )


def test_edits_find_each_entity_s_lines_as_from_the_node_graph() -> None:
    texts = [SAMPLE, SAMPLE.replace("\n  # a comment between entities\n", "\n    # the first entity's comment\n")]
    texts += [USUAL, USUAL.replace("\n\n  # between entities\n", "\n    # the third entity's comment\n")]
    texts += [fmt(USUAL, "r.yaml").text]
    texts += [p.read_text(encoding="utf-8") for p in sorted(EDIT_FIXTURES.glob("*.yaml"))]
    compared = 0
    for text in texts:
        found = _layouts(text)
        if found is not None:
            compared += 1
            assert found[0] == found[1]
    assert compared >= 5


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: add_alias(t, "kataib-hezbollah", "Kataib al-Hizb al-Iraqi"),
        lambda t: add_alias(t, "group-00001", "Peace Brigades", atype="translation"),
        lambda t: new_entity(t, "new-group", "Liwa al-Jadid", countries=["SY"]),
        lambda t: rename(t, "group-00001", "saraya-al-salam"),
        fmt,
    ],
    ids=["add-first", "add-last", "new", "rename", "fmt"],
)
def test_edits_of_a_regular_file_write_what_they_wrote_from_the_node_graph(
    edit: Callable[[str], Edit], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = SAMPLE + "  - id: group-00002\n    name: Jaysh al-Nasr\n    kind: armed-group\n    # its own comment\n"
    assert loader.load_document(text, "r.yaml").root is None
    fast = edit(text)
    monkeypatch.setattr("aliasctl.registry.regular.read_regular", lambda *a, **k: None)
    assert loader.load_document(text, "r.yaml").root is not None
    slow = edit(text)
    assert (fast.text, fast.report) == (slow.text, slow.report)


def test_an_ascii_file_is_odd_only_for_a_tab_or_a_carriage_return() -> None:
    from aliasctl.registry import regular

    assert {chr(c) for c in range(128) if regular._ODD.search(chr(c))} == {"\t", "\r"}
    for odd in ("\t", "\r"):
        assert read_regular(USUAL.replace("Generated.", f"Generated{odd}", 1), "r.yaml", "") is None
    assert read_regular(USUAL.replace("Generated.", "Generated\u2028", 1), "r.yaml", "") is None
    assert read_regular(USUAL, "r.yaml", "") is not None
