"""The command line: thin commands over the core.

Each command parses its options, calls one core function and hands the result
to ``output``. Errors are turned into one line and an exit code in one place,
:class:`AliasctlGroup`; the exit codes are listed in :mod:`aliasctl.errors`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

import click

from .. import output
from .._version import __version__
from ..errors import EX_INTERRUPTED, EX_PIPE, EX_SOFTWARE, EX_TERMINATED, AliasctlError


class Terminated(BaseException):
    """SIGTERM arrived: unwind, so that temporary files are removed and workers stopped."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


def _on_sigterm_raise() -> Callable[[], None]:
    """Turn SIGTERM into :class:`Terminated`, unless someone else handles it already.

    Returns:
        What puts the previous handler back (for a host that calls ``main`` in-process).
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = signal.getsignal(signal.SIGTERM)
    if previous not in (signal.SIG_DFL, None):
        return lambda: None
    signal.signal(signal.SIGTERM, _raise_terminated)

    def restore() -> None:
        signal.signal(signal.SIGTERM, previous)

    return restore


# Whether the group's --debug was given. The error handler runs after Click
# has torn the contexts down, so the group callback leaves the parsed value here;
# a context variable keeps in-process runs (tests, threads) apart.
_DEBUG: ContextVar[bool] = ContextVar("aliasctl_debug", default=False)


class AliasctlGroup(click.Group):
    """Maps every error to one line on stderr and a documented exit code."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("prog_name", "aliasctl")
        restore = _on_sigterm_raise()
        token = _DEBUG.set(False)
        try:
            return self._main(*args, **kwargs)
        finally:
            _DEBUG.reset(token)
            restore()

    def _main(self, *args: Any, **kwargs: Any) -> Any:
        from .stdout import whole_writes

        try:
            with whole_writes():
                rv = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except SystemExit as exc:
            # Click turns a closed stdout (EPIPE) into exit(1) itself; every
            # other exit comes back as a return value in this mode.
            if exc.code == 1:
                _silence_stdout()
                sys.exit(EX_PIPE)
            raise
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("aliasctl: interrupted", err=True)
            sys.exit(EX_INTERRUPTED)
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(EX_PIPE)
        except AliasctlError as exc:
            if _DEBUG.get():
                raise
            click.echo(output.error_line(str(exc)), err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("aliasctl: interrupted", err=True)
            sys.exit(EX_INTERRUPTED)
        except Terminated:
            click.echo("aliasctl: terminated", err=True)
            sys.exit(EX_TERMINATED)
        except Exception as exc:
            if _DEBUG.get():
                raise
            click.echo(
                output.error_line(
                    f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)"
                ),
                err=True,
            )
            sys.exit(EX_SOFTWARE)
        # With standalone_mode off, Click returns ctx.exit()'s code instead of raising.
        sys.exit(rv if isinstance(rv, int) else 0)


def _silence_stdout() -> None:
    # Python flushes stdout at exit; once the reader is gone that raises again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@click.group(cls=AliasctlGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--registry",
    type=click.Path(),
    envvar="ALIASCTL_REGISTRY",
    help="Registry file (default: $ALIASCTL_REGISTRY, else the bundled registry).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.version_option(__version__, "--version", prog_name="aliasctl")
@click.pass_context
def main(ctx: click.Context, registry: str | None, debug: bool) -> None:
    """Normalize the names of militant and armed groups against a curated registry.

    Example:

    \b
        $ aliasctl lookup "Kataib Hezbollah" "Saraya Thurat Al-Ashrin"
    """
    _DEBUG.set(debug)
    ctx.obj = {"registry": registry, "debug": debug}


def _late_registry(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        root = ctx.find_root()
        root.obj = {**(root.obj or {}), "registry": value}


def _late_debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        _DEBUG.set(True)
        root = ctx.find_root()
        root.obj = {**(root.obj or {}), "debug": True}


def accept_global_options(command: click.Command) -> None:
    """Let ``command`` take the group's ``--registry`` and ``--debug`` after its name too.

    ``aliasctl lookup --registry r.yaml NAME`` then means what
    ``aliasctl --registry r.yaml lookup NAME`` means; given in both places,
    the later one wins, as the shell reads them.
    """
    command.params.extend(
        [
            click.Option(
                ["--registry"],
                type=click.Path(),
                expose_value=False,
                callback=_late_registry,
                help="Registry file (also accepted before the command).",
            ),
            click.Option(
                ["--debug"],
                is_flag=True,
                expose_value=False,
                callback=_late_debug,
                help="Show tracebacks instead of one-line errors (also accepted before the command).",
            ),
        ]
    )
