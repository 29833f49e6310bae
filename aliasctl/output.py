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
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .normalize import Step
from .resolver import Match

if TYPE_CHECKING:
    from .registry import Entity
    from .stats import Stats

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
    from .registry import as_plain

    return json.dumps(as_plain(entity), ensure_ascii=False, indent=2) + "\n"


def stats_text(stats: Stats, *, full: bool = False) -> str:
    """Plain-text counts (``aliasctl stats``)."""
    lines = [
        f"entities: {stats.entities}",
        f"aliases: {stats.aliases} ({stats.shared_aliases} shared)",
        f"redirects: {stats.redirects}",
    ]

    def block(title: str, counter: Counter[str], limit: int | None = None) -> None:
        lines.append(f"{title}:")
        items = counter.most_common()
        shown = items if limit is None or full else items[:limit]
        width = max((len(k) for k, _ in shown), default=0)
        lines.extend(f"  {k:<{width}}  {v:5d}" for k, v in shown)
        if len(shown) < len(items):
            lines.append(f"  ... {len(items) - len(shown)} more (--full)")

    block("entities by kind", stats.by_kind)
    block("entities by country", stats.by_country, 15)
    block("aliases by type", stats.by_type)
    block("aliases by script", stats.by_script)
    lines.append(f"entities without a native-script name: {len(stats.without_native)}")
    if full:
        lines.extend(f"  {eid}" for eid in stats.without_native)
    lines.append(f"entities without sources: {len(stats.without_sources)}")
    lines.extend(f"  {eid}" for eid in stats.without_sources)
    return "\n".join(lines) + "\n"


def stats_json(stats: Stats) -> str:
    """The counts as one JSON object."""
    data = {
        "entities": stats.entities,
        "aliases": stats.aliases,
        "shared_aliases": stats.shared_aliases,
        "redirects": stats.redirects,
        "by_kind": dict(stats.by_kind.most_common()),
        "by_country": dict(stats.by_country.most_common()),
        "by_type": dict(stats.by_type.most_common()),
        "by_script": dict(stats.by_script.most_common()),
        "without_native": list(stats.without_native),
        "without_sources": list(stats.without_sources),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def error_line(message: str) -> str:
    """The one line printed on stderr for an error."""
    return f"aliasctl: error: {printable(message)}"


def use_color(stream: object) -> bool:
    """Whether ``stream`` is a terminal that wants color."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
