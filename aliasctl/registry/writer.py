"""The registry's lock and its checked update: how ``aliases.yaml`` is changed on disk.

This module knows what a registry is; the generic part, writing any file
atomically (temporary file in the same folder, flush and fsync, the
original's mode, ``os.replace``, fsync of the folder, symlinks written
through, nothing left behind on failure), is :class:`aliasctl.files.AtomicFile`,
which everything aliasctl writes goes through. On top of it this adds:

* a sidecar lock file (``aliases.yaml.lock``, held with ``flock``) that keeps
  two aliasctl writers apart; waiting longer than the timeout is an error
  (exit 75). The lock file is left in place: removing it would race with the
  next writer. A symlinked registry is locked next to its target.
* the hash check: the file is read under the lock and its SHA-256 is checked
  again just before it is replaced, so an editor that saved in the meantime
  makes the write fail (exit 75) instead of being overwritten.
* validation: the temporary file is read back and compared byte for byte
  with what was meant, and parsed with the strict loader unless it is the
  text of an :class:`~aliasctl.registry.change.Edit` that was already read
  back strictly (``Edit.checked``): every edit command's is.
* the file's form: a UTF-8 BOM and CRLF line ends are kept.
* a registry with more than one hard link is refused (exit 73): the atomic
  replace would split it from its other names.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..constants import DEFAULT_LOCK_TIMEOUT
from ..errors import LockedError, OutputError, RegistryError
from ..files import AtomicFile, read_bytes
from .change import Edit
from .loader import decode, load_strict

_BOM = b"\xef\xbb\xbf"


def real_path(path: str | os.PathLike[str]) -> Path:
    """The file a path names, through any symlinks."""
    return Path(os.path.realpath(path))


def lock_path(path: str | os.PathLike[str]) -> Path:
    """The sidecar lock file of a registry (next to the link's target)."""
    target = real_path(path)
    return target.with_name(target.name + ".lock")


@contextmanager
def locked(path: str | os.PathLike[str], timeout: float = DEFAULT_LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the registry's sidecar lock.

    Raises:
        LockedError: another writer holds the lock for longer than ``timeout`` seconds.
        OutputError: the lock file cannot be created.
    """
    lpath = lock_path(path)
    try:
        fd = os.open(lpath, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(f"cannot create the lock file {lpath}: {exc.strerror}", path) from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockedError(
                        f"locked by another writer ({lpath.name}); try again, or wait longer "
                        "with --lock-timeout",
                        path,
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def refuse_hard_links(path: str | os.PathLike[str]) -> None:
    """Refuse to replace a registry that has more than one hard link.

    A replace gives the path a new file: the other names would keep the old
    content without a word. Writing in place instead would give up the
    atomic replace, so the write is refused and the user chooses.

    Raises:
        OutputError: the file has more than one link (exit 73).
    """
    try:
        links = os.stat(real_path(path)).st_nlink
    except OSError:
        return  # a new file, or one the write will report on
    if links > 1:
        raise OutputError(
            f"has {links} hard links, and a write would leave the other names with the old content; "
            "nothing was written (make the other names symlinks, or copies, and run again)",
            path,
        )


def sha256_of(path: str | os.PathLike[str]) -> str:
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(read_bytes(path)).hexdigest()


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    expected_sha256: str | None = None,
    validate: Callable[[bytes], None] | None = None,
) -> None:
    """Replace the file at ``path`` (through symlinks) with ``data``, atomically, if it has not changed.

    :class:`aliasctl.files.AtomicFile` does the writing; this adds the hash
    check and the validation.

    Args:
        path: the file; a symlink is followed and its target replaced.
        data: the new bytes.
        expected_sha256: the hash of the file as it was read; if the file now
            differs, nothing is written.
        validate: called with the bytes read back from the temporary file;
            raises to refuse them.

    Raises:
        LockedError: the file changed since it was read.
        OutputError: the file cannot be written; the original is unchanged.
    """
    target = real_path(path)
    refuse_hard_links(path)

    def check(tmp: Path) -> None:
        written = tmp.read_bytes()
        if written != data:  # pragma: no cover - a lying disk
            raise OutputError("the temporary file does not read back as written", path)
        if validate is not None:
            validate(written)
        if expected_sha256 is not None and target.exists() and sha256_of(target) != expected_sha256:
            raise LockedError(
                "the file changed since it was read (saved by an editor?); nothing was written, run again",
                path,
            )

    with AtomicFile(path, check=check) as fh:
        fh.write(data)


def _validator(path: str) -> Callable[[bytes], None]:
    def validate(data: bytes) -> None:
        try:
            load_strict(decode(data, path), path)
        except RegistryError as exc:  # pragma: no cover - the edit checked its own output
            raise OutputError(f"refusing to write an invalid registry: {exc}", path) from None

    return validate


def update(
    path: str | os.PathLike[str],
    change: Callable[[str], Edit],
    *,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    dry_run: bool = False,
) -> Edit:
    """Read the registry at ``path`` under its lock, apply ``change`` to its text, write the result.

    Nothing is written when ``dry_run`` is set or when the text does not change.
    A UTF-8 BOM and CRLF line ends are kept. The new text is validated with the
    strict loader unless the edit says it already did (``Edit.checked``).

    Raises:
        LockedError: the lock is held, or the file changed underneath.
        OutputError: the file cannot be written.
        RegistryError, InputMissingError, UsageError: from reading and editing.
    """
    spath = os.fspath(path)
    if dry_run:
        return change(_text(read_bytes(path), spath)[0])
    read_bytes(path)  # a missing file is exit 66, before any lock file is made
    refuse_hard_links(path)
    with locked(path, lock_timeout):
        data = read_bytes(path)
        text, bom, crlf = _text(data, spath)
        result = change(text)
        if not result.changed:
            return result
        out = result.text.replace("\n", "\r\n") if crlf else result.text
        raw = (_BOM if bom else b"") + out.encode("utf-8")
        write_atomic(
            path,
            raw,
            expected_sha256=hashlib.sha256(data).hexdigest(),
            validate=None if result.checked else _validator(spath),
        )
        return result


def _text(data: bytes, path: str) -> tuple[str, bool, bool]:
    text = decode(data, path)
    # Only a file whose every line ends in CRLF is written back in CRLF; a
    # file that mixes endings keeps each line's as it is.
    crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")
    return (text.replace("\r\n", "\n") if crlf else text), data.startswith(_BOM), crlf
