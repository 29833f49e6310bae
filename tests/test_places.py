"""The place list the word stage uses is current with the normalizer."""

from __future__ import annotations

from importlib import resources

from aliasctl.matching.words import gazetteer
from aliasctl.normalize import NORMALIZER_VERSION, key


def _rows() -> tuple[list[str], list[list[str]]]:
    text = resources.files("aliasctl").joinpath("data", "places.tsv").read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return header, rows


def test_places_were_written_by_this_normalizer() -> None:
    header, rows = _rows()
    assert f"# normalizer {NORMALIZER_VERSION}" in header, "run: python tools/make_places.py"
    stale = [(k, name) for k, _, _, name in rows if key(name) != k]
    assert stale == [], "run: python tools/make_places.py"


def test_a_place_may_be_in_several_countries() -> None:
    assert {"LY", "LB"} <= gazetteer()["tripoli"]
    assert "SY" in gazetteer()["homs"]


def test_given_names_were_keyed_by_this_normalizer() -> None:
    text = resources.files("aliasctl").joinpath("data", "given_names.txt").read_text(encoding="utf-8")
    assert f"# normalizer {NORMALIZER_VERSION}" in text.splitlines(), "run: python tools/make_given_names.py --rekey"
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    stale = [(k, name) for k, name in rows if key(name) != k]
    assert stale == [], "run: python tools/make_given_names.py --rekey"
