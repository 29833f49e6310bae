"""``aliasctl audit``: consistency rules over a registry file.

Each rule is a module in :mod:`aliasctl.audit.rules` with an ``ID`` (AL001...),
a kebab-case ``NAME``, a default ``LEVEL`` and a ``check(ctx)`` generator of
findings; its docstring, with a passing and a failing snippet, is its
documentation. The audit never writes the registry.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property
from types import ModuleType

from ..errors import AliasctlError, OutputError, UsageError
from ..matching.neighbours import paused_gc
from .context import AuditContext, Finding, build_context
from .rules import RULES

LEVELS = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding of one rule, located in a file."""

    path: str
    line: int
    col: int
    level: str
    code: str
    name: str
    message: str


@dataclass(frozen=True)
class AuditConfig:
    """Which rules run and at what level."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    levels: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AuditReport:
    """Every problem found in every file audited."""

    paths: tuple[str, ...]
    problems: tuple[Problem, ...]
    strict: bool = False
    #: Files that could not be read or parsed at all, with why.
    failures: tuple[AliasctlError, ...] = ()

    def count(self, level: str) -> int:
        """How many problems of ``level``."""
        return self._counts[level]

    @cached_property
    def _counts(self) -> Counter[str]:
        # Counted once: a summary asks for each level, some twice, of hundreds of thousands of problems.
        return Counter(p.level for p in self.problems)

    @property
    def failed(self) -> bool:
        """Errors, or warnings under ``strict``, make the audit fail."""
        return self.count("error") > 0 or (self.strict and self.count("warning") > 0)


def _matches(rule: ModuleType, pattern: str) -> bool:
    pattern = pattern.strip()
    return bool(pattern) and (rule.ID.lower().startswith(pattern.lower()) or pattern.lower() == rule.NAME)


def selected_rules(config: AuditConfig) -> list[ModuleType]:
    """The rules ``config`` selects, in code order.

    Raises:
        UsageError: a pattern names no rule.
    """
    for pattern in (*config.select, *config.ignore, *config.levels):
        if not any(_matches(r, pattern) for r in RULES):
            raise UsageError(f"no audit rule matches '{pattern}' (see aliasctl audit --list-rules)")
    rules = [r for r in RULES if not config.select or any(_matches(r, p) for p in config.select)]
    return [r for r in rules if not any(_matches(r, p) for p in config.ignore)]


def rule_level(rule: ModuleType, config: AuditConfig) -> str:
    """A rule's level after configuration."""
    for pattern, level in config.levels.items():
        if _matches(rule, pattern):
            if level not in LEVELS:
                raise UsageError(f"level of '{pattern}' must be one of {', '.join(LEVELS)}, not '{level}'")
            return level
    default: str = rule.LEVEL
    return default


def audit_context(ctx: AuditContext, config: AuditConfig) -> list[Problem]:
    """Run the selected rules over one parsed file."""
    with paused_gc():  # the rules make many small objects, no cycles, over a large model
        return _audit_context(ctx, config)


def _audit_context(ctx: AuditContext, config: AuditConfig) -> list[Problem]:
    # The entities that waive each rule (of two entities with one id, the last speaks).
    ignored_by_entity = {e.id: e.audit_ignore for e in ctx.registry.entities if e.audit_ignore}
    waivers: dict[str, set[str]] = {}
    for eid, waived_codes in ignored_by_entity.items():
        for waived_code in waived_codes:
            waivers.setdefault(waived_code, set()).add(eid)
    # Flat rows, sorted once: (line, col, code, order found) sorts as a stable sort by
    # (line, col, code) does, and a tuple sorts without a key function per row.
    rows: list[tuple[int, int, str, int, str, str, str]] = []
    append = rows.append
    for rule in selected_rules(config):
        default = rule_level(rule, config)
        code: str = rule.ID
        name: str = rule.NAME
        waived = waivers.get(code, set())
        configured = code in config.levels
        finding: Finding
        if not waived and not configured:
            # The usual case, a row a finding (half a million of them) without a test each.
            rows.extend(
                [
                    (line, col, code, n, level or default, name, message)
                    for n, (line, col, message, _, level) in enumerate(rule.check(ctx), len(rows))
                ]
            )
            continue
        for finding in rule.check(ctx):
            line, col, message, entity, level = finding  # unpacked at once: half a million of them
            if waived and entity and entity in waived:
                continue
            append((line, col, code, len(rows), level if level and not configured else default, name, message))
    rows.sort()
    return _problems(ctx.path, rows)


def _slot_setter(attr: str) -> Callable[[Problem, object], None]:
    setter: Callable[[Problem, object], None] = getattr(Problem, attr).__set__
    return setter


_SET_PATH, _SET_LINE, _SET_COL, _SET_LEVEL, _SET_CODE, _SET_NAME, _SET_MESSAGE = (
    _slot_setter(f.name) for f in fields(Problem)
)


def _problems(path: str, rows: list[tuple[int, int, str, int, str, str, str]]) -> list[Problem]:
    """``Problem(path, ...)`` of each row, made at half the cost.

    A frozen dataclass sets each field through ``object.__setattr__``; the slots are
    set here directly, which is all that does (a large file has half a million problems).
    """
    new = object.__new__
    set_path, set_line, set_col, set_level = _SET_PATH, _SET_LINE, _SET_COL, _SET_LEVEL
    set_code, set_name, set_message = _SET_CODE, _SET_NAME, _SET_MESSAGE
    out: list[Problem] = []
    append = out.append
    for line, col, code, _, level, name, message in rows:
        problem: Problem = new(Problem)
        set_path(problem, path)
        set_line(problem, line)
        set_col(problem, col)
        set_level(problem, level)
        set_code(problem, code)
        set_name(problem, name)
        set_message(problem, message)
        append(problem)
    return out


def run_audit(paths: Sequence[str | os.PathLike[str]], config: AuditConfig) -> AuditReport:
    """Audit registry files.

    Files that cannot be read or parsed at all are listed in
    ``AuditReport.failures``; the others are audited all the same.
    """
    selected_rules(config)  # refuse unknown patterns before any work
    problems: list[Problem] = []
    failures: list[AliasctlError] = []
    audited: list[str] = []
    for path in paths:
        try:
            ctx = build_context(path)
        except AliasctlError as exc:  # one broken file does not hide the others' findings
            failures.append(exc)
            continue
        audited.append(os.fspath(path))
        problems.extend(audit_context(ctx, config))
    return AuditReport(tuple(audited), tuple(problems), config.strict, tuple(failures))


def append_step_summary(path: str | os.PathLike[str], markdown: str) -> None:
    """Append a report to a GitHub Actions job summary (the file ``$GITHUB_STEP_SUMMARY`` names).

    Args:
        path: the summary file; it is created if missing.
        markdown: what to add, such as :func:`aliasctl.output.audit_step_summary` of a report.

    Raises:
        OutputError: the file cannot be appended to.
    """
    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(markdown)
    except OSError as exc:
        raise OutputError(f"cannot append the step summary: {exc.strerror}", path) from None


def rule_docs() -> Iterable[tuple[str, str, str, str]]:
    """(code, name, level, docstring) of every rule."""
    for rule in RULES:
        yield rule.ID, rule.NAME, rule.LEVEL, (rule.__doc__ or "").strip()


__all__ = [
    "AuditConfig",
    "AuditReport",
    "Problem",
    "append_step_summary",
    "audit_context",
    "rule_docs",
    "run_audit",
]
