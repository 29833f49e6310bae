"""Audit settings from ``.aliasctl.toml`` or ``[tool.aliasctl.audit]`` in ``pyproject.toml``.

The nearest file in the current folder or a parent wins::

    [tool.aliasctl.audit]      # in .aliasctl.toml: [audit]
    select = ["AL0"]
    ignore = ["near-collision"]
    strict = true
    levels = { AL018 = "warning" }
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from ..errors import UsageError


def find_config(start: Path | None = None) -> tuple[Path | None, dict[str, Any]]:
    """Return the config file found and its audit table (empty when there is none).

    Raises:
        UsageError: the file is not TOML or the table is malformed.
    """
    folder = (start or Path.cwd()).resolve()
    for parent in (folder, *folder.parents):
        for name, keys in ((".aliasctl.toml", ("audit",)), ("pyproject.toml", ("tool", "aliasctl", "audit"))):
            path = parent / name
            if not path.is_file():
                continue
            try:
                data: Any = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
                raise UsageError(f"cannot read audit settings: {exc}", path) from None
            for k in keys:
                data = data.get(k) if isinstance(data, dict) else None
            if data is None:
                if name == ".aliasctl.toml":
                    return path, {}
                continue
            return path, _validate(data, path)
    return None, {}


def _validate(table: Any, path: Path) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise UsageError("the audit settings must be a table", path)
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key in ("select", "ignore"):
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise UsageError(f"'{key}' must be a list of rule codes or names", path)
            out[key] = tuple(value)
        elif key == "strict":
            if not isinstance(value, bool):
                raise UsageError("'strict' must be true or false", path)
            out[key] = value
        elif key == "levels":
            if not (isinstance(value, dict) and all(isinstance(v, str) for v in value.values())):
                raise UsageError("'levels' must map rule codes to error, warning or info", path)
            out[key] = dict(value)
        else:
            raise UsageError(f"unknown audit setting '{key}' (select, ignore, strict, levels)", path)
    return out
