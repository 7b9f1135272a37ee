"""The workshop's logic and models, shared by the Streamlit pages and usable from a notebook.

Everything here is plain Python: no module needs Streamlit except the :mod:`lib.ui` package (the page frame,
and each topic's cached views in ``lib.ui.<topic>``). Nothing imports TensorFlow when the package is
imported; it is imported only inside the functions that train (or load a Keras model); the shipped digit
networks run in NumPy (:mod:`lib.mnist_numpy`).

Modules, shared:
    images        - the one safe image loader every upload goes through (:func:`lib.images.load_image`)
    palette       - the colour-blind-safe Okabe-Ito palette and the plotly template every chart uses
    topics        - the six workshop topics: titles, URLs and one-line summaries (home page and navigation)
    training_slot - one live training at a time across all users of the server
    lessons       - each page's goal, URL settings, hideable sections and exercises (lib/lessons/*.toml)
    handout       - Markdown/HTML records with pictures inside, and QR codes
    workshop_handout - the printable workshop sheet built from the lessons
    glossary      - the workshop's words in plain and kid wording (lib/glossary.toml)
    ui/           - Streamlit: the page frame (set-up, links, sidebar, end of page) and lib.ui.<topic> views

Modules, one group per topic (each page's README section lists their public names):
    convolution/ (kernels, charts, editor, sources, handout, lesson.toml),
    kernel_editor_views                                                      - image kernels
    iris, iris_cache, iris_baselines, iris_charts, iris_handout              - the iris network
    mnist, mnist_numpy, mnist_preprocess, mnist_augment, mnist_results,
    mnist_charts, mnist_handout                                              - the MNIST CNN
    noise (package: secret, copies, charts, handout, lesson.toml), noise_views - secret spy messages
    kmeans (package: garden, lloyd, bugs, upload, charts, handout), garden_views - k-means garden bugs
    ethics (package: content, checklist, demos, handout, lesson.toml), ethics_views - the ethics checklist
"""

from pathlib import Path

#: Folder holding everything the app needs at run time (see data/README.md for provenance and licences).
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
