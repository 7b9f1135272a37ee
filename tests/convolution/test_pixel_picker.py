"""The pixel picker's arithmetic (lib.convolution.picker, lib/ui/pixel_picker/main.js): the geometry agrees with
lib.convolution.kernels.products_at, and the browser's JavaScript (run here in Node) works out the same sums,
shades and numbers as the server, for grey and colour pictures, every padding, stride 1 and 2, and Sobel
magnitude. The browser test (tests/browser/test_convolution_picker_browser.py) runs it in Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess

import numpy as np
import pytest

from lib.convolution import charts, kernels, picker
from lib.convolution.content import number
from lib.images import to_grey
from tests.conftest import ROOT

MAIN_JS = ROOT / "lib" / "ui" / "pixel_picker" / "main.js"
COURSE = np.array([[105, 102, 100, 97, 96], [103, 99, 103, 101, 102], [101, 98, 104, 102, 100],
                   [99, 101, 106, 104, 99], [104, 104, 104, 100, 98]], dtype=np.uint8)


@pytest.mark.parametrize("padding", kernels.PADDINGS)
@pytest.mark.parametrize("stride", [1, 2])
@pytest.mark.parametrize("shape", [(3, 3), (5, 5), (1, 3), (3, 1)])
def test_the_window_and_the_pixel_under_the_pointer_agree_with_products_at(padding, stride, shape):
    image = np.arange(7 * 6, dtype=float).reshape(7, 6)
    kernel = np.ones(shape)
    out = (kernels.output_size(7, shape[0], padding, stride), kernels.output_size(6, shape[1], padding, stride))
    for row in range(out[0]):
        for col in range(out[1]):
            step = kernels.products_at(image, kernel, row, col, padding, stride)
            top, left, bottom, right = picker.window(row, col, shape, padding, stride)
            assert (top + shape[0] // 2, left + shape[1] // 2) == step.centre
            assert (bottom - top, right - left) == shape
            # Pointing at the pixel under a window's centre chooses that window's output pixel.
            assert picker.output_pixel_at(*step.centre, shape, padding, stride, out) == (row, col)
    # Anywhere on the picture chooses the output pixel whose window's centre is nearest.
    centres = {(row, col): kernels.products_at(image, kernel, row, col, padding, stride).centre
               for row in range(out[0]) for col in range(out[1])}
    for y in range(7):
        for x in range(6):
            chosen = centres[picker.output_pixel_at(y, x, shape, padding, stride, out)]
            assert abs(chosen[0] - y) == min(abs(c[0] - y) for c in centres.values())
            assert abs(chosen[1] - x) == min(abs(c[1] - x) for c in centres.values())


def test_the_payload_is_plain_data():
    weights = kernels.filter_kernels("sobel_magnitude")
    data = picker.payload((427, 640), True, False, 1, weights, "valid", 2, (213, 319), "rescale", (-3.5, 700.0),
                          (4, 5))
    assert json.loads(json.dumps(data)) == data
    assert [k["name"] for k in data["kernels"]] == ["Sobel horizontal", "Sobel vertical"]
    assert data["kernels"][0]["labels"][1] == ["-2", "0", "2"]
    assert (data["pad"], data["out"], data["chosen"], data["range"]) == ([0, 0], [213, 319], [4, 5], [-3.5, 700.0])
    assert (data["colour"], data["grey"], data["channel"]) == (True, False, 1)
    blur = picker.payload((5, 5), False, True, None, {"Box blur": kernels.KERNELS["box_blur"]}, "zero", 1, (5, 5),
                          "clip", (0, 1), (2, 2))
    assert blur["grey"] is False and blur["kernels"][0]["labels"][0] == ["1/9"] * 3  # a grey picture is grey already


# ---- The JavaScript, in Node ----

NODE = shutil.which("node")
_RUNNER = """
const fs = require("fs");
(async () => {
  const source = fs.readFileSync(process.argv[1], "utf8");
  const js = await import("data:text/javascript;base64," + Buffer.from(source).toString("base64"));
  const cases = JSON.parse(fs.readFileSync(0, "utf8"));
  const answers = cases.map((c) => {
    if (c.kind === "g4") return c.values.map(js.g4);
    if (c.kind === "rint") return c.values.map(js.rint);
    if (c.kind === "term") return c.values.map(js.term);
    const spec = c.spec;
    const [height, width] = [spec.height, spec.width];
    const planes = js.planes(Uint8ClampedArray.from(c.rgba), width, height, spec);
    const worked = [];
    for (let row = 0; row < spec.out[0]; row++) {
      for (let col = 0; col < spec.out[1]; col++) {
        const w = js.work(planes, width, height, row, col, spec);
        worked.push({totals: w.steps.map((s) => s.total), result: w.result, old: w.old, shades: w.shades,
                     patch: w.steps[0].patch, inside: w.steps[0].inside});
      }
    }
    const pointed = [];
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pointed.push(js.outputPixelAt(y, x, spec));
    return {worked, pointed};
  });
  process.stdout.write(JSON.stringify(answers));
})().catch((error) => { console.error(error); process.exit(1); });
"""


def _node(cases: list[dict]) -> list:
    if NODE is None:
        pytest.skip("Node.js is not installed (test.sh installs it for the browser tests)")
    done = subprocess.run([NODE, "-e", _RUNNER, str(MAIN_JS)], input=json.dumps(cases), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _rgba(pixels: np.ndarray) -> list[int]:
    """The picture's numbers as the browser's canvas hands them back: red, green, blue, alpha per pixel."""
    rgb = np.repeat(pixels[..., None], 3, axis=2) if pixels.ndim == 2 else pixels
    return np.concatenate([rgb, np.full(rgb.shape[:2] + (1,), 255, np.uint8)], axis=2).ravel().tolist()


CASES = [  # (picture, grey first, filter, padding, stride, range mode)
    ("course", False, "sharpen", "zero", 1, "clip"),
    ("course", False, "box_blur", "edge", 1, "clip"),
    ("course", False, "gaussian_5", "zero", 2, "rescale"),
    ("grey", False, "outline", "valid", 1, "absolute"),
    ("grey", False, "sobel_magnitude", "edge", 2, "clip"),
    ("colour", False, "emboss", "zero", 1, "clip"),
    ("colour", True, "sharpen", "edge", 1, "rescale"),
    ("colour", False, "sobel_vertical", "valid", 2, "absolute"),
]


def test_the_browser_works_out_what_the_server_does():
    rng = np.random.default_rng(17)
    pictures = {"course": COURSE, "grey": rng.integers(0, 256, (6, 7), dtype=np.uint8),
                "colour": rng.integers(0, 256, (5, 6, 3), dtype=np.uint8)}
    cases, expected = [], []
    for name, grey_first, filter_id, padding, stride, mode in CASES:
        pixels = pictures[name]
        colour = pixels.ndim == 3
        weights = kernels.filter_kernels(filter_id)
        values = to_grey(pixels) if grey_first and colour else pixels
        combined = (kernels.sobel_magnitude(values, padding, stride) if len(weights) > 1 else
                    kernels.convolve(values, next(iter(weights.values())), padding, stride))
        channel = 1 if colour and not grey_first else None
        spec = picker.payload(pixels.shape[:2], colour, grey_first, channel, weights, padding, stride,
                              combined.shape[:2], mode, (float(combined.min()), float(combined.max())), (1, 1))
        cases.append({"spec": spec, "rgba": _rgba(pixels)})
        expected.append((pixels, values, weights, combined, spec))
    cases.append({"kind": "g4", "values": [89.0, 111.0, -0.0, 0.5, 1 / 9, -2.25, 12345.678, 0.00001234, 99.995,
                                           255.0, -1e-7, 1234.5, 7.0e20]})
    cases.append({"kind": "rint", "values": [0.5, 1.5, 2.5, -0.5, 88.5, 89.49, 254.5, 3.0]})
    cases.append({"kind": "term", "values": [-3.0, 563.0, -0.125, 0.0]})
    answers = _node(cases)
    for (pixels, values, weights, combined, spec), answer in zip(expected, answers):
        shown = charts.to_displayable(combined, spec["mode"])
        plane = values[..., spec["channel"]] if spec["channel"] is not None else values
        cells = iter(answer["worked"])
        for row in range(spec["out"][0]):
            for col in range(spec["out"][1]):
                got = next(cells)
                steps = [kernels.products_at(plane, k, row, col, spec["padding"], spec["stride"])
                         for k in weights.values()]
                assert got["totals"] == pytest.approx([s.total for s in steps], abs=1e-3)
                np.testing.assert_allclose(got["patch"], steps[0].patch, atol=1e-4)
                assert got["inside"] == steps[0].inside.tolist()
                assert got["old"] == pytest.approx(float(plane[steps[0].centre]), abs=1e-4)
                on_screen = shown[row, col].tolist()
                assert got["shades"] == (on_screen if isinstance(on_screen, list) else [on_screen]), (spec, row, col)
        geometry = ([s.shape[0] for s in weights.values()][0], [s.shape[1] for s in weights.values()][0])
        pointed = iter(answer["pointed"])
        for y in range(spec["height"]):
            for x in range(spec["width"]):
                assert tuple(next(pointed)) == picker.output_pixel_at(y, x, geometry, spec["padding"],
                                                                      spec["stride"], tuple(spec["out"]))
    course = answers[0]["worked"]
    assert course[1 * 5 + 1]["result"] == 89 and course[1 * 5 + 2]["result"] == 111  # the course's worked pixels
    g4, rint, term = answers[-3:]
    assert g4 == [f"{v + 0.0:.4g}" for v in cases[-3]["values"]]
    assert rint == np.rint(cases[-2]["values"]).tolist()
    assert term == [number(v) for v in cases[-1]["values"]]  # as the server writes an equation


def test_the_pickers_files_ship_with_the_app():
    """The component's HTML, CSS and JavaScript are files beside its wrapper, read when the app starts; the image
    copies lib/ whole and .dockerignore keeps none of them out. They reach the browser inside the page's own
    messages (no file of theirs is requested, and nothing from another host: no URL in them)."""
    from lib.ui import pixel_picker

    assets = sorted(path.name for path in pixel_picker.ASSETS.iterdir())
    assert assets == ["index.html", "main.js", "style.css"]
    assert "COPY --chown=workshop:workshop lib ./lib" in (ROOT / "Dockerfile").read_text().splitlines()
    ignored = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")]
    assert not any(pattern.startswith("lib") or pattern.endswith((".js", ".css", ".html")) for pattern in ignored)
    for name in assets:
        text = (pixel_picker.ASSETS / name).read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text and "//cdn" not in text, name
