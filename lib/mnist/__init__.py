"""The /mnist topic: the course's digit-reading convolutional network, which answers confidently and wrongly
for black digits on white until it is trained on inverted copies.

Modules:
    data       - the MNIST digits (:func:`load_data`), their inverted copies, the check every image passes
    model      - the course's network, training, the two shipped models, prediction
    numpy_cnn  - the trained network's forward pass in plain NumPy (:class:`numpy_cnn.NumpyCNN`): the pages
                 predict with it and never start TensorFlow
    preprocess - a drawing or photo to a 28×28 MNIST-style digit (:func:`to_mnist`)
    augment    - rotated, blurred, dimmed, speckled and inverted copies for live training
    results    - the course's ten test images and the tables and scores the page shows
    charts     - the page's figures (digits, probabilities, kernels, feature maps, confusion, training)
    handout    - the page's "Download my results" record
    card       - the model cards of the shipped networks and of a live-trained one
    lesson.toml - the page's goal, URL settings, hideable sections and exercises

Importing this package stays light: TensorFlow loads only inside the functions that train or load a Keras
model. Images everywhere are float arrays in [0, 1], shaped (N, 28, 28), white digit on black like MNIST.
"""

from lib.mnist.data import MNIST_PATH, invert, load_data, load_test_set, with_inverted_copies
from lib.mnist.model import (
    BATCH_SIZE, MODEL_PATHS, NETWORK_NAMES, SEED, TEST_PROBABILITIES_PATH, WEIGHTS_PATHS, Progress, accuracy,
    build_model, feature_maps, first_layer_kernels, layer_table, load_model, load_network, predict, save_model,
    save_test_probabilities, set_seed, test_probabilities, train)
from lib.mnist.preprocess import (
    NoDigitError, drawing_to_image, has_light_background, invert_if_light_background, to_mnist)

__all__ = [
    "BATCH_SIZE", "MNIST_PATH", "MODEL_PATHS", "NETWORK_NAMES", "SEED", "TEST_PROBABILITIES_PATH", "WEIGHTS_PATHS",
    "Progress", "accuracy", "build_model", "feature_maps", "first_layer_kernels", "invert", "layer_table",
    "load_data", "load_model", "load_network", "load_test_set", "predict", "save_model", "save_test_probabilities",
    "set_seed", "test_probabilities", "train", "with_inverted_copies",
    "NoDigitError", "drawing_to_image", "has_light_background", "invert_if_light_background", "to_mnist",
]
