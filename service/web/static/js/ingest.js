// The ingest form: POST /articles with an optional bearer token kept in sessionStorage, and the
// API's own validation messages (problem+json "errors") shown next to the fields.

import { API, postJSON } from "./api.js";

const TOKEN_KEY = "timeline-api-token";
const FIELDS = ["title", "source", "url", "published_at", "text"];

function clearErrors(form) {
  for (const p of form.querySelectorAll(".field-error")) p.textContent = "";
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
}

function fieldError(form, field, message) {
  const p = document.getElementById(`e-${field}`);
  const input = form.elements[field];
  if (!p) return false;
  p.textContent = message;
  if (input) input.setAttribute("aria-invalid", "true");
  return true;
}

export function setupIngest(onStored) {
  const form = document.getElementById("ingest");
  const status = document.getElementById("ingest-status");
  form.elements.token.value = sessionStorage.getItem(TOKEN_KEY) || "";
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const token = form.elements.token.value.trim();
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
    const data = {};
    for (const field of FIELDS) {
      const value = form.elements[field].value.trim();
      if (value) data[field] = value; // an empty field is left out: the API says what it needs
    }
    status.textContent = "Sending…";
    try {
      const { status: code, body } = await postJSON(`${API}/articles`, data, token);
      const n = (body.events || []).length;
      status.textContent =
        code === 201
          ? `Stored article ${body.id} with ${n} event${n === 1 ? "" : "s"}.`
          : `Already stored as article ${body.id}; nothing new.`;
      if (code === 201) form.elements.text.value = "";
      onStored(body);
    } catch (error) {
      const problem = error.body || {};
      const elsewhere = []; // messages for fields the form does not have
      for (const [field, messages] of Object.entries(problem.errors || {})) {
        const text = [].concat(messages).join(" ");
        if (!fieldError(form, field, text)) elsewhere.push(`${field}: ${text}`);
      }
      if (error.status === 401 || error.status === 403) {
        fieldError(form, "token", problem.detail || "This token may not write.");
      }
      const detail = problem.detail || problem.title || error.message;
      status.textContent = `Not stored: ${[detail, ...elsewhere].join(" ")}`;
      form.querySelector("[aria-invalid]")?.focus();
    }
  });
}
