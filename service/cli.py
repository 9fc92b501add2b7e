"""The ``timeline`` command: serve, init-db, seed, ingest, routes (thin: the work is in the
pipeline).

A plain click group with this service's commands only: not Flask's ``FlaskGroup``, whose
``run`` would start Werkzeug's development server. Each command builds the app itself (through
:class:`flask.cli.ScriptInfo`); ``--help`` builds nothing and logs nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections import Counter
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import ScriptInfo, with_appcontext

from .storage.connection import database
from .storage.schema import create_tables
from .write import bulk, copies, fetch, importance, inputs, polling, sources


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create the tables and indexes that do not exist yet (never drops data)."""
    create_tables()
    printed = copies.fingerprint_unprinted()
    if printed:
        click.echo(f"Fingerprinted {printed} mentions stored before fingerprints.")
    weighed = importance.weigh_unweighed()
    if weighed:
        click.echo(f"Weighed {weighed} events stored before weights (see README: importance).")
    click.echo(f"Database ready: {_safe_url(current_app.config['DATABASE_URL'])}")


#: The project's own seeds: beside the package in a checkout (an editable install).
PROJECT_SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def find_seeds(folder: Path | None) -> Path:
    """``--dir`` when given; else ``./seeds`` when it holds seed files; else the project's."""
    if folder is not None:
        return folder
    for candidate in (Path.cwd() / "seeds", PROJECT_SEEDS):
        if candidate.is_dir() and any(candidate.glob("*.json")):
            return candidate
    raise click.UsageError(
        f"No seeds folder found (looked in {Path.cwd() / 'seeds'} and {PROJECT_SEEDS}): "
        "pass --dir FOLDER."
    )


@click.command("seed")
@click.option(
    "--dir",
    "folder",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder of seed *.json metadata files (default: ./seeds, else the project's seeds/).",
)
@click.option(
    "--if-empty",
    is_flag=True,
    help="Load only into a database with no article yet (a deleted seed stays deleted).",
)
@with_appcontext
def seed_command(folder: Path | None, if_empty: bool) -> None:
    """Load the seed articles (each *.json beside its text file); already loaded ones are kept."""
    create_tables()
    if if_empty:
        from .storage.models import Article

        with database.connection_context():
            stored = Article.select().exists()
        if stored:
            click.echo("Seeds not loaded: the database has articles already (--if-empty).")
            return
    found = find_seeds(folder)
    click.echo(f"Seeds from {found}")
    counts = _ingest(sorted(found.glob("*.json")), None)
    if counts["skipped"]:
        raise SystemExit(1)


@click.command("ingest")
@click.argument("items", nargs=-1, required=True, metavar="FILE|FOLDER|URL...")
@click.option(
    "--batch-size",
    type=click.IntRange(1, 1000),
    default=20,
    show_default=True,
    help="Articles stored per transaction (a stopped run loses at most one batch).",
)
@click.option(
    "--published-at",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Publication date of plain-text files and of web pages that give none (JSON/TimeML "
    "files carry their own); required for .txt files.",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="Processes extracting events while this one stores them "
    "(default: every core when there are more than two batches, else 1).",
)
@click.option(
    "--queue",
    "queued",
    is_flag=True,
    help="Queue the articles for `timeline worker` processes (needs TIMELINE_BROKER_URL) "
    "instead of ingesting them here.",
)
@with_appcontext
def ingest_command(
    items: tuple[str, ...],
    batch_size: int,
    published_at: dt.datetime | None,
    jobs: int | None,
    queued: bool,
) -> None:
    """Ingest articles from files, folders, web pages, feeds and web archives (re-run to resume).

    \b
    FOLDER       every file below of the kinds here (recursively; hidden ones skipped)
    .txt         one article; its title is the file name; needs --published-at
    .json        one record, or a list of records
    .jsonl       one record per line
    .tml         TimeML: <TEXT>, <TITLE> and the document creation time
    .html .htm   a saved web page: main text, title, site, URL and its publication date
    .rss .atom   a feed file (RSS 0.9x/2.0, RSS 1.0 .rdf, Atom; also .xml): each entry's
    .rdf .xml      page is fetched and read (the entry's date only if the page has none)
    .warc[.gz]   a web archive (e.g. Common Crawl's news crawl): each HTML page in it
    http(s)://   the URL of a feed or of an article's page, fetched and read

    A record is an object with "text" and "published_at" (YYYY-MM-DD or an ISO 8601
    date-time), and optionally "title", "source", "url", "language" (seed metadata may name
    its text in "text_file" instead of "text"). A web page without a date of its own is
    skipped unless --published-at gives one. Fetching follows the TIMELINE_FETCH_* settings:
    private and loopback addresses only for hosts in TIMELINE_FETCH_ALLOW_HOSTS; a URL stored
    already is not fetched again.

    A record's other fields (a dataset's "id", say) are ignored, and named once at the end.

    Prints what was stored, what was already present (and which article it duplicates) and
    each record skipped with the reason. Exit status: 0 when every record was stored or
    already present, 1 when any record was skipped.
    """
    for item in items:
        if not inputs.is_url(item) and not Path(item).exists():
            raise click.BadParameter(f"{item!r}: no such file or folder (nor an http(s) URL).")
    create_tables()
    day = published_at.date() if published_at else None
    policy = fetch.policy_from(current_app.config)
    with database.connection_context():
        records = list(inputs.read_inputs(list(items), day, policy, _warn, polling.stored_from))
    ignored: Counter = Counter()
    records = list(bulk.known_fields_only(records, ignored))
    if queued:
        skipped = _enqueue(records)
    else:
        counts = _store(records, batch_size, jobs)
        skipped = counts["skipped"] + counts["unread"]
    if ignored:
        click.echo(bulk.ignored_said(ignored))
    if skipped:
        raise SystemExit(1)


class Eta:
    """The time left of ``total`` steps, from the pace since the first one finished: the
    workers' warm-up (loading the model) before it is not a step's cost. Click's own estimate
    divided the warm-up by the first steps (40 minutes shown for a 40-second run)."""

    def __init__(self, total: int, clock=time.monotonic) -> None:
        self.total, self.clock, self.done = total, clock, 0
        self.first: float | None = None

    def step(self) -> str:
        """Count one step; what to show beside the bar."""
        self.done += 1
        now = self.clock()
        if self.first is None:
            self.first = now
        if self.done < 2 or now <= self.first:
            return "warming up" if self.done < self.total else ""
        left = (self.total - self.done) * (now - self.first) / (self.done - 1)
        return f"about {_duration(left)} left" if self.done < self.total else ""


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def _ingest(
    paths: list[Path], published_at: dt.date | None, batch_size: int = 20, jobs: int | None = 1
) -> Counter:
    return _store(list(sources.read_files(paths, published_at, _warn)), batch_size, jobs)


def _store(records: list, batch_size: int = 20, jobs: int | None = 1) -> Counter:
    if jobs is None:
        jobs = (os.cpu_count() or 1) if len(records) > 2 * batch_size else 1
    eta = Eta(len(records))
    with (
        database.connection_context(),
        click.progressbar(
            length=len(records),
            label="Ingesting",
            file=sys.stderr,
            show_eta=False,
            item_show_func=lambda said: said,
        ) as bar,
    ):
        outcome = bulk.ingest_records(
            records,
            current_app.config["MAX_ARTICLE_CHARS"],
            batch_size,
            lambda: bar.update(1, eta.step()),
            jobs,
        )
    counts = outcome.counts
    click.echo(
        f"{counts['stored']} stored ({counts['events']} event mentions), "
        f"{counts['present']} already present, {counts['skipped']} skipped"
    )
    for label, duplicate in outcome.present:
        click.echo(f"already present {label}: {duplicate}")
    for label, reason in outcome.skipped:
        click.echo(f"skipped {label}: {reason}")
    if outcome.stopped:
        counts["unread"] = len(records) - eta.done
        click.echo(
            f"stopped: {outcome.stopped}; {counts['unread']} records not read "
            "(run the command again to resume: what is stored is skipped)"
        )
    return counts


def _enqueue(records: list) -> int:
    """Queue each valid record; the invalid ones are reported (their number is returned)."""
    from marshmallow import ValidationError

    from . import queue

    if not queue.enabled(current_app):
        raise click.UsageError("--queue needs a broker: set TIMELINE_BROKER_URL.")
    skipped = queued = 0
    with database.connection_context():
        for label, raw, error in records:
            try:
                if error is None:
                    queue.enqueue(current_app, raw)
                    queued += 1
                    continue
            except ValidationError as exc:
                error = bulk.describe(exc.messages)
            skipped += 1
            click.echo(f"skipped {label}: {error}")
    click.echo(f"{queued} queued, {skipped} skipped (GET /api/v1/jobs/ID for each job's state)")
    return skipped


@click.command("worker")
@click.option(
    "--threads",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Articles read at once (extraction is CPU-bound: run one worker per core).",
)
@with_appcontext
def worker_command(threads: int) -> None:
    """Ingest queued articles until stopped (needs TIMELINE_BROKER_URL; run one per core, on
    any number of machines sharing the broker and the database)."""
    from . import queue

    if not queue.enabled(current_app):
        raise click.UsageError("`timeline worker` needs a broker: set TIMELINE_BROKER_URL.")
    create_tables()
    config = current_app.config
    click.echo(f"Worker loading the language model; broker {_safe_url(config['BROKER_URL'])}")
    queue.work(
        current_app._get_current_object(),
        threads,
        lambda: click.echo(f"Worker ready: consuming {config['QUEUE_NAME']!r} (Ctrl-C stops)"),
    )


def _warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


@click.command("watch")
@click.option("--once", is_flag=True, help="Poll the feeds that are due once, then exit.")
@with_appcontext
def watch_command(once: bool) -> None:
    """Poll the subscribed feeds (POST /api/v1/feeds) on their schedule, storing new articles.

    Needs TIMELINE_FETCH=true. Each feed is fetched every TIMELINE_FEED_INTERVAL seconds with
    a conditional request; after errors the wait doubles, up to TIMELINE_FEED_MAX_BACKOFF.
    """
    config = current_app.config
    if not config["FETCH"]:
        raise click.UsageError(
            "Fetching from the web is off: set TIMELINE_FETCH=true to poll feeds."
        )
    create_tables()
    policy = fetch.policy_from(config)
    schedule = polling.Schedule(
        config["FEED_INTERVAL"], config["FEED_MAX_BACKOFF"], config["MAX_ARTICLE_CHARS"]
    )
    while True:
        with database.connection_context():
            for feed in polling.due():
                _report(polling.poll(feed, policy, schedule))
            wait = polling.seconds_to_next(schedule)
        if once:
            return
        time.sleep(min(max(wait, 1.0), 60.0))


def _report(polled: polling.Polled) -> None:
    feed = polled.feed
    said = f"error: {feed.last_error}" if feed.last_status == "error" else feed.last_status
    click.echo(f"{feed.url}: {said}, {polled.stored} new articles")
    for url, why in polled.skipped:
        click.echo(f"  skipped {url}: {why}")


@click.command("serve")
@click.option("--host", default=None, help="Bind address (default TIMELINE_HOST, 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default TIMELINE_PORT, 8000).")
@click.option("--workers", type=int, default=None, help="Worker processes (default 2).")
@click.option("--threads", type=int, default=None, help="Threads per worker (default 4).")
@with_appcontext
def serve_command(
    host: str | None, port: int | None, workers: int | None, threads: int | None
) -> None:
    """Serve the API with granian (or gunicorn: TIMELINE_SERVER), a production WSGI server."""
    from .edge.server import run

    config = current_app.config
    create_tables()
    run(
        host or config["HOST"],
        port or config["PORT"],
        workers or config["WORKERS"],
        threads or config["THREADS"],
        config["SERVER"],
        has_tokens=bool(current_app.extensions["timeline_tokens"]),
        max_connections=int(config["MAX_CONNECTIONS"]),
        share_port=bool(config["SHARE_PORT"]),
    )


def _safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':')[0]}@{host}"
    return url


@click.command("routes")
@with_appcontext
def routes_command() -> None:
    """List the URL rules: methods, path, endpoint."""
    rules = sorted(current_app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint))
    for rule in rules:
        methods = ",".join(sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}))
        click.echo(f"{methods:<18} {rule.rule:<44} {rule.endpoint}")


COMMANDS = (
    init_db_command,
    seed_command,
    ingest_command,
    watch_command,
    serve_command,
    routes_command,
    worker_command,
)


def register_cli(app: Flask) -> None:
    """The same commands under ``flask --app service`` (and Flask's test CLI runner)."""
    for command in COMMANDS:
        app.cli.add_command(command)


def _create_app() -> Flask:
    """The app, built as a server worker builds it (by the factory's name: the commands do not
    import the factory that registers them)."""
    from .edge.server import create_app

    return create_app()


@click.group("timeline", context_settings={"help_option_names": ["-h", "--help"]})
@click.pass_context
def main(ctx: click.Context) -> None:
    """Event timeline: ingest news articles and serve their dated events.

    Settings come from TIMELINE_* environment variables (see the README).
    """
    if ctx.find_object(ScriptInfo) is None:
        ctx.obj = ScriptInfo(create_app=_create_app, set_debug_flag=False)


for _command in COMMANDS:
    main.add_command(_command)
