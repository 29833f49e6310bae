"""Prefix completion over every name and alias, in any script, normalized as queries are.

Each name, alias and id is indexed under its matching key
(:func:`aliasctl.normalize.key`), and under the key from each of its later
words on, so that "kataib hiz", "كتائب" and "hezbollah" all complete to
Kata'ib Hezbollah; and under their consonant skeletons, so that a prefix
whose vowels drift ("kataib hiz" for Kataib Hezbollah) still completes. A
prefix goes through the same normalizer and is looked up by bisection.
Entities come back once each, best first: a whole name before a name it
begins, before one of whose later words it begins, spellings before
skeletons, then shorter names first.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .. import normalize
from ..registry import Entity, Registry
from .vocab import PROPERTIES, TYPE_NAMES, Property

# The shortest skeleton a prefix needs before near spellings are completed too.
_SKELETON_PREFIX = 3


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One entity offered for a prefix, and the name of it that the prefix begins."""

    entity: Entity
    text: str


class SuggestIndex:
    """The sorted keys of every name, alias and id of a registry, and of their later words."""

    def __init__(self, registry: Registry) -> None:
        keys: list[tuple[str, int, int, str]] = []
        skeletons: list[tuple[str, int, int, str]] = []
        for e_i, entity in enumerate(registry.entities):
            texts = [entity.name, *(a.text for a in entity.aliases), entity.id]
            for text in dict.fromkeys(texts):
                key = normalize.key(text)
                if not key:
                    continue
                starts = [0] + [pos + 1 for pos, ch in enumerate(key) if ch == " "]
                for n, pos in enumerate(starts):
                    keys.append((key[pos:], int(n > 0), e_i, text))
                    skeletons.append((normalize.skeleton(key[pos:]), int(n > 0), e_i, text))
        keys.sort()
        skeletons.sort()
        self.entities = registry.entities
        self._keys = keys
        self._key_forms = [r[0] for r in keys]
        self._skeletons = skeletons
        self._skeleton_forms = [r[0] for r in skeletons]
        self._names = [normalize.display_key(e.name) for e in registry.entities]
        self._by_name = sorted(range(len(registry.entities)), key=lambda i: self._names[i])

    def search(self, prefix: str) -> list[Suggestion]:
        """Every entity one of whose names begins with ``prefix`` (all entities by name for a blank prefix).

        Spellings are compared on their keys, then, for a prefix of three consonants or more, on
        their skeletons (so that "kataib hiz" also completes "Kataib Hezbollah"), ranked after.
        """
        if not prefix.strip():
            return [Suggestion(self.entities[i], self.entities[i].name) for i in self._by_name]
        key = normalize.key(prefix)
        if not key:
            return []
        best: dict[int, tuple[tuple[int, int, str], str]] = {}
        self._collect(best, self._keys, self._key_forms, key, 0)
        skeleton = normalize.skeleton(key)
        if len(skeleton) >= _SKELETON_PREFIX:
            self._collect(best, self._skeletons, self._skeleton_forms, skeleton, 3)
        ordered = sorted(best.items(), key=lambda item: item[1][0])
        return [Suggestion(self.entities[e_i], text) for e_i, (_, text) in ordered]

    def _collect(
        self,
        best: dict[int, tuple[tuple[int, int, str], str]],
        rows: list[tuple[str, int, int, str]],
        forms: list[str],
        wanted: str,
        tier: int,
    ) -> None:
        # Tiers: the whole name (0), a name it begins (1), a later word it begins (2); +3 on skeletons.
        for i in range(bisect.bisect_left(forms, wanted), len(forms)):
            form, later_word, e_i, text = rows[i]
            if not form.startswith(wanted):
                break
            rank = (tier + (2 if later_word else int(form != wanted)), len(form), self._names[e_i])
            if e_i not in best or rank < best[e_i][0]:
                best[e_i] = (rank, text)


def _begins(prefix: str, *words: str) -> bool:
    wanted = normalize.display_key(prefix)
    return any(normalize.display_key(w).startswith(wanted) for w in words)


def suggest_types(prefix: str) -> list[tuple[str, str]]:
    """The types (kinds) whose id or name begins with ``prefix``, as ``(id, name)``."""
    return [(kind, name) for kind, name in TYPE_NAMES.items() if _begins(prefix, kind, name, *name.split())]


def suggest_properties(prefix: str) -> list[Property]:
    """The properties whose id or name begins with ``prefix``."""
    return [p for p in PROPERTIES if _begins(prefix, p.id, p.name, *p.name.split())]


__all__ = ["SuggestIndex", "Suggestion", "suggest_properties", "suggest_types"]
