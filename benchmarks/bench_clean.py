"""Benchmark ``aliasctl clean`` against a plain csv.reader -> csv.writer copy.

Generates (once, under benchmarks/out/) a 5,000-entity / 30,000-alias
synthetic registry and incident tables whose actor column holds 50,000
distinct noisy spellings among ten other columns, then runs each step in a
child process and prints wall time and the child's peak memory (maxrss).

    python benchmarks/bench_clean.py                 # 100k and 1M rows CSV, 200k rows XLSX
    python benchmarks/bench_clean.py --rows 100000 --no-xlsx

It prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

try:
    from gen_registry import generate  # the registry generator kept next to this script
except ImportError:  # pragma: no cover
    raise SystemExit("benchmarks/gen_registry.py is needed (it generates the synthetic registry)") from None

OUT = HERE / "out"

COPY = """
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as src, open(sys.argv[2], "w", newline="", encoding="utf-8") as dst:
    csv.writer(dst).writerows(csv.reader(src))
"""


def noisy(name: str, rng: random.Random) -> str:
    """One spelling of ``name`` as it turns up in incident tables."""
    out = name
    for _ in range(rng.randint(1, 2)):
        op = rng.randrange(6)
        if op == 0 and len(out) > 6:  # typo: drop a letter
            i = rng.randrange(1, len(out) - 1)
            out = out[:i] + out[i + 1 :]
        elif op == 1 and len(out) > 6:  # typo: swap two letters
            i = rng.randrange(1, len(out) - 2)
            out = out[:i] + out[i + 1] + out[i] + out[i + 2 :]
        elif op == 2:  # vowel drift
            src, dst = rng.choice([("a", "e"), ("i", "ee"), ("u", "ou"), ("o", "u"), ("e", "a")])
            out = out.replace(src, dst, 1)
        elif op == 3:  # case
            out = rng.choice([str.upper, str.lower, str.title])(out)
        elif op == 4:  # dropped article
            out = out.replace("al-", "", 1)
        else:  # article spelling
            out = out.replace("al-", rng.choice(["el-", "al ", "Al-", "ul-"]), 1)
    return out


def spellings(names: list[str], distinct: int, seed: int = 2) -> list[str]:
    """``distinct`` different spellings, real names first."""
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        if len(out) >= distinct // 10:
            break
        if name not in seen:
            seen.add(name)
            out.append(name)
    tries = 0
    while len(out) < distinct and tries < distinct * 20:
        tries += 1
        s = noisy(rng.choice(names), rng)
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


COPY_XLSX = """
import sys
from openpyxl import Workbook, load_workbook
src = load_workbook(sys.argv[1], read_only=True)
out = Workbook(write_only=True)
ws = out.create_sheet(src.sheetnames[0])
for row in src.worksheets[0].iter_rows(values_only=True):
    ws.append(row)
out.save(sys.argv[2])
"""


def make_rows(path: Path, rows: int, values: list[str], seed: int = 3) -> None:
    """A CSV table of ``rows`` incidents; the actor column draws from ``values`` (Zipf-like)."""
    rng = random.Random(seed)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(values))]
    actors = rng.choices(values, weights=weights, k=rows)
    # Every distinct value at least once, so that each one is resolved.
    for i, v in enumerate(values[: min(len(values), rows)]):
        actors[(i * 7919) % rows] = v
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["event_id", "event_date", "year", "event_type", "actor", "country",
                    "admin1", "location", "latitude", "longitude", "fatalities", "notes"])
        for i in range(rows):
            w.writerow([
                f"{9000000000000000000 + i}", f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}", "2020",
                rng.choice(["Battles", "Explosions/Remote violence", "Violence against civilians"]),
                actors[i], rng.choice(["Iraq", "Syria", "Yemen", "Mali"]),
                rng.choice(["Baghdad", "Diwaniyah", "Idlib", "Gao"]), f"Place {rng.randrange(5000)}",
                f"{rng.uniform(10, 40):.4f}", f"{rng.uniform(30, 50):.4f}", f"{rng.randrange(20):03d}",
                rng.choice(["", "NA", "On 14 July, an IED hit a convoy, \"claimed\" later", "1e5"]),
            ])


def make_xlsx(csv_path: Path, xlsx_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("incidents")
    with open(csv_path, newline="", encoding="utf-8") as fh:
        for row in csv.reader(fh):
            ws.append(row)
    wb.save(xlsx_path)


def peak_of(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall time and peak RSS of one child, measured in a fresh wrapper process."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "w = time.perf_counter() - t\n"
        "sys.stderr.buffer.write(r.stderr) if r.returncode else None\n"
        "print(w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], env=env, capture_output=True, text=True, check=False
    )
    wall, rss, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"failed ({code}): {' '.join(cmd)}\n{out.stderr}")
    return float(wall), int(rss) / 1024


def resolution(registry: Path, values: list[str], env: dict[str, str]) -> None:
    """How long resolving the distinct values takes, batched and one by one (in this process)."""
    import random
    import time

    os.environ["ALIASCTL_CACHE_DIR"] = env["ALIASCTL_CACHE_DIR"]
    from aliasctl.matching.cache import load_index
    from aliasctl.matching.resolver import Resolver

    resolver = Resolver(load_index(registry))
    start = time.perf_counter()
    matches = resolver.resolve_batch(values, top=3)
    batch = time.perf_counter() - start
    sample = random.Random(4).sample(values, 2000)
    start = time.perf_counter()
    for v in sample:
        resolver.resolve(v, top=3)
    single = (time.perf_counter() - start) / len(sample)
    statuses: dict[str, int] = {}
    for m in matches:
        statuses[m.status] = statuses.get(m.status, 0) + 1
    print(f"resolve_batch of {len(values):,} distinct values: {batch:.2f} s "
          f"({', '.join(f'{k} {n:,}' for k, n in sorted(statuses.items()))}); "
          f"resolve() one at a time: {single * 1000:.2f} ms a name")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--distinct", type=int, default=50_000)
    parser.add_argument("--xlsx-rows", type=int, default=200_000)
    parser.add_argument("--no-xlsx", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    registry = OUT / "registry.yaml"
    names_file = OUT / "names.txt"
    if not registry.exists() or not names_file.exists():
        names = generate(registry, entities=5000, aliases_per=6, seed=1)
        names_file.write_text("\n".join(names) + "\n", encoding="utf-8")
    names = names_file.read_text(encoding="utf-8").splitlines()
    values = spellings(names, args.distinct)
    env = dict(os.environ, ALIASCTL_CACHE_DIR=str(OUT / "cache"))
    aliasctl = [sys.executable, "-m", "aliasctl", "--registry", str(registry)]
    # Build the index cache once, so that runs measure cleaning, not registry compilation.
    subprocess.run([*aliasctl, "lookup", "x"], env=env, stdout=subprocess.DEVNULL, check=False)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; registry: 5,000 entities, "
          f"~30,000 aliases; actor column: {len(values):,} distinct spellings")
    print(f"{'input':<22}{'copy s':>9}{'clean s':>9}{'ratio':>7}{'copy MiB':>10}{'clean MiB':>10}")
    for rows in sorted(args.rows):
        src = OUT / f"incidents-{rows}.csv"
        if not src.exists():
            make_rows(src, rows, values)
        copy_s, copy_mb = peak_of([sys.executable, "-c", COPY, str(src), str(OUT / "copy.csv")], env)
        clean_s, clean_mb = peak_of(
            [*aliasctl, "clean", "-q", str(src), "-c", "actor", "-o", str(OUT / "clean.csv")], env
        )
        print(f"{f'{rows:,} rows CSV':<22}{copy_s:>9.2f}{clean_s:>9.2f}{clean_s / copy_s:>7.2f}"
              f"{copy_mb:>10.0f}{clean_mb:>10.0f}")
    resolution(registry, values, env)
    if not args.no_xlsx:
        rows = args.xlsx_rows
        src_csv = OUT / f"incidents-{rows}.csv"
        if not src_csv.exists():
            make_rows(src_csv, rows, values)
        src = OUT / f"incidents-{rows}.xlsx"
        if not src.exists():
            make_xlsx(src_csv, src)
        copy_s, copy_mb = peak_of([sys.executable, "-c", COPY_XLSX, str(src), str(OUT / "copy.xlsx")], env)
        clean_s, clean_mb = peak_of(
            [*aliasctl, "clean", "-q", str(src), "-c", "actor", "-o", str(OUT / "clean.xlsx")], env
        )
        print(f"{f'{rows:,} rows XLSX':<22}{copy_s:>9.2f}{clean_s:>9.2f}{clean_s / copy_s:>7.2f}"
              f"{copy_mb:>10.0f}{clean_mb:>10.0f}")


if __name__ == "__main__":
    main()
