"""Which registry file, reading files and writing them atomically: kept apart so a cached lookup imports little."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TypeGuard

from .errors import InputMissingError, OutputError


def bundled_registry_path() -> Path:
    """Return the path of the registry shipped inside the package."""
    here = Path(__file__).parent / "data" / "aliases.yaml"
    if here.is_file():
        return here
    from importlib import resources  # an installation from a zip or similar

    return Path(str(resources.files("aliasctl").joinpath("data", "aliases.yaml")))


def registry_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Pick the registry: ``explicit`` > ``$ALIASCTL_REGISTRY`` > the bundled one."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("ALIASCTL_REGISTRY")
    if env:
        return Path(env)
    return bundled_registry_path()


def open_input(path: str | os.PathLike[str], what: str = "a file") -> IO[bytes]:
    """Open ``path`` for reading bytes, turning OS errors into :class:`InputMissingError` (exit 66).

    Args:
        what: what the path should have been, for the message about a folder.
    """
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputMissingError("no such file", path) from None
    except IsADirectoryError:
        raise InputMissingError(f"is a directory, not {what}", path) from None
    except OSError as exc:
        raise InputMissingError(f"cannot read: {exc.strerror}", path) from None


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a registry file whole, turning OS errors into :class:`InputMissingError`."""
    with open_input(path, "a registry file") as fh:
        try:
            return fh.read()
        except OSError as exc:
            raise InputMissingError(f"cannot read: {exc.strerror}", path) from None


class AtomicFile:
    """A file written under a temporary name and moved into place when complete.

    The one way aliasctl writes a file: the bytes go to a temporary file in the
    target's folder, which is flushed, fsynced, given the mode (and, where
    allowed, the owner) of the file it replaces or of ``mode_from``, shown to
    ``check``, moved over the target with ``os.replace``; then the folder is
    fsynced. A symlink is written through to its target and stays a link. On
    any error the target is untouched and the temporary file removed. A device
    or a pipe (``/dev/null``, a FIFO) is written to directly, never replaced.
    The temporary file is named ``.NAME.aliasctl-PID-XXXXXXXX.tmp``; one that
    a killed run left (its process is gone) is removed by the next write of
    the same file.

    It knows nothing of registries: the registry's lock, its hash check and
    its validation are :mod:`aliasctl.registry.writer`, built on this class.

    With ``defer``, the block only finishes the temporary file: :meth:`commit`
    moves it into place and :meth:`discard` removes it, so that a run with
    several outputs replaces none of them until all are written.

    Args:
        path: the file to write.
        mode_from: take the mode from this file rather than from ``path``.
        check: called with the finished temporary file before it replaces the
            target; raises to refuse it.
        defer: leave the finished file for :meth:`commit` or :meth:`discard`.

    Raises:
        OutputError: the file cannot be written (exit 73).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        mode_from: str | os.PathLike[str] | None = None,
        check: Callable[[Path], None] | None = None,
        defer: bool = False,
    ) -> None:
        self.path = path
        self.mode_from = mode_from
        self.check = check
        self.defer = defer
        self.target = Path(os.path.realpath(path))
        self._tmp: Path | None = None
        self._fh: IO[bytes] | None = None

    def __enter__(self) -> IO[bytes]:
        try:
            special = not stat.S_ISREG(os.stat(self.target).st_mode)
        except OSError:
            special = False
        try:
            if special:
                self._fh = open(self.target, "wb")
            else:
                import tempfile  # here, so that a lookup does not pay for it

                remove_stale_temporaries(self.target)
                fd, name = tempfile.mkstemp(
                    prefix=temporary_prefix(self.target), suffix=".tmp", dir=self.target.parent
                )
                self._tmp = Path(name)
                self._fh = os.fdopen(fd, "wb")
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", self.path) from None
        return self._fh

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        fh = self._fh
        assert fh is not None, "AtomicFile is used as a context manager"
        if self._tmp is None:  # a device or a pipe
            try:
                fh.close()
            except OSError as err:
                if exc_type is None:
                    raise OutputError(f"cannot write: {err.strerror or err}", self.path) from None
            if is_write_error(exc):
                raise OutputError(f"cannot write: {exc.strerror}", self.path) from None
            return
        if exc_type is not None:
            self._discard()
            if is_write_error(exc):
                raise OutputError(f"cannot write: {exc.strerror}", self.path) from None
            return
        try:
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
            self._take_mode(self._tmp)
            if self.check is not None:
                self.check(self._tmp)
        except OSError as err:
            self._discard()
            raise OutputError(f"cannot write: {err.strerror or err}", self.path) from None
        except BaseException:
            self._discard()
            raise
        if not self.defer:
            self.commit()

    def commit(self) -> None:
        """Move the finished temporary file over the target (done on leaving the block unless ``defer``).

        Raises:
            OutputError: it cannot be moved into place; the temporary file is then removed.
        """
        if self._tmp is None:  # a device or a pipe, written already; or committed
            return
        try:
            os.replace(self._tmp, self.target)
            self._tmp = None
        except OSError as err:
            self._discard()
            raise OutputError(f"cannot write: {err.strerror or err}", self.path) from None
        try:
            fsync_folder(self.target.parent)
        except OSError as err:
            raise OutputError(
                f"written, but the folder could not be synced: {err.strerror}", self.path
            ) from None

    def discard(self) -> None:
        """Remove the temporary file of a deferred write: the target stays as it was."""
        self._discard()

    def _take_mode(self, tmp: Path) -> None:
        try:
            st = os.stat(self.mode_from if self.mode_from is not None else self.target)
        except FileNotFoundError:
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(tmp, 0o666 & ~mask)
            return
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except PermissionError:
                pass

    def _discard(self) -> None:
        if self._fh is not None and not self._fh.closed:
            try:
                self._fh.close()  # flushes what is buffered, which may fail again
            except OSError:
                pass
        if self._tmp is not None:
            try:
                self._tmp.unlink()
            except OSError:  # pragma: no cover - nothing more can be done
                pass
            self._tmp = None


def temporary_prefix(target: Path, pid: int | None = None) -> str:
    """How the temporary files of ``target`` start: ``.NAME.aliasctl-PID-``, then random characters and ``.tmp``.

    The process id says whose a temporary file is, so that a later run can
    tell a killed writer's leftover from a write in progress.
    """
    return f".{target.name}.aliasctl-{os.getpid() if pid is None else pid}-"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or a platform without signals
        return True
    return True


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove the temporary files of ``target`` that a writer no longer running left behind.

    Only files named as :func:`temporary_prefix` names them are touched, and
    only when the process id in the name is gone: a write in progress keeps
    its file. Files that cannot be removed are left as they are.

    Returns:
        The files removed.
    """
    import re

    pattern = re.compile(re.escape(f".{target.name}.aliasctl-") + r"(\d+)-[^/]*\.tmp")
    removed: list[Path] = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return removed
    for name in names:
        m = pattern.fullmatch(name)
        if m is None or _alive(int(m.group(1))):
            continue
        stale = target.parent / name
        try:
            stale.unlink()
        except OSError:
            continue
        removed.append(stale)
    return removed


#: What only a write fails with: a full disk, a quota, a file-size limit, a read-only filesystem.
WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS})


def is_write_error(exc: object) -> TypeGuard[OSError]:
    """Whether ``exc`` is an error of writing a file (and not of reading the input, say)."""
    return isinstance(exc, OSError) and exc.errno in WRITE_ERRNOS


def fsync_folder(folder: str | os.PathLike[str]) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be fsynced)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # pragma: no cover - platforms without directory descriptors
        return
    try:
        os.fsync(fd)
    except OSError as exc:  # pragma: no cover - filesystems without directory fsync
        if exc.errno not in (errno.EINVAL, errno.EOPNOTSUPP):
            raise
    finally:
        os.close(fd)


def check_outputs(outputs: Sequence[tuple[str, str | None]], keep: Sequence[tuple[str, str | None]]) -> None:
    """Refuse a run that would write over a file it must keep, or write one file twice.

    Paths are compared through symlinks and hard links (device and inode, or
    the resolved path of a file not written yet). A device or a pipe
    (``/dev/null``, a FIFO) may be two outputs at once: it is written to,
    never replaced.

    Args:
        outputs: ``(what, path)`` of each file the run writes, e.g.
            ``("review file", "review.csv")``; ``None`` and ``-`` (stdout) are skipped.
        keep: ``(what, path)`` of each file it must not write, e.g. ``("registry in use", "aliases.yaml")``.

    Raises:
        UsageError: an output is one of ``keep``, or another output (exit 2).
    """
    from .errors import UsageError

    written: list[tuple[str, str]] = []
    for what, path in outputs:
        if path is None or path == "-":
            continue
        for other_what, other in keep:
            if other is not None and other != "-" and same_file(path, other):
                raise UsageError(f"the {what} {path} is the {other_what}: name another one")
        for other_what, other in written:
            if same_file(path, other) and not _special(path):
                raise UsageError(f"the {what} {path} is the {other_what}: name another one")
        written.append((what if what.endswith("file") else f"{what} file", path))


def _special(path: str) -> bool:
    """Whether ``path`` is a device or a pipe."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file (through links, or the same inode)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
