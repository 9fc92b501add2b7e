"""The ``timeline`` command: init-db, seed, ingest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from service import create_app
from service.storage.models import Article, Mention
from service.storage.schema import create_tables

from . import faults
from .conftest import FIXTURES, SEEDS

TML = """<?xml version="1.0" ?>
<TimeML><DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06"
 functionInDocument="CREATION_TIME">02/06/1998</TIMEX3></DCT>
<TEXT>The ministers met in Paris on
<TIMEX3 tid="t1" type="DATE" value="1998-02-05">Thursday</TIMEX3>.</TEXT>
</TimeML>"""


def article_count(app) -> int:
    with app.app_context():
        return Article.select().count()


def test_init_db_twice(runner):
    for _ in range(2):
        result = runner.invoke(args=["init-db"])
        assert result.exit_code == 0, result.output
        assert "Database ready" in result.output


def test_seed_loads_once(app, runner):
    first = runner.invoke(args=["seed", "--dir", str(SEEDS)])
    assert first.exit_code == 0, first.output
    assert "1 stored" in first.output
    second = runner.invoke(args=["seed", "--dir", str(SEEDS)])
    assert "0 stored" in second.output and "1 already present" in second.output
    assert article_count(app) == 1


def test_ingest_files_of_every_kind_and_report_skips(app, runner, tmp_path):
    (tmp_path / "a.txt").write_text("The summit opened in Rome on Monday.")
    (tmp_path / "b.json").write_text(
        json.dumps(
            [
                {"text": "Talks ended on Friday in Oslo.", "published_at": "2024-03-01"},
                {"text": "No date here."},
            ]
        )
    )
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"text": "Rates rose in May.", "published_at": "2024-06-01"}) + "\n{oops\n"
    )
    (tmp_path / "d.tml").write_text(TML)
    files = [str(tmp_path / n) for n in ("a.txt", "b.json", "c.jsonl", "d.tml")]
    result = runner.invoke(args=["ingest", "--published-at", "2024-01-10", *files])
    assert result.exit_code == 1, result.output  # something was skipped
    assert "4 stored" in result.output and "2 skipped" in result.output
    assert "b.json[2]: published_at" in result.output
    assert "c.jsonl:2: invalid JSON" in result.output
    assert article_count(app) == 4
    again = runner.invoke(args=["ingest", "--published-at", "2024-01-10", *files])
    assert "0 stored" in again.output and "4 already present" in again.output
    assert f"already present {tmp_path / 'a.txt'}: article " in again.output


def test_plain_text_needs_a_publication_date(app, runner, tmp_path):
    (tmp_path / "a.txt").write_text("The summit opened on Monday.")
    result = runner.invoke(args=["ingest", str(tmp_path / "a.txt")])
    assert result.exit_code == 1
    assert "pass --published-at YYYY-MM-DD" in result.output
    assert article_count(app) == 0


def test_ingest_batches_resume_after_a_stop(app, runner, tmp_path, monkeypatch):
    from service.write import bulk, pipeline

    lines = [
        json.dumps(
            {"text": f"Talks number {n} ended in Oslo on Monday.", "published_at": "2024-03-07"}
        )
        for n in range(7)
    ]
    lines.insert(3, lines[0])  # the same text twice: stored once
    (tmp_path / "many.jsonl").write_text("\n".join(lines))
    real_store, stored = pipeline.store, []

    def store_then_crash(prepared):
        if len(stored) == 5:
            raise KeyboardInterrupt  # the operator stops the run in the third batch
        stored.append(prepared)
        return real_store(prepared)

    monkeypatch.setattr(bulk.pipeline, "store", store_then_crash)
    many = ["--batch-size", "2", "--jobs", "1", str(tmp_path / "many.jsonl")]
    crashed = runner.invoke(args=["ingest", *many])
    assert crashed.exit_code != 0
    assert article_count(app) == 4  # two whole batches; the one in flight left nothing
    monkeypatch.setattr(bulk.pipeline, "store", real_store)
    resumed = runner.invoke(args=["ingest", *many])
    assert resumed.exit_code == 0, resumed.output
    assert "3 stored" in resumed.output and "5 already present" in resumed.output
    assert article_count(app) == 7


def test_ingest_refuses_overlong_articles(app, runner, tmp_path):
    app.config["MAX_ARTICLE_CHARS"] = 10
    (tmp_path / "a.json").write_text(json.dumps({"text": "x" * 11, "published_at": "2024-01-01"}))
    result = runner.invoke(args=["ingest", str(tmp_path / "a.json")])
    assert "text: Longer than 10 characters." in result.output
    assert article_count(app) == 0


def _timeline(app) -> list[tuple]:
    client = app.test_client()
    events = client.get("/api/v1/timeline?limit=500").get_json()
    return [
        (e["title"], e["type"], e["date"]["edtf"], sorted(a["id"] for a in e["actors"]))
        for e in events["data"] + events["undated"]
    ]


def test_ingest_with_worker_processes_stores_what_one_process_stores(
    app, runner, tmp_path, database_url
):
    articles = [
        item
        for name in ("elections", "future-plans", "year-boundary", "anniversary")
        for item in json.loads((FIXTURES / "articles" / f"{name}.json").read_text())
    ]
    articles.append(articles[0])  # the same text twice: stored once, whichever process saw it
    (tmp_path / "all.json").write_text(json.dumps(articles))
    args = ["ingest", "--batch-size", "1", str(tmp_path / "all.json")]
    # As a user runs it: its own process. Forking the worker pool from inside this test process
    # (which holds the suite's other threads) deadlocked once in ProcessPoolExecutor's shutdown.
    parallel = subprocess.run(
        [sys.executable, "-c", "from service.cli import main; main()", *args, "--jobs", "2"],
        env={**os.environ, "TIMELINE_DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=240,
    )
    output = parallel.stdout + parallel.stderr
    assert parallel.returncode == 0, output
    assert f"{len(articles) - 1} stored" in output
    assert "1 already present" in output
    expected = _timeline(app)
    assert expected

    # The database proxy is process-wide: the second app takes it over from here on.
    alone = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'one.db'}"})
    with alone.app_context():
        create_tables()
    result = alone.test_cli_runner().invoke(args=[*args, "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert _timeline(alone) == expected


def test_timeline_is_a_plain_group_of_this_services_commands():
    from click.testing import CliRunner

    from service.cli import main

    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0, result.output
    listed = {line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line}
    assert listed == {"serve", "init-db", "seed", "ingest", "watch", "routes", "worker"}
    ran = CliRunner().invoke(main, ["run", "--host", "0.0.0.0"])
    assert ran.exit_code == 2 and "No such command 'run'" in ran.output


def test_commands_log_no_security_warning(tmp_path, monkeypatch, caplog):
    import logging

    from click.testing import CliRunner

    from service.cli import main

    monkeypatch.setenv("TIMELINE_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    monkeypatch.setenv("TIMELINE_HOST", "0.0.0.0")
    monkeypatch.delenv("TIMELINE_API_TOKENS", raising=False)
    with caplog.at_level(logging.WARNING):
        for args in (["--help"], ["init-db"], ["routes"], ["seed", "--dir", str(SEEDS)]):
            result = CliRunner().invoke(main, args)
            assert result.exit_code == 0, (args, result.output)
    assert "TIMELINE_API_TOKENS" not in caplog.text
    assert "/api/v1/articles" in CliRunner().invoke(main, ["routes"]).output


def test_ingest_says_what_a_record_holds_and_its_exit_status(runner):
    text = runner.invoke(args=["ingest", "--help"]).output
    assert '"text" and "published_at"' in text and "Exit status" in text
    assert "needs --published-at" in text


def test_ingest_names_duplicates_and_warns_on_empty_files(app, runner, tmp_path):
    record = {"text": "Talks ended in Oslo on Friday.", "published_at": "2024-03-01"}
    (tmp_path / "two.json").write_text(json.dumps([record, dict(record, title="again")]))
    (tmp_path / "empty.jsonl").write_text("\n")
    result = runner.invoke(
        args=["ingest", str(tmp_path / "two.json"), str(tmp_path / "empty.jsonl")]
    )
    assert result.exit_code == 0, result.output
    assert "1 stored" in result.output and "1 already present" in result.output
    assert f"already present {tmp_path / 'two.json'}[2]: the same text as" in result.output
    assert f"warning: {tmp_path / 'empty.jsonl'}: empty" in result.output
    again = runner.invoke(args=["ingest", str(tmp_path / "two.json")])
    assert "(None)" not in again.output
    assert again.output.count(": article 1") == 2


def test_timeml_keeps_its_title(app, runner, tmp_path):
    (tmp_path / "d.tml").write_text(TML.replace("<TEXT>", "<TITLE> Ministers  meet </TITLE><TEXT>"))
    assert runner.invoke(args=["ingest", str(tmp_path / "d.tml")]).exit_code == 0
    with app.app_context():
        assert Article.get().title == "Ministers meet"


def test_seed_finds_the_project_seeds_from_anywhere(app, runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no ./seeds here
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    assert f"Seeds from {SEEDS}" in result.output and "1 stored" in result.output


def test_seed_says_where_it_looked(app, runner, tmp_path, monkeypatch):
    from service import cli

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cli, "PROJECT_SEEDS", tmp_path / "nowhere")
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 2 and "pass --dir" in result.output


def test_seed_if_empty_loads_only_into_an_empty_database(app, client, runner):
    first = runner.invoke(args=["seed", "--if-empty"])
    assert "1 stored" in first.output
    (article,) = client.get("/api/v1/articles").get_json()["data"]
    assert client.delete(f"/api/v1/articles/{article['id']}").status_code == 204
    client.post(
        "/api/v1/articles", json={"text": "Another text on Monday.", "published_at": "2024-01-01"}
    )
    again = runner.invoke(args=["seed", "--if-empty"])
    assert again.exit_code == 0 and "not loaded" in again.output
    assert article_count(app) == 1  # the deleted seed did not come back


@pytest.mark.parametrize("args", [["worker"], ["ingest", "--queue", "x.json"]])
def test_the_queue_commands_need_a_broker(runner, tmp_path, args):
    (tmp_path / "x.json").write_text('{"text": "Talks ended.", "published_at": "2024-01-01"}')
    args = [str(tmp_path / a) if a.endswith(".json") else a for a in args]
    result = runner.invoke(args=args)
    assert result.exit_code == 2 and "TIMELINE_BROKER_URL" in result.output


def test_the_ingest_eta_leaves_out_the_warm_up():
    """Issue 23: a 40-second run showed 40 minutes left while the workers loaded the model."""
    from service.cli import Eta

    now = [0.0]
    eta = Eta(100, clock=lambda: now[0])
    now[0] = 30.0  # the first article after 30 s of warm-up
    assert eta.step() == "warming up"
    for _ in range(9):  # then one every 0.2 s
        now[0] += 0.2
        said = eta.step()
    assert said == "about 18 s left"  # 90 articles at 0.2 s, not at 3 s each
    for _ in range(90):
        said = eta.step()
    assert said == ""


def _with_a_bad_article(tmp_path) -> Path:
    good = [
        {"text": "The summit opened in Rome on Monday.", "published_at": "2024-01-10"},
        {"text": "Talks ended on Friday in Oslo.", "published_at": "2024-01-10"},
    ]
    path = tmp_path / "three.json"
    path.write_text(
        json.dumps([good[0], {"text": faults.BAD_TEXT, "published_at": "2024-01-10"}, good[1]])
    )
    return path


def _only_the_good_stored(app, output: str, path: Path) -> None:
    assert "2 stored" in output and "1 skipped" in output, output
    assert f"skipped {path}[2]: " in output and faults.REASON in output, output
    assert "Traceback" not in output
    with app.app_context():
        assert not Article.select().where(Article.text.contains(faults.MARKER)).exists()
        assert Article.select().count() == 2
        orphans = Mention.select().where(Mention.article.not_in(Article.select(Article.id)))
        assert orphans.count() == 0


def test_an_article_extraction_fails_on_is_skipped_with_its_reason(
    app, runner, tmp_path, monkeypatch
):
    """One article's extraction raising refuses that article, not the run (one process)."""
    faults.install(monkeypatch)
    path = _with_a_bad_article(tmp_path)
    result = runner.invoke(args=["ingest", "--batch-size", "2", "--jobs", "1", str(path)])
    assert result.exit_code == 1, result.output  # something was skipped
    _only_the_good_stored(app, result.output, path)


def test_an_article_extraction_fails_on_is_skipped_by_the_worker_processes(
    app, tmp_path, database_url
):
    """The same with ``--jobs 2``: the fault is in a forked extraction worker."""
    path = _with_a_bad_article(tmp_path)
    code = "from tests import faults; faults.install(); from service.cli import main; main()"
    args = ["ingest", "--batch-size", "2", "--jobs", "2", str(path)]
    run = subprocess.run(
        [sys.executable, "-c", code, *args],
        env={**os.environ, "TIMELINE_DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    _only_the_good_stored(app, run.stdout, path)


def test_a_batch_whose_worker_process_failed_is_skipped_whole_saying_why(app):
    """A worker that fails outside the reading of an article (killed: the pool is broken)
    leaves its batch skipped with the reason, not the run stopped."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from service.write import bulk

    batch = [(f"a.json[{n}]", {"text": f"Text {n}."}, f"digest{n}") for n in (1, 2)]
    failed: Future = Future()
    failed.set_exception(BrokenProcessPool("A child process terminated abruptly"))
    outcome = bulk.Outcome()
    with app.app_context():
        bulk._store_done(batch, failed, outcome, lambda: None)
        assert Article.select().count() == 0
    assert (outcome.counts["skipped"], outcome.counts["stored"]) == (2, 0)
    assert [label for label, _ in outcome.skipped] == ["a.json[1]", "a.json[2]"]
    assert all("BrokenProcessPool" in reason for _, reason in outcome.skipped)


def test_an_article_the_database_refuses_a_value_of_is_skipped_saying_why(
    app, runner, tmp_path, monkeypatch
):
    """A value the database refuses (PostgreSQL: a string over its column's length) skips that
    article, nothing of it stored (its savepoint), and the run goes on."""
    import peewee as pw

    from service.write import bulk, pipeline

    real_store = pipeline.store

    def refuse_one(prepared):
        article = real_store(prepared)  # stored, then a later value is refused
        if "Bergen" in prepared.data["text"]:
            raise pw.DataError("value too long for type character varying(120)")
        return article

    monkeypatch.setattr(bulk.pipeline, "store", refuse_one)
    path = tmp_path / "three.json"
    texts = ["Talks ended in Oslo on Monday.", "Talks ended in Bergen on Monday.", "Rates rose."]
    path.write_text(json.dumps([{"text": t, "published_at": "2024-03-07"} for t in texts]))
    result = runner.invoke(args=["ingest", "--batch-size", "3", "--jobs", "1", str(path)])
    assert result.exit_code == 1, result.output
    assert "2 stored" in result.output and "1 skipped" in result.output
    assert f"skipped {path}[2]: the database refused a value of it (value too long" in (
        result.output
    )
    with app.app_context():
        assert sorted(a.text for a in Article.select()) == sorted([texts[0], texts[2]])
        orphans = Mention.select().where(Mention.article.not_in(Article.select(Article.id)))
        assert orphans.count() == 0


def test_ingest_ignores_fields_the_article_schema_does_not_know_and_says_so_once(
    app, runner, tmp_path
):
    """A dataset's own keys (``id``, ``tags``) do not refuse its records on the command line: the
    known fields are read, the others named once at the end; a record lacking a required field
    or with an invalid value is still refused."""
    rows = [
        {"id": "r-1", "text": "Talks ended in Oslo on Monday.", "published_at": "2024-03-07"},
        {"id": "r-2", "tags": ["x"], "text": "Rates rose in Lima.", "published_at": "2024-03-07"},
        {"id": "r-3", "text": "No date here."},
        {"id": "r-4", "text": "Floods hit Dhaka.", "published_at": "yesterday"},
    ]
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    result = runner.invoke(args=["ingest", "--jobs", "1", str(folder)])
    output = result.output
    assert result.exit_code == 1, output  # two records refused
    assert "2 stored" in output and "2 skipped" in output, output
    assert "Unknown field" not in output
    assert f"skipped {folder / 'articles.jsonl'}:3: published_at" in output
    assert f"skipped {folder / 'articles.jsonl'}:4: published_at" in output
    said = "ignored fields not in the article schema: id (4 records), tags (1 record)"
    assert output.rstrip().endswith(said), output
    with app.app_context():
        assert sorted(a.text for a in Article.select()) == [rows[1]["text"], rows[0]["text"]]


def test_ingest_of_records_with_only_known_fields_names_no_ignored_field(app, runner, tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": "Talks ended on Friday.", "published_at": "2024-03-01"}))
    result = runner.invoke(args=["ingest", "--jobs", "1", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 stored" in result.output and "ignored fields" not in result.output


def _ingest_with_killers(tmp_path, database_url, texts: list[str]) -> tuple[Path, str, int]:
    path = tmp_path / "set.json"
    path.write_text(json.dumps([{"text": t, "published_at": "2024-01-10"} for t in texts]))
    code = "from tests import faults; faults.install_killer(); from service.cli import main; main()"
    run = subprocess.run(
        [sys.executable, "-c", code, "ingest", "--batch-size", "1", "--jobs", "2", str(path)],
        env={**os.environ, "TIMELINE_DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=240,
    )
    return path, run.stdout, run.returncode


def test_a_worker_process_that_dies_is_replaced_and_the_run_goes_on(app, tmp_path, database_url):
    """A worker killed (segfault, OOM) refuses the batches in flight in its pool, saying why;
    a new pool reads the rest."""
    texts = [f"Talks ended in town {n} on Monday." for n in range(8)]
    texts[1] = f"Officials in {faults.KILLER} said the talks ended on Tuesday."
    path, output, code = _ingest_with_killers(tmp_path, database_url, texts)
    assert code == 1, output
    assert f"skipped {path}[2]: a worker process died while its batch was read" in output
    assert "stopped:" not in output and "Traceback" not in output
    with app.app_context():
        stored = {a.text for a in Article.select()}
    assert texts[1] not in stored
    assert set(texts[5:]) <= stored  # read by the new pool
    refused = [line for line in output.splitlines() if line.startswith("skipped ")]
    assert len(stored) + len(refused) == len(texts), output  # in flight when it died: refused


def test_a_run_whose_worker_processes_keep_dying_stops_saying_so(app, tmp_path, database_url):
    texts = [f"Officials in {faults.KILLER} met on day {n}." for n in range(12)]
    _, output, code = _ingest_with_killers(tmp_path, database_url, texts)
    assert code == 1, output
    assert "stopped: worker processes died 4 times" in output, output
    assert "records not read (run the command again to resume" in output
    assert "Traceback" not in output
    assert article_count(app) == 0
