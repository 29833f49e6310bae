"""The reader of the registry's regular form: the strict loader's answer, or none at all."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from aliasctl.errors import RegistryError
from aliasctl.files import bundled_registry_path
from aliasctl.registry import loader
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
