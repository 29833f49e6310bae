"""Benchmark ``aliasctl clean`` against a plain csv.reader -> csv.writer copy.

Generates (once, under benchmarks/out/) a 5,000-entity / 30,000-alias
synthetic registry and incident tables whose actor column holds a given
number of distinct noisy spellings among eleven other columns, then runs
copy and clean in alternation, each in a child process, and prints the
median wall time, the CPU time over the wall time (2.0: both cores busy on a
2-core machine) and the peak memory (maxrss) of the largest process.

    python benchmarks/bench_clean.py        # 1M x 42k, 100k x 36.5k, 1M x 165k CSV; 1M x 42k Parquet
    python benchmarks/bench_clean.py --case 100000:36500 --parquet --runs 1
    python benchmarks/bench_clean.py --case --parquet 1000000:42000 3000000:42000
    python benchmarks/bench_clean.py --resolution 50000 --xlsx-rows 200000
    git archive main | tar -x -C /tmp/base && python benchmarks/bench_clean.py --compare /tmp/base

With ``--compare``, the other source tree's clean runs in alternation with
this one's (and with the copy), each line marked ``before`` being its figures.

The Parquet tables are the CSV ones written by pyarrow (every column text),
against a pyarrow ``read_table`` -> ``write_table`` of the same file.

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
from typing import Any

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


def peak_of(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Wall time, CPU time (user + system, the child and its workers) and peak RSS of one child.

    The peak is that of the largest single process (the child or one of its
    forked workers), as ``getrusage(RUSAGE_CHILDREN)`` reports it.
    """
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "w = time.perf_counter() - t\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "sys.stderr.buffer.write(r.stderr) if r.returncode else None\n"
        "print(w, u.ru_utime + u.ru_stime, u.ru_maxrss, r.returncode)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], env=env, capture_output=True, text=True, check=False
    )
    wall, cpu, rss, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"failed ({code}): {' '.join(cmd)}\n{out.stderr}")
    return float(wall), float(cpu), int(rss) / 1024


def paired(commands: list[tuple[list[str], dict[str, str]]], runs: int) -> list[tuple[float, float, float]]:
    """Medians of ``runs`` alternated runs of the commands: (wall, cpu, peak MiB) of each.

    The machine may be shared: alternating the commands spreads other work over all of them.
    """
    import statistics

    got: list[list[tuple[float, float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for k, (cmd, env) in enumerate(commands):
            got[k].append(peak_of(cmd, env))
    return [
        (
            statistics.median(w for w, _, _ in g),
            statistics.median(c for _, c, _ in g),
            max(m for _, _, m in g),
        )
        for g in got
    ]


def resolution(registry: Path, values: list[str], env: dict[str, str]) -> None:
    """How long resolving the distinct values takes, batched and one by one (in this process)."""
    import random
    import time

    os.environ["ALIASCTL_CACHE_DIR"] = env["ALIASCTL_CACHE_DIR"]
    from aliasctl.matching.cache import load_index
    from aliasctl.matching.resolver import Resolver

    resolver = Resolver(load_index(registry))
    resolver.resolve("warm up")  # the word index and the vocabularies, loaded once
    start, cpu = time.perf_counter(), time.process_time()
    matches = resolver.resolve_batch(values, top=3)
    batch, cpu = time.perf_counter() - start, time.process_time() - cpu
    sample = random.Random(4).sample(values, 2000)
    start = time.perf_counter()
    for v in sample:
        resolver.resolve(v, top=3)
    single = (time.perf_counter() - start) / len(sample)
    statuses: dict[str, int] = {}
    for m in matches:
        statuses[m.status] = statuses.get(m.status, 0) + 1
    print(f"resolve_batch of {len(values):,} distinct values: {batch:.2f} s, {cpu:.2f} s of CPU "
          f"({cpu / len(values) * 1000:.3f} ms a value) "
          f"({', '.join(f'{k} {n:,}' for k, n in sorted(statuses.items()))}); "
          f"resolve() one at a time: {single * 1000:.2f} ms a name")
    transport(values, matches)


def transport(values: list[str], matches: list[Any]) -> None:
    """What sending the answers from a worker to the parent costs: as objects, and as flat columns."""
    import pickle
    import time

    def best(f: Any) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            f()
            times.append(time.perf_counter() - start)
        return min(times)

    as_objects = pickle.dumps(matches, pickle.HIGHEST_PROTOCOL)
    dump_objects = best(lambda: pickle.dumps(matches, pickle.HIGHEST_PROTOCOL))
    load_objects = best(lambda: pickle.loads(as_objects))
    try:
        from aliasctl.matching.portable import MatchColumns
    except ImportError:
        print(f"answers as objects: {len(as_objects) / 2**20:.1f} MiB, pickled {dump_objects:.2f} s (worker), "
              f"unpickled {load_objects:.2f} s (parent)")
        return
    as_columns = pickle.dumps(MatchColumns.pack(values, matches), pickle.HIGHEST_PROTOCOL)
    dump_columns = best(lambda: pickle.dumps(MatchColumns.pack(values, matches), pickle.HIGHEST_PROTOCOL))
    load_columns = best(lambda: pickle.loads(as_columns).unpack(values))
    assert pickle.loads(as_columns).unpack(values) == matches
    print(f"{len(values):,} answers as objects: {len(as_objects) / 2**20:.1f} MiB, packed and pickled "
          f"{dump_objects:.2f} s (worker), unpickled {load_objects:.2f} s (parent); as columns: "
          f"{len(as_columns) / 2**20:.1f} MiB, {dump_columns:.2f} s, unpickled and unpacked {load_columns:.2f} s")


COPY_PARQUET = """
import sys
import pyarrow.parquet as pq
pq.write_table(pq.read_table(sys.argv[1]), sys.argv[2])
"""

#: The cases the figures in the README are for: rows and distinct actor spellings.
CASES = ("1000000:42000", "100000:36500", "1000000:165000")


def to_parquet(csv_path: Path, parquet_path: Path) -> None:
    """The CSV table as Parquet, every column text (row groups of pyarrow's default size)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    with open(csv_path, encoding="utf-8", newline="") as fh:
        names = next(csv.reader(fh))
    table = pacsv.read_csv(
        csv_path, convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names})
    )
    pq.write_table(table, parquet_path)


def line(label: str, copy: tuple[float, float, float], clean: tuple[float, float, float]) -> str:
    return (f"{label:<30}{copy[0]:>8.2f}{clean[0]:>9.2f}{clean[0] / copy[0]:>7.2f}"
            f"{clean[1] / clean[0]:>9.2f}{copy[2]:>10.0f}{clean[2]:>10.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", nargs="*", default=list(CASES), metavar="ROWS:DISTINCT",
                        help="tables to clean: rows and distinct actor spellings (default: %(default)s)")
    parser.add_argument("--parquet", nargs="*", default=["1000000:42000"], metavar="ROWS:DISTINCT",
                        help="the same tables as Parquet, against a pyarrow read-and-write")
    parser.add_argument("--runs", type=int, default=3, help="paired runs of copy and clean (median)")
    parser.add_argument("--resolution", type=int, default=0, metavar="DISTINCT",
                        help="also time resolve_batch on this many distinct values, in this process")
    parser.add_argument("--xlsx-rows", type=int, default=0, help="also an XLSX table of this many rows")
    parser.add_argument("--compare", metavar="SOURCE",
                        help="also run the aliasctl of another source tree (a checkout or `git archive` of "
                             "it), in alternation with this one: its rows are marked 'before'")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    registry = OUT / "registry.yaml"
    names_file = OUT / "names.txt"
    if not registry.exists() or not names_file.exists():
        names = generate(registry, entities=5000, aliases_per=6, seed=1)
        names_file.write_text("\n".join(names) + "\n", encoding="utf-8")
    names = names_file.read_text(encoding="utf-8").splitlines()
    env = dict(os.environ, ALIASCTL_CACHE_DIR=str(OUT / "cache"))
    aliasctl = [sys.executable, "-m", "aliasctl", "--registry", str(registry)]
    # Build the index cache once, so that runs measure cleaning, not registry compilation.
    subprocess.run([*aliasctl, "lookup", "x"], env=env, stdout=subprocess.DEVNULL, check=False)
    versions = [("", env)]
    if args.compare:
        before = dict(env, PYTHONPATH=str(Path(args.compare).resolve()))
        subprocess.run([*aliasctl, "lookup", "x"], env=before, stdout=subprocess.DEVNULL, check=False)
        versions.insert(0, (" before", before))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f}; registry: 5,000 entities, ~30,000 aliases; median of {args.runs} paired runs")
    print(f"{'input':<30}{'copy s':>8}{'clean s':>9}{'ratio':>7}{'CPU/wall':>9}{'copy MiB':>10}{'clean MiB':>10}")

    def table(case: str) -> Path:
        rows, distinct = (int(x) for x in case.split(":"))
        src = OUT / f"incidents-{rows}x{distinct}.csv"
        if not src.exists():
            make_rows(src, rows, spellings(names, distinct))
        return src

    def compare(label: str, copy_cmd: list[str], src: Path, out: str) -> None:
        clean_cmd = [*aliasctl, "clean", "-q", str(src), "-c", "actor", "-o", str(OUT / out)]
        results = paired([(copy_cmd, env)] + [(clean_cmd, e) for _, e in versions], args.runs)
        for (mark, _), result in zip(versions, results[1:], strict=True):
            print(line(label + mark, results[0], result), flush=True)

    for case in args.case:
        src = table(case)
        rows, distinct = (int(x) for x in case.split(":"))
        copy_cmd = [sys.executable, "-c", COPY, str(src), str(OUT / "copy.csv")]
        compare(f"{rows:,} x {distinct / 1000:g}k CSV", copy_cmd, src, "clean.csv")
    for case in args.parquet:
        src_csv = table(case)
        src = src_csv.with_suffix(".parquet")
        if not src.exists():
            to_parquet(src_csv, src)
        rows, distinct = (int(x) for x in case.split(":"))
        copy_cmd = [sys.executable, "-c", COPY_PARQUET, str(src), str(OUT / "copy.parquet")]
        compare(f"{rows:,} x {distinct / 1000:g}k Parquet", copy_cmd, src, "clean.parquet")
    if args.resolution:
        resolution(registry, spellings(names, args.resolution), env)
    if args.xlsx_rows:
        rows = args.xlsx_rows
        src_csv = table(f"{rows}:{min(rows, 50_000)}")
        src = src_csv.with_suffix(".xlsx")
        if not src.exists():
            make_xlsx(src_csv, src)
        compare(f"{rows:,} rows XLSX", [sys.executable, "-c", COPY_XLSX, str(src), str(OUT / "copy.xlsx")],
                src, "clean.xlsx")


if __name__ == "__main__":
    main()
