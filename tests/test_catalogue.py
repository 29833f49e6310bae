"""The command line against cases 28-32 of the bad-input catalogue (``RELIABILITY.md``), end to end.

28 names are data, never markup, and controls are shown escaped; 29 a reader
that goes away; 30 ``NO_COLOR``, ``TERM=dumb`` and pipes get no escape codes
and no redrawn display, data on stdout and diagnostics on stderr; 31 GitHub
annotations escaped and followed by the full report; 32 scores pinned, and
recorded with the registry's hash wherever output is machine-readable.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from aliasctl import output
from aliasctl.cli import main

from .conftest import REGISTRY_FIXTURES

GOOD = str(REGISTRY_FIXTURES / "good.yaml")
ROOT = Path(__file__).resolve().parents[1]

# A name that is markup to rich, moves the cursor, rings the bell and reverses the line.
HOSTILE = "[bold]Jabhat[/bold] \x1b[2J\x07 al-\u202eNusra"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _registry_with(tmp_path: Path, name: str) -> Path:
    """The test registry with one more entity, named ``name`` (quoted as YAML needs)."""
    text = (REGISTRY_FIXTURES / "good.yaml").read_text(encoding="utf-8")
    entity = f"  - id: odd\n    name: {json.dumps(name)}\n    kind: armed-group\n    aliases: [Odd Group]\n"
    path = tmp_path / "r.yaml"
    path.write_text(text.replace("redirects:\n", entity + "redirects:\n"), encoding="utf-8")
    return path


# -- 28: names are data; controls shown escaped ------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "tsv", "json", "jsonl"])
def test_28_a_hostile_query_is_shown_as_data_in_every_lookup_format(fmt: str) -> None:
    result = CliRunner().invoke(main, ["--registry", GOOD, "lookup", "--format", fmt, "--", HOSTILE])
    assert result.exit_code == 1
    assert not set(result.stdout) & {"\x1b", "\x07", "\u202e"}
    if fmt == "table":
        assert "[bold]Jabhat[/bold]" in result.stdout and "<U+001B>[2J<U+0007>" in result.stdout
    elif fmt == "tsv":
        assert result.stdout.splitlines()[1].split("\t")[0] == "[bold]Jabhat[/bold] \\u001b[2J\\u0007 al-\\u202eNusra"
    else:
        first = json.loads(result.stdout if fmt == "json" else result.stdout.splitlines()[0])
        assert (first[0] if fmt == "json" else first)["query"] == HOSTILE


def test_28_a_name_with_markup_is_shown_as_written_by_show_and_in_the_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aliasctl import Resolver, load_registry
    from aliasctl.clean import CleanReport

    name = "Jabhat [al-Nusra] [bold]Front[/bold]"
    registry = _registry_with(tmp_path, name)
    result = CliRunner().invoke(main, ["--registry", str(registry), "show", "odd"])
    assert result.stdout.startswith(f"odd: {name}\n")
    monkeypatch.setenv("COLUMNS", "200")
    resolver = Resolver(load_registry(registry))
    table = Terminal()
    output.print_lookup_table([resolver.resolve("Odd Group")], table)
    assert name in table.getvalue()
    summary = Terminal()
    output.print_clean_summary(CleanReport(rows=1, columns=[HOSTILE]), summary, "[red]review.csv")
    text = summary.getvalue()
    assert not set(text) & {"\x07", "\u202e"}
    assert all(part in text for part in ("[bold]Jabhat[/bold]", "<U+001B>[2J<U+0007>", "<U+202E>Nusra", "[red]review.csv"))


def test_28_an_error_message_shows_controls_escaped(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--registry", GOOD, "show", "x\x1b[2Jy"])
    assert result.exit_code == 2
    assert result.stderr == (
        "aliasctl: error: no entity with id 'x<U+001B>[2Jy' (try: aliasctl lookup 'x<U+001B>[2Jy')\n"
    )


# -- 29: a reader that goes away ----------------------------------------------------------------------


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ALIASCTL", "NO_COLOR", "TERM", "COLUMNS"))}
    return {**env, "ALIASCTL_CACHE_DIR": str(tmp_path / "cache"), **extra}


@pytest.mark.parametrize(
    "command",
    [
        "lookup --format tsv -",
        "lookup --format json -",
        "clean - -c actor",
        "audit --format json",
    ],
)
def test_29_head_gets_its_line_and_the_command_exits_141_without_a_traceback(command: str, tmp_path: Path) -> None:
    # Each writes more than a pipe holds, so the reader leaves before the writer is done.
    names = "actor\n" + "Kataib Hezbollah\n" * 3_000
    proc = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m aliasctl {command} | head -c 1 >/dev/null; exit ${{PIPESTATUS[0]}}"],
        input=names.encode(),
        capture_output=True,
        env=_env(tmp_path),
        check=False,
    )
    assert proc.returncode == 141
    assert b"Traceback" not in proc.stderr and b"Error" not in proc.stderr


# -- 30: NO_COLOR, TERM=dumb, pipes ---------------------------------------------------------------------


def _on_a_terminal(args: list[str], tmp_path: Path, **env: str) -> tuple[int, bytes]:
    """Run aliasctl with stdout and stderr on a pseudo-terminal; return its exit code and what the terminal got."""
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "aliasctl", "--registry", GOOD, *args],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env=_env(tmp_path, COLUMNS="100", **env),
    )
    os.close(slave)
    received = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    return proc.wait(), received


TERMINAL_COMMANDS = [
    ["lookup", "Kataib Hezbollah", "Ansar al-Sharia"],
    ["audit"],
    ["stats"],
    ["clean", "in.csv", "-c", "actor", "-o", "out.csv"],
]


@pytest.mark.parametrize("env", [{"NO_COLOR": "1", "TERM": "xterm"}, {"TERM": "dumb"}], ids=["NO_COLOR", "dumb"])
@pytest.mark.parametrize("args", TERMINAL_COMMANDS, ids=[a[0] for a in TERMINAL_COMMANDS])
def test_30_no_color_and_a_dumb_terminal_get_no_escape_codes(args: list[str], env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text("actor\nKataib Hezbollah\nAnsar al-Sharia\n")
    code, shown = _on_a_terminal(args, tmp_path, **env)
    assert code in (0, 1)
    assert shown.strip()
    assert b"\x1b" not in shown


def test_30_a_terminal_gets_color_so_the_checks_above_can_fail(tmp_path: Path) -> None:
    code, shown = _on_a_terminal(["lookup", "Kataib Hezbollah"], tmp_path, TERM="xterm")
    assert code == 0
    assert b"\x1b[" in shown


@pytest.mark.parametrize("args", TERMINAL_COMMANDS, ids=[a[0] for a in TERMINAL_COMMANDS])
def test_30_a_pipe_gets_no_escape_codes_data_on_stdout_diagnostics_on_stderr(args: list[str], tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text("actor\nKataib Hezbollah\nAnsar al-Sharia\n")
    fmt = ["--format", "table"] if args[0] == "lookup" else []
    result = subprocess.run(
        [sys.executable, "-m", "aliasctl", "--registry", GOOD, *args, *fmt],
        cwd=tmp_path,
        capture_output=True,
        env=_env(tmp_path, TERM="xterm-256color"),
        check=False,
    )
    assert result.returncode in (0, 1)
    assert b"\x1b" not in result.stdout + result.stderr
    if args[0] == "clean":
        assert result.stdout == b""  # the table went to its file
        assert result.stderr.startswith(b"aliasctl: in.csv: utf-8")  # what was found, and the summary
    else:
        assert result.stdout and result.stderr == b""


# -- 31: GitHub annotations ------------------------------------------------------------------------------


def test_31_every_annotation_is_escaped_and_the_full_report_follows(tmp_path: Path) -> None:
    # Twelve entities that share one name: twelve errors, more than GitHub shows as annotations.
    entities = "".join(
        f"  - id: g{i}\n    name: Group {i}\n    kind: armed-group\n    aliases: [100% Front]\n" for i in range(12)
    )
    path = tmp_path / "a:b,c.yaml"
    path.write_text(f"schema: 1\nentities:\n{entities}", encoding="utf-8")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["audit", "--select", "AL003", path.name], env={"GITHUB_ACTIONS": "true"})
    finally:
        os.chdir(old)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert len(annotations) == 12
    assert annotations[0].startswith("::error file=a%3Ab%2Cc.yaml,line=")
    assert ",title=AL003 alias-collision::alias '100%25 Front' of g0 is also '100%25 Front' of g1 (line " in annotations[0]
    report = lines[len(annotations) :]
    assert report[0] == "a:b,c.yaml"
    assert sum(" error " in line and "alias '100% Front'" in line for line in report) == 12
    assert report[-1] == "12 errors, 0 warnings, 0 info in 1 file"


def test_31_and_28_an_annotation_carries_no_escape_code_to_the_actions_log() -> None:
    from aliasctl.audit import AuditReport, Problem

    problem = Problem("r\x1b[31m.yaml", 3, 5, "error", "AL003", "alias-collision", "alias 'a\u202eb\x07' 100%\r\nx")
    text = output.audit_github(AuditReport(paths=("r\x1b[31m.yaml",), problems=(problem,)))
    assert text.splitlines()[0] == (
        "::error file=r<U+001B>[31m.yaml,line=3,col=5,title=AL003 alias-collision::"
        "alias 'a<U+202E>b<U+0007>' 100%25%0D%0Ax"
    )
    assert not set(text) & {"\x1b", "\x07", "\u202e"}  # nor in the full report that follows


# -- 32: scores pinned and recorded -------------------------------------------------------------------


def test_32_the_scorer_is_pinned_below_its_next_major_version() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (spec,) = [d for d in meta["project"]["dependencies"] if d.startswith("rapidfuzz")]
    assert "<4" in spec


def test_32_the_scorer_gives_the_scores_the_resolver_was_tuned_on() -> None:
    # If a rapidfuzz release changed these, every threshold would mean something else.
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    assert fuzz.ratio("kataib hexbola", "kataib hezbola") == pytest.approx(92.857142857)
    assert fuzz.ratio("sraya thwrat ashrin", "saraya thurat ashrin") == pytest.approx(92.307692307)
    assert Levenshtein.distance("hezbollah", "hizballah") == 2
    matrix = process.cdist(["kataib hexbola"], ["kataib hezbola", "kaida"], scorer=fuzz.ratio, processor=None)
    assert matrix.tolist()[0] == pytest.approx([92.857142857, 42.105263157], abs=1e-4)


def test_32_machine_readable_answers_record_the_registry_and_the_scorer(tmp_path: Path) -> None:
    import hashlib

    result = CliRunner().invoke(main, ["--registry", GOOD, "lookup", "--format", "jsonl", "KH"])
    recorded = json.loads(result.stdout)["registry"]
    assert recorded["registry_sha256"] == hashlib.sha256(Path(GOOD).read_bytes()).hexdigest()
    assert {"scorer", "min_score", "ambiguity_margin", "normalizer", "aliasctl", "rapidfuzz"} <= recorded.keys()
