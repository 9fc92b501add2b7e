// Talking to the JSON API: conditional GETs (If-None-Match with our own ETag store) and
// problem+json errors. The browser cache is bypassed so a 304 reaches us and costs nothing.

export const API = "/api/v1";

const etags = new Map(); // url -> {etag, body}

export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

async function readBody(response) {
  const type = response.headers.get("Content-Type") || "";
  if (type.includes("json")) return response.json();
  return null;
}

// GET a JSON resource. Returns {body, changed}; changed is false on a 304.
export async function getJSON(url) {
  const known = etags.get(url);
  const headers = { Accept: "application/json" };
  if (known) headers["If-None-Match"] = known.etag;
  const response = await fetch(url, { headers, cache: "no-store" });
  if (response.status === 304 && known) return { body: known.body, changed: false };
  const body = await readBody(response);
  if (!response.ok) throw new Problem(response.status, body);
  const etag = response.headers.get("ETag");
  if (etag) etags.set(url, { etag, body });
  return { body, changed: true };
}

export async function postJSON(url, data, token) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(data) });
  const body = await readBody(response);
  if (!response.ok) throw new Problem(response.status, body);
  return { status: response.status, body };
}

// Optional endpoints are asked for only when the server has them (a 404 would be a console
// error): the page says which it has, else the OpenAPI document does.
let paths = null;
export async function hasPath(path) {
  if (paths === null && document.body.dataset.optional !== undefined) {
    paths = new Set(document.body.dataset.optional.split(" "));
  }
  if (paths === null) {
    try {
      const { body } = await getJSON(`${API}/openapi.json`);
      paths = new Set(Object.keys(body.paths || {}));
    } catch {
      paths = new Set();
    }
  }
  return paths.has(path);
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, one);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
