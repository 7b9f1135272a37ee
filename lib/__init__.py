"""The workshop's logic and models, shared by the Streamlit pages and usable from a notebook.

Everything here is plain Python: no module needs Streamlit except :mod:`lib.ui` (the shared page helpers),
and nothing imports TensorFlow when the package is imported; the model modules import it inside the
functions that build or load a model.

Modules:
    images   - the one safe image loader every upload goes through (:func:`lib.images.load_image`)
    palette  - the colour-blind-safe Okabe-Ito palette and the plotly template every chart uses
    topics   - the six workshop topics: titles, URLs and one-line summaries (home page and navigation)
    training_slot - one live training at a time across all users of the server
    ui       - shared Streamlit page helpers (page set-up, sidebar navigation); needs Streamlit
"""

from pathlib import Path

#: Folder holding everything the app needs at run time (see data/README.md for provenance and licences).
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
