"""Proposals files: registry entries written for a person to review, in the registry's own format.

``aliasctl cluster`` and ``aliasctl import`` both write one, ``aliasctl review``
rewrites one entry at a time, and ``aliasctl merge --from`` applies it. An
entry still awaiting review carries ``proposed: true``. The text is written
line by line here (not through the round-trip YAML of the edit commands): a
proposals file is new text, and each value is quoted only where a YAML
reader, libyaml's or the pure-Python one, would read it otherwise.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

from .. import normalize
from .model import Alias, Designation, Entity, as_plain
from .yamlrt import needs_quotes

#: The lines that open every proposals file, after the line that says where it came from.
REVIEW_HELP = (
    "# Review them (aliasctl review FILE, or by hand: drop `proposed: true` to accept),",
    "# then apply them with `aliasctl merge --from FILE`.",
)

_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# Inside {...} or [...] these end or confuse a plain scalar; PyYAML's pure-Python
# reader refuses a '?' or ':' there that libyaml accepts.
_FLOW_STOPS = frozenset(",[]{}?:#")


def quote(text: str, flow: bool = False) -> str:
    """``text`` as a YAML scalar: plain where every YAML reader reads it back as the same string.

    Args:
        text: the string.
        flow: the scalar goes inside ``{...}`` or ``[...]``, where commas,
            brackets, ``?`` and ``:`` end or confuse a plain scalar.
    """
    plain = (
        text
        and not (flow and any(c in _FLOW_STOPS for c in text))
        and text == text.strip()
        and text[0] not in _INDICATORS
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and text.isprintable()
        and not needs_quotes(text)
    )
    # A JSON string is a valid YAML double-quoted scalar.
    return text if plain else json.dumps(text, ensure_ascii=False)


def one_line(text: str) -> str:
    """``text`` with every run of whitespace, line breaks included, made one space: a registry name is one line."""
    return " ".join(text.split())


def slug(text: str) -> str:
    """An id suggestion from a name: lower-case ASCII words joined by hyphens.

    Arabic script goes through the normalizer's transliteration, other scripts through unidecode.
    """
    steps = {s.name: s.text for s in normalize.explain(text)}
    latin = steps["punctuation"]
    words = re.findall(r"[a-z0-9]+", latin)
    return "-".join(words)[:60].strip("-") or "group"


def free_id(text: str, taken: set[str]) -> str:
    """The slug of ``text``, with ``-2``, ``-3``... added until it is not in ``taken``; it is then added there."""
    base = slug(text)
    new_id, n = base, 2
    while new_id in taken:
        new_id, n = f"{base}-{n}", n + 1
    taken.add(new_id)
    return new_id


def _alias_line(a: Alias, ent: Entity) -> str:
    fields = [f"text: {quote(a.text, flow=True)}"]
    if a.type != "translit":
        fields.append(f"type: {a.type}")
    if a.lang:
        fields.append(f"lang: {a.lang}")
    if a.shared:
        fields.append("shared: true")
    if a.weak:
        fields.append("weak: true")
    source = ent.source_url(a.source)
    if source:
        fields.append(f"source: {quote(source, flow=True)}")
    if a.provenance is not None:
        prov = [
            f"{k}: {v if k == 'listed' else quote(str(v), flow=True)}" for k, v in as_plain(a.provenance).items()
        ]
        fields.append("provenance: {" + ", ".join(prov) + "}")
    return f"      - {quote(a.text)}" if len(fields) == 1 else "      - {" + ", ".join(fields) + "}"


def _designation_line(d: Designation) -> str:
    fields = [f"list: {d.code}", f"date: {d.date}"]
    if d.revoked:
        fields.append(f"revoked: {d.revoked}")
    if d.ref:
        fields.append(f"ref: {quote(d.ref, flow=True)}")
    fields.append(f"url: {quote(d.url, flow=True)}")
    return "      - {" + ", ".join(fields) + "}"


def _source_ref(ref: str | int) -> str:
    return str(ref) if isinstance(ref, int) else quote(ref, flow=True)


def render_entity(ent: Entity, *, proposed: bool, notes: bool) -> list[str]:
    """One entity as the lines of an item of ``entities:`` (indented by two spaces), every field kept.

    Args:
        ent: the entity.
        proposed: write ``proposed: true``.
        notes: write its notes (a review drops a proposal's notes once they
            have served, so that they do not clash with the registry's).
    """
    lines = [f"  - id: {quote(ent.id)}", f"    name: {quote(ent.name)}", f"    kind: {ent.kind}"]
    if ent.countries:
        lines.append(f"    countries: [{', '.join(ent.countries)}]")
    if ent.ids:
        lines.append("    ids:")
        for oid in ent.ids:
            value = str(oid.value) if isinstance(oid.value, int) else quote(oid.value, flow=oid.source is not None)
            if oid.source is None:
                lines.append(f"      {oid.scheme}: {value}")
            else:
                lines.append(f"      {oid.scheme}: {{id: {value}, source: {_source_ref(oid.source)}}}")
    if ent.active is not None:
        parts = [f"{k}: {v}" for k, v in (("from", ent.active.start), ("to", ent.active.end)) if v is not None]
        if ent.active.source is not None:
            parts.append(f"source: {_source_ref(ent.active.source)}")
        lines.append(f"    active: {{{', '.join(parts)}}}")
    if ent.aliases:
        lines.append("    aliases:")
        lines += [_alias_line(a, ent) for a in ent.aliases]
    if ent.relations:
        lines.append("    relations:")
        lines += [f"      - {{type: {r.type}, target: {r.target}}}" for r in ent.relations]
    if ent.designations:
        lines.append("    designations:")
        lines += [_designation_line(d) for d in ent.designations]
    if ent.sources:
        lines.append("    sources:")
        lines += [f"      - {quote(s)}" for s in ent.sources]
    if notes and ent.notes:
        lines.append(f"    notes: {quote(ent.notes)}")
    if ent.audit_ignore:
        lines.append(f"    audit-ignore: [{', '.join(ent.audit_ignore)}]")
    if proposed:
        lines.append("    proposed: true")
    return lines


def proposals_file(header: Sequence[str], entries: Iterable[Sequence[str]], redirects: Iterable[str] = ()) -> str:
    """A whole proposals file from its header comments and the lines of each entry.

    Args:
        header: comment lines (each starting with ``#``).
        entries: the lines of each entity, as :func:`render_entity` gives them.
        redirects: ``old-id: new-id`` lines, if any.
    """
    lines = [*header, "schema: 1", "entities:"]
    for entry in entries:
        lines += entry
    if lines[-1] == "entities:":
        lines[-1] = "entities: []"
    reds = list(redirects)
    if reds:
        lines.append("redirects:")
        lines += [f"  {r}" for r in reds]
    return "\n".join(lines) + "\n"


__all__ = ["REVIEW_HELP", "free_id", "one_line", "proposals_file", "quote", "render_entity", "slug"]
