"""What an answer can be traced to: the registry, the scorer and its settings, and the versions that score.

Scores must not drift unseen when a dependency changes: every machine-readable
output (``lookup --format json``, the metadata of a cleaned Parquet or XLSX
file, the review queue's first line) records these.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._version import __version__


def provenance(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The resolver's settings (``Resolver.settings()``) with aliasctl's and rapidfuzz's versions.

    Args:
        settings: the scorer, its options and the registry's SHA-256, as the resolver reports them.
    """
    import rapidfuzz  # already imported by the resolver that made ``settings``

    return {**settings, "aliasctl": __version__, "rapidfuzz": rapidfuzz.__version__}


__all__ = ["provenance"]
