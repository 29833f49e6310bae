"""Time `aliasctl cluster` on 50,000 distinct noisy values against a 5,000-entity registry.

    python benchmarks/bench_cluster.py [--values 50000]

The values are spellings of the synthetic registry's names with typos, vowel
drift, case and article changes (as in bench_clean.py), mixed with spellings
of 2,000 names the registry does not hold. Prints the time of the whole
command (reading, resolving, grouping, proposing, writing) and of its parts.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_clean import spellings
from gen_registry import base_names, generate

from aliasctl.cluster import cluster_values, group, read_values
from aliasctl.matching.resolver import Resolver
from aliasctl.registry import load_registry


def main() -> None:
    parser = argparse.ArgumentParser(description="Time aliasctl cluster.")
    parser.add_argument("--values", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        reg = Path(tmp) / "big.yaml"
        names = generate(reg, 5000, 6)
        unknown = [n for n in base_names(7000, seed=99) if n not in set(names)][:2000]
        values = spellings(names, args.values - args.values // 10) + spellings(unknown, args.values // 10, seed=5)
        values = list(dict.fromkeys(values))
        table = Path(tmp) / "values.csv"
        with open(table, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["actor"])
            w.writerows([v] for v in values)
        env = dict(os.environ, ALIASCTL_CACHE_DIR=str(Path(tmp) / "cache"))
        subprocess.run([sys.executable, "-m", "aliasctl", "--registry", str(reg), "lookup", "x"], env=env,
                       stdout=subprocess.DEVNULL, check=False)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "aliasctl", "--registry", str(reg), "cluster", str(table), "-c", "actor",
             "-o", str(Path(tmp) / "p.yaml"), "-q"],
            env=env, check=True,
        )
        whole = time.perf_counter() - start
        resolver = Resolver(load_registry(reg))
        t0 = time.perf_counter()
        read = read_values(str(table), "actor")
        t1 = time.perf_counter()
        clusters = cluster_values(read, resolver)
        t2 = time.perf_counter()
        group(list(read.values()))
        t3 = time.perf_counter()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"aliasctl cluster, {len(values):,} distinct values, 5,000-entity registry: {whole:.2f} s")
    print(f"  reading {t1 - t0:.2f} s; resolving and clustering the misses {t2 - t1:.2f} s "
          f"({len(clusters):,} clusters); grouping all {len(read):,} values alone {t3 - t2:.2f} s")


if __name__ == "__main__":
    main()
