// The story view: the key dates of the current filters (GET /api/v1/digest), in date order,
// each date with its weightiest events. The page opens on it; the lanes are the other tab.

import { API, getJSON, hasPath, query } from "./api.js";
import { humanDay, label } from "./dates.js";

export const DATES = 20;
export const PER_DATE = 2; // 20 dates of at most 2 events: the first screen

// The digest of `params` (filters and window): {url, body, changed}, or null without /digest.
export async function loadStory(params) {
  if (!(await hasPath(`${API}/digest`))) return null;
  const url = `${API}/digest${query({ ...params, dates: DATES, per_date: PER_DATE })}`;
  const { body, changed } = await getJSON(url);
  return { url, body, changed };
}

export function renderStory(list, note, digest, { open, isNew, matching }) {
  if (!digest) {
    list.replaceChildren();
    note.textContent = "This server has no /api/v1/digest: the lanes show every event.";
    return;
  }
  const dates = digest.dates;
  const shown = dates.reduce((n, d) => n + d.events.length, 0);
  const of = matching === null ? "" : ` of ${matching} matching`;
  note.textContent = dates.length
    ? `The ${dates.length} key date${dates.length === 1 ? "" : "s"} (${shown} event${shown === 1 ? "" : "s"}${of}), those whose events weigh most, in date order. Every event is in the lanes.`
    : "No key date (no event dated to the day) for these filters: see the lanes.";
  list.replaceChildren(
    ...dates.map((d) => {
      const li = document.createElement("li");
      li.className = "story-date";
      li.dataset.date = d.date;
      const when = document.createElement("h3");
      when.textContent = d.precision === "day" ? humanDay(d.date) : `${d.precision} of ${humanDay(d.date)}`;
      const events = document.createElement("ul");
      for (const event of d.events) {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = `story-ev type-${event.type}${isNew(event.id) ? " new" : ""}`;
        button.dataset.id = event.id;
        const what = document.createElement("span");
        what.className = "what";
        what.textContent = event.title;
        const meta = document.createElement("span");
        meta.className = "meta";
        const sources = (event.sources || []).length;
        meta.textContent = `${event.type}${event.date.precision === "day" ? "" : ` · ${label(event.date)}`}${sources > 1 ? ` · ${sources} sources` : ""}`;
        button.title = `${event.title} (${label(event.date)})`;
        button.append(what, meta);
        button.addEventListener("click", () => open(event.id));
        item.append(button);
        events.append(item);
      }
      li.append(when, events);
      return li;
    }),
  );
}
