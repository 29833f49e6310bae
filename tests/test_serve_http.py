"""The reconciliation service over HTTP, in process: every response's shape against the specification's
schemas, CORS, errors as JSON 4xx, and reloads that never mix two registries in one answer."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from starlette.testclient import TestClient

from aliasctl.serve import Service, Settings
from aliasctl.serve.app import REGISTRY_HEADER, create_app

from .conftest import FIXTURES
from .spec import feature_ids_unique, validate

REGISTRY = FIXTURES / "serve" / "registry.yaml"
SETTINGS = Settings(name="aliasctl test", batch_size=20, max_body=256 * 1024)
FORM = {"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"}


@pytest.fixture(scope="module")
def service() -> Service:
    return Service(REGISTRY)


@pytest.fixture(scope="module")
def client(service: Service) -> TestClient:
    # The base URL is what a client would use: the manifest's URLs are built from it.
    return TestClient(create_app(service, SETTINGS), base_url="http://127.0.0.1:8000", raise_server_exceptions=False)


def manifest(client: TestClient) -> dict[str, Any]:
    response = client.get("/reconcile")
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    validate("0.2/manifest", body)
    return body


def path_of(url: str) -> str:
    assert url.startswith("http://127.0.0.1:8000/")
    return url.removeprefix("http://127.0.0.1:8000")


def reconcile_form(client: TestClient, batch: dict[str, Any]) -> dict[str, Any]:
    validate("0.2/reconciliation-query-batch", batch)
    response = client.post("/reconcile", content="queries=" + quote(json.dumps(batch)), headers=FORM)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    validate("0.2/reconciliation-result-batch", body)
    assert feature_ids_unique(body)
    return body


# -- shapes ----------------------------------------------------------------------------------


def test_manifest(client: TestClient) -> None:
    body = manifest(client)
    assert body["versions"] == ["0.2"]
    assert body["name"] == "aliasctl test"
    assert body["batchSize"] == 20
    assert {t["id"] for t in body["defaultTypes"]} >= {"armed-group", "front", "coalition"}
    assert body["preview"]["url"] == "http://127.0.0.1:8000/reconcile/preview?id={{id}}"
    assert body["suggest"]["entity"] == {"service_url": "http://127.0.0.1:8000/reconcile", "service_path": "/suggest/entity"}


def test_the_root_is_the_same_endpoint(client: TestClient) -> None:
    assert client.get("/").json() == manifest(client)
    browser = client.get("/", headers={"Accept": "text/html"}, follow_redirects=False)
    assert (browser.status_code, browser.headers["location"]) == (303, "/reconcile/docs")


def test_every_url_of_the_manifest_answers(client: TestClient) -> None:
    body = manifest(client)
    for url in (body["view"]["url"], body["preview"]["url"]):
        page = client.get(path_of(url.replace("{{id}}", "kataib-hezbollah")))
        assert page.status_code == 200
        assert page.headers["content-type"] == "text/html; charset=utf-8"
        assert "Kata&#x27;ib Hezbollah" in page.text
    assert client.get(path_of(body["documentation"])).status_code == 200
    feature = client.get(path_of(body["feature_view"]["url"].replace("{{id}}", "method_fuzzy")))
    assert 'id="feature-method_fuzzy"' in feature.text
    for what, schema in (("entity", "entities"), ("type", "types"), ("property", "properties")):
        meta = body["suggest"][what]
        answer = client.get(path_of(meta["service_url"] + meta["service_path"]), params={"prefix": "a"})
        assert answer.status_code == 200
        validate(f"0.2/suggest-{schema}-response", answer.json())
        assert answer.json()["result"]
    propose = body["extend"]["propose_properties"]
    answer = client.get(path_of(propose["service_url"] + propose["service_path"]), params={"type": "front"})
    validate("0.2/property-proposal-response", answer.json())


def test_reconcile_form_post_and_get_agree(client: TestClient) -> None:
    batch = {
        "q0": {"query": "Kataib Hezbollah", "type": "armed-group", "type_strict": "should"},
        "q1": {"query": "Ansar al-Sharia", "properties": [{"pid": "country", "v": "TN"}]},
        "q2": {"query": "Xyzzy"},
    }
    posted = reconcile_form(client, batch)
    got = client.get("/reconcile", params={"queries": json.dumps(batch)})
    assert got.json() == posted
    assert [c["id"] for c in posted["q0"]["result"] if c["match"]] == ["kataib-hezbollah"]
    assert [c["id"] for c in posted["q1"]["result"] if c["match"]] == ["ansar-al-sharia-tunisia"]
    assert posted["q2"] == {"result": []}


def test_extend_form_post_and_get(client: TestClient) -> None:
    query = {"ids": ["kh-old", "aqap"], "properties": [{"id": "country"}, {"id": "part-of"}]}
    validate("0.2/data-extension-query", query)
    posted = client.post("/reconcile", data={"extend": json.dumps(query)})
    assert posted.status_code == 200
    validate("0.2/data-extension-response", posted.json())
    assert posted.json()["rows"]["kh-old"]["part-of"] == [
        {"id": "popular-mobilization-forces", "name": "Popular Mobilization Forces"}
    ]
    assert client.get("/reconcile", params={"extend": json.dumps(query)}).json() == posted.json()


def test_answers_carry_their_registry_hash(client: TestClient, service: Service) -> None:
    response = client.get("/reconcile/suggest/entity", params={"prefix": "hez"})
    assert response.headers[REGISTRY_HEADER] == service.snapshot.sha256


def test_preview_is_escaped_html_with_a_policy_against_scripts(client: TestClient) -> None:
    response = client.get("/reconcile/preview", params={"id": "hostile-markup"})
    assert response.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "<script" not in response.text
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_cors_is_open_to_every_origin(client: TestClient) -> None:
    simple = client.get("/reconcile", headers={"Origin": "http://localhost:3333"})
    assert simple.headers["access-control-allow-origin"] == "*"
    assert REGISTRY_HEADER.lower() in simple.headers["access-control-expose-headers"].lower()
    preflight = client.options(
        "/reconcile",
        headers={"Origin": "http://localhost:3333", "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "content-type"},
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]


def test_v1_draft_endpoints(client: TestClient) -> None:
    body = client.get("/1.0-draft").json()
    validate("1.0/manifest", body)
    assert body["view"]["url"] == "http://127.0.0.1:8000/reconcile/view/{id}"
    query = {"queries": [{"conditions": [{"matchType": "name", "propertyValue": "Hizballah"}]}]}
    validate("1.0/reconciliation-query-batch", query)
    results = client.post("/1.0-draft/reconcile", json=query)
    validate("1.0/reconciliation-result-batch", results.json())
    assert results.json()["results"][0]["candidates"][0]["id"] == "hezbollah"
    ext = client.post("/1.0-draft/extend", json={"ids": ["hezbollah"], "properties": [{"id": "kind"}]})
    validate("1.0/data-extension-response", ext.json())
    assert ext.json()["rows"] == [{"id": "hezbollah", "properties": [{"id": "kind", "values": [{"str": "armed-group"}]}]}]
    propose = client.get("/1.0-draft/extend/propose", params={"type": "armed-group", "limit": "2"})
    validate("0.2/property-proposal-response", propose.json())
    assert len(propose.json()["properties"]) == 2
    suggest = client.get("/1.0-draft/suggest/entity", params={"prefix": "كتائب"})
    validate("0.2/suggest-entities-response", suggest.json())
    assert suggest.json()["result"][0]["id"] == "kataib-hezbollah"
    assert "Hezbollah" in client.get("/1.0-draft/preview", params={"id": "hezbollah"}).text


# -- bad input: a 4xx JSON error, never a 500 nor a traceback ----------------------------------


def q(text: str) -> str:
    return "queries=" + quote(text)


BAD: list[tuple[str, str, str, dict[str, str], str | bytes | None, int, str]] = [
    # (what, method, path, headers, body, status, message start)
    ("malformed JSON", "POST", "/reconcile", FORM, q('{"q0": {"query": "Hezbollah"'), 400,
     "queries is not valid JSON: Expecting ',' delimiter at line 1 column 29"),
    ("queries not an object", "POST", "/reconcile", FORM, q('["Hezbollah"]'), 400, "queries must be a JSON object"),
    ("a query not an object", "POST", "/reconcile", FORM, q('{"q0": "Hezbollah"}'), 400,
     "query 'q0' must be a JSON object"),
    ("over batchSize", "POST", "/reconcile", FORM,
     q(json.dumps({f"q{i}": {"query": "x"} for i in range(21)})), 413, "the batch holds 21 queries"),
    ("body over the limit", "POST", "/reconcile", FORM, "queries=" + "x" * 300_000, 413,
     "the request body is larger than this service accepts (262,144 bytes)"),
    ("a 100,000-character query", "POST", "/reconcile", FORM, q(json.dumps({"q0": {"query": "x" * 100_000}})),
     400, "query 'q0' is 100,000 characters long"),
    ("a control character", "POST", "/reconcile", FORM, q(json.dumps({"q0": {"query": "Hez\u0007bollah"}})), 400,
     "query 'q0' holds the control character U+0007"),
    ("a bidi override", "POST", "/reconcile", FORM, q(json.dumps({"q0": {"query": "\u202eHezbollah"}})), 400,
     "query 'q0' holds the bidi control U+202E"),
    ("an unknown property", "POST", "/reconcile", FORM,
     q(json.dumps({"q0": {"query": "x", "properties": [{"pid": "P17", "v": "Q30"}]}})), 400,
     "query 'q0': unknown property 'P17'"),
    ("an unknown type", "POST", "/reconcile", FORM, q(json.dumps({"q0": {"query": "x", "type": "Q5"}})), 400,
     "query 'q0': unknown type 'Q5'"),
    ("deep nesting", "POST", "/reconcile", FORM, q("[" * 20_000 + "]" * 20_000), 400, "queries is nested too deeply"),
    ("NaN", "POST", "/reconcile", FORM, q('{"q0": {"query": "x", "limit": NaN}}'), 400,
     "queries is not valid JSON: NaN is not a JSON number"),
    ("a lone surrogate in a query", "POST", "/reconcile", FORM, q('{"q0": {"query": "Hez\\ud800"}}'), 400,
     "queries holds the lone surrogate U+D800, which is not a character"),
    ("a lone surrogate in a key", "POST", "/reconcile", FORM, q('{"\\udfff": {"query": "x"}}'), 400,
     "queries holds the lone surrogate U+DFFF"),
    ("a lone surrogate in an id", "POST", "/reconcile", FORM,
     "extend=" + quote('{"ids": ["\\ud83d"], "properties": []}'), 400, "extend holds the lone surrogate U+D83D"),
    ("bad percent-encoding", "POST", "/reconcile", FORM, "queries=%FF%FE", 400, "the request body cannot be read"),
    ("a body not UTF-8", "POST", "/reconcile", FORM, b"queries=\xff", 400, "the request body is not UTF-8"),
    ("queries given twice", "POST", "/reconcile", FORM, "queries={}&queries={}", 400,
     "'queries' is given twice in the request body"),
    ("queries and extend", "POST", "/reconcile", FORM, "queries={}&extend={}", 400, "give either queries or extend"),
    ("a POST without parameters", "POST", "/reconcile", FORM, "", 400, "a POST must carry queries="),
    ("a multipart body", "POST", "/reconcile", {"Content-Type": "multipart/form-data; boundary=x"}, "--x--", 415,
     "send the parameters form-encoded"),
    ("an unknown id in preview", "GET", "/reconcile/preview?id=%3Cscript%3E", {}, None, 404,
     "no entity with the id '<script>'"),
    ("an id with a control character", "GET", "/reconcile/preview?id=a%1Bb", {}, None, 404,
     "no entity with the id 'a<U+001B>b'"),
    ("no id in preview", "GET", "/reconcile/preview", {}, None, 400, "give the entity's id"),
    ("an unknown id in a view", "GET", "/reconcile/view/nobody", {}, None, 404, "no entity with the id 'nobody'"),
    ("an unknown id in extend", "POST", "/reconcile", FORM,
     "extend=" + quote(json.dumps({"ids": ["aqap", "nobody"], "properties": [{"id": "kind"}]})), 404,
     "no entity with the id 'nobody'"),
    ("an unknown property in extend", "POST", "/reconcile", FORM,
     "extend=" + quote(json.dumps({"ids": ["aqap"], "properties": [{"id": "P17"}]})), 400,
     "extend, property 1: unknown property 'P17'"),
    ("an unknown suggest service", "GET", "/reconcile/suggest/place?prefix=a", {}, None, 404,
     "no suggest service for 'place'"),
    ("a bad cursor", "GET", "/reconcile/suggest/entity?prefix=a&cursor=-1", {}, None, 400, "cursor must be a whole number"),
    ("an unknown type for proposals", "GET", "/reconcile/properties?type=Q5", {}, None, 400, "unknown type 'Q5'"),
    ("an unknown page", "GET", "/wp-admin", {}, None, 404, "no such page: /wp-admin"),
    ("a method not allowed", "DELETE", "/reconcile", {}, None, 405, "DELETE is not allowed on /reconcile"),
    ("v1: not JSON", "POST", "/1.0-draft/reconcile", FORM, "queries=[]", 415, "send the request as JSON"),
    ("v1: malformed JSON", "POST", "/1.0-draft/reconcile", {"Content-Type": "application/json"}, '{"queries": [', 400,
     "the request body is not valid JSON"),
    ("v1: a batch over batchSize", "POST", "/1.0-draft/reconcile", {"Content-Type": "application/json"},
     json.dumps({"queries": [{"conditions": [{"matchType": "name", "propertyValue": "x"}]}] * 21}), 413,
     "the batch holds 21 queries"),
    ("v1: an unknown id in extend", "POST", "/1.0-draft/extend", {"Content-Type": "application/json"},
     json.dumps({"ids": ["nobody"], "properties": []}), 404, "no entity with the id 'nobody'"),
]


@pytest.mark.parametrize(("what", "method", "path", "headers", "body", "status", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_a_json_error(
    client: TestClient,
    what: str,
    method: str,
    path: str,
    headers: dict[str, str],
    body: str | bytes | None,
    status: int,
    message: str,
) -> None:
    response = client.request(method, path, headers=headers, content=body)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    error = response.json()
    assert error["status"] == status
    assert error["message"].startswith(message), error["message"]
    assert "Traceback" not in response.text


def test_a_body_over_the_limit_without_a_length_is_refused(client: TestClient) -> None:
    # Sent in chunks, without Content-Length: counted as it arrives.
    def chunks() -> Any:
        yield b"queries="
        for _ in range(300):
            yield b"x" * 1024

    response = client.post("/reconcile", content=chunks(), headers=FORM)
    assert response.status_code == 413
    assert response.json()["message"].startswith("the request body is larger than this service accepts")


_ANY = st.characters(exclude_categories=())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.text(max_size=300),
        st.recursive(
            # Any code point, lone surrogates too (json.dumps writes them as \ud800 escapes).
            st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(_ANY, max_size=40),
            lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(_ANY, max_size=10), inner, max_size=4),
            max_leaves=20,
        ).map(json.dumps),
    ),
    st.sampled_from(["queries", "extend"]),
)
def test_no_input_makes_a_server_error(client: TestClient, text: str, param: str) -> None:
    response = client.post("/reconcile", data={param: text})
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert set(response.json()) == {"status", "error", "message"}


# -- reloading while answering --------------------------------------------------------------------


def test_a_changed_registry_is_answered_after_refresh(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    shutil.copyfile(REGISTRY, path)
    service = Service(path)
    client = TestClient(create_app(service, SETTINGS))
    batch = {"q0": {"query": "Organization of the Oppressed on Earth"}}
    before = reconcile_form(client, batch)
    assert not any(c["match"] for c in before["q0"]["result"])
    path.write_text(path.read_text(encoding="utf-8").replace("- Hizballah\n", "- Hizballah\n      - Organization of the Oppressed on Earth\n"),
                    encoding="utf-8")
    assert service.refresh() == "reloaded"
    after = reconcile_form(client, batch)
    assert [(c["id"], c["match"]) for c in after["q0"]["result"]] == [("hezbollah", True)]


def test_the_watcher_notices_a_change(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    shutil.copyfile(REGISTRY, path)
    service = Service(path)
    with TestClient(create_app(service, SETTINGS, watch_every=0.05)) as client:
        path.write_text(path.read_text(encoding="utf-8").replace("- Hizballah\n", "- Hizbullah\n"), encoding="utf-8")
        # The timeout only guards against a hang; the watcher checks every 50 ms.
        assert service.wait_for_generation(1, timeout=60)
        response = client.get("/reconcile/suggest/entity", params={"prefix": "hizbullah"})
        assert response.json()["result"][0]["id"] == "hezbollah"
        assert response.headers[REGISTRY_HEADER] == service.snapshot.sha256


def test_answers_never_mix_two_registries(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    shutil.copyfile(REGISTRY, path)
    old_text = path.read_text(encoding="utf-8")
    # In the new registry "Organization of the Oppressed on Earth" names Hezbollah; in the old it names nothing.
    new_text = old_text.replace("- Hizballah\n", "- Hizballah\n      - Organization of the Oppressed on Earth\n")
    service = Service(path)
    old_sha = service.snapshot.sha256
    client = TestClient(create_app(service, SETTINGS))
    batch = json.dumps({f"q{i}": {"query": "Organization of the Oppressed on Earth"} for i in range(20)})
    stop = threading.Event()

    def swap() -> None:
        texts = [new_text, old_text]
        n = 0
        while not stop.is_set():
            path.write_text(texts[n % 2], encoding="utf-8")
            service.refresh()
            n += 1

    swapper = threading.Thread(target=swap)
    swapper.start()
    seen = set()
    try:
        for _ in range(60):
            response = client.post("/reconcile", data={"queries": batch})
            assert response.status_code == 200
            sha = response.headers[REGISTRY_HEADER]
            seen.add(sha)
            matched = {c["id"] for r in response.json().values() for c in r["result"] if c["match"]}
            # Every query of an answer is answered from the one registry its header names.
            assert matched == (set() if sha == old_sha else {"hezbollah"})
    finally:
        stop.set()
        swapper.join()
    assert len(seen) == 2, "both registries should have answered"


def _raw_get(service: Service, path: str, query: bytes) -> tuple[int, bytes]:
    """A GET whose query string is given as raw bytes, as no HTTP client library sends it."""
    import anyio

    app = create_app(service, SETTINGS)
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": query, "root_path": "", "headers": [],
        "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 50000),
    }
    anyio.run(app, scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def test_a_raw_utf8_query_string_is_read(service: Service) -> None:
    status, body = _raw_get(service, "/reconcile/suggest/entity", "prefix=كتائب".encode())
    assert status == 200
    assert json.loads(body)["result"][0]["id"] == "kataib-hezbollah"
    status, body = _raw_get(service, "/reconcile/suggest/entity", b"prefix=\xff")
    assert status == 400
    assert json.loads(body)["message"] == "the query string is not UTF-8"
