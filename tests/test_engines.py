"""What every engine shares: a missing library is named with the extra that installs it."""

from __future__ import annotations

import importlib
import sys

import pytest

from aliasctl.engines import EngineMissingError

# (engine module, the library it needs, the extra)
ENGINES = [
    ("pandas", "pandas", "pandas"),
    ("polars", "polars", "polars"),
    ("duckdb", "duckdb", "duckdb"),
    ("dask", "dask.dataframe", "dask"),
    ("spark", "pyspark.sql", "spark"),
]


@pytest.mark.parametrize(("module", "library", "extra"), ENGINES)
def test_a_missing_engine_is_named_with_its_extra(
    module: str, library: str, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, library, None)  # as if it were not installed
    monkeypatch.delitem(sys.modules, f"aliasctl.engines.{module}", raising=False)
    with pytest.raises(EngineMissingError) as info:
        importlib.import_module(f"aliasctl.engines.{module}")
    assert f"pip install 'aliasctl[{extra}]'" in str(info.value)
    assert library.split(".", maxsplit=1)[0] in str(info.value)
    assert isinstance(info.value, ImportError)  # caught by code that expects an ImportError
