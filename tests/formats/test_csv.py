"""CSV export: flat columns, formula-injection guard, round trip through csv.reader, streaming."""

from __future__ import annotations

import csv
import io
import itertools
import unicodedata

import pytest

from service.formats.csv import (
    COLUMNS,
    FORMULA_PREFIXES,
    csv_chunks,
    csv_lines,
    guard_cell,
    unguard_cell,
)

from . import make_event, synthetic_events


def read_back(events) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO("".join(csv_lines(events)), newline="")))


def test_header_then_one_row_per_event():
    lines = list(csv_lines([make_event(1), make_event(2)]))
    assert lines[0] == ",".join(COLUMNS) + "\r\n"
    assert len(lines) == 3


def test_flat_columns():
    event = make_event(
        3,
        end=None,
        date_edtf="2023-12-20/..",
        date_approximate=True,
        cameo=None,
    )
    (row,) = read_back([event])
    assert row == {
        "id": "3",
        "title": "Event 3",
        "type": "meeting",
        "cameo": "",
        "status": "occurred",
        "date_text": "on Wednesday",
        "date_value": "2023-12-20",
        "date_edtf": "2023-12-20/..",
        "date_start": "2023-12-20",
        "date_end": "",
        "date_precision": "day",
        "date_approximate": "true",
        "actors": "country:CHN;country:RUS",
        "actor_names": "China;Russia",
        "summary": "China and Russia met in Beijing.",
        "created_at": "2023-12-21T08:30:00+00:00",
        "updated_at": "2023-12-22T09:45:10+00:00",
        "date_basis": "expression",
        "article_ids": "7",
        "sources": "article 7",
        "source_urls": "",
    }


def test_sources_name_each_article_once_in_mention_order():
    def mention(article_id, **article):
        return {"article_id": article_id, "article": {"id": article_id, **article}}

    event = make_event(
        mentions=[
            mention(
                9,
                title="Talks end",
                source="Wire",
                url="https://x.test/9",
                published_at="2023-12-21",
            ),
            mention(4, title=None, source=None, url=None, published_at="2023-12-20"),
            mention(
                9,
                title="Talks end",
                source="Wire",
                url="https://x.test/9",
                published_at="2023-12-21",
            ),
        ]
    )
    (row,) = read_back([event])
    assert row["article_ids"] == "9;4"
    assert row["sources"] == "Talks end (Wire, 2023-12-21);article 4 (2023-12-20)"
    assert row["source_urls"] == "https://x.test/9;"


@pytest.mark.parametrize(
    "text",
    ['Quotes " and, commas', "two\nlines", "crlf\r\ninside", "naïve — ünïcode", "", "  spaced  "],
    ids=["quotes-commas", "newline", "crlf", "unicode", "empty", "spaces"],
)
def test_round_trip_through_csv_reader(text):
    (row,) = read_back([make_event(title=text, summary=text)])
    assert row["title"] == text
    assert row["summary"] == text


@pytest.mark.parametrize(
    ("title", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Talks = progress", "Talks = progress"),
        ("'quoted'", "'quoted'"),
    ],
    ids=["equals", "plus", "minus", "at", "tab", "cr", "inner-equals", "apostrophe"],
)
def test_formula_injection_guard(title, cell):
    (row,) = read_back([make_event(title=title)])
    assert row["title"] == cell
    assert unguard_cell(row["title"]) == title


def test_guard_covers_every_text_column_but_not_numbers():
    event = make_event(
        summary="=cmd|' /C calc'!A0",
        actors=[{"id": "-x", "name": "@evil", "kind": "person"}],
        date_text="+1 day",
    )
    (row,) = read_back([event])
    assert row["summary"].startswith("'=")
    assert row["actors"] == "'-x"
    assert row["actor_names"] == "'@evil"
    assert row["date_text"] == "'+1 day"
    assert guard_cell(-5) == -5


def test_streams_without_materialising_the_input():
    consumed = [0]
    lines = csv_lines(synthetic_events(100_000, consumed))
    assert next(lines).startswith("id,title,")
    assert consumed == [0]
    rows = list(itertools.islice(lines, 2))
    assert [row.split(",")[0] for row in rows] == ["1", "2"]
    assert consumed == [2]


def test_reads_one_event_per_row_written():
    """Lock-step: the writer never reads ahead, so memory cannot grow with the export."""
    consumed = [0]
    lines = csv_lines(synthetic_events(20_000, consumed))
    next(lines)  # the header
    for number, _ in enumerate(lines, start=1):
        assert consumed[0] == number
    assert consumed == [20_000]


def test_chunks_are_the_lines_one_batch_at_a_time():
    events = [
        make_event(1),
        make_event(2, title="=1+1", summary="a;=b; @c", date_text="\u200b+x"),
        make_event(3, None, None, title=" -lead", actors=[]),
        make_event(4, title="naïve — «ü»", cameo=None),
    ]
    chunks = list(csv_chunks([events[:1], events[1:3], [], events[3:]]))
    assert chunks[0] == ",".join(COLUMNS) + "\r\n"  # the header alone
    assert len(chunks) == 5 and chunks[3] == ""
    assert "".join(chunks) == "".join(csv_lines(events))


def test_chunks_read_one_batch_at_a_time():
    consumed = [0]
    events = synthetic_events(5_000, consumed)
    chunks = csv_chunks(list(itertools.islice(events, 50)) for _ in range(100))
    next(chunks)  # the header
    for number, chunk in enumerate(chunks, start=1):
        assert consumed[0] == number * 50
        assert chunk.count("\r\n") == 50


def _old_formula_like(text: str) -> bool:
    """The guard's test before its fast path for a letter or digit first."""
    start = 0
    while start < len(text) and (text[start] == " " or unicodedata.category(text[start]) == "Cf"):
        start += 1
    return text[start:].startswith(FORMULA_PREFIXES)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "=",
        "a",
        "1",
        "É=",
        "\u200b=1",
        "\ufeff+1",
        " \u200b -1",
        "  x",
        "\u200b",
        "＝1",
        "x;=1",
        ";",
        "=a;b",
        "a; @b;c",
        "_=",
        "(=1)",
        "'=1",
        "%1",
        "|x",
    ],
)
def test_guard_is_unchanged(text):
    old = ";".join("'" + p if _old_formula_like(p) else p for p in text.split(";"))
    assert guard_cell(text) == old
