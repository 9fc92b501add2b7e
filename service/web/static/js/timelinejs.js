// The TimelineJS3 widget on the story's key events: the digest (GET /api/v1/digest) of the
// filters in this page's URL (actor, type, q, from, to, as on the timeline page), a bounded
// number of slides, and a title slide saying what is shown. Nothing is loaded from outside:
// fonts and the CDN are turned off. Slides follow the API's own TimelineJS export
// (service/formats/timelinejs.py): dates are never drawn finer than their precision.

import { API, getJSON, query } from "./api.js";
import { humanDay } from "./dates.js";

const DATES = 40; // key dates at most
const PER_DATE = 3; // events per date at most: at most 120 slides
const FILTERS = ["actor", "type", "q", "from", "to"];
const GRAIN = {
  time: "day", day: "day", week: "day", unknown: "day", month: "month", season: "month",
  quarter: "month", half: "month", year: "year", decade: "year", century: "year",
};
const MONTHS = "January February March April May June July August September October November December".split(" ");

const status = document.getElementById("tl-status");

function escape(text) {
  const div = document.createElement("div");
  div.textContent = text || "";
  return div.innerHTML;
}

function parts(iso, grain) {
  const [y, m, d] = iso.split("-").map(Number);
  const out = { year: String(y) };
  if (grain !== "year") out.month = String(m);
  if (grain === "day") out.day = String(d);
  return out;
}

function display(iso, grain) {
  const [y, m, d] = iso.split("-").map(Number);
  if (grain === "day") return `${d} ${MONTHS[m - 1]} ${y}`;
  if (grain === "month") return `${MONTHS[m - 1]} ${y}`;
  return String(y);
}

// One event as a TimelineJS slide (null when it has no known day).
export function toSlide(event) {
  const { start, end, precision, approximate } = event.date;
  if (!start && !end) return null;
  const grain = GRAIN[precision || "unknown"] || "day";
  const slide = {
    start_date: parts(start || end, grain),
    text: { headline: escape(event.title), text: slideText(event) },
    unique_id: `event-${event.id}`,
  };
  if (start && end) {
    const last = parts(end, grain);
    if (JSON.stringify(last) !== JSON.stringify(slide.start_date)) slide.end_date = last;
  }
  let shown = null;
  if (!start) shown = `no later than ${display(end, grain)}`;
  else if (!end) shown = `no earlier than ${display(start, grain)}`;
  else if (approximate) {
    const [a, b] = [display(start, grain), display(end, grain)];
    shown = a === b ? `about ${a}` : `about ${a} – ${b}`;
  }
  if (shown) {
    slide.start_date.display_date = shown;
    slide.display_date = shown;
  }
  if (event.type) slide.group = event.type;
  return slide;
}

function slideText(event) {
  const lines = [event.summary, event.date.text ? `When: ${event.date.text}` : ""];
  const actors = (event.actors || []).map((a) => a.name).join(", ");
  if (actors) lines.push(`Actors: ${actors}`);
  return lines.filter(Boolean).map((line) => `<p>${escape(line)}</p>`).join("");
}

// "Xi Jinping · type meeting · “sanctions” · 1 Jan 2020 – 31 Dec 2020", or "All events".
function describe(filters) {
  const said = [];
  if (filters.actor) said.push(`actor ${filters.actor}`);
  if (filters.type) said.push(`type ${filters.type}`);
  if (filters.q) said.push(`“${filters.q}”`);
  if (filters.from || filters.to) said.push(`${humanDay(filters.from) || "…"} – ${humanDay(filters.to) || "…"}`);
  return said.length ? said.join(" · ") : "all events";
}

async function main() {
  const page = new URLSearchParams(location.search);
  const filters = Object.fromEntries(FILTERS.map((k) => [k, page.get(k) || ""]));
  const [{ body: digest }, { body: counted }] = await Promise.all([
    getJSON(`${API}/digest${query({ ...filters, dates: DATES, per_date: PER_DATE, precision: "year" })}`),
    getJSON(`${API}/events${query({ ...filters, limit: 1, count: "true" })}`),
  ]);
  const events = digest.dates.flatMap((d) => d.events);
  const slides = events.map(toSlide).filter(Boolean);
  const total = counted.count ?? counted.total ?? slides.length;
  const what = describe(filters);
  const summary = `${slides.length} key event${slides.length === 1 ? "" : "s"} shown of ${total}`;
  document.body.dataset.shown = String(slides.length);
  document.body.dataset.total = String(total);
  if (!slides.length) {
    status.textContent = `No dated events for ${what}.`;
    document.body.dataset.state = "empty";
    return;
  }
  const title = {
    text: {
      headline: escape(`Key events: ${what}`),
      text: `<p>${escape(`${summary}: the ${digest.dates.length} weightiest dates, up to ${PER_DATE} events each.`)}</p>`,
    },
    unique_id: "timeline-title",
  };
  const script = document.getElementById("timeline-script-tag").src;
  window.timeline = new TL.Timeline("timeline-embed", { title, events: slides }, {
    script_path: script.slice(0, script.lastIndexOf("/") + 1),
    font: null,
    language: "en",
    hash_bookmark: false,
  });
  status.textContent = `Key events: ${what} · ${summary}`;
  document.body.dataset.state = "ready";
}

main().catch((error) => {
  status.textContent = `Could not load the timeline: ${error.message}`;
  document.body.dataset.state = "failed";
});
