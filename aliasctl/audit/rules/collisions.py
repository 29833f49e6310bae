"""Shared by the collision rules: names grouped by a normalized form."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from operator import ne

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
    for a_i in occurrences(types, "acronym"):
        forms[a_i] = ("A", acronym_key(idx.alias_text[a_i])) if form == "key" else None
    # Only the positions of a form two entities hold are gathered. The names of an entity are
    # one run of positions, in entity order: a form is two entities' when the entity of its
    # first position is not that of its last (both found at C speed).
    entity = idx.alias_entity
    last = dict(zip(forms, entity, strict=True))
    first = dict(zip(reversed(forms), reversed(entity), strict=True))
    wanted = set(compress(last, map(ne, map(first.__getitem__, last), last.values())))
    wanted.difference_update(("", None))  # no form: never grouped
    by_form: dict[str | tuple[str, str] | None, list[int]] = {}
    for a_i, value in enumerate(forms):
        if value in wanted:
            members = by_form.get(value)
            if members is None:
                by_form[value] = [a_i]
            else:
                members.append(a_i)
    return list(by_form.values())


def occurrences(column: Sequence[object], value: object) -> list[int]:
    """The positions where ``column`` holds ``value``, found at C speed in a list (most are few)."""
    if not isinstance(column, list):
        return [i for i, held in enumerate(column) if held == value]
    out = []
    at = 0
    try:
        while True:
            at = column.index(value, at)
            out.append(at)
            at += 1
    except ValueError:
        return out


def where(ctx: AuditContext, a_i: int) -> str:
    """``'text' of entity-id (line N)`` for messages."""
    line, _, eid = ctx.alias_marks[a_i]
    return f"'{ctx.index.alias_text[a_i]}' of {eid} (line {line})"


def is_name(ctx: AuditContext, a_i: int) -> bool:
    """Whether position ``a_i`` is an entity's display name (the first of its names)."""
    return a_i == 0 or ctx.index.alias_entity[a_i - 1] != ctx.index.alias_entity[a_i]
