"""Write aliasctl/data/given_names.txt: people's given names, keyed, for the resolver's word stage.

    pip install faker
    python tools/make_given_names.py
    python tools/make_given_names.py --rekey    # the same names, keyed by the current normalizer

The resolver uses the list to tell a person from a group named after one: "Omar Hadid" alone
is the man, not the "Omar Hadid Brigade" with its head word set aside. Source: the first
names of every locale of the Faker package's person providers (MIT licence), in the scripts
those locales write (Latin, Arabic, Cyrillic, Devanagari, Thai and others). A line holds the
name's key (:func:`aliasctl.normalize.key`) and the name; rerun with ``--rekey`` when the
normalizer changes (a test checks the keys are current).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "aliasctl" / "data" / "given_names.txt"


def given_names() -> set[str]:
    """Every first name of every Faker locale, one word each."""
    from faker.providers import person

    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attr in dir(provider):
            if not attr.startswith("first_name") or attr.endswith("formats"):
                continue
            value = getattr(provider, attr)
            if not isinstance(value, (dict, list, tuple)):
                continue
            for name in value.keys() if isinstance(value, dict) else value:
                if isinstance(name, str) and len(name.strip()) > 1 and " " not in name.strip():
                    names.add(name.strip())
    return names


def listed() -> tuple[str, set[str]]:
    """The source line of the file's header and the names it lists."""
    lines = OUT.read_text(encoding="utf-8").splitlines()
    source = next(line for line in lines if line.startswith("# Source:"))
    return source, {line.split("\t")[1] for line in lines if line and not line.startswith("#")}


def write(names: set[str], source: str) -> None:
    sys.path.insert(0, str(ROOT))
    from aliasctl.normalize import NORMALIZER_VERSION, key

    header = (
        "# Given names for the word stage: a query that starts with one and has no word for a body\n"
        "# names a person. Written by tools/make_given_names.py.\n"
        f"{source}\n"
        f"# normalizer {NORMALIZER_VERSION}\n"
        "# key\tname\n"
    )
    rows = sorted(f"{key(name)}\t{name}\n" for name in names)
    OUT.write_text(header + "".join(rows), encoding="utf-8")
    print(f"{len(rows):,} names -> {OUT}")


def main() -> None:
    if "--rekey" in sys.argv[1:]:
        source, names = listed()
        write(names, source)
        return
    import faker

    source = f"# Source: the first names of the person providers of Faker {faker.VERSION} (https://github.com/joke2k/faker, MIT licence)."
    write(given_names(), source)


if __name__ == "__main__":
    main()
