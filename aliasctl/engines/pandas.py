"""pandas: resolve a Series into a DataFrame of answers on its index; ``df.aliasctl.resolve("actor")``.

Importing this module registers the ``aliasctl`` accessor on DataFrames.

A Series of numbers, dates or anything else but text is refused with
:class:`~aliasctl.engines.NotTextError` (a ``TypeError``) naming it; in an
``object`` Series that mixes types, as with pandas' ``.str`` methods, the
strings are resolved and every other value has no answer (all fields missing).
"""

from __future__ import annotations

from typing import Any

from ..matching.batch import is_text_type, resolve_many
from ._common import ResolverLike, need, not_text, ready

pd = need("pandas", "pandas", "pandas")


def is_text_dtype(dtype: Any) -> bool:
    """Whether a pandas dtype can hold names: object, a string dtype, or a category of those."""
    if isinstance(dtype, pd.CategoricalDtype):
        return is_text_dtype(dtype.categories.dtype)
    if isinstance(dtype, pd.ArrowDtype):
        return is_text_type(dtype.pyarrow_dtype)
    return bool(pd.api.types.is_object_dtype(dtype) or isinstance(dtype, pd.StringDtype))


def resolve(series: Any, resolver: ResolverLike = None, *, candidates: bool = False, top: int = 5) -> Any:
    """Resolve a Series of names; return a DataFrame of the answers with the Series' index.

    Args:
        series: the names (text; missing values give missing answers).
        resolver: a resolver, a registry file, or ``None`` for the default registry.
        candidates: add a ``candidates`` column (lists of dicts).
        top: how many candidates to keep.

    Returns:
        Columns ``status, id, name, score, method, matched_alias`` (object, ``score``
        float64), each distinct value resolved once.

    Raises:
        NotTextError: the Series holds numbers, dates or anything but text.

    Example:
        >>> from aliasctl.engines.pandas import resolve
        >>> resolve(pd.Series(["Daesh", None]))["id"].tolist()
        ['islamic-state', None]
    """
    if not is_text_dtype(series.dtype):
        raise not_text(series.name, series.dtype)
    return resolve_many(ready(resolver), series, candidates=candidates, top=top).to_pandas(series.index)


class AliasctlAccessor:
    """``df.aliasctl``: the resolver on a DataFrame's columns."""

    def __init__(self, frame: Any) -> None:
        self._frame = frame

    def resolve(
        self, column: str, resolver: ResolverLike = None, *, candidates: bool = False, top: int = 5
    ) -> Any:
        """Resolve one column; return a DataFrame of the answers on the frame's index (see :func:`resolve`).

        Raises:
            KeyError: there is no such column.
            NotTextError: it does not hold text.
        """
        return resolve(self._frame[column], resolver, candidates=candidates, top=top)


pd.api.extensions.register_dataframe_accessor("aliasctl")(AliasctlAccessor)

__all__ = ["AliasctlAccessor", "is_text_dtype", "resolve"]
