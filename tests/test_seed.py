"""The seed article's timeline carries the events the service issue lists, dated as the text
allows and no more precisely (published 2023-12-21; and again as if published on the Wednesday
of the meeting)."""

from __future__ import annotations

import pytest


def timeline(client) -> list[dict]:
    body = client.get("/api/v1/timeline?limit=500").get_json()
    return body["data"] + body["undated"]


def find(
    events: list[dict], *actors: str, types: set[str] | None = None, words: tuple[str, ...] = ()
) -> list[dict]:
    """Events with all these actor ids (and one of the types, and the words in their text)."""
    out = []
    for e in events:
        ids = {a["id"] for a in e["actors"]}
        text = (e["title"] + " " + e["summary"]).lower()
        if (
            set(actors) <= ids
            and (not types or e["type"] in types)
            and all(w in text for w in words)
        ):
            out.append(e)
    return out


def one(events: list[dict], *actors: str, **kwargs) -> dict:
    found = find(events, *actors, **kwargs)
    assert len(found) == 1, [(e["title"], e["type"], e["date"]) for e in found] or events
    return found[0]


def day(event: dict) -> tuple:
    d = event["date"]
    return d["start"], d["end"], d["precision"]


@pytest.fixture
def events(client, seeded):
    return timeline(client)


def test_heads_of_government_meeting_on_wednesday(events):
    meeting = one(events, "person:li-qiang", "person:mikhail-mishustin", types={"meeting"})
    assert day(meeting) == ("2023-12-20", "2023-12-20", "day")


def test_joint_communique_is_one_event_on_wednesday(events):
    communique = [
        e
        for e in events
        if "communiqu" in e["summary"].lower() and e["type"] in {"agreement", "statement"}
    ]
    assert len(communique) == 1, [e["title"] for e in communique]
    assert day(communique[0]) == ("2023-12-20", "2023-12-20", "day")
    assert len(communique[0]["mentions"]) >= 4


def test_meeting_with_xi_on_wednesday(events):
    xi = one(events, "person:xi-jinping", types={"meeting"})
    assert day(xi) == ("2023-12-20", "2023-12-20", "day")


def test_two_day_visit_ends_the_day_the_meeting_concluded(events):
    visit = one(events, "person:mikhail-mishustin", types={"visit"})
    assert (visit["date"]["start"], visit["date"]["end"]) == ("2023-12-19", "2023-12-20")


def test_chernyshenko_on_monday(events):
    remarks = one(events, "person:dmitry-chernyshenko")
    assert day(remarks) == ("2023-12-18", "2023-12-18", "day")


def test_eu_sanctions_end_before_the_visit_starts(events):
    sanctions = one(events, "org:EU", types={"sanctions"})
    assert sanctions["date"]["start"] is None
    assert sanctions["date"]["end"] is not None and sanctions["date"]["end"] <= "2023-12-18"
    assert sanctions["date"]["precision"] != "day"


def test_iran_joins_sco_this_year(events):
    sco = one(events, "country:IRN", "org:SCO", types={"membership"})
    assert (sco["date"]["value"], sco["date"]["precision"]) == ("2023", "year")
    assert (sco["date"]["start"], sco["date"]["end"]) == ("2023-01-01", "2023-12-31")


def test_iran_joins_brics_bounded_by_publication(events):
    brics = one(events, "country:IRN", "org:BRICS", types={"membership"})
    assert brics["date"]["start"] is None
    assert brics["date"]["end"] == "2023-12-21"
    assert brics["date"]["precision"] != "day"


def test_war_in_ukraine_began_about_2022(events):
    war = one(events, "country:UKR", types={"conflict"})
    assert war["date"]["approximate"] is True
    assert (war["date"]["start"] or "")[:4] == "2022"


def test_published_on_the_meeting_weekday_still_that_day(client, seed_body):
    body = dict(seed_body, published_at="2023-12-20")
    assert client.post("/api/v1/articles", json=body).status_code == 201
    meeting = one(
        timeline(client), "person:li-qiang", "person:mikhail-mishustin", types={"meeting"}
    )
    assert day(meeting) == ("2023-12-20", "2023-12-20", "day")
