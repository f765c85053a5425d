"""The layering the style guide promises, checked on the source so it cannot erode.

- `domain/` is pure Python: no Flask, no database, no other part of LearnPM but itself.
- `catalog/` reads files: no Flask, no database.
- Feature packages (one blueprint each) import each other one way only: no cycles.
"""
import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "learnpm"
FEATURES = sorted(p.name for p in PACKAGE.iterdir()
                  if (p / "__init__.py").exists() and (p / "routes.py").exists())


def imported_modules(path: Path) -> set[str]:
    """Absolute names of everything a module imports (relative imports resolved)."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
    return found


def imports_of(folder: str) -> set[str]:
    return {name for path in (PACKAGE / folder).rglob("*.py") for name in imported_modules(path)}


@pytest.mark.parametrize("folder, forbidden", [
    ("domain", ("flask", "flask_login", "flask_wtf", "sqlalchemy", "learnpm.extensions",
                "learnpm.models", "learnpm.catalog", "learnpm.store")),
    ("catalog", ("flask", "flask_login", "flask_wtf", "sqlalchemy", "learnpm.extensions",
                 "learnpm.models", "learnpm.store")),
])
def test_pure_layers_import_nothing_of_the_web_or_the_database(folder, forbidden):
    bad = sorted(name for name in imports_of(folder)
                 if any(name == f or name.startswith(f + ".") for f in forbidden))
    assert bad == []


def feature_graph() -> dict[str, set[str]]:
    graph = {}
    for feature in FEATURES:
        graph[feature] = {other for other in FEATURES if other != feature and any(
            name == f"learnpm.{other}" or name.startswith(f"learnpm.{other}.")
            for name in imports_of(feature))}
    return graph


def test_there_are_features_to_check():
    assert {"quiz", "mentor", "skills", "learn", "auth"} <= set(FEATURES)


def test_features_import_each_other_one_way_only():
    graph = feature_graph()
    cycles = []

    def visit(node, trail):
        for nxt in sorted(graph[node]):
            if nxt in trail:
                cycles.append(" -> ".join(trail[trail.index(nxt):] + [nxt]))
            elif len(trail) < len(graph):
                visit(nxt, trail + [nxt])

    for feature in graph:
        visit(feature, [feature])
    assert cycles == []
