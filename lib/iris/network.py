"""A network's weights as plain NumPy arrays, so the page can draw and run any network without TensorFlow
(issue #17: the playground's first view is instant, before anything is trained).

A network here is its :data:`Weights`: one ``(kernel, bias)`` pair per layer, input side first, the kernel of
shape (inputs, outputs), exactly as Keras's ``Dense`` layers hold them. :func:`untrained` makes a random
starting network the way Keras starts one (Glorot-uniform weights, zero biases; Keras draws its own random
numbers, so the network it trains starts from different ones of the same kind); :func:`probabilities` runs
a network on flowers, and :func:`decision_grid` over a plane of two measurements, for the decision map.
"""

from __future__ import annotations

import numpy as np

from lib.iris.data import plane

Weights = list[tuple[np.ndarray, np.ndarray]]  #: (kernel (inputs, outputs), bias (outputs,)) per layer

_ACTIVATIONS = {"relu": lambda z: np.maximum(z, 0.0), "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
                "tanh": np.tanh, "linear": lambda z: z}


def untrained(sizes: tuple[int, ...], seed: int) -> Weights:
    """A random starting network with layers of ``sizes`` (e.g. ``IrisConfig().layer_sizes``, (4, 10, 10, 3)):
    Glorot-uniform weights (each drawn from ±√(6 / (inputs + outputs)), Keras's default) and zero biases, the
    same for the same ``seed``."""
    rng = np.random.default_rng(seed)
    return [(rng.uniform(-1, 1, (n_in, n_out)) * np.sqrt(6 / (n_in + n_out)), np.zeros(n_out))
            for n_in, n_out in zip(sizes, sizes[1:])]


def probabilities(weights: Weights, activation: str, X) -> np.ndarray:
    """Each species' probability, shape (N, 3), for flowers ``X`` (N, 4) in cm (for an own table: (N, classes)
    for rows (N, inputs)): the hidden layers use
    ``activation``, the output layer softmax (as :func:`lib.iris.model.build_model` builds it)."""
    values = np.atleast_2d(np.asarray(X, dtype=float))
    for layer, (kernel, bias) in enumerate(weights):
        values = values @ kernel + bias
        if layer < len(weights) - 1:
            values = _ACTIVATIONS[activation](values)
    values = np.exp(values - values.max(axis=1, keepdims=True))
    return values / values.sum(axis=1, keepdims=True)


def accuracy(weights: Weights, activation: str, X, y) -> float:
    """Share of flowers ``X`` whose most probable species is their label ``y``."""
    return float(np.mean(probabilities(weights, activation, X).argmax(axis=1) == np.asarray(y)))


def decision_grid(weights: Weights, activation: str, x_feature: int, y_feature: int, fixed,
                  resolution: int = 60, data=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`lib.iris.model.decision_grid` for a network given by its weights: ``xs``, ``ys`` and the
    probabilities (resolution, resolution, 3) indexed ``[y, x]`` (one per class of an own table ``data``)."""
    xs, ys, flowers = plane(x_feature, y_feature, fixed, resolution, data)
    return xs, ys, probabilities(weights, activation, flowers).reshape(resolution, resolution, -1)


def layer_weights(model) -> list[np.ndarray]:
    """A Keras network's weight matrices, one (inputs, outputs) array per layer, input side first."""
    return [np.asarray(layer.kernel) for layer in model.layers]


def layer_parameters(model) -> Weights:
    """A Keras network's (weights, biases) per layer as NumPy copies, input side first."""
    return [(np.asarray(layer.kernel).copy(), np.asarray(layer.bias).copy()) for layer in model.layers]
