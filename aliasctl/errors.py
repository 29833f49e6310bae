"""Exceptions raised by the aliasctl core.

The core never prints and never exits: it raises these, and ``cli.py`` turns
them into one-line messages and exit codes in a single place.
"""

from __future__ import annotations

import os

EX_OK = 0
EX_FINDINGS = 1
EX_USAGE = 2
EX_DATAERR = 65
EX_NOINPUT = 66
EX_SOFTWARE = 70
EX_CANTCREAT = 73
EX_TEMPFAIL = 75


class AliasctlError(Exception):
    """Base class of every error the core raises on purpose."""

    exit_code = EX_DATAERR

    def __init__(
        self,
        message: str,
        path: str | os.PathLike[str] | None = None,
        line: int | None = None,
        col: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = os.fspath(path) if path is not None else None
        self.line = line
        self.col = col

    def location(self) -> str:
        """Return ``path:line:col`` (as much of it as is known), or ``""``."""
        if self.path is None:
            return ""
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


class RegistryError(AliasctlError):
    """The registry file cannot be read as a valid registry."""

    #: The audit rule a problem belongs to (``schema`` unless more specific).
    rule = "schema"


class DataError(AliasctlError):
    """Input data that cannot be read as what it claims to be."""


class InputMissingError(AliasctlError):
    """An input file does not exist or cannot be opened."""

    exit_code = 66


class OutputError(AliasctlError):
    """An output file cannot be written."""

    exit_code = 73


class LockedError(AliasctlError):
    """The registry is locked by another writer or changed underneath."""

    exit_code = 75


class UsageError(AliasctlError):
    """A request that makes no sense (an unknown id, a bad option value)."""

    exit_code = 2
