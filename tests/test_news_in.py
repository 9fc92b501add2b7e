"""News in, end to end (issue 25): folders, .html pages, feed files (RSS 2.0, RSS 1.0, Atom),
feed and page URLs and WARC archives go through ``timeline ingest`` to stored, dated events;
each skipped item says why; a re-run fetches nothing again."""

from __future__ import annotations

import shutil

import pytest

from service.storage.connection import database
from service.storage.models import Article, Mention
from tests.webserver import WEB, FixtureServer, build_warc

DATED = {  # the fixture pages that carry a date, and that date
    "harbour-strike": "2025-03-12",
    "rail-tender": "2024-11-05",
    "flood-warning": "2024-01-18",
    "museum-reopening": "2025-06-21",
}


@pytest.fixture(scope="module")
def web():
    with FixtureServer(slow_seconds=2.0) as server:
        yield server


@pytest.fixture
def local_app(app):
    """The app, allowed to fetch from the fixture server's host (127.0.0.1)."""
    app.config["FETCH_ALLOW_HOSTS"] = ["127.0.0.1"]
    app.config["FETCH_TIMEOUT"] = 1.0
    return app


def stored(app) -> dict[str, tuple[str, int]]:
    """Title -> (publication date, dated events mentioned) of every stored article."""
    with app.app_context(), database.connection_context():
        found = {}
        for article in Article.select():
            mentions = Mention.select().where(Mention.article == article)
            dated = [m for m in mentions if m.event.date_value]
            found[article.title] = (article.published_at.isoformat(), len(dated))
        return found


def ingest(runner, *args):
    return runner.invoke(args=["ingest", *map(str, args)])


def assert_dated_events(found: dict, titles_dates: dict[str, str]) -> None:
    for title, date in titles_dates.items():
        assert title in found, (title, sorted(found))
        assert found[title][0] == date
        assert found[title][1] > 0, f"no dated event stored from {title!r}"


TITLES = {
    "harbour-strike": "Dock workers end strike at Kellport harbour",
    "rail-tender": "Northline picks builder for the Arven rail tunnel",
    "flood-warning": "River Sallow flood defences tested as water rises",
    "museum-reopening": "The Vester Museum reopens after a three-year renovation",
    "undated-bakery": "Bakery on Elm Street changes hands",
}


def test_a_folder_recursively(local_app, runner, tmp_path):
    (tmp_path / "news" / "2025").mkdir(parents=True)
    for name in DATED:
        folder = tmp_path / "news" / ("2025" if name.endswith("strike") else "")
        shutil.copy(WEB / "pages" / f"{name}.html", folder / f"{name}.html")
    shutil.copy(WEB / "pages" / "undated-bakery.html", tmp_path / "news" / "bakery.htm")
    (tmp_path / "news" / "notes.md").write_text("not an article")
    (tmp_path / "news" / ".hidden.html").write_text("<p>never read</p>")
    result = ingest(runner, tmp_path / "news")
    assert result.exit_code == 1, result.output  # the undated page is skipped
    assert "4 stored" in result.output and "1 skipped" in result.output
    assert "bakery.htm: the page gives no publication date" in result.output
    assert "notes.md: ignored" in result.output and ".hidden" not in result.output
    assert_dated_events(stored(local_app), {TITLES[n]: d for n, d in DATED.items()})
    again = ingest(runner, "--published-at", "2025-02-01", tmp_path / "news")
    assert "1 stored" in again.output and "4 already present" in again.output
    assert again.exit_code == 0, again.output
    assert stored(local_app)[TITLES["undated-bakery"]][0] == "2025-02-01"


def test_one_html_file_keeps_the_page_s_published_and_updated_dates(local_app, runner, client):
    result = ingest(runner, WEB / "pages" / "rail-tender.html")
    assert result.exit_code == 0, result.output
    assert_dated_events(stored(local_app), {TITLES["rail-tender"]: "2024-11-05"})
    (article,) = client.get("/api/v1/articles").get_json()["data"]
    assert (article["published_at"], article["modified_at"]) == ("2024-11-05", "2024-11-06")


@pytest.mark.parametrize(
    "feed, pages",
    [
        ("courier.rss", ["harbour-strike", "undated-bakery"]),  # RSS 2.0
        ("gazette.rdf", ["flood-warning"]),  # RSS 1.0
        ("culture.atom", ["museum-reopening", "rail-tender"]),  # Atom
    ],
)
def test_a_feed_file_and_a_feed_url(local_app, runner, tmp_path, web, feed, pages):
    path = tmp_path / feed
    path.write_bytes(web.feed(feed))
    result = ingest(runner, path)
    assert result.exit_code == 0, result.output
    assert f"{len(pages)} stored" in result.output
    expected = {TITLES[p]: DATED.get(p, "2025-02-04") for p in pages}  # the feed's date
    assert_dated_events(stored(local_app), expected)
    fetched = {p: web.asked(f"/pages/{p}.html") for p in pages}
    again = ingest(runner, f"{web.base}/feeds/{feed}")  # by URL: nothing fetched twice
    assert again.exit_code == 0, again.output
    assert "0 stored" in again.output and "not fetched again" in again.output
    assert {p: web.asked(f"/pages/{p}.html") for p in pages} == fetched


def test_the_feed_date_is_used_only_when_the_page_has_none_and_said(local_app, runner, web):
    result = ingest(runner, f"{web.base}/feeds/courier.rss")
    assert result.exit_code == 0, result.output
    found = stored(local_app)
    assert found[TITLES["harbour-strike"]][0] == "2025-03-12"  # the page's, not the feed's
    assert found[TITLES["undated-bakery"]][0] == "2025-02-04"  # the feed's: the page has none
    result = ingest(runner, "--batch-size", "1", f"{web.base}/feeds/courier.rss")
    assert result.exit_code == 0


def test_a_page_url(local_app, runner, web):
    result = ingest(runner, f"{web.base}/pages/flood-warning.html")
    assert result.exit_code == 0, result.output
    assert_dated_events(stored(local_app), {TITLES["flood-warning"]: "2024-01-18"})
    with local_app.app_context(), database.connection_context():
        assert Article.get().url == f"{web.base}/pages/flood-warning.html"


@pytest.mark.parametrize("name", ["news.warc.gz", "news.warc"])
def test_a_web_archive(local_app, runner, tmp_path, web, name):
    archive = build_warc(tmp_path / name, "https://archive.example", [*DATED, "undated-bakery"])
    result = ingest(runner, archive)
    assert result.exit_code == 1, result.output
    assert "4 stored" in result.output and "3 skipped" in result.output
    assert "https://archive.example/old: archived response is HTTP 301" in result.output
    assert "logo.png: not a web page (image/png)" in result.output
    assert "undated-bakery.html: the page gives no publication date" in result.output
    assert_dated_events(stored(local_app), {TITLES[n]: d for n, d in DATED.items()})


def test_each_url_that_cannot_be_fetched_says_why(local_app, runner, web):
    result = ingest(
        runner,
        f"{web.base}/loop/a",
        f"{web.base}/slow",
        f"{web.base}/huge",
        f"{web.base}/image.png",
        f"http://localhost:{web.port}/pages/rail-tender.html",
        WEB / "pages" / "harbour-strike.html",
    )
    assert result.exit_code == 1
    assert "1 stored" in result.output and "5 skipped" in result.output
    for why in ("redirect loop", "timed out", "larger than", "content type 'image/png'",
                "private, loopback or link-local"):  # fmt: skip
        assert why in result.output


def test_a_missing_path_is_a_usage_error(runner, tmp_path):
    result = ingest(runner, tmp_path / "nope")
    assert result.exit_code == 2 and "no such file or folder" in result.output


def test_help_lists_every_input_kind(runner):
    text = runner.invoke(args=["ingest", "--help"]).output
    for kind in ("FOLDER", ".txt", ".json", ".jsonl", ".tml", ".html", ".rss", ".atom", ".rdf",
                 ".warc", "http(s)://"):  # fmt: skip
        assert kind in text


def test_a_page_in_two_feeds_of_one_run_is_fetched_once(local_app, runner, web):
    before = web.asked("/pages/rail-tender.html")
    result = ingest(runner, f"{web.base}/feeds/culture.atom", f"{web.base}/pages/rail-tender.html")
    assert result.exit_code == 0, result.output
    assert "2 stored" in result.output and "already read in this run" in result.output
    assert web.asked("/pages/rail-tender.html") == before + 1


def test_a_page_the_html_libraries_choke_on_is_one_skip_not_the_run(local_app, runner, monkeypatch):
    from service.write import pages

    read = pages.read_page

    def choke_on_the_flood(html, url=None):
        if b"Sallow" in html:
            raise RuntimeError("parser exploded")
        return read(html, url)

    monkeypatch.setattr(pages, "read_page", choke_on_the_flood)
    result = ingest(
        runner, WEB / "pages" / "flood-warning.html", WEB / "pages" / "rail-tender.html"
    )
    assert result.exit_code == 1
    assert "1 stored" in result.output and "unreadable page: RuntimeError" in result.output
