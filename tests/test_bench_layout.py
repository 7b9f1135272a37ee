"""The benchmark harness stands alone: it imports nothing from tests/, no bench module imports the entry point
bench.run, and bench's modules import each other without a circle (tests may import bench, not the reverse)."""

import ast

from tests.conftest import ROOT

BENCH = ROOT / "bench"


def _imports(path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function (lazy imports count too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            # `from bench import bench_iris` imports the module bench.bench_iris
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _bench_graph() -> dict[str, set[str]]:
    modules = {f"bench.{path.stem}": path for path in BENCH.glob("*.py") if path.stem != "__init__"}
    return {name: {imported for imported in _imports(path) if imported in modules and imported != name}
            for name, path in modules.items()}


def test_bench_imports_nothing_from_tests():
    offenders = {path.name: sorted(name for name in _imports(path) if name == "tests" or name.startswith("tests."))
                 for path in BENCH.glob("*.py")}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_no_bench_module_imports_the_entry_point():
    importers = sorted(name for name, imported in _bench_graph().items() if "bench.run" in imported)
    assert importers == []


def test_bench_modules_import_each_other_without_a_circle():
    graph = _bench_graph()
    finished, on_path = set(), []

    def visit(module: str) -> None:
        if module in on_path:
            raise AssertionError("import circle: " + " → ".join(on_path[on_path.index(module):] + [module]))
        if module in finished:
            return
        on_path.append(module)
        for imported in sorted(graph[module]):
            visit(imported)
        on_path.pop()
        finished.add(module)

    for module in sorted(graph):
        visit(module)
