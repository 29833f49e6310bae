"""The HTML the service serves: the preview card, the entity page and the documentation page.

Every value from the registry is escaped (:func:`html.escape`, quotes
included), and only ``http`` and ``https`` sources become links. The pages
hold no script; the service also sends them with a Content-Security-Policy
that forbids scripts, so a name such as ``<script>alert(1)</script>`` is
shown as text, never run.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from urllib.parse import quote, urlsplit

from ..registry import Alias, Entity
from .core import DEFAULT_LIMIT, MAX_LIMIT, MAX_QUERY_CHARS, TIE_MARGIN, Settings
from .state import Snapshot
from .vocab import FEATURES, PROPERTIES, TYPE_NAMES, feature_ids

#: The size of the frame the preview card is made for (announced in the manifest).
PREVIEW_WIDTH = 420
PREVIEW_HEIGHT = 300
#: How many aliases and sources the card lists before "and N more".
_CARD_ALIASES = 10
_CARD_SOURCES = 4

#: No script, no plugin, no outside resource; inline styles only.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"
)

_STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.4 system-ui, "Segoe UI", "Noto Sans", "Noto Sans Arabic", sans-serif;
  color: #1d2327; background: #fff; }
main { padding: 10px 12px; }
h1 { font-size: 17px; margin: 0 0 2px; line-height: 1.25; overflow-wrap: anywhere; }
.native { font-size: 16px; margin: 0 0 4px; }
.meta { color: #50575e; margin: 0 0 8px; }
.kind { display: inline-block; padding: 0 6px; border-radius: 8px; background: #e7f0f7; color: #0a4b78; }
code { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; color: #50575e; }
dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 3px 10px; }
dt { color: #50575e; font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.more { color: #787c82; }
a { color: #0a4b78; }
ul { margin: 0; padding-left: 18px; }
table { border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: 2px 10px 2px 0; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _page(title: str, body: str, *, wide: bool = False) -> str:
    width = "" if not wide else "main { max-width: 760px; padding: 16px 20px; }"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_STYLE}{width}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _name(alias: Alias) -> str:
    lang = f' lang="{_e(alias.lang)}"' if alias.lang else ""
    return f'<span dir="auto"{lang}>{_e(alias.text)}</span>'


def _listed(items: list[str], limit: int | None) -> str:
    shown = items if limit is None else items[:limit]
    more = len(items) - len(shown)
    tail = f' <span class="more">and {more} more</span>' if more else ""
    return " · ".join(shown) + tail


def _source(url: str, full: bool) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[" and the like: shown, not linked
        return _e(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return _e(url)
    label = url if full else (parts.hostname or url).removeprefix("www.")
    return f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer">{_e(label)}</a>'


def _header(entity: Entity) -> str:
    native = [a for a in entity.aliases if a.type == "native"]
    lines = [f'<h1 dir="auto">{_e(entity.name)}</h1>']
    if native:
        lines.append(f'<p class="native">{" · ".join(_name(a) for a in native)}</p>')
    meta = [f'<span class="kind">{_e(TYPE_NAMES.get(entity.kind, entity.kind))}</span>']
    if entity.countries:
        meta.append(_e(", ".join(entity.countries)))
    meta.append(f"<code>{_e(entity.id)}</code>")
    lines.append(f'<p class="meta">{" · ".join(meta)}</p>')
    return "\n".join(lines)


def _relations(snapshot: Snapshot, entity: Entity, link: bool) -> Iterable[tuple[str, str]]:
    for rel_type in dict.fromkeys(r.type for r in entity.relations):
        names = []
        for rel in entity.relations:
            if rel.type != rel_type:
                continue
            target = snapshot.entity(rel.target)
            label = _e(target.name if target else rel.target)
            if link and target is not None:
                label = f'<a href="{_e(quote(target.id, safe=""))}" dir="auto">{label}</a>'
            names.append(label)
        yield rel_type.replace("-", " ").capitalize(), " · ".join(names)


def preview_html(snapshot: Snapshot, entity: Entity) -> str:
    """The preview card of an entity: names, kind, countries, aliases, relations and sources, all escaped."""
    rows: list[tuple[str, str]] = []
    others = [_name(a) for a in entity.aliases if a.type != "native"]
    if others:
        rows.append(("Aliases", _listed(others, _CARD_ALIASES)))
    rows.extend(_relations(snapshot, entity, link=False))
    if entity.sources:
        rows.append(("Sources", _listed([_source(s, False) for s in entity.sources], _CARD_SOURCES)))
    table = "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return _page(entity.name, f"{_header(entity)}\n<dl>{table}</dl>")


def view_html(snapshot: Snapshot, entity: Entity) -> str:
    """The page of an entity: everything the registry holds on it."""
    rows: list[tuple[str, str]] = []
    for alias_type in dict.fromkeys(a.type for a in entity.aliases):
        names = [_name(a) for a in entity.aliases if a.type == alias_type]
        rows.append((alias_type.replace("-", " ").capitalize(), " · ".join(names)))
    rows.extend(_relations(snapshot, entity, link=True))
    if entity.sources:
        items = "".join(f"<li>{_source(s, True)}</li>" for s in entity.sources)
        rows.append(("Sources", f"<ul>{items}</ul>"))
    if entity.notes:
        rows.append(("Notes", f'<span dir="auto">{_e(entity.notes)}</span>'))
    table = "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in rows)
    registry = f'<p class="meta">Registry sha256 <code>{_e(snapshot.sha256[:16])}</code></p>'
    return _page(entity.name, f"{_header(entity)}\n<dl>{table}</dl>\n{registry}", wide=True)


def _anchors(pattern: str) -> str:
    # One anchor per concrete feature id, for the manifest's feature view template.
    return "".join(f'<span id="feature-{_e(i)}"></span>' for i in feature_ids(pattern))


def docs_html(snapshot: Snapshot, settings: Settings) -> str:
    """The documentation page the manifest links to: types, properties, how a country is used, the features."""
    types = "".join(f"<tr><td><code>{_e(k)}</code></td><td>{_e(v)}</td></tr>" for k, v in TYPE_NAMES.items())
    props = "".join(
        f"<tr><td><code>{_e(p.id)}</code></td><td>{_e(p.name)}</td><td>{_e(p.description)}</td>"
        f"<td>{'yes' if p.in_queries else ''}</td></tr>"
        for p in PROPERTIES
    )
    feats = "".join(f"<tr><td>{_anchors(f)}<code>{_e(f)}</code></td><td>{_e(what)}</td></tr>" for f, what in FEATURES)
    body = f"""
<h1>{_e(settings.name)}</h1>
<p>A reconciliation service (W3C Entity Reconciliation API, versions 0.2 and 1.0-draft) over the
aliasctl registry: {len(snapshot.registry.entities):,} armed groups and their aliases in any script,
registry sha256 <code>{_e(snapshot.sha256[:16])}</code>. It answers as the aliasctl resolver does:
<em>matched</em> gives one candidate with <code>match: true</code>; <em>ambiguous</em> gives its
candidates, none of them a match; <em>unresolved</em> gives the near candidates, none of them a match,
or none.</p>
<h2>Types</h2>
<p>A query's type is a registry kind. A candidate of another kind is listed after the others and is never
a match.</p>
<table><tr><th>id</th><th>name</th></tr>{types}</table>
<h2>Properties</h2>
<table><tr><th>id</th><th>name</th><th>values</th><th>in queries</th></tr>{props}</table>
<h2 id="country">The country property</h2>
<p>Give <code>country</code> (ISO 3166-1 alpha-2 codes such as <code>IQ</code>, several separated by
commas) in a query's properties to narrow its answer:</p>
<ul>
<li>a candidate that operates only in other countries is listed after the others and is never a match,
even when the name alone matched it; an entity whose countries the registry does not list is not held
against the query;</li>
<li>when the name is ambiguous, and exactly one of the tied candidates (within {TIE_MARGIN:g} points of the
best, and at least the resolver's minimum score) operates in the country, that candidate is the match;</li>
<li>the country never brings in a candidate the name did not find.</li>
</ul>
<p>In API 1.0, a condition with <code>required: true</code> drops the candidates that do not meet it, and
<code>matchQuantifier</code> (<code>any</code>, <code>all</code>, <code>none</code>) says how several codes
count. <code>kind</code> may be given as a property too; it works as the type does.</p>
<h2>Matching features</h2>
<table><tr><th>id</th><th>meaning</th></tr>{feats}</table>
<h2>Limits</h2>
<ul>
<li>at most {settings.batch_size:,} queries a batch (more: HTTP 413), and {settings.max_body:,} bytes a request body
(more: HTTP 413);</li>
<li>a query's name: at most {MAX_QUERY_CHARS:,} characters, without control characters or bidi embeddings,
overrides and isolates (U+202A to U+202E, U+2066 to U+2069), which are refused with HTTP 400;</li>
<li>{DEFAULT_LIMIT} candidates a query unless its <code>limit</code> asks for another number (at most {MAX_LIMIT}).</li>
</ul>
<p>Errors are JSON objects with <code>status</code> and <code>message</code>.</p>
"""
    return _page(settings.name, body, wide=True)


__all__ = [
    "CONTENT_SECURITY_POLICY",
    "PREVIEW_HEIGHT",
    "PREVIEW_WIDTH",
    "docs_html",
    "preview_html",
    "view_html",
]
