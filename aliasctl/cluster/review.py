"""Reviewing a proposals file, one entry at a time.

:func:`review_proposals` runs the session ``aliasctl review`` runs, with the
person's side passed in: a function that shows things and one that asks what
to do with a proposal. Each decision is written to the file at once (under the
registry lock), so an interrupted review resumes where it stopped.

Example, accepting every proposal without asking anyone::

    from aliasctl.cluster.review import Decision, review_proposals

    result = review_proposals("proposals.yaml", resolver, ask=lambda p: Decision("accept"), show=print)
    print(f"{result.decided} decided, {result.left} left")
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Literal

from ..constants import DEFAULT_LOCK_TIMEOUT
from ..errors import UsageError
from ..files import read_bytes
from ..matching.resolver import Resolver
from ..registry.change import Edit
from ..registry.loader import decode, load_strict
from ..registry.model import Entity, Registry
from ..registry.writer import update
from .grouping import review_decide

#: What a reviewer can do with one proposal: the actions of
#: :func:`~aliasctl.cluster.grouping.review_decide`, and ``quit``.
Action = Literal["accept", "reject", "id", "name", "same-as", "skip", "quit"]

#: The actions that take a value: the new id, the new name, the registry id.
VALUE_ACTIONS: tuple[Action, ...] = ("id", "name", "same-as")


@dataclass(frozen=True, slots=True)
class Proposal:
    """One entry still marked ``proposed: true``, as the reviewer sees it."""

    entity: Entity
    #: The registry already has an entity with this id: accepting adds aliases to it.
    known: bool
    #: How many entries are left to review, this one included.
    pending: int


@dataclass(frozen=True, slots=True)
class Decision:
    """What to do with one proposal.

    ``value`` is the new id for ``id``, the new name for ``name`` and the
    registry entity's id for ``same-as``; the other actions take none.
    """

    action: Action
    value: str | None = None


@dataclass(frozen=True, slots=True)
class ReviewResult:
    """How a review session ended."""

    path: str
    #: Entries accepted, rejected or merged into a registry entity.
    decided: int
    #: Entries still marked ``proposed: true`` in the file (skipped ones included).
    left: int
    #: Every change written to the file, in order (a new id or name included).
    edits: tuple[Edit, ...] = ()


def _read(path: str) -> Registry:
    # Read afresh for every proposal: the file changes with each decision.
    return load_strict(decode(read_bytes(path), path), path)


def review_proposals(
    path: str | os.PathLike[str],
    resolver: Resolver,
    ask: Callable[[Proposal], Decision],
    show: Callable[[Proposal | UsageError], None],
    *,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
) -> ReviewResult:
    """Go through the entries of a proposals file still marked ``proposed: true``.

    For each one, in file order, ``show`` gets the :class:`Proposal` and
    ``ask`` returns the :class:`Decision`, which is written to the file at once.
    A decision the file or the registry refuses (a taken id, an unknown
    entity) goes to ``show`` as a :class:`UsageError`, and the same entry
    comes up again. A skipped entry is not shown again in this session. The
    session ends when nothing is left to review or ``ask`` says ``quit``.

    Args:
        path: the proposals file ``aliasctl cluster`` wrote.
        resolver: the registry the proposals are checked against.
        ask: asks the reviewer what to do with a proposal; whatever it raises
            (an interruption) ends the session, with the decisions so far saved.
        show: shows a proposal before ``ask`` is called, or why a decision was refused.
        lock_timeout: seconds to wait for another writer's lock on the file.

    Returns:
        How many entries were decided and how many are left.

    Raises:
        RegistryError: the file is not a valid registry.
        InputMissingError: the file cannot be read.
        LockedError: the file is locked by another writer, or changed underneath.
        OutputError: the file cannot be written.
    """
    spath = os.fspath(path)
    skipped: set[str] = set()
    decided = 0
    edits: list[Edit] = []
    while True:
        reg = _read(spath)
        pending = [e for e in reg.entities if e.proposed and e.id not in skipped]
        decision = Decision("quit")
        if pending:
            entity = pending[0]
            proposal = Proposal(entity, entity.id in resolver.index.ids, len(pending))
            show(proposal)
            decision = ask(proposal)
        if decision.action == "quit":
            left = sum(1 for e in reg.entities if e.proposed)
            return ReviewResult(spath, decided, left, tuple(edits))
        if decision.action == "skip":
            skipped.add(entity.id)
            continue
        try:
            edit = update(
                spath,
                partial(
                    review_decide,
                    entity_id=entity.id,
                    action=decision.action,
                    value=decision.value if decision.action in VALUE_ACTIONS else None,
                    resolver=resolver,
                    path=spath,
                ),
                lock_timeout=lock_timeout,
            )
        except UsageError as exc:
            show(exc)
            continue
        if edit.changed:
            edits.append(edit)
        if decision.action in ("id", "name"):
            # A new id or name leaves the entry proposed: it comes up again.
            if decision.action == "id" and decision.value:
                skipped.discard(decision.value)
            continue
        decided += 1


__all__ = ["VALUE_ACTIONS", "Action", "Decision", "Proposal", "ReviewResult", "review_proposals"]
