// The event panel: headline, type, actors, the date as written and as resolved, and each
// source article with the reporting sentence highlighted (offsets are into the article text).

import { API, getJSON } from "./api.js";
import { humanDay } from "./dates.js";

const CONTEXT = 280;

function node(tag, text, attrs = {}) {
  const n = document.createElement(tag);
  if (text !== undefined && text !== null) n.textContent = text;
  for (const [key, value] of Object.entries(attrs)) n.setAttribute(key, value);
  return n;
}

function facts(event) {
  const d = event.date;
  const bounds = `${d.start ? humanDay(d.start) : "unknown"} – ${d.end ? humanDay(d.end) : "unknown"}`;
  return [
    ["Type", `${event.type}${event.cameo ? ` (CAMEO ${event.cameo})` : ""}, ${event.status}`],
    ["Actors", event.actors.map((a) => `${a.name} (${a.id})`).join("; ") || "none named"],
    ["Date as written", d.text || "(not written: inferred)"],
    ["Resolved", `${d.value || "–"} · EDTF ${d.edtf || "–"}`],
    ["Precision", `${d.precision}${d.approximate ? ", approximate" : ""}`],
    ["Bounds", bounds],
    ["Basis", d.basis || "–"],
    ["Summary", event.summary],
    ...edited(event.original),
  ];
}

// A person corrected the extraction: what it said first stays visible.
function edited(original) {
  if (!original) return [];
  const d = original.date || {};
  const date = d.value || d.edtf || `${d.start || "…"} – ${d.end || "…"}`;
  return [["Extracted as", `“${original.title}”, ${original.type}, ${date} (edited since)`]];
}

// The sentence in its surrounding text: "…before <mark>sentence</mark> after…".
export function excerpt(text, mention) {
  const p = node("p", null, { class: "excerpt" });
  // The context starts and ends on a word boundary.
  let from = Math.max(0, mention.sentence_start - CONTEXT);
  if (from > 0) from = Math.min(mention.sentence_start, text.indexOf(" ", from) + 1 || from);
  let to = Math.min(text.length, mention.sentence_end + CONTEXT);
  if (to < text.length) to = Math.max(mention.sentence_end, text.lastIndexOf(" ", to));
  p.append(`${from > 0 ? "…" : ""}${text.slice(from, mention.sentence_start)}`);
  const mark = node("mark", null, { class: "sentence" });
  const s = mention.sentence_start;
  const clauseFrom = Math.max(mention.start, s);
  const clauseTo = Math.min(mention.end, mention.sentence_end);
  if (clauseFrom < clauseTo) {
    mark.append(text.slice(s, clauseFrom), node("strong", text.slice(clauseFrom, clauseTo)));
    mark.append(text.slice(clauseTo, mention.sentence_end));
  } else {
    mark.textContent = text.slice(s, mention.sentence_end);
  }
  p.append(mark, `${text.slice(mention.sentence_end, to)}${to < text.length ? "…" : ""}`);
  return p;
}

async function source(mention) {
  const box = node("article", null, { class: "source" });
  try {
    const { body: a } = await getJSON(`${API}/articles/${mention.article_id}`);
    const head = node("h4");
    if (a.url && /^https?:/.test(a.url)) {
      head.append(node("a", a.title || a.url, { href: a.url, rel: "noopener noreferrer" }));
    } else {
      head.textContent = a.title || `Article ${a.id}`;
    }
    box.append(head, node("p", `${a.source || "unknown source"} · published ${humanDay(a.published_at.slice(0, 10))}`, { class: "note" }));
    box.append(excerpt(a.text, mention));
  } catch (error) {
    box.append(node("p", `Article ${mention.article_id}: ${error.message}`), node("blockquote", mention.sentence));
  }
  return box;
}

export async function showEvent(id, onClose) {
  const panel = document.getElementById("panel");
  const title = document.getElementById("panel-title");
  const dl = document.getElementById("panel-facts");
  const sources = document.getElementById("panel-sources");
  const { body: event } = await getJSON(`${API}/events/${id}`);
  panel.dataset.id = id;
  title.textContent = `${event.date.approximate ? "~ " : ""}${event.title}`;
  dl.replaceChildren();
  for (const [key, value] of facts(event)) dl.append(node("dt", key), node("dd", value));
  sources.replaceChildren(node("p", "Loading the sources…", { class: "note" }));
  panel.hidden = false;
  title.focus();
  const close = () => {
    panel.hidden = true;
    onClose(id);
  };
  document.getElementById("panel-close").onclick = close;
  panel.onkeydown = (e) => {
    if (e.key === "Escape") close();
  };
  const boxes = await Promise.all(event.mentions.map(source));
  if (panel.dataset.id !== String(id)) return; // another event was opened meanwhile
  sources.replaceChildren(...(boxes.length ? boxes : [node("p", "No source sentence stored.")]));
}
