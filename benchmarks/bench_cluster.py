"""Time `aliasctl cluster` on 25,000 to 100,000 distinct noisy values against a 5,000-entity registry.

    python benchmarks/bench_cluster.py [--sizes 25000,50000,100000] [--group-only]

The values are spellings of the synthetic registry's names with typos, vowel
drift, case and article changes (as in bench_clean.py), mixed with spellings
of 2,000 names the registry does not hold. For each size, prints the wall
time of the whole command (reading, resolving, grouping, proposing, writing)
with its CPU time over wall time (2.0 is both of two cores busy), and the
time of grouping all the values alone (the part that compared pairs);
``--group-only`` times only that.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_clean import spellings
from gen_registry import base_names, generate

from aliasctl.cluster import group, read_values


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description="Time aliasctl cluster.")
    parser.add_argument("--sizes", default="25000,50000,100000", help="distinct values, comma-separated")
    parser.add_argument("--group-only", action="store_true", help="time grouping alone, not the whole command")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        reg = Path(tmp) / "big.yaml"
        names = generate(reg, 5000, 6)
        unknown = [n for n in base_names(7000, seed=99) if n not in set(names)][:2000]
        env = dict(os.environ, ALIASCTL_CACHE_DIR=str(Path(tmp) / "cache"))
        subprocess.run([sys.executable, "-m", "aliasctl", "--registry", str(reg), "lookup", "x"], env=env,
                       stdout=subprocess.DEVNULL, check=False)
        for size in (int(s) for s in args.sizes.split(",")):
            values = spellings(names, size - size // 10) + spellings(unknown, size // 10, seed=5)
            values = list(dict.fromkeys(values))
            table = Path(tmp) / "values.csv"
            with open(table, "w", encoding="utf-8", newline="") as fh:
                w = csv.writer(fh)
                w.writerow(["actor"])
                w.writerows([v] for v in values)
            whole = whole_cpu = 0.0
            if not args.group_only:
                cpu, start = _cpu(), time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "aliasctl", "--registry", str(reg), "cluster", str(table), "-c", "actor",
                     "-o", str(Path(tmp) / f"p{size}.yaml"), "-q"],
                    env=env, check=True,
                )
                whole, whole_cpu = time.perf_counter() - start, _cpu() - cpu
            read = list(read_values(str(table), "actor").values())
            cpu, start = _cpu(), time.perf_counter()
            groups = group(read)
            alone, alone_cpu = time.perf_counter() - start, _cpu() - cpu
            command = "" if args.group_only else f"the command {whole:6.2f} s, CPU/wall {whole_cpu / whole:.2f}; "
            print(f"aliasctl cluster, {len(values):7,} distinct values: {command}"
                  f"grouping all of them {alone:6.2f} s, CPU/wall {alone_cpu / alone:.2f} "
                  f"({len(groups):,} groups)", flush=True)


if __name__ == "__main__":
    main()
