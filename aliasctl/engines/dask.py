"""Dask: resolve a column of a Dask DataFrame partition by partition, the resolver loaded once per worker.

    answers = resolve(ddf, "actor")                  # a Dask DataFrame, partitioned as ddf
    ddf = ddf.assign(**{f"actor_{c}": answers[c] for c in answers.columns})

The resolver is made ready on the client, so that a registry that fails to
load fails there, before any task is submitted. It travels as one task of the
graph (:class:`~aliasctl.matching.portable.PortableResolver`: its compiled
index, compressed), which each worker fetches and loads once, keeping it for
every partition it resolves (``client.run(process_loads)`` shows it). A
column that is not text fails when the graph is built, with
:class:`~aliasctl.engines.NotTextError` naming it; in an ``object`` column
that mixes types, the strings are resolved and the other values have no answer.
"""

from __future__ import annotations

import contextlib
import functools
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from ..errors import EX_TEMPFAIL, AliasctlError
from ..matching.batch import FIELDS, prime_columns, resolve_many
from ..matching.portable import MatchColumns, PortableResolver, process_loads
from ._common import ResolverLike, need, not_text, travelling

dd = need("dask.dataframe", "dask", "Dask")
dask = need("dask", "dask", "Dask")
pd = need("pandas", "dask", "Dask")

from .pandas import is_text_dtype  # noqa: E402 - after the check that pandas is there

#: Seconds to wait for a scheduler named with ``connect(address)``.
CONNECT_TIMEOUT = 20

T = TypeVar("T")
R = TypeVar("R")


class ClusterError(AliasctlError):
    """The Dask scheduler cannot be reached (exit code 75: try again later)."""

    exit_code = EX_TEMPFAIL


#: The text columns' dtype: Dask's own for strings, made from Arrow without a Python object a cell.
STRINGS = pd.StringDtype("pyarrow")


def meta(candidates: bool = False) -> Any:
    """The empty pandas DataFrame of the answers' columns and types."""
    cols = {f: pd.Series([], dtype="float64" if f == "score" else STRINGS) for f in FIELDS}
    if candidates:
        cols["candidates"] = pd.Series([], dtype=object)
    return pd.DataFrame(cols)


def _resolve_partition(
    part: Any, resolver: PortableResolver, answers: Answers | None, candidates: bool, top: int
) -> Any:
    if answers is not None:
        prime_columns(resolver, *answers, top=top)
    return resolve_many(resolver, part, candidates=candidates, top=top).to_pandas(part.index, strings=STRINGS)


#: Answers worked out for the distinct values: (token, values, answers packed as columns).
Answers = tuple[str, list[str], MatchColumns]


def _resolve_chunk(values: Any, resolver: PortableResolver, top: int) -> tuple[list[str], MatchColumns]:
    texts = [v for v in values.tolist() if isinstance(v, str) and v.strip()]
    cols = resolve_many(resolver, texts, top=top)  # kept here too, and counted
    matches = [m for i in range(len(texts)) if (m := cols.match(i)) is not None]
    return texts, MatchColumns.pack(texts, matches)  # flat: cheap to send, and to take on each worker


def _text_only(part: Any) -> Any:
    return part[[isinstance(v, str) for v in part.tolist()]]


def _gather(token: str, chunks: list[tuple[list[str], MatchColumns]]) -> Answers:
    values = [v for texts, _ in chunks for v in texts]
    return token, values, MatchColumns.concat([packed for _, packed in chunks])


def distinct_answers(series: Any, resolver: Any, *, top: int = 5, chunks: int | None = None) -> Any:
    """The answers for every distinct value of ``series``, each resolved once, the work split in chunks.

    Returns:
        A ``Delayed`` of ``(token, values, answers)``, the answers packed as
        :class:`~aliasctl.matching.portable.MatchColumns`, for
        :func:`aliasctl.matching.batch.prime_columns`.
    """
    if pd.api.types.is_object_dtype(series.dtype):  # may hold lists and other unhashable values
        series = series.map_partitions(_text_only, meta=series._meta)
    distinct = series.dropna().unique()
    n = chunks or max(1, min(series.npartitions, 64))
    parts = distinct.repartition(npartitions=n).to_delayed()
    token = f"aliasctl-answers-{dask.base.tokenize(series, top)}"
    found = [dask.delayed(_resolve_chunk, pure=True)(p, resolver, top) for p in parts]
    return dask.delayed(_gather, pure=True, name=token)(token, found)


def shipped(resolver: ResolverLike) -> Any:
    """The resolver as one task of a Dask graph (a ``Delayed``), loaded here first.

    Raises:
        RegistryError: the registry is not valid (raised here, on the client).
    """
    r = travelling(resolver)
    return dask.delayed(r, name=f"aliasctl-resolver-{r.index.sha256[:16]}-{r.min_score:g}", pure=True)


def resolve(
    frame: Any,
    column: str | None = None,
    resolver: ResolverLike = None,
    *,
    candidates: bool = False,
    top: int = 5,
    distinct_first: bool = True,
) -> Any:
    """Resolve a column by partition; return a Dask DataFrame of the answers on the same index.

    By default the column's distinct values are gathered first and resolved
    once, in chunks spread over the workers, and every partition is then
    answered from them: the resolving is shared out instead of each worker
    resolving every value it meets (which, with many workers, would repeat the
    costly part). ``distinct_first=False`` skips that pass: each worker
    resolves the values of its partitions, keeping its answers for the next.

    Args:
        frame: a Dask DataFrame (with ``column``) or a Dask Series.
        column: the column to resolve.
        resolver: a resolver, a registry file, or ``None`` for the default registry.
        candidates: add a ``candidates`` column (lists of dicts).
        top: how many candidates to keep.
        distinct_first: resolve the distinct values first, shared among the workers.

    Returns:
        Columns ``status, id, name, score, method, matched_alias`` (Dask's ``string``
        dtype, ``score`` float64), partitioned as ``frame``.

    Raises:
        NotTextError: the column does not hold text.
        RegistryError: the registry is not valid (before any task is submitted).
    """
    series = frame if column is None else frame[column]
    if not is_text_dtype(series.dtype):
        raise not_text(series.name, series.dtype)
    r = shipped(resolver)
    answers = distinct_answers(series, r, top=top) if distinct_first else None
    return series.map_partitions(
        _resolve_partition, r, answers, candidates, top, meta=meta(candidates), align_dataframes=False
    )


def map_with_resolver(
    client: Any, func: Callable[[T, PortableResolver], R], items: Iterable[T], resolver: ResolverLike
) -> list[R]:
    """``func(item, resolver)`` for each item on a ``distributed`` cluster, in order.

    The resolver is sent to every worker once (scattered) and loaded there
    once, however many items each one takes.
    """
    r = travelling(resolver)
    handle = client.scatter(r, broadcast=True, hash=False)
    todo = list(items)
    # The tasks keep the name of what they run (the dashboard and the logs show it), not the box's.
    name = getattr(func, "func", func).__name__
    keys = [f"{name}-{uuid.uuid4().hex}" for _ in todo]
    futures = client.map(functools.partial(_boxed, func), todo, key=keys, resolver=handle)
    return [box.value for box in client.gather(futures)]


class _Box:
    """A task's result held as one object: a large list or tuple that a task returns itself is
    handled by Dask item by item (the 50,000 distinct values of a file took 1.3 s to come back;
    boxed, a few milliseconds)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


def _boxed(func: Callable[[T, PortableResolver], R], item: T, resolver: PortableResolver) -> _Box:
    return _Box(func(item, resolver))


@contextlib.contextmanager
def connect(scheduler: str | None = None) -> Iterator[Any]:
    """A ``distributed`` client: of the scheduler at ``scheduler``, else of a local cluster made for it.

    The local cluster has one single-threaded worker process per core.
    """
    distributed = need("distributed", "dask", "Dask")
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client
        return
    with (
        distributed.LocalCluster(threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0") as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def part_mapper(client: Any) -> Callable[[Callable[[T, PortableResolver], R], Iterable[T], ResolverLike], list[R]]:
    """A ``map_parts`` for :func:`aliasctl.clean.clean_dataset` that runs the files on ``client``'s cluster."""
    return functools.partial(map_with_resolver, client)


def worker_loads(client: Any) -> dict[str, dict[str, int]]:
    """How each worker of ``client`` got its indexes (see :func:`~aliasctl.matching.portable.process_loads`)."""
    return dict(client.run(process_loads))


__all__ = ["CONNECT_TIMEOUT", "Answers", "ClusterError", "connect", "distinct_answers", "map_with_resolver", "meta", "part_mapper", "resolve", "shipped", "worker_loads"]
