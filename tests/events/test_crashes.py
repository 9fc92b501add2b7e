"""Texts that once crashed extraction (an exception out of ``service.events.extract`` stops a
whole ``timeline ingest`` run or answers 500): each one reduced to the smallest text that
raised, kept here so the same class of text keeps reading.

Each test asserts only that extraction succeeds and finds what the text plainly says, not how
the extractors get there."""

from __future__ import annotations

import datetime as dt

from service.events import extract


def people(events) -> set[str]:
    return {a.name for e in events for a in e.actors if a.kind == "person"}


def test_a_description_of_a_person_whose_name_was_taken_by_an_organisation():
    # A t17-dev BBC article on Michael Jackson (published 2010-06-25) raised StopIteration in
    # entities._described (next() without a default, fixed in 7f6dc77): "the performer" was
    # resolved to the person the story names most ("Jackson": in "Mr Jackson" and in "the
    # Jackson Family Foundation"), who had no person entry of their own. Reduced from the
    # article's first paragraph; this text raised on 7f6dc77's parent.
    text = (
        "Mr Jackson filed a lawsuit on Friday. Proceeds went to the Jackson Family "
        "Foundation. Fans gathered outside the performer's home."
    )
    events = extract(text, dt.date(2010, 6, 25))
    assert "Jackson" in people(events)
