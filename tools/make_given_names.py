"""Write aliasctl/data/given_names.txt: people's given names, for the resolver's word stage.

    pip install faker
    python tools/make_given_names.py

The resolver uses the list to tell a person from a group named after one: "Omar Hadid" alone
is the man, not the "Omar Hadid Brigade" with its head word set aside. Source: the first
names of every locale of the Faker package's person providers (MIT licence), in the scripts
those locales write (Latin, Arabic, Cyrillic, Devanagari, Thai and others). One name a line,
as written; the resolver keys them with its normalizer when it reads the file.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "aliasctl" / "data" / "given_names.txt"


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


def main() -> None:
    import faker

    names = sorted(given_names())
    header = (
        "# Given names, one a line, for the word stage: a query that starts with one and has no word\n"
        "# for a body names a person. Written by tools/make_given_names.py from the first names of\n"
        f"# the person providers of Faker {faker.VERSION} (https://github.com/joke2k/faker, MIT licence).\n"
    )
    OUT.write_text(header + "".join(f"{n}\n" for n in names), encoding="utf-8")
    print(f"{len(names):,} names -> {OUT}")


if __name__ == "__main__":
    main()
