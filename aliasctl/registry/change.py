"""The result of an edit to a registry's text: shared by the edit commands, ``cluster`` and the writer."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Conflict:
    """Something ``merge --from`` cannot apply without being told how."""

    entity: str
    what: str

    def __str__(self) -> str:
        return f"{self.entity}: {self.what}"


@dataclass(frozen=True, slots=True)
class Edit:
    """The result of an edit: the new text and what was done."""

    old: str
    text: str
    report: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    #: The new text has already been read back with the strict loader (the
    #: edit commands do so), so the writer need not parse it again.
    checked: bool = field(default=False, compare=False)

    @property
    def changed(self) -> bool:
        """Whether the text differs from the original."""
        return self.text != self.old

    def diff(self, path: str = "aliases.yaml") -> str:
        """Return the unified diff from the old text to the new one ("" when unchanged)."""
        before, after = (path, path) if os.path.isabs(path) else (f"a/{path}", f"b/{path}")
        return "".join(
            difflib.unified_diff(
                self.old.splitlines(keepends=True), self.text.splitlines(keepends=True), before, after
            )
        )
