"""The workshop's logic and models, shared by the Streamlit pages and usable from a notebook.

Everything here is plain Python: no module needs Streamlit except the :mod:`lib.ui` package (the page frame,
and each topic's cached views in ``lib.ui.<topic>``). Nothing imports TensorFlow when the package is
imported; it is imported only inside the functions that train (or load a Keras model); the shipped digit
networks run in NumPy (:mod:`lib.mnist.numpy_cnn`).

Modules, shared:
    images        - the one safe image loader every upload goes through (:func:`lib.images.load_image`) and the
                    one set of picture helpers: grey, 8-bit, enlarge, mosaic, PNG
    palette       - the colour-blind-safe Okabe-Ito palette and the plotly template every chart uses
    topics        - the six workshop topics: titles, URLs and one-line summaries (home page and navigation)
    training_slot - one live training at a time across all users of the server
    lessons       - each page's goal, URL settings, hideable sections and exercises (lib/<topic>/lesson.toml)
    handout       - Markdown/HTML records with pictures inside, and QR codes
    workshop_handout - the printable workshop sheet built from the lessons
    glossary      - the workshop's words in plain and kid wording (lib/glossary.toml)
    ui/           - Streamlit: the page frame (set-up, links, sidebar, end of page) and lib.ui.<topic> views

Modules, one group per topic (each page's README section lists their public names):
    convolution/ (kernels, charts, editor, sources, handout, lesson.toml)     - image kernels
    iris/  (model, cache, baselines, charts, handout, lesson.toml)           - the iris network
    mnist/ (model, numpy_cnn, preprocess, augment, results, charts, handout,
            lesson.toml)                                                     - the MNIST CNN
    noise/ (secret, copies, charts, handout, lesson.toml)                    - secret spy messages
    kmeans/ (garden, lloyd, bugs, upload, charts, handout, lesson.toml)      - k-means garden bugs
    ethics/ (checklist, content, demos, handout, lesson.toml)                - the ethics checklist
    Each topic's Streamlit views are in lib.ui.<topic>.
"""

from pathlib import Path

#: Folder holding everything the app needs at run time (see data/README.md for provenance and licences).
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
