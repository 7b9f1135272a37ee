"""The /iris topic: the course's first neural network, which tells three iris species apart from four ruler
measurements (4 → 10 → 10 → 3), trained live with Keras.

Modules:
    network   - a network as NumPy weights: a random untrained one, and running one without TensorFlow
    data      - the 150 flowers, their species and measurements, and a plane of made-up ones for the map
    own_data  - a learner's own table (uploaded or typed) checked for the same network: :func:`own_data.own_data`
                gives an ``OwnData``, which ``IrisConfig(data=...)`` trains on (inputs and outputs follow it)
    model     - :class:`IrisConfig`, :func:`train` (a :class:`TrainResult`, which predicts like a
                scikit-learn model: ``predict``, ``predict_proba``) and everything read from a trained network
    cache     - train each (config, seed) once per server, one training at a time (:func:`cache.train_cached`)
    baselines - three classic scikit-learn models on the same split ("maybe you don't need a network")
    charts    - the page's plotly figures (data, network, training curves, what it learned)
    tables    - the page's small tables (species on each side of the split, accuracy per species)
    content   - the page's words, plain and for kids
    handout   - the page's "Download my results" record
    card      - the learner's network's model card (:func:`card.model_card`), filled in from its run
    lesson.toml - the page's goal, URL settings, hideable sections and exercises

Importing this package stays light: TensorFlow loads only inside the functions that build or call a model.
"""

from lib.iris.model import (
    ACTIVATIONS, EXAMPLE_FLOWERS, EXAMPLE_LABELS, FEATURES, OVERFIT_CONFIG, OVERFIT_SEED, SPECIES, IrisConfig,
    Progress, TrainResult, build_model, confusion, decide, decision_grid, example_lines, load_iris_frame,
    per_species_accuracy, predict_proba, prediction_line, split, train, training_stream)
from lib.iris.network import layer_weights

__all__ = [
    "ACTIVATIONS", "EXAMPLE_FLOWERS", "EXAMPLE_LABELS", "FEATURES", "OVERFIT_CONFIG", "OVERFIT_SEED", "SPECIES",
    "IrisConfig", "Progress", "TrainResult", "build_model", "confusion", "decide", "decision_grid",
    "example_lines", "layer_weights", "load_iris_frame", "per_species_accuracy", "predict_proba",
    "prediction_line", "split", "train", "training_stream",
]
