"""Shared fixtures: paths, a registry, a resolver, an isolated cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from aliasctl import Resolver, load_registry

FIXTURES = Path(__file__).parent / "fixtures"
REGISTRY_FIXTURES = FIXTURES / "registry"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the user's cache folder from the tests."""
    monkeypatch.setenv("ALIASCTL_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("ALIASCTL_REGISTRY", raising=False)
    monkeypatch.delenv("ALIASCTL_NO_CACHE", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture(scope="session", autouse=True)
def _bundled_registry_untouched() -> Iterator[None]:
    """No test may write the registry shipped in the package (examples edit copies)."""
    from aliasctl.files import bundled_registry_path

    path = bundled_registry_path()
    before = path.read_bytes()
    yield
    assert path.read_bytes() == before, f"a test wrote {path}: restore it with git checkout"


@pytest.fixture(scope="session")
def good_path() -> Path:
    return REGISTRY_FIXTURES / "good.yaml"


@pytest.fixture(scope="session")
def small_resolver() -> Resolver:
    return Resolver(load_registry(REGISTRY_FIXTURES / "good.yaml"))


@pytest.fixture(scope="session")
def shipped_registry():  # type: ignore[no-untyped-def]
    return load_registry()


@pytest.fixture(scope="session")
def shipped_resolver(shipped_registry) -> Resolver:  # type: ignore[no-untyped-def]
    return Resolver(shipped_registry)


@pytest.fixture(scope="session")
def dask_client():  # type: ignore[no-untyped-def]
    """A real distributed cluster of two worker processes, started once per test run."""
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("dask.dataframe")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0", memory_limit="2GiB"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="session")
def spark():  # type: ignore[no-untyped-def]
    """One Spark session in local[2] mode for the whole test run (skipped where no JVM exists)."""
    import os
    import shutil
    import sys

    pytest.importorskip("pyspark")
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        pytest.skip("Spark needs a Java runtime (no java on PATH, no JAVA_HOME)")
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"  # the loopback only
    session = (
        SparkSession.builder.master("local[2]")
        .appName("aliasctl-tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
