"""What the engine adapters share: importing an engine, the resolver to use, the errors."""

from __future__ import annotations

import importlib
import os
from types import ModuleType

from ..errors import UsageError
from ..matching.portable import PortableResolver, open_resolver, portable
from ..matching.resolver import Resolver

#: What may stand for a resolver: one, a registry file, or nothing (the default registry).
ResolverLike = Resolver | str | os.PathLike[str] | None


class EngineMissingError(UsageError, ImportError):
    """An engine's library is not installed (the message names the extra that installs it)."""


class NotTextError(UsageError, TypeError):
    """A column to resolve holds something other than text."""


def need(module: str, extra: str, what: str) -> ModuleType:
    """Import an engine's library, or say which extra installs it.

    Raises:
        EngineMissingError: it is not installed.
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise EngineMissingError(
            f"the {what} engine needs {module.split('.', maxsplit=1)[0]}: pip install 'aliasctl[{extra}]'"
        ) from None


def ready(resolver: ResolverLike) -> Resolver:
    """The resolver itself, or a ready one for a registry file (``None``: the default registry).

    Raises:
        RegistryError: the registry is not valid.
        InputMissingError: it cannot be read.
    """
    if isinstance(resolver, Resolver):
        return resolver
    return open_resolver(resolver)


def travelling(resolver: ResolverLike) -> PortableResolver:
    """A resolver to send to other processes, loaded here first: a bad registry fails before any task."""
    return portable(ready(resolver))


def not_text(column: object, dtype: object) -> NotTextError:
    """The error for a column that holds ``dtype``, not text."""
    return NotTextError(f"column '{column}' holds {dtype}, not text")


__all__ = ["EngineMissingError", "NotTextError", "ResolverLike", "need", "not_text", "ready", "travelling"]
