"""The resolver that travels: one way to open it, a small pickle, loaded once per process, checked."""

from __future__ import annotations

import os
import pickle
import pickletools
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from aliasctl.errors import InputMissingError, RegistryError
from aliasctl.files import bundled_registry_path
from aliasctl.matching import portable
from aliasctl.matching.portable import PortableResolver, open_resolver, process_loads
from aliasctl.matching.resolver import Resolver

GOOD = Path(__file__).parent / "fixtures" / "registry" / "good.yaml"


def test_open_resolver_is_a_resolver_and_the_same_object_each_time() -> None:
    r = open_resolver()
    assert isinstance(r, Resolver)
    assert r.resolve("Daesh").id == "islamic-state"
    assert open_resolver() is r
    assert open_resolver(bundled_registry_path()) is r
    assert open_resolver(min_score=95) is not r
    assert open_resolver(min_score=95).index is r.index  # one index however many minimum scores


def test_open_resolver_from_text_equals_from_the_file(tmp_path: Path) -> None:
    text = GOOD.read_text(encoding="utf-8")
    from_text = open_resolver(text=text)
    assert from_text is open_resolver(GOOD)
    assert from_text.resolve("KH").id == "kataib-hezbollah"
    assert open_resolver(text=text.encode("utf-8")) is from_text


def test_a_bad_registry_fails_when_opened(tmp_path: Path) -> None:
    with pytest.raises(RegistryError) as info:
        open_resolver(text="schema: 1\nentities:\n  - id: x\n    name: !!python/object:os.system x\n")
    assert info.value.path == "<text>"
    assert info.value.line == 4
    with pytest.raises(InputMissingError):
        open_resolver(tmp_path / "missing.yaml")


def test_the_compiled_index_is_cached_and_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A registry of its own, so that this process has not seen it yet.
    path = tmp_path / "aliases.yaml"
    path.write_text(GOOD.read_text(encoding="utf-8") + "# another copy\n", encoding="utf-8")
    code = "from aliasctl.matching.portable import open_resolver, process_loads as p; open_resolver(%r); print(p())"
    env = dict(os.environ)
    runs = [
        subprocess.run([sys.executable, "-c", code % str(path)], capture_output=True, text=True, env=env, check=True)
        for _ in range(2)
    ]
    assert "'compiled': 1, 'from_cache': 0" in runs[0].stdout
    assert "'compiled': 0, 'from_cache': 1" in runs[1].stdout


def _globals(blob: bytes) -> list[tuple[str, str]]:
    """Every module-level name a pickle refers to: all that unpickling it can call."""
    found: list[tuple[str, str]] = []
    strings: list[str] = []
    for op, arg, _ in pickletools.genops(blob):
        if op.name.endswith("UNICODE"):
            strings.append(str(arg))
        elif op.name == "STACK_GLOBAL":
            found.append((strings[-2], strings[-1]))
        elif op.name == "GLOBAL":
            module, name = str(arg).split(" ")
            found.append((module, name))
    return found


def test_the_pickle_is_small_and_holds_only_the_restorer() -> None:
    r = open_resolver()
    blob = pickle.dumps(r)
    # The compiled index, compressed: well under the registry's own text.
    assert len(blob) < bundled_registry_path().stat().st_size
    assert _globals(blob) == [("aliasctl.matching.portable", "_restore")]
    assert pickle.loads(blob) is r  # in the process that made it: the same object


def test_another_process_loads_the_index_once_however_many_copies(tmp_path: Path) -> None:
    r = open_resolver(GOOD)
    blobs = tmp_path / "blobs.pickle"
    blobs.write_bytes(pickle.dumps([r, r]) + pickle.dumps(r))
    code = (
        "import pickle, sys\n"
        "from aliasctl.matching.portable import process_loads\n"
        "f = open(sys.argv[1], 'rb'); a, b = pickle.load(f); c = pickle.load(f)\n"
        "assert a is b is c\n"
        "print(a.resolve('KH').id, process_loads()['unpickled'], process_loads()['compiled'], process_loads()['loads'][a.index.sha256])\n"
    )
    env = dict(os.environ, ALIASCTL_NO_CACHE="1")  # no cache: what it has, it has from the pickle
    out = subprocess.run([sys.executable, "-c", code, str(blobs)], check=False, capture_output=True, text=True, env=env)
    assert out.stdout.split() == ["kataib-hezbollah", "1", "0", "1"], out.stderr


def _state(r: PortableResolver) -> tuple[object, ...]:
    return r.__reduce__()[1]


def test_a_damaged_or_foreign_pickle_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    r = open_resolver(GOOD)
    # As in a process that has not loaded it yet.
    monkeypatch.setattr(portable, "_indexes", {})
    monkeypatch.setattr(portable, "_resolvers", {})
    fmt, version, sha, score, payload = _state(r)
    other_sha = "0" * 64
    blob = zlib.decompress(payload)  # type: ignore[arg-type]
    damaged = zlib.compress(blob[:-10] + b"xxxxxxxxxx")
    with pytest.raises(RegistryError, match="payload damaged"):
        portable._restore(fmt, version, sha, score, damaged)
    with pytest.raises(RegistryError, match="stale: sha256"):
        portable._restore(fmt, version, other_sha, score, payload)
    with pytest.raises(RegistryError, match="cannot be used by aliasctl"):
        portable._restore(fmt, "0.0.1", sha, score, payload)
    with pytest.raises(RegistryError, match="cannot be used by aliasctl"):
        portable._restore(99, version, sha, score, payload)
    with pytest.raises(RegistryError, match="holds something other than an index"):
        portable._restore(fmt, version, sha, score, "not bytes")
    with pytest.raises(RegistryError, match="cannot be used"):
        portable._restore(fmt, version, other_sha, score, b"not zlib at all")


def test_a_compressed_bomb_stops_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(portable, "MAX_INDEX_BYTES", 1000)
    fmt, version, _, score, _ = _state(open_resolver(GOOD))
    with pytest.raises(RegistryError, match="too large"):
        portable._restore(fmt, version, "1" * 64, score, zlib.compress(b"\0" * 100_000))


def test_process_loads_names_the_process() -> None:
    loads = process_loads()
    assert loads["pid"] == os.getpid()
    assert loads["indexes"] >= 1


def test_answers_packed_as_columns_unpack_to_the_same_answers() -> None:
    import pickle

    from aliasctl.matching.portable import MatchColumns

    r = open_resolver()
    values = ["Daesh", "Kataib Hezbolah", "Nobody Knows Who", "Ansar al-Sharia", "  KH ", "Hizbullah"]
    matches = r.resolve_batch(values, top=3)
    assert any(m.candidates for m in matches) and {m.status for m in matches} >= {"matched", "unresolved"}
    packed = MatchColumns.pack(values, matches)
    travelled = pickle.loads(pickle.dumps(packed))
    assert travelled.unpack(values) == matches
    # A query the answer spells otherwise than the value is kept.
    other = r.resolve("Daesh")
    assert MatchColumns.pack(["elsewhere"], [other]).unpack(["elsewhere"]) == [other]
    # Chunks put together are the answers in order.
    joined = MatchColumns.concat([MatchColumns.pack(values[:2], matches[:2]), MatchColumns.pack(values[2:], matches[2:])])
    assert joined.unpack(values) == matches
    assert len(joined) == len(values)
    # Flat: a handful of lists and byte strings, not one object an answer.
    ops = [op.name for op, _, _ in pickletools.genops(pickle.dumps(packed))]
    assert ops.count("STACK_GLOBAL") == 1  # MatchColumns itself; no Match, no Candidate


def test_a_resolver_unpickled_in_a_fresh_process_scores_on_one_thread(tmp_path: Path) -> None:
    blob = pickle.dumps(open_resolver(GOOD))
    code = (
        "import pickle, sys; from aliasctl.matching.batch import scoring_threads as t; "
        "before = t(); r = pickle.loads(sys.stdin.buffer.read()); print(before, t(), r.resolve('KH').id)"
    )
    out = subprocess.run([sys.executable, "-c", code], input=blob, capture_output=True, check=True)
    assert out.stdout.decode().split() == ["-1", "1", "kataib-hezbollah"]
