"""Throughput and latency of `aliasctl serve`, against the resolver alone and `aliasctl lookup -`.

    python benchmarks/bench_serve.py [--seconds 6] [--requests 2000] [--registry PATH]

Starts `aliasctl serve` on a free loopback port (as installed: access log on,
registry watched) and prints:

  * the resolver alone, in this process: `Resolver.resolve_batch` on batches of
    10, 100 and 1,000 names (median of several batches);
  * `aliasctl lookup -` as a whole process on 1,000 names;
  * one client posting batches of 1,000 names, form-encoded as OpenRefine does,
    by turns with the resolver alone on the same names (the service should
    cost at most 1.5 times what the resolver needs);
  * batches of 10 and 100 names from 1, 8 and 64 concurrent clients, each
    keeping one connection open: queries a second and the p50 / p99 latency of
    a request. Each run stops after --requests requests or --seconds seconds,
    whichever comes first.

The names are the registry's own (a third as written, a third respelled with
the vowel drift and typos of real reports) and synthetic look-alikes that are
not in it. The clients are a few lines of asyncio over raw HTTP/1.1, so that
they cost the two cores little beside the server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from functools import cache
from importlib.metadata import version
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_registry import base_names

from aliasctl import Resolver, load_index, load_registry
from aliasctl.files import registry_path

_SWAPS = [("a", "e"), ("i", "ee"), ("u", "o"), ("'", ""), ("al-", "el-"), ("al-", "al "), ("q", "k"), ("-", " ")]


def _respell(name: str, rng: random.Random) -> str:
    out = name
    for _ in range(rng.randint(1, 2)):
        src, dst = rng.choice(_SWAPS)
        out = out.replace(src, dst, 1)
    if len(out) > 6 and rng.random() < 0.4:
        i = rng.randrange(1, len(out) - 1)
        out = out[:i] + out[i + 1 :]
    return out


@cache
def _pools(registry_file: Path) -> tuple[list[str], list[str]]:
    known = [a.text for e in load_registry(registry_file).entities for a in e.names()]
    return known, base_names(2000, seed=7)


def names_of(registry_file: Path, count: int, seed: int) -> list[str]:
    """``count`` names: registry names as written, respelled, and look-alikes not in the registry."""
    rng = random.Random(seed)
    known, strangers = _pools(registry_file)
    out = []
    for i in range(count):
        pick = i % 3
        if pick == 0:
            out.append(rng.choice(known))
        elif pick == 1:
            out.append(_respell(rng.choice(known), rng))
        else:
            out.append(rng.choice(strangers))
    rng.shuffle(out)
    return out


def body_of(names: list[str]) -> bytes:
    batch = {f"q{i}": {"query": n} for i, n in enumerate(names)}
    return ("queries=" + quote(json.dumps(batch, ensure_ascii=False))).encode("ascii")


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, port: int, body: bytes) -> int:
    head = (
        f"POST /reconcile HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode("ascii")
    writer.write(head + body)
    await writer.drain()
    headers = await reader.readuntil(b"\r\n\r\n")
    status = int(headers[9:12])
    length = int(re.search(rb"(?i)content-length: *(\d+)", headers).group(1))  # type: ignore[union-attr]
    await reader.readexactly(length)
    return status


async def _client(port: int, bodies: list[bytes], state: dict[str, float], latencies: list[float]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        n = 0
        while state["left"] > 0 and time.perf_counter() < state["deadline"]:
            state["left"] -= 1
            start = time.perf_counter()
            status = await _exchange(reader, writer, port, bodies[n % len(bodies)])
            latencies.append(time.perf_counter() - start)
            if status != 200:
                state["errors"] += 1
            n += 1
    finally:
        writer.close()
        await writer.wait_closed()


async def load(port: int, bodies: list[bytes], clients: int, requests: int, seconds: float) -> tuple[float, list[float], int]:
    """Run ``clients`` clients until ``requests`` requests or ``seconds`` seconds; (elapsed, latencies, errors)."""
    state = {"left": float(requests), "deadline": time.perf_counter() + seconds, "errors": 0.0}
    latencies: list[float] = []
    start = time.perf_counter()
    await asyncio.gather(*(_client(port, bodies[i::clients] or bodies, state, latencies) for i in range(clients)))
    return time.perf_counter() - start, latencies, int(state["errors"])


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=6.0, help="most seconds for each load run")
    parser.add_argument("--requests", type=int, default=2000, help="most requests for each load run")
    parser.add_argument("--registry", type=Path, default=None, help="registry file (default: the bundled one)")
    args = parser.parse_args()
    registry_file = registry_path(args.registry)
    exe = shutil.which("aliasctl")
    cli = [exe] if exe else [sys.executable, "-m", "aliasctl"]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"rapidfuzz {version('rapidfuzz')}, starlette {version('starlette')}, uvicorn {version('uvicorn')}"
    )
    resolver = Resolver(load_index(registry_file))
    print(f"registry: {registry_file} ({len(resolver.index.entity_ids):,} entities, {len(resolver.index.alias_text):,} names)")

    # The resolver alone, warm, on fresh names each time.
    alone: dict[int, float] = {}
    seen = names_of(registry_file, 1000, seed=99)
    resolver.resolve_batch(seen)
    for size, runs in ((10, 100), (100, 20), (1000, 5)):
        times = []
        for r in range(runs):
            names = names_of(registry_file, size, seed=1000 * size + r)
            seen += names
            start = time.perf_counter()
            resolver.resolve_batch(names)
            times.append(time.perf_counter() - start)
        alone[size] = statistics.median(times)
        print(f"resolver alone, batch of {size:>5,}: {alone[size] * 1000:8.2f} ms  ({size / alone[size]:8,.0f} names/s)")

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, ALIASCTL_CACHE_DIR=str(Path(tmp) / "cache"), NO_COLOR="1")
        names = names_of(registry_file, 1000, seed=5)
        stdin = ("\n".join(names) + "\n").encode("utf-8")
        lookup = [*cli, "--registry", str(registry_file), "lookup", "--format", "jsonl", "-"]
        subprocess.run(lookup, input=stdin, env=env, capture_output=True, check=False)  # warm the index cache
        times = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(lookup, input=stdin, env=env, capture_output=True, check=False)
            times.append(time.perf_counter() - start)
        took = statistics.median(times)
        print(f"aliasctl lookup - on 1,000 names (whole process): {took * 1000:8.1f} ms  ({1000 / took:8,.0f} names/s)")

        server = subprocess.Popen(
            [*cli, "--registry", str(registry_file), "serve", "--port", "0"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        try:
            port = 0
            assert server.stderr is not None
            for line in server.stderr:
                found = re.search(r"on http://127\.0\.0\.1:(\d+)/reconcile", line)
                if found:
                    port = int(found.group(1))
                    break
            if not port:
                raise SystemExit("the service did not start")
            asyncio.run(_bench_server(port, registry_file, resolver, seen, args))
        finally:
            server.terminate()
            server.wait(timeout=60)


async def _bench_server(
    port: int, registry_file: Path, resolver: Resolver, seen: list[str], args: argparse.Namespace
) -> None:
    # One client, batches of 1,000, against the resolver alone on the same names, run by turns so
    # that both see the same load on the machine. The service first resolves every name this
    # process has, so that both have the same warm caches; each timed name set is new to both.
    warm = [body_of(seen[i : i + 1000]) for i in range(0, len(seen), 1000)]
    await load(port, warm, 1, len(warm), 600)
    service, alone, ratios = [], [], []
    for r in range(7):
        names = names_of(registry_file, 1000, seed=1000 * 1000 + r)
        body = body_of(names)
        start = time.perf_counter()
        resolver.resolve_batch(names)
        alone.append(time.perf_counter() - start)
        elapsed, _, errors = await load(port, [body], 1, 1, 60)
        if errors:
            raise SystemExit("the service answered with an error")
        service.append(elapsed)
        ratios.append(elapsed / alone[-1])
    took = statistics.median(service)
    print(
        f"service, one client, batch of 1,000: {took * 1000:8.2f} ms  ({1000 / took:8,.0f} names/s); "
        f"resolver alone on the same names {statistics.median(alone) * 1000:.2f} ms; "
        f"service / resolver: median {statistics.median(ratios):.2f}x (runs {min(ratios):.2f}x to {max(ratios):.2f}x)"
    )
    print(f"{'batch':>6} {'clients':>8} {'requests':>9} {'queries/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for size in (10, 100):
        bodies = [body_of(names_of(registry_file, size, seed=size * 10_000 + i)) for i in range(64)]
        for clients in (1, 8, 64):
            elapsed, latencies, errors = await load(port, bodies, clients, args.requests, args.seconds)
            qps = len(latencies) * size / elapsed
            print(
                f"{size:>6} {clients:>8} {len(latencies):>9,} {qps:>10,.0f} "
                f"{pct(latencies, 0.5) * 1000:>8.1f} {pct(latencies, 0.99) * 1000:>8.1f} {errors:>7}"
            )


if __name__ == "__main__":
    main()
