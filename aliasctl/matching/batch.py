"""Resolve a column of names at once: each distinct value once, the answers mapped back as columns.

:func:`resolve_many` is the one vectorised call the engines (pandas, Polars,
DuckDB, Dask, Spark) are thin adapters over. It takes a sequence of names, a
pandas Series or an Arrow array and returns :class:`ResolvedColumns`: for each
input, ``status``, ``id``, ``name``, ``score``, ``method`` and
``matched_alias`` (and ``candidates`` on request), as Arrow, numpy, pandas or
plain Python.

- Each distinct value is resolved once: the answers a resolver has given are
  kept with it (for every later call, from any thread, up to
  :data:`MEMO_LIMIT` distinct values), as columns of small integer codes, so
  that mapping them back onto millions of rows is a few array ``take`` s and no
  Python loop over the rows.
- A null, a blank string (as ``clean`` leaves its cells blank) or a value
  that is not a string has a null answer: every field null (a null struct in
  Arrow). An Arrow array of another type than text is refused.
- ``score`` is rounded to one decimal and null for an unresolved name, as in
  the columns ``clean`` adds; every other field is the :class:`Match`'s.
- The answers are those of :meth:`Resolver.resolve` one by one, whatever the
  order, the batching or the threads (the resolver is pure; a value two
  threads resolve at once gets the same answer twice, and one is kept).

:func:`set_scoring_threads` says how many threads the resolver's fuzzy
scoring (``rapidfuzz.process.cdist``) may start in this process: one per
core by default, which suits a process that resolves alone; a worker among
others (``clean``'s forked workers, a Dask or Spark worker) uses one, or two
workers on two cores would run four scoring threads.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .portable import MatchColumns
from .resolver import UNRESOLVED, Match, Resolver

#: The answer columns, in order.
FIELDS = ("status", "id", "name", "score", "method", "matched_alias")
#: The fields of each candidate in the ``candidates`` column.
CANDIDATE_FIELDS = ("id", "name", "score", "alias", "method")
#: Distinct values kept with a resolver before its answers are started afresh.
MEMO_LIMIT = 2_000_000
_TEXT_FIELDS = ("status", "id", "name", "method", "matched_alias")


def set_scoring_threads(threads: int) -> None:
    """Let the resolver's fuzzy scoring in this process use ``threads`` threads (-1: one per core).

    The scores are the same whatever the count; only how many threads each
    block of queries is scored on changes.
    """
    from . import scoring

    scoring.set_threads(threads)


def scoring_threads() -> int:
    """The threads the resolver's fuzzy scoring may use in this process (-1: one per core)."""
    from . import scoring

    return scoring.threads()


def arrow_type(candidates: bool = False) -> Any:
    """The Arrow type of the answers: a struct of :data:`FIELDS` (and ``candidates``)."""
    import pyarrow as pa

    fields = [pa.field(f, pa.float64() if f == "score" else pa.string()) for f in FIELDS]
    if candidates:
        fields.append(pa.field("candidates", pa.list_(candidate_type())))
    return pa.struct(fields)


def candidate_type() -> Any:
    """The Arrow type of one candidate."""
    import pyarrow as pa

    return pa.struct(
        [pa.field(f, pa.float64() if f == "score" else pa.string()) for f in CANDIDATE_FIELDS]
    )


class _Vocab:
    """The distinct strings of one field, coded as integers, with array views made on demand."""

    __slots__ = ("_arrow", "_numpy", "codes", "items")

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}
        self.items: list[str] = []
        self._arrow: Any = None
        self._numpy: np.ndarray[Any, Any] | None = None

    def code(self, text: str | None) -> int:
        if text is None:
            return -1
        c = self.codes.get(text)
        if c is None:
            c = self.codes[text] = len(self.items)
            self.items.append(text)
        return c

    def arrow(self) -> Any:
        """The strings as an Arrow array: only the new ones converted, the rest copied as bytes."""
        import pyarrow as pa

        done = 0 if self._arrow is None else len(self._arrow)
        if done < len(self.items):
            new = pa.array(self.items[done:], pa.string())
            self._arrow = new if self._arrow is None else pa.concat_arrays([self._arrow, new])
        return pa.array([], pa.string()) if self._arrow is None else self._arrow

    def numpy(self) -> np.ndarray[Any, Any]:
        """The strings as an object array with ``None`` last (so that code -1 gives ``None``)."""
        if self._numpy is None or len(self._numpy) != len(self.items) + 1:
            out = np.empty(len(self.items) + 1, dtype=object)
            out[: len(self.items)] = self.items
            out[-1] = None
            self._numpy = out
        return self._numpy


class _Answers:
    """Every distinct value one resolver has answered, its answer as a row of codes."""

    def __init__(self, resolver: Resolver, top: int) -> None:
        self.resolver = resolver
        self.top = top
        self.lock = threading.Lock()
        self.rows: dict[str, int] = {}
        self.matches: list[Match] = []
        self.vocabs = {f: _Vocab() for f in _TEXT_FIELDS}
        self.codes = {f: np.empty(1024, dtype=np.int32) for f in _TEXT_FIELDS}
        self.score = np.empty(1024, dtype=np.float64)
        self.primed: set[str] = set()

    def rows_of(self, distinct: Sequence[object]) -> tuple[np.ndarray[Any, Any], _Snapshot]:
        """The answer row of each distinct value (-1: none), resolving the new ones."""
        texts = [_text(v) for v in distinct]
        rows = self.rows
        with self.lock:
            found = [-1 if t is None else rows.get(t, -1) for t in texts]
        todo = list(dict.fromkeys(t for t, r in zip(texts, found, strict=True) if r < 0 and t is not None))
        if todo:
            answers = self.resolver.resolve_batch(todo, top=self.top)  # outside the lock: it is pure
            _count(len(todo))
            with self.lock:
                for value, match in zip(todo, answers, strict=True):
                    if value not in rows:
                        self._append(value, match)
                found = [-1 if t is None else rows[t] for t in texts]
        out = np.fromiter(found, dtype=np.int64, count=len(found))
        with self.lock:
            n = len(self.matches)
            # The list itself, not a copy: it only grows, and these rows index below n.
            return out, _Snapshot(self, {f: self.codes[f][:n] for f in _TEXT_FIELDS}, self.score[:n], self.matches)

    def _append(self, value: str, match: Match) -> None:
        n = len(self.matches)
        if n == len(self.score):
            # Grown by copying: a snapshot keeps the arrays it took, and rows below n never change.
            for f in _TEXT_FIELDS:
                self.codes[f] = np.concatenate([self.codes[f], np.empty(n, dtype=np.int32)])
            self.score = np.concatenate([self.score, np.empty(n, dtype=np.float64)])
        for f in _TEXT_FIELDS:
            self.codes[f][n] = self.vocabs[f].code(getattr(match, f))
        self.score[n] = np.nan if match.status == UNRESOLVED else round(match.score, 1)
        self.matches.append(match)
        self.rows[value] = n

    def prime(self, token: str, values: Sequence[str], matches: Sequence[Match]) -> bool:
        """Take answers worked out elsewhere (once per ``token``); whether they were new here."""
        with self.lock:
            if token in self.primed:
                return False
            self.primed.add(token)
            for value, match in zip(values, matches, strict=True):
                if value not in self.rows:
                    self._append(value, match)
            return True

    def arrow_vocab(self, field: str) -> Any:
        with self.lock:
            return self.vocabs[field].arrow()

    def numpy_vocab(self, field: str) -> np.ndarray[Any, Any]:
        with self.lock:
            return self.vocabs[field].numpy()


def _text(value: object) -> str | None:
    """The name to resolve in a value: a non-blank string (numpy's too), else nothing."""
    if not isinstance(value, str):
        return None
    text = value if type(value) is str else str(value)
    return text if text.strip() else None


@dataclass(frozen=True)
class _Snapshot:
    """The answers as they were when a call took them (rows are only ever added)."""

    answers: _Answers
    codes: dict[str, np.ndarray[Any, Any]]
    score: np.ndarray[Any, Any]
    matches: list[Match]


_resolved = [0]


def _count(n: int) -> None:
    with _memo_lock:
        _resolved[0] += n


def resolved_values() -> int:
    """How many values this process has resolved through :func:`resolve_many` (answers kept are not counted again)."""
    with _memo_lock:
        return _resolved[0]


_memo_lock = threading.Lock()
_memos: weakref.WeakKeyDictionary[Resolver, dict[int, _Answers]] = weakref.WeakKeyDictionary()


def _answers(resolver: Resolver, top: int) -> _Answers:
    with _memo_lock:
        by_top = _memos.setdefault(resolver, {})
        answers = by_top.get(top)
        if answers is None or len(answers.matches) > MEMO_LIMIT:
            answers = by_top[top] = _Answers(resolver, top)
        return answers


@dataclass(frozen=True)
class ResolvedColumns:
    """The answers for a column of names, one row per input, in the input's order.

    Convert with :meth:`to_arrow`, :meth:`to_numpy`, :meth:`to_pandas` or
    :meth:`to_pylist`; :meth:`match` gives the full :class:`Match` of a row.
    """

    rows: np.ndarray[Any, Any]
    snapshot: _Snapshot
    candidates: bool = False

    def __len__(self) -> int:
        return len(self.rows)

    def match(self, i: int) -> Match | None:
        """The full answer for input ``i`` (``None`` for a null, blank or non-text value)."""
        r = int(self.rows[i])
        return None if r < 0 else self.snapshot.matches[r]

    def _codes(self, field: str) -> np.ndarray[Any, Any]:
        """The field's codes for every input (-1: null)."""
        codes = self.snapshot.codes[field]
        if not len(codes):
            return np.full(len(self.rows), -1, dtype=np.int32)
        out = codes[np.where(self.rows >= 0, self.rows, 0)]
        out[self.rows < 0] = -1
        return out

    def _scores(self) -> np.ndarray[Any, Any]:
        score = self.snapshot.score
        if not len(score):
            return np.full(len(self.rows), np.nan)
        out = score[np.where(self.rows >= 0, self.rows, 0)]
        out[self.rows < 0] = np.nan
        return out

    def to_arrow(self) -> Any:
        """A :class:`pyarrow.StructArray` of the answers (null where the input had no answer)."""
        import pyarrow as pa

        arrays = []
        for f in FIELDS:
            if f == "score":
                s = self._scores()
                arrays.append(pa.array(s, pa.float64(), mask=np.isnan(s)))
            else:
                codes = self._codes(f)
                arrays.append(self.snapshot.answers.arrow_vocab(f).take(pa.array(codes, pa.int32(), mask=codes < 0)))
        names = list(FIELDS)
        if self.candidates:
            arrays.append(self._candidates_arrow())
            names.append("candidates")
        return pa.StructArray.from_arrays(arrays, names=names, mask=pa.array(self.rows < 0))

    def _candidates_arrow(self) -> Any:
        import pyarrow as pa

        used, back = np.unique(self.rows, return_inverse=True)
        lists = [None if r < 0 else _candidate_dicts(self.snapshot.matches[r]) for r in used.tolist()]
        return pa.array(lists, pa.list_(candidate_type())).take(pa.array(back.reshape(-1)))

    def to_numpy(self) -> dict[str, np.ndarray[Any, Any]]:
        """One array per field: objects (``None`` for null), ``score`` as float64 (NaN for null)."""
        out: dict[str, np.ndarray[Any, Any]] = {}
        for f in FIELDS:
            out[f] = self._scores() if f == "score" else self.snapshot.answers.numpy_vocab(f)[self._codes(f)]
        if self.candidates:
            used, back = np.unique(self.rows, return_inverse=True)
            lists = np.empty(len(used), dtype=object)
            lists[:] = [None if r < 0 else _candidate_dicts(self.snapshot.matches[r]) for r in used.tolist()]
            out["candidates"] = lists[back.reshape(-1)]
        return out

    def to_pandas(self, index: Any = None, *, strings: Any = None) -> Any:
        """A pandas DataFrame of the answers, on ``index``: ``score`` float64, the rest object.

        Args:
            index: the frame's index (default: 0, 1, ...).
            strings: a pandas string dtype (``pd.StringDtype("pyarrow")``) for the text
                columns instead of object, made from Arrow without a Python string per cell.
        """
        import pandas as pd

        if strings is not None:
            import pyarrow as pa

            struct = self.to_arrow()
            mapper = {pa.string(): strings}.get
            return pd.DataFrame(
                {
                    name: pd.Series(
                        struct.field(k).to_pandas(types_mapper=mapper if name != "candidates" else None),
                        dtype=None if name != "score" else "float64",
                    ).set_axis(index if index is not None else pd.RangeIndex(len(struct)))
                    for k, name in enumerate(struct.type.names)
                },
                index=index,
            )
        cols = self.to_numpy()
        return pd.DataFrame(
            {f: pd.Series(v, index=index, dtype="float64" if f == "score" else object) for f, v in cols.items()},
            index=index,
        )

    def to_pylist(self) -> list[dict[str, Any] | None]:
        """One dict per input (``None`` where there is no answer)."""
        cols = self.to_numpy()
        out: list[dict[str, Any] | None] = []
        for i, r in enumerate(self.rows.tolist()):
            if r < 0:
                out.append(None)
                continue
            row = {f: cols[f][i] for f in cols}
            row["score"] = None if np.isnan(row["score"]) else float(row["score"])
            out.append(row)
        return out


def _candidate_dicts(match: Match) -> list[dict[str, Any]]:
    return [
        {"id": c.id, "name": c.name, "score": round(c.score, 1), "alias": c.alias, "method": c.method}
        for c in match.candidates
    ]


def answer_of(match: Match | None) -> dict[str, Any] | None:
    """The row :func:`resolve_many` gives for ``match`` (``None``: no answer), for comparisons."""
    if match is None:
        return None
    return {
        "status": match.status,
        "id": match.id,
        "name": match.name,
        "score": None if match.status == UNRESOLVED else round(match.score, 1),
        "method": match.method,
        "matched_alias": match.matched_alias,
    }


def is_text_type(dtype: Any) -> bool:
    """Whether an Arrow type holds text: a string type, or a dictionary of one."""
    import pyarrow as pa

    if pa.types.is_dictionary(dtype):
        dtype = dtype.value_type
    return bool(
        pa.types.is_string(dtype)
        or pa.types.is_large_string(dtype)
        or getattr(pa.types, "is_string_view", lambda _: False)(dtype)
        or pa.types.is_null(dtype)
    )


def resolve_codes(
    resolver: Resolver,
    distinct: Sequence[object],
    codes: np.ndarray[Any, Any] | None = None,
    *,
    candidates: bool = False,
    top: int = 5,
) -> ResolvedColumns:
    """Resolve distinct values and map them back through ``codes``.

    Args:
        resolver: the resolver.
        distinct: the distinct values (anything that is not a non-blank string gets no answer).
        codes: for each input, the position of its value in ``distinct`` (-1: null);
            ``None``: the inputs are ``distinct`` themselves.
        candidates: add a ``candidates`` column.
        top: how many candidates to keep.
    """
    rows, snapshot = _answers(resolver, top).rows_of(distinct)
    if codes is not None:
        rows = np.append(rows, -1)[np.asarray(codes, dtype=np.int64)]
    return ResolvedColumns(rows, snapshot, candidates)


def prime(resolver: Resolver, token: str, values: Sequence[str], matches: Sequence[Match], *, top: int = 5) -> bool:
    """Give ``resolver`` answers worked out elsewhere, as if it had resolved ``values`` itself.

    Used where the distinct values of a dataset are resolved once, split
    among workers, and every worker then maps its rows through all the
    answers. ``token`` names the set of answers: priming twice with one token
    does nothing the second time.

    Args:
        resolver: the resolver whose answers these are (with the same minimum score).
        token: names this set of answers.
        values: the names.
        matches: ``resolver.resolve_batch(values, top=top)``.
        top: the ``top`` they were resolved with.

    Returns:
        Whether the answers were new to this resolver.
    """
    return _answers(resolver, top).prime(token, values, matches)


def prime_columns(resolver: Resolver, token: str, values: Sequence[str], columns: MatchColumns, *, top: int = 5) -> bool:
    """:func:`prime` with answers packed as columns, unpacked only the first time ``token`` is seen here."""
    answers = _answers(resolver, top)
    with answers.lock:
        if token in answers.primed:
            return False
    return answers.prime(token, values, columns.unpack(values))


class RememberingResolver(Resolver):
    """A resolver whose :meth:`resolve_batch` keeps its answers with ``resolver`` (as :func:`resolve_many` does).

    For code written against :class:`Resolver` that runs many times over
    overlapping values (``clean`` on each file of a dataset): a value answered
    once, by any of them, in this process, is not resolved again.
    """

    def __init__(self, resolver: Resolver) -> None:
        super().__init__(resolver.index, resolver.min_score, disabled=resolver.disabled)
        self.inner = resolver

    def resolve_batch(self, texts: Sequence[str], *, top: int = 5) -> list[Match]:
        """The answers of :meth:`Resolver.resolve_batch`, each distinct value resolved once in this process."""
        cols = resolve_codes(self.inner, texts, top=top)
        out = []
        for i, text in enumerate(texts):
            match = cols.match(i)
            out.append(self.inner.resolve(text, top=top) if match is None else match)  # a blank: said so at once
        return out


def resolve_many(
    resolver: Resolver,
    values: Any,
    *,
    candidates: bool = False,
    top: int = 5,
) -> ResolvedColumns:
    """Resolve a column of names: each distinct value once, the answers in the input's order.

    Args:
        resolver: the resolver (:func:`aliasctl.matching.portable.open_resolver` gives one
            that travels to other processes).
        values: a sequence of names, a pandas Series or Index, a numpy array, or an
            Arrow array (plain, chunked or dictionary-encoded) of text.
        candidates: add a ``candidates`` column: a list of ``id, name, score, alias, method``.
        top: how many candidates to keep (as :meth:`Resolver.resolve`).

    Returns:
        :class:`ResolvedColumns`, one row per input.

    Raises:
        TypeError: an Arrow array whose type is not text.

    Example:
        >>> cols = resolve_many(open_resolver(), ["Daesh", None, "Daesh", "nobody at all"])
        >>> cols.to_pandas()["id"].tolist()
        ['islamic-state', None, 'islamic-state', None]
    """
    kind = type(values).__module__.split(".")[0]
    if kind == "pyarrow":
        return _resolve_arrow(resolver, values, candidates, top)
    if kind in ("pandas", "numpy"):
        import pandas as pd

        try:
            codes, uniques = pd.factorize(values, use_na_sentinel=True)
        except TypeError:  # unhashable objects (lists, dicts) among the values: none of them is a name
            pass
        else:
            return resolve_codes(resolver, list(uniques), codes, candidates=candidates, top=top)
    seq = list(values)
    first: dict[object, int] = {}
    distinct: list[object] = []
    codes_list = []
    for v in seq:
        if not isinstance(v, str):
            codes_list.append(-1)
            continue
        c = first.get(v)
        if c is None:
            c = first[v] = len(distinct)
            distinct.append(v)
        codes_list.append(c)
    return resolve_codes(
        resolver, distinct, np.array(codes_list, dtype=np.int64), candidates=candidates, top=top
    )


def _resolve_arrow(resolver: Resolver, values: Any, candidates: bool, top: int) -> ResolvedColumns:
    import pyarrow as pa

    if not is_text_type(values.type):
        raise TypeError(f"names must be text, not {values.type}")
    if pa.types.is_null(values.type) or not len(values):
        return resolve_codes(resolver, [], np.full(len(values), -1), candidates=candidates, top=top)
    enc = values if pa.types.is_dictionary(values.type) else values.dictionary_encode()
    if isinstance(enc, pa.ChunkedArray):
        enc = enc.unify_dictionaries()
        dictionary = enc.chunk(0).dictionary
        indices = pa.chunked_array([c.indices.cast(pa.int64()) for c in enc.chunks]).fill_null(-1)
    else:
        dictionary = enc.dictionary
        indices = enc.indices.cast(pa.int64()).fill_null(-1)
    codes = indices.to_numpy() if isinstance(indices, pa.ChunkedArray) else indices.to_numpy(zero_copy_only=False)
    return resolve_codes(resolver, dictionary.to_pylist(), codes, candidates=candidates, top=top)


__all__ = [
    "CANDIDATE_FIELDS",
    "FIELDS",
    "MEMO_LIMIT",
    "RememberingResolver",
    "ResolvedColumns",
    "answer_of",
    "arrow_type",
    "candidate_type",
    "is_text_type",
    "prime",
    "prime_columns",
    "resolve_codes",
    "resolve_many",
    "resolved_values",
    "scoring_threads",
    "set_scoring_threads",
]
