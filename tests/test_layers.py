"""The package's layers: imports run one way (see "Architecture" in the README).

Every import counts, including those inside functions (the lazy ones) and
those only for type checking: either couples two modules.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "aliasctl"
FEATURES = ("clean", "edit", "cluster", "audit", "serve", "imports", "export", "engines")
# The base layers, from the bottom: a module may import its own layer and those below.
LOWER = {"errors": 0, "_version": 0, "constants": 0, "normalize": 1, "files": 1, "provenance": 1,
         "registry": 2, "matching": 2, "tables": 2}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _exists(module: str) -> bool:
    base = PACKAGE.parent.joinpath(*module.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in a file, relative ones made absolute."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            # `from .. import output` imports a module; `from ..errors import X` a name.
            subs = [f"{base}.{a.name}" for a in node.names if _exists(f"{base}.{a.name}")]
            found += [(node.lineno, m) for m in subs or [base]]
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))
IMPORTS = [
    (path.relative_to(PACKAGE.parent).as_posix(), line, module)
    for path in MODULES
    for line, module in _imports(path)
]


def _top(module: str) -> str:
    """The package's first-level part a module belongs to (``aliasctl.cli.app`` -> ``cli``)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "aliasctl" else ""


def _owner(where: str) -> str:
    return where.split("/")[1].removesuffix(".py")


def test_the_walk_resolves_relative_imports() -> None:
    # Without this, a walk that found nothing would pass every test below.
    app = {module for where, _, module in IMPORTS if where == "aliasctl/cli/app.py"}
    assert {"click", "aliasctl.output", "aliasctl.errors", "aliasctl._version"} <= app
    cache = {module for where, _, module in IMPORTS if where == "aliasctl/matching/cache.py"}
    assert {"aliasctl.normalize", "aliasctl.matching.index", "aliasctl.registry.loader"} <= cache


@pytest.mark.parametrize("feature", FEATURES)
def test_no_feature_imports_another_feature(feature: str) -> None:
    wrong = [
        f"{where}:{line} imports {module}"
        for where, line, module in IMPORTS
        if _owner(where) == feature and _top(module) in FEATURES and _top(module) != feature
    ]
    assert wrong == [], "what two features share belongs in a lower layer"


def test_only_the_cli_imports_click() -> None:
    wrong = [
        f"{where}:{line} imports {module}"
        for where, line, module in IMPORTS
        if module.split(".")[0] == "click" and _owner(where) != "cli"
    ]
    assert wrong == [], "the library raises AliasctlError; cli/ turns it into messages and exit codes"


def test_only_output_imports_rich() -> None:
    wrong = [
        f"{where}:{line} imports {module}"
        for where, line, module in IMPORTS
        if module.split(".")[0] == "rich" and where != "aliasctl/output.py"
    ]
    assert wrong == [], "terminal rendering lives in aliasctl/output.py"


def test_only_the_service_imports_its_web_stack() -> None:
    # Starlette and uvicorn are an optional extra: the rest of the package, and the service's own
    # library functions, must import without them.
    wrong = [
        f"{where}:{line} imports {module}"
        for where, line, module in IMPORTS
        if module.split(".")[0] in ("starlette", "uvicorn")
        and where not in ("aliasctl/serve/app.py", "aliasctl/serve/server.py")
    ]
    assert wrong == []
    app = {module.split(".")[0] for where, _, module in IMPORTS if where == "aliasctl/serve/app.py"}
    assert "starlette" in app


def test_lower_layers_import_nothing_above_them() -> None:
    wrong = [
        f"{where}:{line} imports {module}"
        for where, line, module in IMPORTS
        if _owner(where) in LOWER
        and _top(module)
        and LOWER.get(_top(module), 99) > LOWER[_owner(where)]
    ]
    assert wrong == []


def test_nothing_inside_the_package_imports_its_public_api() -> None:
    # aliasctl/__init__.py re-exports from the layers; importing names from it
    # inside the package would tie every layer to all the others.
    wrong = [
        f"{where}:{line} imports from aliasctl"
        for where, line, module in IMPORTS
        if module == "aliasctl" and where not in ("aliasctl/__init__.py", "aliasctl/__main__.py")
    ]
    assert wrong == []
