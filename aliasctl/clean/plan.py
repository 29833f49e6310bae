"""The column plan: which columns are resolved, where the added columns go, which are replaced."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import UsageError
from ..tables.columns import find_column
from ..tables.escape import escape_formula
from .options import ADDED_FIELDS, Naming


@dataclass
class Plan:
    """Where the added columns go in each row.

    Attributes:
        header: the input's header.
        positions: the resolved columns (0-based, in order).
        header_out: the output's header.
        drop: input columns replaced by an added column of the same name.
        added_at: where the added columns are in ``header_out``.
    """

    header: list[str]
    positions: list[int]
    header_out: list[str]
    drop: list[int]
    added_at: list[int]

    @property
    def simple(self) -> bool:
        """No column is replaced: cells are only inserted."""
        return not self.drop

    @property
    def resolved(self) -> list[str]:
        """The names of the resolved columns."""
        return [self.header[p] for p in self.positions]

    def kept(self) -> list[int]:
        """Indices kept from a row that already has its added cells inserted (the replaced ones go)."""
        keep: list[int] = []
        shift = 0
        for i in range(len(self.header)):
            if i not in self.drop:
                keep.append(i + shift)
            if i in self.positions:
                keep.extend(range(i + shift + 1, i + shift + 1 + len(ADDED_FIELDS)))
                shift += len(ADDED_FIELDS)
        return keep

    def sources(self) -> list[int | None]:
        """For each output column, the input column it holds (0-based), or ``None`` for an added one."""
        out: list[int | None] = []
        for i in range(len(self.header)):
            if i in self.drop:
                continue
            out.append(i)
            if i in self.positions:
                out.extend([None] * len(ADDED_FIELDS))
        return out

    def escaped_header(self) -> list[str]:
        """The output header, with the added names escaped (they are ours to make safe)."""
        out = list(self.header_out)
        for i in self.added_at:
            out[i] = escape_formula(out[i])
        return out


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



__all__ = ["Plan", "plan_columns"]
