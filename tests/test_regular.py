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


def _mutants(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    lines = SAMPLE.split("\n")
    out = []
    for _ in range(count):
        text = SAMPLE
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


def test_damaged_registries_are_read_alike_or_left_to_the_strict_loader() -> None:
    accepted = 0
    for text in _mutants(18, 2500):
        fast = read_regular(text, "r.yaml", "")
        if fast is None:
            continue
        accepted += 1
        strict = _strict(text)  # a syntax error here would fail the test: the reader took bad YAML
        assert not strict.problems, (text, strict.problems[0])
        assert _same(fast, strict), text
    assert accepted > 100  # the mutants the reader takes are checked, and there are many


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
    texts += [p.read_text(encoding="utf-8") for p in sorted(EDIT_FIXTURES.glob("*.yaml"))]
    compared = 0
    for text in texts:
        found = _layouts(text)
        if found is not None:
            compared += 1
            assert found[0] == found[1]
    assert compared >= 2


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
