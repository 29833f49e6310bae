"""Output formats: pure functions from results to text.

This is the only module that imports rich, and it does so lazily, inside the
functions that draw human tables, so that machine formats (json, jsonl, tsv)
never pay for it. Names are data: they go into rich as ``Text`` objects, never
as markup, and control or bidi characters are shown escaped (``<U+202E>``).
"""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .normalize import Step
from .registry import Entity, as_plain
from .resolver import Match

if TYPE_CHECKING:
    from .clean import CleanReport

STATUS_STYLE = {"matched": "green", "ambiguous": "yellow", "unresolved": "red"}


def printable(text: str) -> str:
    """Escape control, format (bidi, zero-width) and separator characters as ``<U+XXXX>``."""
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Zl", "Zp") or (cat == "Zs" and ch != " "):
            out.append(f"<U+{ord(ch):04X}>")
        else:
            out.append(ch)
    return "".join(out)


def _tsv_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _score(value: float) -> str:
    return f"{value:.1f}"


def _cands(match: Match) -> str:
    return ",".join(f"{c.id}={_score(c.score)}" for c in match.candidates)


TSV_FIELDS = ("query", "status", "id", "name", "score", "method", "matched_alias", "candidates")


def lookup_tsv(matches: Sequence[Match]) -> str:
    """One header line, then one tab-separated line a query (tabs and newlines escaped)."""
    lines = ["\t".join(TSV_FIELDS)]
    for m in matches:
        row = (m.query, m.status, m.id, m.name, _score(m.score), m.method, m.matched_alias, _cands(m))
        lines.append("\t".join(_tsv_cell(v) for v in row))
    return "\n".join(lines) + "\n"


def _match_obj(match: Match, steps: list[Step] | None) -> dict[str, object]:
    obj: dict[str, object] = match.as_dict()
    if steps is not None:
        obj["explain"] = [{"step": s.name, "text": s.text} for s in steps]
    return obj


def lookup_json(matches: Sequence[Match], explains: Sequence[list[Step]] | None = None) -> str:
    """One JSON array of result objects."""
    objs = [_match_obj(m, explains[i] if explains else None) for i, m in enumerate(matches)]
    return json.dumps(objs, ensure_ascii=False, indent=2) + "\n"


def lookup_jsonl_line(match: Match, steps: list[Step] | None = None) -> str:
    """One JSON object on one line."""
    return json.dumps(_match_obj(match, steps), ensure_ascii=False) + "\n"


def explain_text(match: Match, steps: list[Step]) -> str:
    """A plain-text account of how one query was normalized and decided."""
    lines = [f"query: {printable(match.query)}"]
    width = max(len(s.name) for s in steps)
    for s in steps:
        lines.append(f"  {s.name:<{width}}  {printable(s.text)}")
    verdict = f"{match.status}"
    if match.id:
        verdict += (
            f": {match.id} ({printable(match.name or '')}), {match.method}, score {_score(match.score)}"
        )
    lines.append(f"  {'result':<{width}}  {verdict}")
    lines.append(f"  {'why':<{width}}  {printable(match.reason)}")
    for c in match.candidates:
        lines.append(
            f"  {'candidate':<{width}}  {c.id} {_score(c.score)} via '{printable(c.alias)}' ({c.method})"
        )
    return "\n".join(lines) + "\n"


def _console(stream: Any = None) -> Any:
    from rich.console import Console

    return Console(file=stream or sys.stdout, highlight=False, soft_wrap=False)


def print_lookup_table(matches: Iterable[Match], stream: Any = None) -> None:
    """Draw results as a rich table (terminals only)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=True, header_style="bold")
    for col in ("query", "status", "id", "name", "score", "method", "via alias / candidates"):
        table.add_column(col, overflow="fold")
    for m in matches:
        if m.status == "matched":
            via = printable(m.matched_alias or "")
        else:
            via = ", ".join(f"{c.id} {c.score:.0f}" for c in m.candidates) or printable(m.reason)
        table.add_row(
            Text(printable(m.query)),
            Text(m.status, style=STATUS_STYLE.get(m.status, "")),
            Text(m.id or ""),
            Text(printable(m.name or "")),
            Text(_score(m.score) if m.status != "unresolved" else ""),
            Text(m.method or ""),
            Text(via),
        )
    _console(stream).print(table)


def entity_text(entity: Entity, redirected_from: str | None = None) -> str:
    """A plain-text card for one entity (``aliasctl show``)."""
    lines = []
    if redirected_from:
        lines.append(f"({redirected_from} redirects here)")
    lines.append(f"{entity.id}: {printable(entity.name)}")
    lines.append(f"  kind: {entity.kind}")
    if entity.countries:
        lines.append(f"  countries: {', '.join(entity.countries)}")
    if entity.aliases:
        lines.append("  aliases:")
        for a in entity.aliases:
            extra = [a.type] if a.type != "translit" else []
            if a.lang:
                extra.append(a.lang)
            if a.shared:
                extra.append("shared")
            tail = f"  ({', '.join(extra)})" if extra else ""
            lines.append(f"    - {printable(a.text)}{tail}")
    if entity.relations:
        lines.append("  relations:")
        for r in entity.relations:
            lines.append(f"    - {r.type} {r.target}")
    if entity.sources:
        lines.append("  sources:")
        for src in entity.sources:
            lines.append(f"    - {printable(src)}")
    if entity.notes:
        lines.append(f"  notes: {printable(entity.notes)}")
    return "\n".join(lines) + "\n"


def entity_json(entity: Entity) -> str:
    """One entity as a JSON object."""
    return json.dumps(as_plain(entity), ensure_ascii=False, indent=2) + "\n"


def error_line(message: str) -> str:
    """The one line printed on stderr for an error."""
    return f"aliasctl: error: {printable(message)}"


def use_color(stream: object) -> bool:
    """Whether ``stream`` is a terminal that wants color."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


# -- clean -----------------------------------------------------------------------

_CLEAN_STATUSES = ("matched", "ambiguous", "unresolved", "empty")


def _lines_list(lines: Sequence[int], total: int) -> str:
    shown = ", ".join(str(n) for n in lines)
    return shown + (", ..." if total > len(lines) else "")


def clean_summary_text(report: CleanReport, review_path: str | None = None) -> str:
    """The end-of-run summary of ``aliasctl clean`` as plain text (stderr when not a terminal)."""
    cols = ", ".join(printable(c) for c in report.columns)
    lines = [
        f"clean: {report.rows:,} rows, {report.distinct:,} distinct values in {cols}",
    ]
    for status in _CLEAN_STATUSES:
        cells = report.cells.get(status, 0)
        if status == "empty" and not cells:
            continue
        values = report.values.get(status, 0)
        tail = f" ({values:,} distinct)" if status != "empty" else ""
        lines.append(f"  {status:<10} {cells:>12,} cells{tail}")
    if report.methods:
        by = ", ".join(f"{m} {n:,}" for m, n in sorted(report.methods.items(), key=lambda kv: (-kv[1], kv[0])))
        lines.append(f"  by method: {by}")
    if report.ragged:
        lines.append(
            f"  ragged rows passed through unchanged: {report.ragged:,} "
            f"(lines {_lines_list(report.ragged_lines, report.ragged)})"
        )
    if review_path is not None:
        lines.append(f"  review queue: {printable(review_path)} ({len(report.review):,} values)")
    return "\n".join(lines) + "\n"


def print_clean_summary(report: CleanReport, stream: Any, review_path: str | None = None) -> None:
    """Draw the clean summary as a rich table (terminals only)."""
    from rich.table import Table
    from rich.text import Text

    cols = ", ".join(printable(c) for c in report.columns)
    table = Table(
        title=Text(f"clean: {report.rows:,} rows, {report.distinct:,} distinct values in {cols}"),
        show_header=True,
        header_style="bold",
    )
    for col, justify in (("status", "left"), ("cells", "right"), ("distinct values", "right")):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for status in _CLEAN_STATUSES:
        cells = report.cells.get(status, 0)
        if status == "empty" and not cells:
            continue
        values = "" if status == "empty" else f"{report.values.get(status, 0):,}"
        table.add_row(Text(status, style=STATUS_STYLE.get(status, "")), Text(f"{cells:,}"), Text(values))
    console = _console(stream)
    console.print(table)
    extra = clean_summary_text(report, review_path).splitlines()[1:]
    for line in extra:
        if line.startswith(("  by method", "  ragged", "  review")):
            console.print(Text(line))


@contextmanager
def clean_progress(stream: Any, enabled: bool) -> Iterator[Callable[[int], None] | None]:
    """A progress display on ``stream`` (a terminal), or ``None`` when disabled."""
    if not enabled:
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.completed:,} rows"),
        TimeElapsedColumn(),
        console=_console(stream),
        transient=True,
    ) as progress:
        task = progress.add_task("clean", total=None)

        def update(rows: int) -> None:
            progress.update(task, completed=rows)

        yield update
