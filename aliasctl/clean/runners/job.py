"""What every format's runner is given: the request, the resolver, where to write, whom to tell of progress."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO

from ...matching.resolver import Resolver
from ..options import CleanOptions, Progress


@dataclass
class Job:
    """One run of a format's runner.

    Attributes:
        options: what was asked.
        resolver: the resolver.
        sink: where the cleaned table is written.
        fmt_out: the format written (CSV may be written as TSV, and back).
        progress: told the rows done so far.
    """

    options: CleanOptions
    resolver: Resolver
    sink: IO[bytes]
    fmt_out: str
    progress: Progress | None = None


__all__ = ["Job"]
