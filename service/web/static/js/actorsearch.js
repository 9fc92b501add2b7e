// The actor filter: a search field with suggestions from GET /api/v1/actors?q= (debounced),
// an ARIA combobox (arrow keys, Enter, Escape, or the mouse). The chosen actor's id goes into
// the form's hidden "actor" field; a name typed and not chosen is sent as written (the API
// takes an id, a code or a name).

import { API, getJSON, hasPath, query } from "./api.js";

const DEBOUNCE_MS = 200;
const SHOWN = 12;

export function setupActorSearch({ input, hidden, list, known }) {
  let timer = null;
  let options = [];
  let active = -1;
  let asked = 0;

  function close() {
    list.hidden = true;
    list.replaceChildren();
    options = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function choose(actor) {
    hidden.value = actor.id;
    input.value = actor.name;
    known.set(actor.id, actor);
    close();
  }

  function highlight(i) {
    active = i;
    options.forEach((li, k) => li.setAttribute("aria-selected", String(k === i)));
    if (i >= 0) {
      input.setAttribute("aria-activedescendant", options[i].id);
      options[i].scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  }

  function show(actors) {
    options = actors.map((actor, i) => {
      const li = document.createElement("li");
      li.id = `f-actor-option-${i}`;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.dataset.id = actor.id;
      li.textContent = `${actor.name} (${actor.kind})`;
      li.addEventListener("mousedown", (e) => {
        e.preventDefault(); // keep the focus in the field
        choose(actor);
      });
      return li;
    });
    if (!options.length) {
      close();
      return;
    }
    list.replaceChildren(...options);
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight(-1);
  }

  async function suggest(text) {
    const mine = ++asked;
    if (!text || !(await hasPath(`${API}/actors`))) {
      close();
      return;
    }
    const { body } = await getJSON(`${API}/actors${query({ q: text, limit: SHOWN })}`);
    if (mine !== asked || input.value.trim() !== text) return; // a later keystroke won
    show(body.data);
  }

  input.addEventListener("input", () => {
    hidden.value = input.value.trim(); // a name as written, until one is chosen
    clearTimeout(timer);
    timer = setTimeout(() => suggest(input.value.trim()).catch(close), DEBOUNCE_MS);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!options.length) return;
      e.preventDefault();
      const n = options.length;
      highlight(e.key === "ArrowDown" ? (active + 1) % n : (active - 1 + n) % n);
    } else if (e.key === "Enter" && active >= 0) {
      e.preventDefault(); // chosen, not yet applied
      const li = options[active];
      choose({ id: li.dataset.id, name: li.textContent.replace(/ \([^)]*\)$/, "") });
    } else if (e.key === "Escape" && !list.hidden) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 0));

  // The form shows an actor (from the URL, or after Reset): its name when known, else the id.
  return function set(id) {
    hidden.value = id || "";
    input.value = id ? (known.get(id)?.name ?? id) : "";
    close();
  };
}
