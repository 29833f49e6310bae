"""Which registry file, and reading it: kept apart so a cached lookup imports little."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from .errors import InputMissingError


def bundled_registry_path() -> Path:
    """Return the path of the registry shipped inside the package."""
    here = Path(__file__).parent / "data" / "aliases.yaml"
    if here.is_file():
        return here
    from importlib import resources  # an installation from a zip or similar

    return Path(str(resources.files("aliasctl").joinpath("data", "aliases.yaml")))


def registry_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Pick the registry: ``explicit`` > ``$ALIASCTL_REGISTRY`` > the bundled one."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("ALIASCTL_REGISTRY")
    if env:
        return Path(env)
    return bundled_registry_path()


def open_input(path: str | os.PathLike[str], what: str = "a file") -> IO[bytes]:
    """Open ``path`` for reading bytes, turning OS errors into :class:`InputMissingError` (exit 66).

    Args:
        what: what the path should have been, for the message about a folder.
    """
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputMissingError("no such file", path) from None
    except IsADirectoryError:
        raise InputMissingError(f"is a directory, not {what}", path) from None
    except OSError as exc:
        raise InputMissingError(f"cannot read: {exc.strerror}", path) from None


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a registry file whole, turning OS errors into :class:`InputMissingError`."""
    with open_input(path, "a registry file") as fh:
        try:
            return fh.read()
        except OSError as exc:
            raise InputMissingError(f"cannot read: {exc.strerror}", path) from None
