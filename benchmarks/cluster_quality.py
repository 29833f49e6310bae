"""How good are the clusters? A held-out slice of the shipped registry.

    python benchmarks/cluster_quality.py [--holdout 0.2] [--seed 7]
    python benchmarks/cluster_quality.py --noisy 20 [--seed 7]

Removes a random share of the entities from the registry, feeds all their
names back as "unknown" values (each with a count), mixed with real names
that belong to no group, clusters them against the remaining registry, and
reports:

* purity: the share of clusters whose values all come from one held-out entity;
* completeness: the share of held-out entities whose names (those that the
  normalizer can relate at all) end up in one cluster;
* pairwise precision and recall over pairs of values;
* how often a held-out entity is wrongly proposed as aliases of a remaining one.

With --noisy N, a table as incident data hold it instead: N entities removed from the
registry, each its name in Latin letters in noisy spellings (``bench_clean.noisy``: typos,
vowel drift, capitals, the article dropped or respelled; sometimes most often all in
capitals, as one source exports it), with counts; it reports how many entries ``cluster`` proposes for
them (N is the aim), how many are pure, and whether each proposal's name is well-formed and
one of the entity's own spellings.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import NEGATIVES
from bench_clean import noisy

from aliasctl import Resolver, load_registry
from aliasctl.cluster import Value, group, propose, well_formed
from aliasctl.normalize import script_of
from aliasctl.registry import Registry


def main() -> None:
    parser = argparse.ArgumentParser(description="Cluster quality on a held-out slice of the registry.")
    parser.add_argument("--holdout", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--noisy", type=int, default=0, metavar="N", help="N entities' names in noisy spellings instead")
    args = parser.parse_args()
    registry = load_registry()
    if args.noisy:
        noisy_table(registry, args.noisy, args.seed)
        return
    rng = random.Random(args.seed)
    held = {e.id for e in registry.entities if rng.random() < args.holdout}
    kept = Registry(registry.path, registry.sha256, tuple(e for e in registry.entities if e.id not in held))
    resolver = Resolver(kept)
    truth: dict[str, str] = {}
    spelling: set[str] = set()
    for ent in registry.entities:
        if ent.id not in held:
            continue
        for alias in ent.names():
            if alias.type == "acronym" or alias.shared or alias.text in truth:
                continue
            truth[alias.text] = ent.id
            if alias.type in ("translit", "misspelling", "native"):
                spelling.add(alias.text)
    values = [Value(t, rng.randint(1, 50), [rng.randint(2, 10000)]) for t in truth]
    values += [Value(n, rng.randint(1, 50), [rng.randint(2, 10000)]) for n in NEGATIVES if n not in truth]
    start = time.perf_counter()
    groups = group(values)
    answers = {v.text: resolver.resolve(v.text) for v in values}
    clusters = propose(groups, resolver, answers, resolver.index.entity_ids)
    seconds = time.perf_counter() - start
    label = {v.text: truth.get(v.text, "(none:" + v.text + ")") for v in values}
    pure = sum(1 for g in groups if len({label[v.text] for v in g}) == 1)
    where: dict[str, Counter[int]] = defaultdict(Counter)
    for n, g in enumerate(groups):
        for v in g:
            if v.text in truth:
                where[truth[v.text]][n] += 1
    complete = sum(1 for counts in where.values() if len(counts) == 1)
    # Spellings only: translations, former names and acronyms cannot be related by spelling.
    spell: dict[str, Counter[int]] = defaultdict(Counter)
    for n, g in enumerate(groups):
        for v in g:
            if v.text in spelling:
                spell[truth[v.text]][n] += 1
    spell_complete = sum(1 for counts in spell.values() if len(counts) == 1)
    share = sum(max(c.values()) / sum(c.values()) for c in spell.values()) / max(len(spell), 1)
    tp = fp = fn = 0
    cluster_of = {v.text: n for n, g in enumerate(groups) for v in g}
    texts = [v.text for v in values if v.text in cluster_of]
    for a, b in combinations(texts, 2):
        same_truth = label[a] == label[b]
        same_cluster = cluster_of[a] == cluster_of[b]
        tp += same_truth and same_cluster
        fp += (not same_truth) and same_cluster
        fn += same_truth and not same_cluster
    wrong_existing = sum(1 for c in clusters if c.kind == "existing" and any(v.text in truth for v in c.members))
    print(f"registry: {len(registry.entities)} entities; held out {len(held)} (seed {args.seed}), "
          f"{len(truth)} of their names + {len(values) - len(truth)} names of no group")
    print(f"clusters: {len(groups)} in {seconds:.2f} s")
    print(f"purity:        {100 * pure / len(groups):5.1f} % of clusters hold one entity's names")
    print(f"completeness:  {100 * complete / len(where):5.1f} % of held-out entities fall in one cluster "
          f"(all names); {100 * spell_complete / len(spell):5.1f} % counting transliterations and "
          "native-script names only")
    print(f"largest-cluster share: on average {100 * share:.1f} % of an entity's spellings share its largest cluster")
    print(f"pairwise:      precision {100 * tp / max(tp + fp, 1):5.1f} %, recall {100 * tp / max(tp + fn, 1):5.1f} %")
    print(f"proposed as aliases of a remaining entity: {wrong_existing} clusters of held-out names")


def noisy_table(registry: Registry, n: int, seed: int) -> None:
    """Cluster noisy spellings of ``n`` entities removed from the registry (see the module's text)."""
    rng = random.Random(seed)

    def spellings_of(ent):  # type: ignore[no-untyped-def]
        # The name and its transliterations in Latin letters: spellings of one name, not other names.
        return [
            a.text
            for a in ent.names()
            if a.type in ("translit", "misspelling", "native", "") and not a.shared and script_of(a.text) == "Latin"
            and " " in a.text.strip()
        ]

    pool = [e for e in registry.entities if len(spellings_of(e)) >= 2]
    held = {e.id: e for e in rng.sample(pool, n)}
    kept = Registry(registry.path, registry.sha256, tuple(e for e in registry.entities if e.id not in held))
    resolver = Resolver(kept)
    truth: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for ent in held.values():
        own = spellings_of(ent)
        main = ent.name if ent.name in own else own[0]
        counts[main] += rng.randint(20, 60)
        if rng.random() < 0.3:  # a source that exports names in capitals, most often
            counts[main.upper()] += 80
        for _ in range(10):
            counts[noisy(main, rng)] += rng.randint(1, 10)
        for text in list(counts):
            truth.setdefault(text, ent.id)
    values = [Value(t, c, [rng.randint(2, 10000)]) for t, c in counts.items()]
    groups = group(values)
    answers = {v.text: resolver.resolve(v.text) for v in values}
    clusters = propose(groups, resolver, answers, resolver.index.entity_ids)
    own_names = {e.id: {a.text for a in e.names()} for e in held.values()}
    new = [c for c in clusters if c.kind == "new"]
    impure = [c for c in clusters if len({truth[v.text] for v in c.members}) > 1]
    per_entity = Counter(truth[c.members[0].text] for c in new)
    named_well = sum(1 for c in new if well_formed(c.name))
    named_own = sum(1 for c in new if c.name in own_names[truth[c.members[0].text]])
    existing = [c for c in clusters if c.kind == "existing"]
    print(f"registry: {len(registry.entities)} entities; held out {n} (seed {seed}), "
          f"{len(values)} distinct spellings of their names ({sum(counts.values())} rows)")
    print(f"proposed: {len(new)} new entries for the {n} entities "
          f"({sum(1 for k in per_entity.values() if k == 1)} entities in one entry, most in one entity "
          f"{max(per_entity.values(), default=0)}); {len(impure)} impure")
    print(f"named:     {named_well} of {len(new)} by a well-formed spelling, {named_own} by one of the "
          "entity's own names as the registry writes it")
    print(f"proposed as aliases of a remaining entity: {len(existing)} clusters")
    for c in sorted(new, key=lambda c: truth[c.members[0].text]):
        print(f"  {truth[c.members[0].text]:<40} {c.name!r} ({len(c.members)} spellings)")


if __name__ == "__main__":
    main()
