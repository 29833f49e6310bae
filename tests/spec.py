"""The JSON Schemas of the reconciliation API (``tests/schemas/``), ready to validate with."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

SCHEMAS = Path(__file__).parent / "schemas"
_BASE = "https://aliasctl.invalid/schemas/"


@cache
def _registry() -> Registry:  # type: ignore[type-arg]
    resources = []
    for path in sorted(SCHEMAS.glob("*/*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Draft202012Validator:
    """The validator of ``name`` (such as ``"0.2/manifest"``); the schema itself is checked first."""
    schema = _registry().contents(f"{_BASE}{name}.json")
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())


def validate(name: str, instance: Any) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``instance`` is valid under schema ``name``."""
    validator(name).validate(instance)


def feature_ids_unique(result_batch: dict[str, Any]) -> bool:
    """Whether every candidate's feature ids are unique (the specification asks; a schema cannot say it)."""
    results = result_batch["results"] if "results" in result_batch else list(result_batch.values())
    for result in results:
        for cand in result.get("result", result.get("candidates", [])):
            ids = [f["id"] for f in cand.get("features", [])]
            if len(ids) != len(set(ids)):
                return False
    return True
