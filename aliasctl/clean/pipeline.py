"""Resolve columns of a table against the registry, leaving everything else as it was.

Values repeat in real tables (a million incident rows name a few thousand
groups), so each distinct value is resolved once: rows are read in blocks, the
values not seen before are resolved together (:meth:`Resolver.resolve_batch`)
and the answers kept in a dict, so that a value seen again costs one lookup.
Memory grows with the number of distinct values, never with the number of
rows.

For every resolved column four cells are added right after it:
``<col>_id``, ``<col>_name``, ``<col>_score`` and ``<col>_status``
(``matched``, ``ambiguous`` or ``unresolved``; all four are blank for a blank
cell). Added cells are always escaped against formula injection.
"""

from __future__ import annotations

import csv
import io
import itertools
import operator
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, TypeVar

from ..errors import AliasctlError, DataError, InputMissingError, OutputError, UsageError
from ..files import AtomicFile, is_write_error, open_input, same_file
from ..matching.resolver import AMBIGUOUS, MATCHED, UNRESOLVED, Match, Resolver
from ..tables.columns import REVIEW_HEADER, find_column
from ..tables.delimited import CsvDialect, bare_numbers
from ..tables.encodings import TextSink, lookup_codec
from ..tables.escape import escape_formula
from ..tables.splice import CHUNK_CHARS, Chunk, Splicer, insert, splice

ADDED_FIELDS = ("id", "name", "score", "status")
EMPTY = "empty"
BLOCK_ROWS = 20_000
#: Chunks of text read ahead while their values are being resolved (each about 4 MB).
SPLICE_AHEAD = 8
REVIEW_CANDIDATES = 3

Progress = Callable[[int], None]
T = TypeVar("T")


@dataclass(frozen=True)
class Naming:
    """How added columns are named: ``prefix + column + suffix + field``."""

    prefix: str = ""
    suffix: str = "_"

    def names(self, column: str) -> list[str]:
        """The four added column names for ``column``."""
        return [f"{self.prefix}{column}{self.suffix}{f}" for f in ADDED_FIELDS]


@dataclass
class ReviewItem:
    """A distinct value a person should look at."""

    value: str
    count: int
    match: Match
    first_row: int | None = None  # the table row it was first seen on (JSON Lines: the line)


@dataclass
class CleanReport:
    """What a clean run did."""

    rows: int = 0
    columns: list[str] = field(default_factory=list)
    distinct: int = 0
    cells: Counter[str] = field(default_factory=Counter)
    values: Counter[str] = field(default_factory=Counter)
    methods: Counter[str] = field(default_factory=Counter)
    ragged: int = 0
    ragged_lines: list[int] = field(default_factory=list)
    input_description: str = ""
    review: list[ReviewItem] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many cells ended with ``status``."""
        return self.cells.get(status, 0)


class ValueCache:
    """Each distinct value resolved once, its added cells kept for the next time.

    Args:
        resolver: the resolver.
        cells: turns a match into the four added cells, in the output's types
            (or into their text, ready to insert).
        top: candidates kept for the review queue.
    """

    def __init__(
        self,
        resolver: Resolver,
        cells: Callable[[Match | None], Any],
        top: int = REVIEW_CANDIDATES,
    ) -> None:
        self.resolver = resolver
        self._cells_of = cells
        self.top = top
        self.blank = cells(None)
        self.cells: dict[str, Any] = {}
        self.matches: dict[str, Match] = {}
        self.counts: Counter[str] = Counter()
        self.first_rows: dict[str, int] = {}
        self._asked: set[str] = set()
        self._background: _Background | None = None

    def learn(self, values: list[str], row_of: Callable[[int], int] | None = None) -> dict[str, Any]:
        """Count ``values`` and resolve the ones not seen before; return the cell table."""
        return self.settle(self.prepare(values, row_of))

    def prepare(self, values: list[str], row_of: Callable[[int], int] | None = None) -> tuple[list[str], Any]:
        """Count ``values`` and start resolving the new ones (in the background when started).

        Args:
            values: the values of a block.
            row_of: the table row of ``values[k]``, to note where a value is first seen.
        """
        self.counts.update(values)
        cells = self.cells
        asked = self._asked
        new = [v for v in set(values) if v not in cells and v not in asked]
        if new and row_of is not None:
            first = dict(
                zip(reversed(values), range(len(values) - 1, -1, -1), strict=True)
            )  # first index wins
            for v in new:
                self.first_rows[v] = row_of(first[v])
        todo = []
        for v in new:
            if v.strip():
                todo.append(v)
                asked.add(v)
            else:
                cells[v] = self.blank
        if not todo:
            return todo, None
        if self._background is not None:
            return todo, self._background.submit(todo)
        return todo, self.resolver.resolve_batch(todo, top=self.top)

    def ready(self, token: tuple[list[str], Any]) -> bool:
        """Whether the answers started by :meth:`prepare` are in (:meth:`settle` will not wait)."""
        answers = token[1]
        return answers is None or isinstance(answers, list) or answers.done()

    def settle(self, token: tuple[list[str], Any]) -> dict[str, Any]:
        """Wait for the answers started by :meth:`prepare`; return the cell table."""
        todo, answers = token
        if todo:
            if not isinstance(answers, list):
                answers = answers.result()
            cells = self.cells
            for v, match in zip(todo, answers, strict=True):
                self.matches[v] = match
                cells[v] = self._cells_of(match)
                self._asked.discard(v)
        return self.cells

    def start_background(self) -> None:
        """Resolve in a forked worker process from now on, while this one reads and writes.

        Only where ``fork`` exists; elsewhere resolution stays in this process.
        """
        if self._background is None:
            self._background = _Background.start(self.resolver, self.top)

    def close(self, abort: bool = False) -> None:
        """Stop the background workers, if any (``abort``: without waiting for their work)."""
        if self._background is not None:
            self._background.close(abort)
            self._background = None

    def fill(self, report: CleanReport) -> None:
        """Add the counts of every value seen to ``report``, and its review queue."""
        report.distinct = len(self.matches)
        review = []
        for value, count in self.counts.items():
            match = self.matches.get(value)
            if match is None:
                report.cells[EMPTY] += count
                continue
            report.cells[match.status] += count
            report.values[match.status] += 1
            if match.status == MATCHED:
                report.methods[match.method or ""] += count
            else:
                review.append(ReviewItem(value, count, match, self.first_rows.get(value)))
        review.sort(key=lambda r: (-r.count, r.value))
        report.review = review


_WORKER: dict[str, tuple[Resolver, int]] = {}


def _resolve_in_worker(values: list[str]) -> list[Match]:
    resolver, top = _WORKER["job"]
    return resolver.resolve_batch(values, top=top)


#: Values sent to a worker at once: small enough that stopping waits little for the batch in hand.
MAX_TASK = 4000


class _Background:
    """Two forked worker processes that resolve blocks of values while the parent does I/O.

    A worker is never killed while it works: it may be halfway through
    sending its answers, and the pool would wait for the rest for ever. So
    Ctrl-C and SIGTERM are the parent's alone (the workers ignore them); when
    a run stops, the batches not started are cancelled and those in hand (at
    most :data:`MAX_TASK` values each) finish. A worker dies with the parent
    if the parent is killed outright.

    A worker that dies all the same (killed, out of memory) is noticed by
    polling: the pool itself may wait for ever on an answer it sent half of.
    The others are then killed and the pool's own end of its answer pipe
    closed, so that the pool's thread sees the end and stops.
    """

    def __init__(self, pool: Any) -> None:
        self._pool = pool
        # ProcessPoolExecutor offers neither of these publicly (before Python 3.14).
        self._procs = list(getattr(pool, "_processes", {}).values())
        self._answers = getattr(pool, "_result_queue", None)

    @classmethod
    def start(cls, resolver: Resolver, top: int) -> _Background | None:
        import multiprocessing
        import signal
        from concurrent.futures import ProcessPoolExecutor

        if "fork" not in multiprocessing.get_all_start_methods():
            return None
        _WORKER["job"] = (resolver, top)  # inherited by the forked worker: nothing is pickled
        pool = ProcessPoolExecutor(
            max_workers=2,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_worker_init,
            initargs=(os.getpid(),),
        )
        # The workers are forked on the first submit. Until their initializer runs they would
        # take Ctrl-C or SIGTERM as this process does, with a traceback: hold the signals back
        # across the fork (the workers then ignore them; this process gets them after).
        stops = {signal.SIGINT, signal.SIGTERM}
        held = signal.pthread_sigmask(signal.SIG_BLOCK, stops)
        try:
            pool.submit(int)
            background = cls(pool)
        finally:
            try:
                signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a held Ctrl-C is raised here
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise
        return background

    def submit(self, values: list[str]) -> _Parts:
        """Start resolving ``values``, in parts for the two workers."""
        from concurrent.futures.process import BrokenProcessPool

        parts = max(2 if len(values) >= 2000 else 1, -(-len(values) // MAX_TASK))
        size = -(-len(values) // parts)
        try:
            futures = [
                self._pool.submit(_resolve_in_worker, values[i : i + size])
                for i in range(0, len(values), size)
            ]
        except BrokenProcessPool:
            raise WorkerError(_WORKER_DIED) from None
        return _Parts(futures, self)

    def lost(self) -> bool:
        """Whether a worker died (or the pool knows it broke)."""
        return bool(getattr(self._pool, "_broken", False)) or any(not p.is_alive() for p in self._procs)

    def _bury(self) -> None:
        """Kill the workers left and unblock the pool's thread (see the class notes)."""
        for proc in self._procs:
            if proc.is_alive():
                proc.kill()
            proc.join()
        writer = getattr(self._answers, "_writer", None)
        if writer is not None and not writer.closed:
            writer.close()

    def close(self, abort: bool = False) -> None:
        """Stop the workers once their batches in hand are done (``abort``: drop the others).

        A pool that broke (a worker died: killed, out of memory) cannot stop
        the others itself, as they ignore SIGTERM: they are killed.
        """
        manager = getattr(self._pool, "_executor_manager_thread", None)
        self._pool.shutdown(wait=False, cancel_futures=abort)
        # Wait here rather than in shutdown(): the pool may break while it winds down.
        while manager is not None and manager.is_alive():
            if self.lost():
                self._bury()
            manager.join(0.05)
        _WORKER.pop("job", None)


def _worker_init(parent: int) -> None:
    """Make a worker die with the parent and keep out of its signals, terminal and pipes.

    Ctrl-C and SIGTERM are the parent's to handle (it stops the workers); a
    worker holds no copy of stdin, stdout or stderr, so a pipeline never
    waits on one; and on Linux it is killed when the parent dies, however it
    dies.
    """
    import signal

    stops = {signal.SIGINT, signal.SIGTERM}
    for sig in stops:
        signal.signal(sig, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, stops)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


class WorkerError(AliasctlError):
    """A background worker died."""

    exit_code = 70


_WORKER_DIED = "a worker process died (killed, or out of memory?)"


@dataclass
class _Parts:
    """The answers to a list of values resolved in parts (by the workers), in order."""

    parts: list[Any]
    background: _Background

    def done(self) -> bool:
        return all(part.done() for part in self.parts)

    def result(self) -> list[Match]:
        """The answers, in order; waits for them, checking that the workers live."""
        from concurrent.futures import TimeoutError as Pending
        from concurrent.futures.process import BrokenProcessPool

        out: list[Match] = []
        for part in self.parts:
            while True:
                try:
                    out += part.result(timeout=0.25)
                    break
                except Pending:
                    if self.background.lost():
                        raise WorkerError(_WORKER_DIED) from None
                except BrokenProcessPool:
                    raise WorkerError(_WORKER_DIED) from None
        return out


def text_cells(escape: Callable[[str], str] = escape_formula) -> Callable[[Match | None], tuple[str, ...]]:
    """Added cells as text (CSV, TSV), escaped against formulas."""

    def cells(match: Match | None) -> tuple[str, ...]:
        if match is None:
            return ("", "", "", "")
        score = f"{match.score:.1f}" if match.status != UNRESOLVED else ""
        return (escape(match.id or ""), escape(match.name or ""), score, match.status)

    return cells


def value_cells(match: Match | None) -> tuple[Any, ...]:
    """Added cells as typed values (XLSX, JSON Lines, Parquet): ``None`` for nothing."""
    if match is None:
        return (None, None, None, None)
    score = round(match.score, 1) if match.status != UNRESOLVED else None
    return (match.id, match.name, score, match.status)


# -- columns ---------------------------------------------------------------------


@dataclass
class Plan:
    """Where the added columns go in each row."""

    header: list[str]
    positions: list[int]
    header_out: list[str]
    drop: list[int]
    added_at: list[int]

    @property
    def simple(self) -> bool:
        """No column is replaced: cells are only inserted."""
        return not self.drop


def plan_columns(
    header: Sequence[str],
    specs: Sequence[str],
    naming: Naming = Naming(),
    replace: bool = False,
) -> Plan:
    """Decide the positions of resolved and added columns.

    Raises:
        UsageError: a column is missing or ambiguous, or an added name is
            already taken and ``replace`` is off.
    """
    positions: list[int] = []
    for spec in specs:
        pos = find_column(header, spec)
        if pos not in positions:
            positions.append(pos)
    positions.sort()
    added: dict[str, int] = {}
    for pos in positions:
        for name in naming.names(header[pos]):
            if name in added:
                raise UsageError(f"two resolved columns would both add a column '{name}'")
            added[name] = pos
    drop = sorted(i for i, name in enumerate(header) if name in added)
    if drop and not replace:
        i = drop[0]
        raise UsageError(
            f"column '{header[i]}' already exists (column {i + 1}): pass --replace to overwrite it, "
            "or choose other names with --prefix/--suffix"
        )
    if set(drop) & set(positions):
        i = sorted(set(drop) & set(positions))[0]
        raise UsageError(f"column '{header[i]}' is resolved and would also be replaced")
    out: list[str] = []
    added_at: list[int] = []
    for i, name in enumerate(header):
        if i in drop:
            continue
        out.append(name)
        if i in positions:
            added_at.extend(range(len(out), len(out) + len(ADDED_FIELDS)))
            out.extend(naming.names(name))
    return Plan(list(header), positions, out, drop, added_at)


# -- rows --------------------------------------------------------------------------


def _blocks(rows: Iterable[T], size: int) -> Iterator[list[T]]:
    """Blocks of ``size`` rows (the last may be shorter)."""
    it = iter(rows)
    while block := list(itertools.islice(it, size)):
        yield block


def resolve_ahead(
    blocks: Iterable[T],
    values_of: Callable[[T], tuple[list[str], Callable[[int], int] | None]],
    rows_of: Callable[[T], int],
    cache: ValueCache,
    background_after: int | None = None,
    ahead: int = 1,
) -> Iterator[tuple[T, dict[str, Any]]]:
    """Yield each block with the cell table that answers it, resolving ahead of the caller.

    ``values_of`` gives a block's values and the table row of each (by index).
    The values of the next block are sent to be resolved before a block is
    handed back, so that with background workers (started once
    ``background_after`` rows have been read) resolving overlaps the caller's
    reading and writing. While the oldest block's answers are not ready, up to
    ``ahead`` further blocks are read rather than waited on; the workers are
    stopped when the blocks run out.
    """
    read = 0
    pending: deque[tuple[T, tuple[list[str], Any]]] = deque()
    try:
        for block in blocks:
            read += rows_of(block)
            if background_after is not None and read >= background_after:
                cache.start_background()
                background_after = None
            pending.append((block, cache.prepare(*values_of(block))))
            while len(pending) > ahead or (len(pending) > 1 and cache.ready(pending[0][1])):
                oldest, token = pending.popleft()
                yield oldest, cache.settle(token)
        while pending:
            oldest, token = pending.popleft()
            yield oldest, cache.settle(token)
    except BaseException:
        cache.close(abort=True)
        raise
    cache.close()


def clean_blocks(
    blocks: Iterable[list[list[Any]]],
    plan: Plan,
    cache: ValueCache,
    *,
    key: Callable[[Any], str] | None = None,
    escape_all: Callable[[list[Any]], list[Any]] | None = None,
    progress: Progress | None = None,
    background_after: int | None = None,
) -> Iterator[list[list[Any]]]:
    """Resolve the planned columns of blocks of rows, in place (see :func:`resolve_ahead`).

    Rows whose length differs from the header's are passed through untouched.

    Yields:
        Each block, its rows with their added cells.
    """
    width = len(plan.header)
    positions = plan.positions

    start = 2  # the table row of the block's first row (the header is row 1)

    def values_of(block: list[list[Any]]) -> tuple[list[str], Callable[[int], int]]:
        nonlocal start
        first = start
        start += len(block)
        if set(map(len, block)) == {width}:
            k = len(positions)
            if key is None and k == 1:
                values = list(map(operator.itemgetter(positions[0]), block))
            else:
                conv = key or str
                values = [conv(row[p]) for row in block for p in positions]
            return values, lambda i: first + i // k
        conv = key or str
        values = [conv(row[p]) for row in block if len(row) == width for p in positions]
        rows = [first + r for r, row in enumerate(block) if len(row) == width for _ in positions]
        return values, rows.__getitem__

    done = 0
    for block, table in resolve_ahead(blocks, values_of, len, cache, background_after):
        yield _finish(block, table, plan, key, escape_all)
        done += len(block)
        if progress is not None:
            progress(done)


def _finish(
    block: list[list[Any]],
    table: dict[str, Any],
    plan: Plan,
    key: Callable[[Any], str] | None,
    escape_all: Callable[[list[Any]], list[Any]] | None,
) -> list[list[Any]]:
    width = len(plan.header)
    even = set(map(len, block)) == {width}
    positions = plan.positions
    backwards = positions[::-1]
    if plan.simple and key is None and escape_all is None:
        if len(positions) == 1:
            p = positions[0]
            q = p + 1
            if even:
                for row in block:
                    row[q:q] = table[row[p]]
            else:
                for row in block:
                    if len(row) == width:
                        row[q:q] = table[row[p]]
        else:
            for row in block:
                if len(row) == width:
                    for p in backwards:
                        row[p + 1 : p + 1] = table[row[p]]
        return block
    conv = key or str
    keep = _kept(width, plan.drop, positions) if plan.drop else None
    for n, row in enumerate(block):
        if len(row) != width:
            if escape_all is not None:
                block[n] = escape_all(row)
            continue
        for p in backwards:
            row[p + 1 : p + 1] = table[conv(row[p])]
        if keep is not None:
            row = [row[i] for i in keep]
        if escape_all is not None:
            row = escape_all(row)
        block[n] = row
    return block


def _kept(width: int, drop: list[int], positions: list[int]) -> list[int]:
    """Indices kept from a row that already has its added cells inserted."""
    keep: list[int] = []
    shift = 0
    for i in range(width):
        if i not in drop:
            keep.append(i + shift)
        if i in positions:
            keep.extend(range(i + shift + 1, i + shift + 1 + len(ADDED_FIELDS)))
            shift += len(ADDED_FIELDS)
    return keep


def xlsx_key(value: Any) -> str:
    """The text of a spreadsheet cell, as resolved (``None`` is blank)."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def clean_rows(
    rows: Iterable[Sequence[str]],
    columns: Sequence[str],
    resolver: Resolver,
    *,
    naming: Naming = Naming(),
    replace: bool = False,
    report: CleanReport | None = None,
) -> Iterator[list[str]]:
    """Resolve ``columns`` of a table given as rows of strings, header first.

    Args:
        rows: the header, then the data rows.
        columns: column names, or numbers counted from 1.
        resolver: the resolver to use.
        naming: how the added columns are named.
        replace: overwrite existing columns that have an added column's name.
        report: filled in with counts and the review queue when the rows are exhausted
            (a ragged row, one whose length is not the header's, is noted by its row
            number, the header being row 1).

    Yields:
        The new header, then each row with its added cells (row i out is row i in).

    Example:
        >>> rows = [["actor", "n"], ["Kata'ib Hizballah", "007"]]
        >>> out = list(clean_rows(rows, ["actor"], Resolver(load_registry())))
    """
    it = iter(rows)
    header = next(it, None)
    if header is None:
        return
    plan = plan_columns(list(header), columns, naming, replace)
    cache = ValueCache(resolver, text_cells())
    yield _escape_added(plan)
    width = len(plan.header)
    count = ragged = 0
    ragged_lines: list[int] = []

    def data_rows() -> Iterator[list[str]]:
        # Counted as read: once cleaned, a row with four extra cells is as wide as any other.
        nonlocal count, ragged
        for row in it:
            count += 1
            if len(row) != width:
                ragged += 1
                if len(ragged_lines) < 10:
                    ragged_lines.append(count + 1)  # the header is row 1
            yield list(row)

    yield from itertools.chain.from_iterable(clean_blocks(_blocks(data_rows(), BLOCK_ROWS), plan, cache))
    if report is not None:
        report.rows = count
        report.ragged = ragged
        report.ragged_lines = ragged_lines
        report.columns = [plan.header[p] for p in plan.positions]
        cache.fill(report)


def resolve_series(series: Any, resolver: Resolver | None = None, *, top: int = REVIEW_CANDIDATES) -> Any:
    """Resolve a pandas Series of names; return a DataFrame with the same index.

    Columns: ``id``, ``name``, ``score``, ``status``, ``method`` (missing
    values give missing answers). Each distinct value is resolved once.

    Raises:
        AliasctlError: pandas is not installed.
    """
    try:
        import pandas as pd
    except ImportError:
        raise AliasctlError("resolve_series needs pandas: pip install pandas") from None
    if resolver is None:
        from ..matching.cache import load_index

        resolver = Resolver(load_index())
    distinct = [v for v in series.dropna().unique().tolist() if isinstance(v, str) and v.strip()]
    answers = dict(zip(distinct, resolver.resolve_batch(distinct, top=top), strict=True))

    def field_of(name: str) -> list[Any]:
        out: list[Any] = []
        for v in series.tolist():
            m = answers.get(v) if isinstance(v, str) else None
            if m is None:
                out.append(None)
            elif name == "score":
                out.append(round(m.score, 1) if m.status != UNRESOLVED else None)
            else:
                out.append(getattr(m, name))
        return out

    return pd.DataFrame(
        {
            "id": pd.Series(field_of("id"), index=series.index, dtype="object"),
            "name": pd.Series(field_of("name"), index=series.index, dtype="object"),
            "score": pd.Series(field_of("score"), index=series.index, dtype="float64"),
            "status": pd.Series(field_of("status"), index=series.index, dtype="object"),
            "method": pd.Series(field_of("method"), index=series.index, dtype="object"),
        },
        index=series.index,
    )


# -- files -----------------------------------------------------------------------------


@dataclass
class CleanOptions:
    """Everything ``aliasctl clean`` was asked to do."""

    input: str
    columns: Sequence[str]
    output: str | None = None
    input_format: str | None = None
    output_format: str | None = None
    sheet: str | None = None
    encoding: str | None = None
    output_encoding: str | None = None
    delimiter: str | None = None
    naming: Naming = Naming()
    replace: bool = False
    escape_formulas: bool = False
    in_place: bool = False
    review: str | None = None
    block_rows: int = BLOCK_ROWS
    #: Characters of a CSV or TSV file read at a time.
    chunk_chars: int = CHUNK_CHARS
    #: Resolve in a background process once this many rows were read (None: never).
    background_after: int | None = BLOCK_ROWS


def clean_file(
    options: CleanOptions,
    resolver: Resolver,
    *,
    stdin: IO[bytes] | None = None,
    stdout: IO[bytes] | None = None,
    progress: Progress | None = None,
    info: Callable[[str], None] | None = None,
) -> CleanReport:
    """Clean one table file (or stdin) into another (or stdout).

    Raises:
        AliasctlError: bad data (65), a missing input (66), an output that cannot
            be written (73) or a request that makes no sense (2).
    """
    from ..constants import STREAM_FORMATS
    from ..tables.detect import detect_format
    from ..tables.xlsx import xlsx_sheet_names

    fmt_in = detect_format(options.input, options.input_format, "input")
    out_path = options.output
    if options.in_place:
        if options.input == "-":
            raise UsageError("--in-place needs an input file, not stdin")
        if out_path not in (None, "-") and not same_file(out_path, options.input):
            raise UsageError("--in-place writes over the input: leave out -o")
        out_path = options.input
    elif out_path in (None, "-"):
        out_path = None
    elif options.input != "-" and same_file(out_path, options.input):
        raise UsageError(
            f"the output {out_path} is the input file: pass --in-place to overwrite it (atomically)"
        )
    if out_path is None:
        fmt_out = options.output_format or fmt_in
    else:
        fmt_out = detect_format(out_path, options.output_format, "output")
    if fmt_out != fmt_in and not {fmt_in, fmt_out} <= {"csv", "tsv"}:
        raise UsageError(f"cannot convert {fmt_in} to {fmt_out}: clean writes the format it reads")
    for fmt, path in ((fmt_in, options.input), (fmt_out, out_path)):
        if path in ("-", None) and fmt not in STREAM_FORMATS:
            raise UsageError(f"{fmt} cannot be read from stdin or written to stdout: give a file name")

    if options.review:
        for other, what in ((options.input, "input"), (out_path, "output")):
            if other not in (None, "-") and same_file(options.review, other):
                raise UsageError(f"the review file {options.review} is the {what} file: name another one")
        folder = os.path.dirname(os.path.abspath(options.review))
        if not os.path.isdir(folder):
            # Checked now, so that a review that cannot be written does not follow a written output.
            raise OutputError("cannot write the review queue: no such folder", options.review)
    if options.in_place and fmt_in == "xlsx":
        sheets = xlsx_sheet_names(options.input)
        if len(sheets) > 1:
            raise UsageError(
                f"--in-place would drop the workbook's other sheets ({', '.join(sheets[1:4])}...): "
                "write to another file with -o"
            )
    report = CleanReport()
    run = _RUNNERS[fmt_in]
    if options.input == "-":
        if stdin is None:
            raise InputMissingError("stdin is closed: name an input file", "-")
        source: IO[bytes] = stdin
    else:
        source = open_input(options.input)
    try:
        if out_path is None:
            if stdout is None:
                raise OutputError("stdout is closed: name an output file with -o", "-")
            try:
                run(_Job(options, resolver, source, stdout, fmt_out, report, progress, info))
                stdout.flush()
            except OSError as exc:
                if is_write_error(exc):  # /dev/full, a full disk behind a redirection
                    raise OutputError(f"cannot write: {exc.strerror}", "-") from None
                raise
        else:
            mode_from = options.input if options.in_place else None
            with AtomicFile(out_path, mode_from=mode_from) as sink:
                run(_Job(options, resolver, source, sink, fmt_out, report, progress, info))
    finally:
        if source is not stdin:
            source.close()
    if options.review:
        write_review(options.review, report)
    return report


@dataclass
class _Job:
    """One run of a format's cleaner: what to read, where to write, whom to tell."""

    options: CleanOptions
    resolver: Resolver
    source: IO[bytes]
    sink: IO[bytes]
    fmt_out: str
    report: CleanReport
    progress: Progress | None
    info: Callable[[str], None] | None

    def parts(self) -> tuple[CleanOptions, Resolver, IO[bytes], IO[bytes], CleanReport, Progress | None]:
        return self.options, self.resolver, self.source, self.sink, self.report, self.progress

    def say(self, line: str) -> None:
        if self.info is not None:
            self.info(line)


def _clean_csv(job: _Job) -> None:
    options, resolver, source, sink, report, progress = job.parts()
    from ..tables.delimited import CsvReader, CsvWriter

    fmt_in = options.input_format or ("tsv" if options.input.lower().endswith((".tsv", ".tab")) else "csv")
    reader = CsvReader(source, options.input, fmt_in, options.encoding, options.delimiter)
    report.input_description = f"{options.input}: {reader.dialect.describe()}"
    job.say(report.input_description)
    plan = plan_columns(reader.header, options.columns, options.naming, options.replace)
    same_delimiter = job.fmt_out == fmt_in
    if plan.simple and not options.escape_formulas and same_delimiter:
        _splice_csv(job, reader.dialect, reader.splicer(plan.positions, options.chunk_chars), plan)
        return
    escape_all = _escape_row if options.escape_formulas else None
    cache = ValueCache(resolver, text_cells())
    dialect = reader.dialect
    if job.fmt_out != fmt_in:
        from dataclasses import replace as dc_replace

        dialect = dc_replace(dialect, delimiter="\t" if job.fmt_out == "tsv" else ",")
    writer = CsvWriter(sink, dialect, _codec(options.output_encoding))
    header = escape_all(plan.header_out) if escape_all else _escape_added(plan)
    writer.write_rows([header])
    for block in clean_blocks(
        reader.blocks(options.block_rows),
        plan,
        cache,
        escape_all=escape_all,
        progress=progress,
        background_after=options.background_after,
    ):
        writer.write_rows(block)
    writer.close(reader.dialect.final_newline)
    report.rows = reader.rows
    report.ragged = reader.ragged
    report.ragged_lines = reader.ragged_lines
    report.columns = [plan.header[p] for p in plan.positions]
    cache.fill(report)


def _splice_csv(job: _Job, dialect: CsvDialect, splicer: Splicer, plan: Plan) -> None:
    """Clean a CSV or TSV file by inserting the added cells into its text (see :mod:`aliasctl.splice`)."""
    options, resolver, _source, sink, report, progress = job.parts()

    cache = ValueCache(resolver, added_text(dialect))
    writer = TextSink(sink, _codec(options.output_encoding) or dialect.codec, dialect.bom)
    names = [
        serialize_cells([escape_formula(n) for n in options.naming.names(plan.header[p])], dialect)
        for p in plan.positions
    ]
    writer.write(insert(splicer.header_text, splicer.header_cuts, names))
    done = 0
    for chunk, table in resolve_ahead(
        splicer.chunks(), _chunk_values, _chunk_rows, cache, options.background_after, SPLICE_AHEAD
    ):
        writer.write(splice(chunk, table))
        done += chunk.rows
        if progress is not None:
            progress(done)
    writer.close()
    report.rows = splicer.rows
    report.ragged = splicer.ragged
    report.ragged_lines = splicer.ragged_lines
    report.columns = [plan.header[p] for p in plan.positions]
    cache.fill(report)


def _chunk_values(chunk: Chunk) -> tuple[list[str], Callable[[int], int]]:
    return chunk.values, chunk.row_of


def _chunk_rows(chunk: Chunk) -> int:
    return chunk.rows


def serialize_cells(cells: Sequence[Any], dialect: CsvDialect) -> str:
    """Cells as they are inserted after a resolved cell: each preceded by the delimiter, quoted as the file is."""
    buf = io.StringIO()
    # A CRLF terminator makes the writer quote a cell holding either CR or LF.
    writer = csv.writer(buf, delimiter=dialect.delimiter, quoting=dialect.quoting, lineterminator="\r\n")
    row = bare_numbers(list(cells)) if dialect.quoting == csv.QUOTE_NONNUMERIC else list(cells)
    writer.writerow(row)
    return dialect.delimiter + buf.getvalue()[:-2]


def added_text(dialect: CsvDialect) -> Callable[[Match | None], str]:
    """The four added cells of a match as text to insert, escaped against formulas."""
    cells = text_cells()

    def text(match: Match | None) -> str:
        return serialize_cells(cells(match), dialect)

    return text


def _clean_jsonl(job: _Job) -> None:
    options, resolver, source, sink, report, progress = job.parts()
    from ..tables.jsonl import read_jsonl, splice_jsonl

    report.input_description = f"{options.input}: JSON Lines, UTF-8"
    job.say(report.input_description)
    columns = list(dict.fromkeys(options.columns))
    names = {c: options.naming.names(c) for c in columns}
    added_names = [n for c in columns for n in names[c]]
    clash = set(added_names) & set(columns)
    if clash:
        raise UsageError(f"key '{sorted(clash)[0]}' is resolved and would also be replaced")
    cache = ValueCache(resolver, value_cells)
    drop = set(added_names) if options.replace else set()
    rows = 0
    done = 0
    for block in _blocks(read_jsonl(source, options.input), options.block_rows):
        found = [
            (v, rec.line)
            for rec in block
            if rec.obj is not None
            for c in columns
            if isinstance(v := rec.obj.get(c), str)
        ]
        lines = [line for _, line in found]
        table = cache.learn([v for v, _ in found], lines.__getitem__)
        out = []
        for rec in block:
            obj = rec.obj
            if obj is None:
                out.append(rec.body + rec.ending)
                continue
            rows += 1
            present = [c for c in columns if c in obj]
            if not present:
                report.ragged += 1
                if len(report.ragged_lines) < 10:
                    report.ragged_lines.append(rec.line)
                out.append(rec.body + rec.ending)
                continue
            taken = [n for n in added_names if n in obj]
            if taken and not options.replace:
                raise UsageError(
                    f"key '{taken[0]}' already exists: pass --replace to overwrite it, "
                    "or choose other names with --prefix/--suffix",
                    options.input,
                    rec.line,
                )
            added = {}
            for c in present:
                v = obj[c]
                cells = table[v] if isinstance(v, str) else cache.blank
                added[c] = list(zip(names[c], cells, strict=True))
            out.append(splice_jsonl(rec, added, drop))
        sink.write("".join(out).encode("utf-8"))
        done += len(block)
        if progress is not None:
            progress(done)
    report.rows = rows
    report.columns = columns
    cache.fill(report)


def _clean_xlsx(job: _Job) -> None:
    options, resolver, _source, sink, report, progress = job.parts()
    from ..tables.xlsx import XlsxReader, XlsxWriter

    reader = XlsxReader(options.input, options.sheet)
    try:
        report.input_description = f"{options.input}: XLSX, sheet '{reader.sheet}'"
        job.say(report.input_description)
        plan = plan_columns(reader.header, options.columns, options.naming, options.replace)
        cache = ValueCache(resolver, _xlsx_cells(escape_formula))
        writer = XlsxWriter(reader.sheet)
        escape = options.escape_formulas
        header: list[Any] = list(reader.header_cells)
        for p in plan.positions[::-1]:
            header[p + 1 : p + 1] = [escape_formula(n) for n in options.naming.names(plan.header[p])]
        header = (
            [header[i] for i in _kept(len(plan.header), plan.drop, plan.positions)] if plan.drop else header
        )
        try:
            writer.append(_escape_cells(header) if escape else header)
            for block in clean_blocks(
                _blocks(reader, options.block_rows),
                plan,
                cache,
                key=_xlsx_cell_key,
                progress=progress,
                background_after=options.background_after,
            ):
                for row in block:
                    writer.append(_escape_cells(row) if escape else row)
        except BaseException:
            writer.discard()
            raise
        writer.save(sink)
        report.rows = reader.rows
        report.columns = [plan.header[p] for p in plan.positions]
        cache.fill(report)
    finally:
        reader.close()


def _xlsx_cell_key(cell: Any) -> str:
    return xlsx_key(getattr(cell, "value", cell))


def _escape_cells(row: list[Any]) -> list[Any]:
    """Every text cell and formula of a sheet row escaped; other cells (and their formats) kept."""
    out: list[Any] = []
    for c in row:
        value = getattr(c, "value", c)
        out.append(escape_formula(value) if isinstance(value, str) else c)
    return out


def _xlsx_cells(escape: Callable[[str], str]) -> Callable[[Match | None], tuple[Any, ...]]:
    def cells(match: Match | None) -> tuple[Any, ...]:
        ident, name, score, status = value_cells(match)
        return (
            escape(ident) if ident else ident,
            escape(name) if name else name,
            score,
            status,
        )

    return cells


def _clean_parquet(job: _Job) -> None:
    options, resolver, source, sink, report, progress = job.parts()
    from ..tables.parquet import import_pyarrow

    pa, pq = import_pyarrow()
    try:
        pfile = pq.ParquetFile(source)
    except (pa.ArrowInvalid, OSError) as exc:
        raise DataError(f"not a Parquet file: {exc}", options.input) from None
    schema = pfile.schema_arrow
    report.input_description = f"{options.input}: Parquet, {pfile.metadata.num_rows:,} rows"
    job.say(report.input_description)
    plan = plan_columns(schema.names, options.columns, options.naming, options.replace)
    for p in plan.positions:
        ftype = schema.field(p).type
        if pa.types.is_dictionary(ftype):  # a pandas category column: text, stored once per value
            ftype = ftype.value_type
        if not (pa.types.is_string(ftype) or pa.types.is_large_string(ftype)):
            raise UsageError(f"column '{schema.names[p]}' holds {schema.field(p).type}, not text")
    added_types = (pa.string(), pa.string(), pa.float64(), pa.string())
    fields: list[Any] = []
    for i, f in enumerate(schema):
        if i in plan.drop:
            continue
        fields.append(f)
        if i in plan.positions:
            fields.extend(
                pa.field(n, t, nullable=True)
                for n, t in zip(options.naming.names(f.name), added_types, strict=True)
            )
    out_schema = pa.schema(fields, metadata=schema.metadata)
    compression = "snappy"
    if pfile.metadata.num_row_groups and pfile.metadata.num_columns:
        compression = pfile.metadata.row_group(0).column(0).compression.lower()
        if compression == "uncompressed":
            compression = "none"
    cache = ValueCache(resolver, value_cells)
    writer = pq.ParquetWriter(sink, out_schema, compression=compression)
    rows = 0
    try:
        for batch in pfile.iter_batches(batch_size=options.block_rows):
            columns = {p: batch.column(p).to_pylist() for p in plan.positions}
            found = [  # row by row, so that a value's first index is its first row
                (v, rows + 2 + j)
                for j in range(batch.num_rows)
                for p in plan.positions
                if (v := columns[p][j]) is not None
            ]
            at = [row for _, row in found]
            table = cache.learn([v for v, _ in found], at.__getitem__)
            arrays: list[Any] = []
            for i in range(batch.num_columns):
                if i in plan.drop:
                    continue
                arrays.append(batch.column(i))
                if i in plan.positions:
                    cells = [cache.blank if v is None else table[v] for v in columns[i]]
                    for k, t in enumerate(added_types):
                        arrays.append(pa.array([c[k] for c in cells], type=t))
            writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=out_schema))
            rows += batch.num_rows
            if progress is not None:
                progress(rows)
    finally:
        writer.close()
    report.rows = rows
    report.columns = [plan.header[p] for p in plan.positions]
    cache.fill(report)


_RUNNERS: dict[str, Callable[[_Job], None]] = {
    "csv": _clean_csv,
    "tsv": _clean_csv,
    "jsonl": _clean_jsonl,
    "xlsx": _clean_xlsx,
    "parquet": _clean_parquet,
}


def _codec(name: str | None) -> str | None:
    return None if name is None else lookup_codec(name)


def _escape_row(row: list[Any]) -> list[Any]:
    return [escape_formula(c) if isinstance(c, str) else c for c in row]


def _escape_added(plan: Plan) -> list[str]:
    """The output header, with the added names escaped (they are ours to make safe)."""
    out = list(plan.header_out)
    for i in plan.added_at:
        out[i] = escape_formula(out[i])
    return out


def review_rows(report: CleanReport) -> Iterator[list[str]]:
    """The review queue as CSV rows: header, then the most frequent values first."""
    yield REVIEW_HEADER
    for item in report.review:
        cands = "; ".join(
            f"{c.id} ({c.name}) {c.score:.1f}" for c in item.match.candidates[:REVIEW_CANDIDATES]
        )
        first = "" if item.first_row is None else str(item.first_row)
        row = [item.value, str(item.count), item.match.status, cands, item.match.reason, first]
        yield [escape_formula(c) for c in row]


def write_review(path: str, report: CleanReport) -> None:
    """Write the review queue as a UTF-8 CSV file (atomically)."""
    import csv
    import io

    with AtomicFile(path) as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
        csv.writer(text, lineterminator="\n").writerows(review_rows(report))
        text.flush()
        text.detach()


def check_fail_on(report: CleanReport, fail_on: str | None) -> bool:
    """Whether the run should exit 1 under ``--fail-on``."""
    if fail_on == "unresolved":
        return report.count(UNRESOLVED) > 0
    if fail_on == "ambiguous":
        return report.count(UNRESOLVED) + report.count(AMBIGUOUS) > 0
    return False


__all__ = [
    "ADDED_FIELDS",
    "CleanOptions",
    "CleanReport",
    "Naming",
    "Plan",
    "ReviewItem",
    "ValueCache",
    "check_fail_on",
    "clean_file",
    "clean_rows",
    "find_column",
    "plan_columns",
    "resolve_series",
    "review_rows",
    "value_cells",
    "write_review",
]
