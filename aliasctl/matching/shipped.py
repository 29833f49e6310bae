"""Build the index shipped with the package: the bundled registry's cache file.

    python -m aliasctl.matching.shipped [--check]

A lookup on the bundled registry with no cache yet reads this file instead of
building the index (see :func:`aliasctl.matching.cache.read_shipped`). It is
used only for the bundled registry's exact bytes and this version of aliasctl,
so an edit of the registry or a new version makes it unused, never wrong; the
test suite checks that it is current, and this command writes it again.
"""

from __future__ import annotations

import argparse
import sys

from ..files import bundled_registry_path, read_bytes
from .cache import SHIPPED, dump_index
from .index import Index


def build() -> bytes:
    """The bytes the shipped index must hold: the bundled registry's index, as the cache writes it."""
    from ..registry.loader import load_registry

    return dump_index(Index.from_registry(load_registry(bundled_registry_path())))


def main(argv: list[str] | None = None) -> int:
    """Write the shipped index (or, with ``--check``, exit 1 when it is not current)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the file is current")
    args = parser.parse_args(argv)
    data = build()
    current = SHIPPED.exists() and read_bytes(SHIPPED) == data
    if args.check:
        print(f"{SHIPPED}: {'current' if current else 'out of date'}")
        return 0 if current else 1
    if not current:
        SHIPPED.write_bytes(data)
    print(f"{SHIPPED}: {'written' if not current else 'already current'} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
