"""The reconciliation service's library: the resolver mapped honestly, countries and types, suggest,
extension, the preview card and reloading, all without HTTP."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from aliasctl.serve import CountryCondition, Query, RequestError, Service, Settings, reconcile, v02, v1
from aliasctl.serve.core import MAX_LIMIT
from aliasctl.serve.extend import Wanted, extend, values, wanted
from aliasctl.serve.html import docs_html, preview_html, view_html
from aliasctl.serve.state import Snapshot, load_snapshot
from aliasctl.serve.vocab import PROPERTY_BY_ID, feature_ids

from .conftest import FIXTURES
from .spec import feature_ids_unique, validate

REGISTRY = FIXTURES / "serve" / "registry.yaml"
SETTINGS = Settings(batch_size=20)


@pytest.fixture(scope="module")
def snap() -> Snapshot:
    return load_snapshot(REGISTRY)


def answer(snap: Snapshot, query: dict[str, object]) -> list[dict[str, object]]:
    """The 0.2 result for one query, checked against the specification's schemas."""
    batch = {"q0": query}
    validate("0.2/reconciliation-query-batch", batch)
    out = v02.reconcile_batch(snap, batch, SETTINGS)
    validate("0.2/reconciliation-result-batch", out)
    assert feature_ids_unique(out)
    result = out["q0"]["result"]
    assert isinstance(result, list)
    return result


def features(cand: dict[str, object]) -> dict[str, object]:
    feats = cand["features"]
    assert isinstance(feats, list)
    return {f["id"]: f["value"] for f in feats}


# -- the resolver's three answers ----------------------------------------------


def test_matched_is_one_candidate_with_match_true(snap: Snapshot) -> None:
    [cand] = answer(snap, {"query": "Kataib Hizbollah"})
    assert (cand["id"], cand["name"], cand["match"]) == ("kataib-hezbollah", "Kata'ib Hezbollah", True)
    assert cand["type"] == [{"id": "armed-group", "name": "Armed group"}]
    feats = features(cand)
    assert feats["status_matched"] is True
    assert feats["score"] == cand["score"]
    assert any(k.startswith("method_") for k in feats)
    assert cand["description"].startswith("Armed group · IQ")


def test_matched_alias_and_method_are_told(snap: Snapshot) -> None:
    [cand] = answer(snap, {"query": "كتائب حزب الله"})
    feats = features(cand)
    assert feats == {
        "score": 100.0,
        "status_matched": True,
        "method_exact": True,
        "alias_native": True,
        "alias_shared": False,
    }
    assert cand["description"] == "Armed group · IQ · matched “كتائب حزب الله” (exact)"


def test_ambiguous_gives_every_candidate_none_a_match(snap: Snapshot) -> None:
    cands = answer(snap, {"query": "Ansar al-Sharia"})
    assert sorted(c["id"] for c in cands) == ["ansar-al-sharia-libya", "ansar-al-sharia-tunisia"]
    assert [c["match"] for c in cands] == [False, False]
    assert all(features(c)["status_ambiguous"] and features(c)["alias_shared"] for c in cands)


def test_unresolved_gives_near_candidates_none_a_match(snap: Snapshot) -> None:
    cands = answer(snap, {"query": "Kataib Hamas"})
    assert cands, "a near candidate is expected"
    assert all(c["match"] is False and features(c)["status_unresolved"] for c in cands)


def test_unresolved_without_candidates_is_an_empty_result(snap: Snapshot) -> None:
    assert answer(snap, {"query": "Xyzzy Plugh"}) == []


def test_an_old_id_is_matched_to_the_entity_it_became(snap: Snapshot) -> None:
    [cand] = answer(snap, {"query": "kh-old"})
    assert (cand["id"], cand["match"]) == ("kataib-hezbollah", True)
    assert features(cand)["method_redirect"] is True
    assert "old id kh-old" in cand["description"]


def test_an_entity_id_as_query_is_matched(snap: Snapshot) -> None:
    [cand] = answer(snap, {"query": "aqap"})
    assert (cand["id"], cand["match"]) == ("aqap", True)


def test_reconcile_gives_what_resolve_gives(snap: Snapshot) -> None:
    names = ["Kataib Hizbollah", "Ansar al-Sharia", "Kataib Hamas", "PMF", "Hizballah", "", "---"]
    answers = reconcile(snap, [Query(n) for n in names])
    for name, cands in zip(names, answers, strict=True):
        match = snap.resolver.resolve(name)
        if match.status == "matched":
            assert [(c.entity.id, c.match) for c in cands] == [(match.id, True)]
        else:
            assert {c.entity.id for c in cands} == {c.id for c in match.candidates}
            assert not any(c.match for c in cands)


# -- type, country, limit --------------------------------------------------------


def test_a_country_breaks_a_tie(snap: Snapshot) -> None:
    for code, winner, other in (("LY", "ansar-al-sharia-libya", "ansar-al-sharia-tunisia"),
                                ("tn", "ansar-al-sharia-tunisia", "ansar-al-sharia-libya")):
        cands = answer(snap, {"query": "Ansar al-Sharia", "properties": [{"pid": "country", "v": code}]})
        assert [(c["id"], c["match"]) for c in cands] == [(winner, True), (other, False)]
        assert features(cands[0])["country_match"] is True
        assert features(cands[1])["country_match"] is False


def test_a_country_breaks_a_tie_between_groups_sharing_a_name(snap: Snapshot) -> None:
    cands = answer(snap, {"query": "Islamic Resistance", "properties": [{"pid": "country", "v": ["IQ"]}]})
    assert [(c["id"], c["match"]) for c in cands] == [("kataib-hezbollah", True), ("hezbollah", False)]


def test_a_country_that_fits_no_candidate_breaks_no_tie(snap: Snapshot) -> None:
    cands = answer(snap, {"query": "Ansar al-Sharia", "properties": [{"pid": "country", "v": "YE"}]})
    assert len(cands) == 2
    assert not any(c["match"] for c in cands)


def test_a_country_never_turns_a_match_elsewhere_into_one(snap: Snapshot) -> None:
    [cand] = answer(snap, {"query": "Kataib Hezbollah", "properties": [{"pid": "country", "v": "LB"}]})
    assert (cand["id"], cand["match"]) == ("kataib-hezbollah", False)
    assert features(cand)["country_match"] is False


def test_an_entity_without_countries_is_not_held_against_a_country(snap: Snapshot) -> None:
    [cand] = answer(snap, {"query": "al-Qaida", "properties": [{"pid": "country", "v": "AF"}]})
    assert (cand["id"], cand["match"]) == ("al-qaeda", True)
    assert "country_match" not in features(cand)


def test_a_type_is_honoured(snap: Snapshot) -> None:
    [cand] = answer(snap, {"query": "Saraya Thorat al-Ashrin", "type": "front"})
    assert (cand["id"], cand["match"], features(cand)["type_match"]) == ("saraya-thawrat-al-ishrin-al-thani", True, True)
    [cand] = answer(snap, {"query": "Saraya Thorat al-Ashrin", "type": ["armed-group", "coalition"]})
    assert (cand["match"], features(cand)["type_match"]) == (False, False)


def test_kind_as_a_property_works_as_the_type(snap: Snapshot) -> None:
    [cand] = answer(snap, {"query": "Saraya Thorat al-Ashrin", "properties": [{"pid": "kind", "v": "armed-group"}]})
    assert cand["match"] is False


def test_limit_caps_the_candidates(snap: Snapshot) -> None:
    assert len(answer(snap, {"query": "Ansar al-Sharia", "limit": 1})) == 1
    assert len(answer(snap, {"query": "Ansar al-Sharia", "limit": 1000})) == 2


def test_properties_without_a_name_find_nothing(snap: Snapshot) -> None:
    assert answer(snap, {"properties": [{"pid": "country", "v": "IQ"}]}) == []


def test_required_country_drops_the_others(snap: Snapshot) -> None:
    keep = CountryCondition(frozenset({"LB"}), required=True)
    [cands] = reconcile(snap, [Query("Islamic Resistance", countries=(keep,))])
    assert [(c.entity.id, c.match) for c in cands] == [("hezbollah", False)]


def test_country_quantifier_none(snap: Snapshot) -> None:
    not_iq = CountryCondition(frozenset({"IQ"}), quantifier="none")
    [cands] = reconcile(snap, [Query("Islamic Resistance", countries=(not_iq,))])
    assert [(c.entity.id, c.match) for c in cands] == [("hezbollah", True), ("kataib-hezbollah", False)]


# -- bad queries -------------------------------------------------------------------

BAD_QUERIES = [
    ([1, 2], 400, "queries must be a JSON object"),
    ({"q0": "Hezbollah"}, 400, "query 'q0' must be a JSON object"),
    ({"q0": {"query": 12}}, 400, "query 'q0': 'query' must be a string"),
    ({"q0": {}}, 400, "query 'q0' needs a 'query' (a name) or 'properties'"),
    ({"q0": {"query": "x" * 100_000}}, 400, "query 'q0' is 100,000 characters long; at most 1,000 are accepted"),
    ({"q0": {"query": "Hez\x00bollah"}}, 400, "query 'q0' holds the control character U+0000 at character 4"),
    ({"q0": {"query": "\u202eHezbollah"}}, 400, "query 'q0' holds the bidi control U+202E at character 1"),
    ({"q0": {"query": "x", "type": "militia"}}, 400, "query 'q0': unknown type 'militia' (known: armed-group,"),
    ({"q0": {"query": "x", "limit": 0}}, 400, "query 'q0': limit must be a positive whole number"),
    ({"q0": {"query": "x", "limit": True}}, 400, "query 'q0': limit must be a positive whole number"),
    ({"q0": {"query": "x", "properties": {"pid": "country"}}}, 400, "query 'q0': 'properties' must be a list"),
    ({"q0": {"query": "x", "properties": [{"pid": "leader", "v": "x"}]}}, 400,
     "query 'q0': unknown property 'leader' (a query may use kind, country)"),
    ({"q0": {"query": "x", "properties": [{"pid": "aliases", "v": "x"}]}}, 400,
     "query 'q0': property 'aliases' is not used for matching (a query may use kind, country)"),
    ({"q0": {"query": "x", "properties": [{"pid": "country", "v": "Iraq"}]}}, 400,
     "query 'q0', property 'country': country 'Iraq' is not an ISO 3166-1 alpha-2 code (such as IQ or SY)"),
    ({"q0": {"query": "x", "properties": [{"pid": "country", "v": 5}]}}, 400,
     "query 'q0', property 'country': a property value must be text, or an object with an 'id'"),
    ({"q0": {"query": "x", "type_strict": "maybe"}}, 400, "query 'q0': type_strict must be"),
    ({f"q{i}": {"query": "x"} for i in range(21)}, 413, "the batch holds 21 queries; this service takes at most 20"),
]


@pytest.mark.parametrize(("batch", "status", "message"), BAD_QUERIES, ids=[m[:40] for _, _, m in BAD_QUERIES])
def test_bad_queries_are_refused_with_a_reason(snap: Snapshot, batch: object, status: int, message: str) -> None:
    with pytest.raises(RequestError) as err:
        v02.reconcile_batch(snap, batch, SETTINGS)
    assert err.value.status == status
    assert err.value.message.startswith(message)


def test_marks_of_arabic_text_are_not_refused(snap: Snapshot) -> None:
    # RLM and ALM come with Arabic copied from web pages; the normalizer drops them.
    [cand] = answer(snap, {"query": "\u200fكتائب حزب الله\u061c"})
    assert (cand["id"], cand["match"]) == ("kataib-hezbollah", True)


def test_a_reconciled_cell_as_a_country_value(snap: Snapshot) -> None:
    cands = answer(snap, {"query": "Ansar al-Sharia", "properties": [{"pid": "country", "v": {"id": "TN", "name": "Tunisia"}}]})
    assert cands[0]["id"] == "ansar-al-sharia-tunisia" and cands[0]["match"] is True


# -- suggest -------------------------------------------------------------------------


def suggested(snap: Snapshot, prefix: str, cursor: int = 0, limit: int = 10) -> list[str]:
    out = v02.suggest(snap, "entity", prefix, cursor, limit)
    validate("0.2/suggest-entities-response", out)
    return [r["id"] for r in out["result"]]


@pytest.mark.parametrize(
    ("prefix", "first"),
    [
        ("kataib hiz", "kataib-hezbollah"),
        ("Kata'ib Hez", "kataib-hezbollah"),
        ("كتائب", "kataib-hezbollah"),
        ("كتائب حز", "kataib-hezbollah"),
        ("Hezbollah", "hezbollah"),
        ("aqap", "aqap"),
        ("1920", "1920-revolution-brigades"),
        ("al-qaeda in the arab", "aqap"),
    ],
)
def test_suggest_completes_names_and_aliases_in_any_script(snap: Snapshot, prefix: str, first: str) -> None:
    assert suggested(snap, prefix)[0] == first


def test_suggest_finds_a_later_word_after_whole_names(snap: Snapshot) -> None:
    # "Hezbollah" is a name of its own, and a later word of "Kata'ib Hezbollah".
    assert suggested(snap, "hezbollah")[:2] == ["hezbollah", "kataib-hezbollah"]


def test_suggest_pages_with_cursor(snap: Snapshot) -> None:
    everything = suggested(snap, "a", limit=50)
    assert len(everything) > 3
    assert suggested(snap, "a", cursor=0, limit=2) + suggested(snap, "a", cursor=2, limit=50) == everything


def test_suggest_blank_prefix_lists_every_entity(snap: Snapshot) -> None:
    assert len(suggested(snap, "", limit=50)) == len(snap.registry.entities)


def test_suggest_describes_the_name_it_completed(snap: Snapshot) -> None:
    out = v02.suggest(snap, "entity", "كتائب", 0, 10)
    assert out["result"][0]["description"] == "Armed group · IQ · “كتائب حزب الله”"
    assert out["result"][0]["notable"] == [{"id": "armed-group", "name": "Armed group"}]


def test_suggest_types_and_properties(snap: Snapshot) -> None:
    types = v02.suggest(snap, "type", "arm", 0, 10)
    validate("0.2/suggest-types-response", types)
    assert types == {"result": [{"id": "armed-group", "name": "Armed group"}]}
    props = v02.suggest(snap, "property", "coun", 0, 10)
    validate("0.2/suggest-properties-response", props)
    assert [p["id"] for p in props["result"]] == ["country"]
    assert [p["id"] for p in v02.suggest(snap, "property", "part", 0, 10)["result"]] == ["part-of"]


def test_suggest_refuses_a_prefix_with_a_bidi_control(snap: Snapshot) -> None:
    with pytest.raises(RequestError, match="prefix holds the bidi control U\\+2066"):
        v02.suggest(snap, "entity", "\u2066kat", 0, 10)


# -- data extension --------------------------------------------------------------------


def test_extend_gives_every_property(snap: Snapshot) -> None:
    query = {"ids": ["kataib-hezbollah"], "properties": [{"id": p} for p in PROPERTY_BY_ID]}
    validate("0.2/data-extension-query", query)
    out = v02.extend_batch(snap, query, SETTINGS)
    validate("0.2/data-extension-response", out)
    assert [m["id"] for m in out["meta"]] == list(PROPERTY_BY_ID)
    row = out["rows"]["kataib-hezbollah"]
    assert row["kind"] == [{"str": "armed-group"}]
    assert row["country"] == [{"str": "IQ"}]
    assert row["native-name"] == [{"str": "كتائب حزب الله"}]
    assert row["acronyms"] == [{"str": "KH"}]
    assert {"str": "Hezbollah Brigades"} in row["aliases"]
    assert row["part-of"] == [{"id": "popular-mobilization-forces", "name": "Popular Mobilization Forces"}]
    assert row["front-for"] == []
    assert row["sources"] == [{"str": "https://example.org/kh"}]


def test_extend_answers_an_old_id_for_the_entity_it_became(snap: Snapshot) -> None:
    out = v02.extend_batch(snap, {"ids": ["kh-old", "aqap"], "properties": [{"id": "acronyms"}]}, SETTINGS)
    validate("0.2/data-extension-response", out)
    assert out["rows"] == {"kh-old": {"acronyms": [{"str": "KH"}]}, "aqap": {"acronyms": [{"str": "AQAP"}]}}


def test_extend_limit_setting(snap: Snapshot) -> None:
    out = v02.extend_batch(
        snap, {"ids": ["kataib-hezbollah"], "properties": [{"id": "aliases", "settings": {"limit": "1"}}]}, SETTINGS
    )
    assert out["rows"]["kataib-hezbollah"]["aliases"] == [{"str": "Kataib Hezbollah"}]


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ({"ids": ["nope", "aqap", "gone"], "properties": []}, 404, "no entity with the id 'nope', 'gone'"),
        ({"ids": ["aqap"], "properties": [{"id": "leader"}]}, 400, "extend, property 1: unknown property 'leader'"),
        ({"ids": ["aqap"], "properties": [{"id": "kind", "settings": {"limit": "-1"}}]}, 400,
         "extend, property 1: setting limit must be a whole number"),
        ({"ids": ["aqap"], "properties": [{"id": "kind", "settings": {"lang": "en"}}]}, 400,
         "extend, property 1: unknown setting 'lang'"),
        ({"ids": "aqap", "properties": []}, 400, "extend: 'ids' must be a list"),
        ({"ids": ["x"] * 21, "properties": []}, 413, "extend asks for 21 ids"),
        ([], 400, "extend must be a JSON object"),
    ],
)
def test_bad_extension_queries_are_refused(snap: Snapshot, query: object, status: int, message: str) -> None:
    with pytest.raises(RequestError) as err:
        v02.extend_batch(snap, query, SETTINGS)
    assert (err.value.status, err.value.message[: len(message)]) == (status, message)


def test_property_proposals(snap: Snapshot) -> None:
    out = v02.proposals("armed-group", 3)
    validate("0.2/property-proposal-response", out)
    assert out == {
        "type": "armed-group",
        "properties": [
            {"id": "kind", "name": "Kind"},
            {"id": "country", "name": "Countries"},
            {"id": "native-name", "name": "Native-script name"},
        ],
        "limit": 3,
    }
    with pytest.raises(RequestError, match="unknown type 'person'"):
        v02.proposals("person", None)


def test_a_relation_to_an_old_id_points_at_the_entity_it_became(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    text = REGISTRY.read_text(encoding="utf-8")
    path.write_text(text.replace("target: popular-mobilization-forces}", "target: pmf-old}").replace(
        "redirects:\n", "redirects:\n  pmf-old: popular-mobilization-forces\n"), encoding="utf-8")
    snap = load_snapshot(path)
    entity = snap.entity("kataib-hezbollah")
    assert entity is not None
    [cell] = values(snap, entity, Wanted(PROPERTY_BY_ID["part-of"]))
    assert (cell.id, cell.name) == ("popular-mobilization-forces", "Popular Mobilization Forces")


def test_wanted_takes_a_numeric_limit() -> None:
    assert wanted("aliases", {"limit": 3}, "p").limit == 3


def test_extend_rows_keep_the_order_asked(snap: Snapshot) -> None:
    rows = extend(snap, ["aqap", "hezbollah"], [Wanted(PROPERTY_BY_ID["kind"])])
    assert [r.id for r in rows] == ["aqap", "hezbollah"]


# -- the 1.0 draft ------------------------------------------------------------------------


def test_v1_conditions_and_results(snap: Snapshot) -> None:
    body = {
        "queries": [
            {"conditions": [{"matchType": "name", "propertyValue": "Ansar al-Sharia"},
                            {"matchType": "property", "propertyId": "country", "propertyValue": "TN"}]},
            {"conditions": [{"matchType": "name", "propertyValue": "Islamic Resistance"},
                            {"matchType": "property", "propertyId": "country", "propertyValue": "LB", "required": True}],
             "type": "armed-group", "limit": 3},
        ]
    }
    validate("1.0/reconciliation-query-batch", body)
    out = v1.reconcile_batch(snap, body, SETTINGS)
    validate("1.0/reconciliation-result-batch", out)
    assert feature_ids_unique(out)
    first, second = out["results"]
    assert [(c["id"], c["match"]) for c in first["candidates"]] == [
        ("ansar-al-sharia-tunisia", True),
        ("ansar-al-sharia-libya", False),
    ]
    assert [(c["id"], c["match"]) for c in second["candidates"]] == [("hezbollah", False)]
    assert first["candidates"][0]["features"][0] == {
        "id": "score",
        "name": "the resolver's score for this candidate, 0 to 100",
        "value": 100.0,
    }


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"queries": {"q0": {}}}, 'the body must be a JSON object with a "queries" list'),
        ({"queries": [{"conditions": []}]}, "query 0: 'conditions' must be a list of at least one condition"),
        ({"queries": [{"conditions": [{"matchType": "name", "propertyValue": "a"}] * 2}]},
         "query 0, condition 1: a query takes one name condition"),
        ({"queries": [{"conditions": [{"matchType": "label", "propertyValue": "a"}]}]},
         'query 0, condition 0: matchType must be "name" or "property"'),
        ({"queries": [{"conditions": [{"matchType": "name", "propertyValue": "a", "matchQualifier": "Wildcard"}]}]},
         "query 0, condition 0: this service supports no matchQualifier"),
        ({"queries": [{"conditions": [{"matchType": "name", "propertyValue": "a"}], "type": ["front"]}]},
         "query 0: 'type' is one type id in this version"),
    ],
)
def test_v1_bad_queries(snap: Snapshot, body: object, message: str) -> None:
    with pytest.raises(RequestError) as err:
        v1.reconcile_batch(snap, body, SETTINGS)
    assert err.value.message == message


def test_v1_extension_rows_are_a_list_with_languages(snap: Snapshot) -> None:
    out = v1.extend_batch(snap, {"ids": ["kh-old"], "properties": [{"id": "native-name"}, {"id": "part-of"}]}, SETTINGS)
    validate("1.0/data-extension-response", out)
    assert out["rows"] == [
        {
            "id": "kh-old",
            "properties": [
                {"id": "native-name", "values": [{"str": "كتائب حزب الله", "lang": "ar"}]},
                {"id": "part-of", "values": [{"id": "popular-mobilization-forces", "name": "Popular Mobilization Forces"}]},
            ],
        }
    ]


def test_manifests_validate() -> None:
    validate("0.2/manifest", v02.manifest("http://127.0.0.1:8000/reconcile", SETTINGS))
    validate("1.0/manifest", v1.manifest("http://127.0.0.1:8000/1.0-draft", "http://127.0.0.1:8000/reconcile", SETTINGS))


def test_a_large_limit_is_capped() -> None:
    [query] = v02.parse_queries({"q": {"query": "x", "limit": 10**30}}, SETTINGS)[1]
    assert query.limit == MAX_LIMIT


# -- HTML ------------------------------------------------------------------------------------


def test_preview_escapes_every_value(snap: Snapshot) -> None:
    entity = snap.entity("hostile-markup")
    assert entity is not None
    page = preview_html(snap, entity)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in page
    assert "<img" not in page
    assert "&lt;b&gt;Liwa&lt;/b&gt; &amp; Co" in page
    # Only http(s) sources become links; a javascript: one is shown as text.
    assert 'href="javascript' not in page
    assert "javascript:alert(3)" in page
    assert 'href="https://example.org/a?b=1&amp;c=&lt;2&gt;"' in page
    # A source that is no URL at all is shown as text too.
    assert "http://[not-a-host/x" in view_html(snap, entity)


def test_the_entity_page_escapes_notes_too(snap: Snapshot) -> None:
    entity = snap.entity("hostile-markup")
    assert entity is not None
    page = view_html(snap, entity)
    assert "Notes with &lt;i&gt;markup&lt;/i&gt; &amp; an ampersand." in page
    assert "<script" not in page and "<i>" not in page


def test_preview_shows_names_kind_countries_relations(snap: Snapshot) -> None:
    entity = snap.entity("kataib-hezbollah")
    assert entity is not None
    page = preview_html(snap, entity)
    assert '<h1 dir="auto">Kata&#x27;ib Hezbollah</h1>' in page
    assert '<span dir="auto" lang="ar">كتائب حزب الله</span>' in page
    assert "Armed group</span> · IQ · <code>kataib-hezbollah</code>" in page
    assert "<dt>Part of</dt><dd>Popular Mobilization Forces</dd>" in page
    assert '<a href="https://example.org/kh" target="_blank" rel="noopener noreferrer">example.org</a>' in page


def test_docs_page_has_an_anchor_for_every_feature(snap: Snapshot) -> None:
    page = docs_html(snap, SETTINGS)
    for pattern in ("score", "method_*", "alias_*", "country_match", "type_match"):
        for feature in feature_ids(pattern):
            assert f'id="feature-{feature}"' in page
    assert "at most 20 queries a batch" in page


# -- reloading --------------------------------------------------------------------------------


@pytest.fixture
def live_copy(tmp_path: Path) -> Path:
    path = tmp_path / "aliases.yaml"
    shutil.copyfile(REGISTRY, path)
    return path


def test_refresh_swaps_in_a_changed_registry(live_copy: Path) -> None:
    service = Service(live_copy)
    before = service.snapshot
    assert service.refresh() == "unchanged"
    live_copy.write_text(
        live_copy.read_text(encoding="utf-8").replace("- Hizballah\n", "- Hizballah\n      - Organization of the Oppressed on Earth\n"),
        encoding="utf-8",
    )
    assert service.refresh() == "reloaded"
    after = service.snapshot
    assert after is not before and after.sha256 != before.sha256
    assert service.generation == 1
    assert after.resolver.resolve("Organization of the Oppressed on Earth").id == "hezbollah"
    # A request that took the old snapshot still answers from it alone.
    assert before.resolver.resolve("Organization of the Oppressed on Earth").status != "matched"


def test_an_invalid_registry_keeps_the_old_one_serving(live_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    service = Service(live_copy)
    before = service.snapshot
    good = live_copy.read_text(encoding="utf-8")
    live_copy.write_text(good.replace("kind: front\n", "kind: militia\n", 1), encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="aliasctl.serve"):
        assert service.refresh() == "invalid"
        assert service.refresh() == "invalid"
    assert service.snapshot is before
    [record] = caplog.records
    assert record.getMessage().startswith(f"registry not reloaded, still serving sha256 {before.sha256[:12]}: ")
    assert "unknown kind 'militia'" in record.getMessage()
    live_copy.write_text(good.replace("- Hizballah\n", "- Hizbullah\n"), encoding="utf-8")
    assert service.refresh() == "reloaded"


def test_a_vanished_registry_keeps_the_old_one_serving(live_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    service = Service(live_copy)
    before = service.snapshot
    live_copy.unlink()
    with caplog.at_level(logging.ERROR, logger="aliasctl.serve"):
        assert service.refresh() == "invalid"
    assert service.snapshot is before
    assert "no such file" in caplog.text


def test_an_invalid_registry_at_start_is_an_error(live_copy: Path) -> None:
    from aliasctl import RegistryError

    live_copy.write_text("schema: 1\nentities: [\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="YAML syntax error"):
        Service(live_copy)
