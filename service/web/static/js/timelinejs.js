// Load the service's TimelineJS export (GET /api/v1/timeline?format=timelinejs) into the
// vendored TimelineJS3 widget. Nothing is loaded from outside: fonts and the CDN are turned off.

const status = document.getElementById("tl-status");
const url = "/api/v1/timeline?format=timelinejs";

async function main() {
  const response = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
  const body = response.headers.get("Content-Type")?.includes("json") ? await response.json() : null;
  if (!response.ok) {
    status.textContent = `The TimelineJS export failed: ${(body && body.detail) || response.status}`;
    return;
  }
  if (!body || !Array.isArray(body.events) || (body.events[0] && !body.events[0].start_date)) {
    status.textContent =
      "This server does not serve the TimelineJS export yet (GET /api/v1/timeline?format=timelinejs answered the plain JSON timeline).";
    document.body.dataset.state = "unsupported";
    return;
  }
  if (!body.events.length) {
    status.textContent = "No dated events yet.";
    document.body.dataset.state = "empty";
    return;
  }
  const script = document.getElementById("timeline-script-tag").src;
  window.timeline = new TL.Timeline("timeline-embed", body, {
    script_path: script.slice(0, script.lastIndexOf("/") + 1),
    font: null,
    language: "en",
    hash_bookmark: false,
  });
  status.textContent = `${body.events.length} events from ${url}`;
  document.body.dataset.state = "ready";
}

main().catch((error) => {
  status.textContent = `Could not load the timeline: ${error.message}`;
});
