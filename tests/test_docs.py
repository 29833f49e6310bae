"""The README and the help say what the tool does: every command is in the README, every help example runs.

The README's transcripts are run by ``test_readme.py``.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from aliasctl.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_is_documented(name: str) -> None:
    command = main.commands[name]
    assert isinstance(command, click.Command)
    assert command.help and "Example:" in command.help
    assert f"aliasctl {name}" in README


def test_quick_start_has_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```console\n(.*?)```", section, flags=re.S)
    assert [b.count("\n") for b in blocks] == [1, 1]
    assert "aliasctl lookup" in blocks[0]
    assert blocks[1].strip() == "python -m pip install -e '.[dev]' && python -m pytest -q"
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1].strip() in ci


def test_the_readme_lists_every_exit_code() -> None:
    from aliasctl import errors

    section = README.split("### Exit codes", 1)[1].split("\n#", 1)[0]
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", section, flags=re.M)}
    defined = {value for name, value in vars(errors).items() if name.startswith("EX_")}
    assert documented == defined


def test_the_readme_documents_the_public_api_in_one_library_section() -> None:
    import aliasctl

    assert README.count("## Library") == 1
    section = README.split("## Library\n", 1)[1].split("\n## ", 1)[0]
    missing = [name for name in aliasctl.__all__ if f"`{name}" not in section]
    assert missing == []


# -- the examples of every --help ------------------------------------------------------------

INCIDENTS = (
    "event_id,actor,date,fatalities\n"
    "9223372036854775807123,Kata'ib Hizballah,2020-07-14,007\n"
    "0000000000000000002,Ansar al-Sharia,14/07/2020,1e5\n"
    "3,Daesh,,NA\n"
    "4,Liwa al-Ghadab al-Jadid,2020-01-01,0\n"
    "5,Liwa al-Ghadhab al-Jadeed,2020-01-02,0\n"
)


def _help(name: str | None) -> str:
    result = CliRunner().invoke(main, [name, "--help"] if name else ["--help"], terminal_width=80)
    assert result.exit_code == 0
    return result.stdout


def _docstring_examples(command: click.Command) -> list[str]:
    return [line.strip()[2:] for line in (command.help or "").splitlines() if line.strip().startswith("$ ")]


HELP_EXAMPLES = [
    (name or "aliasctl", example)
    for name in [None, *sorted(main.commands)]
    for example in _docstring_examples(main.commands[name] if name else main)
]


def test_every_command_has_an_example() -> None:
    assert {name for name, _ in HELP_EXAMPLES} == {"aliasctl", *main.commands}


@pytest.mark.parametrize(("name", "example"), HELP_EXAMPLES, ids=[f"{n}: {e[:40]}" for n, e in HELP_EXAMPLES])
def test_help_examples_are_shown_verbatim(name: str, example: str) -> None:
    # Click rewraps paragraphs; an example block marked with \b is shown line for line.
    shown = [line.strip() for line in _help(None if name == "aliasctl" else name).splitlines()]
    assert f"$ {example}" in shown


def _run(line: str, cwd: Path, env: dict[str, str], input: bytes = b"") -> tuple[int, str]:
    """Run a shell line of aliasctl commands and ordinary tools: pipes and one ``>`` understood.

    aliasctl runs in-process; other programs (cut) as they are.
    """
    import os
    import subprocess

    lexer = shlex.shlex(line, posix=True, punctuation_chars="|>")
    lexer.whitespace_split = True
    tokens = list(lexer)
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
    data, code, errors = input, 0, ""
    for stage in stages:
        if stage[0] == "aliasctl":
            old = os.getcwd()
            os.chdir(cwd)
            try:
                result = CliRunner().invoke(main, stage[1:], input=data, env=env)
            finally:
                os.chdir(old)
            data, code, errors = result.stdout_bytes, result.exit_code, result.stderr
        else:
            proc = subprocess.run(stage, input=data, cwd=cwd, capture_output=True, check=False)
            data, code, errors = proc.stdout, proc.returncode, proc.stderr.decode()
    if target is not None:
        (cwd / target).write_bytes(data)
    return code, errors


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder with the files the examples name; the registry in use is a copy of the bundled one."""
    from aliasctl.files import bundled_registry_path

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "aliases.yaml").write_bytes(bundled_registry_path().read_bytes())
    (tmp_path / "incidents.csv").write_text(INCIDENTS, encoding="utf-8")
    (tmp_path / "names.tsv").write_text(
        "1\t2020-07-14\tKata'ib Hizballah\n2\t2020-07-15\tDaesh\n", encoding="utf-8"
    )
    # The official lists' files the import examples name, as their fixtures.
    for path in (Path(__file__).parent / "fixtures" / "imports").glob("*/*"):
        if path.suffix in (".csv", ".xml"):
            (tmp_path / path.name).write_bytes(path.read_bytes())
    return tmp_path, {"ALIASCTL_REGISTRY": str(tmp_path / "data" / "aliases.yaml")}


@pytest.mark.parametrize(("name", "example"), HELP_EXAMPLES, ids=[f"{n}: {e[:40]}" for n, e in HELP_EXAMPLES])
def test_help_examples_run(name: str, example: str, workspace: tuple[Path, dict[str, str]]) -> None:
    if name == "serve":
        pytest.skip("the serve example starts a server and queries it: tests/test_serve_live.py runs it for real")
    cwd, env = workspace
    if "proposals.yaml" in example and example.startswith(("aliasctl review", "aliasctl merge")):
        # review and merge --from take the proposals that the cluster example writes, reviewed.
        assert _run("aliasctl cluster incidents.csv -c actor -o proposals.yaml", cwd, env)[0] == 0
        if not example.startswith("aliasctl review"):
            assert _run("aliasctl review proposals.yaml", cwd, env, input=b"a\n" * 20)[0] == 0
    code, errors = _run(example, cwd, env)
    # 1 is a finding (an ambiguous name, an audit warning), not a failure of the example.
    assert code in (0, 1), errors
    assert "error" not in errors
