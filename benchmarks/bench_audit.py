"""Time `aliasctl audit` on a generated 5,000-entity / 30,000-alias registry.

    python benchmarks/bench_audit.py [--entities 5000] [--aliases 6]

Prints the wall time of the whole audit (every rule, near-collision detection
included), with the index cache cold and warm, and the number of problems.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from gen_registry import generate

from aliasctl.audit import AuditConfig, run_audit
from aliasctl.matching.cache import write_cached
from aliasctl.matching.index import Index
from aliasctl.registry import load_registry


def main() -> None:
    parser = argparse.ArgumentParser(description="Time aliasctl audit on a synthetic registry.")
    parser.add_argument("--entities", type=int, default=5000)
    parser.add_argument("--aliases", type=int, default=6)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ALIASCTL_CACHE_DIR"] = str(Path(tmp) / "cache")
        path = Path(tmp) / "big.yaml"
        generate(path, args.entities, args.aliases)
        timings = []
        for label in ("no index cache", "index cached"):
            if label == "index cached":  # as after any lookup on this registry
                write_cached(Index.from_registry(load_registry(path)))
            start = time.perf_counter()
            report = run_audit([path], AuditConfig())
            timings.append((label, time.perf_counter() - start, report))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    for label, seconds, report in timings:
        counts = ", ".join(f"{report.count(lv)} {lv}" for lv in ("error", "warning", "info"))
        print(f"audit, {args.entities} entities, {label}: {seconds:6.2f} s  ({counts})")


if __name__ == "__main__":
    main()
