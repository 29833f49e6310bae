"""aliasctl export and schema: FtM entities the followthemoney package accepts, tables that round-trip, a JSON Schema."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from aliasctl import load_registry
from aliasctl.cli import main
from aliasctl.export import COLUMNS, registry_schema
from aliasctl.registry.model import ALIAS_FIELDS, ENTITY_FIELDS, Registry

REGISTRY_FIXTURES = Path(__file__).parent / "fixtures" / "registry"
SMALL = """\
schema: 1
entities:
  - id: hezbollah
    name: Hezbollah
    kind: armed-group
    countries: [LB]
    ids:
      wikidata: Q131559
    aliases:
      - {text: حزب الله, type: native, lang: ar}
      - {text: Islamic Resistance, shared: true}
      - {text: Islamic Jihad Organization, type: former-name}
      - {text: FRD, type: acronym, weak: true, source: 1}
      - "=HYPERLINK(\\"http://example.org\\")"
    sources:
      - https://en.wikipedia.org/wiki/Hezbollah
    notes: Lebanese Shia party and armed group.
  - id: amal
    name: Amal Movement
    kind: party
"""


@pytest.fixture
def reg(tmp_path: Path) -> Path:
    path = tmp_path / "aliases.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def _ftm_model() -> Any:
    # followthemoney raises the csv module's field limit for the whole process when
    # imported; the CSV reader's own tests rely on the default, so it is put back.
    limit = csv.field_size_limit()
    from followthemoney import model

    csv.field_size_limit(limit)
    return model


def _run(reg: Path, *args: str) -> Any:
    result = CliRunner().invoke(main, ["--registry", str(reg), *args])
    assert result.exit_code == 0, result.output
    return result


# -- FollowTheMoney ---------------------------------------------------------------


def test_ftm_export_is_valid_followthemoney(reg: Path) -> None:
    model = _ftm_model()
    lines = _run(reg, "export", "--format", "ftm").stdout.splitlines()
    assert len(lines) == 2
    for line in lines:
        data = json.loads(line)
        proxy = model.get_proxy(data)  # cleans every value: an invalid one is dropped
        assert proxy.schema.name == "Organization"
        assert {k: sorted(v) for k, v in proxy.to_dict()["properties"].items()} == {
            k: sorted(v) for k, v in data["properties"].items()
        }
    hezbollah = json.loads(lines[0])["properties"]
    assert hezbollah["name"] == ["Hezbollah"]
    assert hezbollah["previousName"] == ["Islamic Jihad Organization"]
    assert hezbollah["weakAlias"] == ["Islamic Resistance", "FRD"]
    assert "حزب الله" in hezbollah["alias"]
    assert hezbollah["country"] == ["lb"]
    assert hezbollah["wikidataId"] == ["Q131559"]
    assert hezbollah["sourceUrl"] == ["https://en.wikipedia.org/wiki/Hezbollah"]


def test_the_bundled_registry_exports_as_valid_followthemoney() -> None:
    from aliasctl.export import organizations

    model = _ftm_model()

    for data in organizations(load_registry()):
        proxy = model.get_proxy(data)
        assert len(proxy.get("name")) == 1
        assert len(proxy.get("country")) == len(data["properties"].get("country", []))


# -- the table of names -------------------------------------------------------------


def _names(registry: Registry) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for ent in registry.entities:
        countries = ";".join(ent.countries)
        out.append((ent.id, ent.name, ent.kind, countries, ent.name, "name", "", False, False, ""))
        for a in ent.aliases:
            source = ent.source_url(a.source) or ""
            out.append((ent.id, ent.name, ent.kind, countries, a.text, a.type, a.lang or "", a.shared, a.weak, source))
    return out


def _from_rows(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    def flag(v: Any) -> bool:
        return v is True or v == "true"

    def text(v: Any) -> str:
        # Formula-like names come back with the escaping quote a spreadsheet shows.
        return "" if v is None else str(v).removeprefix("'")

    keys = ("entity_id", "entity_name", "kind", "countries", "name", "type", "language")
    return [
        (*(text(r[k]) for k in keys), flag(r["shared"]), flag(r["weak"]), text(r["source"])) for r in rows
    ]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "xlsx"])
def test_the_table_round_trips_to_the_registry(reg: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"names.{fmt}"
    _run(reg, "export", "--format", fmt, "-o", str(out))
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    else:
        import openpyxl

        sheet = openpyxl.load_workbook(out, read_only=True)["names"]
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
        assert values[0] == list(COLUMNS)
        rows = [dict(zip(COLUMNS, r, strict=True)) for r in values[1:]]
        formula = next(r for r in rows if str(r["name"]).startswith("=HYPERLINK"))
        assert formula["name"] == '=HYPERLINK("http://example.org")'  # text, not a formula
    assert _from_rows(rows) == _names(load_registry(reg))
    assert {r["script"] for r in rows} == {"Latin", "Arabic"}


def test_csv_escapes_names_a_spreadsheet_would_run(reg: Path) -> None:
    text = _run(reg, "export", "--format", "csv").stdout
    assert "'=HYPERLINK" in text


def test_xlsx_is_not_written_to_a_terminal(reg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("aliasctl.cli.export.is_tty", lambda stream: True)
    result = CliRunner().invoke(main, ["--registry", str(reg), "export", "--format", "xlsx"])
    assert result.exit_code == 2
    assert "give -o FILE.xlsx" in result.stderr


# -- JSON Schema ---------------------------------------------------------------------


def _as_yaml_ls(data: Any) -> Any:
    # A YAML 1.2 reader (the YAML language server) reads a plain 1997-10-08 as text.
    if isinstance(data, dict):
        return {k: _as_yaml_ls(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_as_yaml_ls(v) for v in data]
    return data.isoformat() if isinstance(data, datetime.date) else data


def _validator() -> jsonschema.Draft202012Validator:
    schema = registry_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _load(path: Path) -> Any:
    return _as_yaml_ls(yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader))


def test_the_schema_command_prints_the_schema(reg: Path) -> None:
    assert json.loads(_run(reg, "schema").stdout) == registry_schema()


def test_the_schema_names_every_field_the_loader_knows() -> None:
    schema = registry_schema()
    entity = schema["properties"]["entities"]["items"]
    assert list(entity["properties"]) == list(ENTITY_FIELDS)
    assert list(entity["properties"]["aliases"]["items"]["oneOf"][1]["properties"]) == list(ALIAS_FIELDS)


@pytest.mark.parametrize(
    "name", ["good.yaml", "bom.yaml", "cited.yaml", "provenance.yaml"]
)
def test_files_the_loader_accepts_are_valid(name: str) -> None:
    load_registry(REGISTRY_FIXTURES / name)
    assert list(_validator().iter_errors(_load(REGISTRY_FIXTURES / name))) == []


def test_the_bundled_registry_is_valid() -> None:
    from aliasctl.files import bundled_registry_path

    assert list(_validator().iter_errors(_load(bundled_registry_path()))) == []


# Problems of the data, which JSON Schema can state. The others are the reader's
# (tags, anchors, duplicate keys, encodings, syntax), a rule across entities (unique
# ids), or YAML 1.1 typing a YAML 1.2 reader does not share (a plain 2001-12-14).
SCHEMA_PROBLEMS = [
    "bad-alias-type.yaml",
    "bad-country.yaml",
    "bad-id.yaml",
    "bad-kind.yaml",
    "escaped-control.yaml",
    "unknown-field.yaml",
    "yaml11-bool.yaml",
    "yaml11-float.yaml",
]


@pytest.mark.parametrize("name", SCHEMA_PROBLEMS)
def test_files_the_loader_refuses_for_their_data_fail_the_schema(name: str) -> None:
    from aliasctl.errors import RegistryError

    with pytest.raises(RegistryError):
        load_registry(REGISTRY_FIXTURES / name)
    assert list(_validator().iter_errors(_load(REGISTRY_FIXTURES / name)))


def test_every_refused_fixture_is_accounted_for() -> None:
    from aliasctl.errors import RegistryError

    beyond = {
        "alias-bomb.yaml", "anchor.yaml", "control-char.yaml", "cp1252.yaml", "duplicate-id.yaml",
        "duplicate-key.yaml", "non-specific-tag.yaml", "python-tag.yaml", "syntax.yaml", "yaml11-date.yaml",
    }  # fmt: skip
    refused = set()
    for path in REGISTRY_FIXTURES.glob("*.yaml"):
        try:
            load_registry(path)
        except RegistryError:
            refused.add(path.name)
    assert refused == set(SCHEMA_PROBLEMS) | beyond
