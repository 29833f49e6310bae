"""The vectorised call: each distinct value once, answers equal to resolve() one by one."""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aliasctl.matching.batch import FIELDS, answer_of, arrow_type, resolve_many
from aliasctl.matching.portable import PortableResolver, open_resolver
from aliasctl.matching.resolver import Resolver

pa = pytest.importorskip("pyarrow")

# Names the shipped registry knows, misspells of them, names it does not, and non-names.
POOL = [
    "Daesh", "ISIS", "Islamic State", "Islamic Stat", "KH", "Kata'ib Hizballah", "Kataib Hezbolah",
    "Ansar al-Sharia", "Hezbollah", "hezbolah", "Hizbullah", "al-Shabaab", "Al Shabab",
    "Boko Haram", "Bokko Haram", "Jabhat al-Nusra", "Jabhat al Nusrah", "Hamas", "HTS",
    "Nobody Knows", "zzzzzzzzzz", "al", "!!", "داعش", "حزب الله", "Houthis", "Ansar Allah",
]
_value = st.one_of(
    st.sampled_from(POOL),
    st.sampled_from(POOL).map(str.upper),
    st.sampled_from(POOL).map(lambda s: s[:-1] if len(s) > 3 else s),
    st.sampled_from(["", "  ", None]),
    st.integers(-5, 5),
    st.text(max_size=8),
)


def _expected(resolver: Resolver, values: list[Any]) -> list[dict[str, Any] | None]:
    return [
        answer_of(resolver.resolve(v)) if isinstance(v, str) and v.strip() else None for v in values
    ]


@pytest.fixture(scope="module")
def resolver() -> PortableResolver:
    return open_resolver()


@settings(deadline=None, max_examples=60)
@given(values=st.lists(_value, max_size=40), cut=st.integers(0, 40))
def test_answers_equal_resolve_one_by_one_whatever_the_split(
    resolver: PortableResolver, values: list[Any], cut: int
) -> None:
    expected = _expected(resolver, values)
    assert resolve_many(resolver, values).to_pylist() == expected
    # Resolved in two parts, as two partitions or batches would be: the same answers.
    parts = resolve_many(resolver, values[:cut]).to_pylist() + resolve_many(resolver, values[cut:]).to_pylist()
    assert parts == expected


@settings(deadline=None, max_examples=30)
@given(values=st.lists(st.one_of(st.sampled_from(POOL), st.none(), st.just("")), max_size=30))
def test_arrow_input_and_output_match_python(resolver: PortableResolver, values: list[str | None]) -> None:
    expected = _expected(resolver, values)
    for arr in (
        pa.array(values, pa.string()),
        pa.array(values, pa.large_string()),
        pa.array(values, pa.string()).dictionary_encode(),
        pa.chunked_array([pa.array(values[:5], pa.string()), pa.array(values[5:], pa.string())]),
    ):
        out = resolve_many(resolver, arr).to_arrow()
        assert out.type == arrow_type()
        assert out.to_pylist() == expected


def test_a_fresh_resolver_gives_each_value_once_to_the_resolver(monkeypatch: pytest.MonkeyPatch) -> None:
    resolver = Resolver(open_resolver().index)
    asked: list[str] = []
    real = resolver.resolve_batch

    def counting(texts: list[str], *, top: int = 5) -> list[Any]:
        asked.extend(texts)
        return real(texts, top=top)

    monkeypatch.setattr(resolver, "resolve_batch", counting)
    first = resolve_many(resolver, ["Daesh", "KH", "Daesh", None, "KH", "Hamas"] * 100)
    assert sorted(asked) == ["Daesh", "Hamas", "KH"]
    # A later call, as the next batch of a stream: only the new value is resolved.
    later = resolve_many(resolver, pa.array(["KH", "Boko Haram", "Daesh"]))
    assert sorted(asked) == ["Boko Haram", "Daesh", "Hamas", "KH"]
    old, new = first.to_pylist(), later.to_pylist()
    assert (new[0], new[2]) == (old[1], old[0])
    assert new[1] is not None
    assert new[1]["id"] == "boko-haram"


def test_nulls_blanks_and_non_text_have_no_answer(resolver: PortableResolver) -> None:
    cols = resolve_many(resolver, ["Daesh", None, "", "  ", 7, b"Daesh", ["Daesh"], float("nan")])
    assert [r is not None for r in cols.to_pylist()] == [True] + [False] * 7
    table = cols.to_numpy()
    assert table["id"].tolist() == ["islamic-state"] + [None] * 7
    assert np.isnan(table["score"][1:]).all()
    assert cols.to_arrow().null_count == 7


def test_unresolved_has_no_score_and_ambiguous_has_no_id(resolver: PortableResolver) -> None:
    rows = resolve_many(resolver, ["zzzzzzzzzz qqqq", "Ansar al-Sharia"]).to_pylist()
    assert rows[0] == dict.fromkeys(FIELDS) | {"status": "unresolved"}
    assert rows[1] is not None
    assert (rows[1]["status"], rows[1]["id"], rows[1]["score"]) == ("ambiguous", None, 100.0)


def test_candidates_on_request(resolver: PortableResolver) -> None:
    cols = resolve_many(resolver, ["Ansar al-Sharia", None, "Daesh"], candidates=True, top=2)
    arrow = cols.to_arrow().to_pylist()
    assert arrow[1] is None
    ids = [c["id"] for c in arrow[0]["candidates"]]
    assert ids == [c.id for c in resolver.resolve("Ansar al-Sharia", top=2).candidates]
    assert {"ansar-al-sharia-libya", "ansar-al-sharia-tunisia", "ansar-al-sharia-yemen"} <= set(ids)
    assert arrow[2]["candidates"][0]["id"] == "islamic-state"
    assert cols.to_numpy()["candidates"][0] == arrow[0]["candidates"]
    assert "candidates" not in resolve_many(resolver, ["Daesh"]).to_arrow().type.names


def test_pandas_and_numpy_inputs(resolver: PortableResolver) -> None:
    pd = pytest.importorskip("pandas")
    series = pd.Series(["KH", None, "KH", 3, "Daesh"], index=[5, 6, 7, 8, 9])
    frame = resolve_many(resolver, series).to_pandas(series.index)
    assert list(frame.columns) == list(FIELDS)
    assert list(frame.index) == [5, 6, 7, 8, 9]
    assert frame["id"].tolist() == ["kataib-hezbollah", None, "kataib-hezbollah", None, "islamic-state"]
    words = np.array(["KH", "Daesh", "KH"])  # numpy's own strings
    assert resolve_many(resolver, words).to_numpy()["id"].tolist() == [
        "kataib-hezbollah", "islamic-state", "kataib-hezbollah"
    ]
    typed = resolve_many(resolver, series).to_pandas(series.index, strings=pd.StringDtype("pyarrow"))
    assert str(typed["id"].dtype) == "string"
    assert typed["id"].isna().tolist() == [False, True, False, True, False]
    assert typed.loc[9, "name"] == "Islamic State"
    cats = pd.Series(["KH", "Daesh", None], dtype="category")
    assert resolve_many(resolver, cats).to_numpy()["status"].tolist() == ["matched", "matched", None]


def test_an_arrow_array_of_numbers_is_refused(resolver: PortableResolver) -> None:
    with pytest.raises(TypeError, match="names must be text, not int64"):
        resolve_many(resolver, pa.array([1, 2]))
    assert resolve_many(resolver, pa.array([None, None])).to_pylist() == [None, None]
    assert resolve_many(resolver, pa.array([], pa.string())).to_pylist() == []


def test_threads_get_the_same_answers_in_any_order() -> None:
    resolver = Resolver(open_resolver().index)  # its own answers, filled by the threads at once
    values = [f"{name} {n}" if n % 3 else name for n, name in enumerate(POOL * 8)]
    expected = _expected(resolver, values)
    results: dict[int, list[Any]] = {}

    def work(k: int) -> None:
        order = list(range(len(values)))
        order = order[k:] + order[:k]
        answers = resolve_many(resolver, [values[i] for i in order]).to_pylist()
        results[k] = [answers[order.index(i)] for i in range(len(values))]

    threads = [threading.Thread(target=work, args=(k * 37,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4
    assert all(r == expected for r in results.values())


def test_primed_answers_are_used_and_a_token_primes_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from aliasctl.matching.batch import prime

    source = open_resolver()
    resolver = Resolver(source.index)
    values = ["Daesh", "KH", "Hamas"]
    assert prime(resolver, "t1", values, source.resolve_batch(values))
    assert not prime(resolver, "t1", values, source.resolve_batch(values))

    def refuse(texts: list[str], *, top: int = 5) -> list[Any]:
        raise AssertionError(f"resolved again: {texts}")

    monkeypatch.setattr(resolver, "resolve_batch", refuse)
    assert resolve_many(resolver, ["KH", "Daesh", "Hamas", "KH"]).to_pylist() == _expected(
        source, ["KH", "Daesh", "Hamas", "KH"]
    )


def test_scoring_threads_change_the_threads_not_the_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    from rapidfuzz import process

    from aliasctl.matching.batch import scoring_threads, set_scoring_threads

    seen: list[int] = []
    real = process.cdist

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs["workers"])
        return real(*args, **kwargs)

    monkeypatch.setattr(process, "cdist", spy)
    values = [f"{name} {n}" for n, name in enumerate(POOL * 3)]
    resolver = Resolver(open_resolver().index)
    assert scoring_threads() == -1
    everywhere = resolver.resolve_batch(values)
    assert seen and set(seen) == {-1}
    seen.clear()
    set_scoring_threads(1)
    try:
        assert scoring_threads() == 1
        assert resolver.resolve_batch(values) == everywhere
        assert seen and set(seen) == {1}
    finally:
        set_scoring_threads(-1)
    assert scoring_threads() == -1


def test_answers_primed_as_columns_are_unpacked_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from aliasctl.matching.batch import prime_columns
    from aliasctl.matching.portable import MatchColumns

    source = open_resolver()
    resolver = Resolver(source.index)
    values = ["Daesh", "KH", "Hamas"]
    packed = MatchColumns.pack(values, source.resolve_batch(values))
    assert prime_columns(resolver, "c1", values, packed)
    monkeypatch.setattr(MatchColumns, "unpack", lambda self, v: pytest.fail("unpacked twice"))
    assert not prime_columns(resolver, "c1", values, packed)
    monkeypatch.setattr(resolver, "resolve_batch", lambda texts, top=5: pytest.fail(f"resolved again: {texts}"))
    assert resolve_many(resolver, ["KH", "Hamas"]).to_pylist() == _expected(source, ["KH", "Hamas"])
