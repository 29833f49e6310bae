"""Time `aliasctl lookup` as a whole process, against the cost of importing its dependencies.

    python benchmarks/bench_lookup.py [--runs 15]

Prints the median wall time of:
  * the baseline `python -c "import click, yaml, rapidfuzz, unidecode"`;
  * one lookup on the bundled registry, index cached (the usual case) and uncached;
  * one lookup on a generated 5,000-entity / 30,000-alias registry, index cached and uncached.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_registry import generate


def _time(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description="Time aliasctl lookup as a whole process.")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    exe = shutil.which("aliasctl")
    cli = [exe] if exe else [sys.executable, "-m", "aliasctl"]
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, ALIASCTL_CACHE_DIR=str(Path(tmp) / "cache"))
        env.pop("ALIASCTL_REGISTRY", None)
        # Measure what an installed copy does: byte-code cached (pip compiles it at install).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        nocache = dict(env, ALIASCTL_NO_CACHE="1")
        big = Path(tmp) / "big.yaml"
        generate(big, entities=5000, aliases_per=6)
        query = ["lookup", "Kataib Hezbollah"]
        base = _time([sys.executable, "-c", "import click, yaml, rapidfuzz, unidecode"], args.runs, env)
        subprocess.run([*cli, *query], env=env, stdout=subprocess.DEVNULL, check=False)  # warm the cache
        bundled = _time([*cli, *query], args.runs, env)
        bundled_cold = _time([*cli, *query], max(3, args.runs // 3), nocache)
        big_cmd = [*cli, "--registry", str(big), "lookup", "Katayib al-Haq al-Islam"]
        subprocess.run(big_cmd, env=env, stdout=subprocess.DEVNULL, check=False)
        big_warm = _time(big_cmd, args.runs, env)
        big_cold = _time(big_cmd, max(3, args.runs // 3), nocache)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"baseline import click, yaml, rapidfuzz, unidecode: {base * 1000:7.1f} ms")
    print(f"lookup, bundled registry, cached index:            {bundled * 1000:7.1f} ms  ({bundled / base:.2f}x)")
    print(f"lookup, bundled registry, no cache:                {bundled_cold * 1000:7.1f} ms  ({bundled_cold / base:.2f}x)")
    print(f"lookup, 5,000-entity registry, cached index:       {big_warm * 1000:7.1f} ms  ({big_warm / base:.2f}x)")
    print(f"lookup, 5,000-entity registry, no cache:           {big_cold * 1000:7.1f} ms  ({big_cold / base:.2f}x)")


if __name__ == "__main__":
    main()
