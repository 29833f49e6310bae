"""Shared by the collision rules: names grouped by a normalized form."""

from __future__ import annotations

from collections import defaultdict

from ...normalize import acronym_key
from ..context import AuditContext


def groups(ctx: AuditContext, form: str) -> list[list[int]]:
    """Alias positions that share a form (``key`` or ``skeleton``) across two or more entities.

    Acronyms are grouped by their letters, and only with other acronyms.
    """
    idx = ctx.index
    by_form: dict[tuple[str, str], list[int]] = defaultdict(list)
    for a_i, text in enumerate(idx.alias_text):
        if idx.alias_type[a_i] == "acronym":
            if form == "key":
                by_form["A", acronym_key(text)].append(a_i)
            continue
        value = idx.alias_key[a_i] if form == "key" else idx.alias_skeleton[a_i]
        if value:
            by_form["K", value].append(a_i)
    return [members for members in by_form.values() if len({idx.alias_entity[a] for a in members}) > 1]


def where(ctx: AuditContext, a_i: int) -> str:
    """``'text' of entity-id (line N)`` for messages."""
    line, _, eid = ctx.alias_marks[a_i]
    return f"'{ctx.index.alias_text[a_i]}' of {eid} (line {line})"


def is_name(ctx: AuditContext, a_i: int) -> bool:
    """Whether position ``a_i`` is an entity's display name (the first of its names)."""
    return a_i == 0 or ctx.index.alias_entity[a_i - 1] != ctx.index.alias_entity[a_i]
