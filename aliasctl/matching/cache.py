"""The compiled-index cache: binary files keyed by the registry's content hash.

A lookup reads the registry's bytes, hashes them and takes the index from the
cache when one was built from exactly those bytes by this version of aliasctl
and of its normalizer. A cache file (``index-*.bin``) is one line of JSON, the
header (versions, registry hash, byte order, the payload's hash and the size
of each section), then the payload: flat columns of UTF-8 text and of
machine integers (see :func:`dump_index`). It is never pickle: nothing in it
can run. Every part of it is validated on load, and any doubt means a
rebuild. A cache that cannot be written is skipped, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from array import array
from pathlib import Path
from typing import Any

from .. import normalize
from .._version import __version__
from ..errors import RegistryError
from ..files import read_bytes, registry_path
from .index import Index, Table

CACHE_FORMAT = 5
_SEP = "\x1f"  # the loader refuses control characters, so no name contains it

# (attribute path, kind): the payload sections in order.
_TEXT_SECTIONS = (
    "entity_ids",
    "entity_names",
    "entity_kinds",
    "entity_countries",
    "alias_text",
    "alias_type",
    "alias_key",
    "alias_skeleton",
    "redirect_sources",
    "redirect_targets",
    "exact.forms",
    "by_key.forms",
    "by_skeleton.forms",
    "acronyms.forms",
    "fuzzy_keys",
    "fuzzy_skeletons",
)
_INT_SECTIONS = (
    "alias_entity",
    "exact.positions",
    "by_key.positions",
    "by_skeleton.positions",
    "acronyms.positions",
    "fuzzy_alias",
    "fuzzy_lengths",
)
_BYTE_SECTIONS = ("alias_shared",)


def _get(index: Index, name: str) -> Any:
    if name == "redirect_sources":
        return list(index.redirects)
    if name == "redirect_targets":
        return list(index.redirects.values())
    obj: Any = index
    for part in name.split("."):
        obj = getattr(obj, part)
    return obj


def dump_index(index: Index) -> bytes:
    """Serialize an index: a JSON header line, then flat columns."""
    chunks: list[bytes] = []
    sections: list[list[object]] = []
    for name in _TEXT_SECTIONS:
        values = _get(index, name)
        data = _SEP.join(values).encode("utf-8")
        sections.append([name, len(values), len(data)])
        chunks.append(data)
    for name in (*_INT_SECTIONS, *_BYTE_SECTIONS):
        values = _get(index, name)
        data = values.tobytes()
        sections.append([name, len(values), len(data)])
        chunks.append(data)
    payload = b"".join(chunks)
    header = {
        **_stamp(index.sha256),
        "byteorder": sys.byteorder,
        "itemsize": array("i").itemsize,
        "payload_sha256": hashlib.sha256(payload).hexdigest(),
        "sections": sections,
    }
    return json.dumps(header, separators=(",", ":")).encode("ascii") + b"\n" + payload


def load_index_bytes(blob: bytes, sha256: str) -> Index:
    """Rebuild an index from :func:`dump_index` output, checking every part.

    Raises:
        ValueError: the data is damaged, from another version, or for another registry.
    """
    head, sep, payload = blob.partition(b"\n")
    if not sep:
        raise ValueError("no header")
    header = json.loads(head)
    if not isinstance(header, dict):
        raise ValueError("bad header")
    for k, v in _stamp(sha256).items():
        if header.get(k) != v:
            raise ValueError(f"stale: {k}")
    if header.get("byteorder") != sys.byteorder or header.get("itemsize") != array("i").itemsize:
        raise ValueError("other machine")
    if hashlib.sha256(payload).hexdigest() != header.get("payload_sha256"):
        raise ValueError("payload damaged")
    sections = header.get("sections")
    names = (*_TEXT_SECTIONS, *_INT_SECTIONS, *_BYTE_SECTIONS)
    if not isinstance(sections, list) or [s[0] for s in sections] != list(names):
        raise ValueError("bad sections")
    cols: dict[str, Any] = {}
    offset = 0
    for name, count, size in sections:
        if type(count) is not int or type(size) is not int or count < 0 or size < 0:
            raise ValueError("bad section size")
        data = payload[offset : offset + size]
        offset += size
        if len(data) != size:
            raise ValueError("truncated")
        if name in _TEXT_SECTIONS:
            values: Any = data.decode("utf-8").split(_SEP) if count else []
        else:
            values = array("b" if name in _BYTE_SECTIONS else "i")
            values.frombytes(data)
        if len(values) != count:
            raise ValueError(f"{name}: count differs")
        cols[name] = values
    if offset != len(payload):
        raise ValueError("trailing bytes")
    n_ent, n_al = len(cols["entity_ids"]), len(cols["alias_text"])
    for name in ("entity_names", "entity_kinds", "entity_countries"):
        if len(cols[name]) != n_ent:
            raise ValueError(f"{name}: length")
    for name in ("alias_type", "alias_key", "alias_skeleton", "alias_entity", "alias_shared"):
        if len(cols[name]) != n_al:
            raise ValueError(f"{name}: length")
    _in_range(cols["alias_entity"], n_ent)
    _in_range(cols["alias_shared"], 3)
    for table in ("exact", "by_key", "by_skeleton", "acronyms"):
        if len(cols[f"{table}.forms"]) != len(cols[f"{table}.positions"]):
            raise ValueError(f"{table}: length")
        _in_range(cols[f"{table}.positions"], n_al)
    _in_range(cols["fuzzy_alias"], n_al)
    n_fz = len(cols["fuzzy_alias"])
    if not (len(cols["fuzzy_keys"]) == len(cols["fuzzy_skeletons"]) == len(cols["fuzzy_lengths"]) == n_fz):
        raise ValueError("fuzzy: length")
    if len(cols["redirect_sources"]) != len(cols["redirect_targets"]):
        raise ValueError("redirects: length")
    return Index(
        sha256,
        cols["entity_ids"],
        cols["entity_names"],
        cols["entity_kinds"],
        cols["entity_countries"],
        cols["alias_text"],
        cols["alias_entity"],
        cols["alias_type"],
        cols["alias_shared"],
        cols["alias_key"],
        cols["alias_skeleton"],
        dict(zip(cols["redirect_sources"], cols["redirect_targets"], strict=True)),
        Table(cols["exact.forms"], cols["exact.positions"]),
        Table(cols["by_key.forms"], cols["by_key.positions"]),
        Table(cols["by_skeleton.forms"], cols["by_skeleton.positions"]),
        Table(cols["acronyms.forms"], cols["acronyms.positions"]),
        cols["fuzzy_alias"],
        cols["fuzzy_keys"],
        cols["fuzzy_skeletons"],
        cols["fuzzy_lengths"],
    )


def _in_range(values: array[int], bound: int) -> None:
    if values and (min(values) < 0 or max(values) >= bound):
        raise ValueError("a position is out of range")


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
    return folder / f"index-{sha256[:40]}-{tag[:12]}.bin"


def read_cached(sha256: str) -> Index | None:
    """Return the cached index built from a file with this hash, or ``None``."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(_cache_file(folder, sha256), "rb") as fh:
            return load_index_bytes(fh.read(), sha256)
    except Exception:  # noqa: BLE001 - the cache is optional: any doubt means a rebuild
        return None


def write_cached(index: Index) -> None:
    """Store ``index`` in the cache; errors are ignored (the cache is optional)."""
    folder = cache_dir()
    if folder is None:
        return
    target = _cache_file(folder, index.sha256)
    tmp_name = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        payload = dump_index(index)
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
    from ..registry.loader import decode, load_strict

    spath = os.fspath(p)
    registry = load_strict(decode(data, spath), spath, sha)
    index = Index.from_registry(registry)
    write_cached(index)
    return index


__all__ = ["RegistryError", "dump_index", "load_index", "load_index_bytes", "read_cached", "write_cached"]
