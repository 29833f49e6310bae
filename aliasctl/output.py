"""Output formats: pure functions from results to text.

This is the only module that imports rich, and it does so lazily, inside the
functions that draw human tables, so that machine formats (json, jsonl, tsv)
never pay for it. Names are data: they go into rich as ``Text`` objects, never
as markup, and control or bidi characters are shown escaped (``<U+202E>``).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .matching.resolver import Match
from .normalize import Step, printable

if TYPE_CHECKING:
    from .audit import AuditReport
    from .clean import CleanReport
    from .cluster.grouping import Cluster
    from .cluster.review import ReviewResult
    from .imports.propose import ImportResult
    from .registry.change import Edit
    from .registry.model import Entity
    from .registry.stats import Stats
    from .tables.base import Advance

STATUS_STYLE = {"matched": "green", "ambiguous": "yellow", "unresolved": "red"}


# What a terminal would act on rather than show: C0 and C1 controls, DEL, the
# bidi controls (which reorder the rest of the line) and the line and
# paragraph separators. Zero-width joiners are letters' business (Persian,
# Indic scripts) and stay.
_UNSAFE_BEYOND_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
# json.dumps escapes C0 controls itself: a raw one in its output is its own indentation.
_JSON_UNSAFE = re.compile(f"[{_UNSAFE_BEYOND_C0}]")
_TSV_SPECIAL = re.compile(f"[\\\\\x00-\x1f{_UNSAFE_BEYOND_C0}]")
_TSV_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _u_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _tsv_escape(match: re.Match[str]) -> str:
    ch = match.group()
    return _TSV_ESCAPES.get(ch) or f"\\u{ord(ch):04x}"


def tsv_cell(value: object) -> str:
    """A TSV cell: backslash, tab, CR and LF as ``\\\\ \\t \\r \\n``, other controls and bidi as ``\\uXXXX``.

    The escaping can be undone, and no cell can move the terminal's cursor,
    reorder a line or split a row, whether it is shown or piped.
    """
    text = "" if value is None else str(value)
    return _TSV_SPECIAL.sub(_tsv_escape, text)


def dumps(data: object, *, indent: int | None = None) -> str:
    """JSON text in which controls and bidi characters are ``\\u`` escapes, every other character itself.

    ``ensure_ascii=False`` keeps Arabic readable but lets DEL, C1 controls,
    the bidi controls and U+2028/U+2029 through raw; they can only occur
    inside strings, where the escape means the same character.
    """
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(_u_escape, text)


def _score(value: float) -> str:
    return f"{value:.1f}"


def _cands(match: Match) -> str:
    return ",".join(f"{c.id}={_score(c.score)}" for c in match.candidates)


TSV_FIELDS = ("query", "status", "id", "name", "score", "method", "matched_alias", "candidates")


#: The header line of ``lookup``'s TSV.
LOOKUP_TSV_HEADER = "\t".join(TSV_FIELDS) + "\n"


def lookup_tsv_line(m: Match) -> str:
    """One query as a tab-separated line (cells escaped by :func:`tsv_cell`)."""
    row = (m.query, m.status, m.id, m.name, _score(m.score), m.method, m.matched_alias, _cands(m))
    return "\t".join(tsv_cell(v) for v in row) + "\n"


def lookup_tsv(matches: Sequence[Match]) -> str:
    """One header line, then one tab-separated line a query."""
    return LOOKUP_TSV_HEADER + "".join(lookup_tsv_line(m) for m in matches)


def _match_obj(
    match: Match, steps: list[Step] | None, settings: dict[str, Any] | None = None
) -> dict[str, object]:
    obj: dict[str, object] = match.as_dict()
    if settings is not None:
        # Which registry and scorer gave this answer: scores must never drift unseen.
        obj["registry"] = settings
    if steps is not None:
        obj["explain"] = [{"step": s.name, "text": s.text} for s in steps]
    return obj


def lookup_json(
    matches: Sequence[Match],
    explains: Sequence[list[Step]] | None = None,
    settings: dict[str, Any] | None = None,
) -> str:
    """One JSON array of result objects."""
    objs = [_match_obj(m, explains[i] if explains else None, settings) for i, m in enumerate(matches)]
    return dumps(objs, indent=2) + "\n"


def lookup_jsonl_line(
    match: Match, steps: list[Step] | None = None, settings: dict[str, Any] | None = None
) -> str:
    """One JSON object on one line."""
    return dumps(_match_obj(match, steps, settings)) + "\n"


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

    stream = stream or sys.stdout
    # NO_COLOR and TERM=dumb mean no escape codes at all, not even bold.
    if use_color(stream):
        return Console(file=stream, highlight=False, soft_wrap=False)
    return Console(file=stream, highlight=False, soft_wrap=False, color_system=None)


# The lookup table's headers: the id, status, score and method columns never
# wrap (an id cut in two cannot be copied); the others fold, at words first,
# into the width left over.
_LOOKUP_HEADERS = ("query", "status", "id", "name", "score", "method", "via / candidates")
# The gap between two columns of the table (padding, divider, padding).
_GAP = 3


def _longest_word(text: str) -> int:
    return max((len(w) for w in text.split()), default=0)


def _widest_line(text: str) -> int:
    return max((len(line) for line in text.split("\n")), default=0)


def _share(width: int, natural: list[int], least: list[int]) -> list[int] | None:
    """Widths for folding columns: each its natural width if all fit, else a fair part of ``width``.

    Every column gets at least its ``least`` width (its header's longest word);
    ``None`` when even that does not fit.
    """
    natural = [max(n, m) for n, m in zip(natural, least, strict=True)]
    if sum(natural) <= width:
        return natural
    spare = width - sum(least)
    if spare < 0:
        return None
    want = [n - m for n, m in zip(natural, least, strict=True)]
    out = [m + spare * w // sum(want) for m, w in zip(least, want, strict=True)]
    out[out.index(min(out))] += width - sum(out)  # what rounding left over
    return out


def _via(m: Match) -> str:
    if m.status == "matched":
        return printable(m.matched_alias or "")
    # One candidate a line, so that an id breaks only where the column is narrower than it.
    return "\n".join(f"{c.id} {c.score:.0f}" for c in m.candidates) or printable(m.reason)


def _lookup_columns(rows: Sequence[Match], width: int) -> tuple[str, list[int]] | None:
    """The layout and its column widths, or ``None`` when no table fits ``width``.

    ``wide``: seven columns, taken when every word of the folding columns
    fits whole. ``narrow``: query, status, id and score; the name, the alias
    matched or the candidates go under the id (as wide as the longest id or
    candidate line), the method under the score.
    """
    status = max([len("status"), *(len(m.status) for m in rows)])
    ids = max([len("id"), *(len(m.id or "") for m in rows)])
    method = max([len("method"), *(len(m.method or "") for m in rows)])
    queries = [printable(m.query) for m in rows]
    names = [printable(m.name or "") for m in rows]
    vias = [_via(m) for m in rows]
    query = max([5, *map(_widest_line, queries)])
    query_word = max([len("query"), *map(_longest_word, queries)])
    wide = _share(
        width - status - ids - len("score") - method - _GAP * 6,
        [query, max([4, *map(_widest_line, names)]), max([0, *map(_widest_line, vias)])],
        [
            query_word,
            max([len("name"), *map(_longest_word, names)]),
            max([_longest_word(_LOOKUP_HEADERS[-1]), *map(_longest_word, vias)]),
        ],
    )
    if wide is not None:
        q, n, v = wide
        return "wide", [q, status, ids, n, len("score"), method, v]
    candidates = max([0, *(len(c.id) + 4 for m in rows if m.status != "matched" for c in m.candidates)])
    ids = max(ids, candidates)
    score = max(len("score"), method)
    room = width - status - ids - score - _GAP * 3
    for least in (query_word, len("query")):
        narrow = _share(room, [query], [least])
        if narrow is not None:
            return "narrow", [narrow[0], status, ids, score]
    return None


def print_lookup_table(matches: Iterable[Match], stream: Any = None) -> None:
    """Draw results as a table (terminals only): ids whole, names folded into the width left.

    On a terminal too narrow for seven columns the name, the alias matched
    or the candidates go under the id and the method under the score;
    narrower still, each answer is a short block of lines.
    """
    from rich import box
    from rich.table import Table
    from rich.text import Text

    rows = list(matches)
    console = _console(stream)
    layout = _lookup_columns(rows, console.width)
    if layout is None:
        for m in rows:
            console.print(Text(printable(m.query), style="bold"))
            line = Text("  ")
            line.append(m.status, style=STATUS_STYLE.get(m.status, ""))
            if m.status != "unresolved":
                line.append(f" {_score(m.score)} {m.method or ''}".rstrip())
            console.print(line)
            for part in (m.id, printable(m.name or "") or None):
                if part:
                    console.print(Text(f"  {part}"))
            via = f"via {printable(m.matched_alias or '')}" if m.status == "matched" else _via(m)
            console.print(Text("  " + via.replace("\n", "\n  ")))
        return
    kind, widths = layout
    headers = _LOOKUP_HEADERS if kind == "wide" else ("query", "status", "id", "score")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for head, w in zip(headers, widths, strict=True):
        table.add_column(
            head,
            width=w,
            no_wrap=head in ("status", "score", "method"),
            overflow="fold",
            justify="right" if head == "score" else "left",
        )
    for m in rows:
        score = _score(m.score) if m.status != "unresolved" else ""
        cells = [Text(printable(m.query)), Text(m.status, style=STATUS_STYLE.get(m.status, ""))]
        if kind == "wide":
            cells += [Text(m.id or ""), Text(printable(m.name or "")), Text(score), Text(m.method or "")]
            cells.append(Text(_via(m)))
        else:
            # The column is as wide as the longest id and candidate line; the rest folds.
            lines = [Text(m.id)] if m.id else []
            if m.name:
                lines.append(Text(printable(m.name), style="dim"))
            if m.status == "matched":
                lines.append(Text(f"via {printable(m.matched_alias or '')}", style="dim"))
            else:
                lines.append(Text(_via(m), style="dim"))
            cells += [Text("\n").join(lines), Text(score + ("\n" if score else "") + (m.method or ""))]
        table.add_row(*cells)
    console.print(table)


def entity_text(entity: Entity, redirected_from: str | None = None) -> str:
    """A plain-text card for one entity (``aliasctl show``).

    Sources are numbered; an alias, an id or the active years cite one as
    ``[n]``, or by its URL when it is not among the entity's sources.
    """
    number = {src: i for i, src in enumerate(entity.sources, 1)}

    def cite(ref: str | int | None) -> str:
        url = entity.source_url(ref)
        if url is None:
            return ""
        return f"  [{number[url]}]" if url in number else f"  [{printable(url)}]"

    lines = []
    if redirected_from:
        lines.append(f"({redirected_from} redirects here)")
    lines.append(f"{entity.id}: {printable(entity.name)}")
    lines.append(f"  kind: {entity.kind}")
    if entity.countries:
        lines.append(f"  countries: {', '.join(entity.countries)}")
    if entity.active is not None:
        start, end = entity.active.start, entity.active.end
        span = f"{start if start is not None else '?'}-{end if end is not None else ''}"
        lines.append(f"  active: {span}{cite(entity.active.source)}")
    if entity.ids:
        lines.append("  ids:")
        lines.extend(f"    {i.scheme}: {printable(str(i.value))}{cite(i.source)}" for i in entity.ids)
    if entity.aliases:
        lines.append("  aliases:")
        for a in entity.aliases:
            extra = [a.type] if a.type != "translit" else []
            if a.lang:
                extra.append(a.lang)
            if a.shared:
                extra.append("shared")
            tail = f"  ({', '.join(extra)})" if extra else ""
            lines.append(f"    - {printable(a.text)}{tail}{cite(a.source)}")
    if entity.relations:
        lines.append("  relations:")
        for r in entity.relations:
            lines.append(f"    - {r.type} {r.target}")
    if entity.designations:
        lines.append("  designations:")
        for d in entity.designations:
            when = [d.date]
            if d.revoked:
                when.append(f"revoked {d.revoked}")
            if d.ref:
                when.append(f"ref {printable(d.ref)}")
            lines.append(f"    - {d.code} ({', '.join(when)})  {printable(d.url)}")
    if entity.sources:
        lines.append("  sources:")
        for i, src in enumerate(entity.sources, 1):
            lines.append(f"    [{i}] {printable(src)}")
    if entity.notes:
        lines.append(f"  notes: {printable(entity.notes)}")
    return "\n".join(lines) + "\n"


def entity_json(entity: Entity) -> str:
    """One entity as a JSON object."""
    from .registry.model import as_plain

    return dumps(as_plain(entity), indent=2) + "\n"


def _by_count(counter: Counter[str]) -> list[tuple[str, int]]:
    """Most first, ties by name: the same order on every run."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


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
    lines.append(f"entities without aliases: {len(stats.without_aliases)}")
    if full:
        lines.extend(f"  {eid}" for eid in stats.without_aliases)

    def share(part: int, whole: int, what: str) -> str:
        return f"{part} of {whole} {what} ({stats.share(part, whole):.1f} %)"

    lines.append(f"provenance: {share(stats.aliases_with_source, stats.aliases, 'aliases')} cite a source")
    lines.append(f"sources: {stats.sources} on {len(stats.by_source_host)} hosts")
    block("sources by class", stats.by_source_class)
    block("sources by host", stats.by_source_host, 15)
    lines.append(f"outside ids: {share(stats.with_ids, stats.entities, 'entities')}")
    lines.extend(f"  {k:<12}  {v:5d}" for k, v in _by_count(stats.by_id_scheme))
    lines.append(f"designations: {share(stats.with_designations, stats.entities, 'entities')}")
    lines.extend(f"  {k:<12}  {v:5d}" for k, v in _by_count(stats.by_designation_list))
    lines.append(f"active years: {share(stats.with_active, stats.entities, 'entities')}")
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
        "without_aliases": list(stats.without_aliases),
        "aliases_with_source": stats.aliases_with_source,
        "sources": stats.sources,
        "by_source_class": dict(stats.by_source_class.most_common()),
        "by_source_host": dict(stats.by_source_host.most_common()),
        "entities_with_ids": stats.with_ids,
        "by_id_scheme": dict(_by_count(stats.by_id_scheme)),
        "entities_with_designations": stats.with_designations,
        "by_designation_list": dict(_by_count(stats.by_designation_list)),
        "entities_with_active": stats.with_active,
    }
    return dumps(data, indent=2) + "\n"


# -- audit ---------------------------------------------------------------

_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def audit_summary(report: AuditReport) -> str:
    """One closing line: counts by level."""
    counts = [
        f"{report.count(level)} {level}{'s' if report.count(level) != 1 else ''}"
        for level in ("error", "warning")
    ]
    counts.append(f"{report.count('info')} info")
    files = len(report.paths)
    return f"{', '.join(counts)} in {files} file{'s' if files != 1 else ''}"


def audit_text(report: AuditReport) -> str:
    """Problems grouped by file, one a line, then a summary line."""
    lines: list[str] = []
    for path in report.paths:
        mine = [p for p in report.problems if p.path == path]
        if not mine:
            continue
        lines.append(printable(path))
        for p in mine:
            lines.append(f"  {p.line}:{p.col}  {p.level:<7}  {printable(p.message)}  ({p.code} {p.name})")
        lines.append("")
    lines.append(audit_summary(report))
    return "\n".join(lines) + "\n"


def print_audit_rich(report: AuditReport, stream: Any = None) -> None:
    """The text report with colored levels (terminals only)."""
    from rich.text import Text

    console = _console(stream)
    style = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    for path in report.paths:
        mine = [p for p in report.problems if p.path == path]
        if not mine:
            continue
        console.print(Text(printable(path), style="underline"))
        for p in mine:
            line = Text(f"  {p.line}:{p.col}  ")
            line.append(f"{p.level:<7}", style=style.get(p.level, ""))
            line.append(f"  {printable(p.message)}  ")
            line.append(f"({p.code} {p.name})", style="dim")
            console.print(line)
        console.print()
    console.print(Text(audit_summary(report), style="bold"))


def audit_parsable(report: AuditReport) -> str:
    """``path:line:col: [level] message (CODE name)``, one a line."""
    return "".join(
        f"{printable(p.path)}:{p.line}:{p.col}: [{p.level}] {printable(p.message)} ({p.code} {p.name})\n"
        for p in report.problems
    )


def audit_json(report: AuditReport) -> str:
    """One JSON object: the problems and the counts."""
    data = {
        "files": list(report.paths),
        "problems": [
            {
                "path": p.path,
                "line": p.line,
                "col": p.col,
                "level": p.level,
                "code": p.code,
                "name": p.name,
                "message": p.message,
            }
            for p in report.problems
        ],
        "counts": {level: report.count(level) for level in ("error", "warning", "info")},
        "failed": report.failed,
    }
    return dumps(data, indent=2) + "\n"


_SHOWN_ESCAPED = re.compile(f"[\x00-\x09\x0b\x0c\x0e-\x1f{_UNSAFE_BEYOND_C0}]")


def _shown(text: str) -> str:
    """Controls and bidi characters as ``<U+XXXX>``, but CR and LF, which the annotation format escapes itself.

    The Actions log is a terminal of sorts: it acts on escape codes.
    """
    return _SHOWN_ESCAPED.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def github_escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_escape_property(text: str) -> str:
    """Escape a workflow command's property value."""
    return github_escape_data(text).replace(":", "%3A").replace(",", "%2C")


def audit_github(report: AuditReport) -> str:
    """GitHub Actions annotations, one per problem, then the full text report.

    GitHub shows only the first ten annotations of each level on a step, so
    the plain report follows them.
    """
    lines = []
    for p in report.problems:
        props = ",".join(
            f"{k}={github_escape_property(_shown(v))}"
            for k, v in (
                ("file", p.path),
                ("line", str(p.line)),
                ("col", str(p.col)),
                ("title", f"{p.code} {p.name}"),
            )
        )
        lines.append(f"::{_GITHUB_LEVEL[p.level]} {props}::{github_escape_data(_shown(p.message))}")
    return "\n".join(lines) + ("\n" if lines else "") + audit_text(report)


def audit_step_summary(report: AuditReport) -> str:
    """A Markdown summary for ``$GITHUB_STEP_SUMMARY``."""
    lines = ["## aliasctl audit", "", audit_summary(report), ""]
    if report.problems:
        lines += ["| file | line | level | rule | message |", "| --- | --- | --- | --- | --- |"]
        for p in report.problems[:200]:
            msg = printable(p.message).replace("|", "\\|")
            lines.append(f"| {p.path} | {p.line}:{p.col} | {p.level} | {p.code} {p.name} | {msg} |")
        if len(report.problems) > 200:
            lines.append(f"\n{len(report.problems) - 200} more problems in the log.")
    return "\n".join(lines) + "\n"


def audit_sarif(report: AuditReport, rules: Sequence[tuple[str, str, str, str]], version: str) -> str:
    """A SARIF 2.1.0 log with one run."""
    index = {code: i for i, (code, _, _, _) in enumerate(rules)}
    driver = {
        "name": "aliasctl",
        "version": version,
        "informationUri": "https://pypi.org/project/aliasctl/",
        "rules": [
            {
                "id": code,
                "name": name,
                "shortDescription": {"text": doc.splitlines()[0] if doc else name},
                "fullDescription": {"text": doc or name},
                "defaultConfiguration": {"level": _SARIF_LEVEL[level]},
            }
            for code, name, level, doc in rules
        ],
    }
    results = [
        {
            "ruleId": p.code,
            "ruleIndex": index[p.code],
            "level": _SARIF_LEVEL[p.level],
            "message": {"text": p.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": p.path.replace(os.sep, "/")},
                        "region": {"startLine": p.line, "startColumn": p.col},
                    }
                }
            ],
        }
        for p in report.problems
    ]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }
    return dumps(log, indent=2) + "\n"


def audit_junit(report: AuditReport) -> str:
    """A JUnit XML report: one test case per problem (a failure for errors), one per clean file."""
    from xml.etree import ElementTree as ET

    suites = ET.Element("testsuites", name="aliasctl audit")
    for path in report.paths:
        mine = [p for p in report.problems if p.path == path]
        failures = sum(1 for p in mine if p.level == "error" or (report.strict and p.level == "warning"))
        suite = ET.SubElement(
            suites, "testsuite", name=path, tests=str(max(len(mine), 1)), failures=str(failures), errors="0"
        )
        if not mine:
            ET.SubElement(suite, "testcase", classname="aliasctl.audit", name=path)
        for p in mine:
            case = ET.SubElement(
                suite, "testcase", classname=f"{p.code} {p.name}", name=f"{p.path}:{p.line}:{p.col}"
            )
            fails = p.level == "error" or (report.strict and p.level == "warning")
            if fails:
                node = ET.SubElement(case, "failure", message=p.message, type=p.level)
            else:
                node = ET.SubElement(case, "system-out")
            node.text = f"{p.path}:{p.line}:{p.col}: [{p.level}] {p.message}"
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


#: The formats of ``aliasctl audit --format``.
AUDIT_FORMATS = ("text", "parsable", "json", "github", "sarif", "junit")


def render_audit(
    report: AuditReport, fmt: str, *, rules: Iterable[tuple[str, str, str, str]], version: str
) -> str:
    """The audit report as text in one of :data:`AUDIT_FORMATS`.

    The colored text report of a terminal is :func:`print_audit_rich`'s.

    Args:
        report: what the audit found.
        fmt: the format's name.
        rules: (code, name, level, docstring) of every rule, for SARIF's rule list.
        version: aliasctl's version, for SARIF's tool description.

    Raises:
        ValueError: an unknown format.
    """
    if fmt == "sarif":
        return audit_sarif(report, list(rules), version)
    formats: dict[str, Callable[[AuditReport], str]] = {
        "text": audit_text,
        "parsable": audit_parsable,
        "json": audit_json,
        "github": audit_github,
        "junit": audit_junit,
    }
    if fmt not in formats:
        raise ValueError(f"unknown audit format '{fmt}' (one of {', '.join(AUDIT_FORMATS)})")
    return formats[fmt](report)


def rules_text(rules: Sequence[tuple[str, str, str, str]]) -> str:
    """The rule list (``aliasctl audit --list-rules``)."""
    return "".join(
        f"{code}  {name:<24} {level:<8} {doc.splitlines()[0] if doc else ''}\n"
        for code, name, level, doc in rules
    )


def cluster_summary(values: int, clusters: Sequence[Cluster], path: str | None) -> str:
    """One line: what was clustered and proposed."""
    new = sum(1 for c in clusters if c.kind == "new" and c.new_spellings())
    more = sum(1 for c in clusters if c.kind == "existing" and c.new_spellings())
    where = f"; wrote {path}" if path else ""
    return (
        f"aliasctl: {values} distinct values, {len(clusters)} clusters: "
        f"{new} new entities, {more} with new aliases of existing ones{where}"
    )


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


def import_summary(result: ImportResult, path: str | None, applied: Edit | None, registry: str) -> str:
    """What an import read, matched and proposed, in a few lines (stderr)."""
    lf = result.list_file
    read = ", ".join(f"{n} {k}{'s' if n != 1 and not k.endswith('s') else ''}" for k, n in sorted(result.skipped.items()))
    shown = [p for p in result.proposals if p.adds_something]
    matched = sum(1 for p in shown if not p.new)
    new = sum(1 for p in shown if p.new)
    lines = [
        f"import: {sum(lf.counts.values())} entries read ({result.organisations + result.filtered} organisations"
        + (f"; skipped {read}" if read else "")
        + (f"; {result.filtered} left out by --program" if result.filtered else "")
        + ")",
        f"import: {_n(matched, 'registry entity', 'registry entities')} gain names or designations, "
        f"{_n(new, 'new entity', 'new entities')} proposed; {_n(result.known, 'organisation')} already in the registry",
    ]
    if applied is not None:
        what = "; ".join(applied.report) if applied.changed else "nothing new"
        lines.append(f"import: applied to {registry} without review: {what}")
    if path:
        lines.append(f"import: wrote the proposals to {path}")
    return "\n".join(lines)


def print_cluster_table(clusters: Sequence[Cluster], stream: Any, limit: int = 50) -> None:
    """The clusters, largest first, as a rich table (terminals only)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=True, header_style="bold")
    for col in ("count", "proposal", "id", "spellings"):
        table.add_column(col, overflow="fold")
    for c in [c for c in clusters if c.new_spellings()][:limit]:
        what = "new entity" if c.kind == "new" else f"aliases ({c.score:.0f})"
        spellings = ", ".join(printable(v.text) for v in c.new_spellings()[:6])
        table.add_row(Text(str(c.count)), Text(what), Text(c.entity_id), Text(spellings))
    _console(stream).print(table)


def proposal_card(entity: Entity, known: bool, pending: int) -> str:
    """One proposal as the review shows it."""
    what = f"adds {len(entity.aliases)} alias(es) to the registry's {entity.id}" if known else "a new entity"
    return f"\n[{pending} to review] {what}\n" + entity_text(entity)


def review_summary(result: ReviewResult) -> str:
    """The line that ends a review: what was decided and what is left."""
    return f"{result.decided} decided; {result.left} still proposed in {result.path}"


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
        by = ", ".join(
            f"{m} {n:,}" for m, n in sorted(report.methods.items(), key=lambda kv: (-kv[1], kv[0]))
        )
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


def live_display(stream: object) -> bool:
    """Whether a display that redraws itself (moving the cursor) may be drawn on ``stream``.

    Only on a terminal, and not under ``NO_COLOR`` or ``TERM=dumb``, which
    ask for plain output.
    """
    return use_color(stream)


@contextmanager
def clean_progress(stream: Any, enabled: bool) -> Iterator[Callable[[Advance], None] | None]:
    """A progress bar on ``stream`` (a terminal), or ``None`` when disabled.

    The bar is told each :class:`~aliasctl.tables.base.Advance`: of a file of
    known size it shows bytes read, the percentage and the time left (of an
    XLSX or Parquet file, rows); of a pipe, the rows done and the time taken.
    It disappears when the run ends.
    """
    if not enabled:
        yield None
        return
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    class Amount(DownloadColumn):
        """Bytes as ``12.3/45.6 MB``; rows as ``12,000/50,000 rows``."""

        def render(self, task: Any) -> Any:
            from rich.text import Text

            if task.fields.get("unit") == "bytes":
                return super().render(task)
            total = f"/{int(task.total):,}" if task.total is not None else ""
            return Text(f"{int(task.completed):,}{total} rows", style="progress.download")

    with Progress(
        TextColumn("clean"),
        BarColumn(),
        TaskProgressColumn(),
        Amount(),
        TextColumn("{task.fields[rows]}"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
        console=_console(stream),
        transient=True,
    ) as progress:
        task = progress.add_task("clean", total=None, unit="rows", rows="")

        def update(at: Advance) -> None:
            rows = f"{at.rows:,} rows" if at.unit == "bytes" else ""
            progress.update(task, completed=at.done, total=at.total, unit=at.unit, rows=rows)

        yield update
