"""Headlines: present tense, at most 80 characters, never a word cut (service/events/phrases.py)."""

from hypothesis import given
from hypothesis import strategies as st

from service.events.phrases import LIMIT, Phrase, conjugate, join_names


def test_long_headline_is_cut_at_a_phrase_boundary():
    phrase = Phrase(
        "Leaders of the world's largest economies",
        "agree",
        "on a sweeping plan to overhaul taxation rules for multinational companies everywhere",
    )
    out = phrase.headline()
    assert len(out) <= LIMIT
    assert out.startswith("Leaders of the world's largest economies agree on a sweeping plan")
    assert not out.endswith((" on", " a", " to"))


@given(st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=15), min_size=1, max_size=20))
def test_headlines_never_cut_words(words):
    out = Phrase(" ".join(words[:2]), "says", " ".join(words[2:])).headline()
    assert len(out) <= LIMIT
    assert set(out.lower().split()) <= {w.lower() for w in words} | {"says"}


def test_present_tense():
    assert [conjugate(v, False) for v in ("buy", "approve", "carry", "push", "be")] == [
        "buys", "approves", "carries", "pushes", "is",
    ]  # fmt: skip
    assert conjugate("approve", True) == "approve"


def test_names_are_joined_once_each():
    assert join_names(["China", "Russia", "China", "Iran"]) == "China, Russia and Iran"
