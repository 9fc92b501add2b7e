// The time axis: a linear scale over calendar days, ticks, the histogram strip and the events,
// drawn as plain SVG. Day d covers [x(d), x(d + 1)) on screen.

import { dayNumber, fromParts, isoDay, monthName, parts, span } from "./dates.js";

const SVG = "http://www.w3.org/2000/svg";
const TICK_AREA = 34;
const LANE = 20;
const LANES = 10;
export const AXIS_HEIGHT = TICK_AREA + LANE * LANES + 12;

export function el(name, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (parent) parent.appendChild(node);
  return node;
}

export class Scale {
  constructor(d0, d1, width) {
    this.d0 = d0;
    this.d1 = d1;
    this.width = width;
  }
  x(day) {
    return ((day - this.d0) / (this.d1 - this.d0)) * this.width;
  }
  day(x) {
    return this.d0 + (x / this.width) * (this.d1 - this.d0);
  }
}

// Ticks at round dates: years (1, 2, 5, 10 … apart), months (1, 3, 6) or days (1, 2, 7, 14).
export function ticks(scale) {
  const perDay = scale.width / (scale.d1 - scale.d0);
  const out = [];
  const a = parts(scale.d0);
  const b = parts(scale.d1);
  if (perDay * 365 < 90) {
    const step = [1, 2, 5, 10, 20, 50, 100, 200, 500].find((s) => perDay * 365 * s >= 60) || 1000;
    for (let y = Math.ceil(a.y / step) * step; y <= b.y; y += step) {
      out.push({ day: fromParts(y, 0), text: String(y), major: true });
    }
  } else if (perDay < 4) {
    const step = [1, 3, 6].find((s) => perDay * 30 * s >= 44) || 12;
    for (let y = a.y; y <= b.y; y++) {
      for (let m = 0; m < 12; m += step) {
        const day = fromParts(y, m);
        const text = m === 0 ? String(y) : step < 12 ? monthName(m) : String(y);
        out.push({ day, text, major: m === 0 });
      }
    }
  } else {
    const step = [1, 2, 7, 14].find((s) => perDay * s >= 44) || 28;
    let month = -Infinity; // the last month label: day numbers right after it would overlap it
    for (let day = Math.ceil(scale.d0); day <= scale.d1; day++) {
      const p = parts(day);
      if (p.d === 1) month = day;
      else if ((day - month) * perDay < 64) continue;
      if (p.d === 1 || (step < 28 && (p.d - 1) % step === 0 && p.d < 29)) {
        const text = p.d === 1 ? `${monthName(p.m)} ${p.y}` : String(p.d);
        out.push({ day, text, major: p.d === 1 });
      }
    }
  }
  return out.filter((t) => t.day >= scale.d0 && t.day <= scale.d1);
}

export function drawTicks(svg, scale, height) {
  const group = el("g", { class: "ticks" }, svg);
  for (const tick of ticks(scale)) {
    const x = scale.x(tick.day);
    const g = el("g", { class: tick.major ? "tick major" : "tick", "data-date": isoDay(tick.day) }, group);
    el("line", { x1: x, x2: x, y1: 0, y2: height }, g);
    const text = el("text", { x: x + 3, y: 14 }, g);
    if (x + 7 * tick.text.length < scale.width) text.textContent = tick.text; // else cut off
  }
  el("line", { class: "baseline", x1: 0, x2: scale.width, y1: TICK_AREA - 10, y2: TICK_AREA - 10 }, group);
}

// Marks are laid out in lanes without overlap: each event takes the first lane with room for
// its mark and its title (beside it, before it, or inside a wide bar); where no lane has room
// for the title the mark goes alone (its title stays in the tooltip and the list); where no
// lane has room at all the event joins a cluster in the last row, drawn as "+N" (click: zoom
// in). An event with an open start (or end) is a short faded stub at its known bound, not a
// bar to the edge: a hundred of them would otherwise cover the picture.
const MARK_LANES = LANES - 1;
const CLUSTER_WIDTH = 48;
const OPEN_STUB = 48;
const CHAR = 6.4; // a label's width per character when the font cannot be measured

// Widths of label texts in the font labels are drawn in (one canvas, no layout per label).
function textMeasurer(svg) {
  const probe = el("text", { class: "label" }, el("g", { class: "mark" }, svg));
  const font = getComputedStyle(probe).font;
  probe.parentNode.remove();
  const ctx = font ? document.createElement("canvas").getContext("2d") : null;
  if (ctx) ctx.font = font;
  return (text) => (ctx ? Math.ceil(ctx.measureText(text).width) + 1 : text.length * CHAR);
}

function shorten(title, length = 34) {
  return title.length > length ? `${title.slice(0, length - 1)}…` : title;
}

// The [left, end] an item occupies in a lane with its title placed as ``how``, or null.
function extent(item, how, width) {
  const tilde = item.event.date.approximate ? 14 : 0;
  const room = 8 + item.width;
  if (how === "none") return [item.x0 - tilde, item.x1];
  if (how === "right") return item.x1 + room <= width ? [item.x0 - tilde, item.x1 + room] : null;
  if (how === "left") return item.x0 - tilde - room >= 0 ? [item.x0 - tilde - room, item.x1] : null;
  return item.x1 - item.x0 > room + 40 ? [item.x0 - tilde, item.x1] : null; // inside
}

// Is [left, end] free in a lane (its boxes kept sorted by left)? Then take it.
function take(lane, left, end) {
  let i = 0;
  while (i < lane.length && lane[i][1] + 4 <= left) i++;
  if (i < lane.length && lane[i][0] < end + 4) return false;
  lane.splice(i, 0, [left, end]);
  return true;
}

function release(lane, box) {
  lane.splice(lane.findIndex((b) => b[0] === box[0] && b[1] === box[1]), 1);
}

function place(lanes, item, how, size, width) {
  const sized = size === "full" ? item : { ...item, width: item.shortWidth };
  const box = extent(sized, how, width);
  if (!box) return false;
  const lane = lanes.findIndex((boxes) => take(boxes, box[0], box[1]));
  if (lane < 0) return false;
  Object.assign(item, { lane, how, box, size });
  return true;
}

// Three passes, narrowest marks first (a day before a month, a month before a year, so a few
// coarse bars spanning the window cannot take every lane): marks with a title cut short;
// then the marks that found no room, alone; then whole titles where there is room for them.
// Events at least this salient are placed before the others.
const KEY_SALIENCE = 0.5;

export function layout(items, width) {
  const lanes = Array.from({ length: MARK_LANES }, () => []);
  // Key events first (salience: where the article tells them, how often, who takes part), so
  // at a wide zoom the lead events keep their marks and titles and the rest join clusters;
  // within a tier, narrowest first packs the most marks.
  const tier = (item) => ((item.event.salience ?? 0) >= KEY_SALIENCE ? 0 : 1);
  const order = [...items].sort(
    (a, b) => tier(a) - tier(b) || a.x1 - a.x0 - (b.x1 - b.x0) || a.x0 - b.x0,
  );
  for (const item of order) {
    item.lane = -1;
    for (const [how, size] of [["right", "short"], ["left", "short"], ["inside", "full"]]) {
      if (place(lanes, item, how, size, width)) break;
    }
  }
  for (const item of order) if (item.lane < 0) place(lanes, item, "none", "full", width);
  for (const item of [...items].sort((a, b) => a.x0 - b.x0)) {
    if (item.lane < 0 || item.size !== "short") continue;
    const lane = lanes[item.lane];
    release(lane, item.box);
    const box = extent(item, item.how, width);
    if (box && take(lane, box[0], box[1])) Object.assign(item, { box, size: "full" });
    else take(lane, item.box[0], item.box[1]);
  }
  for (const item of items) {
    if (item.lane >= 0 && item.size === "short") [item.text, item.width] = [item.short, item.shortWidth];
  }
  const clustered = items.filter((item) => item.lane < 0);
  const bins = new Map();
  for (const item of clustered) {
    const centre = Math.min(Math.max((item.x0 + item.x1) / 2, 0), width - 1);
    const bin = Math.floor(centre / CLUSTER_WIDTH);
    if (!bins.has(bin)) bins.set(bin, []);
    bins.get(bin).push(item);
  }
  return { placed: items.filter((item) => item.lane >= 0), clusters: [...bins.entries()] };
}

function drawClusters(group, scale, clusters, handlers) {
  const y = TICK_AREA + MARK_LANES * LANE;
  for (const [bin, members] of clusters) {
    const lo = Math.min(...members.map((m) => m.s.lo));
    const hi = Math.max(...members.map((m) => m.s.hi));
    const g = el("g", { class: "cluster", "data-count": members.length }, group);
    const title = el("title", {}, g);
    title.textContent = `${members.length} more event${members.length === 1 ? "" : "s"} here (click to zoom in)`;
    const x = bin * CLUSTER_WIDTH + 2;
    el("rect", { x, y, width: CLUSTER_WIDTH - 4, height: 14, rx: 7 }, g);
    const text = el("text", { x: x + (CLUSTER_WIDTH - 4) / 2, y: y + 11, "text-anchor": "middle", class: "count" }, g);
    text.textContent = `+${members.length}`;
    g.addEventListener("click", () => handlers.zoom && handlers.zoom(lo, Math.max(hi, lo + 3)));
  }
}

export function drawEvents(svg, scale, events, handlers) {
  const group = el("g", { class: "marks" }, svg);
  const items = [];
  for (const event of events) {
    const s = span(event.date);
    if (!s) continue;
    const point = event.date.precision === "day" && !s.openStart && !s.openEnd && s.hi - s.lo === 1;
    let x0 = s.openStart ? scale.x(s.hi) - OPEN_STUB : scale.x(s.lo);
    let x1 = s.openEnd ? scale.x(s.lo) + OPEN_STUB : scale.x(s.hi);
    if (s.openStart && s.openEnd) [x0, x1] = [0, scale.width];
    if (point) {
      const centre = (scale.x(s.lo) + scale.x(s.hi)) / 2; // the dot, radius 6
      [x0, x1] = [centre - 6, centre + 6];
    }
    if (x1 < -20 || x0 > scale.width + 20) continue;
    items.push({ event, s, point, x0, x1: Math.max(x1, x0 + 8), text: shorten(event.title) });
  }
  const measure = textMeasurer(svg);
  for (const item of items) {
    item.width = measure(item.text);
    item.short = shorten(item.event.title, 14);
    item.shortWidth = measure(item.short);
  }
  const { placed, clusters } = layout(items, scale.width);
  placed.sort((a, b) => a.x0 - b.x0);
  group.dataset.total = items.length;
  group.dataset.placed = placed.length;
  group.dataset.clustered = items.length - placed.length;
  for (const item of placed) {
    const { event, s, point } = item;
    const y = TICK_AREA + item.lane * LANE;
    const classes = ["mark", `type-${event.type}`, point ? "point" : "bar"];
    if (event.date.approximate) classes.push("approx");
    if (s.openStart) classes.push("open-start");
    if (s.openEnd) classes.push("open-end");
    if (handlers.isNew(event.id)) classes.push("new");
    const g = el(
      "g",
      {
        class: classes.join(" "),
        "data-id": event.id,
        "data-start": event.date.start || "",
        "data-end": event.date.end || "",
        "data-precision": event.date.precision,
      },
      group,
    );
    const title = el("title", {}, g);
    title.textContent = `${event.date.approximate ? "~ " : ""}${event.title} (${event.date.value || event.date.edtf || "undated"})`;
    if (point) {
      el("circle", { cx: (scale.x(s.lo) + scale.x(s.hi)) / 2, cy: y + 7, r: 6 }, g);
    } else {
      const fill = s.openStart ? "url(#fade-left)" : s.openEnd ? "url(#fade-right)" : null;
      const attrs = { x: item.x0, y, width: Math.max(item.x1 - item.x0, 3), height: 14, rx: 3 };
      if (fill) attrs.fill = fill;
      el("rect", attrs, g);
    }
    if (item.how !== "none") {
      let at = { x: item.x1 + 5, class: "label" };
      if (item.how === "left") at = { x: item.x0 - (event.date.approximate ? 16 : 5), "text-anchor": "end", class: "label" };
      if (item.how === "inside") at = { x: item.x1 - 6, "text-anchor": "end", class: "label inside" };
      const text = el("text", { ...at, y: y + 11 }, g);
      text.textContent = item.text;
    }
    if (event.date.approximate) {
      const tilde = el("text", { class: "tilde", x: item.x0 - 11, y: y + 12 }, g);
      tilde.textContent = "~";
    }
    g.addEventListener("click", () => handlers.open(event.id));
    g.addEventListener("mouseenter", () => handlers.hover(event.id, true));
    g.addEventListener("mouseleave", () => handlers.hover(event.id, false));
  }
  drawClusters(group, scale, clusters, handlers);
  return items.length;
}

// The part of a crowded window whose events are not loaded yet.
export function drawUnloaded(svg, scale, from) {
  const x = Math.max(0, scale.x(from));
  const g = el("g", { class: "unloaded" }, svg);
  el("rect", { x, y: TICK_AREA - 6, width: scale.width - x, height: LANE * LANES + 10 }, g);
  const text = el("text", { x: (x + scale.width) / 2, y: TICK_AREA + (LANE * LANES) / 2, "text-anchor": "middle" }, g);
  text.textContent = "More events here: zoom in, or load more";
}

export function drawDefs(svg) {
  const defs = el("defs", {}, svg);
  for (const [id, x1, x2] of [["fade-left", "0", "1"], ["fade-right", "1", "0"]]) {
    const gradient = el("linearGradient", { id, x1, x2, y1: "0", y2: "0" }, defs);
    el("stop", { offset: "0", class: "fade-from" }, gradient);
    el("stop", { offset: "1", class: "fade-to" }, gradient);
  }
}

export function drawHistogram(svg, scale, histogram, height, onPick) {
  const group = el("g", { class: "bins" }, svg);
  const max = Math.max(1, ...histogram.buckets.map((b) => b.count));
  for (const bucket of histogram.buckets) {
    const lo = dayNumber(bucket.start);
    const hi = dayNumber(bucket.end) + 1;
    const x0 = scale.x(lo);
    const x1 = scale.x(hi);
    if (x1 < 0 || x0 > scale.width) continue;
    const h = Math.max(1, (bucket.count / max) * (height - 6));
    const rect = el(
      "rect",
      { x: x0 + 0.5, y: height - h, width: Math.max(x1 - x0 - 1, 1), height: h, "data-key": bucket.key },
      group,
    );
    const title = el("title", {}, rect);
    title.textContent = `${bucket.key}: ${bucket.count} event${bucket.count === 1 ? "" : "s"} (click to zoom to it)`;
    rect.addEventListener("click", () => onPick(lo, hi));
  }
}

// Drag to pan, wheel to zoom (around the pointer), arrow keys and +/- on the focused axis.
export function interact(svg, getScale, setView) {
  let drag = null;
  svg.addEventListener("pointerdown", (e) => {
    if (e.button !== 0 || e.target.closest(".mark")) return;
    drag = { x: e.clientX, scale: getScale() };
    svg.setPointerCapture(e.pointerId);
    svg.classList.add("dragging");
  });
  svg.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const s = drag.scale;
    const shift = ((e.clientX - drag.x) / s.width) * (s.d1 - s.d0);
    setView(s.d0 - shift, s.d1 - shift);
  });
  const stop = () => {
    drag = null;
    svg.classList.remove("dragging");
  };
  svg.addEventListener("pointerup", stop);
  svg.addEventListener("pointercancel", stop);
  svg.addEventListener(
    "wheel",
    (e) => {
      e.preventDefault();
      const s = getScale();
      const at = s.day(e.clientX - svg.getBoundingClientRect().left);
      zoomAround(s, at, e.deltaY > 0 ? 1.25 : 0.8, setView);
    },
    { passive: false },
  );
  svg.addEventListener("keydown", (e) => {
    const s = getScale();
    const mid = (s.d0 + s.d1) / 2;
    const keys = {
      ArrowLeft: () => pan(s, -0.2, setView),
      ArrowRight: () => pan(s, 0.2, setView),
      "+": () => zoomAround(s, mid, 0.8, setView),
      "=": () => zoomAround(s, mid, 0.8, setView),
      "-": () => zoomAround(s, mid, 1.25, setView),
    };
    if (keys[e.key]) {
      e.preventDefault();
      keys[e.key]();
    }
  });
}

export function zoomAround(s, at, factor, setView) {
  const d0 = at - (at - s.d0) * factor;
  const d1 = at + (s.d1 - at) * factor;
  if (d1 - d0 < 3 || d1 - d0 > 365 * 500) return;
  setView(d0, d1);
}

export function pan(s, fraction, setView) {
  const shift = (s.d1 - s.d0) * fraction;
  setView(s.d0 + shift, s.d1 + shift);
}
