"""Running a notebook from :func:`lib.notebooks.build` the way a learner would, top to bottom, with nbclient and
a fresh Python kernel, offline: any attempt to download something fails (the proxies point nowhere and Keras
gets an empty cache), so a notebook that works here needs nothing but what it carries and what sits beside it.

``run`` returns the executed notebook; ``printed`` its text output; ``value`` reads back a variable the
notebook computed (a cell the test appends prints it as JSON), for comparing with the app's own numbers.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from tests.conftest import ROOT

#: Every variable asked for with ``values=`` is printed after this marker by one appended cell.
_MARK = "__notebook_values__"
#: Environment for the kernel: nowhere to download from (the proxies refuse), an empty Keras cache, one thread
#: per BLAS library (the machine is shared), no GPU search.
_OFFLINE = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "http_proxy": "http://127.0.0.1:9",
            "https_proxy": "http://127.0.0.1:9", "NO_PROXY": "", "no_proxy": "", "CUDA_VISIBLE_DEVICES": "",
            "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONHASHSEED": "0", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1"}


class Ran:
    """An executed notebook, its text output, the values asked for and how long it took."""

    def __init__(self, notebook, values: dict, seconds: float):
        self.notebook, self.values, self.seconds = notebook, values, seconds

    @property
    def printed(self) -> str:
        """Everything the code cells printed or showed as text, in order."""
        parts = []
        for cell in self.notebook.cells:
            for output in cell.get("outputs", []):
                if output.get("output_type") == "stream" and output.get("name") == "stdout":
                    parts.append(output["text"])
                elif "data" in output and "text/plain" in output["data"]:
                    parts.append(output["data"]["text/plain"])
        return "\n".join(parts)

    def errors(self) -> list[str]:
        return [f"{o.get('ename')}: {o.get('evalue')}" for c in self.notebook.cells for o in c.get("outputs", [])
                if o.get("output_type") == "error"]


def run(text: str, folder: Path, values: tuple[str, ...] = (), timeout: int = 120, with_mnist: bool = False,
        edit: dict[str, str] | None = None) -> Ran:
    """Execute notebook ``text`` in ``folder`` (its working directory), each cell within ``timeout`` seconds.
    ``values``: variables to read back as JSON after the last cell (NumPy arrays as lists). ``with_mnist`` puts
    the app's data/mnist.npz beside it, as the /mnist notebook's first code cell asks. ``edit`` replaces text in
    the code cells first (old → new), as a learner changing a line would."""
    notebook = nbformat.reads(text, as_version=4)
    nbformat.validate(notebook)
    for old, new in (edit or {}).items():
        hits = [cell for cell in notebook.cells if cell.cell_type == "code" and old in cell.source]
        assert hits, f"no code cell holds {old!r}"
        for cell in hits:
            cell.source = cell.source.replace(old, new)
    if values:
        names = ", ".join(f"{name!r}: {name}" for name in values)
        notebook.cells.append(nbformat.v4.new_code_cell(
            "import json as _json, numpy as _np\n"
            f"print({_MARK!r} + _json.dumps({{{names}}}, default=lambda v: _np.asarray(v).tolist()))"))
    folder.mkdir(parents=True, exist_ok=True)
    if with_mnist:
        shutil.copyfile(ROOT / "data" / "mnist.npz", folder / "mnist.npz")
    keras_home = folder / "keras-home"
    keras_home.mkdir(exist_ok=True)
    env = {**os.environ, **_OFFLINE, "KERAS_HOME": str(keras_home), "MPLCONFIGDIR": str(folder)}
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(folder)}})
    start = time.perf_counter()
    client.execute(env=env)  # the kernel's own environment; this process's stays as it is
    seconds = time.perf_counter() - start
    found = {}
    if values:
        for output in notebook.cells[-1].get("outputs", []):
            if output.get("output_type") == "stream" and _MARK in output["text"]:
                found = json.loads(output["text"].split(_MARK, 1)[1])
    return Ran(notebook, found, seconds)
