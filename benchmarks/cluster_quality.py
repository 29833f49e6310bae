"""How good are the clusters? A held-out slice of the shipped registry.

    python benchmarks/cluster_quality.py [--holdout 0.2] [--seed 7]

Removes a random share of the entities from the registry, feeds all their
names back as "unknown" values (each with a count), mixed with real names
that belong to no group, clusters them against the remaining registry, and
reports:

* purity: the share of clusters whose values all come from one held-out entity;
* completeness: the share of held-out entities whose names (those that the
  normalizer can relate at all) end up in one cluster;
* pairwise precision and recall over pairs of values;
* how often a held-out entity is wrongly proposed as aliases of a remaining one.
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

from aliasctl import Resolver, load_registry
from aliasctl.cluster import Value, group, propose
from aliasctl.registry import Registry


def main() -> None:
    parser = argparse.ArgumentParser(description="Cluster quality on a held-out slice of the registry.")
    parser.add_argument("--holdout", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    registry = load_registry()
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


if __name__ == "__main__":
    main()
