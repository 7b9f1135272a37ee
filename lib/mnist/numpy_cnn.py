"""The course's digit-reading CNN in plain NumPy: this is all the trained network computes.

Once trained, a network is just its numbers (about 215,000 of them) and a fixed recipe for combining them
with the picture's 784 pixels. The recipe, layer by layer, exactly as Keras runs it at prediction time:

    conv1   16 filters of 5×5, 'same' padding, + bias, ReLU      (28, 28, 1)  -> (28, 28, 16)
    pool1   largest value in each 2×2 square                      (28, 28, 16) -> (14, 14, 16)
    conv2   32 filters of 5×5 over all 16 maps, + bias, ReLU      (14, 14, 16) -> (14, 14, 32)
    pool2   largest value in each 2×2 square                      (14, 14, 32) -> (7, 7, 32)
    flatten row by row, the 32 channels of a pixel side by side   (7, 7, 32)   -> (1568,)
    dense   1568 → 128, + bias, ReLU
    dropout does nothing when predicting (it only silences neurons while training)
    digits  128 → 10, + bias, softmax: ten probabilities that add up to 1

Training needs TensorFlow (gradients, an optimiser); running the trained network needs only this, which
is why the app's pages predict with it and never start TensorFlow for that. The weights come from the shipped
``.keras`` models, exported by ``scripts/train_mnist.py --export-weights``. Arrays are laid out as in Keras:
images (N, height, width, channels), convolution kernels (5, 5, in, out), dense kernels (in, out).
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

#: Every learned array, by name, with its shape (the Keras layer names, "_kernel" and "_bias").
WEIGHT_SHAPES = {
    "conv1_kernel": (5, 5, 1, 16), "conv1_bias": (16,),
    "conv2_kernel": (5, 5, 16, 32), "conv2_bias": (32,),
    "dense_kernel": (1568, 128), "dense_bias": (128,),
    "digits_kernel": (128, 10), "digits_bias": (10,),
}
#: Images per chunk: the unrolled patches of conv2 take 256 × 196 × 400 floats (80 MB), so memory stays
#: bounded for the 10,000 test digits.
CHUNK = 256
_BLAS_LOCK = threading.Lock()
_BLAS_CONTROLLER = None  # made on first use


def conv2d_same(x: np.ndarray, kernel: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """Slide every filter over every position (padding with zeros so the size stays), multiply and add.

    ``x`` (N, H, W, C_in), ``kernel`` (k, k, C_in, C_out) -> (N, H, W, C_out). Like Keras (and unlike the
    mathematicians' convolution) the kernel is not flipped. Done as one matrix product: each output pixel's
    k×k×C_in neighbourhood becomes a row ("im2col"), each filter a column.
    """
    k = kernel.shape[0]
    padded = np.pad(x, ((0, 0), (k // 2, k // 2), (k // 2, k // 2), (0, 0)))
    # (N, H, W, k, k, C_in): every output pixel's neighbourhood, as a view (no copy yet). Channels last, as
    # in memory, so the copy below reads 16 or 32 neighbouring floats at a time: about 3× faster.
    patches = sliding_window_view(padded, (k, k), axis=(1, 2)).transpose(0, 1, 2, 4, 5, 3)
    n, h, w = x.shape[:3]
    rows = patches.reshape(n * h * w, -1)  # the one copy: one row of k·k·C_in numbers per output pixel
    columns = kernel.reshape(-1, kernel.shape[3])  # one column per filter, in the rows' (k, k, C_in) order
    return (rows @ columns + bias).reshape(n, h, w, -1)


def max_pool_2(x: np.ndarray) -> np.ndarray:
    """The largest value in each 2×2 square: (N, H, W, C) -> (N, H/2, W/2, C) for even H and W."""
    top_left, top_right = x[:, 0::2, 0::2], x[:, 0::2, 1::2]
    bottom_left, bottom_right = x[:, 1::2, 0::2], x[:, 1::2, 1::2]
    return np.maximum(np.maximum(top_left, top_right), np.maximum(bottom_left, bottom_right))


def relu(x: np.ndarray) -> np.ndarray:
    """Keep positive values, replace negative ones by 0."""
    return np.maximum(x, 0)


def softmax(scores: np.ndarray) -> np.ndarray:
    """Scores to probabilities that add up to 1 per row (the largest score subtracted first, so exp never
    overflows; it does not change the result)."""
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class NumpyCNN:
    """The trained course network, run with NumPy only. ``weights`` maps each name in :data:`WEIGHT_SHAPES`
    to its array."""

    def __init__(self, weights: dict[str, np.ndarray]):
        missing = [name for name in WEIGHT_SHAPES if name not in weights]
        if missing:
            raise ValueError(f"Missing weights {missing}; export them with scripts/train_mnist.py --export-weights.")
        self.weights = {name: np.asarray(weights[name], dtype=np.float32) for name in WEIGHT_SHAPES}
        for name, shape in WEIGHT_SHAPES.items():
            if self.weights[name].shape != shape:
                raise ValueError(f"Weight {name} has shape {self.weights[name].shape}, expected {shape}: "
                                 "these are not the course network's weights.")

    @classmethod
    def load(cls, path: Path | str) -> "NumpyCNN":
        """The network saved by :meth:`save` (an ``.npz`` file)."""
        with np.load(path) as saved:
            return cls(dict(saved))

    @classmethod
    def from_keras(cls, model) -> "NumpyCNN":
        """Copy the weights out of a Keras course model (see ``lib.mnist.model.build_model``)."""
        weights = {}
        for layer in ("conv1", "conv2", "dense", "digits"):
            weights[f"{layer}_kernel"], weights[f"{layer}_bias"] = model.get_layer(layer).get_weights()
        return cls(weights)

    def save(self, path: Path | str) -> None:
        """Write the weights to a compressed ``.npz`` file (under 1 MB)."""
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, **self.weights)

    def predict(self, images: np.ndarray) -> np.ndarray:
        """Probabilities (N, 10) for images (N, 28, 28) or one (28, 28) image in [0, 1], white on black."""
        x = _as_batch(images)
        with _one_blas_thread():
            return np.concatenate([self._forward(x[i:i + CHUNK]) for i in range(0, len(x), CHUNK)]
                                  or [np.empty((0, 10), np.float32)])

    def _forward(self, x: np.ndarray) -> np.ndarray:
        w = self.weights
        x = max_pool_2(relu(conv2d_same(x[..., None], w["conv1_kernel"], w["conv1_bias"])))
        x = max_pool_2(relu(conv2d_same(x, w["conv2_kernel"], w["conv2_bias"])))
        x = x.reshape(len(x), -1)  # (N, 7, 7, 32) -> (N, 1568) in Keras's order
        x = relu(x @ w["dense_kernel"] + w["dense_bias"])
        return softmax(x @ w["digits_kernel"] + w["digits_bias"])

    def first_layer_kernels(self) -> np.ndarray:
        """The 16 learned 5×5 filters of the first convolution, shaped (16, 5, 5)."""
        return self.weights["conv1_kernel"][:, :, 0, :].transpose(2, 0, 1)

    def feature_maps(self, image: np.ndarray) -> dict[str, np.ndarray]:
        """What each convolution makes of one (28, 28) image, after ReLU:
        ``{"conv1": (16, 28, 28), "conv2": (32, 14, 14)}``."""
        w = self.weights
        with _one_blas_thread():
            conv1 = relu(conv2d_same(_as_batch(image)[:1, ..., None], w["conv1_kernel"], w["conv1_bias"]))
            conv2 = relu(conv2d_same(max_pool_2(conv1), w["conv2_kernel"], w["conv2_bias"]))
        return {"conv1": conv1[0].transpose(2, 0, 1), "conv2": conv2[0].transpose(2, 0, 1)}

    def parameter_counts(self) -> list[int]:
        """Learned numbers per layer, in the order of the Keras model's layers (pooling, flatten and dropout
        learn none)."""
        size = {name: int(np.prod(shape)) for name, shape in WEIGHT_SHAPES.items()}
        per_layer = {layer: size[f"{layer}_kernel"] + size[f"{layer}_bias"]
                     for layer in ("conv1", "conv2", "dense", "digits")}
        return [per_layer["conv1"], 0, per_layer["conv2"], 0, 0, per_layer["dense"], 0, per_layer["digits"]]


@contextmanager
def _one_blas_thread():
    """Run the matrix products on one thread. They are small: on a busy 2-core server, sharing each with a
    second OpenBLAS thread costs more than it saves (one digit took 8 ms instead of 0.7 ms, 10,000 took 4.7 s
    instead of 2.7 s). The limit is process-wide, so a lock stops two sessions restoring it out of order."""
    global _BLAS_CONTROLLER
    with _BLAS_LOCK:
        if _BLAS_CONTROLLER is None:
            from threadpoolctl import ThreadpoolController  # installed with scikit-learn

            _BLAS_CONTROLLER = ThreadpoolController()
        with _BLAS_CONTROLLER.limit(limits=1, user_api="blas"):
            yield


def _as_batch(images: np.ndarray) -> np.ndarray:
    x = np.asarray(images, dtype=np.float32)
    x = x[None] if x.ndim == 2 else x
    if x.ndim != 3 or x.shape[1:] != (28, 28):
        raise ValueError(f"Expected images shaped (N, 28, 28) or one (28, 28) image, got shape {x.shape}.")
    return x
