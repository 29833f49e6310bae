"""The compiled index of a registry: every name normalized once, in flat columns and sorted tables."""

from __future__ import annotations

import bisect
import threading
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, SupportsIndex

from .. import normalize

if TYPE_CHECKING:
    from ..registry.model import Registry
    from .alignment import WordIndex


class Table:
    """A read-only multimap from a normalized form to alias positions.

    Kept as a sorted list of forms with a parallel array of positions, so it
    is stored and loaded as two flat columns and searched by bisection.
    """

    __slots__ = ("_columns", "_unsorted")

    def __init__(self, forms: Sequence[str], positions: Sequence[int]) -> None:
        self._columns: tuple[Sequence[str], Sequence[int]] | None = (forms, positions)
        self._unsorted: tuple[list[str], list[int]] | None = None

    @classmethod
    def build(cls, pairs: Iterable[tuple[str, int]]) -> Table:
        """Build a table from (form, position) pairs (sorted when first searched)."""
        forms: list[str] = []
        positions: list[int] = []
        for form, pos in pairs:
            forms.append(form)
            positions.append(pos)
        return cls.build_columns(forms, positions)

    @classmethod
    def build_columns(cls, forms: list[str], positions: list[int]) -> Table:
        """Build a table from parallel lists of forms and positions (sorted when first searched).

        A registry's new index is usually written to the cache and read back from it at
        once, which files the entries by hash: sorting them by form would be wasted, and
        two columns hold no tuple per entry.
        """
        if len(forms) != len(positions):
            raise ValueError("a table's forms and positions differ in length")
        table = cls((), ())
        table._columns = None
        table._unsorted = (forms, positions)
        return table

    def _sorted(self) -> tuple[Sequence[str], Sequence[int]]:
        columns = self._columns
        if columns is None:
            unsorted = self._unsorted
            if unsorted is None:  # sorted by another thread meanwhile
                return self._sorted()
            forms, positions = unsorted
            # By form, then by position: what sorting the (form, position) pairs gives.
            order = sorted(range(len(forms)), key=lambda i: (forms[i], positions[i]))
            columns = ([forms[i] for i in order], array("i", [positions[i] for i in order]))
            # Columns first, then the lists dropped: a thread sorting at the same time makes the same.
            self._columns = columns
            self._unsorted = None
        return columns

    @property
    def forms(self) -> Sequence[str]:
        """The forms, sorted."""
        return self._sorted()[0]

    @property
    def positions(self) -> Sequence[int]:
        """The alias position of each form."""
        return self._sorted()[1]

    def entries(self) -> tuple[Sequence[str], Sequence[int]]:
        """The forms and their positions, in no particular order (no sort just to read them all)."""
        unsorted = self._unsorted
        if unsorted is not None:
            return unsorted
        return self._sorted()

    def get(self, form: str, default: list[int] | None = None) -> list[int] | None:
        """Return the positions stored under ``form``, or ``default``."""
        forms, positions = self._sorted()
        lo = bisect.bisect_left(forms, form)
        hi = lo
        while hi < len(forms) and forms[hi] == form:
            hi += 1
        return list(positions[lo:hi]) if hi > lo else default


class FormTable(Protocol):
    """What the resolver needs of a table: positions by form (:class:`Table`, or one read from the cache)."""

    @property
    def forms(self) -> Sequence[str]:
        """The form of each entry."""

    @property
    def positions(self) -> Sequence[int]:
        """The alias position of each entry."""

    def get(self, form: str, default: list[int] | None = None) -> list[int] | None:
        """Return the positions stored under ``form``, or ``default``."""


class Index:
    """The compiled, normalized form of a registry: all a lookup needs.

    Alias columns are parallel sequences; the tables map a form (exact, key,
    skeleton, acronym) to alias positions. The fuzzy columns are sorted by key
    length so that a query bisects to the lengths that can reach the cutoff;
    a fuzzy position's key and skeleton are those of its alias
    (``fuzzy_keys[f] == alias_key[fuzzy_alias[f]]``, and so for skeletons).
    Built from a registry they are lists and arrays; read from the cache they
    are views of the mapped file, decoded where a lookup looks
    (:mod:`aliasctl.matching.columns`).
    """

    __slots__ = (
        "_blocks",
        "_forms_of_aliases",
        "_make_words",
        "_words",
        "acronyms",
        "alias_entity",
        "alias_key",
        "alias_shared",
        "alias_skeleton",
        "alias_text",
        "alias_type",
        "by_key",
        "by_skeleton",
        "entity_countries",
        "entity_ids",
        "entity_kinds",
        "entity_names",
        "entity_related",
        "exact",
        "fuzzy_alias",
        "fuzzy_keys",
        "fuzzy_lengths",
        "fuzzy_skeletons",
        "ids",
        "redirects",
        "sha256",
    )

    def __init__(
        self,
        sha256: str,
        entity_ids: Sequence[str],
        entity_names: Sequence[str],
        entity_kinds: Sequence[str],
        entity_countries: Sequence[str],
        alias_text: Sequence[str],
        alias_entity: Sequence[int],
        alias_type: Sequence[str],
        alias_shared: Sequence[int],
        alias_key: Sequence[str],
        alias_skeleton: Sequence[str],
        redirects: Mapping[str, str],
        exact: FormTable,
        by_key: FormTable,
        by_skeleton: FormTable,
        acronyms: FormTable,
        fuzzy_alias: Sequence[int],
        fuzzy_keys: Sequence[str],
        fuzzy_skeletons: Sequence[str],
        fuzzy_lengths: Sequence[int],
        *,
        ids: Mapping[str, int] | None = None,
        blocks: dict[str, tuple[int, int]] | None = None,
        words: Callable[[Index], WordIndex] | None = None,
        entity_related: Sequence[str] | None = None,
    ) -> None:
        self.sha256 = sha256
        self.entity_ids = entity_ids
        self.entity_names = entity_names
        self.entity_kinds = entity_kinds
        self.entity_countries = entity_countries
        #: Per entity, the positions of the entities its relations name (the body it is part of,
        #: split from, succeeded or fronts for; not allies), comma-joined: "Qassam Brigades
        #: (Hamas)" is a wing and the body it belongs to.
        self.entity_related = entity_related if entity_related is not None else [""] * len(entity_ids)
        self.alias_text = alias_text
        self.alias_entity = alias_entity
        self.alias_type = alias_type
        self.alias_shared = alias_shared
        self.alias_key = alias_key
        self.alias_skeleton = alias_skeleton
        self.redirects = redirects
        self.exact = exact
        self.by_key = by_key
        self.by_skeleton = by_skeleton
        self.acronyms = acronyms
        self.fuzzy_alias = fuzzy_alias
        self.fuzzy_keys = fuzzy_keys
        self.fuzzy_skeletons = fuzzy_skeletons
        self.fuzzy_lengths = fuzzy_lengths
        self.ids: Mapping[str, int] = (
            ids if ids is not None else dict(zip(entity_ids, range(len(entity_ids)), strict=True))
        )
        self._blocks = blocks
        self._words: WordIndex | None = None
        # Read from the cache, the word index is read from it too; otherwise built on first use.
        self._make_words = words
        # Set by from_registry: each table entry's form is worked out from its alias alone.
        self._forms_of_aliases = False

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:
        if self._make_words is None:
            return super().__reduce_ex__(protocol)
        # Read from the cache, its columns are views of a mapped file, which do not pickle:
        # it travels as the bytes of a cache file, checked again where it is unpickled.
        from .cache import dump_index, load_index_bytes

        return (load_index_bytes, (dump_index(self), self.sha256))

    def words(self) -> WordIndex:
        """The names as words, for the word stage (read from the cache, or built on first use)."""
        if self._words is None:
            from .alignment import WordIndex

            with _WORDS_LOCK:  # two threads must not build it twice
                if self._words is None:
                    self._words = self._make_words(self) if self._make_words else WordIndex(self)
        return self._words

    def word_columns(self) -> dict[str, Any]:
        """The word index's tables as the cache keeps them (:meth:`WordIndex.to_columns`).

        From the word index when there is one; else worked out without building it, for a
        new index written to the cache and read back from there.
        """
        if self._words is None and self._make_words is None:
            from .alignment import word_columns

            return word_columns(self)
        return self.words().to_columns()

    def decode(self) -> None:
        """Decode every column read from the cache into memory, once (for a batch of many names).

        A cached column inflates a block of names for each name read and keeps a few hundred
        blocks: right for one lookup, wasteful when thousands of names each read hundreds of
        aliases out of order. The answers are the same either way.
        """
        from .columns import TextColumn

        for name in Index.__slots__:
            value = getattr(self, name, None)
            if isinstance(value, TextColumn):
                value.materialize()

    def blocks(self) -> dict[str, tuple[int, int]]:
        """Every blocking key with its range of fuzzy positions (built on first use)."""
        self.block("")
        assert self._blocks is not None
        return self._blocks

    def block(self, key: str) -> tuple[int, int]:
        """The range of fuzzy positions whose skeleton starts with ``key`` (built on first use)."""
        if self._blocks is None:
            blocks: dict[str, tuple[int, int]] = {}
            for pos, skel in enumerate(self.fuzzy_skeletons):
                b = block_of(skel)
                first = blocks.get(b)
                blocks[b] = (pos if first is None else first[0], pos + 1)
            self._blocks = blocks
        return self._blocks.get(key, (0, 0))

    def belongs(self, e_i: int, other: int) -> bool:
        """Whether a relation of ``e_i`` names ``other``: the body it is part of, split from,
        succeeded or fronts for."""
        return str(other) in self.entity_related[e_i].split(",")

    def key_holders(self, a_i: int) -> set[int]:
        """The entities that hold a name keyed as alias ``a_i`` is (its own among them)."""
        return {self.alias_entity[b] for b in self.by_key.get(self.alias_key[a_i]) or ()}

    def related(self, e_i: int, other: int) -> bool:
        """Whether a relation joins two entities, either way."""
        return self.belongs(e_i, other) or self.belongs(other, e_i)

    @classmethod
    def from_registry(cls, registry: Registry) -> Index:
        """Normalize every name of ``registry`` once and build the tables."""
        from ..registry.loader import no_gc

        with no_gc():  # many objects, no cycles: the collector would only walk them again
            return cls._from_registry(registry)

    @classmethod
    def _from_registry(cls, registry: Registry) -> Index:
        ids, names, kinds, countries = [], [], [], []
        text, ent, types, shared = [], [], [], []
        for e_i, entity in enumerate(registry.entities):
            ids.append(entity.id)
            names.append(entity.name)
            kinds.append(entity.kind)
            countries.append(",".join(entity.countries))
            for alias in entity.names():
                text.append(alias.text)
                ent.append(e_i)
                types.append(alias.type)
                # 1: shared by several groups; 2: weak (a list's low-quality a.k.a.): never decides alone.
                shared.append(WEAK if getattr(alias, "weak", False) else int(alias.shared))
        keys_, skels, exact = key_columns(text)
        # A name marked shared that no other entity holds is its one entity's, unless it is a
        # generic phrase that names groups the registry does not hold.
        def form(a_i: int) -> str:
            # How the resolver tells names apart: acronyms by their letters, other names by key.
            if types[a_i] == "acronym":
                return "acronym:" + normalize.acronym_key(text[a_i])
            return keys_[a_i] or normalize.display_key(text[a_i])

        from .alignment import CONTENT, PLACE, analyse

        def outline(a_i: int) -> str | None:
            return "outline:" + skels[a_i] if types[a_i] != "acronym" and keys_[a_i] else None

        def word_form(a_i: int) -> str | None:
            if types[a_i] == "acronym" or not keys_[a_i]:
                return None
            words = sorted(w.ident for w in analyse(keys_[a_i]) if w.kind in (CONTENT, PLACE))
            return "words:" + " ".join(words) if words else None

        def forms(a_i: int) -> set[str]:
            # One name, however written: its key, its outline, and its words without head words
            # ("Red Eagles" and "Red Eagles Brigades", "Turkistan" and "Turkestan" are one name).
            return {f for f in (form(a_i), outline(a_i), word_form(a_i)) if f is not None}

        # Only the forms and words of the names marked shared are ever asked about: the holders
        # of those alone are counted (worked out for every name, they cost most of the build).
        marked = [a_i for a_i in range(len(text)) if shared[a_i] == SHARED]
        alias_forms = {a_i: forms(a_i) for a_i in marked}
        wanted = set().union(*alias_forms.values()) if alias_forms else set()
        any_words = any(f.startswith("words:") for f in wanted)
        wanted_words = {w for a_i in marked for w in keys_[a_i].split()}
        holders: dict[str, set[int]] = {}
        word_holders: dict[str, set[int]] = {}
        if marked:
            for a_i in range(len(text)):
                mine = alias_forms.get(a_i)
                if mine is None:
                    mine = {f for f in (form(a_i), outline(a_i), word_form(a_i) if any_words else None) if f}
                for f in mine:
                    if f in wanted:
                        holders.setdefault(f, set()).add(ent[a_i])
                for word in keys_[a_i].split():
                    if word in wanted_words:
                        word_holders.setdefault(word, set()).add(ent[a_i])

        def generic(a_i: int) -> bool:
            # Every word one that many groups use ("The Islamic Resistance"): the flag stands.
            words = keys_[a_i].split()
            return bool(words) and all(len(word_holders[w]) > GENERIC_HOLDERS for w in words)

        for a_i in marked:
            if not generic(a_i) and all(len(holders[f]) == 1 for f in alias_forms[a_i]):
                shared[a_i] = 0
        acronyms, fuzzy = [], []
        # Two columns a table: no tuple per name (a large registry has hundreds of thousands).
        keyed: list[int] = []
        for a_i, t in enumerate(text):
            if types[a_i] == "acronym":
                acronyms.append((normalize.acronym_key(t), a_i))
            elif keys_[a_i]:
                keyed.append(a_i)
                fuzzy.append((block_of(skels[a_i]), len(keys_[a_i]), keys_[a_i], a_i))
        # Grouped by the first two letters of the skeleton (the blocking key),
        # then by length (for the window), then by text.
        fuzzy.sort()
        index = cls(
            registry.sha256,
            ids,
            names,
            kinds,
            countries,
            text,
            array("i", ent),
            types,
            array("b", shared),
            keys_,
            skels,
            {r.source: r.target for r in registry.redirects},
            Table.build_columns(exact, list(range(len(text)))),
            Table.build_columns([keys_[a_i] for a_i in keyed], keyed),
            Table.build_columns([skels[a_i] for a_i in keyed], keyed),
            Table.build(acronyms),
            array("i", [f[3] for f in fuzzy]),
            [f[2] for f in fuzzy],
            [skels[f[3]] for f in fuzzy],
            array("i", [f[1] for f in fuzzy]),
            entity_related=_related(registry, ids),
        )
        index._forms_of_aliases = True
        return index

    @property
    def forms_of_aliases(self) -> bool:
        """Whether every table entry's form is its alias's own (built by :meth:`from_registry`)."""
        return self._forms_of_aliases


#: The fewest names whose keys are worked out in two processes: below, the fork costs more than it saves.
FORKED_NAMES = 20_000


def key_columns(texts: Sequence[str], *, exact: bool = True) -> tuple[list[str], list[str], list[str]]:
    """The key and skeleton (:func:`~aliasctl.normalize.key_pair`) and the exact-match form
    (:func:`~aliasctl.normalize.display_key`) of each text, as three columns.

    Half of a large list is normalized in a forked process, on the other core: a large
    registry's names are most of the time its index takes to build.

    Args:
        texts: the names.
        exact: whether to work out the exact-match forms (else that column is empty).
    """

    def part(start: int, stop: int) -> tuple[list[str], list[str], list[str]]:
        some = texts[start:stop]
        pairs = list(map(normalize.key_pair, some))
        # Flat lists of strings: what pickles and travels back quickest.
        return [k for k, _ in pairs], [s for _, s in pairs], list(map(normalize.display_key, some)) if exact else []

    from .forked import halves

    (keys, skeletons, forms), (more_keys, more_skeletons, more_forms) = halves(part, len(texts), least=FORKED_NAMES)
    keys += more_keys
    skeletons += more_skeletons
    forms += more_forms
    return keys, skeletons, forms


def _related(registry: Registry, ids: Sequence[str]) -> list[str]:
    """Per entity, the comma-joined positions of the entities its relations other than alliances name."""
    at = {e_id: e_i for e_i, e_id in enumerate(ids)}
    joined: list[set[int]] = [set() for _ in ids]
    for e_i, entity in enumerate(registry.entities):
        for relation in entity.relations:
            if relation.type == "allied-with":
                continue  # an ally is another body: "Hamas (Hezbollah)" names two
            other = at.get(relation.target)
            if other is not None and other != e_i:
                joined[e_i].add(other)
    return [",".join(map(str, sorted(j))) for j in joined]


_WORDS_LOCK = threading.Lock()

#: Values of ``Index.alias_shared``.
SHARED = 1
WEAK = 2
#: A word more entities than this use is generic; a name of generic words only keeps its shared flag.
GENERIC_HOLDERS = 8


def block_of(skeleton: str) -> str:
    """The blocking key of a name: the first two letters of its skeleton."""
    return skeleton[:2]
