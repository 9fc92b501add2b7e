"""The service's own pages: the timeline at ``/`` and TimelineJS3 at ``/timelinejs``.

Everything the pages load is served from ``static/`` (the scripts written here and the vendored
libraries with their licences), so they work offline and under a strict Content-Security-Policy:
no inline scripts or styles, no CDN.
"""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

bp = Blueprint(
    "web",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/static/web",
)


OPTIONAL = ("/api/v1/histogram", "/api/v1/actors", "/api/v1/digest")


@bp.route("/")
def index():
    """Show the timeline: axis, histogram, event list, filters, event panel, ingest form."""
    return render_template("web/index.html", optional=_optional_endpoints())


def _optional_endpoints() -> str:
    """The API endpoints the page can do without, those this server has (the page asks for
    them only then: a 404 would be a console error)."""
    rules = {rule.rule for rule in current_app.url_map.iter_rules()}
    return " ".join(p for p in OPTIONAL if p in rules)


@bp.route("/timelinejs")
def timelinejs():
    """Show the service's TimelineJS export in the TimelineJS3 widget."""
    return render_template("web/timelinejs.html")
