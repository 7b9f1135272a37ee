"""Shared test set-up: make the repository importable as it is when the app runs."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def tensorflow_loaded_after(steps: str = "pass", timeout: float = 180) -> bool:
    """Open the app in a fresh interpreter (``app``, an AppTest already run on the home page), run ``steps``
    (Python statements on ``app``), check nothing raised, and say whether TensorFlow or Keras got imported.
    A fresh interpreter, so modules other tests imported cannot hide an import the page made."""
    script = (
        "import sys; from streamlit.testing.v1 import AppTest; "
        f"app = AppTest.from_file({str(ROOT / 'app.py')!r}, default_timeout=120).run(); "
        f"{steps}; assert not app.exception, app.exception; "
        "print('tensorflow' in sys.modules or 'keras' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=timeout)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()[-1] == "True"
