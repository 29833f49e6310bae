"""Tables kept in the cache folder: read back as built, built again when their sources or bytes change."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from aliasctl.matching import cache, words
from aliasctl.matching.kept import kept, kept_file


def _counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


TABLE = {"tripoli": frozenset({"LY", "LB"}), "gaza": frozenset({"PS"}), ("two", "words"): "x"}


def test_a_kept_table_is_built_once_and_read_back_equal(tmp_path: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text("a")
    calls, build = _counting(TABLE)
    assert kept("t", build, [source]) == TABLE
    assert kept("t", build, [source]) == TABLE
    assert len(calls) == 1


def test_a_changed_source_means_a_rebuild(tmp_path: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text("a")
    calls, build = _counting(TABLE)
    kept("t", build, [source])
    source.write_text("ab")
    kept("t", build, [source])
    assert len(calls) == 2


def test_damaged_bytes_mean_a_rebuild(tmp_path: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text("a")
    calls, build = _counting(TABLE)
    kept("t", build, [source])
    folder = cache.cache_dir()
    assert folder is not None
    path = kept_file(folder, "t")
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF
    path.write_bytes(bytes(data))
    assert kept("t", build, [source]) == TABLE
    assert len(calls) == 2
    path.write_bytes(b"")
    assert kept("t", build, [source]) == TABLE
    assert len(calls) == 3


def test_no_cache_builds_every_time_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = cache.cache_dir()
    assert folder is not None
    monkeypatch.setenv("ALIASCTL_NO_CACHE", "1")
    source = tmp_path / "source.txt"
    source.write_text("a")
    calls, build = _counting(TABLE)
    kept("t", build, [source])
    kept("t", build, [source])
    assert len(calls) == 2
    assert not folder.exists() or not any(folder.iterdir())


def test_the_word_stage_tables_read_back_as_built() -> None:
    # What a second process reads is what the first one built.
    vocab = words.Vocabulary(*kept("vocabulary", words._build_vocabulary, words._SOURCES))
    again = words.Vocabulary(*kept("vocabulary", words._build_vocabulary, words._SOURCES))
    assert again == vocab == words.Vocabulary(*words._build_vocabulary())
    places = kept("places", words._build_gazetteer, words._SOURCES)
    assert kept("places", words._build_gazetteer, words._SOURCES) == places == words._build_gazetteer()
    assert places["tripoli"] >= {"LY", "LB"}


def test_a_second_lookup_reads_the_kept_tables(tmp_path: Path) -> None:
    folder = cache.cache_dir()
    assert folder is not None
    env = dict(os.environ, ALIASCTL_CACHE_DIR=str(folder))
    cmd = [sys.executable, "-m", "aliasctl", "lookup", "Katayib Hizballah Brigades"]
    first = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    assert kept_file(folder, "vocabulary").exists()
    assert kept_file(folder, "places").exists()
    second = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    assert "kataib-hezbollah" in first
    assert second == first


def test_kept_tables_of_another_version_are_pruned(tmp_path: Path) -> None:
    folder = cache.cache_dir()
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    old = folder / "words-vocabulary-f1.0.0.n1.w1.bin"
    old.write_bytes(b"x")
    current = kept_file(folder, "vocabulary")
    current.write_bytes(b"x")
    cache.prune(folder)
    assert not old.exists()
    assert current.exists()
