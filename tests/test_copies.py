"""One happening, one stored event, across articles: near-identical copies of an article (a
wire copy with a prefix) merge every event; different happenings of one day and type, or
sentences that only end alike, stay apart (service.write.copies)."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.write import copies
from service.write.sources import read_files

NEWS = sorted(
    (Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "news").glob("*.json")
)
PREFIX = "UPDATE 1 -- "  # 12 characters, as a second wire copy carries


def post(client, article: dict) -> dict:
    response = client.post("/api/v1/articles", json=article)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def every_event(client) -> list[dict]:
    return client.get("/api/v1/events?limit=500").get_json()["data"]


def test_near_identical_copies_merge_every_event(client):
    corpus = [raw for _, raw, error in read_files(NEWS) if error is None]
    assert len(corpus) >= 10
    originals = [post(client, article)["id"] for article in corpus]
    before = every_event(client)
    assert before
    copied = [
        post(client, {**article, "text": PREFIX + article["text"]})["id"] for article in corpus
    ]
    after = every_event(client)
    assert len(after) == len(before), "a copy stored an event twice"
    # and every event told by an original is told by its copy too: no copy event left apart
    pairs = dict(zip(originals, copied, strict=True))
    for e in after:
        sources = {m["article_id"] for m in e["mentions"]}
        assert {pairs[a] for a in sources if a in pairs} <= sources, e["title"]


@pytest.mark.parametrize(
    "first, second",
    [
        (
            "Shares in Acme Corp rose 5 percent on Monday after the company said it would cut "
            "500 jobs in Ohio.",
            "Shares in Bolt Industries fell 5 percent on Monday after the company said it would "
            "cut 500 jobs in Ohio.",
        ),
        (
            "Floods killed 12 people in northern Italy on Monday, officials said.",
            "An earthquake killed 30 people in southern Peru on Monday, officials said.",
        ),
    ],
)
def test_different_happenings_of_one_day_stay_apart(client, first, second):
    a = post(client, {"text": first, "published_at": "2024-05-21", "source": "Reuters"})
    b = post(client, {"text": second, "published_at": "2024-05-21", "source": "AP"})
    assert a["events"] and b["events"]
    for e in every_event(client):
        sources = {m["article_id"] for m in e["mentions"]}
        assert sources != {a["id"], b["id"]}, f"wrong merge: {e['title']}"


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("The rand fell on Tuesday.", "The rand fell on Tuesday.", True),
        ("UPDATE 1 -- The rand fell on Tuesday.", "The rand fell on Tuesday.", True),
        ("The rand fell on Tuesday.", "UPDATE 1 -- The rand fell on Tuesday.", True),
        (
            "Acme rose after it said it would cut jobs.",
            "Bolt fell after it said it would cut jobs.",
            False,
        ),
        ("The grand fell on Tuesday.", "The rand fell on Tuesday.", False),
    ],
)
def test_a_copy_is_the_sentence_or_the_sentence_after_a_prefix(a, b, same):
    assert copies.copied(copies.words(a), copies.words(b)) is same


def test_fingerprints_read_the_tail_and_skip_short_sentences():
    long = "South Africa's rand fell to its weakest level in two years on Tuesday."
    assert copies.fingerprint(long) == copies.fingerprint("UPDATE 2 -- " + long)
    assert copies.fingerprint(long) == copies.fingerprint(long.upper())
    assert copies.fingerprint(long) != copies.fingerprint(long.replace("two", "three"))
    assert copies.fingerprint("He resigned.") is None


def test_init_db_fingerprints_mentions_stored_before_fingerprints(app, client, runner):
    text = "South Africa's rand fell to its weakest level in two years on Tuesday."
    post(client, {"text": text, "published_at": "2024-05-21"})
    with app.app_context():
        from service.storage.models import Mention

        Mention.update(fingerprint=None).execute()
        result = runner.invoke(args=["init-db"])
        assert "Fingerprinted" in result.output
        assert Mention.select().where(Mention.fingerprint.is_null()).count() == 0
    post(client, {"text": PREFIX + text, "published_at": "2024-05-21"})
    events = every_event(client)
    assert len(events) == 1 and len({m["article_id"] for m in events[0]["mentions"]}) == 2
