// The /convolution playground's pixel picker (issue #17, after setosa's image kernels): the picture and the
// picture after the kernel, the kernel's window under the pointer, and beside them, live, the neighbourhood,
// the kernel, the products, their sum and the new pixel, worked out here in the browser at every pointer move.
// A click (a tap on a phone) chooses the pixel: it is sent to Python, which moves the "Pixel row"/"Pixel
// column" sliders, the link and everything below. Hovering never talks to the server.
//
// Loaded by Streamlit's components v2 (lib/ui/pixel_picker.py) as an ES module; no other file, no other host.
// The pictures come from the app's own server (/media/…, PNG: exact numbers). The geometry follows
// lib/convolution/picker.py and the sums lib/convolution/kernels.py's products_at; tests check they agree.

// ---- The arithmetic (pure functions: tests/convolution/test_pixel_picker.py runs them in Node) ----

/** Python's f"{value:.4g}": 4 significant digits, no trailing zeros, exponent below 1e-4 and from 1e4. */
export function g4(value) {
  let v = Number(value) + 0;
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const [mantissa, exp] = v.toExponential(3).split("e");
  const power = Number(exp);
  if (power < -4 || power >= 4) {
    const m = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
    return `${m}e${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
  }
  const digits = Math.max(0, 3 - power);
  const scaled = v * 10 ** digits;
  // An exact half (1234.5) goes to the even digit, as Python does; toFixed would round it up.
  const fixed = Math.abs(scaled % 1) === 0.5 ? (rint(scaled) / 10 ** digits).toFixed(digits) : v.toFixed(digits);
  return fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
}

/** lib.convolution.content.number: g4 with a real minus sign, a negative in brackets (for an equation). */
export function term(value) {
  const text = g4(value);
  return text.startsWith("-") ? `(−${text.slice(1)})` : text;
}

/** NumPy's rint: to the nearest whole number, halves to the even one. */
export function rint(value) {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** lib.convolution.picker.output_pixel_at: the output pixel (0-based) whose window is centred nearest (y, x). */
export function outputPixelAt(y, x, spec) {
  const sides = [spec.kernels[0].values.length, spec.kernels[0].values[0].length];
  return [y, x].map((at, axis) => {
    const offset = spec.pad[axis] - Math.floor(sides[axis] / 2);
    const chosen = Math.floor((at + offset) / spec.stride + 0.5);
    return Math.min(Math.max(chosen, 0), spec.out[axis] - 1);
  });
}

/** lib.convolution.picker.window: the picture's [top, left, bottom, right) under output pixel (row, col). */
export function windowOf(row, col, spec) {
  const top = row * spec.stride - spec.pad[0];
  const left = col * spec.stride - spec.pad[1];
  const kernel = spec.kernels[0].values;
  return [top, left, top + kernel.length, left + kernel[0].length];
}

/** The numbers the kernel multiplies, one plane per channel: the grey numbers (lib.images.to_grey, in float32
 *  as NumPy does) or each colour's own, from RGBA bytes of a width × height picture. */
export function planes(rgba, width, height, spec) {
  const count = width * height;
  const take = (offset) => {
    const plane = new Float64Array(count);
    for (let i = 0; i < count; i++) plane[i] = rgba[4 * i + offset];
    return plane;
  };
  if (!spec.colour) return [take(0)];
  if (!spec.grey) return [take(0), take(1), take(2)];
  const [r, g, b] = spec.luma.map(Math.fround);
  const grey = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const p = 4 * i;
    grey[i] = Math.fround(Math.fround(Math.fround(rgba[p] * r) + Math.fround(rgba[p + 1] * g)) +
                          Math.fround(rgba[p + 2] * b));
  }
  return [grey];
}

/** products_at on one plane: the patch under the kernel (padding included), the products, their sum, which
 *  cells are real pixels, and the picture's pixel under the kernel's centre. */
export function productsAt(plane, width, height, kernel, row, col, spec) {
  const [top, left] = windowOf(row, col, spec);
  const patch = [], products = [], inside = [];
  let total = 0;
  kernel.forEach((weights, i) => {
    const patchRow = [], productRow = [], insideRow = [];
    weights.forEach((weight, j) => {
      const y = top + i, x = left + j;
      const real = y >= 0 && y < height && x >= 0 && x < width;
      let value = 0;
      if (real) value = plane[y * width + x];
      else if (spec.padding === "edge") {
        value = plane[Math.min(Math.max(y, 0), height - 1) * width + Math.min(Math.max(x, 0), width - 1)];
      }
      const product = value * weight;
      total += product;
      patchRow.push(value); productRow.push(product); insideRow.push(real);
    });
    patch.push(patchRow); products.push(productRow); inside.push(insideRow);
  });
  const centre = [top + Math.floor(kernel.length / 2), left + Math.floor(kernel[0].length / 2)];
  return { patch, products, total, inside, centre };
}

/** charts.to_displayable for one number: the shade 0–255 the screen shows for ``value``. */
export function shade(value, spec) {
  let v = Math.fround(value);
  if (spec.mode === "absolute") v = Math.abs(v);
  else if (spec.mode === "rescale") {
    const [low, high] = spec.range.map(Math.fround);
    if (high > low) v = Math.fround(Math.fround(v - low) * Math.fround(255 / (high - low)));
  }
  return Math.min(Math.max(rint(v), 0), 255);
}

/** Everything the panel shows for output pixel (row, col), 0-based: per kernel the arithmetic on the shown
 *  channel, the result (√(a² + b²) of two sums), and the new pixel's value and shade in every channel. */
export function work(planesList, width, height, row, col, spec) {
  const shown = spec.channel === null || spec.channel === undefined ? 0 : spec.channel;
  const resultOf = (plane) => {
    const steps = spec.kernels.map((k) => productsAt(plane, width, height, k.values, row, col, spec));
    const result = steps.length > 1 ? Math.hypot(...steps.map((s) => s.total)) : steps[0].total;
    return { steps, result };
  };
  const each = planesList.map(resultOf);
  return {
    row, col,
    steps: each[shown].steps,
    result: each[shown].result,
    old: planesList[shown][each[shown].steps[0].centre[0] * width + each[shown].steps[0].centre[1]],
    shades: each.map((e) => shade(e.result, spec)),
  };
}

// ---- Drawing ----

const MAX_IMAGES = 6;
const images = new Map(); // url → Promise of {width, height, rgba, bitmap}: the pictures seen lately, decoded once

function load(url) {
  if (!images.has(url)) {
    const decoded = fetch(url, { credentials: "same-origin" })
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return response.blob();
      })
      // No colour management: the numbers must be the picture's own.
      .then((blob) => createImageBitmap(blob, { colorSpaceConversion: "none", premultiplyAlpha: "none" }))
      .then((bitmap) => {
        const canvas = document.createElement("canvas");
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        const context = canvas.getContext("2d", { willReadFrequently: true });
        context.drawImage(bitmap, 0, 0);
        const rgba = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
        return { width: bitmap.width, height: bitmap.height, rgba, bitmap };
      });
    decoded.catch(() => images.delete(url));
    images.set(url, decoded);
    while (images.size > MAX_IMAGES) images.delete(images.keys().next().value);
  }
  return images.get(url);
}

function element(tag, className, parent, text) {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  if (parent) parent.appendChild(made);
  return made;
}

function paint(canvas, width, height, rgba, greyWeights) {
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  const image = context.createImageData(width, height);
  for (let i = 0; i < width * height; i++) {
    const p = 4 * i;
    if (greyWeights) { // the picture as the page shows it when colours are combined to grey first
      const v = rint(greyWeights[i]);
      image.data[p] = image.data[p + 1] = image.data[p + 2] = v;
    } else {
      image.data[p] = rgba[p]; image.data[p + 1] = rgba[p + 1]; image.data[p + 2] = rgba[p + 2];
    }
    image.data[p + 3] = 255;
  }
  context.putImageData(image, 0, 0);
  // Small pictures (the 5×5 example, 28×28 digits) stay crisp squares; photos are smoothed when shrunk.
  canvas.classList.toggle("crisp", Math.max(width, height) <= 128);
}

function place(box, rect, width, height) {
  const [top, left, bottom, right] = rect;
  box.style.top = `${(100 * top) / height}%`;
  box.style.left = `${(100 * left) / width}%`;
  box.style.height = `${(100 * (bottom - top)) / height}%`;
  box.style.width = `${(100 * (right - left)) / width}%`;
}

function ink(r, g, b) {
  return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? "#fff" : "#111";
}

function grid(parent, title, rows, cell) {
  const block = element("figure", "grid", parent);
  element("figcaption", "", block, title);
  const table = element("div", "cells", block);
  table.style.gridTemplateColumns = `repeat(${rows[0].length}, auto)`;
  rows.forEach((row, i) => row.forEach((value, j) => cell(element("span", "cell", table), value, i, j)));
  return block;
}

function signed(span, value, text) {
  span.textContent = text;
  span.classList.add(value < 0 ? "negative" : value > 0 ? "positive" : "zero");
}

// ---- The component ----

export default function mount(component) {
  const { data, parentElement, setTriggerValue } = component;
  const spec = data;
  const root = parentElement.querySelector(".picker");
  root.replaceChildren();
  root.setAttribute("aria-label", spec.words.group);
  const pictures = element("div", "pictures", root);
  const panel = element("div", "panel", root);

  const side = (url, caption, width, height, label) => {
    const figure = element("figure", "picture", pictures);
    const frame = element("div", "frame", figure);
    frame.setAttribute("role", "img");
    frame.setAttribute("aria-label", label);
    frame.style.setProperty("--ratio", `${width} / ${height}`);
    frame.style.setProperty("--wide", String(width / height));
    const canvas = element("canvas", "", frame);
    const chosen = element("div", "mark chosen", frame);
    const hover = element("div", "mark hover", frame);
    hover.hidden = true;
    element("figcaption", "", figure, caption);
    return { frame, canvas, chosen, hover, width, height, url };
  };
  const before = side(spec.before, spec.captions[0], spec.width, spec.height, spec.alt[0]);
  const after = side(spec.after, spec.captions[1], spec.out[1], spec.out[0], spec.alt[1]);
  before.frame.dataset.role = "before";
  after.frame.dataset.role = "after";
  const hint = element("p", "hint", panel, spec.locked ? spec.words.locked : spec.words.hint);
  const where = element("p", "where", panel);
  const sums = element("div", "sums", panel);
  const answer = element("p", "answer", panel);
  root.dataset.state = "loading";

  const chosen = [spec.chosen[0] - 1, spec.chosen[1] - 1];
  const markPixel = (row, col, box) => {
    place(box, windowOf(row, col, spec), spec.width, spec.height);
    return box;
  };
  const markOutput = (row, col, box) => place(box, [row, col, row + 1, col + 1], spec.out[1], spec.out[0]);
  markPixel(...chosen, before.chosen);
  markOutput(...chosen, after.chosen);

  let state = null; // the decoded picture and its planes, once loaded
  let cancelled = false;

  const show = (row, col, exploring) => {
    root.dataset.row = String(row + 1);
    root.dataset.col = String(col + 1);
    if (!state) return;
    const worked = work(state.planes, spec.width, spec.height, row, col, spec);
    const words = spec.words;
    where.textContent = (exploring ? words.exploring : words.chosen)
      .replace("{row}", row + 1).replace("{col}", col + 1);
    sums.replaceChildren();
    const channel = spec.channel === null || spec.channel === undefined ? null : spec.channel;
    worked.steps.forEach((step, index) => {
      const kernel = spec.kernels[index];
      const line = element("div", "step", sums);
      if (index === 0) {
        const title = channel === null ? words.neighbourhood : `${words.neighbourhood} (${spec.channel_name})`;
        grid(line, title, step.patch, (span, value, i, j) => {
          span.textContent = g4(value);
          let rgb = [value, value, value].map((v) => Math.min(Math.max(rint(v), 0), 255));
          if (channel !== null) { // the real colour of the pixel, with this colour's number
            const [top, left] = windowOf(row, col, spec);
            const y = Math.min(Math.max(top + i, 0), spec.height - 1);
            const x = Math.min(Math.max(left + j, 0), spec.width - 1);
            rgb = step.inside[i][j] || spec.padding === "edge"
              ? [0, 1, 2].map((c) => state.rgba[4 * (y * spec.width + x) + c]) : [0, 0, 0];
          }
          span.style.background = `rgb(${rgb.join(",")})`;
          span.style.color = ink(...rgb);
          if (!step.inside[i][j]) span.classList.add("padding");
        });
      } else {
        element("span", "op spacer", line);
      }
      element("span", "op", line, "×");
      grid(line, spec.kernels.length > 1 ? kernel.name : words.kernel, kernel.labels,
           (span, text, i, j) => signed(span, kernel.values[i][j], text));
      element("span", "op", line, "→");
      grid(line, words.products, step.products, (span, value) => signed(span, value, g4(value)));
      element("span", "op", line, "=");
      const total = element("span", "total", line, g4(step.total));
      total.title = words.sum;
    });
    const shades = worked.shades;
    const colour = shades.length === 3 ? shades : [shades[0], shades[0], shades[0]];
    answer.replaceChildren();
    const swatch = element("span", "swatch", answer);
    swatch.style.background = `rgb(${colour.join(",")})`;
    const shown = shades[channel === null ? 0 : channel];
    let text = spec.kernels.length > 1
      ? `√(${worked.steps.map((s) => `${term(s.total)}²`).join(" + ")}) = ${g4(worked.result)}` : g4(worked.result);
    text += shown === Number(g4(worked.result)) ? "" : ` → ${words.shown} ${shown}`;
    element("span", "value", answer, `${words.result} ${text}`);
    element("span", "old", answer, ` (${words.was} ${g4(worked.old)})`);
    root.dataset.sum = g4(worked.result);
    root.dataset.shade = String(shown);
    for (const [box, mark] of [[before.hover, () => markPixel(row, col, before.hover)],
                               [after.hover, () => markOutput(row, col, after.hover)]]) {
      box.hidden = !exploring;
      if (exploring) mark();
    }
  };

  const pixelUnder = (event, picture) => {
    const rect = picture.frame.getBoundingClientRect();
    const x = Math.floor(((event.clientX - rect.left) / rect.width) * picture.width);
    const y = Math.floor(((event.clientY - rect.top) / rect.height) * picture.height);
    const inside = (v, n) => Math.min(Math.max(v, 0), n - 1);
    if (picture === after) return [inside(y, spec.out[0]), inside(x, spec.out[1])];
    return outputPixelAt(inside(y, spec.height), inside(x, spec.width), spec);
  };

  const listeners = [];
  const listen = (target, type, handler, options) => {
    target.addEventListener(type, handler, options);
    listeners.push(() => target.removeEventListener(type, handler, options));
  };
  for (const picture of [before, after]) {
    listen(picture.frame, "pointermove", (event) => show(...pixelUnder(event, picture), true));
    listen(picture.frame, "pointerdown", (event) => show(...pixelUnder(event, picture), true));
    listen(picture.frame, "pointerleave", (event) => {
      if (event.pointerType !== "touch") show(...chosen, false); // a phone keeps the last spot touched
    });
    listen(picture.frame, "click", (event) => {
      if (spec.locked) return;
      const [row, col] = pixelUnder(event, picture);
      show(row, col, true);
      if (row !== chosen[0] || col !== chosen[1]) setTriggerValue("pick", { row: row + 1, col: col + 1 });
    });
  }
  if (spec.locked) root.classList.add("locked");

  Promise.all([load(spec.before), load(spec.after)]).then(([picture, output]) => {
    if (cancelled) return;
    const planesList = planes(picture.rgba, picture.width, picture.height, spec);
    state = { planes: planesList, rgba: picture.rgba };
    paint(before.canvas, picture.width, picture.height, picture.rgba, spec.grey ? planesList[0] : null);
    paint(after.canvas, output.width, output.height, output.rgba, null);
    root.dataset.state = "ready";
    show(...chosen, false);
  }).catch((error) => {
    if (cancelled) return;
    root.dataset.state = "failed";
    hint.textContent = spec.words.failed;
    console.error("pixel picker:", error);
  });

  return () => {
    cancelled = true;
    listeners.forEach((remove) => remove());
  };
}
