"""Sentence and clause splitting keeps offsets and respects abbreviations and quotes."""

import pytest

from service.events.sentences import clauses, split


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He left. She stayed.", ["He left.", "She stayed."]),
        (
            "The talks ended on Dec. 18 in Paris. Both sides left.",
            ["The talks ended on Dec. 18 in Paris.", "Both sides left."],
        ),
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("The U.S. Treasury acted. Markets fell.", ["The U.S. Treasury acted.", "Markets fell."]),
        (
            "Sanctions were imposed by the U.S. The move angered Moscow.",
            ["Sanctions were imposed by the U.S.", "The move angered Moscow."],
        ),
        ("He said “we will win.” Then he left.", ["He said “we will win.”", "Then he left."]),
        ('He said "no." She agreed.', ['He said "no."', "She agreed."]),
        ("Growth was 3.5 percent. Prices rose.", ["Growth was 3.5 percent.", "Prices rose."]),
        ("J. R. Smith spoke. Others left.", ["J. R. Smith spoke.", "Others left."]),
        ("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
        ("First line\nSecond line", ["First line", "Second line"]),
        ("\n  Leading space. \n\nTrailing.  ", ["Leading space.", "Trailing."]),
        ("It grew in Jan. and Feb. this year.", ["It grew in Jan. and Feb. this year."]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_split(text, expected):
    spans = split(text)
    assert [s.text for s in spans] == expected
    assert all(text[s.start : s.end] == s.text for s in spans)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Mishustin’s visit took place after the European Union imposed sanctions.",
            [
                ("Mishustin’s visit took place", None),
                ("after the European Union imposed sanctions", "after"),
            ],
        ),
        (
            "He met Xi on Wednesday, who said he would push ahead.",
            [("He met Xi on Wednesday", None), ("who said he would push ahead", None)],
        ),
        (
            "Iran joined, which is seen as a win; talks went on.",
            [("Iran joined", None), ("which is seen as a win", None), ("talks went on", None)],
        ),
        (
            "The statements following the meetings mentioned nothing.",
            [("The statements following the meetings mentioned nothing", None)],
        ),
        (
            "They voted before the end of the year.",
            [("They voted before the end of the year", None)],
        ),
        (
            "He said “we met after the war, which ended” and left.",
            [("He said “we met after the war, which ended” and left", None)],
        ),
    ],
)
def test_clauses(sentence, expected):
    (span,) = split(sentence)
    found = clauses(sentence, span)
    assert [(c.text, c.link) for c in found] == expected
    assert all(sentence[c.start : c.end] == c.text for c in found)
