"""Write docs/api.md, the reference of the ``lib`` package, from the code's own docstrings.

The docstrings are the one place the API is described; this page is generated from them and never edited by
hand (tests/test_api_docs.py fails when it is out of date). For every module: its docstring's first
paragraph, then each public name with its signature and its docstring's first paragraph. A package lists the
names of its ``__all__`` in that order; a module without ``__all__`` lists its public top-level names in source
order, a name re-exported by its package once only, under the package. A constant's description is its ``#:``
comment. Importing ``lib`` loads no TensorFlow; ``lib.ui`` imports Streamlit.

Usage: ``python scripts/api_docs.py`` (writes docs/api.md); ``--check`` only says whether it is up to date.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import importlib
import inspect
import logging
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, only scripts/ is on the path
    sys.path.insert(0, str(ROOT))
OUTPUT = ROOT / "docs" / "api.md"
STREAMLIT = "lib.ui"  # the one package that needs Streamlit
MAX_VALUE_CHARS = 60  # a constant's value is shown when its source is this short

HEADER = """# The `lib` API

Generated from the docstrings by `python scripts/api_docs.py`: do not edit by hand (a test fails when it is
out of date). Each entry gives a docstring's first paragraph; `help(name)` in Python shows the whole of it.
Everything here imports without Streamlit or TensorFlow except `lib.ui` and `lib.ui.<topic>` (needs Streamlit).
"""


def first_paragraph(doc: str | None) -> str:
    """A docstring's first paragraph on one line, or "" when there is none."""
    if not doc:
        return ""
    return " ".join(inspect.cleandoc(doc).split("\n\n")[0].split())


def own_doc(obj) -> str:
    """The object's own docstring: not inherited, and not the one dataclasses and named tuples make up."""
    doc = obj.__doc__ if inspect.isclass(obj) else inspect.getdoc(obj)
    if inspect.isclass(obj) and doc and doc.startswith(f"{obj.__name__}("):
        return ""
    return first_paragraph(doc)


class _Shown:
    """A default value as the signature shows it: paths relative to the repository, sets sorted."""

    def __init__(self, value):
        self.value = value

    def __repr__(self) -> str:
        value = self.value
        if isinstance(value, Path):
            try:
                return f"Path({str(value.relative_to(ROOT))!r})"
            except ValueError:
                return f"Path({str(value)!r})"
        if isinstance(value, (set, frozenset)):
            return f"{type(value).__name__}({sorted(value)!r})"
        if dataclasses.is_dataclass(value) and not isinstance(value, type) and _is_default(value):
            return f"{type(value).__name__}()"
        text = repr(value)
        return f"<{type(value).__name__}>" if " at 0x" in text else text


class _Written:
    """An annotation kept as text (``from __future__ import annotations``), shown without quotes."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _annotation(annotation):
    return _Written(annotation.strip("'\"")) if isinstance(annotation, str) else annotation


def _is_default(value) -> bool:
    try:
        return value == type(value)()
    except TypeError:  # the class has fields without defaults
        return False


def signature(obj, method: bool = False) -> str:
    """``(a, b=1) -> int`` from :func:`inspect.signature`, or "" for what has none; a ``method``'s ``self``
    is left out."""
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return ""
    params = [p for p in list(sig.parameters.values())[1 if method else 0:] if not p.name.startswith("_")]
    params = [p.replace(annotation=_annotation(p.annotation),
                        default=_Shown(p.default) if p.default is not p.empty else p.empty) for p in params]
    return str(sig.replace(parameters=params, return_annotation=_annotation(sig.return_annotation)))


def constants(source: str, within: str = "") -> dict[str, tuple[str, str]]:
    """Assignments at the top level of a module's source, or in the body of its class ``within``:
    name → (value source if short, comment: the ``#:`` lines above or the comment at the end of the line)."""
    lines = source.splitlines()
    found = {}
    body = ast.parse(source).body
    if within:
        body = next((node.body for node in body if isinstance(node, ast.ClassDef) and node.name == within), [])
    for node in body:
        if not isinstance(node, (ast.Assign, ast.AnnAssign)):
            continue
        for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
            if not isinstance(target, ast.Name) or (node.value is None and not within):
                continue
            comment = []
            row = node.lineno - 2
            while row >= 0 and lines[row].strip().startswith("#:"):
                comment.insert(0, lines[row].strip()[2:].strip())
                row -= 1
            tail = lines[node.end_lineno - 1].split("  #", 1)
            if not comment and len(tail) == 2:
                comment = [tail[1].lstrip(":").strip()]
            value = (ast.get_source_segment(source, node.value) or "") if node.value is not None else ""
            found[target.id] = (value if len(value) <= MAX_VALUE_CHARS and "\n" not in value else "", " ".join(comment))
    return found


def top_level_names(source: str) -> list[str]:
    """Public names a module defines itself, in source order."""
    names = []
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names += [t.id for t in targets if isinstance(t, ast.Name)]
    return [name for name in dict.fromkeys(names) if not name.startswith("_") and name != "__all__"]


def home_source(module, name: str) -> str:
    """Source of the module that defines ``name`` (for a re-exported constant's comment), found by its imports."""
    tree = ast.parse(inspect.getsource(module))
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and any(a.name == name for a in node.names):
            return inspect.getsource(importlib.import_module(node.module))
    return inspect.getsource(module)


def member_lines(cls, source: str) -> list[str]:
    """A class's described fields and its own public methods and properties, one indented line each."""
    lines = [_item(f".{name}", comment, indent="  ") for name, (_, comment) in constants(source, cls.__name__).items()
             if comment and not name.startswith("_")]
    for name, attr in cls.__dict__.items():
        if name.startswith("_"):
            continue
        if isinstance(attr, property):
            lines.append(_item(f".{name}", attr.__doc__, indent="  "))
        elif isinstance(attr, (staticmethod, classmethod)) or inspect.isfunction(attr):
            func = getattr(cls, name)
            lines.append(_item(f".{name}{signature(func, method=inspect.isfunction(attr))}", inspect.getdoc(func),
                               indent="  "))
    return lines


def _item(code: str, doc: str | None, indent: str = "") -> str:
    """One bullet: ``code`` in backticks, then the docstring's first paragraph if there is one."""
    text = first_paragraph(doc)
    return f"{indent}- `{code}`" + (f" — {text}" if text else "")


def entry(module, name: str, source: str) -> list[str]:
    """The lines documenting one public name of ``module``."""
    obj = getattr(module, name)
    if inspect.isclass(obj):
        return [_item(f"{name}{signature(obj)}", own_doc(obj)), *member_lines(obj, source)]
    if inspect.isroutine(obj) or inspect.isroutine(getattr(obj, "__wrapped__", None)):  # plain or cached
        return [_item(f"{name}{signature(obj)}", inspect.getdoc(obj))]
    value, comment = constants(source).get(name, ("", ""))
    if value:
        return [_item(f"{name} = {value}", comment)]
    return [f"- `{name}` ({type(obj).__name__})" + (f" — {first_paragraph(comment)}" if comment else "")]


def module_names() -> list[str]:
    """Every module of ``lib``: shared modules, then each topic package with its modules, then ``lib.ui``."""
    import lib

    found = sorted(info.name for info in pkgutil.walk_packages(lib.__path__, "lib."))
    shared = [name for name in found if name.count(".") == 1 and not _is_package(name)]
    packages = [name for name in found if name not in shared and not _needs_streamlit(name)]
    return ["lib", *shared, *packages, *filter(_needs_streamlit, found)]


def _is_package(name: str) -> bool:
    return hasattr(importlib.import_module(name), "__path__")


def _needs_streamlit(name: str) -> bool:
    return name == STREAMLIT or name.startswith(STREAMLIT + ".")


def render() -> str:
    """The whole of docs/api.md."""
    # Outside a running app every cache decorator of lib.ui.<topic> warns that there is no runtime.
    importlib.import_module("streamlit.runtime.caching")
    for api in ("cache_data_api", "cache_resource_api"):
        logging.getLogger(f"streamlit.runtime.caching.{api}").setLevel(logging.ERROR)
    out = [HEADER]
    for name in module_names():
        module = importlib.import_module(name)
        source = inspect.getsource(module)
        parent = sys.modules.get(name.rpartition(".")[0])
        exported = set(getattr(parent, "__all__", ())) if parent is not None and name.count(".") > 1 else set()
        needs = " (needs Streamlit)" if _needs_streamlit(name) else ""
        out += [f"## `{name}`{needs}", "", first_paragraph(module.__doc__), ""]
        if hasattr(module, "__all__"):
            for public in module.__all__:
                out += entry(module, public, home_source(module, public))
        else:
            public = [n for n in top_level_names(source)
                      if n not in exported or getattr(parent, n) is not getattr(module, n)]
            for item in public:
                out += entry(module, item, source)
            if exported & set(top_level_names(source)):
                out.append(f"- {'Its other' if public else 'Its'} public names are listed under `{parent.__name__}`, "
                           "which re-exports them.")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only say whether docs/api.md is up to date")
    text = render()
    if parser.parse_args().check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        print("docs/api.md is up to date." if current == text else "docs/api.md is out of date.")
        return 0 if current == text else 1
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"Wrote {OUTPUT.relative_to(ROOT)} ({len(text):,} characters).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
