// lib/ui/svg_picture.py's component: shows a chart drawn by lib/svg.py (markup built on the server, where every
// text was escaped) and, for a chart that takes clicks, sends the clicked place back in the chart's own numbers.
// Loaded by Streamlit's components v2 as an ES module; no other file, no other host.

/** The chart's numbers under a click at (clientX, clientY): ``plot`` is the svg's data-plot (the plot's left,
 *  right, bottom and top in picture units, then the x and y domains); null outside the plot. */
export function placeOf(svg, clientX, clientY) {
  const [left, right, bottom, top, x0, x1, y0, y1] = svg.dataset.plot.split(" ").map(Number);
  const point = new DOMPoint(clientX, clientY).matrixTransform(svg.getScreenCTM().inverse());
  if (point.x < Math.min(left, right) || point.x > Math.max(left, right) ||
      point.y < Math.min(top, bottom) || point.y > Math.max(top, bottom)) return null;
  return { x: x0 + ((point.x - left) / (right - left)) * (x1 - x0),
           y: y0 + ((point.y - bottom) / (top - bottom)) * (y1 - y0) };
}

export default function mount(component) {
  const { data, parentElement, setTriggerValue } = component;
  const root = parentElement.querySelector(".svg-picture");
  root.innerHTML = data.svg;
  const svg = root.querySelector("svg");
  root.classList.toggle("clickable", Boolean(data.clickable && svg && svg.dataset.plot));
  if (!root.classList.contains("clickable")) return undefined;
  const click = (event) => {
    const place = placeOf(svg, event.clientX, event.clientY);
    if (place) setTriggerValue("click", place);
  };
  svg.addEventListener("click", click);
  return () => svg.removeEventListener("click", click);
}
