"""The pandas engine: a Series to a DataFrame of answers on its index, and df.aliasctl."""

from __future__ import annotations

import pytest

from aliasctl.engines import NotTextError
from aliasctl.matching.batch import FIELDS, answer_of
from aliasctl.matching.portable import open_resolver

pd = pytest.importorskip("pandas")
engine = pytest.importorskip("aliasctl.engines.pandas")

NAMES = ["Daesh", None, "KH", "Daesh", "", "Nobody Knows Who", "Ansar al-Sharia"]


def test_a_series_gives_the_answers_on_its_index() -> None:
    series = pd.Series(NAMES, index=list("abcdefg"), name="actor")
    frame = engine.resolve(series)
    assert list(frame.columns) == list(FIELDS)
    assert list(frame.index) == list("abcdefg")
    r = open_resolver()
    for label, value in zip(series.index, NAMES, strict=True):
        row = frame.loc[label].to_dict()
        want = answer_of(r.resolve(value)) if value else None
        if want is None:
            assert row["status"] is None
            assert row["id"] is None
        else:
            assert row["id"] == want["id"]
            assert row["status"] == want["status"]
    assert frame.loc["a", "id"] == "islamic-state"
    assert frame.loc["c", "method"] == "acronym"
    assert frame["score"].dtype == "float64"


def test_the_accessor_reads_well() -> None:
    df = pd.DataFrame({"actor": ["KH", "Daesh"], "n": [1, 2]}, index=[10, 20])
    out = df.aliasctl.resolve("actor")
    assert out["id"].tolist() == ["kataib-hezbollah", "islamic-state"]
    assert list(out.index) == [10, 20]
    joined = df.join(out.add_prefix("actor_"))
    assert joined.loc[20, "actor_name"] == "Islamic State"
    with pytest.raises(KeyError):
        df.aliasctl.resolve("nope")


def test_string_and_category_dtypes_are_text() -> None:
    for dtype in ("string", "category", "str"):
        series = pd.Series(["KH", None, "Daesh"], dtype=dtype)
        assert engine.resolve(series)["id"].tolist() == ["kataib-hezbollah", None, "islamic-state"]


def test_numbers_are_refused_with_the_column_named() -> None:
    df = pd.DataFrame({"fatalities": [1, 2]})
    with pytest.raises(NotTextError, match="column 'fatalities' holds int64, not text"):
        df.aliasctl.resolve("fatalities")
    with pytest.raises(TypeError):  # NotTextError is a TypeError too
        engine.resolve(pd.Series([1.5], name="x"))


def test_mixed_objects_resolve_the_strings_only() -> None:
    series = pd.Series(["KH", 7, ["KH"], b"KH", "Daesh"], dtype=object)
    frame = engine.resolve(series)
    assert frame["id"].tolist() == ["kataib-hezbollah", None, None, None, "islamic-state"]
    assert frame["status"].tolist() == ["matched", None, None, None, "matched"]


def test_candidates_and_a_registry_path(good_path) -> None:  # type: ignore[no-untyped-def]
    frame = engine.resolve(pd.Series(["KH"]), good_path, candidates=True)
    assert frame.loc[0, "candidates"][0]["id"] == "kataib-hezbollah"
