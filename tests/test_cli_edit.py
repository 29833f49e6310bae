"""The editing commands: exact output, exit codes, nothing written on refusal."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from aliasctl.cli import main
from aliasctl.registry import writer as atomic

EDIT = Path(__file__).parent / "fixtures" / "edit"
README = Path(__file__).parent.parent / "README.md"


@pytest.fixture
def reg(tmp_path: Path) -> Path:
    path = tmp_path / "aliases.yaml"
    shutil.copy(EDIT / "commented.yaml", path)
    return path


def run(reg: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--registry", str(reg), *args])
    return result.exit_code, result.stdout, result.stderr


def test_merge_reports_and_writes(reg: Path) -> None:
    code, out, err = run(reg, "merge", "kh-front", "kataib-hezbollah")
    assert (code, err) == (0, "")
    assert out == (
        "merged kh-front into kataib-hezbollah: +3 aliases, +1 sources, +1 countries\n"
        "hezbollah: relations to kh-front now point to kataib-hezbollah\n"
        "redirect old-front now points to kataib-hezbollah\n"
        "redirect kh-front -> kataib-hezbollah\n"
        "kataib-hezbollah: notes of kh-front kept\n"
    )
    code, out, _ = run(reg, "lookup", "kh-front", "Awliya al-Dam")
    assert code == 0
    assert out.splitlines()[1].split("\t")[1:6] == [
        "matched",
        "kataib-hezbollah",
        "Kata'ib Hezbollah",
        "100.0",
        "redirect",
    ]
    assert out.splitlines()[2].split("\t")[2] == "kataib-hezbollah"


def test_merge_dry_run_prints_the_diff_and_writes_nothing(reg: Path) -> None:
    before = reg.read_bytes()
    code, out, err = run(reg, "merge", "--dry-run", "hezbollah", "kh-front")
    assert code == 0
    assert reg.read_bytes() == before
    assert out == (
        f"--- {reg}\n+++ {reg}\n"
        "@@ -15,10 +15,13 @@\n"
        "   - id: kh-front\n"
        "     name: Saraya Awliya al-Dam\n"
        "     kind: front\n"
        "-    countries: [IQ, SY]\n"
        "+    countries: [IQ, SY, LB]\n"
        "     aliases:\n"
        "       - Awliya al-Dam\n"
        "       - {text: سرايا أولياء الدم, type: native, lang: ar}\n"
        "+      - Hezbollah\n"
        "+      - Hizballah\n"
        "+      - {text: Party of God, type: translation}\n"
        "     relations:\n"
        "       - {type: front-for, target: kataib-hezbollah}\n"
        "     sources:\n"
        "@@ -26,13 +29,6 @@\n"
        "     notes: Claimed rocket attacks in 2021.\n"
        " \n"
        "   # --- Lebanon ---\n"
        "-  - id: hezbollah\n"
        "-    name:   Hezbollah     # odd spacing kept: this entity is never touched\n"
        "-    kind: armed-group\n"
        "-    countries: [LB]\n"
        "-    aliases: [Hizballah, {text: Party of God, type: translation}]\n"
        "-    relations:\n"
        "-      - {type: allied-with, target: kh-front}\n"
        "   - id: popular-mobilization-forces\n"
        "     name: Popular Mobilization Forces\n"
        "     kind: coalition\n"
        "@@ -43,3 +39,4 @@\n"
        " # the end of the entities\n"
        " redirects:\n"
        "   old-front: kh-front\n"
        "+  hezbollah: kh-front\n"
    )
    assert err.startswith("(dry run, nothing written) merged hezbollah into kh-front: +3 aliases, +1 countries\n")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("merge", "hezbollah", "hezbollah"), 2, "cannot merge 'hezbollah' into itself"),
        (("merge", "hezbollah", "nope"), 2, "no entity with id 'nope'"),
        (("rename", "hezbollah", "old-front"), 2, "'old-front' is an old id (it redirects to 'kh-front'); ids are never reused"),
        (("add", "kataib-hezbollah", "Hizballah"), 2, "'Hizballah' already resolves to hezbollah; add it with --shared if it names both groups"),
        (("new", "x-group", "--name", "Party of God"), 2, "'Party of God' already resolves to hezbollah; use --shared if it names both groups"),
    ],
)
def test_refusals_are_one_line_and_write_nothing(reg: Path, args: tuple[str, ...], code: int, message: str) -> None:
    before = reg.read_bytes()
    got, out, err = run(reg, *args)
    assert (got, out, err) == (code, "", f"aliasctl: error: {message}\n")
    assert reg.read_bytes() == before


def test_merge_needs_two_ids_or_from(reg: Path) -> None:
    code, _, err = run(reg, "merge", "hezbollah")
    assert code == 2
    assert "give SOURCE_ID and INTO_ID, or --from OTHER.yaml" in err


def test_a_held_lock_exits_75(reg: Path) -> None:
    before = reg.read_bytes()
    with atomic.locked(reg):
        code, out, err = run(reg, "add", "--lock-timeout", "0.1", "hezbollah", "Hizbollah")
    assert (code, out) == (75, "")
    assert err == (
        f"aliasctl: error: {reg}: locked by another writer (aliases.yaml.lock); "
        "try again, or wait longer with --lock-timeout\n"
    )
    assert reg.read_bytes() == before


def test_add_new_rename(reg: Path) -> None:
    assert run(reg, "add", "hezbollah", "Hizbollah", "--type", "misspelling") == (
        0,
        "added alias 'Hizbollah' to hezbollah\n",
        "",
    )
    assert run(reg, "add", "hezbollah", "Hizbollah") == (
        0,
        "'Hizbollah' is already a name of hezbollah: nothing to do\n",
        "",
    )
    assert run(reg, "new", "amal", "--name", "Amal Movement", "--kind", "party", "--country", "LB") == (
        0,
        "added entity amal (Amal Movement)\n",
        "",
    )
    assert run(reg, "rename", "amal", "amal-movement") == (
        0,
        "renamed amal to amal-movement\nredirect amal -> amal-movement\n",
        "",
    )
    text = reg.read_text(encoding="utf-8")
    # hezbollah's aliases are a flow list, and stay one
    assert "    aliases: [Hizballah, {text: Party of God, type: translation}, {text: Hizbollah, type: misspelling}]\n" in text
    assert text.endswith("  amal: amal-movement\n")


def test_fmt_check_and_fmt(reg: Path) -> None:
    code, out, err = run(reg, "fmt", "--check", str(reg))
    assert code == 1
    assert out.startswith(f"--- {reg}\n+++ {reg}\n")
    assert "-    aliases: [Hizballah, {text: Party of God, type: translation}]\n" in out
    assert err == f"would reformat {reg}\n"
    assert run(reg, "fmt") == (0, "", f"reformatted {reg}\n")
    assert run(reg, "fmt", "--check") == (0, "", "")
    before = reg.read_bytes()
    assert run(reg, "fmt") == (0, "", "")
    assert reg.read_bytes() == before


def test_fmt_of_a_canonical_file_takes_no_lock(reg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(reg, "fmt") == (0, "", f"reformatted {reg}\n")
    atomic.lock_path(reg).unlink()
    before = reg.read_bytes()

    def unlockable(*args: object, **kwargs: object) -> None:
        raise OSError(13, "Permission denied")  # as in a read-only folder

    # The lock file cannot be made (a read-only folder): nothing to write, so it is not needed.
    monkeypatch.setattr(atomic.os, "open", unlockable)
    assert run(reg, "fmt") == (0, "", "")
    assert run(reg, "fmt", "--check") == (0, "", "")
    monkeypatch.undo()
    assert reg.read_bytes() == before
    assert not atomic.lock_path(reg).exists()
    assert sorted(p.name for p in reg.parent.iterdir()) == ["aliases.yaml"]


def test_fmt_that_must_write_still_locks(reg: Path) -> None:
    with atomic.locked(reg):
        code, _, err = run(reg, "fmt", "--lock-timeout", "0.1")
    assert code == 75
    assert "locked by another writer" in err


def test_fmt_check_of_a_broken_file_exits_65(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\nentities: []\nentities: []\n", encoding="utf-8")
    code, out, err = run(bad, "fmt", "--check", str(bad))
    assert (code, out) == (65, "")
    assert err == f"aliasctl: error: {bad}:3:1: duplicate key 'entities' in the registry (first at line 2)\n"


def test_merge_from_conflicts_exit_1_and_write_nothing(reg: Path) -> None:
    before = reg.read_bytes()
    code, out, err = run(reg, "merge", "--from", str(EDIT / "theirs-conflict.yaml"))
    assert (code, out) == (1, "")
    assert err == (
        "conflict: kataib-hezbollah: alias 'Hizballah' belongs to hezbollah here\n"
        "conflict: new-group: alias 'Awliya al-Dam' belongs to kh-front here\n"
        "conflict: old-front: redirect: here -> kh-front, theirs -> hezbollah\n"
        "3 conflict(s); nothing written. Choose --on-conflict skip, ours or theirs.\n"
    )
    assert reg.read_bytes() == before
    code, out, err = run(reg, "merge", "--from", str(EDIT / "theirs-conflict.yaml"), "--on-conflict", "ours")
    assert (code, err) == (0, "")
    assert out == "added new-group\nkataib-hezbollah: +1 aliases\n"


def test_merge_from_without_conflicts(reg: Path) -> None:
    code, out, _ = run(reg, "merge", "--from", str(EDIT / "theirs.yaml"))
    assert code == 0
    assert out == (
        "added asaib-ahl-al-haq\n"
        "redirect aah-old -> asaib-ahl-al-haq\n"
        "kataib-hezbollah: +1 aliases, +1 sources, +1 countries\n"
    )
    before = reg.read_bytes()
    assert run(reg, "merge", "--from", str(EDIT / "theirs.yaml")) == (0, "", "nothing to change\n")
    assert reg.read_bytes() == before


@pytest.mark.parametrize("command", ["fmt", "add", "new", "rename", "merge"])
def test_edit_commands_have_help_and_readme_sections(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert f"aliasctl {command}" in README.read_text(encoding="utf-8")


def test_pre_commit_hook_runs_fmt_check() -> None:
    import re

    import yaml

    hooks = yaml.safe_load((README.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "aliasctl-fmt-check")
    assert hook["entry"] == "aliasctl fmt --check"
    assert re.search(hook["files"], "data/aliases.yaml")
    assert not re.search(hook["files"], "data/other.yaml")


def test_a_registry_with_two_hard_links_is_refused(reg: Path) -> None:
    other = reg.parent / "other-name.yaml"
    os.link(reg, other)
    before = reg.read_bytes()
    code, out, err = run(reg, "add", "hezbollah", "Hizbollah")
    assert (code, out) == (73, "")
    assert err == (
        f"aliasctl: error: {reg}: has 2 hard links, and a write would leave the other names with "
        "the old content; nothing was written (make the other names symlinks, or copies, and run again)\n"
    )
    # Both names still share one file, unchanged.
    assert os.path.samefile(reg, other)
    assert reg.read_bytes() == before == other.read_bytes()
    # A dry run writes nothing, so it is allowed; a single link writes as usual.
    assert run(reg, "add", "--dry-run", "hezbollah", "Hizbollah")[0] == 0
    other.unlink()
    assert run(reg, "add", "hezbollah", "Hizbollah")[0] == 0


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_killed_writers_temporary_file_is_removed_by_the_next_edit(reg: Path) -> None:
    stale = reg.parent / f".aliases.yaml.aliasctl-{_dead_pid()}-k1ll3d.tmp"
    stale.write_text("half a registry", encoding="utf-8")
    # A live process's file is a write in progress: kept. So is a file aliasctl did not name.
    live = reg.parent / f".aliases.yaml.aliasctl-{os.getppid()}-wr1t1ng.tmp"
    live.write_text("being written", encoding="utf-8")
    foreign = reg.parent / ".aliases.yaml.abcd1234.tmp"
    foreign.write_text("someone else's", encoding="utf-8")
    assert run(reg, "add", "hezbollah", "Hizbollah")[0] == 0
    assert not stale.exists()
    assert live.read_text(encoding="utf-8") == "being written"
    assert foreign.exists()
    assert sorted(p.name for p in reg.parent.iterdir()) == sorted(
        ["aliases.yaml", "aliases.yaml.lock", live.name, foreign.name]
    )


def test_a_write_names_its_temporary_file_after_its_process(reg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        seen.append(os.path.basename(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    assert run(reg, "add", "hezbollah", "Hizbollah")[0] == 0
    assert len(seen) == 1
    assert seen[0].startswith(f".aliases.yaml.aliasctl-{os.getpid()}-") and seen[0].endswith(".tmp")


def test_table_writes_remove_stale_temporary_files_too(tmp_path: Path) -> None:
    from aliasctl.files import AtomicFile

    out = tmp_path / "out.csv"
    stale = tmp_path / f".out.csv.aliasctl-{_dead_pid()}-x.tmp"
    stale.write_bytes(b"a,b\n")
    other = tmp_path / f".in.csv.aliasctl-{_dead_pid()}-x.tmp"  # another file's: not this write's business
    other.write_bytes(b"a,b\n")
    with AtomicFile(out) as fh:
        fh.write(b"x\n")
    assert out.read_bytes() == b"x\n"
    assert not stale.exists()
    assert other.exists()


PROPOSALS = """\
# Proposals from aliasctl cluster.
schema: 1
entities:
  - id: kataib-hezbollah
    name: Kata'ib Hezbollah
    kind: armed-group
    aliases:
      - Kataeb Hizbullah
    notes: "Proposed from 4 rows of incidents.csv (rows 2, 7, 9, 12)."
    proposed: true
  - id: unknown
    name: Unknown
    kind: armed-group
    notes: "Proposed from 40 rows of incidents.csv."
    proposed: true
"""


def test_merge_from_refuses_entries_still_proposed(reg: Path, tmp_path: Path) -> None:
    props = tmp_path / "proposals.yaml"
    props.write_text(PROPOSALS, encoding="utf-8")
    before = reg.read_bytes()
    code, out, err = run(reg, "merge", "--from", str(props))
    assert (code, out) == (65, "")
    assert err == (
        f"aliasctl: error: {props}:10:15: 2 entries are still marked proposed: true (kataib-hezbollah, "
        "unknown); review them first (aliasctl review), or pass --include-proposed; nothing was written\n"
    )
    assert reg.read_bytes() == before
    # "Unknown" did not become an armed group.
    code, out, _ = run(reg, "lookup", "Unknown")
    assert out.splitlines()[1].split("\t")[1] == "unresolved"


def test_merge_from_include_proposed_keeps_proposal_text_out_of_notes(reg: Path, tmp_path: Path) -> None:
    props = tmp_path / "proposals.yaml"
    props.write_text(PROPOSALS, encoding="utf-8")
    code, out, err = run(reg, "merge", "--from", str(props), "--include-proposed")
    assert (code, err) == (0, "")
    assert out == "added unknown\nkataib-hezbollah: +1 aliases\n"
    text = reg.read_text(encoding="utf-8")
    kh = text[text.index("- id: kataib-hezbollah") : text.index("- id: kh-front")]
    assert "Proposed from" not in kh and "notes" not in kh
    assert "      - Kataeb Hizbullah\n" in kh
    # The new entity keeps its flag, so audit still reports it unreviewed.
    assert "    proposed: true\n" in text[text.index("- id: unknown") :]


def test_include_proposed_goes_with_from(reg: Path) -> None:
    code, _, _ = run(reg, "merge", "--include-proposed", "kh-front", "kataib-hezbollah")
    assert code == 2
