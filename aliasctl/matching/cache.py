"""The compiled-index cache: binary files keyed by the registry's content hash.

A lookup takes the index from the cache when one was built from exactly the
registry's bytes by this version of aliasctl and of its normalizer. A cache
file (``index-*.bin``) is one line of JSON, the header (versions, registry
hash, byte order, the payload's hash and where each section lies), then the
payload: flat sections, each aligned to 8 bytes (see :func:`dump_index`):
text in small compressed blocks, integers as machine arrays, tables as
positions sorted by the hash of their form, and the word stage's postings. It
is never pickle: nothing in it can run.

The file is memory-mapped and nothing is decoded up front: a lookup inflates
the few blocks it reads (:mod:`aliasctl.matching.columns`), so an exact hit
on a 50,000-entity registry touches a few pages of a 40 MB file. Its header
and the size and place of every section are checked when it is opened, and
any doubt means a rebuild; the payload's hash is checked where the bytes came
from elsewhere (:func:`load_index_bytes`, for an index sent to another
process), not for a file this user's aliasctl wrote whole and moved into
place.

The registry's hash is worked out from its bytes, except when a note in the
cache folder says that a file of this path, size, inode, modification and
change time had it, and the file was older than :data:`SETTLED_NS` when the
note was made (a file changed twice within one tick of its clock is hashed).

A cache that cannot be written is skipped, never an error. Files of other
versions, the previous index of a registry path that changed, and the least
recently used beyond :data:`KEEP_FILES` are removed when a new one is written.
"""

from __future__ import annotations

import json
import mmap
import os
import re
import sys
import time
import zlib
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .. import normalize
from .._version import __version__
from ..errors import RegistryError
from ..files import read_bytes, registry_path
from .columns import (
    AsSets,
    ByPrefix,
    Counts,
    FormsOf,
    HashedTable,
    IdMap,
    RaggedMap,
    Sizes,
    TextColumn,
    encode_ints,
    encode_text,
    hash_order,
)
from .index import FormTable, Index, Table

if TYPE_CHECKING:
    from .alignment import WordIndex

CACHE_FORMAT = 8
#: Bumped whenever the word stage's vocabularies (``words.py``, ``data/glossary.tsv``, ``data/places.tsv``) change:
#: the cache keeps the words of every name as those vocabularies read them. A test records
#: the vocabularies' fingerprint beside this number.
VOCABULARY_VERSION = "144"
#: Index files kept in the cache folder (the least recently used beyond are removed).
KEEP_FILES = 8
#: A registry must have been this old when it was hashed for its note to be trusted.
SETTLED_NS = 2_000_000_000
#: A cache file used within this long is not marked again (marking it is one system call).
_MARK_NS = 3600 * 1_000_000_000

_TEXT = "text"
_BYTES = "bytes"
_ITEM = {"i": 4, "I": 4, "b": 1, "q": 8}

# (name, kind) of every section, in the order they are written.
_LAYOUT: list[tuple[str, str]] = []


def _text(name: str) -> None:
    _LAYOUT.extend(((name, _TEXT), (name + ".blocks", "q")))


def _ragged(name: str) -> None:
    _text(name + ".forms")
    _LAYOUT.extend(((name + ".data", _BYTES), (name + ".offsets", "q")))


for _name in ("entity_ids", "entity_names", "entity_kinds", "entity_countries", "entity_related"):
    _text(_name)
for _name in ("alias_text", "alias_type", "alias_key", "alias_skeleton"):
    _text(_name)
_LAYOUT.extend((("alias_entity", "i"), ("alias_shared", "b")))
_text("redirect_sources")
_text("redirect_targets")
for _name in ("exact", "by_key", "by_skeleton", "ids"):
    _LAYOUT.extend(((_name + ".hashes", "I"), (_name + ".positions", "i")))
_text("acronyms.forms")
_LAYOUT.append(("acronyms.positions", "i"))
_LAYOUT.append(("fuzzy_alias", "i"))
_text("fuzzy_keys")
_text("fuzzy_skeletons")
_LAYOUT.append(("fuzzy_lengths", "i"))
_text("blocks.keys")
_LAYOUT.append(("blocks.bounds", "i"))
_ragged("words.postings")
_text("words.entities.forms")
_LAYOUT.append(("words.entities.counts", "i"))
_ragged("words.holders")
_ragged("words.by_outline")
# 1 where the alias is in ``by_key`` (the word stage looks only at those): no table lookup per candidate.
_LAYOUT.append(("alias_searchable", "b"))


# -- writing ------------------------------------------------------------------


def _int_bytes(values: Sequence[int], code: str) -> bytes:
    if isinstance(values, array) and values.typecode == code:
        return values.tobytes()
    if isinstance(values, memoryview) and values.format == code:
        return values.tobytes()
    return array(code, values).tobytes()


class _Writer:
    def __init__(self) -> None:
        self.sections: list[list[object]] = []
        self.chunks: list[bytes] = []
        self.size = 0

    def raw(self, name: str, kind: str, count: int, data: bytes) -> None:
        expected = _LAYOUT[len(self.sections)]
        if expected != (name, kind):
            raise AssertionError(f"cache layout: wrote {name} where {expected} belongs")
        self.sections.append([name, kind, count, self.size, len(data)])
        pad = -len(data) % 8
        self.chunks.append(data + b"\0" * pad)
        self.size += len(data) + pad

    def ints(self, name: str, code: str, values: Sequence[int]) -> None:
        data = _int_bytes(values, code)
        self.raw(name, code, len(data) // _ITEM[code], data)

    def text(self, name: str, values: Iterable[str]) -> None:
        data, offsets, count = encode_text(values)
        self.raw(name, _TEXT, count, data)
        self.ints(name + ".blocks", "q", offsets)

    def ragged(self, name: str, forms: list[str], lists: Iterable[Iterable[int]]) -> None:
        self.text(name + ".forms", forms)
        data, offsets = encode_ints(lists)
        self.raw(name + ".data", _BYTES, len(offsets) - 1, data)
        self.ints(name + ".offsets", "q", offsets)


def _hashed(index: Index, table: FormTable, form_of: Callable[[int], str]) -> tuple[Sequence[int], Sequence[int]]:
    """The (hashes, positions) columns of a table, checking that each entry's form is its alias's."""
    if isinstance(table, HashedTable):
        return table.hashes, table.positions
    # A table of a new index gives its entries unsorted: they are filed by hash here anyway.
    forms, positions = table.entries() if isinstance(table, Table) else (table.forms, table.positions)
    # The cache keeps no forms, only positions: each must be found again from its alias.
    if not index.forms_of_aliases:
        for form, pos in zip(forms, positions, strict=True):
            if form_of(pos) != form:
                raise ValueError("a table holds a form its alias does not have: it cannot be cached")
    return hash_order(forms, positions)


def _words_sections(w: _Writer, cols: Mapping[str, Mapping[str, Any]]) -> None:
    postings = cols["postings"]
    forms = sorted(postings)
    w.ragged("words.postings", forms, (postings[f] for f in forms))
    entities = cols["entities"]
    idents = sorted(entities)
    w.text("words.entities.forms", idents)
    w.ints("words.entities.counts", "i", [entities[f] for f in idents])
    holders = cols["holders"]
    texts = sorted(holders)
    w.ragged("words.holders", texts, (sorted(holders[t]) for t in texts))
    where = {f: i for i, f in enumerate(forms)}
    by_outline = cols["by_outline"]
    outlines = sorted(by_outline)
    w.ragged("words.by_outline", outlines, (sorted(where[f] for f in by_outline[o]) for o in outlines))


def dump_index(index: Index) -> bytes:
    """Serialize an index, with its word index's tables (worked out now if need be): a JSON header line, then the sections.

    Raises:
        ValueError: a table of the index does not hold the forms of its aliases.
    """
    return b"".join(dump_parts(index))


def dump_parts(index: Index) -> list[bytes]:
    """:func:`dump_index` as the parts it is the concatenation of (written one by one, never joined).

    Raises:
        ValueError: a table of the index does not hold the forms of its aliases.
    """
    from ..registry.loader import no_gc

    with no_gc():  # the word index is many small objects and no cycles
        return _dump(index)


def _dump(index: Index) -> list[bytes]:
    w = _Writer()
    for name in ("entity_ids", "entity_names", "entity_kinds", "entity_countries", "entity_related"):
        w.text(name, getattr(index, name))
    for name in ("alias_text", "alias_type", "alias_key", "alias_skeleton"):
        w.text(name, getattr(index, name))
    w.ints("alias_entity", "i", index.alias_entity)
    w.ints("alias_shared", "b", index.alias_shared)
    w.text("redirect_sources", list(index.redirects))
    w.text("redirect_targets", list(index.redirects.values()))
    text, keys, skels, ids = index.alias_text, index.alias_key, index.alias_skeleton, index.entity_ids
    tables: list[tuple[str, FormTable, Callable[[int], str]]] = [
        ("exact", index.exact, lambda p: normalize.display_key(text[p])),
        ("by_key", index.by_key, keys.__getitem__),
        ("by_skeleton", index.by_skeleton, skels.__getitem__),
    ]
    for name, table, form_of in tables:
        hashes, positions = _hashed(index, table, form_of)
        w.ints(name + ".hashes", "I", hashes)
        w.ints(name + ".positions", "i", positions)
    if isinstance(index.ids, IdMap):
        id_hashes, id_positions = index.ids.table.hashes, index.ids.table.positions
    else:
        id_hashes, id_positions = hash_order(ids, range(len(ids)))
    w.ints("ids.hashes", "I", id_hashes)
    w.ints("ids.positions", "i", id_positions)
    w.text("acronyms.forms", index.acronyms.forms)
    w.ints("acronyms.positions", "i", index.acronyms.positions)
    w.ints("fuzzy_alias", "i", index.fuzzy_alias)
    w.text("fuzzy_keys", index.fuzzy_keys)
    w.text("fuzzy_skeletons", index.fuzzy_skeletons)
    w.ints("fuzzy_lengths", "i", index.fuzzy_lengths)
    blocks = index.blocks()
    keys_ = sorted(blocks)
    w.text("blocks.keys", keys_)
    w.ints("blocks.bounds", "i", [b for k in keys_ for b in blocks[k]])
    _words_sections(w, index.word_columns())
    searchable = bytearray(len(index.alias_text))
    for pos in (index.by_key.entries()[1] if isinstance(index.by_key, Table) else index.by_key.positions):
        searchable[pos] = 1
    w.raw("alias_searchable", "b", len(searchable), bytes(searchable))
    import hashlib

    digest = hashlib.sha256()
    for chunk in w.chunks:
        digest.update(chunk)
    header = {
        **_stamp(index.sha256),
        "byteorder": sys.byteorder,
        "payload_sha256": digest.hexdigest(),
        "sections": w.sections,
    }
    head = json.dumps(header, separators=(",", ":")).encode("ascii")
    # Pad the header so that the payload, and every section in it, starts on 8 bytes.
    head += b" " * (-(len(head) + 1) % 8)
    return [head + b"\n", *w.chunks]


# -- reading --------------------------------------------------------------------


class _Reader:
    def __init__(self, payload: memoryview, sections: object) -> None:
        if not isinstance(sections, list) or len(sections) != len(_LAYOUT):
            raise ValueError("bad sections")
        self.parts: dict[str, tuple[int, memoryview]] = {}
        end = 0
        for entry, (name, kind) in zip(sections, _LAYOUT, strict=True):
            if not (isinstance(entry, list) and len(entry) == 5 and entry[:2] == [name, kind]):
                raise ValueError("bad sections")
            count, offset, size = entry[2:]
            if not all(type(v) is int and v >= 0 for v in (count, offset, size)):
                raise ValueError("bad section size")
            if offset != end or offset + size > len(payload):
                raise ValueError("truncated")
            if kind in _ITEM and count * _ITEM[kind] != size:
                raise ValueError(f"{name}: count differs")
            end = offset + size + (-size % 8)
            self.parts[name] = (count, payload[offset : offset + size])
        if end != len(payload):
            raise ValueError("trailing bytes")

    def ints(self, name: str, code: Literal["i", "I", "b", "q"]) -> memoryview:
        return self.parts[name][1].cast(code)

    def text(self, name: str) -> TextColumn:
        count, data = self.parts[name]
        return TextColumn(data, self.ints(name + ".blocks", "q"), count)

    def ragged(self, name: str) -> RaggedMap:
        return RaggedMap(self.text(name + ".forms"), self.parts[name + ".data"][1], self.ints(name + ".offsets", "q"))


def _open(blob: memoryview, sha256: str, *, verify: bool) -> Index:
    """An index over the bytes of a cache file (read in place), checked as the module says."""
    end = bytes(blob[:65536]).find(b"\n")
    if end < 0:
        end = bytes(blob).find(b"\n")
        if end < 0:
            raise ValueError("no header")
    header = json.loads(bytes(blob[:end]))
    if not isinstance(header, dict):
        raise ValueError("bad header")
    for k, v in _stamp(sha256).items():
        if header.get(k) != v:
            raise ValueError(f"stale: {k}")
    if header.get("byteorder") != sys.byteorder:
        raise ValueError("other machine")
    payload = blob[end + 1 :]
    if verify and _sha256(payload) != header.get("payload_sha256"):
        raise ValueError("payload damaged")
    r = _Reader(payload, header.get("sections"))
    entity_ids, alias_text = r.text("entity_ids"), r.text("alias_text")
    n_ent, n_al = len(entity_ids), len(alias_text)
    for name in ("entity_names", "entity_kinds", "entity_countries", "entity_related"):
        if r.parts[name][0] != n_ent:
            raise ValueError(f"{name}: length")
    for name in ("alias_type", "alias_key", "alias_skeleton", "alias_entity", "alias_shared"):
        if r.parts[name][0] != n_al:
            raise ValueError(f"{name}: length")
    alias_key, alias_skeleton = r.text("alias_key"), r.text("alias_skeleton")
    positions = {name: r.ints(name + ".positions", "i") for name in ("exact", "by_key", "by_skeleton", "acronyms")}
    fuzzy_alias = r.ints("fuzzy_alias", "i")
    n_fz = len(fuzzy_alias)
    for name in ("fuzzy_keys", "fuzzy_skeletons", "fuzzy_lengths"):
        if r.parts[name][0] != n_fz:
            raise ValueError("fuzzy: length")
    if r.parts["acronyms.forms"][0] != len(positions["acronyms"]):
        raise ValueError("acronyms: length")
    sources, targets = r.text("redirect_sources"), r.text("redirect_targets")
    if len(sources) != len(targets):
        raise ValueError("redirects: length")
    bounds = r.ints("blocks.bounds", "i")
    keys = r.text("blocks.keys")
    if len(bounds) != 2 * len(keys):
        raise ValueError("blocks: length")
    blocks = {k: (bounds[2 * i], bounds[2 * i + 1]) for i, k in enumerate(keys)}
    alias_entity, alias_shared = r.ints("alias_entity", "i"), r.ints("alias_shared", "b")
    searchable = r.ints("alias_searchable", "b")
    if len(searchable) != n_al:
        raise ValueError("alias_searchable: length")
    id_positions = r.ints("ids.positions", "i")
    if verify:
        # Bytes from elsewhere: every position must point inside its column.
        _in_range(alias_entity, n_ent)
        _in_range(alias_shared, 3)
        _in_range(searchable, 2)
        for cols in positions.values():
            _in_range(cols, n_al)
        _in_range(fuzzy_alias, n_al)
        _in_range(id_positions, n_ent)
        for lo, hi in blocks.values():
            if not 0 <= lo <= hi <= n_fz:
                raise ValueError("a position is out of range")
    ids = IdMap(entity_ids, HashedTable(r.ints("ids.hashes", "I"), id_positions, entity_ids.__getitem__))

    def words(index: Index) -> WordIndex:
        from .alignment import WordIndex

        postings = r.ragged("words.postings")
        holders = r.ragged("words.holders")
        return WordIndex.from_columns(
            index,
            postings=postings,
            entities=Counts(r.text("words.entities.forms"), r.ints("words.entities.counts", "i")),
            spellings=Sizes(holders),
            holders=AsSets(holders),
            by_outline=FormsOf(r.ragged("words.by_outline"), postings.forms),
            by_start=ByPrefix(postings.forms, 3, "@"),
            searchable=searchable,
        )

    return Index(
        sha256,
        entity_ids,
        r.text("entity_names"),
        r.text("entity_kinds"),
        r.text("entity_countries"),
        alias_text,
        alias_entity,
        r.text("alias_type"),
        alias_shared,
        alias_key,
        alias_skeleton,
        dict(zip(sources, targets, strict=True)),
        HashedTable(r.ints("exact.hashes", "I"), positions["exact"], lambda p: normalize.display_key(alias_text[p])),
        HashedTable(r.ints("by_key.hashes", "I"), positions["by_key"], alias_key.__getitem__),
        HashedTable(r.ints("by_skeleton.hashes", "I"), positions["by_skeleton"], alias_skeleton.__getitem__),
        Table(r.text("acronyms.forms"), positions["acronyms"]),
        fuzzy_alias,
        r.text("fuzzy_keys"),
        r.text("fuzzy_skeletons"),
        r.ints("fuzzy_lengths", "i"),
        ids=ids,
        blocks=blocks,
        words=words,
        entity_related=r.text("entity_related"),
    )


def _sha256(data: memoryview | bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def load_index_bytes(blob: bytes, sha256: str) -> Index:
    """Rebuild an index from :func:`dump_index` output, checking every part (the payload's hash too).

    Raises:
        ValueError: the data is damaged, from another version, or for another registry.
    """
    return _open(memoryview(blob), sha256, verify=True)


def _in_range(values: Sequence[int], bound: int) -> None:
    if values and (min(values) < 0 or max(values) >= bound):
        raise ValueError("a position is out of range")


# -- the cache folder -----------------------------------------------------------


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
        "vocabulary": VOCABULARY_VERSION,
        "sha256": sha256,
    }


def tag() -> str:
    """The versions a cache file is valid for, as a part of its name."""
    # Readable, and no hash to import on the way to a cached lookup.
    return re.sub(
        r"[^A-Za-z0-9.]+",
        "_",
        f"f{CACHE_FORMAT}.{__version__}.n{normalize.NORMALIZER_VERSION}.w{VOCABULARY_VERSION}",
    )


def _cache_file(folder: Path, sha256: str) -> Path:
    return folder / f"index-{sha256[:40]}-{tag()}.bin"


def read_cached(sha256: str) -> Index | None:
    """Return the cached index built from a file with this hash, or ``None``."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(_cache_file(folder, sha256), "rb") as fh:
            st = os.fstat(fh.fileno())
            if st.st_size == 0:
                return None
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            if time.time_ns() - st.st_mtime_ns > _MARK_NS:
                os.utime(fh.fileno())  # used: the least recently used files are the ones removed
        return _open(memoryview(mapped), sha256, verify=False)
    except Exception:  # noqa: BLE001 - the cache is optional: any doubt means a rebuild
        return None


#: The index of the bundled registry, built when the package is (``python -m aliasctl.matching.shipped``).
SHIPPED = Path(__file__).resolve().parent.parent / "data" / "aliases.index"


def read_shipped(sha256: str) -> Index | None:
    """The index shipped with the package, when it was built from a file with this hash, or ``None``.

    It is a cache file like the others (plain data, never code), and is used on the same
    terms: built by this version of aliasctl, its normalizer and vocabularies, from exactly
    these bytes; its payload's hash is checked too. Any other registry, an edited bundled
    registry or an artefact left from another version is built as usual.
    """
    found = _shipped(sha256)
    return found[0] if found is not None else None


def _shipped(sha256: str) -> tuple[Index, bytes] | None:
    """The shipped index for this hash, checked whole, and the bytes it was read from."""
    try:
        with open(SHIPPED, "rb") as fh:
            head = fh.read(65536)
            if f'"sha256":"{sha256}"'.encode("ascii") not in head:
                return None  # another registry's: not read further
            blob = head + fh.read()
        return _open(memoryview(blob), sha256, verify=True), blob
    except Exception:  # noqa: BLE001 - optional like the cache: any doubt means a build
        return None


def write_atomic(folder: Path, target: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or parts of them) to ``target`` in ``folder`` through a temporary file.

    No reader sees half of it.
    """
    import tempfile

    fd, tmp_name = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, bytes):
                fh.write(data)
            else:
                fh.writelines(data)
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise


def write_cached(index: Index, *, replaces: str | None = None) -> bool:
    """Store ``index`` in the cache and prune old files; errors are ignored (the cache is optional).

    Args:
        replaces: the hash of the registry this one replaces (the same path, changed):
            its index is removed.

    Returns:
        Whether the index was written.
    """
    folder = cache_dir()
    if folder is None:
        return False
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # In parts: a large registry's file is not copied whole into one more string.
        write_atomic(folder, _cache_file(folder, index.sha256), dump_parts(index))
    except (OSError, ValueError):
        return False
    prune(folder, keep=_cache_file(folder, index.sha256), drop=replaces)
    return True


def prune(folder: Path, *, keep: Path | None = None, drop: str | None = None) -> list[Path]:
    """Remove stale cache files: other versions' and formats', ``drop``'s, leftovers, the least recently used.

    Args:
        keep: a file never removed (the one just written).
        drop: the hash of a registry whose index is no longer wanted.

    Returns:
        The files removed.
    """
    removed: list[Path] = []
    current_tag = tag()
    now = time.time_ns()
    current: list[tuple[int, Path]] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        path = Path(entry.path)
        if path == keep:
            continue
        try:
            mtime = entry.stat(follow_symlinks=False).st_mtime_ns
        except OSError:
            continue
        stale = False
        if name.startswith("index-") and name.endswith(".bin"):
            stale = not name.endswith(f"-{current_tag}.bin") or (drop is not None and name.startswith(f"index-{drop[:40]}-"))
            if not stale:
                current.append((mtime, path))
        elif name.startswith("words-") and name.endswith(".bin"):
            # The kept tables of another version, or of an install not used for long (rebuilt if it is).
            stale = not name.endswith(f"-{current_tag}.bin") or now - mtime > 90 * 24 * _MARK_NS
        elif name.startswith(".index-") and name.endswith(".tmp"):
            stale = now - mtime > _MARK_NS  # a write that a killed run left
        elif name.startswith("registry-") and name.endswith(".json"):
            stale = now - mtime > 90 * 24 * _MARK_NS
        if stale and _unlink(path):
            removed.append(path)
    current.sort(reverse=True)
    for _, path in current[KEEP_FILES - 1 :]:
        if _unlink(path):
            removed.append(path)
    return removed


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
        return True
    except OSError:
        return False


# -- the registry's hash --------------------------------------------------------


def _note_file(folder: Path, path: Path) -> Path:
    # The note holds the path it is about: two paths of one checksum cannot mistake each other's.
    where = os.path.realpath(path).encode("utf-8", "surrogateescape")
    return folder / f"registry-{zlib.crc32(where):08x}-{len(where)}.json"


def _stat_mark(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_ino, st.st_dev, st.st_mtime_ns, st.st_ctime_ns]


def _noted_hash(folder: Path | None, path: Path) -> tuple[str | None, Mapping[str, Any]]:
    """The hash a note gives for ``path`` when its file is unchanged since (or None), and the note."""
    if folder is None:
        return None, {}
    try:
        st = os.stat(path)
        with open(_note_file(folder, path), "rb") as fh:
            note = json.loads(fh.read())
    except (OSError, ValueError):
        return None, {}
    if not isinstance(note, dict):
        return None, {}
    sha = note.get("sha256")
    checked = note.get("checked_ns")
    if (
        isinstance(sha, str)
        and len(sha) == 64
        and note.get("path") == os.path.realpath(path)
        and note.get("stat") == _stat_mark(st)
        and isinstance(checked, int)
        and checked - st.st_mtime_ns >= SETTLED_NS
    ):
        return sha, note
    return None, note


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _write_note(folder: Path, path: Path, sha: str, st: os.stat_result, checked_ns: int) -> None:
    note = {"path": os.path.realpath(path), "sha256": sha, "stat": _stat_mark(st), "checked_ns": checked_ns}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder, _note_file(folder, path), json.dumps(note).encode("utf-8"))
    except OSError:
        pass


def load_index(path: str | os.PathLike[str] | None = None) -> Index:
    """Return the compiled index of a registry, from the cache when it is current.

    Raises:
        RegistryError: the registry is not valid (exit code 65).
        InputMissingError: it cannot be read (exit code 66).
    """
    p = registry_path(path)
    folder = cache_dir()
    sha, note = _noted_hash(folder, p)
    if sha is not None:
        cached = read_cached(sha)
        if cached is not None:
            return cached
    import hashlib

    started = time.time_ns()
    before = _stat(p)
    data = read_bytes(p)
    sha = hashlib.sha256(data).hexdigest()
    # A note says what these bytes hash to only if the file did not change while they were read.
    after = _stat(p)
    if (
        folder is not None
        and before is not None
        and after is not None
        and len(data) == before.st_size
        and _stat_mark(before) == _stat_mark(after)
    ):
        _write_note(folder, p, sha, before, started)
    cached = read_cached(sha)
    if cached is not None:
        return cached
    previous = note.get("sha256")
    replaces = previous if isinstance(previous, str) and previous != sha else None
    shipped = _shipped(sha)
    if shipped is not None:
        # Checked whole once, then kept in the cache folder like a file built here: later
        # lookups map it from there, as they do any cache file.
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                write_atomic(folder, _cache_file(folder, sha), shipped[1])
                prune(folder, keep=_cache_file(folder, sha), drop=replaces)
            except OSError:
                pass
        return shipped[0]
    from ..registry.loader import decode, load_strict

    spath = os.fspath(p)
    index = Index.from_registry(load_strict(decode(data, spath), spath, sha))
    del data  # the registry's text and objects are gone before the word index is built
    if write_cached(index, replaces=replaces):
        # The file just written, mapped: the lists built here are freed.
        mapped = read_cached(sha)
        if mapped is not None:
            return mapped
    return index


__all__ = [
    "RegistryError",
    "dump_index",
    "dump_parts",
    "load_index",
    "load_index_bytes",
    "prune",
    "read_cached",
    "read_shipped",
    "tag",
    "write_atomic",
    "write_cached",
]
