"""``aliasctl serve`` for real: uvicorn on a free loopback port, driven as OpenRefine drives it; logs,
stopping on SIGTERM, the errors of the command, and the preview card in headless Chromium."""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from click.testing import CliRunner

from aliasctl.cli import main
from aliasctl.serve.server import SERVE_HINT, is_loopback

from .conftest import FIXTURES
from .spec import feature_ids_unique, validate

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

REGISTRY = FIXTURES / "serve" / "registry.yaml"
# Every request goes straight to the loopback service, whatever proxy the environment names.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
# Only guards against a hang: the service starts in about a second.
_HANG = 120.0


@dataclass
class Live:
    """A running ``aliasctl serve`` and what it has written so far."""

    proc: subprocess.Popen[str]
    base: str = ""
    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)

    def get(self, url: str) -> tuple[int, dict[str, str], str]:
        return _send(urllib.request.Request(url))

    def post_form(self, url: str, fields: dict[str, str]) -> tuple[int, dict[str, str], str]:
        # As OpenRefine posts: form-encoded, UTF-8.
        body = urlencode(fields).encode("ascii")
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"}
        return _send(urllib.request.Request(url, data=body, headers=headers, method="POST"))

    def stop(self, sig: int = signal.SIGTERM) -> int:
        self.proc.send_signal(sig)
        return self.proc.wait(timeout=_HANG)


def _send(request: urllib.request.Request) -> tuple[int, dict[str, str], str]:
    try:
        with _OPENER.open(request, timeout=_HANG) as response:
            return response.status, _lower(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, _lower(exc.headers), exc.read().decode("utf-8")


def _lower(headers: Any) -> dict[str, str]:
    return {k.lower(): v for k, v in headers.items()}


def _pump(stream: Any, sink: list[str], lines: queue.Queue[str] | None) -> None:
    for line in stream:
        sink.append(line)
        if lines is not None:
            lines.put(line)


@contextmanager
def serving(*args: str, registry: Path = REGISTRY) -> Iterator[Live]:
    """Start ``aliasctl serve --port 0`` and wait for the port it bound."""
    env = dict(os.environ, NO_COLOR="1", PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "aliasctl", "--registry", str(registry), "serve", "--port", "0", "--watch", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    live = Live(proc)
    lines: queue.Queue[str] = queue.Queue()
    pumps = [
        threading.Thread(target=_pump, args=(proc.stdout, live.out, None), daemon=True),
        threading.Thread(target=_pump, args=(proc.stderr, live.err, lines), daemon=True),
    ]
    for pump in pumps:
        pump.start()
    try:
        while True:
            line = lines.get(timeout=_HANG)
            found = re.search(r"on http://127\.0\.0\.1:(\d+)/reconcile", line) or re.search(
                r'"message": "aliasctl serving .* on http://127\.0\.0\.1:(\d+)/reconcile', line
            )
            if found:
                live.base = f"http://127.0.0.1:{found.group(1)}"
                break
        yield live
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=_HANG)
        for pump in pumps:
            pump.join(timeout=_HANG)


NAMES = [
    ("Kataib Hezbollah", "IQ", "kataib-hezbollah"),
    ("Kata'ib Hizballah", None, "kataib-hezbollah"),
    ("كتائب حزب الله", None, "kataib-hezbollah"),
    ("Hizballah", "LB", "hezbollah"),
    # A coalition, and the column is reconciled against armed groups: offered, not matched.
    ("al-Hashd al-Shaabi", None, None),
    ("AQAP", "YE", "aqap"),
    ("Ansar al-Sharia", "TN", "ansar-al-sharia-tunisia"),
    ("Ansar al-Sharia", None, None),
    ("Daesh", None, "islamic-state"),
    ("Homs Brigades of Nowhere", None, None),
]


def test_driven_as_openrefine_drives_it() -> None:
    with serving() as live:
        # 1. The service is added: its manifest.
        status, headers, text = live.get(f"{live.base}/reconcile")
        assert status == 200 and headers["content-type"] == "application/json"
        manifest = json.loads(text)
        validate("0.2/manifest", manifest)
        # 2. A column of ten names is reconciled against a type, with a country column.
        batch: dict[str, Any] = {}
        for i, (name, country, _) in enumerate(NAMES):
            query: dict[str, Any] = {"query": name, "type": "armed-group", "type_strict": "should"}
            if country:
                query["properties"] = [{"pid": "country", "v": country}]
            batch[f"q{i}"] = query
        validate("0.2/reconciliation-query-batch", batch)
        status, _, text = live.post_form(f"{live.base}/reconcile", {"queries": json.dumps(batch, ensure_ascii=False)})
        assert status == 200
        results = json.loads(text)
        validate("0.2/reconciliation-result-batch", results)
        assert feature_ids_unique(results)
        matched = {}
        for i, (_, _, expected) in enumerate(NAMES):
            chosen = [c["id"] for c in results[f"q{i}"]["result"] if c["match"]]
            assert chosen == ([expected] if expected else []), (NAMES[i], results[f"q{i}"])
            if expected:
                matched[f"q{i}"] = expected
        assert results["q7"]["result"], "the ambiguous name keeps its candidates"
        [coalition] = results["q4"]["result"]
        assert coalition["id"] == "popular-mobilization-forces"
        assert {"id": "type_match", "value": False} in coalition["features"]
        # 3. "Add columns from reconciled values": property proposals for the type.
        propose = manifest["extend"]["propose_properties"]
        status, _, text = live.get(f"{propose['service_url']}{propose['service_path']}?type=armed-group&limit=10")
        assert status == 200
        proposals = json.loads(text)
        validate("0.2/property-proposal-response", proposals)
        wanted = [p["id"] for p in proposals["properties"] if p["id"] in ("country", "native-name", "part-of")]
        assert wanted == ["country", "native-name", "part-of"]
        # 4. The matched ids are extended.
        ids = sorted(set(matched.values()))
        query = {"ids": ids, "properties": [{"id": p} for p in wanted]}
        validate("0.2/data-extension-query", query)
        status, _, text = live.post_form(f"{live.base}/reconcile", {"extend": json.dumps(query)})
        assert status == 200
        extension = json.loads(text)
        validate("0.2/data-extension-response", extension)
        assert sorted(extension["rows"]) == ids
        assert extension["rows"]["kataib-hezbollah"]["native-name"] == [{"str": "كتائب حزب الله"}]
        # 5. A candidate is previewed.
        url = manifest["preview"]["url"].replace("{{id}}", quote("kataib-hezbollah", safe=""))
        status, headers, text = live.get(url)
        assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
        assert "Kata&#x27;ib Hezbollah" in text
        code = live.stop(signal.SIGTERM)
    # Stopped cleanly: the requests logged, the shutdown logged, one line at the end, no traceback.
    assert code == 143
    err = "".join(live.err)
    assert "Shutting down" in err and "Finished server process" in err
    assert live.err[-1] == "aliasctl: terminated\n"
    assert "Traceback" not in err
    access = "".join(live.out)
    assert '"POST /reconcile HTTP/1.1" 200' in access
    assert '"GET /reconcile HTTP/1.1" 200' in access


def test_json_logs() -> None:
    with serving("--log-format", "json") as live:
        assert live.get(f"{live.base}/reconcile/suggest/entity?prefix=hez")[0] == 200
        assert live.get(f"{live.base}/reconcile/preview?id=nobody")[0] == 404
        assert live.stop() == 143
    records = [json.loads(line) for line in live.out + live.err[:-1]]
    assert live.err[-1] == "aliasctl: terminated\n"
    assert all({"time", "level", "logger", "message"} <= set(r) for r in records)
    requests = [r for r in records if r["logger"] == "uvicorn.access"]
    assert [(r["method"], r["path"], r["status"]) for r in requests] == [
        ("GET", "/reconcile/suggest/entity?prefix=hez", 200),
        ("GET", "/reconcile/preview?id=nobody", 404),
    ]
    assert any(r["logger"] == "aliasctl.serve" and r["message"].startswith("aliasctl serving ") for r in records)


def test_a_long_get_query_is_refused_without_a_server_error() -> None:
    with serving() as live:
        batch = json.dumps({"q0": {"query": "x" * 100_000}})
        status, headers, text = live.get(f"{live.base}/reconcile?{urlencode({'queries': batch})}")
        assert 400 <= status < 500
        if headers.get("content-type") == "application/json":
            assert json.loads(text)["message"].startswith("query 'q0' is 100,000 characters long")


def test_a_busy_port_is_one_line_and_exit_2() -> None:
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "aliasctl", "--registry", str(REGISTRY), "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=_HANG,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.startswith(f"aliasctl: error: cannot listen on 127.0.0.1:{port}: ")
    assert done.stderr.endswith("(choose another address with --host or --port)\n")
    assert done.stderr.count("\n") == 1


def test_an_invalid_registry_at_start_is_exit_65(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\nentities:\n  - id: x\n    name: X\n    kind: militia\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--registry", str(bad), "serve", "--port", "0"])
    assert result.exit_code == 65
    assert result.stderr == f"aliasctl: error: {bad}:5:11: unknown kind 'militia' (one of armed-group, front, coalition, wing, party, state-force)\n"


def test_the_extra_is_named_when_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 2
    assert result.stderr == f"aliasctl: error: {SERVE_HINT}\n"
    assert "pip install 'aliasctl[serve]'" in SERVE_HINT


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True), ("127.0.0.2", True),
     ("0.0.0.0", False), ("::", False), ("192.168.1.10", False), ("example.org", False)],
)
def test_which_addresses_are_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_another_address_than_loopback_is_warned_about(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    import uvicorn

    from aliasctl.serve import Service, server

    ran = []
    # Nothing is bound, nothing runs, and the logging of the test process is left as it is.
    monkeypatch.setattr(uvicorn.Config, "configure_logging", lambda self: None)
    monkeypatch.setattr(server, "listen", lambda host, port: socket.socket())
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: ran.append(sockets))
    with caplog.at_level("WARNING", logger="aliasctl.serve"):
        server.run(Service(REGISTRY), host="0.0.0.0", port=8000)
    assert ran, "the server would have run"
    assert "listening on 0.0.0.0, not on loopback: anyone who can reach this machine" in caplog.text


# -- the preview card in a browser ----------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium with nothing but the loopback service to talk to."""
    return subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-default-apps",
            "--disable-extensions",
            "--disable-sync",
            "--disable-domain-reliability",
            "--metrics-recording-only",
            # Anything but loopback would go to a proxy that does not exist.
            "--proxy-server=http://127.0.0.1:9",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--hide-scrollbars",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=_HANG,
        check=False,
    )


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium to open the preview in (Debian: apt-get install chromium)")
def test_the_preview_card_in_headless_chromium(tmp_path: Path) -> None:
    with serving() as live:
        hostile = chromium(tmp_path, "--dump-dom", f"{live.base}/reconcile/preview?id=hostile-markup")
        shot = tmp_path / "card.png"
        card = chromium(
            tmp_path, f"--screenshot={shot}", "--window-size=420,300", f"{live.base}/reconcile/preview?id=kataib-hezbollah"
        )
    # The hostile names are text in the page, not elements: no script ran, no image tried to load.
    dom = hostile.stdout
    assert "<h1 dir=\"auto\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in dom, hostile.stderr[-2000:]
    assert "<script" not in dom and "<img" not in dom
    # The card renders at the size the manifest announces.
    assert card.returncode == 0, card.stderr[-2000:]
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (420, 300)
    assert len(png) > 5000, "a blank page compresses to almost nothing"


def test_the_listening_socket_names_tcp() -> None:
    # asyncio turns Nagle's algorithm off only on sockets made with IPPROTO_TCP; without it every
    # small answer waited 40 ms for the client's delayed acknowledgement.
    from aliasctl.serve.server import listen

    with listen("127.0.0.1", 0) as sock:
        assert sock.proto == socket.IPPROTO_TCP
        assert sock.getsockname()[0] == "127.0.0.1"


def test_ctrl_c_stops_it_cleanly() -> None:
    with serving() as live:
        assert live.get(f"{live.base}/reconcile")[0] == 200
        code = live.stop(signal.SIGINT)
    assert code == 130
    err = "".join(live.err)
    assert "Shutting down" in err and "Finished server process" in err
    assert live.err[-1] == "aliasctl: interrupted\n"
    assert "Traceback" not in err


def test_the_readme_curl_examples_answer_as_shown() -> None:
    """The README's ``curl`` lines, sent to a real service over the bundled registry, answer as shown."""
    from .test_readme import SERVED

    examples = [(step.line, step.shown) for _, steps in SERVED for step in steps if step.line.startswith("curl ")]
    assert examples, "the README shows the service answering curl"
    from aliasctl.files import bundled_registry_path

    with serving(registry=bundled_registry_path()) as live:
        for line, shown in examples:
            url = re.search(r"'?(http://127\.0\.0\.1:8000[^' ]*)'?", line)
            assert url is not None, line
            target = live.base + url.group(1)[len("http://127.0.0.1:8000") :]
            form = re.search(r"--data-urlencode '([^=]+)=(.*)'$", line)
            if form:
                status, _, body = live.post_form(target, {form.group(1): form.group(2)})
            else:
                status, _, body = live.get(target)
            assert status == 200, body
            assert json.loads(body) == json.loads("\n".join(shown)), line
