"""The ``timeline`` command: serve, init-db, seed, ingest (thin: the work is in the pipeline)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections import Counter
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext

from . import bulk, sources
from .db import create_tables, database


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create the tables and indexes that do not exist yet (never drops data)."""
    create_tables()
    click.echo(f"Database ready: {_safe_url(current_app.config['DATABASE_URL'])}")


@click.command("seed")
@click.option(
    "--dir",
    "folder",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default="seeds",
    show_default=True,
    help="Folder of seed *.json metadata files.",
)
@with_appcontext
def seed_command(folder: Path) -> None:
    """Load the seed articles (each *.json beside its text file); already loaded ones are kept."""
    create_tables()
    _ingest(sorted(folder.glob("*.json")), None)


@click.command("ingest")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
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
    help="Publication date of plain-text files (JSON/TimeML files carry their own).",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="Processes extracting events while this one stores them "
    "(default: every core when there are more than two batches, else 1).",
)
@with_appcontext
def ingest_command(
    files: tuple[Path, ...], batch_size: int, published_at: dt.datetime | None, jobs: int | None
) -> None:
    """Ingest articles from .txt, .json, .jsonl or TimeML .tml files (re-run to resume)."""
    create_tables()
    day = published_at.date() if published_at else None
    counts = _ingest(list(files), day, batch_size, jobs)
    if counts["skipped"] and not counts["stored"] and not counts["present"]:
        raise SystemExit(1)


def _ingest(
    paths: list[Path], published_at: dt.date | None, batch_size: int = 20, jobs: int | None = 1
) -> Counter:
    records = list(sources.read_files(paths, published_at))
    if jobs is None:
        jobs = (os.cpu_count() or 1) if len(records) > 2 * batch_size else 1
    with (
        database.connection_context(),
        click.progressbar(length=len(records), label="Ingesting", file=sys.stderr) as bar,
    ):
        outcome = bulk.ingest_records(
            records,
            current_app.config["MAX_ARTICLE_CHARS"],
            batch_size,
            lambda: bar.update(1),
            jobs,
        )
    counts = outcome.counts
    click.echo(
        f"{counts['stored']} stored ({counts['events']} event mentions), "
        f"{counts['present']} already present, {counts['skipped']} skipped"
    )
    for label, reason in outcome.skipped:
        click.echo(f"skipped {label}: {reason}")
    return counts


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
    from .server import run

    config = current_app.config
    create_tables()
    run(
        host or config["HOST"],
        port or config["PORT"],
        workers or config["WORKERS"],
        threads or config["THREADS"],
        config["SERVER"],
    )


def _safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':')[0]}@{host}"
    return url


def register_cli(app: Flask) -> None:
    for command in (init_db_command, seed_command, ingest_command, serve_command):
        app.cli.add_command(command)


def _create_app() -> Flask:
    from . import create_app

    return create_app()


main = FlaskGroup(
    create_app=_create_app,
    add_version_option=False,
    load_dotenv=False,
    help="Event timeline: ingest news articles and serve their dated events.",
)
