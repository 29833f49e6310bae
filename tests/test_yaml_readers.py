"""Every common YAML reader reads the bundled registry and the writers' output as the same data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from ruamel.yaml import YAML

from aliasctl import edit
from aliasctl.files import bundled_registry_path
from aliasctl.registry.proposals import quote
from aliasctl.registry.yamlrt import scalar

COMMENTED = Path(__file__).parent / "fixtures" / "edit" / "commented.yaml"
AWKWARD = ["https://example.org/a?b=1", "https://en.wikipedia.org/w/index.php?title=X&oldid=12", "1e5", "0o12",
           "a?b", "ON", "1.10", "12:30"]


def readings(text: str) -> list[Any]:
    """The data as PyYAML's pure-Python reader, libyaml and ruamel.yaml (YAML 1.2) read it."""
    return [
        yaml.load(text, Loader=yaml.SafeLoader),  # the pure-Python reader, not CSafeLoader
        yaml.load(text, Loader=yaml.CSafeLoader),
        YAML(typ="safe", pure=True).load(text),
    ]


def assert_read_alike(text: str) -> Any:
    pure, libyaml, ruamel = readings(text)
    assert pure == libyaml == ruamel
    return pure


def test_the_bundled_registry_reads_alike() -> None:
    data = assert_read_alike(bundled_registry_path().read_text(encoding="utf-8"))
    assert len(data["entities"]) > 100


def test_fmt_keeps_the_quotes_a_reader_needs() -> None:
    text = (
        "schema: 1\nentities:\n  - id: a\n    name: Alpha Front\n    kind: armed-group\n    aliases:\n"
        '      - {text: Jabhat Alfa, source: "https://example.org/a?b=1"}\n'
        "      - {text: '1e5', type: acronym}\n"
        "    sources:\n      - 'https://example.org/x?y=2'\n"
    )
    out = edit.fmt(text, "r.yaml").text
    assert "source: 'https://example.org/a?b=1'}" in out
    assert "{text: '1e5', type: acronym}" in out
    assert "      - 'https://example.org/x?y=2'\n" in out
    data = assert_read_alike(out)
    assert data["entities"][0]["aliases"][0]["source"] == "https://example.org/a?b=1"
    assert edit.fmt(out, "r.yaml").text == out


@pytest.mark.parametrize("value", AWKWARD)
def test_edit_output_reads_alike(value: str) -> None:
    text = COMMENTED.read_text(encoding="utf-8")
    added = edit.add_alias(text, "kataib-hezbollah", f"KH {value}", source=value, path="r.yaml").text
    added = edit.new_entity(added, "new-group", value, kind="armed-group", sources=(value,), path="r.yaml").text
    data = assert_read_alike(added)
    kh = next(e for e in data["entities"] if e["id"] == "kataib-hezbollah")
    assert {"text": f"KH {value}", "source": value} in kh["aliases"]
    new = next(e for e in data["entities"] if e["id"] == "new-group")
    assert (new["name"], new["sources"]) == (value, [value])


@pytest.mark.parametrize("value", AWKWARD)
def test_scalars_and_proposals_quote_what_a_reader_reads_apart(value: str) -> None:
    assert str(scalar(value)) == value and type(scalar(value)) is not str
    doc = f"k: {{a: {quote(value, flow=True)}}}\nl: {quote(value)}\n"
    assert assert_read_alike(doc) == {"k": {"a": value}, "l": value}
