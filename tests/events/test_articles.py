"""Short articles on different date situations, run with the real temporal engine."""

import datetime as dt
import json

import pytest

from service.events import extract

from .helpers import DATA, ROOT

ARTICLES = json.loads((DATA / "articles.json").read_text(encoding="utf-8"))["articles"]
for _article in ARTICLES:  # the texts are the golden-timeline fixtures of the same name
    _path = ROOT / "fixtures" / "articles" / f"{_article['name']}.json"
    _article["text"] = json.loads(_path.read_text(encoding="utf-8"))[0]["text"]


@pytest.fixture(scope="module")
def annotate():
    try:
        from service.temporal import annotate
    except ImportError:  # pragma: no cover - the engine is not there yet
        pytest.skip("service.temporal.annotate is not available")
    return annotate


@pytest.mark.parametrize("article", ARTICLES, ids=[a["name"] for a in ARTICLES])
def test_article(annotate, article):
    published = dt.date.fromisoformat(article["published_at"])
    events = extract(article["text"], published)
    got = [[e.type, e.status, e.date.edtf] for e in events]
    assert got == article["expected"]
    for event in events:
        assert 0 < len(event.title) <= 80
        if event.status == "planned":
            assert (event.date.start or published) >= published


def test_pair_anaphor_names_both_leaders(annotate):
    (article,) = [a for a in ARTICLES if a["name"] == "future-plans"]
    events = extract(article["text"], dt.date.fromisoformat(article["published_at"]))
    title = events[-1].title  # "The two leaders last met in Beijing"
    assert "Macron" in title and "Xi Jinping" in title and title.endswith("in Beijing")
