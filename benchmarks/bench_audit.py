"""Time `aliasctl audit` on generated registries of 5,000 to 50,000 entities, and how it grows.

    python benchmarks/bench_audit.py [--sizes 5000,10000,20000,50000] [--aliases 6] [--rules]

For each size, prints the wall and CPU time of the whole audit (every rule,
near-collision detection included), with the index cache cold and warm, the
number of problems, and the growth exponent between the smallest and the
largest size (1.0 is linear; n log n from 5,000 to 50,000 is about 1.1).
``--rules`` adds the time of each rule that takes a tenth of a second or more,
at the largest size.
"""

from __future__ import annotations

import argparse
import math
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
from aliasctl.audit.context import build_context
from aliasctl.audit.rules import RULES
from aliasctl.matching.cache import write_cached
from aliasctl.matching.index import Index
from aliasctl.matching.neighbours import paused_gc
from aliasctl.registry import load_registry

LABELS = ("no index cache", "index cached")


def main() -> None:
    parser = argparse.ArgumentParser(description="Time aliasctl audit on synthetic registries.")
    parser.add_argument("--sizes", default="5000,10000,20000,50000", help="entity counts, comma-separated")
    parser.add_argument("--aliases", type=int, default=6)
    parser.add_argument("--rules", action="store_true", help="time each rule at the largest size")
    parser.add_argument("--redirects", type=int, default=0, metavar="N",
                        help="also give each registry N redirects to its entities and N/10 to missing ids")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    seconds: dict[str, list[float]] = {label: [] for label in LABELS}
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ALIASCTL_CACHE_DIR"] = str(Path(tmp) / "cache")
        for entities in sizes:
            path = Path(tmp) / f"big{entities}.yaml"
            generate(path, entities, args.aliases)
            if args.redirects:
                add_redirects(path, args.redirects)
            for label in LABELS:
                if label == "index cached":  # as after any lookup on this registry
                    write_cached(Index.from_registry(load_registry(path)))
                start, cpu = time.perf_counter(), time.process_time()
                report = run_audit([path], AuditConfig())
                took, cpu = time.perf_counter() - start, time.process_time() - cpu
                seconds[label].append(took)
                counts = ", ".join(f"{report.count(lv)} {lv}" for lv in ("error", "warning", "info"))
                # CPU time too: on a shared machine the wall time carries the others' work.
                print(f"audit, {entities:6,} entities, {label:14}: {took:6.2f} s, CPU {cpu:6.2f} s  ({counts})",
                      flush=True)
        if len(sizes) > 1:
            for label in LABELS:
                slope = math.log(seconds[label][-1] / seconds[label][0]) / math.log(sizes[-1] / sizes[0])
                print(f"growth {sizes[0]:,} -> {sizes[-1]:,} entities, {label}: exponent {slope:.2f}")
        if args.rules:
            ctx = build_context(Path(tmp) / f"big{sizes[-1]}.yaml")
            len(ctx.alias_marks)  # shared by several rules: built once, outside their times
            with paused_gc():
                for rule in RULES:
                    start = time.perf_counter()
                    found = sum(1 for _ in rule.check(ctx))
                    took = time.perf_counter() - start
                    if took >= 0.1:
                        print(f"  {rule.ID} {rule.NAME:24} {took:6.2f} s  ({found} findings)")


def add_redirects(path: Path, count: int) -> None:
    """Append a redirects block: ``count`` old ids of live entities, and a tenth as many to no entity."""
    text = path.read_text(encoding="utf-8")
    ids = [line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("  - id:")]
    lines = ["redirects:"]
    lines += [f"  old-{i}-{ids[i % len(ids)]}: {ids[i % len(ids)]}" for i in range(count)]
    lines += [f"  gone-{i}: missing-{i}" for i in range(count // 10)]
    path.write_text(text.rstrip("\n") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
