"""Web pages -> article records: the main text (no menus, captions, comments, ads), the
page's own dates, and a refusal for a page that gives none."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.pages import GOAL, overlap
from service.write import pages

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "web" / "pages"
ALL = sorted(PAGES.glob("*.html"))


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_the_main_text_is_the_article(path):
    page = pages.read_page(path.read_bytes())
    precision, recall, f1 = overlap(page.text, path.with_suffix(".txt").read_text())
    assert f1 >= GOAL, (precision, recall, page.text)


@pytest.mark.parametrize(
    "name, chrome",
    [
        ("harbour-strike", ["Subscribe today", "Related stories", "brother works nights",
                            "Cranes stood idle", "Sign up for our free newsletter"]),
        ("rail-tender", ["We use cookies", "Advertisement", "Most read", "covers rail"]),
        ("flood-warning", ["Front page", "Classifieds", "Mill Lane", "Photo gallery"]),
        ("museum-reopening", ["More from Culture Desk", "Share on social media"]),
    ],
)  # fmt: skip
def test_no_navigation_caption_comment_or_advert(name, chrome):
    text = pages.read_page((PAGES / f"{name}.html").read_bytes()).text
    assert not [c for c in chrome if c in text]


@pytest.mark.parametrize(
    "name, published, updated",
    [
        ("harbour-strike", "2025-03-12", "2025-03-13"),  # Open Graph article:*_time
        ("rail-tender", "2024-11-05", "2024-11-06"),  # JSON-LD datePublished/dateModified
        ("museum-reopening", "2025-06-21", None),  # <meta name="date">
        ("flood-warning", "2024-01-18", None),  # "Published: 18 January 2024" in the byline
        ("council-budget", "2025-02-27", None),  # microdata itemprop="datePublished"
        ("lab-satellite", "2024-09-18", None),  # Dublin Core dc.date.issued
    ],
)
def test_the_page_s_own_dates(name, published, updated):
    page = pages.read_page((PAGES / f"{name}.html").read_bytes())
    assert (page.published_at, page.updated_at) == (published, updated)


def test_a_date_in_the_article_s_sentences_is_not_the_page_s():
    html = (
        (PAGES / "undated-bakery.html")
        .read_text()
        .replace(
            "opened the shop in 1979", "opened the shop on 4 May 1979 and sold it on 2 March 2021"
        )
    )
    assert pages.read_page(html).published_at is None


def test_a_page_without_a_date_is_refused_saying_why():
    page = pages.read_page((PAGES / "undated-bakery.html").read_bytes())
    with pytest.raises(pages.PageError, match="no publication date"):
        pages.as_record(page)


def test_a_given_date_is_used_only_when_the_page_has_none():
    undated = pages.read_article((PAGES / "undated-bakery.html").read_bytes(), None, "2024-05-01")
    dated = pages.read_article((PAGES / "harbour-strike.html").read_bytes(), None, "2024-05-01")
    assert (undated["published_at"], dated["published_at"]) == ("2024-05-01", "2025-03-12")


def test_title_source_and_url_come_from_the_page():
    record = pages.read_article((PAGES / "harbour-strike.html").read_bytes())
    assert record["title"] == "Dock workers end strike at Kellport harbour"
    assert record["source"] == "The Kellport Courier"
    assert record["url"] == "https://courier.example.org/news/2025/03/harbour-strike"
    assert not record["text"].startswith(record["title"])
    assert (record["published_at"], record["modified_at"]) == ("2025-03-12", "2025-03-13")


def test_a_page_with_no_text_is_refused():
    with pytest.raises(pages.PageError, match="no article text"):
        pages.read_page("<html><body><nav><a href='/'>Home</a></nav></body></html>")
