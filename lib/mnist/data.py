"""MNIST itself: the digits from ``data/mnist.npz``, their inverted copies, and the check every image passes.

Images everywhere are float arrays in [0, 1], shaped (N, 28, 28), white digit on black like MNIST; labels are
int64 digits 0-9. Plain NumPy: :mod:`lib.mnist.model` builds, trains and runs the network on these.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from lib import DATA_DIR

MNIST_PATH = DATA_DIR / "mnist.npz"


def load_data(path: Path | str = MNIST_PATH, train_size: int | None = None
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """MNIST from ``data/mnist.npz`` as ``(x_train, y_train, x_test, y_test)``.

    Images are float32 in [0, 1] shaped (N, 28, 28), white digits on black (the course's
    ``normalize_img``); labels are int64 digits 0-9. ``train_size`` keeps only the first that many training
    digits (less memory for a small live training run).
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"MNIST data not found at {path}; it ships in data/ (see data/README.md).")
    with np.load(path) as data:
        x_train, y_train = data["x_train"][:train_size], data["y_train"][:train_size]
        return (x_train.astype(np.float32) / 255.0, y_train.astype(np.int64),
                data["x_test"].astype(np.float32) / 255.0, data["y_test"].astype(np.int64))


def load_test_set(path: Path | str = MNIST_PATH) -> tuple[np.ndarray, np.ndarray]:
    """Only the 10,000 test digits and labels (as in :func:`load_data`), without reading the training set."""
    with np.load(path) as data:
        return data["x_test"].astype(np.float32) / 255.0, data["y_test"].astype(np.int64)


def invert(x: np.ndarray) -> np.ndarray:
    """Swap black and white: ``1 - x`` for images in [0, 1] (the course's augmentation)."""
    return 1.0 - np.asarray(x, dtype=np.float32)


def with_inverted_copies(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The originals followed by their inverted copies, labels repeated (the course's ``concatenate``)."""
    return np.concatenate([x, invert(x)]), np.concatenate([y, y])


def check_images(images) -> np.ndarray:
    """``images`` as float32 (N, 28, 28), one (28, 28) image becoming a batch of one; ``ValueError`` for other
    shapes, NaN, or values outside [0, 1] (such as 0-255 pixels)."""
    x = np.asarray(images, dtype=np.float32)
    if x.ndim == 2:
        x = x[None]
    if x.ndim != 3 or x.shape[1:] != (28, 28):
        raise ValueError(f"Expected images shaped (N, 28, 28) or one (28, 28) image, got shape {x.shape}.")
    if x.size and (np.nanmin(x) < 0 or np.nanmax(x) > 1 or np.isnan(x).any()):
        raise ValueError("Image values must lie in [0, 1]; divide 0-255 pixel values by 255.")
    return x
