"""The workshop's logic and models, shared by the Streamlit pages and usable from a notebook.

Only :mod:`lib.ui` imports Streamlit; importing ``lib`` imports no TensorFlow (only the functions that train or
load a Keras model do). Each package's ``__init__`` is its public API; the reference is docs/api.md, generated
from the docstrings by ``python scripts/api_docs.py``.

    convolution/     - image kernels (/convolution)
    iris/            - the iris network (/iris)
    mnist/           - the digit-reading CNN and its NumPy forward pass (/mnist)
    noise/           - secret spy messages: averaging noisy copies (/noise)
    kmeans/          - k-means on the garden bugs (/kmeans)
    ethics/          - the ethics checklist and its live demos (/ethics)
    ui/              - Streamlit: the page frame and each topic's cached views (lib.ui.<topic>)
    images           - the one safe image loader and the one set of picture helpers (grey, enlarge, mosaic, PNG)
    palette          - the Okabe-Ito colours and the plotly template
    topics           - the pages' titles, URLs and summaries
    lessons          - each page's lesson file (lib/<topic>/lesson.toml): link settings, sections, exercises
    settings         - one link setting of a lesson: how it reads from a URL and what its control shows
    glossary         - the workshop's words in plain and kid wording (lib/glossary.toml)
    handout          - Markdown/HTML records with pictures inside, and QR codes
    workshop_handout - the printable workshop sheet
    notebooks        - "Download a notebook": each topic page's settings as a Jupyter notebook (lib/<topic>/notebook.py)
    training         - live training shared per server: one at a time, each setting once, replays
    restart          - noticing a browser moved to a fresh server process (the page says so)
"""

from pathlib import Path

#: Folder holding everything the app needs at run time (see data/README.md for provenance and licences).
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
