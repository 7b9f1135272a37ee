"""Benchmarks of the image-kernel page (issue 3): convolve against scipy and a per-pixel Python loop, and
how long the page takes to rerun after a click on the largest picture it works on.

Each function returns a :class:`bench.measure.Figure`. Run one alone with
``.venv/bin/python -c "from bench.bench_kernels import kernels_vs_scipy; print(kernels_vs_scipy().row())"``.
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from bench.measure import ROOT, Figure, repeat

SCIPY_RATIO_TARGET = 1.5
LOOP_SPEED_UP_TARGET = 200
RERUN_TARGET_SECONDS = 0.100


def _photo(side: int = 1024) -> np.ndarray:
    rng = np.random.default_rng(0)
    return rng.integers(0, 256, (side, side, 3), dtype=np.uint8)


def _kernel() -> np.ndarray:
    return np.random.default_rng(1).normal(size=(5, 5))


def kernels_vs_scipy() -> Figure:
    """convolve on a 1024×1024 RGB image with a 5×5 kernel, against scipy.ndimage.correlate on the same data.
    The two alternate run by run, so a busy machine slows both alike."""
    from scipy import ndimage

    from lib.convolution import convolve

    image, kernel = _photo(), _kernel()
    # scipy gets the kernel as 5×5×1 so it, too, filters each channel on its own, in float32 like ours.
    scipy_kernel = kernel[:, :, None].astype(np.float32)
    ours, reference = [], []
    for _ in range(9):
        ours += repeat(lambda: convolve(image, kernel, "zero"), runs=1, warmup=0)
        reference += repeat(lambda: ndimage.correlate(image.astype(np.float32), scipy_kernel, mode="constant"),
                            runs=1, warmup=0)
    ratio = statistics.median(ours) / statistics.median(reference)
    return Figure("convolve 1024×1024 RGB, 5×5 kernel", ours, f"≤ {SCIPY_RATIO_TARGET}× scipy",
                  ratio <= SCIPY_RATIO_TARGET, f"scipy.ndimage.correlate {statistics.median(reference) * 1000:.1f} ms",
                  ratio)


def _python_loop(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """The textbook per-pixel loop (zero padding): what convolve must beat by far."""
    half = kernel.shape[0] // 2
    padded = np.pad(image.astype(np.float32), ((half, half), (half, half), (0, 0)))
    height, width, channels = image.shape
    output = np.zeros(image.shape, dtype=np.float32)
    for row in range(height):
        for col in range(width):
            for channel in range(channels):
                output[row, col, channel] = float((padded[row:row + 2 * half + 1, col:col + 2 * half + 1, channel]
                                                   * kernel).sum())
    return output


def kernels_vs_python_loop() -> Figure:
    """convolve against a per-pixel Python loop; the loop runs on a 128×128 crop and is scaled up by pixel
    count to 1024×1024 (it is linear in pixels, and the full image would take minutes)."""
    from lib.convolution import convolve

    image, kernel = _photo(), _kernel()
    crop = image[:128, :128]
    np.testing.assert_allclose(_python_loop(crop, kernel), convolve(crop, kernel), rtol=1e-4, atol=1e-2)
    loop = statistics.median(repeat(lambda: _python_loop(crop, kernel), runs=3, warmup=0)) * (1024 * 1024) / (128 * 128)
    ours = repeat(lambda: convolve(image, kernel, "zero"), runs=7)
    speed_up = loop / statistics.median(ours)
    return Figure("convolve 1024×1024 RGB vs per-pixel Python loop", ours, f"≥ {LOOP_SPEED_UP_TARGET}× faster",
                  speed_up >= LOOP_SPEED_UP_TARGET, f"Python loop ≈ {loop:.0f} s (scaled from 128×128)", speed_up)


def kernels_page_rerun() -> Figure:
    """One rerun of /convolution after a click, on the largest picture the page works on (640×427 colour
    photo), cycling through next pixel, kernel, padding, stride and range choices so caches are exercised
    realistically (each configuration is visited once before timing). Measured with AppTest, whose own
    bookkeeping is included, so the page alone is faster than this."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    app.switch_page("pages/1_convolution.py").run()
    app.selectbox(key="source").set_value("Photo: flower").run()
    actions = [
        lambda: app.button(key="step_next").click().run(),
        lambda: app.selectbox(key="preset").set_value("Box blur").run(),
        lambda: app.radio(key="padding").set_value("edge").run(),
        lambda: app.radio(key="stride").set_value(2).run(),
        lambda: app.radio(key="range").set_value("rescale").run(),
        lambda: app.selectbox(key="preset").set_value("Sharpen").run(),
        lambda: app.radio(key="padding").set_value("zero").run(),
        lambda: app.radio(key="stride").set_value(1).run(),
        lambda: app.radio(key="range").set_value("clip").run(),
    ]
    for action in actions:  # first visits fill the caches, as the first person in a room would
        action()
    samples = []
    for _ in range(2):
        for action in actions:
            start = time.perf_counter()
            action()
            samples.append(time.perf_counter() - start)
    assert not app.exception, app.exception
    median = statistics.median(samples)
    return Figure("/convolution rerun after a click (640×427 photo, AppTest)", samples,
                  f"< {RERUN_TARGET_SECONDS * 1000:.0f} ms", median < RERUN_TARGET_SECONDS)
