"""Add an alias, add an entity, rename an entity; and the checks on ids and names they share with merge."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .. import normalize
from ..constants import ALIAS_TYPES, KINDS
from ..errors import UsageError
from ..registry.change import Edit
from ..registry.loader import load_document, no_gc
from ..registry.model import COUNTRIES, ID_RE, LANG_RE, Entity, Registry
from ..registry.yamlrt import CommentedMap, CommentedSeq, put
from .layout import (
    Layout,
    LinePatch,
    alias_item,
    append,
    edit_redirects,
    finish,
    insert_entities,
    locate,
    style,
)

if TYPE_CHECKING:
    from ..matching.index import Index

# -- checks -----------------------------------------------------------------


def live_entity(reg: Registry, entity_id: str, role: str = "") -> Entity:
    """The live entity ``entity_id``.

    Raises:
        UsageError: an unknown id, or an old id (naming the id it now redirects to).
    """
    ent = reg.get(entity_id)
    if ent is not None and ent.id == entity_id:
        return ent
    if ent is not None:
        raise UsageError(f"'{entity_id}' was merged or renamed into '{ent.id}'; use '{ent.id}'{role}")
    raise UsageError(f"no entity with id '{entity_id}'")


def check_new_id(reg: Registry, new_id: str) -> None:
    """Refuse an id that is not valid, is taken, or is an old id.

    Raises:
        UsageError: saying which.
    """
    if not ID_RE.match(new_id):
        raise UsageError(
            f"'{new_id}' is not a valid id (lowercase words joined by '-', like 'kataib-hezbollah')"
        )
    if any(e.id == new_id for e in reg.entities):
        raise UsageError(f"an entity with id '{new_id}' already exists")
    for red in reg.redirects:
        if red.source == new_id:
            raise UsageError(
                f"'{new_id}' is an old id (it redirects to '{red.target}'); ids are never reused"
            )


def form(text: str, atype: str = "translit") -> tuple[str, str]:
    """What two names must share to be one name: acronyms their letters, every other name its key."""
    if atype == "acronym":
        return "A", normalize.acronym_key(text)
    return "K", normalize.key(text)


def key_owners(reg: Registry) -> dict[tuple[str, str], dict[str, bool]]:
    """Each name form, the entities that hold it and whether every holding of it is shared."""
    from ..matching.index import key_columns

    owners: dict[tuple[str, str], dict[str, bool]] = {}
    with no_gc():  # a form for every name: many objects, no cycles
        names = [(ent.id, alias) for ent in reg.entities for alias in ent.names()]
        # The keys all at once: a large registry's are worked out on both cores.
        keys = iter(key_columns([a.text for _, a in names if a.type != "acronym"], exact=False)[0])
        for e_id, alias in names:
            f = ("A", normalize.acronym_key(alias.text)) if alias.type == "acronym" else ("K", next(keys))
            if f[1]:
                held = owners.setdefault(f, {})
                held[e_id] = held.get(e_id, True) and alias.shared
    return owners


def clash(
    owners: dict[tuple[str, str], dict[str, bool]],
    text: str,
    entity_id: str,
    atype: str = "translit",
    shared: bool = False,
) -> list[str]:
    """Other entities that hold the name, unless both sides mark it shared."""
    f = form(text, atype)
    if not f[1]:
        return []
    return sorted(
        oid for oid, oshared in owners.get(f, {}).items() if oid != entity_id and not (shared and oshared)
    )


def name_clash(reg: Registry, text: str, name: str, entity_id: str, atype: str = "translit") -> list[str]:
    """Other entities that hold ``name``, as :func:`clash` finds them with no name shared.

    ``text`` is the registry's text: when the index cache holds the index of exactly
    those bytes, its tables answer (the same forms, normalized when it was built);
    otherwise every name of ``reg`` is normalized, which on a registry of 100,000
    entities is most of an edit's time.
    """
    f = form(name, atype)
    if not f[1]:
        return []
    index = _cached_index(text)
    if index is None:
        return clash(key_owners(reg), name, entity_id, atype)
    table = index.acronyms if f[0] == "A" else index.by_key
    held = {index.entity_ids[index.alias_entity[p]] for p in table.get(f[1]) or ()}
    held.discard(entity_id)
    return sorted(held)


def _cached_index(text: str) -> Index | None:
    import hashlib

    from ..matching.cache import read_cached

    # The cache is keyed by the file's bytes; a text read from a file with a BOM or CRLF
    # line ends hashes otherwise, and is simply not found.
    return read_cached(hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest())


def _one_name(text: str, what: str) -> str:
    """A name given on the command line: spaces squeezed; refused empty or with hidden characters."""
    text = " ".join(text.split())
    if not text:
        raise UsageError(f"{what} is empty")
    # Control and invisible characters make two names look alike.
    bad = next((c for c in text if unicodedata.category(c) in ("Cc", "Cf")), None)
    if bad is not None:
        raise UsageError(
            f"{what} holds <U+{ord(bad):04X}>, a control or invisible character: {normalize.printable(text)}"
        )
    return text


def _check_alias_fields(atype: str | None, lang: str | None) -> None:
    if atype is not None and atype not in ALIAS_TYPES:
        raise UsageError(f"unknown alias type '{atype}' (one of {', '.join(ALIAS_TYPES)})")
    if lang is not None and not LANG_RE.match(lang):
        raise UsageError(f"'{lang}' is not a language code (like ar, fa, ps)")


# -- links between entities ---------------------------------------------------


def retarget(e: CommentedMap, old: str, new: str, me: str) -> bool:
    """Point relations of ``e`` at ``new`` instead of ``old``; drop self-links and repeats.

    Returns:
        Whether anything changed.
    """
    rels = e.get("relations")
    if not rels:
        return False
    changed = False
    seen: set[tuple[str, str]] = set()
    keep: list[Any] = []
    for rel in rels:
        if rel.get("target") == old:
            put(rel, "target", style(new))
            changed = True
        pair = (str(rel.get("type")), str(rel.get("target")))
        if pair[1] == me or pair in seen:
            continue
        seen.add(pair)
        keep.append(rel)
    if len(keep) != len(rels):
        changed = True
        for i in range(len(rels) - 1, -1, -1):
            if not any(rels[i] is k for k in keep):
                del rels[i]
    if not rels:
        del e["relations"]
    return changed


def repoint_relations(
    lay: Layout, patch: LinePatch, reg: Registry, old: str, new: str, skip: set[str], report: list[str]
) -> None:
    """Point every relation that targets ``old`` at ``new`` (entities in ``skip`` are edited elsewhere)."""
    for ent in reg.entities:
        if ent.id in skip or not any(r.target == old for r in ent.relations):
            continue

        def fn(e: CommentedMap, me: str = ent.id) -> bool:
            retarget(e, old, new, me)
            return True

        patch.rewrite(lay.segment(ent.id), fn)
        report.append(f"{ent.id}: relations to {old} now point to {new}")


def redirect(lay: Layout, patch: LinePatch, reg: Registry, old: str, new: str, report: list[str]) -> None:
    """Record ``old: new`` and repoint redirects that ended at ``old``."""
    repointed = [r.source for r in reg.redirects if r.target == old]

    def fn(m: CommentedMap) -> None:
        for src in repointed:
            put(m, src, style(new))
        put(m, old, style(new))

    edit_redirects(lay, patch, fn)
    for src in repointed:
        report.append(f"redirect {src} now points to {new}")
    report.append(f"redirect {old} -> {new}")


# -- add, new, rename -------------------------------------------------------


def add_alias(
    text: str,
    entity_id: str,
    alias: str,
    *,
    atype: str | None = None,
    lang: str | None = None,
    source: str | None = None,
    shared: bool = False,
    path: str = "aliases.yaml",
) -> Edit:
    """Add the alias ``alias`` to the entity ``entity_id``.

    An alias already on the entity (as written) changes nothing. An alias
    whose normalized key belongs to another entity is refused unless
    ``shared`` is set, which marks it ``shared: true``.

    Raises:
        UsageError: an unknown id, a bad type or language, or an alias of another entity.
    """
    doc = load_document(text, path)
    reg = doc.registry
    ent = live_entity(reg, entity_id)
    _check_alias_fields(atype, lang)
    alias = _one_name(alias, "the alias")
    if any(normalize.display_key(a.text) == normalize.display_key(alias) for a in ent.names()):
        return Edit(text, text, (f"'{alias}' is already a name of {entity_id}: nothing to do",))
    others = name_clash(reg, text, alias, entity_id, atype or "translit")
    if others and not shared:
        raise UsageError(
            f"'{alias}' already resolves to {', '.join(others)}; add it with --shared if it names both groups"
        )
    lay = locate(text, doc)
    patch = LinePatch(lay)
    item = alias_item(alias, atype, lang, shared, source)

    def fn(e: CommentedMap) -> bool:
        append(e, "aliases", [item])
        return True

    patch.rewrite(lay.segment(entity_id), fn)
    report = [f"added alias '{alias}' to {entity_id}"]
    if others:
        report.append(f"'{alias}' also names {', '.join(others)}: mark it shared there too")
    return finish(text, patch, path, report)


def new_entity(
    text: str,
    entity_id: str,
    name: str,
    *,
    kind: str = "armed-group",
    countries: Iterable[str] = (),
    sources: Iterable[str] = (),
    shared: bool = False,
    path: str = "aliases.yaml",
) -> Edit:
    """Add a new entity at the end of the registry.

    Raises:
        UsageError: the id is taken, is an old id or is not valid; a bad kind
            or country; a name that already resolves to another entity
            (unless ``shared``).
    """
    doc = load_document(text, path)
    reg = doc.registry
    check_new_id(reg, entity_id)
    name = _one_name(name, "the name")
    if kind not in KINDS:
        raise UsageError(f"unknown kind '{kind}' (one of {', '.join(KINDS)})")
    clist = [c.upper() for c in countries]
    for c in clist:
        if c not in COUNTRIES:
            raise UsageError(f"'{c}' is not an ISO 3166-1 alpha-2 country code")
    others = name_clash(reg, text, name, entity_id)
    if others and not shared:
        raise UsageError(
            f"'{name}' already resolves to {', '.join(others)}; use --shared if it names both groups"
        )
    ent = CommentedMap()
    ent["id"] = entity_id
    ent["name"] = name
    ent["kind"] = kind
    if clist:
        ent["countries"] = CommentedSeq(dict.fromkeys(clist))
    slist = list(dict.fromkeys(sources))
    if slist:
        ent["sources"] = CommentedSeq(slist)
    lay = locate(text, doc)
    patch = LinePatch(lay)
    insert_entities(lay, patch, [ent])
    report = [f"added entity {entity_id} ({name})"]
    if others:
        report.append(f"'{name}' also names {', '.join(others)}")
    return finish(text, patch, path, report)


def rename(text: str, entity_id: str, new_id: str, *, path: str = "aliases.yaml") -> Edit:
    """Change an entity's id, leave ``redirects: {entity_id: new_id}`` and repoint links.

    Raises:
        UsageError: an unknown id, or a new id that is taken, old or invalid.
    """
    doc = load_document(text, path)
    reg = doc.registry
    live_entity(reg, entity_id)
    if new_id == entity_id:
        raise UsageError(f"'{entity_id}' already has that id")
    check_new_id(reg, new_id)
    lay = locate(text, doc)
    patch = LinePatch(lay)

    def fn(e: CommentedMap) -> bool:
        put(e, "id", style(new_id))
        retarget(e, entity_id, new_id, new_id)
        return True

    patch.rewrite(lay.segment(entity_id), fn)
    report = [f"renamed {entity_id} to {new_id}"]
    repoint_relations(lay, patch, reg, entity_id, new_id, {entity_id}, report)
    redirect(lay, patch, reg, entity_id, new_id, report)
    return finish(text, patch, path, report)
