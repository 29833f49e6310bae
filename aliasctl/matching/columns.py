"""Columns read in place from a cache file: decoded only where a lookup looks.

A cached index is a memory-mapped file of flat sections (see
:mod:`aliasctl.matching.cache`). These classes give the resolver the
sequences and mappings it expects over those sections without decoding them
first:

* :class:`TextColumn`: strings in blocks of :data:`PER_BLOCK`, each block
  compressed; reading one string inflates one small block;
* :class:`HashedTable`: form -> positions, as positions sorted by a CRC-32 of
  their form; a hit is checked against the form itself, so a collision costs a
  comparison, never a wrong answer;
* :class:`RaggedMap`: form -> a list of integers, the forms sorted (a
  :class:`TextColumn`) and each list stored alone (compressed when long);
* :class:`LazyList`: a value per position, worked out on first use.

Integer columns are plain ``memoryview`` casts of the mapped bytes.
"""

from __future__ import annotations

import bisect
import itertools
import sys
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Generic, TypeVar, overload

#: How many strings a compressed block of a text column holds.
PER_BLOCK = 64
#: Separates strings inside a block; the loader refuses control characters, so no name holds it.
SEP = "\x1f"
_SEPB = SEP.encode("ascii")
#: Blocks kept inflated per column; more are dropped all at once (a lookup touches few).
_KEEP_BLOCKS = 256
#: A list of integers longer than this many bytes is compressed.
_COMPRESS_OVER = 96
_RAW, _ZLIB = 0, 1
#: A table of this many entries or more is ordered with numpy (see :func:`hash_order`).
_NUMPY_FROM = 20_000

T = TypeVar("T")


def form_hash(form: str) -> int:
    """The stable hash a :class:`HashedTable` files a form under (CRC-32 of its UTF-8)."""
    return zlib.crc32(form.encode("utf-8", "surrogatepass"))


# -- encoding (used when a cache file is written) ------------------------------


def encode_text(values: Iterable[str]) -> tuple[bytes, array[int], int]:
    """Encode strings as compressed blocks.

    Returns:
        The blocks' bytes, the offset of each block and of the end (``"q"``), and the count.
    """
    chunks: list[bytes] = []
    offsets = array("q", [0])
    size = 0
    count = 0
    it = iter(values)
    while True:
        block = list(itertools.islice(it, PER_BLOCK))
        if not block:
            break
        count += len(block)
        raw = SEP.join(block).encode("utf-8", "surrogatepass")
        data = zlib.compress(raw, 1)
        chunks.append(data)
        size += len(data)
        offsets.append(size)
    return b"".join(chunks), offsets, count


def encode_ints(lists: Iterable[Iterable[int]]) -> tuple[bytes, array[int]]:
    """Encode lists of non-decreasing integers (differences, compressed when long).

    Returns:
        The bytes and the offset of each list and of the end (``"q"``).
    """
    chunks: list[bytes] = []
    offsets = array("q", [0])
    size = 0
    for values in lists:
        vals = list(values)
        deltas = array("i", [b - a for a, b in zip([0, *vals], vals, strict=False)])
        raw = deltas.tobytes()
        data = bytes([_ZLIB]) + zlib.compress(raw, 1) if len(raw) > _COMPRESS_OVER else bytes([_RAW]) + raw
        chunks.append(data)
        size += len(data)
        offsets.append(size)
    return b"".join(chunks), offsets


def hash_order(forms: Sequence[str], positions: Sequence[int]) -> tuple[array[int], array[int]]:
    """The (hash, position) pairs of a table's entries, sorted: the two columns of a :class:`HashedTable`."""
    if len(forms) != len(positions):
        raise ValueError("hash_order: forms and positions differ in length")
    if len(forms) < _NUMPY_FROM and "numpy" not in sys.modules:
        # Importing numpy costs more than sorting a small table.
        pairs = sorted(zip(map(form_hash, forms), positions, strict=True))
        return array("I", [h for h, _ in pairs]), array("i", [p for _, p in pairs])
    import numpy as np  # only where a cache file is written: a lookup never imports it

    hashes = np.fromiter(map(form_hash, forms), dtype=np.uint32, count=len(forms))
    where = np.fromiter(positions, dtype=np.int32, count=len(positions))
    # By hash, then by position: what sorting the (hash, position) pairs gives, at C speed.
    order = np.lexsort((where, hashes))
    out_h, out_p = array("I"), array("i")
    out_h.frombytes(hashes[order].tobytes())
    out_p.frombytes(where[order].tobytes())
    return out_h, out_p


# -- reading --------------------------------------------------------------------


def _inflate(data: memoryview | bytes) -> bytes:
    return zlib.decompress(data)


class TextColumn(Sequence[str]):
    """Strings stored as compressed blocks, inflated block by block as they are read."""

    __slots__ = ("_all", "_blocks", "_count", "_data", "_inflated", "_offsets")

    def __init__(self, data: memoryview | bytes, offsets: Sequence[int], count: int) -> None:
        if len(offsets) != -(-count // PER_BLOCK) + 1 or (count and offsets[-1] != len(data)) or offsets[0] != 0:
            raise ValueError("text column: bad block offsets")
        self._data = data
        self._offsets = offsets
        self._count = count
        self._blocks: dict[int, list[str]] = {}
        self._all: list[str] | None = None
        self._inflated = 0

    def _block(self, b: int) -> list[str]:
        found = self._blocks.get(b)
        if found is None:
            if self._all is not None:
                return self._all[b * PER_BLOCK : (b + 1) * PER_BLOCK]
            self._inflated += 1
            if self._inflated > len(self._offsets) and len(self._offsets) - 1 > _KEEP_BLOCKS:
                # As many blocks inflated as the column holds, and more to come (a batch, not a
                # lookup): decoding the whole column once costs less than dropping blocks and
                # inflating them again.
                return self.materialize()[b * PER_BLOCK : (b + 1) * PER_BLOCK]
            found = self._inflated_block(b)
            if len(self._blocks) >= _KEEP_BLOCKS:
                self._blocks.clear()
            self._blocks[b] = found
        return found

    def _inflated_block(self, b: int) -> list[str]:
        lo, hi = self._offsets[b], self._offsets[b + 1]
        if not 0 <= lo <= hi <= len(self._data):
            raise ValueError("text column: bad block offsets")
        found = _inflate(self._data[lo:hi]).decode("utf-8", "surrogatepass").split(SEP)
        want = min(PER_BLOCK, self._count - b * PER_BLOCK)
        if len(found) != want:
            raise ValueError("text column: a block holds the wrong number of strings")
        return found

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if self._all is not None:
            return self._all[i]
        if isinstance(i, slice):
            start, stop, step = i.indices(self._count)
            if step != 1:
                return [self[j] for j in range(start, stop, step)]
            if stop <= start:
                return []
            out: list[str] = []
            for b in range(start // PER_BLOCK, (stop - 1) // PER_BLOCK + 1):
                base = b * PER_BLOCK
                out.extend(self._block(b)[max(start - base, 0) : stop - base])
            return out
        if i < 0:
            i += self._count
        if not 0 <= i < self._count:
            raise IndexError("text column index out of range")
        return self._block(i // PER_BLOCK)[i % PER_BLOCK]

    def __iter__(self) -> Iterator[str]:
        return iter(self.materialize())

    def materialize(self) -> list[str]:
        """Every string, decoded once and kept (for a pass over the whole column)."""
        if self._all is None:
            out: list[str] = []
            for b in range(len(self._offsets) - 1):
                found = self._blocks.pop(b, None)
                out.extend(found if found is not None else self._inflated_block(b))
            self._all = out
            self._blocks.clear()
        return self._all


class HashedTable:
    """A read-only multimap from a form to positions, filed by the form's hash.

    ``form_of(position)`` gives the form an entry was filed under; a lookup
    keeps only the entries whose form is the one asked for. Positions of one
    form come out in increasing order, as from :class:`aliasctl.matching.index.Table`.
    """

    __slots__ = ("_form_of", "hashes", "positions")

    def __init__(self, hashes: Sequence[int], positions: Sequence[int], form_of: Callable[[int], str]) -> None:
        if len(hashes) != len(positions):
            raise ValueError("hashed table: length")
        self.hashes = hashes
        self.positions = positions
        self._form_of = form_of

    def get(self, form: str, default: list[int] | None = None) -> list[int] | None:
        """Return the positions stored under ``form``, or ``default``."""
        h = form_hash(form)
        lo = bisect.bisect_left(self.hashes, h)
        out: list[int] = []
        n = len(self.hashes)
        while lo < n and self.hashes[lo] == h:
            pos = self.positions[lo]
            if self._form_of(pos) == form:
                out.append(pos)
            lo += 1
        return out or default

    @property
    def forms(self) -> list[str]:
        """The form of each entry, in the table's order (worked out: for a pass over the whole table)."""
        return [self._form_of(p) for p in self.positions]


class IdMap(Mapping[str, int]):
    """Entity id -> entity position, over a :class:`HashedTable` of the ids."""

    __slots__ = ("_ids", "table")

    def __init__(self, ids: Sequence[str], table: HashedTable) -> None:
        self._ids = ids
        self.table = table

    def __getitem__(self, key: str) -> int:
        hits = self.table.get(key) if isinstance(key, str) else None
        if not hits:
            raise KeyError(key)
        return hits[0]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self.table.get(key))

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class RaggedMap(Mapping[str, list[int]]):
    """Form -> a list of integers: the sorted forms, and each form's list stored alone."""

    __slots__ = ("_data", "_offsets", "forms")

    def __init__(self, forms: Sequence[str], data: memoryview | bytes, offsets: Sequence[int]) -> None:
        if len(offsets) != len(forms) + 1 or offsets[0] != 0 or offsets[-1] != len(data):
            raise ValueError("ragged column: bad offsets")
        self.forms = forms
        self._data = data
        self._offsets = offsets

    def find(self, form: str) -> int:
        """The position of ``form`` among the sorted forms, or -1."""
        i = bisect.bisect_left(self.forms, form)
        return i if i < len(self.forms) and self.forms[i] == form else -1

    def at(self, i: int) -> list[int]:
        """The list of the ``i``-th form."""
        lo, hi = self._offsets[i], self._offsets[i + 1]
        if not 0 <= lo < hi <= len(self._data):
            raise ValueError("ragged column: bad offsets")
        kind = self._data[lo]
        raw = self._data[lo + 1 : hi]
        deltas = array("i")
        deltas.frombytes(_inflate(raw) if kind == _ZLIB else bytes(raw))
        return list(itertools.accumulate(deltas))

    def __getitem__(self, form: str) -> list[int]:
        i = self.find(form)
        if i < 0:
            raise KeyError(form)
        return self.at(i)

    def __contains__(self, form: object) -> bool:
        return isinstance(form, str) and self.find(form) >= 0

    def __iter__(self) -> Iterator[str]:
        return iter(self.forms)

    def __len__(self) -> int:
        return len(self.forms)


class Sizes(Mapping[str, int]):
    """Form -> how many items a :class:`RaggedMap` holds under it."""

    __slots__ = ("_of",)

    def __init__(self, of: RaggedMap) -> None:
        self._of = of

    def __getitem__(self, form: str) -> int:
        return len(self._of[form])

    def __iter__(self) -> Iterator[str]:
        return iter(self._of)

    def __len__(self) -> int:
        return len(self._of)


class AsSets(Mapping[str, frozenset[int]]):
    """A :class:`RaggedMap` whose lists are read as sets."""

    __slots__ = ("_of",)

    def __init__(self, of: RaggedMap) -> None:
        self._of = of

    def __getitem__(self, form: str) -> frozenset[int]:
        return frozenset(self._of[form])

    def __iter__(self) -> Iterator[str]:
        return iter(self._of)

    def __len__(self) -> int:
        return len(self._of)


class FormsOf(Mapping[str, list[str]]):
    """Form -> other forms, stored as their positions in a sorted forms column."""

    __slots__ = ("_forms", "_of")

    def __init__(self, of: RaggedMap, forms: Sequence[str]) -> None:
        self._of = of
        self._forms = forms

    def __getitem__(self, key: str) -> list[str]:
        return [self._forms[i] for i in self._of[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._of)

    def __len__(self) -> int:
        return len(self._of)


class ByPrefix(Mapping[str, list[str]]):
    """A prefix of ``width`` characters -> the forms of a sorted column that start with it."""

    __slots__ = ("_forms", "_skip", "_width")

    def __init__(self, forms: Sequence[str], width: int, skip: str = "") -> None:
        self._forms = forms
        self._width = width
        self._skip = skip  # forms starting with this are left out

    def __getitem__(self, prefix: str) -> list[str]:
        found = self.get(prefix)
        if found is None:
            raise KeyError(prefix)
        return found

    def get(self, prefix: str, default: object = None) -> list[str] | None:  # type: ignore[override]
        """The forms that start with ``prefix`` (and are at least ``width`` long), or ``default``."""
        if len(prefix) != self._width:
            return default  # type: ignore[return-value]
        lo = bisect.bisect_left(self._forms, prefix)
        out: list[str] = []
        for i in range(lo, len(self._forms)):
            form = self._forms[i]
            if not form.startswith(prefix):
                break
            if not (self._skip and form.startswith(self._skip)):
                out.append(form)
        return out or default  # type: ignore[return-value]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys(f[: self._width] for f in self._forms if not (self._skip and f.startswith(self._skip))))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Counts(Mapping[str, int]):
    """Form -> a number: the sorted forms and a parallel integer column."""

    __slots__ = ("_counts", "forms")

    def __init__(self, forms: Sequence[str], counts: Sequence[int]) -> None:
        if len(forms) != len(counts):
            raise ValueError("counts: length")
        self.forms = forms
        self._counts = counts

    def __getitem__(self, form: str) -> int:
        i = bisect.bisect_left(self.forms, form)
        if i < len(self.forms) and self.forms[i] == form:
            return self._counts[i]
        raise KeyError(form)

    def __iter__(self) -> Iterator[str]:
        return iter(self.forms)

    def __len__(self) -> int:
        return len(self.forms)


class LazyList(Sequence[T], Generic[T]):
    """A value per position, worked out by ``make`` on first use and kept."""

    __slots__ = ("_done", "_make", "_n")

    def __init__(self, n: int, make: Callable[[int], T]) -> None:
        self._n = n
        self._make = make
        self._done: dict[int, T] = {}

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> T: ...

    @overload
    def __getitem__(self, i: slice) -> list[T]: ...

    def __getitem__(self, i: int | slice) -> T | list[T]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._n))]
        # A value worked out before is at a position in range: the word stage asks for the
        # words of each candidate name, many times over.
        found = self._done.get(i)
        if found is not None:
            return found
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError("index out of range")
        found = self._done.get(i)
        if found is None:
            found = self._done[i] = self._make(i)
        return found

    def many(self, positions: Iterable[int]) -> list[T]:
        """The values at ``positions`` (each in range), in their order: one call for a list of
        positions instead of one indexing each."""
        done, make, n = self._done, self._make, self._n
        out: list[T] = []
        for i in positions:
            found = done.get(i)
            if found is None:
                if not 0 <= i < n:
                    raise IndexError("index out of range")
                found = done[i] = make(i)
            out.append(found)
        return out


__all__ = [
    "PER_BLOCK",
    "SEP",
    "AsSets",
    "ByPrefix",
    "Counts",
    "FormsOf",
    "HashedTable",
    "IdMap",
    "LazyList",
    "RaggedMap",
    "Sizes",
    "TextColumn",
    "encode_ints",
    "encode_text",
    "form_hash",
    "hash_order",
]
