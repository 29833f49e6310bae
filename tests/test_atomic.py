"""Writing the registry: atomic replace, mode, symlinks, the lock, changes underneath."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from aliasctl import edit
from aliasctl.errors import LockedError, OutputError
from aliasctl.registry import writer as atomic

COMMENTED = Path(__file__).parent / "fixtures" / "edit" / "commented.yaml"


@pytest.fixture
def reg(tmp_path: Path) -> Path:
    path = tmp_path / "aliases.yaml"
    shutil.copy(COMMENTED, path)
    path.chmod(0o640)
    return path


def merge(text: str) -> edit.Edit:
    return edit.merge(text, "kh-front", "kataib-hezbollah")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def assert_untouched(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert path.stat().st_mode & 0o777 == 0o640
    assert leftovers(path.parent) == []


def test_update_writes_and_keeps_the_mode(reg: Path) -> None:
    result = atomic.update(reg, merge)
    assert result.changed
    assert reg.read_text(encoding="utf-8") == result.text
    assert reg.stat().st_mode & 0o777 == 0o640
    assert leftovers(reg.parent) == []


def test_dry_run_writes_nothing(reg: Path) -> None:
    before = reg.read_bytes()
    assert atomic.update(reg, merge, dry_run=True).changed
    assert_untouched(reg, before)


def test_an_edit_that_changes_nothing_writes_nothing(reg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object) -> None:
        raise AssertionError("os.replace called")

    monkeypatch.setattr(os, "replace", boom)
    text = reg.read_text(encoding="utf-8")
    result = atomic.update(reg, lambda t: edit.merge_from(t, text))
    assert not result.changed


@pytest.mark.parametrize("fail", ["replace", "fsync"])
def test_a_failed_write_leaves_the_original(reg: Path, monkeypatch: pytest.MonkeyPatch, fail: str) -> None:
    before = reg.read_bytes()

    def boom(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, fail, boom)
    with pytest.raises(OutputError, match="cannot write: No space left on device"):
        atomic.update(reg, merge)
    assert_untouched(reg, before)


def test_a_symlink_is_written_through(reg: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(reg)
    result = atomic.update(link, merge)
    assert link.is_symlink()
    assert os.readlink(link) == str(reg)
    assert reg.read_text(encoding="utf-8") == result.text


def test_a_failed_write_through_a_symlink_keeps_the_link(
    reg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(reg)
    before = reg.read_bytes()

    def boom(*args: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OutputError):
        atomic.update(link, merge)
    assert link.is_symlink() and os.readlink(link) == str(reg)
    assert_untouched(reg, before)


def test_a_held_lock_times_out(reg: Path) -> None:
    before = reg.read_bytes()
    with atomic.locked(reg), pytest.raises(LockedError) as info:
        atomic.update(reg, merge, lock_timeout=0.1)
    assert info.value.exit_code == 75
    assert info.value.message.startswith("locked by another writer (aliases.yaml.lock)")
    assert_untouched(reg, before)


def test_a_file_changed_underneath_is_not_overwritten(reg: Path) -> None:
    def change_then_merge(text: str) -> edit.Edit:
        # An editor saves while the merge is being computed.
        with open(reg, "a", encoding="utf-8") as fh:
            fh.write("# saved by an editor\n")
        return merge(text)

    with pytest.raises(LockedError, match="changed since it was read"):
        atomic.update(reg, change_then_merge)
    assert reg.read_text(encoding="utf-8").endswith("# saved by an editor\n")
    assert leftovers(reg.parent) == []


def test_bom_and_crlf_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + COMMENTED.read_bytes().replace(b"\n", b"\r\n"))
    atomic.update(path, merge)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"  kh-front: kataib-hezbollah\r\n" in data


def test_an_unwritable_folder_is_an_output_error(reg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(OutputError, match="cannot write: Permission denied"):
        atomic.update(reg, merge)


def test_a_refused_check_leaves_the_target_and_no_temporary_file(tmp_path: Path) -> None:
    from aliasctl.files import AtomicFile

    target = tmp_path / "table.csv"
    target.write_bytes(b"old\n")
    target.chmod(0o640)

    def refuse(tmp: Path) -> None:
        assert tmp.read_bytes() == b"new\n"
        assert oct(tmp.stat().st_mode & 0o777) == oct(0o640)  # the mode is taken before the check
        raise OutputError("refused", str(target))

    with pytest.raises(OutputError, match="refused"), AtomicFile(target, check=refuse) as fh:
        fh.write(b"new\n")
    assert target.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["table.csv"]


def test_a_fifo_is_written_to_not_replaced(tmp_path: Path) -> None:
    import threading

    from aliasctl.files import AtomicFile

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    with AtomicFile(fifo) as fh:
        fh.write(b"streamed\n")
    reader.join(timeout=10)
    assert got == [b"streamed\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs POSIX resource limits")
def test_a_file_size_limit_is_an_output_error_and_leaves_no_temporary_file(reg: Path) -> None:
    import resource
    import signal
    import subprocess
    import sys

    before = reg.read_bytes()

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "aliasctl",
            "--registry",
            str(reg),
            "add",
            "kataib-hezbollah",
            "Zzyzx Test",
            "--source",
            "https://example.org/x",
        ],
        preexec_fn=small_files,
        capture_output=True,
        text=True,
        check=False,
        # Under the limit, Python would write the byte code of a module it compiles cut at 1,000
        # bytes and leave it for every later import of it (its writes do not check their length).
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert result.returncode == 73
    assert result.stderr == f"aliasctl: error: {reg}: cannot write: File too large\n"
    assert_untouched(reg, before)


def test_an_error_while_writing_the_body_is_an_output_error(tmp_path: Path) -> None:
    from aliasctl.files import AtomicFile

    target = tmp_path / "out.csv"
    with pytest.raises(OutputError, match="cannot write: No space left on device"), AtomicFile(target) as fh:
        fh.write(b"partial")
        raise OSError(28, "No space left on device")
    assert list(tmp_path.iterdir()) == []
