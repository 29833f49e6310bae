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
        "unknown field 'colour' in an entity (allowed: id, name, kind, countries, "
        "aliases, relations, sources, notes, audit-ignore, proposed)",
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
