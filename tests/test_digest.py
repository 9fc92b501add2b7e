"""The digest (GET /digest) and the importance it ranks by (service.write.importance): dates
chosen by the weight of their events, in date order; weights kept current as articles arrive
and are deleted. Articles are stored with hand-made events (no NLP), so each weight is known."""

from __future__ import annotations

import datetime as dt

import pytest

from service.events.model import Actor, Event, EventDate, Mention
from service.read.digest import BURST
from service.storage import writes
from service.write import importance, pipeline

from .test_errors import assert_problem

PUBLISHED = dt.date(2024, 5, 20)


def event(day: str, title: str, offset: int = 0, precision: str = "day") -> Event:
    start = dt.date.fromisoformat(day)
    end = start if precision == "day" else start + dt.timedelta(days=30)
    date = EventDate(day, day, day, start, end, precision, False, "expression")
    sentence = f"{title} on {day}."
    mention = Mention(sentence, offset, offset + len(sentence), offset, offset + len(title))
    actor = Actor(key=f"org:{title.split()[0].lower()}", name=title.split()[0], kind="organisation")
    return Event(title, sentence, "statement", None, (actor,), date, (mention,), salience=0.5)


def store(
    events: list[Event], source: str | None, text: str = "x" * 400, published=PUBLISHED
) -> int:
    """Store an article with ``events`` (its text says nothing: only offsets matter here)."""
    data = {
        "text": f"{text} {source} {len(events)} {events[0].title} {events[0].date.start}",
        "published_at": published,
        "source": source,
        "title": None,
        "url": None,
    }
    prepared = pipeline.Prepared(data, pipeline.content_hash(data["text"]), events)
    with writes.write_transaction():
        return pipeline.store(prepared).id


@pytest.fixture
def story(app):
    """Three dates: May 10 told by three outlets, May 12 by one outlet three times, May 14 by
    one article telling four things of that day."""
    with app.app_context():
        for source in ("Reuters", "BBC", "Guardian"):
            store([event("2024-05-10", "Ministers resigned")], source)
        for n in range(3):
            store(
                [event("2024-05-12", "Parliament voted", offset=10 * n)], "BBC", text=f"{n}" * 400
            )
        store([event("2024-05-14", f"Company{n} announced things") for n in range(4)], "AP")
    return app


def test_distinct_outlets_count_more_than_repeats_of_one():
    one_outlet = importance.weigh([("bbc", 1.0)] * 3, "day")
    three_outlets = importance.weigh([("bbc", 1.0), ("reuters", 1.0), ("ap", 1.0)], "day")
    assert three_outlets == 3.0 and one_outlet == 1.0 + 2 * importance.REPEAT
    assert three_outlets > one_outlet > importance.weigh([("bbc", 1.0)], "day")


def test_early_reports_and_precise_dates_weigh_more():
    assert importance.earliness(0, 1000) == 1.0
    assert importance.earliness(900, 1000) < importance.earliness(100, 1000) < 1.0
    assert importance.earliness(1000, 1000) == 1.0 - importance.LATE
    day, month, year = (importance.weigh([("bbc", 1.0)], p) for p in ("day", "month", "year"))
    assert day > month > year > importance.weigh([("bbc", 1.0)], "decade") > 0


def test_the_digest_picks_the_weightiest_dates_in_date_order(client, story):
    body = client.get("/api/v1/digest?dates=2").get_json()
    assert [d["date"] for d in body["dates"]] == ["2024-05-10", "2024-05-12"]
    assert [d["precision"] for d in body["dates"]] == ["day", "day"]
    assert body["dates"][0]["weight"] > body["dates"][1]["weight"]
    told = body["dates"][0]["events"]
    assert len(told) == 1 and told[0]["title"] == "Ministers resigned"
    assert {m["article"]["source"] for m in told[0]["mentions"]} == {"Reuters", "BBC", "Guardian"}
    # one article telling four things of a day weighs like one article about that day
    every = client.get("/api/v1/digest").get_json()["dates"]
    weights = {d["date"]: d["weight"] for d in every}
    assert weights["2024-05-14"] == pytest.approx(1.0)


def test_per_date_and_the_filters(client, story):
    body = client.get("/api/v1/digest?from=2024-05-13&per_date=3").get_json()
    assert [d["date"] for d in body["dates"]] == ["2024-05-14"]
    assert len(body["dates"][0]["events"]) == 3
    body = client.get("/api/v1/digest?q=parliament").get_json()
    assert [d["date"] for d in body["dates"]] == ["2024-05-12"]
    body = client.get("/api/v1/digest?actor=org:ministers").get_json()
    assert [d["date"] for d in body["dates"]] == ["2024-05-10"]
    assert client.get("/api/v1/digest?to=2024-05-01").get_json() == {"dates": []}


def test_weights_stay_current_when_articles_are_deleted(client, story):
    before = {d["date"]: d for d in client.get("/api/v1/digest").get_json()["dates"]}
    articles = {m["article_id"] for m in before["2024-05-10"]["events"][0]["mentions"]}
    for article_id in sorted(articles)[:2]:
        assert client.delete(f"/api/v1/articles/{article_id}").status_code == 204
    after = client.get("/api/v1/digest?dates=1").get_json()["dates"]
    assert after[0]["date"] == "2024-05-12"  # May 10 is now told by one outlet only
    weights = {d["date"]: d["weight"] for d in client.get("/api/v1/digest").get_json()["dates"]}
    assert weights["2024-05-10"] == pytest.approx(before["2024-05-10"]["weight"] / 3)


def test_coarser_dates_only_when_asked(client, app):
    with app.app_context():
        store([event("2024-03-01", "Inflation rose", precision="month")], "BBC")
        store([event("2024-03-05", "Rates fell")], "BBC")
    days = client.get("/api/v1/digest").get_json()["dates"]
    assert [(d["date"], d["precision"]) for d in days] == [("2024-03-05", "day")]
    months = client.get("/api/v1/digest?precision=month").get_json()["dates"]
    assert [(d["date"], d["precision"]) for d in months] == [
        ("2024-03-01", "month"),
        ("2024-03-05", "day"),
    ]


def test_conditional_get(client, story):
    first = client.get("/api/v1/digest?dates=2")
    again = client.get("/api/v1/digest?dates=2", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


@pytest.mark.parametrize("query", ["dates=0", "per_date=21", "precision=century", "page=2"])
def test_bad_arguments_are_422_problems(client, query):
    assert_problem(client.get(f"/api/v1/digest?{query}"), 422)


def test_documented(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/digest"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"q", "actor", "type", "from", "to", "dates", "per_date", "precision"} <= names


def test_init_db_weighs_events_stored_before_weights(app, runner):
    with app.app_context():
        store([event("2024-05-10", "Ministers resigned")], "BBC")
        from service.storage.models import Event as Row

        Row.update(weight=None).execute()
        result = runner.invoke(args=["init-db"])
        assert "Weighed 1 events" in result.output
        assert Row.get().weight == pytest.approx(1.0)


# What the digest shows of a date: the sentence of the report that reads best as a timeline's
# entry (invented rows: full reports of what happened read 1, the rest less).
READS_WELL = [
    "The doctor was charged with involuntary manslaughter in Los Angeles on Monday.",
    "Rebels seized the airport after two days of fighting, officials said.",
    "Oil prices rose 3% after the cartel agreed to cut output by a million barrels a day.",
]
READS_LESS = [
    "He denies it.",  # a fragment
    "12 May 2011 Last updated at 14:59 GMT Help The court heard the doctor had left the room.",
    '"I am an innocent man," the doctor told the court on Tuesday in Los Angeles.',
    "Quake kills thousands Rescue teams from around the world arrived on Thursday "
    + "with dogs and lifting gear "
    + "as the death toll rose and aid agencies warned of disease in the camps where many "
    + "thousands of people were sleeping in the open for a third night running",  # glued
]


@pytest.mark.parametrize("sentence", READS_WELL)
def test_full_reports_read_well(sentence):
    assert importance.reading(sentence) == 1.0


@pytest.mark.parametrize("sentence", READS_LESS)
def test_fragments_furniture_quotes_and_glued_text_read_less(sentence):
    assert importance.reading(sentence) < 1.0


MAY_10 = dt.date(2024, 5, 10)
PREVIEW = "The minister will resign on 10 May, his office said in a statement."
REPORT = "The minister resigned on Friday after a week of protests in the capital."


def test_a_report_after_the_date_replaces_a_preview_from_another_article():
    Report = importance.Report
    reports = [Report(1, PREVIEW, dt.date(2024, 5, 8)), Report(2, REPORT, dt.date(2024, 5, 10))]
    assert importance.shown_report(PREVIEW, reports, MAY_10) == (REPORT, 1.0)
    # the report stays once shown, and a report no better does not replace it
    again = [*reports, Report(3, "The minister resigned on Friday after protests.", MAY_10)]
    assert importance.shown_report(REPORT, again, MAY_10)[0] == REPORT


def test_one_articles_event_keeps_its_sentence():
    Report = importance.Report
    reports = [Report(1, PREVIEW, dt.date(2024, 5, 8)), Report(1, "Quiet.", dt.date(2024, 5, 8))]
    assert importance.shown_report(PREVIEW, reports, MAY_10) == (PREVIEW, importance.PREVIEW)


def test_a_deleted_articles_sentence_gives_way_to_the_best_left():
    reports = [importance.Report(2, "He quit.", MAY_10), importance.Report(3, REPORT, MAY_10)]
    assert importance.shown_report(PREVIEW, reports, MAY_10)[0] == REPORT
    assert importance.shown_report(PREVIEW, [], MAY_10) == (PREVIEW, 1.0)


def test_a_lead_reads_better_than_the_same_words_late_in_an_article():
    lead, late = (importance.Report(1, REPORT, MAY_10, at) for at in (0.0, 0.9))
    assert importance.report_reading(lead, MAY_10) > importance.report_reading(late, MAY_10)
    assert importance.report_reading(lead, MAY_10) == 1.0
    # another article's report, though not its lead, reads better than the summary's
    Report = importance.Report
    reports = [Report(1, PREVIEW, MAY_10, 0.95), Report(2, REPORT, MAY_10, 0.5)]
    assert importance.shown_report(PREVIEW, reports, MAY_10)[0] == REPORT


def told(day: str, sentence: str, actor: str) -> Event:
    """An event of ``day`` told by ``sentence`` (``actor`` tells the happenings apart)."""
    start = dt.date.fromisoformat(day)
    date = EventDate(day, day, day, start, start, "day", False, "expression")
    mention = Mention(sentence, 0, len(sentence), 0, len(sentence))
    who = Actor(key=f"person:{actor}", name=actor, kind="person")
    return Event(sentence[:40], sentence, "statement", None, (who,), date, (mention,), 0.5)


def test_a_dates_events_are_shown_by_how_well_they_read(client, app):
    with app.app_context():
        store([told("2024-05-10", REPORT, "minister")], "BBC")
        store([told("2024-05-10", "He denies it.", "rival")], "Reuters")
    body = client.get("/api/v1/digest?per_date=2").get_json()
    shown = [e["summary"] for e in body["dates"][0]["events"]]
    assert shown == [REPORT, "He denies it."]
    assert client.get("/api/v1/digest").get_json()["dates"][0]["events"][0]["summary"] == REPORT


def test_the_summary_is_the_best_report_of_the_stored_event(client, app):
    with app.app_context():
        first = store(
            [told("2024-05-10", PREVIEW, "minister")], "BBC", published=dt.date(2024, 5, 8)
        )
        store([told("2024-05-10", REPORT, "minister")], "Reuters", published=MAY_10)
    day = client.get("/api/v1/digest").get_json()["dates"][0]
    assert [e["summary"] for e in day["events"]] == [REPORT]
    assert len({m["article_id"] for m in day["events"][0]["mentions"]}) == 2
    # the report's article deleted, the preview is all that is left to show
    reported = {m["article_id"] for m in day["events"][0]["mentions"]} - {first}
    assert client.delete(f"/api/v1/articles/{reported.pop()}").status_code == 204
    day = client.get("/api/v1/digest").get_json()["dates"][0]
    assert [e["summary"] for e in day["events"]] == [PREVIEW]


def test_the_dates_kept_sums_follow_every_write(client, app, story):
    """The unfiltered digest reads the dates' kept sums (DayWeight): they stay the sums of
    the events' weights as articles are stored and deleted, events edited and merged."""
    from service.read import digest as reading
    from service.storage.models import DayWeight
    from service.storage.models import Event as Row

    def sums_agree():
        with app.app_context():
            for precision in ("day", "month"):
                args = {"dates": 200, "precision": precision}
                ranks = list(range(reading.precision_rank(precision) + 1))
                kept = {k: t for k, t, _ in reading._day_totals(args, ranks, 200)}
                summed = {k: t for k, t, _ in reading._totals(args, ranks, 200)}
                assert kept.keys() == summed.keys()
                assert all(kept[k] == pytest.approx(summed[k]) for k in kept)
            assert DayWeight.select().where(DayWeight.events <= 0).count() == 0

    sums_agree()
    with app.app_context():
        store([event("2024-04-01", "Inflation rose", precision="month")], "BBC")
        ids = [e.id for e in Row.select().order_by(Row.id)]
    sums_agree()
    day = client.get("/api/v1/digest").get_json()["dates"][0]
    assert client.delete(f"/api/v1/articles/{day['events'][0]['mentions'][0]['article_id']}")
    sums_agree()
    edited = client.patch(
        f"/api/v1/events/{ids[-1]}",
        json={"date": {"value": "2024-04-03"}, "reason": "the report names the day"},
    )
    assert edited.status_code == 200, edited.get_json()
    sums_agree()
    merged = client.post(
        f"/api/v1/events/{ids[-2]}/merge", json={"into": ids[0], "reason": "one happening"}
    )
    assert merged.status_code in (200, 201), merged.get_json()
    sums_agree()
    # an event not yet weighed (stored before weights, or written by hand) counts as 0 on both
    # paths, so its date is found by the unfiltered digest as by a filtered one
    with app.app_context():
        Row.update(weight=None).where(Row.id == ids[0]).execute()
        Row.insert(
            {
                **{
                    f.name: getattr(Row.get_by_id(ids[0]), f.name)
                    for f in Row._meta.sorted_fields
                    if f.name != "id"
                },
                "weight": None,
                "sort_date": dt.date(2024, 3, 3),
            }
        ).execute()
    sums_agree()


def test_a_dates_events_are_told_in_different_words(client, app):
    retold = "The minister resigned on Friday after a week of protests in the capital city."
    with app.app_context():
        store([told("2024-05-10", REPORT, "minister")], "BBC")
        store([told("2024-05-10", retold, "aide")], "Reuters")
        store(
            [told("2024-05-10", "Protesters marched to the parliament and lit fires.", "b")], "AP"
        )
    shown = client.get("/api/v1/digest?per_date=2").get_json()["dates"][0]["events"]
    summaries = {e["summary"] for e in shown}
    assert len(shown) == 2 and "Protesters marched to the parliament and lit fires." in summaries
    assert len(summaries & {REPORT, retold}) == 1  # the retold report is told once


def test_a_day_reported_on_outweighs_a_day_only_told_of(client, app):
    """Burst dates: each article published on a day adds BURST to its weight in the unfiltered
    digest. Each event is told by one article's lead (weight 1): May 10 and May 14 have two
    events each, May 12 one, but three articles are published on May 12, so it is chosen
    first. May 13 and June 1, published on but with no event of their own, are no key dates."""
    with app.app_context():
        for source, day, title, published in [
            ("Reuters", "2024-05-10", "Ministers resigned", "2024-06-01"),
            ("BBC", "2024-05-12", "Parliament voted", "2024-05-12"),
            ("AP", "2024-05-14", "Company announced", "2024-05-12"),
            ("DPA", "2024-05-14", "Union announced", "2024-05-12"),
            ("AFP", "2024-05-10", "Police arrested", "2024-05-13"),
        ]:
            store([event(day, title)], source, published=dt.date.fromisoformat(published))
    one = client.get("/api/v1/digest?dates=1").get_json()["dates"]
    assert [(d["date"], d["weight"]) for d in one] == [("2024-05-12", 1.0 + 3 * BURST)]
    every = client.get("/api/v1/digest?dates=10").get_json()["dates"]
    assert [d["date"] for d in every] == ["2024-05-10", "2024-05-12", "2024-05-14"]
    assert [d["weight"] for d in every] == pytest.approx([2.0, 1.0 + 3 * BURST, 2.0])
    # a filtered digest weighs the events it selects alone
    typed = client.get("/api/v1/digest?dates=1&type=statement").get_json()["dates"]
    assert [(d["date"], d["weight"]) for d in typed] == [("2024-05-10", 2.0)]
    # the window holds the days counted
    late = client.get("/api/v1/digest?dates=1&from=2024-05-13").get_json()["dates"]
    assert [(d["date"], d["weight"]) for d in late] == [("2024-05-14", 2.0)]
