// Calendar days as numbers (days since 1970-01-01, UTC), and how to write them.

const DAY = 86400000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function dayNumber(iso) {
  if (!iso || !/^\d{4}(-\d\d){0,2}$/.test(iso)) return null;
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1) / DAY;
}

export function isoDay(n) {
  return new Date(Math.floor(n) * DAY).toISOString().slice(0, 10);
}

export function parts(n) {
  const d = new Date(Math.floor(n) * DAY);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate() };
}

export function fromParts(y, m, d = 1) {
  return Date.UTC(y, m, d) / DAY;
}

export function monthName(m) {
  return MONTHS[m];
}

export function humanDay(iso) {
  const n = dayNumber(iso);
  if (n === null) return "";
  const p = parts(n);
  return `${p.d} ${MONTHS[p.m]} ${p.y}`;
}

// The interval an event covers on the axis: [lo, hi) in day numbers, and which sides are open.
export function span(date) {
  const start = dayNumber(date.start);
  const end = dayNumber(date.end);
  if (start === null && end === null) return null;
  return {
    lo: start ?? end,
    hi: (end ?? start) + 1,
    openStart: start === null,
    openEnd: end === null,
  };
}

// How the resolved date reads in a list: "20 Dec 2023", "2023", "… → 18 Dec 2023".
export function label(date) {
  const approx = date.approximate ? "~" : "";
  if (!date.start && !date.end) return "undated";
  if (date.precision === "year" && date.value && /^\d{4}$/.test(date.value)) return approx + date.value;
  if (date.precision === "month" && date.start) {
    const p = parts(dayNumber(date.start));
    return `${approx}${MONTHS[p.m]} ${p.y}`;
  }
  if (date.start && date.end && date.start === date.end) return approx + humanDay(date.start);
  const from = date.start ? humanDay(date.start) : "…";
  const to = date.end ? humanDay(date.end) : "…";
  return `${approx}${from} – ${to}`;
}
