"""Benchmark the resolver in each engine against that engine's plain read-and-write of the same data.

Generates (once, under benchmarks/out/) the 5,000-entity synthetic registry of
bench_clean.py and a Parquet dataset of ``--rows`` incident rows in
``--files`` files, whose actor column holds 50,000 distinct noisy spellings
(Zipf-distributed, each at least once). Then, each step in a fresh child
process, it times:

- single-process ``aliasctl clean`` of the dataset (the folder, file by file)
  against pyarrow reading and writing the same files;
- ``aliasctl clean --engine dask`` of the folder on a LocalCluster of 2
  worker processes (the workers' CPU time over the wall time shown) against
  the same cluster reading and writing each file with pyarrow;
- Dask on a LocalCluster of 2 (and 1) worker processes: ``read_parquet``, the
  six answer columns added by ``aliasctl.engines.dask.resolve``,
  ``to_parquet``, against ``read_parquet`` -> ``to_parquet``;
- DuckDB: ``COPY (SELECT *, resolve_group(actor) ...) TO`` against the same COPY without it;
- Polars: ``scan_parquet`` -> ``with_columns(resolve("actor"))`` -> ``sink_parquet``
  against ``scan_parquet`` -> ``sink_parquet``;
- Spark ``local[2]``: ``read.parquet`` -> ``with_answers(df, "actor")`` (the
  distinct values through the pandas UDF, joined back) -> ``write.parquet``
  against read -> write (the session's start-up reported apart);

and the costs the scaling estimate is made of: resolving the distinct values
(per value), loading a pickled resolver (per worker), and how many distinct
values a worker meets when the rows are spread over W workers.

    python benchmarks/bench_engines.py                       # 10,000,000 rows
    python benchmarks/bench_engines.py --rows 1000000 --skip spark
    python benchmarks/bench_engines.py --rows 1000000 --files 1 --skip clean,dask,duckdb,polars,spark --no-scaling

It prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_clean import OUT, spellings  # noqa: E402 - the generators kept next to this script
from gen_registry import generate  # noqa: E402

STEPS = ("clean", "clean-dask", "dask", "duckdb", "polars", "spark")
COLUMN = "actor"


# -- the data -----------------------------------------------------------------------


def registry_and_values(distinct: int) -> tuple[Path, list[str]]:
    """The synthetic registry (made once) and ``distinct`` noisy spellings of its names."""
    OUT.mkdir(exist_ok=True)
    registry = OUT / "registry.yaml"
    names_file = OUT / "names.txt"
    if not registry.exists() or not names_file.exists():
        names = generate(registry, entities=5000, aliases_per=6, seed=1)
        names_file.write_text("\n".join(names) + "\n", encoding="utf-8")
    names = names_file.read_text(encoding="utf-8").splitlines()
    return registry, spellings(names, distinct)


def make_dataset(folder: Path, rows: int, files: int, values: list[str], seed: int = 3) -> None:
    """``files`` Parquet files of incidents; the actor column draws from ``values`` (Zipf-like)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(seed)
    weights = 1.0 / (np.arange(len(values)) + 1.0) ** 0.8
    codes = rng.choice(len(values), size=rows, p=weights / weights.sum())
    # Every distinct value at least once, spread over the whole dataset.
    k = min(len(values), rows)
    codes[(np.arange(k) * 7919) % rows] = np.arange(k)
    dictionary = pa.array(values, pa.string())
    folder.mkdir(parents=True, exist_ok=True)
    per = -(-rows // files)
    for f in range(files):
        lo, hi = f * per, min(rows, (f + 1) * per)
        n = hi - lo
        actor = pa.DictionaryArray.from_arrays(pa.array(codes[lo:hi].astype("int32")), dictionary).cast(pa.string())
        table = pa.table(
            {
                "event_id": pa.array(np.arange(lo, hi, dtype="int64") + 9_000_000_000_000_000_000 // 1000),
                "event_date": pa.array([f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(lo, hi)]),
                "event_type": pa.array(rng.choice(["Battles", "Explosions/Remote violence", "Protests"], n)),
                COLUMN: actor,
                "country": pa.array(rng.choice(["Iraq", "Syria", "Yemen", "Mali"], n)),
                "latitude": pa.array(rng.uniform(10, 40, n)),
                "longitude": pa.array(rng.uniform(30, 50, n)),
                "fatalities": pa.array(rng.integers(0, 20, n)),
            }
        )
        pq.write_table(table, folder / f"part-{f:03d}.parquet", row_group_size=250_000)


# -- the steps, each run in a child process -----------------------------------------


def _fresh(out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)


def step_clean(data: Path, out: Path, registry: Path, plain: bool) -> dict[str, float]:
    if plain:
        import pyarrow.parquet as pq

        out.mkdir(parents=True)
        t = time.perf_counter()
        for f in sorted(data.glob("*.parquet")):
            pq.write_table(pq.read_table(f), out / f.name)
        return {"seconds": time.perf_counter() - t}
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "aliasctl", "--registry", str(registry), "clean", str(data), "-c", COLUMN,
         "-o", str(out), "-q"],
        check=True,
    )
    return {"seconds": time.perf_counter() - t}


def step_clean_dask(data: Path, out: Path, registry: Path, plain: bool, workers: int) -> dict[str, float]:
    """``aliasctl clean --engine dask`` of the folder on a LocalCluster of ``workers`` processes.

    The floor is the same cluster reading and writing each file with pyarrow, one task a file.
    """
    from distributed import Client, LocalCluster

    t0 = time.perf_counter()
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                     dashboard_address="127.0.0.1:0") as cluster,
        Client(cluster) as client,
    ):
        start = time.perf_counter() - t0
        t = time.perf_counter()
        cpu0 = _cluster_cpu(client)
        if plain:
            out.mkdir(parents=True)
            files = sorted(data.glob("*.parquet"))
            client.gather(client.map(_copy_parquet, files, [out / f.name for f in files]))
        else:
            code = subprocess.run(
                [sys.executable, "-m", "aliasctl", "--registry", str(registry), "clean", str(data), "-c", COLUMN,
                 "-o", str(out), "-q", "--engine", "dask", "--scheduler", cluster.scheduler_address],
                check=False,
            ).returncode
            if code:
                raise SystemExit(f"clean --engine dask failed ({code})")
        seconds = time.perf_counter() - t
        cpu = _cluster_cpu(client) - cpu0
        client.close()
    return {"seconds": seconds, "startup": start, "cpu": cpu}


def _copy_parquet(src: Path, dst: Path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(pq.read_table(src), dst)


def _worker_cpu() -> float:
    import resource

    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


def _cluster_cpu(client: Any) -> float:
    """CPU seconds the cluster's workers have used so far, all together."""
    return sum(client.run(_worker_cpu).values())


def step_dask(data: Path, out: Path, registry: Path, plain: bool, workers: int) -> dict[str, float]:
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    t0 = time.perf_counter()
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                     dashboard_address="127.0.0.1:0") as cluster,
        Client(cluster) as client,
    ):
        start = time.perf_counter() - t0
        t = time.perf_counter()
        ddf = dd.read_parquet(str(data))
        if not plain:
            from aliasctl.engines.dask import resolve
            from aliasctl.matching.portable import open_resolver

            answers = resolve(ddf, COLUMN, open_resolver(registry))
            ddf = ddf.assign(**{f"{COLUMN}_{c}": answers[c] for c in answers.columns})
        ddf.to_parquet(str(out), write_index=False)
        seconds = time.perf_counter() - t
        client.close()
    return {"seconds": seconds, "startup": start}


def step_duckdb(data: Path, out: Path, registry: Path, plain: bool) -> dict[str, float]:
    import duckdb

    con = duckdb.connect()
    con.execute("SET threads TO 2")
    t = time.perf_counter()
    select = "*"
    if not plain:
        from aliasctl.engines.duckdb import register

        register(con, registry)
        select = f"*, resolve_group({COLUMN}) AS {COLUMN}_match"
    out.mkdir(parents=True)
    con.execute(f"COPY (SELECT {select} FROM '{data}/*.parquet') TO '{out}/out.parquet' (FORMAT parquet)")
    return {"seconds": time.perf_counter() - t}


def step_polars(data: Path, out: Path, registry: Path, plain: bool) -> dict[str, float]:
    import polars as pl

    t = time.perf_counter()
    lf = pl.scan_parquet(str(data / "*.parquet"))
    if not plain:
        from aliasctl.engines.polars import resolve

        lf = lf.with_columns(resolve(COLUMN, registry).alias(f"{COLUMN}_match"))
    out.mkdir(parents=True)
    lf.sink_parquet(str(out / "out.parquet"))
    return {"seconds": time.perf_counter() - t}


def step_spark(data: Path, out: Path, registry: Path, plain: bool) -> dict[str, float]:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    import warnings

    warnings.simplefilter("ignore", FutureWarning)
    from pyspark.sql import SparkSession

    t0 = time.perf_counter()
    spark = (
        SparkSession.builder.master("local[2]").appName("bench")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "4g").getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    start = time.perf_counter() - t0
    t = time.perf_counter()
    df = spark.read.parquet(str(data))
    if not plain:
        from aliasctl.engines.spark import with_answers

        df = with_answers(df, COLUMN, registry)
    df.write.parquet(str(out))
    seconds = time.perf_counter() - t
    spark.stop()
    return {"seconds": seconds, "startup": start}


def step_costs(data: Path, registry: Path, values: list[str]) -> dict[str, Any]:
    """What the scaling estimate needs: per-value cost, index-load cost, the values' frequencies."""
    import pickle
    import random

    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    from aliasctl.matching.cache import load_index
    from aliasctl.matching.portable import open_resolver
    from aliasctl.matching.resolver import Resolver

    resolver = Resolver(load_index(registry))
    sample = random.Random(5).sample(values, min(len(values), 5000))  # a sample: resolving all takes minutes
    t = time.perf_counter()
    resolver.resolve_batch(sample)
    per_value = (time.perf_counter() - t) / len(sample)
    blob = pickle.dumps(open_resolver(registry))
    code = (
        "import pickle, sys, time; t = time.perf_counter(); "
        "pickle.loads(sys.stdin.buffer.read()); print(time.perf_counter() - t)"
    )
    env = dict(os.environ, ALIASCTL_NO_CACHE="1")
    loads = []
    for _ in range(3):
        r = subprocess.run([sys.executable, "-c", "import aliasctl.matching.portable; " + code], input=blob,
                           capture_output=True, check=True, env=env)
        loads.append(float(r.stdout))
    counts = pc.value_counts(ds.dataset(str(data)).to_table(columns=[COLUMN]).column(COLUMN).combine_chunks())
    # Distinct values first: what a worker pays to take every answer worked out by the others.
    from aliasctl.matching.batch import prime

    matches = resolver.resolve_batch(values[:5000])
    answers = pickle.dumps((values[:5000], matches))
    t = time.perf_counter()
    got = pickle.loads(answers)
    prime(Resolver(resolver.index), "bench", *got)
    prime_per_value = (time.perf_counter() - t) / 5000
    return {
        "per_value": per_value,
        "load": min(loads),
        "pickle_bytes": len(blob),
        "prime_per_value": prime_per_value,
        "answer_bytes": len(answers) / 5000,
        "counts": counts.field("counts").to_pylist(),
    }


def child(args: argparse.Namespace) -> None:
    data, out, registry = Path(args.data), Path(args.out), Path(args.registry)
    _fresh(out)
    step = args.child
    if step == "costs":
        values = Path(args.values).read_text(encoding="utf-8").splitlines()
        result: dict[str, Any] = step_costs(data, registry, values)
    elif step == "dask":
        result = step_dask(data, out, registry, args.plain, args.workers)
    elif step == "clean-dask":
        result = step_clean_dask(data, out, registry, args.plain, args.workers)
    else:
        result = globals()[f"step_{step}"](data, out, registry, args.plain)
    _fresh(out)
    print(json.dumps(result))


def run_child(step: str, data: Path, registry: Path, env: dict[str, str], *, plain: bool = False,
              workers: int = 2, values: Path | None = None) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", step, "--data", str(data), "--out", str(OUT / f"eng-{step}"),
           "--registry", str(registry), "--workers", str(workers)]
    if plain:
        cmd.append("--plain")
    if values is not None:
        cmd += ["--values", str(values)]
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if r.returncode:
        sys.stderr.write(r.stderr[-3000:])
        raise SystemExit(f"step {step} failed")
    return dict(json.loads(r.stdout.strip().splitlines()[-1]))


# -- the estimate -------------------------------------------------------------------


def distinct_seen(counts: list[int], workers: int) -> float:
    """Distinct values one worker meets when the rows are spread evenly over ``workers`` at random."""
    share = 1.0 / workers
    return sum(1.0 - (1.0 - share) ** c for c in counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--distinct", type=int, default=50_000)
    parser.add_argument("--skip", default="", help="steps to leave out, comma-separated: " + ",".join(STEPS))
    parser.add_argument("--no-scaling", action="store_true", help="leave out the 1-worker Dask runs")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--registry", help=argparse.SUPPRESS)
    parser.add_argument("--values", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=2, help=argparse.SUPPRESS)
    parser.add_argument("--plain", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    registry, values = registry_and_values(args.distinct)
    values_file = OUT / f"values-{args.distinct}.txt"
    values_file.write_text("\n".join(values) + "\n", encoding="utf-8")
    data = OUT / f"events-{args.rows}x{args.files}-{args.distinct}"
    if not data.exists():
        t = time.perf_counter()
        make_dataset(data, args.rows, args.files, values)
        print(f"generated {data} in {time.perf_counter() - t:.0f} s")
    env = dict(os.environ, ALIASCTL_CACHE_DIR=str(OUT / "cache"))
    # Build the index cache once, as a first lookup does: runs then measure resolving, not compiling.
    subprocess.run([sys.executable, "-m", "aliasctl", "--registry", str(registry), "lookup", "x"], env=env,
                   stdout=subprocess.DEVNULL, check=False)
    size = sum(f.stat().st_size for f in data.glob("*.parquet")) / 2**20
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; {args.rows:,} rows in {args.files} Parquet "
          f"files ({size:.0f} MiB); {len(values):,} distinct actor spellings; registry: 5,000 entities")
    skip = set(filter(None, args.skip.split(",")))
    print(f"{'engine':<26}{'floor s':>9}{'engine s':>10}{'floor rows/s':>14}{'engine rows/s':>15}{'ratio':>7}")
    timings: dict[str, tuple[float, float]] = {}
    for step in STEPS:
        if step in skip:
            continue
        floor = run_child(step, data, registry, env, plain=True)
        full = run_child(step, data, registry, env)
        label = {
            "clean": "clean (1 process)", "clean-dask": "clean --engine dask, 2", "dask": "Dask, 2 workers",
            "spark": "Spark local[2]",
        }.get(step, step)
        if "startup" in full:
            label += f" (+{full['startup']:.1f} s start)"
        if "cpu" in full:
            label += f" (CPU/wall {full['cpu'] / full['seconds']:.2f})"
        timings[step] = (floor["seconds"], full["seconds"])
        _row(label, floor["seconds"], full["seconds"], args.rows)
    if "dask" not in skip and not args.no_scaling:
        floor1 = run_child("dask", data, registry, env, plain=True, workers=1)
        full1 = run_child("dask", data, registry, env, workers=1)
        _row("Dask, 1 worker", floor1["seconds"], full1["seconds"], args.rows)
        two = timings["dask"][1]
        print(f"Dask scaling 1 -> 2 workers: {full1['seconds'] / two:.2f}x "
              f"(efficiency {full1['seconds'] / two / 2:.2f} of linear; floor {floor1['seconds'] / timings['dask'][0]:.2f}x)")
        costs = run_child("costs", data, registry, env, values=values_file)
        estimate(args.rows, costs, floor1["seconds"], full1["seconds"])


def _row(label: str, floor: float, full: float, rows: int) -> None:
    print(f"{label:<26}{floor:>9.1f}{full:>10.1f}{rows / floor:>14,.0f}{rows / full:>15,.0f}{full / floor:>7.2f}")


def estimate(rows: int, costs: dict[str, Any], floor1: float, full1: float) -> None:
    """Throughput at 32 and 256 workers from the measured per-value, per-row and per-worker costs."""
    counts = costs["counts"]
    distinct = len(counts)
    c_value, load = costs["per_value"], costs["load"]
    # One worker did everything: its time is I/O (the floor), loading, resolving, and mapping per row.
    c_row = max(0.0, (full1 - floor1 - load - distinct * c_value) / rows)
    c_io = floor1 / rows
    print(f"costs: resolving {c_value * 1e3:.3f} ms a distinct value (both cores), loading the pickled "
          f"resolver {load:.2f} s a worker ({costs['pickle_bytes'] / 2**20:.1f} MiB), mapping answers "
          f"{c_row * 1e6:.2f} us a row, plain read+write {c_io * 1e6:.2f} us a row (1 worker); "
          f"{distinct:,} distinct values in {rows:,} rows (ratio {distinct / rows:.4f})")
    one = load + distinct * c_value + rows * (c_row + c_io)
    c_prime = costs.get("prime_per_value", 0.0)
    print(f"taking the others' answers (distinct values first): {c_prime * 1e6:.1f} us a value, "
          f"{costs.get('answer_bytes', 0):.0f} bytes a value")
    for workers in (2, 32, 256):
        seen = distinct_seen(counts, workers)
        # Each worker resolves every value it meets (Spark's resolve, clean --engine dask) ...
        each = load + seen * c_value + rows / workers * (c_row + c_io)
        # ... or its share of the distinct values, then takes all the answers (Dask's resolve, with_answers).
        first = load + distinct / workers * c_value + distinct * c_prime + rows / workers * (c_row + c_io)
        print(f"estimate at {workers:>3} workers: a worker meets ~{seen:,.0f} distinct values; resolving what it "
              f"meets {rows / each:,.0f} rows/s ({one / each / workers:.2f} of linear); distinct values first "
              f"{rows / first:,.0f} rows/s ({one / first / workers:.2f} of linear)")


if __name__ == "__main__":
    main()
