"""The code's layers: only lib.ui (with app.py and pages/) imports Streamlit, and nothing in lib imports
TensorFlow when a module is imported (only inside the functions that need a model)."""

import ast
import subprocess
import sys

from tests.conftest import ROOT

LIB = ROOT / "lib"


def _imported(path) -> set[str]:
    """Top-level packages imported anywhere in the file at ``path``, at module level only."""
    names = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_only_lib_ui_imports_streamlit():
    outside = [str(path.relative_to(ROOT)) for path in sorted(LIB.rglob("*.py"))
               if "streamlit" in _imported(path) and path.parent != LIB / "ui"]
    assert outside == []


def test_no_lib_module_imports_tensorflow_when_imported():
    modules = [".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
               for path in sorted(LIB.rglob("*.py")) if path.parent != LIB / "ui"]
    script = ("import importlib, sys\n"
              f"for name in {modules!r}: importlib.import_module(name)\n"
              "print(sorted(m for m in ('tensorflow', 'keras', 'streamlit') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
