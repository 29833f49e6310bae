"""The index cache: read in place, the same answers, the registry's hash from a note, old files pruned."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from aliasctl import Resolver, load_registry
from aliasctl.matching import cache
from aliasctl.matching.alignment import WordIndex
from aliasctl.matching.columns import TextColumn
from aliasctl.matching.index import Index

# Every stage: exact, acronym, key, skeleton, fuzzy, the word stage (words, head words,
# qualifiers, translations), a redirect, an id, ambiguity and nothing at all.
QUERIES = (
    "Kataib Hezbollah",
    "KH",
    "Kata'ib Hizballah",
    "Kataib Hexbollah",
    "Katayib Hizballah Brigades",
    "Hezbollah (Lebanon)",
    "Lebanese Hezbollah",
    "Army of Islam",
    "Jaysh al-Islam",
    "Islamic State",
    "Daesh",
    "Ansar al-Sharia",
    "Harakat Amal",
    "Amal Movement",
    "al-Shabaab Somalia",
    "كتائب حزب الله",
    "islamic-state",
    "nothing at all",
    "",
)


@pytest.fixture(scope="module")
def shipped_index() -> Index:
    return Index.from_registry(load_registry())


def test_a_cached_index_answers_as_the_registry_does(shipped_index: Index) -> None:
    cache.write_cached(shipped_index)
    cached = cache.read_cached(shipped_index.sha256)
    assert cached is not None
    assert isinstance(cached.alias_text, TextColumn)  # read in place, not decoded up front
    fresh, again = Resolver(shipped_index), Resolver(cached)
    for query in QUERIES:
        assert again.resolve(query) == fresh.resolve(query), query
    assert again.resolve_batch(list(QUERIES)) == fresh.resolve_batch(list(QUERIES))


def test_a_cached_index_reads_every_name_s_words_as_the_built_one(shipped_index: Index) -> None:
    # A name in Arabic script with a particle joined to a word ("لثوار", li- and thuwwar) is read
    # with the particle apart whether the index was built in this process or read from the cache:
    # the same query gets the same answer from both (the word stage once read the cached name whole).
    cache.write_cached(shipped_index)
    cached = cache.read_cached(shipped_index.sha256)
    assert cached is not None
    built, read = shipped_index.words(), cached.words()
    assert [read.words[a] for a in range(len(shipped_index.alias_key))] == [
        built.words[a] for a in range(len(shipped_index.alias_key))
    ]
    for query in ("المجلس العسكري لثوار العراق", "القوات المشتركة لحركات المسلح", "جيش المجاهدين والأنصار"):
        assert Resolver(cached).resolve(query) == Resolver(shipped_index).resolve(query), query


def test_a_large_batch_decodes_the_cached_columns_and_answers_the_same(shipped_index: Index) -> None:
    from aliasctl.matching.resolver import DECODE_FROM

    cache.write_cached(shipped_index)
    cached = cache.read_cached(shipped_index.sha256)
    assert cached is not None
    names = [shipped_index.alias_text[i] for i in range(0, len(shipped_index.alias_text), 7)]
    batch = [q for name in names for q in (name, name.upper(), name[:-1])][: max(DECODE_FROM, 300)]
    assert len(batch) >= DECODE_FROM
    answers = Resolver(cached).resolve_batch(batch)
    assert isinstance(cached.alias_text, TextColumn) and cached.alias_text._all is not None
    fresh = Resolver(shipped_index)
    assert answers == [fresh.resolve(q) for q in batch]
    assert sum(m.status == "matched" for m in answers) > len(batch) // 2


def test_the_word_index_comes_from_the_cache(shipped_index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = Resolver(shipped_index).resolve("Katayib Hizballah Brigades")
    assert (expected.status, expected.method) == ("matched", "words")
    cache.write_cached(shipped_index)

    def refuse(self: WordIndex, index: Index) -> None:
        raise AssertionError("the word index was built again")

    monkeypatch.setattr(WordIndex, "__init__", refuse)
    cached = cache.read_cached(shipped_index.sha256)
    assert cached is not None
    assert Resolver(cached).resolve("Katayib Hizballah Brigades") == expected


def test_the_word_stage_reads_which_names_it_searches_from_the_cache(shipped_index: Index) -> None:
    # Each candidate's flag is one byte of the file, not a table lookup per candidate.
    expected = Resolver(shipped_index).resolve("Katayib Hizballah Brigades")
    cache.write_cached(shipped_index)
    cached = cache.read_cached(shipped_index.sha256)
    assert cached is not None

    table = cached.by_key
    asked: list[str] = []

    class Counted:
        positions = table.positions
        forms = table.forms

        def get(self, form: str, default: list[int] | None = None) -> list[int] | None:
            asked.append(form)
            return table.get(form, default)

    cached.by_key = Counted()
    words = cached.words()
    assert Resolver(cached).resolve("Katayib Hizballah Brigades") == expected
    assert expected.id == "kataib-hezbollah"
    assert len(asked) < 5  # the query's own forms only
    searched = [a for a in range(len(cached.alias_text)) if words.words[a]]
    assert set(searched) <= set(shipped_index.by_key.positions)
    assert [a for a in range(len(cached.alias_text)) if words.arabic[a]] == [
        a for a in range(len(shipped_index.alias_text)) if shipped_index.words().arabic[a]
    ]


def _registry_copy(tmp_path: Path, good_path: Path) -> Path:
    target = tmp_path / "aliases.yaml"
    shutil.copyfile(good_path, target)
    return target


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_settled_registry_is_not_read_again(tmp_path: Path, good_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reg = _registry_copy(tmp_path, good_path)
    _age(reg, 60)
    first = cache.load_index(reg)

    def no_read(path: object) -> bytes:
        raise AssertionError("the registry was read again")

    monkeypatch.setattr(cache, "read_bytes", no_read)
    again = cache.load_index(reg)
    assert again.sha256 == first.sha256
    assert Resolver(again).resolve("KH").id == "kataib-hezbollah"


def test_a_changed_registry_is_hashed_and_its_old_index_removed(tmp_path: Path, good_path: Path) -> None:
    reg = _registry_copy(tmp_path, good_path)
    _age(reg, 60)
    first = cache.load_index(reg)
    folder = cache.cache_dir()
    assert folder is not None
    old_file = cache._cache_file(folder, first.sha256)
    assert old_file.exists()
    # Same size, same modification time: the change time and the bytes still tell.
    text = reg.read_bytes().replace(b"Hezbollah Brigades", b"Hezbollah Brigadez")
    st = reg.stat()
    reg.write_bytes(text)
    os.utime(reg, ns=(st.st_atime_ns, st.st_mtime_ns))
    second = cache.load_index(reg)
    assert second.sha256 != first.sha256
    assert Resolver(second).resolve("Hezbollah Brigadez").method == "exact"
    assert not old_file.exists()


def test_a_young_registry_is_always_hashed(tmp_path: Path, good_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reg = _registry_copy(tmp_path, good_path)  # just written: it may change again within a clock tick
    cache.load_index(reg)
    reads = []
    real = cache.read_bytes

    def counting(path: str | os.PathLike[str]) -> bytes:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(cache, "read_bytes", counting)
    cache.load_index(reg)
    assert reads == [reg]


def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, good_path: Path) -> None:
    reg = _registry_copy(tmp_path, good_path)
    first = cache.load_index(reg)
    folder = cache.cache_dir()
    assert folder is not None
    path = cache._cache_file(folder, first.sha256)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert cache.read_cached(first.sha256) is None
    again = cache.load_index(reg)
    assert Resolver(again).resolve("KH").id == "kataib-hezbollah"
    assert path.read_bytes() == data


def test_old_cache_files_are_pruned(tmp_path: Path, shipped_index: Index) -> None:
    folder = cache.cache_dir()
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    other_version = folder / ("index-" + "1" * 40 + "-f5.0.0.n1.bin")
    leftover = folder / ".index-abc.tmp"
    current = [folder / f"index-{i:040d}-{cache.tag()}.bin" for i in range(cache.KEEP_FILES + 3)]
    for n, path in enumerate([other_version, leftover, *current]):
        path.write_bytes(b"x")
        _age(path, 3 * 3600 + 100 - n)  # the later in the list, the more recently used
    cache.write_cached(shipped_index)
    left = sorted(p.name for p in folder.iterdir())
    assert other_version.name not in left
    assert leftover.name not in left
    assert cache._cache_file(folder, shipped_index.sha256).name in left
    kept = [p for p in current if p.exists()]
    assert kept == current[-(cache.KEEP_FILES - 1) :]


def test_no_cache_writes_nothing(tmp_path: Path, good_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reg = _registry_copy(tmp_path, good_path)
    folder = cache.cache_dir()
    assert folder is not None
    monkeypatch.setenv("ALIASCTL_NO_CACHE", "1")
    assert Resolver(cache.load_index(reg)).resolve("KH").id == "kataib-hezbollah"
    assert not folder.exists() or not any(folder.iterdir())


def test_a_cached_index_pickles(shipped_index: Index) -> None:
    import pickle

    cache.write_cached(shipped_index)
    cached = cache.read_cached(shipped_index.sha256)
    assert cached is not None
    again = pickle.loads(pickle.dumps(cached))
    assert again.sha256 == shipped_index.sha256
    for query in QUERIES:
        assert Resolver(again).resolve(query) == Resolver(shipped_index).resolve(query), query


def _vocabulary_fingerprint() -> str:
    import hashlib
    import json
    from importlib import resources

    from aliasctl.matching import words

    tables = [words.HEADS, words.TRANSLATIONS, words.STOPWORDS, words.DESCRIPTORS, words.EXPANSIONS, words.PLACES,
              words.COUNTRY_ADJECTIVES, words.PLACE_ENDINGS, words.STEM_ENDINGS]
    text = json.dumps(tables, sort_keys=True, ensure_ascii=False)
    text += resources.files("aliasctl").joinpath("data", "places.tsv").read_text(encoding="utf-8")
    text += resources.files("aliasctl").joinpath("data", "glossary.tsv").read_text(encoding="utf-8")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def test_the_cache_is_keyed_by_the_vocabularies_it_was_built_with() -> None:
    # The cache keeps each name's words as the vocabularies read them: a change to them must
    # bump VOCABULARY_VERSION (and this fingerprint), or old caches would answer with old words.
    from aliasctl.matching.cache import VOCABULARY_VERSION

    assert (VOCABULARY_VERSION, _vocabulary_fingerprint()) == ("144", "d580e11554cdf9e6")


def test_the_cache_is_keyed_by_the_lexicons_names_are_read_with() -> None:
    # A name in Chinese, Japanese, Korean or Thai is keyed through data/lexicons.tsv: a change to
    # it must bump NORMALIZER_VERSION (and this hash), or old caches would hold old keys.
    import hashlib

    from aliasctl import normalize

    digest = hashlib.sha256(normalize._LEXICONS_FILE.read_bytes()).hexdigest()[:16]
    assert (normalize.NORMALIZER_VERSION, digest) == ("92", "3c3aa6657d452b42")


def test_a_new_index_is_written_without_sorting_its_tables(good_path: Path) -> None:
    index = Index.from_registry(load_registry(good_path))
    cache.dump_index(index)
    # Filed by hash in the file: sorting them by form first would be wasted work.
    assert all(t._columns is None for t in (index.exact, index.by_skeleton))  # type: ignore[attr-defined]
    assert Resolver(index).resolve("Kataib Hezbollah").id == "kataib-hezbollah"  # sorted when searched


def test_a_table_sorts_when_first_searched() -> None:
    from aliasctl.matching.index import Table

    table = Table.build([("b", 3), ("a", 0), ("b", 1)])
    assert table.entries() == (["b", "a", "b"], [3, 0, 1])
    assert table.get("b") == [1, 3]
    assert table.get("c") is None
    assert list(table.forms) == ["a", "b", "b"]
    assert list(table.entries()[1]) == [0, 1, 3]


# -- the index shipped with the package ------------------------------------------


def test_shipped_index_is_the_bundled_registry_s_current_index() -> None:
    """Regenerate with ``python -m aliasctl.matching.shipped`` after editing the bundled registry."""
    from aliasctl.matching import shipped

    assert cache.SHIPPED.read_bytes() == shipped.build()


def test_shipped_index_serves_the_bundled_registry_without_a_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from aliasctl.files import bundled_registry_path

    monkeypatch.setenv("ALIASCTL_NO_CACHE", "1")
    copy = tmp_path / "aliases.yaml"
    shutil.copyfile(bundled_registry_path(), copy)

    def no_build(registry: object) -> Index:
        raise AssertionError("built although the shipped index holds these bytes")

    with monkeypatch.context() as m:
        m.setattr(Index, "from_registry", classmethod(lambda cls, registry: no_build(registry)))
        index = cache.load_index(copy)
    assert Resolver(index).resolve("Kata'ib Hizballah").id == "kataib-hezbollah"


def test_an_edited_bundled_registry_is_built_not_read_from_the_shipped_index(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from aliasctl.files import bundled_registry_path

    monkeypatch.setenv("ALIASCTL_NO_CACHE", "1")
    copy = tmp_path / "aliases.yaml"
    text = bundled_registry_path().read_text(encoding="utf-8")
    copy.write_text(
        text.replace("      - {text: Ketaib Hezbollah, source: 1}\n", "      - {text: Zarqawi Lions Brigade, source: 1}\n", 1),
        encoding="utf-8",
    )
    assert cache.read_shipped(cache._sha256(copy.read_bytes())) is None
    resolver = Resolver(cache.load_index(copy))
    assert resolver.resolve("Zarqawi Lions Brigade").id == "kataib-hezbollah"


def test_shipped_index_of_another_version_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    from aliasctl.files import bundled_registry_path

    sha = cache._sha256(bundled_registry_path().read_bytes())
    assert cache.read_shipped(sha) is not None
    monkeypatch.setattr(cache, "VOCABULARY_VERSION", "other")
    assert cache.read_shipped(sha) is None


def test_bundled_registry_with_a_note_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from aliasctl.files import bundled_registry_path

    cache.load_index(bundled_registry_path())  # writes the note: the shipped index serves it
    monkeypatch.setattr(cache, "read_bytes", lambda path: pytest.fail(f"read {path} again"))
    index = cache.load_index(bundled_registry_path())
    assert Resolver(index).resolve("Kataib Hezbollah").id == "kataib-hezbollah"


def test_a_large_registry_s_names_are_keyed_alike_in_one_process_and_in_two(monkeypatch: pytest.MonkeyPatch) -> None:
    # The build keys a large registry's names on both cores; a small one in this process alone.
    from aliasctl.matching import index as index_module

    names = [f"Kata'ib Hizballah {i}" if i % 3 else f"Jaysh al-Mahdi fi al-Iraq {i}" for i in range(300)]
    alone = index_module.key_columns(names)
    monkeypatch.setattr(index_module, "FORKED_NAMES", 10)
    assert index_module.key_columns(names) == alone
