"""Shared by the collision rules: names grouped by a normalized form."""

from __future__ import annotations

from collections import Counter

from ...normalize import acronym_key
from ..context import AuditContext


def groups(ctx: AuditContext, form: str) -> list[list[int]]:
    """Alias positions that share a form (``key`` or ``skeleton``) across two or more entities.

    Acronyms are grouped by their letters, and only with other acronyms.
    """
    idx = ctx.index
    types = idx.alias_type
    # A name's group is its form (a string), an acronym's a tuple (never equal to a string).
    forms: list[str | tuple[str, str] | None] = list(idx.alias_key if form == "key" else idx.alias_skeleton)
    for a_i in [a_i for a_i, kind in enumerate(types) if kind == "acronym"]:
        forms[a_i] = ("A", acronym_key(idx.alias_text[a_i])) if form == "key" else None
    # Counted at C speed first: only the positions of a form met twice or more are gathered.
    counts = Counter(forms)
    by_form: dict[str | tuple[str, str], list[int]] = {}
    for a_i, value in enumerate(forms):
        if value and counts[value] > 1:
            members = by_form.get(value)
            if members is None:
                by_form[value] = [a_i]
            else:
                members.append(a_i)
    entity = idx.alias_entity
    return [members for members in by_form.values() if len({entity[a] for a in members}) > 1]


def where(ctx: AuditContext, a_i: int) -> str:
    """``'text' of entity-id (line N)`` for messages."""
    line, _, eid = ctx.alias_marks[a_i]
    return f"'{ctx.index.alias_text[a_i]}' of {eid} (line {line})"


def is_name(ctx: AuditContext, a_i: int) -> bool:
    """Whether position ``a_i`` is an entity's display name (the first of its names)."""
    return a_i == 0 or ctx.index.alias_entity[a_i - 1] != ctx.index.alias_entity[a_i]
