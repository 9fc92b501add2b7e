"""Speed-ups that must answer exactly as the plain code they replaced (issue 22)."""

from __future__ import annotations

from service.events import nlp, participants, phrases, rulecache
from service.events.actors import ActorMention
from service.events.model import Actor

TEXTS = [
    "WASHINGTON (AP) _ Acme Corp. said on Tuesday that John Smith, its chief, resigned.",
    'The U.S. Army said.\n\nThen Geert Wilders left.  Wilders  spoke. "Said Wilders."',
    "Officials in Port-au-Prince met Haitian President Rene Preval and the UN envoy.",
]


def _naive_actors_by_token(sent, mentions):
    out: dict[int, list] = {}
    for m in mentions:
        for tok in sent:
            if tok.idx < m.end and m.start < tok.idx + len(tok.text):
                out.setdefault(tok.i, []).append(m)
    return out


def _mentions(sent) -> list[ActorMention]:
    """A mention over every stretch of one to three tokens, and ones that start and end
    inside a word or in the white space between words."""
    actor = Actor("org:x", "X", "organisation")
    tokens = list(sent)
    found = []
    for i, tok in enumerate(tokens):
        for j in range(i, min(i + 3, len(tokens))):
            end = tokens[j].idx + len(tokens[j].text)
            found.append(ActorMention(actor, tok.idx, end, "", "name"))
        found.append(ActorMention(actor, tok.idx + 1, tok.idx + 2, "", "name"))
        found.append(ActorMention(actor, tok.idx + len(tok.text), tok.idx + len(tok.text), "", "n"))
    return found


def test_actors_by_token_as_every_token_for_every_mention():
    for text in TEXTS:
        for sent in nlp.parse(text).sents:
            mentions = _mentions(sent)
            got = participants.actors_by_token(sent, mentions)
            want = _naive_actors_by_token(sent, mentions)
            assert got == want and list(got) == list(want)


def _naive_written_as_names(doc) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for other in doc:
        before = doc[other.i - 1] if other.i > 0 else None
        after_name = before is not None and before.pos_ == "PROPN" and before.text[:1].isupper()
        inside = not phrases.opens_sentence(other) and (
            before is None or before.text not in '.!?"“'
        )
        if after_name or inside:
            found.setdefault(other.text, []).append(other.i)
    return found


def test_written_as_names_as_read_word_by_word():
    for text in TEXTS:
        doc = nlp.parse(text)
        assert phrases._written_as_names(doc) == _naive_written_as_names(doc)


def test_the_lemma_index_is_read_as_sets():
    doc = nlp.parse("The ministers were meeting in the cities.")
    assert [t.lemma_ for t in doc][1:5] == ["minister", "be", "meet", "in"]
    lemmatizer = nlp.pipeline().get_pipe("timeline_lemma_table").lemmatizer
    index = lemmatizer.lookups.get_table("lemma_index")
    assert index and all(isinstance(words, frozenset) for words in index.values())
    assert rulecache._index_as_sets(lemmatizer) is None  # a second call changes nothing
