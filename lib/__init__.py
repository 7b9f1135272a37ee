"""The workshop's logic and models, shared by the Streamlit pages and usable from a notebook.

Everything here is plain Python: no module needs Streamlit except :mod:`lib.ui` (the shared page helpers)
and the ``*_views`` modules (a page's cached wrappers around the logic, kept out of the page script because
Streamlit rebuilds a cache decorator each time its line runs). Nothing imports TensorFlow when the package is
imported; it is imported only inside the functions that train (or load a Keras model); the shipped digit
networks run in NumPy (:mod:`lib.mnist.numpy_cnn`).

Modules, shared:
    images        - the one safe image loader every upload goes through (:func:`lib.images.load_image`)
    palette       - the colour-blind-safe Okabe-Ito palette and the plotly template every chart uses
    topics        - the six workshop topics: titles, URLs and one-line summaries (home page and navigation)
    training_slot - one live training at a time across all users of the server
    lessons       - each page's goal, URL settings, hideable sections and exercises (lib/lessons/*.toml)
    handout       - Markdown/HTML records with pictures inside, and QR codes
    workshop_handout - the printable workshop sheet built from the lessons
    glossary      - the workshop's words in plain and kid wording (lib/glossary.toml)
    ui            - shared Streamlit page helpers (page set-up, links, sidebar, end of page); needs Streamlit

Modules, one group per topic (each page's README section lists their public names):
    kernels, kernel_display, kernel_editor, kernel_editor_views, kernel_sources, kernel_figures,
    convolution_handout                                                      - image kernels
    iris/  (model, cache, baselines, charts, handout, lesson.toml)           - the iris network
    mnist/ (model, numpy_cnn, preprocess, augment, results, charts, handout,
            lesson.toml)                                                     - the MNIST CNN
    noise, noise_display, noise_charts, noise_views, noise_handout           - secret spy messages
    garden, lloyd, kmeans_bugs, table_upload, garden_plots, garden_views,
    kmeans_handout                                                           - k-means garden bugs
    ethics, ethics_content, ethics_demos, ethics_views, ethics_handout       - the ethics checklist
"""

from pathlib import Path

#: Folder holding everything the app needs at run time (see data/README.md for provenance and licences).
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
