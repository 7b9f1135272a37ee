"""Secret spy messages: why adding many noisy copies of a picture reveals it.

Spy Jane sends spy John the same secret picture many times; a baddie garbles every copy with fresh random
noise. Random noise goes up as often as down, so its average tends to zero: the mean of N copies keeps the
picture and shrinks the noise by a factor sqrt(N) (the standard error of the mean). Astronomers stack
telescope frames and cryo-electron microscopists average thousands of particle images (single-image
signal-to-noise ~0.1) for the same reason.

Images are 2-D float arrays with 0 = black and 1 = white; a stack of copies has shape (n, height, width).
Noisy copies are NOT clipped to [0, 1]: clipping would make the noise lopsided near black and white, so
its average would no longer be zero and the mean would stop improving (the 1/sqrt(N) law breaks).
Displays clip to black..white (see :mod:`lib.noise.charts`); the arithmetic never does. The secret
pictures come from :mod:`lib.noise.secret`.
"""

from __future__ import annotations

import numpy as np

KINDS = ("gaussian", "uniform", "salt_pepper")
HOW = ("mean", "sum", "median")
#: Largest stack :func:`noisy_copies` makes (copies x pixels), so a typo cannot exhaust the memory.
MAX_STACK_PIXELS = 60_000_000


def noisy_copies(image: np.ndarray, n: int, kind: str = "gaussian", strength: float = 1.0,
                 seed: int | None = 0) -> np.ndarray:
    """``n`` copies of ``image``, each garbled by fresh random noise: a float32 array (n, height, width).

    ``kind``: ``"gaussian"`` (bell-curve noise) or ``"uniform"`` (every value in a band equally likely),
    both zero-mean with standard deviation ``strength`` in image units and NOT clipped to [0, 1];
    or ``"salt_pepper"``, where a fraction ``strength`` of the pixels (0 to 1) turns pure white or pure
    black, half each. The same ``seed`` gives the same copies, and the first k copies are the same
    whatever ``n`` is (the noise is drawn copy after copy), so a page can draw the most it needs once.
    """
    image = _check_image(image)
    n = _check_count(n, "n")
    if n * image.size > MAX_STACK_PIXELS:
        raise ValueError(f"{n} copies of a {image.shape[1]}x{image.shape[0]} picture are too many to hold; "
                         f"use at most {MAX_STACK_PIXELS // image.size} copies or a smaller picture.")
    strength = _check_strength(kind, strength)
    rng = np.random.default_rng(seed)
    shape = (n, *image.shape)
    if kind == "gaussian":
        return image + rng.standard_normal(shape, dtype=np.float32) * np.float32(strength)
    if kind == "uniform":
        half_width = np.float32(strength * np.sqrt(3))  # a uniform band of half-width a has std a / sqrt(3)
        return image + rng.uniform(-half_width, half_width, shape).astype(np.float32)
    # One draw per pixel decides both whether it is hit and how: below strength/2 pepper, up to strength salt.
    draw = rng.random(shape, dtype=np.float32)
    return np.where(draw < strength, (draw >= strength / 2).astype(np.float32), image)


def combine(copies: np.ndarray, how: str = "mean", n: int | None = None) -> np.ndarray:
    """Combine the first ``n`` copies (all if ``None``) pixel by pixel: their ``"mean"``, ``"sum"`` or
    ``"median"``. The sum grows with n (brighter and brighter); the mean stays on the picture's scale."""
    copies = _check_stack(copies)
    if how not in HOW:
        raise ValueError(f"how must be one of {', '.join(HOW)}, not {how!r}.")
    n = len(copies) if n is None else _check_count(n, "n", maximum=len(copies))
    first = copies[:n]
    if how == "median":
        return np.median(first, axis=0)
    total = first.sum(axis=0)
    return total / np.float32(n) if how == "mean" else total


def remaining_noise(estimate: np.ndarray, clean: np.ndarray) -> float:
    """How far ``estimate`` is from the ``clean`` picture: the root-mean-square error over the pixels."""
    estimate, clean = np.asarray(estimate, dtype=np.float64), np.asarray(clean, dtype=np.float64)
    if estimate.shape != clean.shape:
        raise ValueError(f"The estimate is {estimate.shape} but the clean picture is {clean.shape}.")
    return float(np.sqrt(np.mean((estimate - clean) ** 2)))


def running_sums(copies: np.ndarray) -> np.ndarray:
    """Cumulative sums: ``running_sums(c)[k]`` is the sum of the first k + 1 copies, so the mean of any
    first n copies is one division away (what makes a "combine the first n" slider instant)."""
    copies = _check_stack(copies)
    sums, total = np.empty(copies.shape, dtype=np.float32), np.zeros(copies.shape[1:], dtype=np.float64)
    for index, copy in enumerate(copies):  # ten times faster than np.cumsum along the first axis
        total += copy
        sums[index] = total
    return sums


def noise_curve(copies: np.ndarray, clean: np.ndarray) -> np.ndarray:
    """Remaining noise of the mean of the first N copies, for N = 1 … len(copies) (one array, vectorised)."""
    return curve_from_sums(running_sums(copies), clean)


def curve_from_sums(sums: np.ndarray, clean: np.ndarray) -> np.ndarray:
    """:func:`noise_curve` from the :func:`running_sums` of the copies, when they are at hand already."""
    sums = _check_stack(sums)
    if sums.shape[1:] != np.shape(clean):
        raise ValueError(f"The copies are {sums.shape[1:]} but the clean picture is {np.shape(clean)}.")
    errors = sums / np.arange(1, len(sums) + 1, dtype=np.float32)[:, None, None] - np.float32(clean)
    return np.sqrt(np.mean(np.square(errors, dtype=np.float64), axis=(1, 2)))


def fixed_pattern(shape: tuple[int, int], strength: float, seed: int | None = 0) -> np.ndarray:
    """The baddie's stamp: one Gaussian noise pattern (standard deviation ``strength``) that is added to
    every copy alike. Averaging cannot remove it, because it is not random from copy to copy."""
    strength = _check_strength("gaussian", strength)
    return np.random.default_rng(seed).standard_normal(tuple(shape), dtype=np.float32) * np.float32(strength)


# Validation: messages say what to do instead.

def _check_image(image) -> np.ndarray:
    image = np.asarray(image, dtype=np.float32)
    if image.ndim != 2 or min(image.shape) < 1:
        raise ValueError(f"Expected a grey picture (a 2-D array), got an array of shape {image.shape}.")
    if not np.isfinite(image).all():
        raise ValueError("The picture contains NaN or infinite values; use numbers between 0 and 1.")
    return image


def _check_stack(copies) -> np.ndarray:
    copies = np.asarray(copies)
    if copies.ndim != 3 or len(copies) == 0:
        raise ValueError(f"Expected a stack of copies shaped (n, height, width), got shape {copies.shape}.")
    return copies


def _check_count(n, name: str, maximum: int | None = None) -> int:
    if isinstance(n, bool) or int(n) != n or n < 1:
        raise ValueError(f"{name} must be a whole number of copies, 1 or more, not {n!r}.")
    if maximum is not None and n > maximum:
        raise ValueError(f"{name} = {n} but there are only {maximum} copies; choose 1 to {maximum}.")
    return int(n)


def _check_strength(kind: str, strength: float) -> float:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}.")
    strength = float(strength)
    if not np.isfinite(strength) or strength < 0:
        raise ValueError(f"strength must be a number 0 or above, not {strength!r}.")
    if kind == "salt_pepper" and strength > 1:
        raise ValueError(f"For salt-and-pepper noise strength is the fraction of pixels hit: 0 to 1, not {strength}.")
    return strength
