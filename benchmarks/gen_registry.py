"""Generate a synthetic registry in the schema-1 format, for benchmarks.

The names are built from the words Arabic-origin group names are made of
(Kata'ib, Saraya, Liwa, Ansar, al-Islam, ...) so that keys, skeletons and
fuzzy neighbours behave as they do on real data. Nothing here is real data.

    python benchmarks/gen_registry.py out.yaml --entities 5000 --aliases 6
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

HEADS = [
    "Kata'ib", "Saraya", "Liwa", "Jaysh", "Harakat", "Jabhat", "Ansar", "Asa'ib",
    "Usbat", "Alwiyat", "Firqat", "Tanzim", "Majlis", "Hay'at", "Quwat", "Jama'at",
    "Fawj", "Katibat", "Tajammu", "Hizb",
]
WORDS = [
    "al-Haq", "al-Islam", "al-Sunna", "al-Sharia", "al-Jihad", "al-Tawhid", "al-Nasr",
    "al-Fath", "al-Furqan", "al-Mahdi", "al-Hussein", "al-Abbas", "al-Ghadab", "al-Thawra",
    "al-Ishrin", "al-Muqawama", "al-Shuhada", "al-Qassam", "al-Aqsa", "al-Quds", "al-Rafidayn",
    "al-Sham", "al-Khilafa", "al-Hisba", "al-Salam", "al-Karama", "al-Izza", "al-Wa'd",
    "al-Jabbarin", "al-Tha'irin", "al-Kahf", "al-Dam", "al-Awfiya", "al-Nujaba", "al-Abdal",
    "al-Mukhtar", "al-Ashtar", "al-Ahrar", "al-Mujahidin", "al-Ansar", "al-Muhajirin",
    "al-Rashidin", "al-Furat", "al-Jazira", "al-Badiya", "al-Sahil", "al-Junub", "al-Gharb",
]
TAILS = ["", "", "", "al-Thani", "fi al-Iraq", "fi Bilad al-Sham", "al-Islamiya", "al-Jadid"]
COUNTRIES = ["IQ", "SY", "LB", "YE", "LY", "EG", "ML", "NG", "SO", "AF", "PK", "PS"]


def _vowel_drift(name: str, rng: random.Random) -> str:
    swaps = [("a", "e"), ("i", "ee"), ("u", "o"), ("aw", "o"), ("'", ""), ("al-", "el-"),
             ("al-", "al "), ("q", "k"), ("ya", "ia"), ("-", " ")]
    out = name
    for _ in range(rng.randint(1, 3)):
        src, dst = rng.choice(swaps)
        if src in out:
            out = out.replace(src, dst, 1)
    return out


def _typo(name: str, rng: random.Random) -> str:
    if len(name) < 6:
        return name
    i = rng.randrange(1, len(name) - 1)
    op = rng.randrange(3)
    if op == 0:
        return name[:i] + name[i + 1 :]
    if op == 1:
        return name[:i] + name[i] + name[i:]
    return name[: i - 1] + name[i] + name[i - 1] + name[i + 1 :]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def base_names(count: int, seed: int = 1) -> list[str]:
    """Return ``count`` distinct synthetic group names."""
    rng = random.Random(seed)
    seen: set[str] = set()
    names: list[str] = []
    while len(names) < count:
        parts = [rng.choice(HEADS), rng.choice(WORDS)]
        if rng.random() < 0.6:
            parts.append(rng.choice(WORDS))
        tail = rng.choice(TAILS)
        if tail:
            parts.append(tail)
        name = " ".join(parts)
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def generate(path: str | Path, entities: int = 5000, aliases_per: int = 6, seed: int = 1) -> list[str]:
    """Write a registry of ``entities`` groups with ``aliases_per`` aliases each.

    Returns:
        The display names, in entity order.
    """
    rng = random.Random(seed)
    names = base_names(entities, seed)
    lines = ["# Synthetic registry for benchmarks: not real data.", "schema: 1", "entities:"]
    for i, name in enumerate(names):
        lines.append(f"  - id: group-{i:05d}")
        lines.append(f"    name: {_quote(name)}")
        lines.append("    kind: armed-group")
        lines.append(f"    countries: [{rng.choice(COUNTRIES)}]")
        lines.append("    aliases:")
        made = {name}
        tries = 0
        while len(made) < aliases_per + 1 and tries < 50:
            tries += 1
            alias = _vowel_drift(name, rng) if rng.random() < 0.7 else _typo(name, rng)
            if alias not in made:
                made.add(alias)
                lines.append(f"      - {_quote(alias)}")
        lines.append(f"    sources: [https://example.org/synthetic/{i}]")
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--entities", type=int, default=5000)
    parser.add_argument("--aliases", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.path, args.entities, args.aliases, args.seed)
    print(f"wrote {args.path}: {args.entities} entities, up to {args.aliases} aliases each")


if __name__ == "__main__":
    main()
