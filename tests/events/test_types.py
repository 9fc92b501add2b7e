"""Event types, their CAMEO codes and trigger lexicons."""

import pytest

from service.events.types import CAMEO, TYPES, classify, triggers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He met with Chinese President Xi Jinping", "meeting"),
        ("an annual meeting led by Li Qiang concluded", "meeting"),
        ("Mishustin was on a two-day visit to China", "visit"),
        ("Chernyshenko pointed out in Beijing that", "statement"),
        ("the parties declared that", "statement"),
        ("according to a joint communique issued", "agreement"),
        ("the two sides signed a trade deal", "agreement"),
        ("the European Union imposed a new round of sanctions", "sanctions"),
        ("Iran's admission as a full member of the SCO", "membership"),
        ("Finland joined NATO", "membership"),
        ("where war has been ongoing", "conflict"),
        ("since its brutal invasion of Ukraine", "conflict"),
        ("Voters elected a new parliament", "election"),
        ("Inflation rose to 3 percent", "economy"),
        ("Prices of bread are high", "other"),
    ],
)
def test_classify(text, expected):
    assert classify(text) == expected


def test_every_type_has_a_documented_cameo_choice():
    assert set(TYPES) == set(CAMEO)
    assert CAMEO["statement"] == "01"
    assert CAMEO["meeting"] == "04"
    assert CAMEO["sanctions"] == "16"
    assert CAMEO["election"] is None


def test_triggers_are_whole_words_with_offsets():
    text = "The wartime summit met warm approval."
    found = triggers(text)
    assert [(t.text, t.type, t.pos) for t in found] == [
        ("summit", "meeting", "noun"),
        ("met", "meeting", "verb"),
    ]
    assert all(text[t.start : t.end] == t.text for t in found)
