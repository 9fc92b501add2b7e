"""The news fixture articles (fixtures/articles/news/, issue 12) are valid API bodies of the
stated size, and each has its reader's key events in that folder's README, under a heading whose
publication day and weekday match the article's."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from schemas import ArticleCreateSchema
from service.write.sources import read_files

from .conftest import FIXTURES

NEWS = FIXTURES / "articles" / "news"
NOTES = (NEWS / "README.md").read_text(encoding="utf-8")
HEADING = re.compile(r"^## (\S+) \(published (\w+) (\d{4}-\d\d-\d\d)\)$", re.MULTILINE)
HEADINGS = {m[1]: (m[2], m[3]) for m in HEADING.finditer(NOTES)}
NAMES = sorted(p.stem for p in NEWS.glob("*.json"))


def test_at_least_twelve_articles_each_with_notes():
    assert len(NAMES) >= 12
    assert sorted(HEADINGS) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_article_is_a_valid_body_of_150_to_350_words(name):
    [(label, raw, error)] = list(read_files([NEWS / f"{name}.json"]))
    assert error is None, f"{label}: {error}"
    data = ArticleCreateSchema().load(raw)
    assert 150 <= len(data["text"].split()) <= 350
    weekday, day = HEADINGS[name]
    assert data["published_at"] == dt.date.fromisoformat(day)
    assert data["published_at"].strftime("%A") == weekday
