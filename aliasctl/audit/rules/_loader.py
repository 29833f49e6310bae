"""Shared by the rules that report what the strict loader found."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import AuditContext, Finding


def loader_findings(ctx: AuditContext, rule: str) -> Iterator[Finding]:
    """The loader's problems that belong to ``rule``."""
    for err in ctx.registry.problems:
        if err.rule == rule:
            yield Finding(err.line or 1, err.col or 1, err.message)
