"""Exceptions raised by the aliasctl library, and the exit codes of the command line.

The library never prints and never exits: it raises these, and the command
line (``aliasctl.cli.app``) turns them into one-line messages and exit codes
in a single place. Each error class carries its exit code; the codes are:

======================  ====  ==================================================
constant                code  meaning
======================  ====  ==================================================
``EX_OK``               0     success
``EX_FINDINGS``         1     findings: unresolved or ambiguous names, audit problems, ...
``EX_USAGE``            2     a request that makes no sense (:class:`UsageError`, Click's own)
``EX_DATAERR``          65    bad input data (:class:`RegistryError`, :class:`DataError`)
``EX_NOINPUT``          66    an input file is missing (:class:`InputMissingError`)
``EX_SOFTWARE``         70    an internal error: a bug, or a worker that died
``EX_CANTCREAT``        73    an output file cannot be written (:class:`OutputError`)
``EX_TEMPFAIL``         75    the registry is locked or changed underneath (:class:`LockedError`)
``EX_INTERRUPTED``      130   interrupted (Ctrl-C, or the end of the input at a prompt)
``EX_PIPE``             141   the reader of stdout went away
``EX_TERMINATED``       143   terminated (SIGTERM)
======================  ====  ==================================================

65 to 75 are the BSD ``sysexits.h`` values; 130, 141 and 143 are what a shell
reports for a process killed by SIGINT, SIGPIPE and SIGTERM (128 + the signal).
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
EX_INTERRUPTED = 130
EX_PIPE = 141
EX_TERMINATED = 143


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

    exit_code = EX_NOINPUT


class OutputError(AliasctlError):
    """An output file cannot be written."""

    exit_code = EX_CANTCREAT


class LockedError(AliasctlError):
    """The registry is locked by another writer or changed underneath."""

    exit_code = EX_TEMPFAIL


class UsageError(AliasctlError):
    """A request that makes no sense (an unknown id, a bad option value)."""

    exit_code = EX_USAGE
