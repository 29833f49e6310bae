"""Tables worked out from the package's own files, kept in the cache folder between runs.

The word stage's vocabularies (``words.py``, ``data/glossary.tsv``) and places list (``data/places.tsv``)
are the same for every registry; normalizing the one and reading the other cost
a word-stage lookup about 35 ms on every start. :func:`kept` builds such a table
once and stores it beside the index files (``words-<name>-<install>-<tag>.bin``), in
``marshal`` form: plain dicts, tuples, sets and strings, read back in a few
milliseconds, and no code in it can run.

A kept table is used only when it was written by this version of aliasctl and
its normalizer (the index cache's tag), from source files of the same size and
modification time, and its checksum holds; any doubt means it is built again.
A folder that cannot be written leaves the table built in memory, never an error.
"""

from __future__ import annotations

import marshal
import os
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

T = TypeVar("T")

#: The first bytes of a kept file.
_MAGIC = b"aliasctl-kept 1\n"


def _fingerprint(sources: Sequence[Path]) -> tuple[tuple[str, int, int], ...]:
    out = []
    for path in sources:
        st = os.stat(path)
        out.append((os.fspath(path), st.st_size, st.st_mtime_ns))
    return tuple(out)


def kept_file(folder: Path, name: str) -> Path:
    """Where the table ``name`` is kept in the cache folder ``folder``.

    The name holds where this copy of aliasctl is installed: two installs that share a
    cache folder keep a file each, instead of writing over each other's.
    """
    from .cache import tag

    where = zlib.crc32(os.fspath(Path(__file__).resolve()).encode("utf-8", "surrogateescape"))
    return folder / f"words-{name}-{where:08x}-{tag()}.bin"


def kept(name: str, build: Callable[[], T], sources: Sequence[Path]) -> T:
    """The table ``name``: read from the cache folder when current, else built by ``build`` and stored.

    Args:
        name: the table's name in the file name (letters and digits).
        build: makes the table; what it returns must be plain data ``marshal`` can write
            (dicts, lists, tuples, sets, frozensets, strings, numbers).
        sources: the files the table is worked out from: a change to one means a rebuild.

    Returns:
        The table, as ``build`` made it.
    """
    from .cache import cache_dir

    folder = cache_dir()
    if folder is None:
        return build()
    path = kept_file(folder, name)
    try:
        stamp = _fingerprint(sources)
    except OSError:
        return build()
    found = _read(path, stamp)
    if found is not None:
        return cast(T, found)
    value = build()
    _write(folder, path, stamp, value)
    return value


def _read(path: Path, stamp: object) -> Any:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + 4
    if not data.startswith(_MAGIC) or len(data) < head:
        return None
    payload = memoryview(data)[head:]
    if zlib.crc32(payload) != int.from_bytes(data[len(_MAGIC) : head], "little"):
        return None
    try:
        found = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if not (isinstance(found, tuple) and len(found) == 2 and found[0] == stamp):
        return None
    return found[1]


def _write(folder: Path, path: Path, stamp: Any, value: Any) -> None:
    from .cache import write_atomic

    try:
        payload = marshal.dumps((stamp, value))
    except ValueError:
        return  # not plain data: kept in memory only
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder, path, _MAGIC + zlib.crc32(payload).to_bytes(4, "little") + payload)
    except OSError:
        pass


__all__ = ["kept", "kept_file"]
