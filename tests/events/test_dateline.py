"""A dateline is no part of the first sentence's grammar: blanked before parsing, however many
comma groups it has. Invented rows, positive and negative."""

import pytest

from service.events.nlp import masked


@pytest.mark.parametrize(
    "text, rest",
    [
        ("OSLO, May 4 (Reuters) - Norvik Bank said", "Norvik Bank said"),
        ("LIMA, Peru, Jan. 9 (Andina) -- Leaders met", "Leaders met"),
        ("CAIRO (AP) — A bus crashed", "A bus crashed"),
        ("NEW DELHI - The court ruled", "The court ruled"),
        ("2011 04 02 09:15 GMT ROME (Reuters) - The pope met", "The pope met"),
        ("2011 budget - the plan", "2011 budget - the plan"),
        ("The UN said - in a statement - that", "The UN said - in a statement - that"),
        ("IBM, Apple and Google said - quietly - it", "IBM, Apple and Google said - quietly - it"),
        ("NATO, the alliance - said", "NATO, the alliance - said"),
    ],
)
def test_dateline_blanked(text, rest):
    out = masked(text)
    assert len(out) == len(text)
    assert out.strip() == rest


@pytest.mark.parametrize(
    "text, sentences",
    [
        (
            "Grene is missing in the earthquake A Scottish woman is waiting for news.",
            ["Grene is missing in the earthquake", "A Scottish woman is waiting for news."],
        ),
        (
            "He has led the team for 12 years The charity was formed in 1981.",
            ["He has led the team for 12 years", "The charity was formed in 1981."],
        ),
        ("He told The Guardian the aid had arrived.", None),
        ("She wrote for The Times until 2001.", None),
        ("He plays in the rock band The Prodigals.", None),
        ("Cases of influenza type A rose sharply.", None),
    ],
)
def test_caption_glued_to_the_next_sentence_is_split(text, sentences):
    """A scraped page's caption or headline with no stop before the next sentence."""
    from service.events.nlp import parse

    got = [s.text.strip() for s in parse(text).sents]
    assert got == (sentences or [text])
