// The timeline page: state (view window + filters + tab, mirrored in the URL), loading, live
// polling. It opens on the story (the key dates of the filters); the lanes are the other tab.

import { setupActorSearch } from "./actorsearch.js";
import { API, getJSON, hasPath, query } from "./api.js";
import {
  AXIS_HEIGHT, Scale, drawDefs, drawEvents, drawHistogram, drawTicks, drawUnloaded, interact, pan,
  zoomAround,
} from "./axis.js";
import { dayNumber, isoDay, label, span } from "./dates.js";
import { setupIngest } from "./ingest.js";
import { showEvent } from "./panel.js";
import { loadStory, renderStory } from "./story.js";

const PAGE = 500;
const POLL_MS = 4000;
const HIST_HEIGHT = 70;

const state = {
  d0: null, d1: null,
  view: "story",         // "story" (the key dates) or "lanes" (the axis and every event)
  story: null, storyUrl: null,
  filters: { actor: "", type: "", q: "" },
  events: new Map(),     // id -> event, everything loaded for the current filters
  inWindow: [],          // ids loaded for the current window, timeline order
  more: null,            // the next page's URL of a crowded window
  loadedTo: null,        // the day up to which a crowded window is loaded
  undated: [],
  histogram: null,
  seenIds: new Set(), newIds: new Set(),
  applied: new Set(),    // response URLs whose bodies are in the state (since the last reload)
  actors: new Map(), types: new Set(),  // actors met (names for the actor field), types
  windowUrl: null, timelineUrl: null, histogramUrl: null,
};
const $ = (id) => document.getElementById(id);
let setActor = () => {};

function scale() {
  return new Scale(state.d0, state.d1, $("axis").clientWidth || 800);
}

function filterParams() {
  const f = state.filters;
  return { actor: f.actor, type: f.type, q: f.q };
}

function windowParams() {
  return { from: isoDay(state.d0), to: isoDay(state.d1 - 1) };
}

// ---- URL <-> state -------------------------------------------------------------------------

function readUrl() {
  const p = new URLSearchParams(location.search);
  state.filters = { actor: p.get("actor") || "", type: p.get("type") || "", q: p.get("q") || "" };
  state.view = p.get("view") === "lanes" ? "lanes" : "story";
  const from = dayNumber(p.get("from"));
  const to = dayNumber(p.get("to"));
  if (from !== null && to !== null && to >= from) {
    state.d0 = from;
    state.d1 = to + 1;
  }
}

function writeUrl(push) {
  const view = state.view === "lanes" ? "lanes" : "";
  const url = `${location.pathname}${query({ ...windowParams(), ...filterParams(), view })}`;
  if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
  $("to-timelinejs").search = query(filterParams()); // the same filters' key events
}

function fillForm() {
  const form = $("filters");
  form.elements.from.value = isoDay(state.d0);
  form.elements.to.value = isoDay(state.d1 - 1);
  form.elements.q.value = state.filters.q;
  setActor(state.filters.actor);
  ensureOption($("f-type"), state.filters.type, state.filters.type);
  form.elements.type.value = state.filters.type;
}

function ensureOption(select, value, text) {
  if (!value || [...select.options].some((o) => o.value === value)) return;
  const option = document.createElement("option");
  option.value = value;
  option.textContent = text;
  select.append(option);
}

// ---- data -----------------------------------------------------------------------------------

function remember(events) {
  for (const event of events) {
    if (state.seenIds.size && !state.seenIds.has(event.id)) state.newIds.add(event.id);
    state.events.set(event.id, event);
  }
  learn(events);
}

// The actors' names and the types met, for the filters.
function learn(events) {
  for (const event of events) {
    for (const actor of event.actors) state.actors.set(actor.id, actor);
    state.types.add(event.type);
  }
}

function markSeen() {
  for (const id of state.events.keys()) state.seenIds.add(id);
}

// The timeline's first page: its events (when asked for) and every undated event.
async function loadTimeline(limit = 1) {
  state.timelineUrl = `${API}/timeline${query({ ...filterParams(), limit })}`;
  const url = state.timelineUrl;
  const { body, changed } = await getJSON(url);
  if (changed || !state.applied.has(url)) {
    state.applied.add(url);
    remember(body.data);
    state.undated = body.undated || [];
    remember(state.undated);
  }
  state.firstPage = body.data;
  return changed;
}

function extent(events, withHistogram = true) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const event of events) {
    const s = span(event.date);
    if (!s) continue;
    lo = Math.min(lo, s.lo);
    hi = Math.max(hi, s.hi);
  }
  if (state.histogram && withHistogram) {
    for (const b of state.histogram.buckets) {
      lo = Math.min(lo, dayNumber(b.start));
      hi = Math.max(hi, dayNumber(b.end) + 1);
    }
  }
  if (!Number.isFinite(lo)) {
    const today = Math.floor(Date.now() / 86400000);
    return [today - 365, today + 30];
  }
  const pad = Math.max(15, (hi - lo) * 0.05);
  return [lo - pad, hi + pad];
}

async function loadWindow() {
  const url = `${API}/events${query({ ...windowParams(), ...filterParams(), limit: PAGE })}`;
  state.windowUrl = url;
  const { body, changed } = await getJSON(url);
  if (url !== state.windowUrl) return false;
  // A 304 needs no work, unless the state was cleared since (a reload): then use the body kept.
  if (!changed && state.applied.has(url)) return false;
  state.applied.add(url);
  const ids = new Set(body.data.map((e) => e.id));
  // Gone from a complete window: deleted or merged into another event.
  if (!body.next) for (const id of state.inWindow) if (!ids.has(id)) state.events.delete(id);
  remember(body.data);
  state.inWindow = [...ids];
  setCoverage(body);
  return true;
}

// A crowded window is loaded a page at a time, in timeline order: the axis shows how far.
function setCoverage(body) {
  state.more = body.next;
  const last = body.data[body.data.length - 1];
  const s = last && span(last.date);
  state.loadedTo = body.next && s ? s.lo + 1 : null;
}

async function loadMore() {
  if (!state.more) return;
  const url = state.windowUrl;
  const { body } = await getJSON(state.more);
  if (url !== state.windowUrl) return;
  remember(body.data);
  for (const event of body.data) state.inWindow.push(event.id);
  setCoverage(body);
  render();
}

// The key dates of the filters in the window (on first sight, the whole span).
async function loadDigest() {
  const asked = query({ ...windowParams(), ...filterParams() });
  state.storyUrl = asked;
  const story = await loadStory({ ...windowParams(), ...filterParams() });
  if (asked !== state.storyUrl) return false; // a later view won
  const changed = story ? story.changed || state.story !== story.body : state.story !== null;
  state.story = story && story.body;
  if (story && changed) for (const d of story.body.dates) remember(d.events); // new ones marked
  return changed;
}

function bucketFor(days) {
  if (days <= 120) return "day";
  if (days <= 730) return "week";
  if (days <= 365 * 15) return "month";
  return "year";
}

async function loadHistogram() {
  if (!(await hasPath(`${API}/histogram`))) {
    $("histogram").classList.add("unavailable");
    $("histogram-note").textContent = "Histogram: this server has no /api/v1/histogram yet.";
    return false;
  }
  const params = { bucket: bucketFor(state.d1 - state.d0), ...windowParams(), ...filterParams() };
  const url = `${API}/histogram${query(params)}`;
  state.histogramUrl = url;
  try {
    const { body, changed } = await getJSON(url);
    if (url !== state.histogramUrl) return false;
    state.histogram = body;
    const notes = [];
    if (body.imprecise && body.imprecise.count) notes.push(`${body.imprecise.count} imprecise`);
    if (body.open) notes.push(`${body.open} open-ended`);
    if (body.undated) notes.push(`${body.undated} undated`);
    $("histogram-note").textContent = `Per ${body.bucket}${notes.length ? ` · ${notes.join(", ")}` : ""}`;
    return changed;
  } catch (error) {
    $("histogram-note").textContent = `Histogram unavailable: ${error.message}`;
    return false;
  }
}

// ---- drawing --------------------------------------------------------------------------------

function inView(event) {
  const s = span(event.date);
  return s && s.hi > state.d0 && s.lo < state.d1;
}

// What the shown view needs: the digest for the story; the window and histogram for the lanes
// (the other view's queries wait until it is opened).
function viewLoads() {
  return state.view === "lanes" ? [loadWindow(), loadHistogram()] : [loadDigest()];
}

function showView() {
  const lanes = state.view === "lanes";
  $("lanes").hidden = !lanes;
  $("story").hidden = lanes;
  $("tab-lanes").setAttribute("aria-selected", String(lanes));
  $("tab-story").setAttribute("aria-selected", String(!lanes));
  $("tab-lanes").tabIndex = lanes ? 0 : -1;
  $("tab-story").tabIndex = lanes ? -1 : 0;
}

function render() {
  showView();
  renderStory($("story-list"), $("story-note"), state.story, {
    open: openEvent, isNew: (id) => state.newIds.has(id), matching: null,
  });
  const s = scale();
  const axis = $("axis");
  axis.replaceChildren();
  axis.setAttribute("height", AXIS_HEIGHT);
  drawDefs(axis);
  drawTicks(axis, s, AXIS_HEIGHT);
  const visible = [...state.events.values()].filter(inView);
  if (state.loadedTo !== null && state.loadedTo < state.d1) drawUnloaded(axis, s, state.loadedTo);
  drawEvents(axis, s, visible, {
    open: openEvent,
    hover: (id, on) => document.querySelector(`#event-list [data-id="${id}"]`)?.classList.toggle("hot", on),
    isNew: (id) => state.newIds.has(id),
    zoom: setView,
  });
  const hist = $("histogram");
  for (const child of [...hist.children]) if (child.tagName !== "title") child.remove();
  if (state.histogram) drawHistogram(hist, new Scale(state.d0, state.d1, hist.clientWidth || s.width), state.histogram, HIST_HEIGHT, setView);
  $("window-label").textContent = `${isoDay(state.d0)} – ${isoDay(state.d1 - 1)}`;
  renderList(visible);
  renderFilters();
}

function order(a, b) {
  const sa = span(a.date);
  const sb = span(b.date);
  return sa.lo - sb.lo || sa.hi - sb.hi || a.id - b.id;
}

function renderList(visible) {
  const list = $("event-list");
  const items = visible.sort(order).map((event) => {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = `ev type-${event.type}${state.newIds.has(event.id) ? " new" : ""}`;
    button.dataset.id = event.id;
    const when = document.createElement("span");
    when.className = "when";
    when.textContent = label(event.date);
    const what = document.createElement("span");
    what.className = "what";
    what.textContent = event.title;
    const type = document.createElement("span");
    type.className = "type";
    type.textContent = event.type;
    button.append(when, what, type);
    button.addEventListener("click", () => openEvent(event.id));
    button.addEventListener("focus", () => highlight(event.id, true));
    button.addEventListener("blur", () => highlight(event.id, false));
    li.append(button);
    return li;
  });
  list.replaceChildren(...items);
  $("events-count").textContent = `(${items.length})`;
  $("events-more").hidden = !state.more;
  $("events-more-text").textContent = state.more
    ? `More events match this window than are loaded (${state.inWindow.length}, in date order, up to ${isoDay(state.loadedTo - 1)}): zoom in, filter, or load more.`
    : "";
  const undated = state.undated.length;
  $("undated").textContent = undated ? `${undated} undated event${undated === 1 ? "" : "s"} (no known date bound) are not on the axis.` : "";
}

function highlight(id, on) {
  document.querySelector(`#axis .mark[data-id="${id}"]`)?.classList.toggle("hot", on);
}

function renderFilters() {
  const field = $("f-actor-q");
  const named = state.actors.get(state.filters.actor);
  if (named && field.value === state.filters.actor && document.activeElement !== field) field.value = named.name;
  for (const type of [...state.types].sort()) ensureOption($("f-type"), type, type);
}

async function openEvent(id) {
  try {
    const list = state.view === "lanes" ? "#event-list" : "#story-list";
    await showEvent(id, (closed) => document.querySelector(`${list} [data-id="${closed}"]`)?.focus());
  } catch (error) {
    $("live").textContent = `Could not open event ${id}: ${error.message}`;
  }
}

// ---- view changes and polling ---------------------------------------------------------------

let settle = null;
function setView(d0, d1) {
  state.d0 = d0;
  state.d1 = d1;
  render();
  fillForm();
  clearTimeout(settle);
  settle = setTimeout(async () => {
    writeUrl(false);
    await Promise.all(viewLoads()).catch(report);
    render();
  }, 250);
}

function checked(news) {
  const time = new Date().toTimeString().slice(0, 8);
  const added = news ? ` · ${news} new event${news === 1 ? "" : "s"}` : "";
  $("live").textContent = `Live · last checked ${time}${added}`;
  document.body.dataset.lastChecked = time;
}

function report(error) {
  $("live").textContent = `Could not reach the API: ${error.message}`;
}

let polling = false;
async function poll() {
  if (polling || document.hidden) return; // a hidden tab need not ask
  polling = true;
  try {
    const before = state.newIds.size;
    markSeen();
    const changes = await Promise.all([loadTimeline(), ...viewLoads()]);
    if (changes.some(Boolean) || state.newIds.size !== before) render();
    checked(state.newIds.size - before);
  } catch (error) {
    report(error);
  } finally {
    polling = false;
  }
}

// Where the events are: the histogram's years when the server has one, else the first page.
async function overall() {
  if (await hasPath(`${API}/histogram`)) {
    try {
      const { body } = await getJSON(`${API}/histogram${query({ bucket: "year", ...filterParams() })}`);
      if (body.buckets.length) {
        state.histogram = body;
        return extent([]);
      }
    } catch (error) {
      report(error);
    }
  }
  await loadTimeline(PAGE);
  return extent(state.firstPage);
}

async function reload(fit) {
  state.events.clear();
  state.applied.clear();
  state.newIds.clear();
  state.seenIds.clear();
  state.histogram = null;
  if (fit || state.d0 === null) [state.d0, state.d1] = await overall();
  await Promise.all([loadTimeline(), ...viewLoads()]);
  markSeen();
  fillForm();
  render();
  checked(0);
}

function setupFilters() {
  const form = $("filters");
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const from = dayNumber(form.elements.from.value);
    const to = dayNumber(form.elements.to.value);
    $("filter-error").textContent = "";
    if (from !== null && to !== null && from > to) {
      $("filter-error").textContent = "'From' must not be after 'To'.";
      return;
    }
    state.filters = { actor: form.elements.actor.value.trim(), type: form.elements.type.value, q: form.elements.q.value.trim() };
    const fit = from === null || to === null;
    if (!fit) [state.d0, state.d1] = [from, to + 1];
    await reload(fit).catch(report);
    writeUrl(true);
  });
  $("f-reset").addEventListener("click", async () => {
    state.filters = { actor: "", type: "", q: "" };
    await reload(true).catch(report);
    writeUrl(true);
  });
}

// The two views are tabs (arrow keys move between them); the chosen one is kept in the URL.
function setupTabs() {
  const pick = (view) => {
    if (view === state.view) return;
    state.view = view;
    render();
    writeUrl(true);
    $(view === "lanes" ? "tab-lanes" : "tab-story").focus();
    Promise.all(viewLoads()).then(render, report); // a 304 where already loaded
  };
  $("tab-story").addEventListener("click", () => pick("story"));
  $("tab-lanes").addEventListener("click", () => pick("lanes"));
  for (const id of ["tab-story", "tab-lanes"]) {
    $(id).addEventListener("keydown", (e) => {
      if (e.key === "ArrowLeft" || e.key === "ArrowRight") pick(state.view === "lanes" ? "story" : "lanes");
    });
  }
}

function setupControls() {
  const view = (f) => () => f(scale());
  $("z-in").addEventListener("click", view((s) => zoomAround(s, (s.d0 + s.d1) / 2, 0.67, setView)));
  $("z-out").addEventListener("click", view((s) => zoomAround(s, (s.d0 + s.d1) / 2, 1.5, setView)));
  $("p-left").addEventListener("click", view((s) => pan(s, -0.25, setView)));
  $("p-right").addEventListener("click", view((s) => pan(s, 0.25, setView)));
  $("z-fit").addEventListener("click", async () => setView(...(await overall())));
  interact($("axis"), scale, setView);
  window.addEventListener("resize", () => render());
  window.addEventListener("popstate", () => {
    readUrl();
    reload(state.d0 === null).catch(report);
  });
}

// After an ingest: show the new events (moving the window to them when none is in view).
function stored(article) {
  const dated = (article.events || []).filter((event) => span(event.date));
  if (dated.length && !dated.some(inView)) setView(...extent(dated, false));
  poll();
}

async function main() {
  readUrl();
  setActor = setupActorSearch({ input: $("f-actor-q"), hidden: $("f-actor"), list: $("f-actor-list"), known: state.actors });
  setupFilters();
  setupTabs();
  setupControls();
  setupIngest(stored);
  $("load-more").addEventListener("click", () => loadMore().catch(report));
  try {
    await reload(state.d0 === null);
    writeUrl(false);
  } catch (error) {
    report(error);
  }
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.state = "ready";
  setInterval(poll, POLL_MS);
}

main();
