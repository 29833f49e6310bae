"""The README says what the tool does: its transcripts are real, every command is in it."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from aliasctl.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _transcripts() -> list[tuple[str, str]]:
    """``$ aliasctl lookup ...`` lines of the README with the output printed under them."""
    out = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("$ aliasctl lookup"):
                shown = []
                for follow in lines[i + 1 :]:
                    if follow.startswith("$ "):
                        break
                    shown.append(follow)
                out.append((line[2:], "\n".join(shown) + "\n"))
    return out


TRANSCRIPTS = _transcripts()


def test_the_readme_has_lookup_transcripts() -> None:
    assert len(TRANSCRIPTS) >= 2


@pytest.mark.parametrize(("command", "shown"), TRANSCRIPTS, ids=[t[0][:40] for t in TRANSCRIPTS])
def test_readme_lookup_transcripts_are_real(command: str, shown: str) -> None:
    result = CliRunner().invoke(main, shlex.split(command)[1:])
    assert result.stdout == shown


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
