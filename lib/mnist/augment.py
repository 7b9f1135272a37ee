"""Data augmentation for the live training run: more kinds of "the same digit, looking different".

The course adds inverted copies of every digit (``INVERT = True``) and suggests more: small rotations,
noise, blur, brightness. Inverting *adds* copies (the training set doubles, as in the course); the other
changes are applied, with a random strength per image, to the training digits themselves, so the network
never sees exactly the same picture twice in the same way the test set shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import ndimage

from lib.mnist.data import with_inverted_copies
from lib.mnist.model import SEED


@dataclass(frozen=True)
class Augmentations:
    """Which changes to make to the training digits, and how strong (0 = off). Frozen and hashable (it keys
    the training cache); a strength outside its range raises ``ValueError``."""

    invert: bool = False  #: add an inverted copy of every digit (black on white)
    rotation: float = 0.0  #: rotate each digit by up to this many degrees, either way
    noise: float = 0.0  #: add random speckle with this standard deviation (0-1 scale)
    blur: float = 0.0  #: blur each digit by up to this many pixels (Gaussian sigma)
    brightness: float = 0.0  #: dim the ink of each digit by up to this share (0.5 = down to half)

    def __post_init__(self) -> None:
        limits = {"rotation": 45.0, "noise": 0.5, "blur": 2.0, "brightness": 0.9}
        for name, limit in limits.items():
            value = getattr(self, name)
            if not 0.0 <= value <= limit:
                raise ValueError(f"{name} must be between 0 and {limit}, got {value}.")

    def describe(self) -> str:
        """A short plain-words summary, e.g. "inverted copies, rotation ±10°"."""
        parts = ["inverted copies"] if self.invert else []
        parts += [f"rotation ±{self.rotation:g}°"] if self.rotation else []
        parts += [f"noise {self.noise:g}"] if self.noise else []
        parts += [f"blur up to {self.blur:g} px"] if self.blur else []
        parts += [f"brightness down to {1 - self.brightness:.0%}"] if self.brightness else []
        return ", ".join(parts) or "no augmentation"


def augment(x: np.ndarray, y: np.ndarray, augmentations: Augmentations,
            seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """Training images (N, 28, 28) in [0, 1] and labels, changed as ``augmentations`` says.

    Rotation, blur and brightness act on the ink (white on black) before inverting, so inverted copies
    get them too; noise is added last, on both polarities. Deterministic for a given ``seed``.
    """
    rng = np.random.default_rng(seed)
    x = np.array(x, dtype=np.float32)
    n = len(x)
    if augmentations.rotation:
        angles = rng.uniform(-augmentations.rotation, augmentations.rotation, n)
        x = np.stack([ndimage.rotate(image, angle, reshape=False, order=1) for image, angle in zip(x, angles)])
    if augmentations.blur:
        sigmas = rng.uniform(0, augmentations.blur, n)
        x = np.stack([ndimage.gaussian_filter(image, sigma) for image, sigma in zip(x, sigmas)])
    if augmentations.brightness:
        x *= rng.uniform(1 - augmentations.brightness, 1, (n, 1, 1)).astype(np.float32)
    if augmentations.invert:
        x, y = with_inverted_copies(x, y)
    if augmentations.noise:
        x += augmentations.noise * rng.standard_normal(x.shape, dtype=np.float32)
    return np.clip(x, 0.0, 1.0, out=x), np.asarray(y)
