"""The ``timeline`` command: serve, init-db, seed, ingest (thin: the work is in the pipeline)."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext
from marshmallow import ValidationError

from schemas import ArticleCreateSchema

from . import pipeline, sources
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
    "--published-at",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Publication date of plain-text files (JSON/TimeML files carry their own).",
)
@with_appcontext
def ingest_command(files: tuple[Path, ...], published_at: dt.datetime | None) -> None:
    """Ingest articles from .txt, .json, .jsonl or TimeML .tml files."""
    create_tables()
    counts = _ingest(list(files), published_at.date() if published_at else None)
    if counts["skipped"] and not counts["stored"] and not counts["present"]:
        raise SystemExit(1)


def _ingest(paths: list[Path], published_at: dt.date | None) -> Counter:
    schema = ArticleCreateSchema()
    counts: Counter = Counter(stored=0, present=0, skipped=0, events=0)
    skipped: list[tuple[str, str]] = []
    records = list(sources.read_files(paths, published_at))
    with (
        database.connection_context(),
        click.progressbar(
            records,
            label="Ingesting",
            file=sys.stderr,
            item_show_func=lambda r: r[0][-40:] if r else None,
        ) as bar,
    ):
        for label, raw, error in bar:
            if error is None:
                try:
                    article, created = pipeline.ingest(schema.load(raw))
                except ValidationError as exc:
                    error = _describe(exc.messages)
            if error is not None:
                counts["skipped"] += 1
                skipped.append((label, error))
                continue
            counts["stored" if created else "present"] += 1
            if created:
                counts["events"] += article.mentions.select().count()
    click.echo(
        f"{counts['stored']} stored ({counts['events']} event mentions), "
        f"{counts['present']} already present, {counts['skipped']} skipped"
    )
    for label, reason in skipped:
        click.echo(f"skipped {label}: {reason}")
    return counts


def _describe(messages: dict | list) -> str:
    if isinstance(messages, dict):
        return "; ".join(
            f"{k}: {' '.join(map(str, v)) if isinstance(v, list) else v}"
            for k, v in messages.items()
        )
    return " ".join(map(str, messages))


@click.command("serve")
@click.option("--host", default=None, help="Bind address (default TIMELINE_HOST, 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default TIMELINE_PORT, 8000).")
@click.option("--workers", type=int, default=None, help="Worker processes (default 2).")
@with_appcontext
def serve_command(host: str | None, port: int | None, workers: int | None) -> None:
    """Serve the API with gunicorn, the production WSGI server."""
    from .server import run

    config = current_app.config
    create_tables()
    run(
        host or config["HOST"],
        port or config["PORT"],
        workers or config["WORKERS"],
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
