"""The README's console examples are real: each ``$`` line is run and its output compared with what is shown.

Each ```` ```console ```` block runs in a fresh folder holding copies of the
files the README names (``data/aliases.yaml``, the bundled registry,
``tests/fixtures/registry/good.yaml``, the test registry, and the official
lists' fixture files, ``sdn.csv`` and the like), so that an edit
example changes a copy. A block says which registry it uses with the lines
it starts with (``cp ...``, ``export ALIASCTL_REGISTRY=...``); without them,
the bundled one (its copy).

The lines understood: ``aliasctl ...`` (run in-process, stdout and stderr as
a terminal shows them), ``cp``, ``export``, ``cat`` (of a file the block has
not made yet, it makes the file with the lines shown), ``head -N``, ``echo $?``,
and pipes into aliasctl from ordinary programs (``cut``). ``python ...``
lines (benchmarks, whose figures vary by machine) are not run. In what is
shown, a line ``...`` stands for any lines and ``...`` within a line for
any text. A command with a ``# comment`` and no output shown is run, its
output not compared.

Answers whose scores the resolver's stages decide, and that change as the
resolver improves, are compared by structure: a lookup's TSV by its query,
status and id columns; ``--explain`` by its query and its verdict (status and
id); the summary and files of ``clean`` and ``cluster`` with scores and the
tally by method masked. Everything else is compared line for line.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from aliasctl.cli import main
from aliasctl.files import bundled_registry_path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@dataclass
class Step:
    """A ``$`` line of a transcript and the output shown under it."""

    line: str
    shown: list[str] = field(default_factory=list)


def _blocks() -> list[tuple[int, list[Step]]]:
    """Each console block of the README that has ``$`` lines, with the README line it starts on."""
    out = []
    for match in re.finditer(r"```console\n(.*?)```", README, flags=re.S):
        steps: list[Step] = []
        for line in match.group(1).splitlines():
            if line.startswith("$ "):
                steps.append(Step(line[2:]))
            elif steps:
                steps[-1].shown.append(line)
        if steps:
            out.append((README[: match.start()].count("\n") + 1, steps))
    return out


def _served(steps: list[Step]) -> bool:
    # The service's blocks need a running server: tests/test_serve_live.py runs them against one.
    return any(step.line.startswith(("aliasctl serve", "curl ", "pip install")) for step in steps)


BLOCKS = [(start, steps) for start, steps in _blocks() if not _served(steps)]
SERVED = [(start, steps) for start, steps in _blocks() if _served(steps)]


def _expected(line: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in line.split("...")) + r"\Z")


def _matches(shown: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` lines are what is ``shown`` (``...`` eliding lines or text)."""
    if not shown:
        return not actual
    head, rest = shown[0], shown[1:]
    if head == "...":
        return any(_matches(rest, actual[k:]) for k in range(len(actual) + 1))
    return bool(actual) and bool(_expected(head).match(actual[0])) and _matches(rest, actual[1:])


_SCORE = re.compile(r"\b\d{1,3}\.\d\b")


def _by_structure(command: list[str], lines: list[str]) -> list[str]:
    """What of an answer does not hang on the resolver's scores (see the module docstring)."""
    if command[:2] == ["aliasctl", "lookup"] and "--explain" not in command:
        return ["\t".join(line.split("\t")[:3]) for line in lines]
    if command[:2] == ["aliasctl", "lookup"]:
        kept = [line for line in lines if line.startswith("query:") or line.strip().startswith("result")]
        return [re.sub(r"(result\s+\w+: \S+).*", r"\1", line) for line in kept]
    if command[:2] in (["aliasctl", "clean"], ["aliasctl", "cluster"]) or command[0] in ("cat", "head"):
        lines = [_SCORE.sub("#.#", line) for line in lines]
        lines = [re.sub(r"scores \d+", "scores #", line) for line in lines]
        return [re.sub(r"(  by method:).*", r"\1 ...", line) for line in lines]
    return lines


def _workspace(tmp: Path) -> None:
    (tmp / "data").mkdir()
    shutil.copyfile(bundled_registry_path(), tmp / "data" / "aliases.yaml")
    (tmp / "tests" / "fixtures" / "registry").mkdir(parents=True)
    shutil.copyfile(ROOT / "tests" / "fixtures" / "registry" / "good.yaml", tmp / "tests/fixtures/registry/good.yaml")
    # The official lists' files the import examples name, as their fixtures.
    for path in (ROOT / "tests" / "fixtures" / "imports").glob("*/*"):
        if path.suffix in (".csv", ".xml"):
            shutil.copyfile(path, tmp / path.name)


def _aliasctl(args: list[str], cwd: Path, env: dict[str, str], data: bytes) -> tuple[int, bytes, str]:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args, input=data, env=env)
    finally:
        os.chdir(old)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout_bytes, result.output


def _run_block(steps: list[Step], cwd: Path) -> None:
    # The bundled registry's copy unless the block names another: no example writes the real one.
    env: dict[str, str] = {"ALIASCTL_REGISTRY": "data/aliases.yaml", "NO_COLOR": "1"}
    status = 0
    for step in steps:
        lexer = shlex.shlex(step.line, posix=True, punctuation_chars="|>")
        lexer.whitespace_split = True
        lexer.commenters = "#"
        tokens = list(lexer)
        commented = "  #" in step.line  # a comment after the command: what it is for
        command = tokens[: tokens.index("|")] if "|" in tokens else tokens
        if tokens[0] == "python":
            continue
        if tokens[0] == "export":
            name, value = tokens[1].split("=", 1)
            env[name] = value
            continue
        if tokens[0] == "cp":
            shutil.copyfile(cwd / tokens[1], cwd / tokens[2])
            actual = ""
        elif tokens[0] == "echo":
            assert tokens[1:] == ["$?"], step.line
            actual = f"{status}\n"
        elif tokens[0] == "cat" and not (cwd / tokens[1]).exists():
            (cwd / tokens[1]).write_text("".join(line + "\n" for line in step.shown), encoding="utf-8")
            continue
        elif tokens[0] in ("cat", "head"):
            lines = (cwd / tokens[-1]).read_text(encoding="utf-8").splitlines(keepends=True)
            count = int(tokens[1][1:]) if tokens[0] == "head" else len(lines)
            actual = "".join(lines[:count])
        else:
            status, actual = _pipeline(tokens, cwd, env)
        if commented and not step.shown:
            assert status not in (2, 70), f"{step.line}: exit {status}\n{actual}"
            continue
        got = _by_structure(command, actual.splitlines())
        want = _by_structure(command, step.shown)
        assert _matches(want, got), f"$ {step.line}\n--- shown\n" + "\n".join(step.shown) + "\n--- got\n" + actual


def _pipeline(tokens: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    target = None
    if ">" in tokens:
        at = tokens.index(">")
        tokens, target = tokens[:at], tokens[at + 1]
    stages: list[list[str]] = [[]]
    for token in tokens:
        if token == "|":
            stages.append([])
        else:
            stages[-1].append(token)
    data, code, shown = b"", 0, ""
    for stage in stages:
        if stage[0] == "aliasctl":
            code, data, shown = _aliasctl(stage[1:], cwd, env, data)
        else:
            proc = subprocess.run(stage, input=data, cwd=cwd, capture_output=True, check=False)
            code, data, shown = proc.returncode, proc.stdout, proc.stdout.decode() + proc.stderr.decode()
    if target is not None:
        (cwd / target).write_bytes(data)
        shown = shown.replace(data.decode("utf-8", "replace"), "")
    return code, shown


def test_the_readme_has_transcripts_of_every_command_that_reads_or_writes() -> None:
    commands = {step.line.split()[1] for _, steps in BLOCKS for step in steps if step.line.startswith("aliasctl ")}
    assert {"lookup", "merge", "add", "new", "rename", "fmt", "clean", "cluster", "audit"} <= commands


@pytest.mark.parametrize(("start", "steps"), BLOCKS, ids=[f"README.md:{start}" for start, _ in BLOCKS])
def test_readme_transcript(start: int, steps: list[Step], tmp_path: Path) -> None:
    _workspace(tmp_path)
    _run_block(steps, tmp_path)


def test_the_readme_rule_table_is_the_rules() -> None:
    from aliasctl.audit import rule_docs

    table = re.findall(r"^\| (AL\d{3}) \| `([a-z-]+)` \| (\w+) \| (.*) \|$", README, flags=re.M)
    assert table == [(code, name, level, doc.splitlines()[0]) for code, name, level, doc in rule_docs()]
