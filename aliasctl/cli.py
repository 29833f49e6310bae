"""The command line: thin commands over the core.

Each command parses its options, calls one core function and hands the result
to ``output``. Errors are turned into one line and an exit code in one place,
:class:`AliasctlGroup`:

    0 ok · 1 findings · 2 usage · 65 bad data · 66 input missing ·
    70 internal error · 73 cannot write · 75 locked · 130 interrupted · 141 output pipe closed ·
    143 terminated
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__, output
from .constants import ALIAS_TYPES, DEFAULT_LOCK_TIMEOUT, FORMATS, KINDS, ON_CONFLICT
from .errors import EX_FINDINGS, EX_SOFTWARE, AliasctlError, DataError, UsageError

if TYPE_CHECKING:
    from .edit import Edit

F = TypeVar("F", bound=Callable[..., Any])
EX_PIPE = 141
EX_TERMINATED = 143


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


class AliasctlGroup(click.Group):
    """Maps every error to one line on stderr and a documented exit code."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("prog_name", "aliasctl")
        debug = "--debug" in sys.argv[1:]
        restore = _on_sigterm_raise()
        try:
            return self._main(debug, *args, **kwargs)
        finally:
            restore()

    def _main(self, debug: bool, *args: Any, **kwargs: Any) -> Any:
        try:
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
            sys.exit(130)
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(EX_PIPE)
        except AliasctlError as exc:
            if debug:
                raise
            click.echo(output.error_line(str(exc)), err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("aliasctl: interrupted", err=True)
            sys.exit(130)
        except Terminated:
            click.echo("aliasctl: terminated", err=True)
            sys.exit(EX_TERMINATED)
        except Exception as exc:
            if debug:
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


def format_option(choices: tuple[str, ...], help_text: str) -> Callable[[F], F]:
    """The shared ``--format`` option."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=None,
        help=help_text,
    )


min_score_option = click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=None,
    help="Lowest score accepted as a match (default 85).",
)


def registry_arg(ctx: click.Context) -> str | None:
    """The ``--registry`` given to the group, if any."""
    obj = ctx.find_root().obj or {}
    value = obj.get("registry")
    return value if isinstance(value, str) else None


def _is_tty(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


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

        $ aliasctl lookup "Kataib Hezbollah" "Saraya Thurat Al-Ashrin"
    """
    ctx.obj = {"registry": registry, "debug": debug}


def _names(names: tuple[str, ...]) -> Iterator[str]:
    for name in names:
        if name != "-":
            yield name
            continue
        # Bytes, decoded here: strictly UTF-8 whatever the locale says.
        for n, raw in enumerate(sys.stdin.buffer, 1):
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as exc:
                raise DataError(
                    f"not UTF-8: byte 0x{raw[exc.start]:02X} (names on stdin must be UTF-8)",
                    "-",
                    n,
                    exc.start + 1,
                ) from None
            if line.strip():
                yield line


@main.command()
@click.argument("names", nargs=-1, required=True)
@format_option(
    ("table", "json", "jsonl", "tsv"),
    "Output format (default: a table on a terminal, tsv otherwise).",
)
@click.option(
    "--top",
    type=click.IntRange(1, 50),
    default=5,
    show_default=True,
    help="Candidates kept for ambiguous and unresolved names.",
)
@min_score_option
@click.option("--explain", is_flag=True, help="Show every normalization step and why the winner won.")
@click.pass_context
def lookup(
    ctx: click.Context,
    names: tuple[str, ...],
    fmt: str | None,
    top: int,
    min_score: float | None,
    explain: bool,
) -> None:
    """Resolve NAMES to registry entities (use - to read one name a line from stdin).

    Exit status: 0 when every name matched, 1 when any is ambiguous or
    unresolved.

    Example:

        $ aliasctl lookup "Kata'ib Hizballah"

        $ cut -f3 names.tsv | aliasctl lookup --format jsonl -
    """
    from .cache import load_index
    from .normalize import explain as explain_steps
    from .resolver import DEFAULT_MIN_SCORE, Resolver

    index = load_index(registry_arg(ctx))
    resolver = Resolver(index, min_score=DEFAULT_MIN_SCORE if min_score is None else min_score)
    settings = {**resolver.settings(), "aliasctl": __version__}
    stdout = sys.stdout
    if fmt is None:
        fmt = "table" if _is_tty(stdout) else "tsv"
    failed = False
    matches = []
    explains = []
    for name in _names(names):
        match = resolver.resolve(name, top=top)
        failed = failed or match.status != "matched"
        steps = explain_steps(name) if explain else None
        if fmt == "jsonl":
            click.echo(output.lookup_jsonl_line(match, steps, settings), nl=False)
        elif explain and fmt in ("table", "tsv"):
            click.echo(output.explain_text(match, steps or []), nl=False)
        else:
            matches.append(match)
            if steps is not None:
                explains.append(steps)
    if fmt == "json":
        click.echo(output.lookup_json(matches, explains or None, settings), nl=False)
    elif fmt == "tsv" and not explain:
        click.echo(output.lookup_tsv(matches), nl=False)
    elif fmt == "table" and not explain:
        output.print_lookup_table(matches, stdout)
    ctx.exit(EX_FINDINGS if failed else 0)


@main.command()
@click.argument("entity_id")
@format_option(("text", "json"), "Output format.")
@click.pass_context
def show(ctx: click.Context, entity_id: str, fmt: str | None) -> None:
    """Show an entity: its name, aliases, relations and sources.

    Example:

        $ aliasctl show kataib-hezbollah
    """
    from .registry import load_registry

    registry = load_registry(registry_arg(ctx))
    entity = registry.get(entity_id)
    if entity is None:
        raise UsageError(f"no entity with id '{entity_id}' (try: aliasctl lookup '{entity_id}')")
    redirected = entity_id if entity.id != entity_id else None
    if fmt == "json":
        click.echo(output.entity_json(entity), nl=False)
    else:
        click.echo(output.entity_text(entity, redirected), nl=False)


@main.command()
@format_option(("text", "json"), "Output format.")
@click.option("--full", is_flag=True, help="List every country and every entity without a native name.")
@click.pass_context
def stats(ctx: click.Context, fmt: str | None, full: bool) -> None:
    """Count entities by kind and country, aliases by type and script, and the gaps.

    Example:

        $ aliasctl stats --format json
    """
    from .registry import load_registry
    from .stats import registry_stats

    result = registry_stats(load_registry(registry_arg(ctx)))
    if fmt == "json":
        click.echo(output.stats_json(result), nl=False)
    else:
        click.echo(output.stats_text(result, full=full), nl=False)


def _patterns(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False))
@format_option(
    ("text", "parsable", "json", "github", "sarif", "junit"),
    "Output format (default: text; github under GitHub Actions).",
)
@click.option(
    "--select",
    multiple=True,
    help="Only these rules (codes, code prefixes or names; repeat or comma-separate).",
)
@click.option("--ignore", multiple=True, help="Skip these rules (codes, code prefixes or names).")
@click.option("--strict", is_flag=True, default=None, help="Warnings fail the audit too.")
@click.option("--list-rules", is_flag=True, help="List the rules and exit.")
@click.pass_context
def audit(
    ctx: click.Context,
    paths: tuple[str, ...],
    fmt: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    strict: bool | None,
    list_rules: bool,
) -> None:
    """Check registry files for inconsistencies (default: the registry in use).

    Settings come from [tool.aliasctl.audit] in pyproject.toml or [audit] in
    .aliasctl.toml (the nearest in this folder or a parent); options override
    them. An entity can waive rules with `audit-ignore: [AL005]`.

    Exit status: 0 clean (warnings allowed unless --strict), 1 problems,
    65 a file that cannot be parsed at all.

    Example:

        $ aliasctl audit data/aliases.yaml --format parsable
    """
    from .audit import AuditConfig, rule_docs, run_audit
    from .audit.config import find_config
    from .files import registry_path

    if list_rules:
        click.echo(output.rules_text(list(rule_docs())), nl=False)
        return
    _, settings = find_config()
    config = AuditConfig(
        select=_patterns(select) or settings.get("select", ()),
        ignore=(*settings.get("ignore", ()), *_patterns(ignore)),
        strict=strict if strict is not None else settings.get("strict", False),
        levels=settings.get("levels", {}),
    )
    targets = list(paths) or [str(registry_path(registry_arg(ctx)))]
    report = run_audit(targets, config)
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    if fmt is None:
        fmt = "github" if github else "text"
    if fmt == "text" and output.use_color(sys.stdout):
        output.print_audit_rich(report, sys.stdout)
    elif fmt == "text":
        click.echo(output.audit_text(report), nl=False)
    elif fmt == "parsable":
        click.echo(output.audit_parsable(report), nl=False)
    elif fmt == "json":
        click.echo(output.audit_json(report), nl=False)
    elif fmt == "github":
        click.echo(output.audit_github(report), nl=False)
    elif fmt == "sarif":
        click.echo(output.audit_sarif(report, list(rule_docs()), __version__), nl=False)
    else:
        click.echo(output.audit_junit(report), nl=False)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if github and summary:
        try:
            with open(summary, "a", encoding="utf-8") as fh:
                fh.write(output.audit_step_summary(report))
        except OSError as exc:
            click.echo(
                output.error_line(f"{summary}: cannot append the step summary: {exc.strerror}"), err=True
            )
    for failure in report.failures:
        click.echo(output.error_line(str(failure)), err=True)
    if report.failures:
        ctx.exit(max(f.exit_code for f in report.failures))
    ctx.exit(EX_FINDINGS if report.failed else 0)


# -- editing the registry -----------------------------------------------------


def lock_timeout_option(func: F) -> F:
    """The shared ``--lock-timeout`` option of the commands that write."""
    return click.option(
        "--lock-timeout",
        type=click.FloatRange(0),
        default=DEFAULT_LOCK_TIMEOUT,
        show_default=True,
        help="Seconds to wait for another writer's lock (then exit 75).",
    )(func)


def dry_run_option(func: F) -> F:
    """The shared ``--dry-run`` option: print the diff, write nothing."""
    return click.option("--dry-run", is_flag=True, help="Print the unified diff instead of writing.")(func)


def _write_target(ctx: click.Context) -> Path:
    from .files import registry_path

    return registry_path(registry_arg(ctx))


def _apply(
    ctx: click.Context, change: Callable[[str, str], Edit], dry_run: bool, lock_timeout: float
) -> Edit:
    """Run one edit on the registry and report it: the diff on --dry-run, else what was done.

    ``change`` takes the registry's text and its path (for the locations of errors).
    """
    from .atomic import update

    path = _write_target(ctx)
    spath = os.fspath(path)
    result = update(path, lambda text: change(text, spath), lock_timeout=lock_timeout, dry_run=dry_run)
    if dry_run:
        click.echo(result.diff(os.fspath(path)), nl=False)
        for line in result.report:
            click.echo(f"(dry run, nothing written) {line}", err=True)
    else:
        for line in result.report:
            click.echo(line)
    if not result.changed and not result.report and not result.conflicts:
        click.echo("nothing to change", err=True)
    return result


@main.command("fmt")
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False))
@click.option(
    "--check", is_flag=True, help="Write nothing; print the diff and exit 1 if a file is not canonical."
)
@lock_timeout_option
@click.pass_context
def fmt_cmd(ctx: click.Context, paths: tuple[str, ...], check: bool, lock_timeout: float) -> None:
    """Rewrite registry files in the canonical layout (comments are kept).

    PATHS default to the registry. Exit status with --check: 0 when every file
    is canonical, 1 otherwise.

    Example:

        $ aliasctl fmt --check data/aliases.yaml
    """
    from .atomic import update
    from .edit import fmt

    targets = [Path(p) for p in paths] or [_write_target(ctx)]
    unformatted = False
    for path in targets:
        spath = os.fspath(path)
        result = update(path, partial(fmt, path=spath), lock_timeout=lock_timeout, dry_run=check)
        if not result.changed:
            continue
        unformatted = True
        if check:
            click.echo(result.diff(spath), nl=False)
            click.echo(f"would reformat {spath}", err=True)
        else:
            click.echo(f"reformatted {spath}", err=True)
    ctx.exit(EX_FINDINGS if check and unformatted else 0)


@main.command("add")
@click.argument("entity_id")
@click.argument("text")
@click.option(
    "--type", "atype", type=click.Choice(ALIAS_TYPES), default=None, help="Alias type (default translit)."
)
@click.option("--lang", default=None, help="Language code of the alias (ar, fa, ps...).")
@click.option("--source", default=None, help="Where this spelling was seen (a URL).")
@click.option("--shared", is_flag=True, help="The name also belongs to another group: mark it shared.")
@dry_run_option
@lock_timeout_option
@click.pass_context
def add_cmd(
    ctx: click.Context,
    entity_id: str,
    text: str,
    atype: str | None,
    lang: str | None,
    source: str | None,
    shared: bool,
    dry_run: bool,
    lock_timeout: float,
) -> None:
    """Add the alias TEXT to the entity ENTITY_ID.

    An alias that already resolves to another entity is refused unless
    --shared is given.

    Example:

        $ aliasctl add kataib-hezbollah "Kata'ib Hizbullah" --source https://example.org/report
    """
    from .edit import add_alias

    def change(reg_text: str, path: str) -> Edit:
        return add_alias(
            reg_text, entity_id, text, atype=atype, lang=lang, source=source, shared=shared, path=path
        )

    _apply(ctx, change, dry_run, lock_timeout)


@main.command("new")
@click.argument("entity_id")
@click.option("--name", required=True, help="The preferred display name.")
@click.option(
    "--kind", type=click.Choice(KINDS), default="armed-group", show_default=True, help="What it is."
)
@click.option("--country", "countries", multiple=True, help="ISO 3166-1 alpha-2 code (repeatable).")
@click.option("--source", "sources", multiple=True, help="A source URL (repeatable).")
@click.option("--shared", is_flag=True, help="Allow a name that already resolves to another entity.")
@dry_run_option
@lock_timeout_option
@click.pass_context
def new_cmd(
    ctx: click.Context,
    entity_id: str,
    name: str,
    kind: str,
    countries: tuple[str, ...],
    sources: tuple[str, ...],
    shared: bool,
    dry_run: bool,
    lock_timeout: float,
) -> None:
    """Add a new entity ENTITY_ID at the end of the registry.

    Example:

        $ aliasctl new saraya-awliya-al-dam --name "Saraya Awliya al-Dam" --country IQ --source https://example.org/a
    """
    from .edit import new_entity

    def change(reg_text: str, path: str) -> Edit:
        return new_entity(
            reg_text,
            entity_id,
            name,
            kind=kind,
            countries=countries,
            sources=sources,
            shared=shared,
            path=path,
        )

    _apply(ctx, change, dry_run, lock_timeout)


@main.command("rename")
@click.argument("entity_id")
@click.argument("new_id")
@dry_run_option
@lock_timeout_option
@click.pass_context
def rename_cmd(ctx: click.Context, entity_id: str, new_id: str, dry_run: bool, lock_timeout: float) -> None:
    """Change the id ENTITY_ID to NEW_ID, leaving a redirect from the old id.

    Relations and redirects that pointed at the old id are repointed.

    Example:

        $ aliasctl rename kh kataib-hezbollah
    """
    from .edit import rename

    _apply(ctx, lambda reg_text, path: rename(reg_text, entity_id, new_id, path=path), dry_run, lock_timeout)


@main.command("merge")
@click.argument("ids", nargs=-1, metavar="[SOURCE_ID INTO_ID]")
@click.option(
    "--from",
    "other",
    type=click.Path(dir_okay=False),
    default=None,
    help="Bring in the entities and redirects of another registry file.",
)
@click.option(
    "--on-conflict",
    type=click.Choice(ON_CONFLICT),
    default=None,
    help="With --from: skip conflicting entities, keep ours, or take theirs.",
)
@dry_run_option
@lock_timeout_option
@click.pass_context
def merge_cmd(
    ctx: click.Context,
    ids: tuple[str, ...],
    other: str | None,
    on_conflict: str | None,
    dry_run: bool,
    lock_timeout: float,
) -> None:
    """Merge entity SOURCE_ID into INTO_ID, or another registry with --from.

    SOURCE_ID's name, aliases, relations, sources and countries move to
    INTO_ID; SOURCE_ID is removed and left as a redirect. With --from, conflicts
    are listed and nothing is written (exit 1) unless --on-conflict says how
    to settle them.

    Example:

        $ aliasctl merge saraya-thawrat-al-ishrin-al-thani-2 saraya-thawrat-al-ishrin-al-thani

        $ aliasctl merge --from proposals.yaml --on-conflict ours --dry-run
    """
    from .edit import merge, merge_from
    from .files import read_bytes
    from .registry import decode

    if other is None:
        if len(ids) != 2:
            raise click.UsageError("give SOURCE_ID and INTO_ID, or --from OTHER.yaml")
        if on_conflict is not None:
            raise click.UsageError("--on-conflict goes with --from")
        source_id, into_id = ids
        _apply(
            ctx, lambda reg_text, path: merge(reg_text, source_id, into_id, path=path), dry_run, lock_timeout
        )
        return
    if ids:
        raise click.UsageError("give either SOURCE_ID INTO_ID or --from, not both")
    other_text = decode(read_bytes(other), other).replace("\r\n", "\n")
    result = _apply(
        ctx,
        lambda reg_text, path: merge_from(
            reg_text, other_text, on_conflict=on_conflict, path=path, other_path=other
        ),
        dry_run,
        lock_timeout,
    )
    if result.conflicts and on_conflict is None:
        for conflict in result.conflicts:
            click.echo(f"conflict: {conflict}", err=True)
        click.echo(
            f"{len(result.conflicts)} conflict(s); nothing written. "
            "Choose --on-conflict skip, ours or theirs.",
            err=True,
        )
        ctx.exit(EX_FINDINGS)


_DELIMITER_WORDS = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


def _delimiter(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    value = _DELIMITER_WORDS.get(value.lower(), value)
    if len(value) != 1 or value in '"\r\n':
        raise click.BadParameter("one character, or tab, comma, semicolon, pipe")
    return value


@main.command()
@click.argument("table", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-c", "--column", required=True, help="The column of names (a header name, or a number from 1)."
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the proposals here (default: stdout)."
)
@click.option(
    "--all", "include_all", is_flag=True, help="Cluster every value, not only those the registry misses."
)
@click.option("--force", is_flag=True, help="Overwrite an existing proposals file.")
@click.option("--input-format", type=click.Choice(FORMATS), help="Input format (default: by extension).")
@click.option("--encoding", help="Text encoding of a CSV/TSV input (default: UTF-8, or as its BOM says).")
@click.option("--delimiter", callback=_delimiter, help="CSV delimiter (default: sniffed among , ; TAB |).")
@click.option("--sheet", help="XLSX sheet (default: the first).")
@click.option("-q", "--quiet", is_flag=True, help="No table or summary on stderr.")
@click.pass_context
def cluster(ctx: click.Context, /, table: str, column: str, **opts: Any) -> None:
    """Group the names a table's column holds that the registry does not know, and propose entries.

    TABLE is any table `aliasctl clean` reads (CSV, TSV, XLSX, JSON Lines,
    Parquet; - for stdin) or the review queue that `clean --review` writes.
    Names that spell one name go together (same key, same skeleton, or a
    typo apart); each group is proposed as new aliases of a registry entity
    it nearly matches, or as a new entity. The proposals are in the registry
    format, marked `proposed: true`: go through them with `aliasctl review`,
    then apply them with `aliasctl merge --from`.

    Example:

        $ aliasctl cluster incidents.csv -c actor -o proposals.yaml
    """
    from .atomic import write_atomic
    from .cache import load_index
    from .cluster import cluster_values, proposals_text, read_values
    from .resolver import Resolver
    from .tabular import same_file

    output_path = opts.pop("output", None)
    if output_path and table != "-" and same_file(output_path, table):
        raise UsageError(f"the proposals file {output_path} is the input table: name another one")
    if output_path and Path(output_path).exists() and not opts["force"]:
        raise UsageError(
            f"{output_path} exists: it may hold a review in progress (use --force to replace it)"
        )
    resolver = Resolver(load_index(registry_arg(ctx)))
    values = read_values(
        table,
        column,
        input_format=opts["input_format"],
        encoding=opts["encoding"],
        delimiter=opts["delimiter"],
        sheet=opts["sheet"],
        stdin=sys.stdin.buffer if table == "-" else None,
    )
    clusters = cluster_values(values, resolver, include_resolved=opts["include_all"])
    source = "stdin" if table == "-" else os.path.basename(table)
    if values.from_review:  # rows are then the cleaned table's, not the queue's
        source = f"the table reviewed in {source}"
    text = proposals_text(clusters, resolver, source)
    if output_path:
        write_atomic(output_path, text.encode("utf-8"))
    else:
        click.echo(text, nl=False)
    if not opts["quiet"]:
        if _is_tty(sys.stderr):
            output.print_cluster_table(clusters, sys.stderr)
        click.echo(output.cluster_summary(len(values), clusters, output_path), err=True)


_REVIEW_KEYS = {
    "a": "accept",
    "r": "reject",
    "i": "id",
    "n": "name",
    "s": "same-as",
    "k": "skip",
    "q": "quit",
}


@main.command()
@click.argument("proposals", type=click.Path(dir_okay=False))
@lock_timeout_option
@click.pass_context
def review(ctx: click.Context, proposals: str, lock_timeout: float) -> None:
    """Go through a proposals file from `aliasctl cluster`, one entry at a time.

    For each entry still marked `proposed: true`: [a]ccept, [r]eject, change
    its [i]d or [n]ame, mark it the [s]ame as a registry entity (its
    spellings become that entity's aliases), s[k]ip, or [q]uit. Every
    decision is written to the file at once, so an interrupted review
    resumes where it stopped. Then apply the file with
    `aliasctl merge --from PROPOSALS`.

    Example:

        $ aliasctl review proposals.yaml
    """
    from .atomic import update
    from .cache import load_index
    from .cluster import review_decide
    from .files import read_bytes
    from .registry import decode, parse
    from .resolver import Resolver

    resolver = Resolver(load_index(registry_arg(ctx)))
    skipped: set[str] = set()
    decided = 0
    while True:
        reg = parse(decode(read_bytes(proposals), proposals), proposals)
        if reg.problems:
            raise sorted(reg.problems, key=lambda e: (e.line or 0, e.col or 0))[0]
        pending = [e for e in reg.entities if e.proposed and e.id not in skipped]
        if not pending:
            left = sum(1 for e in reg.entities if e.proposed)
            click.echo(f"{decided} decided; {left} still proposed in {proposals}")
            return
        entity = pending[0]
        known = entity.id in resolver.index.ids
        click.echo(output.proposal_card(entity, known, len(pending)))
        try:
            key = click.prompt(
                "[a]ccept [r]eject [i]d [n]ame [s]ame-as [k]skip [q]uit",
                type=click.Choice(list(_REVIEW_KEYS)),
                show_choices=False,
            )
        except click.exceptions.Abort:
            key = "q"  # the end of the input: stop as if told to, every decision is saved
            click.echo()
        action = _REVIEW_KEYS[key]
        if action == "quit":
            left = sum(1 for e in reg.entities if e.proposed)
            click.echo(f"{decided} decided; {left} still proposed in {proposals}")
            return
        if action == "skip":
            skipped.add(entity.id)
            continue
        value = None
        if action in ("id", "name", "same-as"):
            value = click.prompt({"id": "new id", "name": "new name", "same-as": "registry id"}[action])
        try:
            update(
                proposals,
                partial(
                    review_decide,
                    entity_id=entity.id,
                    action=action,
                    value=value,
                    resolver=resolver,
                    path=proposals,
                ),
                lock_timeout=lock_timeout,
            )
        except UsageError as exc:
            click.echo(output.error_line(str(exc)), err=True)
            continue
        if action in ("id", "name"):
            if action == "id" and value:
                skipped.discard(value)
            continue
        decided += 1


@main.command()
@click.argument("input_path", metavar="INPUT")
@click.option("-o", "--output", "output_path", help="Output file (default: stdout; - is stdout).")
@click.option(
    "-c",
    "--column",
    "columns",
    multiple=True,
    required=True,
    help="A column to resolve: its name, or its number from 1 (repeatable).",
)
@click.option("--input-format", type=click.Choice(FORMATS), help="Input format (default: by extension).")
@click.option("--output-format", type=click.Choice(FORMATS), help="Output format (default: by extension).")
@click.option("--sheet", help="XLSX: the sheet to clean (default: the first).")
@click.option("--encoding", help="Input encoding when the file has no BOM (default utf-8).")
@click.option("--output-encoding", help="Output encoding (default: the input's).")
@click.option(
    "--delimiter",
    callback=_delimiter,
    help="CSV delimiter, instead of sniffing among , ; tab | (tab, comma, ... also accepted).",
)
@click.option("--prefix", default="", help="Prefix of the added column names.")
@click.option(
    "--suffix", default="_", show_default=True, help="Between the column name and id/name/score/status."
)
@click.option("--replace", is_flag=True, help="Overwrite existing columns that have an added column's name.")
@click.option(
    "--escape-formulas", is_flag=True, help="Escape every written cell that a spreadsheet would run."
)
@click.option("--in-place", is_flag=True, help="Write over the input file (atomically).")
@click.option(
    "--review",
    type=click.Path(dir_okay=False),
    help="Write a CSV review queue of ambiguous and unresolved values.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["unresolved", "ambiguous"]),
    help="Exit 1 when a value is unresolved (or, with ambiguous, ambiguous or unresolved).",
)
@min_score_option
@click.option("-q", "--quiet", is_flag=True, help="No dialect line, progress or summary on stderr.")
@click.pass_context
def clean(
    ctx: click.Context,
    input_path: str,
    output_path: str | None,
    columns: tuple[str, ...],
    input_format: str | None,
    output_format: str | None,
    sheet: str | None,
    encoding: str | None,
    output_encoding: str | None,
    delimiter: str | None,
    prefix: str,
    suffix: str,
    replace: bool,
    escape_formulas: bool,
    in_place: bool,
    review: str | None,
    fail_on: str | None,
    min_score: float | None,
    quiet: bool,
) -> None:
    """Resolve COLUMNs of a table (CSV, TSV, XLSX, JSON Lines, Parquet) against the registry.

    Adds <col>_id, <col>_name, <col>_score and <col>_status right after each
    column and leaves every other cell as it was. INPUT may be - (stdin) for
    CSV, TSV and JSON Lines. Exit status: 0 when the output was written; with
    --fail-on, 1 when values are unresolved (or ambiguous).

    Example:

        $ aliasctl clean incidents.csv -c actor -o incidents.clean.csv --review review.csv

        $ xsv select actor,date big.csv | aliasctl clean - -c actor > out.csv
    """
    from .cache import load_index
    from .clean import CleanOptions, Naming, check_fail_on, clean_file
    from .normalize import printable
    from .resolver import DEFAULT_MIN_SCORE, Resolver

    options = CleanOptions(
        input=input_path,
        columns=columns,
        output=output_path,
        input_format=input_format,
        output_format=output_format,
        sheet=sheet,
        encoding=encoding,
        output_encoding=output_encoding,
        delimiter=delimiter,
        naming=Naming(prefix, suffix),
        replace=replace,
        escape_formulas=escape_formulas,
        in_place=in_place,
        review=review,
    )
    index = load_index(registry_arg(ctx))
    resolver = Resolver(index, min_score=DEFAULT_MIN_SCORE if min_score is None else min_score)
    stderr = sys.stderr
    on_terminal = _is_tty(stderr)

    def info(line: str) -> None:
        if not quiet:
            click.echo(f"aliasctl: {printable(line)}", err=True)

    with output.clean_progress(stderr, on_terminal and not quiet) as progress:
        report = clean_file(
            options,
            resolver,
            stdin=sys.stdin.buffer if sys.stdin is not None else None,  # None: the stream was closed
            stdout=sys.stdout.buffer if sys.stdout is not None else None,
            progress=progress,
            info=info,
        )
    if not quiet:
        if on_terminal:
            output.print_clean_summary(report, stderr, review)
        else:
            click.echo(output.clean_summary_text(report, review), err=True, nl=False)
    ctx.exit(EX_FINDINGS if check_fail_on(report, fail_on) else 0)


def run() -> None:  # pragma: no cover - console entry point
    """Console entry point."""
    main()


__all__ = ["main", "run"]
