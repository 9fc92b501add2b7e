"""The cached rule components give every token what the model's own components give it."""

from __future__ import annotations

import pytest

from service.events import nlp, rulecache

#: Invented sentences: the tag map, the pronoun and auxiliary exceptions, the multi-token
#: rules ("gon na", "let 's", "ai n't", "there is"), white space, dependency-based rules.
SENTENCES = [
    "The minister said on Tuesday that talks would resume next week.",
    "I ain't gonna sign it, y'all. Let's go! He's gotta see 'em. C'mon, there is time.",
    "It was I who did it; they gave it to you and me, and she had been told so.",
    "Nothin' doin'.  \n\n Somethin' was wrong, but the doctors couldn't say what.",
    "Does he have any? Do it now: that is what those who can't wait do.",
    "   ",
    "",
]


def _attrs(doc) -> list[tuple]:
    return [(t.tag, t.pos, t.morph.key, t.lemma, t.dep, t.head.i) for t in doc]


@pytest.mark.parametrize("text", SENTENCES, ids=range(len(SENTENCES)))
def test_same_token_attributes_as_the_model_components(text):
    pipeline = nlp.pipeline()
    table = pipeline.get_pipe("timeline_attribute_table")
    lemmas = pipeline.get_pipe("timeline_lemma_table")
    parsed = pipeline(text, disable=["timeline_attribute_table", "timeline_lemma_table", "ner"])
    theirs = lemmas.lemmatizer(table.ruler(parsed.copy()))
    ours = lemmas(table(parsed.copy()))
    assert _attrs(ours) == _attrs(theirs)


def test_multi_token_rules_apply():
    doc = nlp.pipeline()("We are gon na win.")
    assert [t.lemma_ for t in doc][2:4] == ["go", "to"]


def test_a_pattern_it_cannot_read_keeps_the_model_component():
    class Ruler:  # the shape of spaCy's AttributeRuler that rulecache reads
        attrs = [{}]
        indices = [0]

        class vocab:  # noqa: N801
            strings = {"0": 0}

        class matcher:  # noqa: N801
            @staticmethod
            def get(key):
                return None, [[{"TEXT": "x", "OP": "+"}]]

    with pytest.raises(rulecache.Unsupported):
        rulecache._rules(Ruler)
