"""The compiled-index cache: JSON files keyed by the registry's content hash.

A lookup reads the registry's bytes, hashes them and takes the index from the
cache when one was built from exactly those bytes by this version of aliasctl
and of its normalizer. The cache is plain JSON (never pickle: nothing in it
can run), every part of it is validated on load, and any doubt means a
rebuild. A cache that cannot be written is skipped, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from . import __version__, normalize
from .errors import RegistryError
from .registry import decode, load_registry, parse, read_bytes, registry_path
from .resolver import Index

CACHE_FORMAT = 1


def cache_dir() -> Path | None:
    """Return the cache folder, or ``None`` when caching is switched off."""
    if os.environ.get("ALIASCTL_NO_CACHE"):
        return None
    explicit = os.environ.get("ALIASCTL_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "aliasctl"


def _stamp(sha256: str) -> dict[str, object]:
    return {
        "format": CACHE_FORMAT,
        "aliasctl": __version__,
        "normalizer": normalize.NORMALIZER_VERSION,
        "sha256": sha256,
    }


def _cache_file(folder: Path, sha256: str) -> Path:
    tag = hashlib.sha256(f"{__version__}/{normalize.NORMALIZER_VERSION}".encode()).hexdigest()
    return folder / f"index-{sha256[:40]}-{tag[:12]}.json"


def read_cached(sha256: str) -> Index | None:
    """Return the cached index built from a file with this hash, or ``None``."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(_cache_file(folder, sha256), "rb") as fh:
            data = json.loads(fh.read())
        if not isinstance(data, dict) or data.get("stamp") != _stamp(sha256):
            return None
        index = Index.from_json(data["index"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if index.sha256 != sha256:
        return None
    return index


def write_cached(index: Index) -> None:
    """Store ``index`` in the cache; errors are ignored (the cache is optional)."""
    folder = cache_dir()
    if folder is None:
        return
    target = _cache_file(folder, index.sha256)
    tmp_name = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(
            {"stamp": _stamp(index.sha256), "index": index.to_json()},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        fd, tmp_name = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError:
        pass
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def load_index(path: str | os.PathLike[str] | None = None) -> Index:
    """Return the compiled index of a registry, from the cache when it is current.

    Raises:
        RegistryError: the registry is not valid (exit code 65).
        InputMissingError: it cannot be read (exit code 66).
    """
    p = registry_path(path)
    data = read_bytes(p)
    sha = hashlib.sha256(data).hexdigest()
    cached = read_cached(sha)
    if cached is not None:
        return cached
    spath = os.fspath(p)
    registry = parse(decode(data, spath), spath, sha)
    if registry.problems:
        raise sorted(registry.problems, key=lambda e: (e.line or 0, e.col or 0))[0]
    index = Index.from_registry(registry)
    write_cached(index)
    return index


__all__ = ["RegistryError", "load_index", "load_registry", "read_cached", "write_cached"]
