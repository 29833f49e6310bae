"""Measure the resolver honestly on the shipped registry.

    python benchmarks/accuracy.py [--registry PATH] [--show-wrong]

1. Leave one alias out: for every alias and display name of every entity,
   remove it from the index, resolve it, and count whether the answer is the
   right entity, a wrong entity, or an abstention (ambiguous / unresolved).
   Shared aliases (whose right answer is "ambiguous") and acronyms (which
   match only exactly, by design) are left out of this count.
2. Look-alike negatives: real names that are not groups in the registry
   (places, media outlets, people, other groups) must come back unresolved or
   ambiguous; a match is a false positive.

A wrong entity is far worse than an abstention: the target is under 2 %.
"""

from __future__ import annotations

import argparse
import sys
from array import array
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aliasctl import Resolver, load_registry
from aliasctl.matching.resolver import Index, Table
from aliasctl.normalize import key

NEGATIVES = [
    # places
    "Diwaniyah", "Baghdad", "Homs", "Hama", "Mosul", "Raqqa", "Idlib", "Gaza", "Sanaa", "Aden",
    "Tripoli", "Benghazi", "Derna", "Sirte", "Kabul", "Kandahar", "Peshawar", "Quetta", "Mogadishu",
    "Maiduguri", "Timbuktu", "Gao", "Kidal", "Mopti", "Cabo Delgado", "Marawi", "Jolo", "Basra",
    "Karbala", "Najaf", "Samarra", "Fallujah", "Ramadi", "Tikrit", "Kirkuk", "Erbil", "Sulaymaniyah",
    "Hasakah", "Deir ez-Zor", "Aleppo", "Daraa", "Latakia", "Tartus", "Beirut", "Sidon", "Tyre",
    "Hebron", "Jenin", "Nablus", "Rafah", "Khan Younis", "Hodeidah", "Marib", "Taiz", "Mukalla",
    "Jurf al-Sakhar", "Ain al-Asad", "Camp Taji", "Balad Air Base", "Abu Ghraib", "Sadr City",
    "Anbar", "Diyala", "Nineveh", "Salahuddin", "Babil", "Dhi Qar", "Samawah", "Nasiriyah",
    # media outlets
    "Al Mayadeen", "Al Jazeera", "Al Arabiya", "Al Manar", "Sabereen News", "Fars News",
    "Tasnim News", "Shafaq News", "Rudaw", "Kurdistan 24", "Al Sumaria", "Baghdad Today",
    # people
    "Abu Mahdi al-Muhandis", "Qasem Soleimani", "Muqtada al-Sadr", "Hassan Nasrallah",
    "Abu Bakr al-Baghdadi", "Ayman al-Zawahiri", "Osama bin Laden", "Abu Musab al-Zarqawi",
    "Qais al-Khazali", "Hadi al-Amiri", "Akram al-Kaabi", "Abu Mohammad al-Julani",
    "Abdul Malik al-Houthi", "Ismail Haniyeh", "Yahya Sinwar", "Mohammed Deif", "Abubakar Shekau",
    "Iyad Ag Ghaly", "Mokhtar Belmokhtar", "Amadou Koufa", "Faleh al-Fayyadh", "Nouri al-Maliki",
    "Nasrallah", "Nasrullah", "Talabani", "Jalal Talabani", "Barzani", "Sadr", "Hakim", "Sistani",
    # groups the registry does not hold, named like ones it does
    "Ajnad al-Sham", "Liwa al-Tawhid", "Jaysh al-Umma", "Ahfad al-Rasul Brigades", "Sabiqun",
    "Liwa Suqour al-Jabal", "Harakat Nour al-Din", "Jaish al-Nasr", "Jabhat Thuwar Suriya",
    # institutions and generic words
    "Iraqi Army", "Counter Terrorism Service", "Federal Police", "Ministry of Defense",
    "United Nations", "Red Crescent", "Kurdistan Regional Government", "Coalition Forces",
    "Unknown gunmen", "Tribal fighters", "Militants", "Insurgents",
    # short words whose consonant outline is two letters
    "Jeanne", "Jeune", "June", "Jean",
]
# The same kinds of names in Arabic script (many of them the ones above: kept apart, so that
# cluster_quality.py, which would rightly put "Baghdad" and "بغداد" together, does not count
# that as an impure cluster).
NEGATIVES_ARABIC = [
    "بغداد", "الموصل", "كربلاء", "النجف", "الديوانية", "حلب", "إدلب", "دمشق", "بيروت", "صنعاء",
    "الجيش العراقي", "وزارة الدفاع", "الأمم المتحدة", "الهلال الأحمر", "قوات الأمن",
    "الشرطة الاتحادية", "جهاز مكافحة الإرهاب", "مجلس النواب", "بغداد اليوم", "قناة الميادين",
    "أبو بكر البغدادي", "حسن نصر الله", "أبو مهدي المهندس", "قيس الخزعلي", "هادي العامري",
    "لواء التوحيد", "جيش الأمة", "أجناد الشام",
]


def _without(index: Index, hold: int) -> Index:
    """A copy of ``index`` that no longer knows alias position ``hold``."""

    def table(t: Table) -> Table:
        keep = [i for i, p in enumerate(t.positions) if p != hold]
        return Table([t.forms[i] for i in keep], array("i", [t.positions[i] for i in keep]))

    keep = [i for i, a in enumerate(index.fuzzy_alias) if a != hold]
    return Index(
        index.sha256, index.entity_ids, index.entity_names, index.entity_kinds, index.entity_countries,
        index.alias_text,
        index.alias_entity, index.alias_type, index.alias_shared, index.alias_key, index.alias_skeleton,
        index.redirects, table(index.exact), table(index.by_key), table(index.by_skeleton),
        table(index.acronyms), array("i", [index.fuzzy_alias[i] for i in keep]),
        [index.fuzzy_keys[i] for i in keep], [index.fuzzy_skeletons[i] for i in keep],
        array("i", [index.fuzzy_lengths[i] for i in keep]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Leave-one-alias-out accuracy and look-alike negatives.")
    parser.add_argument("--registry", default=None)
    parser.add_argument("--show-wrong", action="store_true", help="list every wrong answer")
    args = parser.parse_args()
    registry = load_registry(args.registry)
    index = Index.from_registry(registry)
    counts: Counter[str] = Counter()
    by_type: Counter[tuple[str, str]] = Counter()
    methods: Counter[str] = Counter()
    wrong = []
    for a_i, text in enumerate(index.alias_text):
        if index.alias_shared[a_i] or index.alias_type[a_i] == "acronym":
            continue
        truth = index.entity_ids[index.alias_entity[a_i]]
        # The same spelling held twice by one entity (case aside) is not a held-out name.
        same = [
            b for b in (index.exact.get(text.casefold()) or [])
            if b != a_i and index.alias_entity[b] == index.alias_entity[a_i]
        ]
        if same:
            continue
        match = Resolver(_without(index, a_i)).resolve(text)
        outcome = "abstained" if match.status != "matched" else "right" if match.id == truth else "wrong"
        by_type[index.alias_type[a_i], outcome] += 1
        if match.status == "matched" and match.id == truth:
            counts["right"] += 1
            methods[match.method or ""] += 1
        elif match.status == "matched":
            counts["wrong"] += 1
            wrong.append((text, truth, match.id, match.method, match.score, match.matched_alias))
        else:
            counts["abstained"] += 1
    total = sum(counts.values())
    print(f"registry: {registry.path} ({len(registry.entities)} entities, {len(index.alias_text)} names)")
    print(f"leave-one-alias-out over {total} names (shared aliases and acronyms excluded):")
    for label in ("right", "wrong", "abstained"):
        print(f"  {label:<10} {counts[label]:5d}  {100 * counts[label] / max(total, 1):5.1f} %")
    for atype in sorted({t for t, _ in by_type}):
        n = sum(by_type[atype, o] for o in ("right", "wrong", "abstained"))
        print(f"  {atype:<12} {n:5d} names: " + ", ".join(
            f"{o} {100 * by_type[atype, o] / n:.1f} %" for o in ("right", "wrong", "abstained")))
    print("  right, by method: " + ", ".join(f"{m} {n}" for m, n in methods.most_common()))
    known = {key(t) for t in index.alias_text}
    negatives = [n for n in NEGATIVES + NEGATIVES_ARABIC if key(n) not in known]
    resolver = Resolver(index)
    false_pos = []
    for name in negatives:
        match = resolver.resolve(name)
        if match.status == "matched":
            false_pos.append((name, match.id, match.method, match.score, match.matched_alias))
    print(f"look-alike negatives: {len(negatives)} names, {len(false_pos)} matched "
          f"({100 * len(false_pos) / max(len(negatives), 1):.1f} % false positives)")
    for fp in false_pos:
        print(f"  false positive: {fp[0]!r} -> {fp[1]} ({fp[2]}, {fp[3]:.0f}, via {fp[4]!r})")
    if args.show_wrong:
        for w in wrong:
            print(f"  wrong: {w[0]!r} of {w[1]} -> {w[2]} ({w[3]}, {w[4]:.0f}, via {w[5]!r})")


if __name__ == "__main__":
    main()
