"""Work done once per process or per parse, not per question: the answers stay the same."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from service.events import actors, nlp
from service.events.entities import Entities, _proper_chunks

#: (organisation key, its headline short name, its display name); None: not in the gazetteer.
ORGANISATIONS = [
    ("EU", "EU", "European Union"),
    ("SCO", "SCO", "Shanghai Cooperation Organisation"),
    ("FED", "Fed", "Federal Reserve"),
    ("UNSC", "UN Security Council", "United Nations Security Council"),
    ("acme-widgets", None, None),  # a company the recogniser found: no gazetteer entry
    ("", None, None),
]


@pytest.mark.parametrize(("key", "short", "name"), ORGANISATIONS)
def test_the_gazetteer_is_read_once_whatever_is_asked(monkeypatch, key, short, name):
    actors._organisations()  # read (once per process)
    reads = []
    monkeypatch.setattr(actors, "_load", lambda file: reads.append(file) or {})
    for _ in range(3):
        if short is None:
            with pytest.raises(KeyError):
                actors.short_name(key)
        else:
            assert actors.short_name(key) == short
        if name is not None:
            assert actors.organisation(key).name == name
    assert reads == []  # a key the gazetteer lacks does not send it back to the file


#: Invented texts: sentences split by stops, blank lines, a dateline blanked by the parse,
#: quotes, non-ASCII letters, trailing spaces.
TEXTS = [
    "The minister arrived on Monday.  Talks began at noon.\n\nThey ended late.",
    "PARIS (Reuters) - Talks “resumed” in Zürich.   Officials said so.   ",
    "One sentence with no stop",
    "\n\n  Lead with blank lines. Then a question? Yes.\n",
]


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_the_parse_text_and_sentence_texts_are_spacys(text):
    doc = nlp.parse(text)
    assert nlp.text_of(doc) == doc.text
    assert nlp.text_of(doc) is nlp.text_of(doc)  # kept with the parse
    for sent in doc.sents:
        assert nlp.span_text(sent) == sent.text
    for ent in doc.ents:
        assert nlp.span_text(ent) == ent.text


#: (numpy loaded before the model, OPENBLAS_NUM_THREADS before, numpy's BLAS used, after).
BLAS = [
    (False, None, True, "1"),  # set to one thread before numpy reads it
    (False, "1", True, "1"),
    (False, "4", False, "4"),  # the operator's choice stands; blis, which is one thread
    (True, None, False, None),  # too late to set: numpy's OpenBLAS has a thread per core
    (True, "1", True, "1"),
    (True, "2", False, "2"),
]


@pytest.mark.parametrize(("loaded", "before", "used", "after"), BLAS)
def test_numpy_blas_only_on_one_thread(monkeypatch, loaded, before, used, after):
    if loaded:
        monkeypatch.setitem(sys.modules, "numpy", sys.modules.get("numpy") or object())
    else:
        monkeypatch.delitem(sys.modules, "numpy", raising=False)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", before or "")  # restored after the test
    if before is None:
        monkeypatch.delenv("OPENBLAS_NUM_THREADS")
    assert nlp._one_blas_thread() is used
    assert os.environ.get("OPENBLAS_NUM_THREADS") == after


#: OPENBLAS_NUM_THREADS a fresh process starts with -> whether its model multiplies with blis.
STARTS = [(None, False), ("4", True)]


@pytest.mark.parametrize(("threads", "blis"), STARTS)
def test_the_model_multiplies_with_the_ops_chosen(threads, blis):
    """In a process of its own: this one's numpy and environment are the tests' (and the
    tests' environment is put back after each test)."""
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    env.update({"OPENBLAS_NUM_THREADS": threads} if threads else {})
    code = (
        "import os; from service.events import nlp; "
        "print(nlp.pipeline().get_pipe('tok2vec').model.ops.use_blis, "
        "os.environ.get('OPENBLAS_NUM_THREADS'))"
    )
    ran = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert ran.stdout.split() == [str(blis), threads or "1"]


def test_a_server_worker_multiplies_with_numpy_blas():
    """A worker builds its app and reads the language of its warm-up sample, both of which load
    numpy, before the model loads: the one-thread setting is made when the service is imported."""
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    code = (
        "from service import create_app; from service.write import warm; "
        "from service.events import nlp; create_app({'TESTING': True}); warm.warm(); "
        "print(nlp.pipeline().get_pipe('tok2vec').model.ops.use_blis)"
    )
    ran = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert ran.stdout.split()[-1] == "False"


#: Invented texts with names: entities at a sentence's start and end, a name run over a line.
NAMED = [
    "Acme Corp said on Monday it would buy Widget Works. Jane Doe, its chief, agreed.",
    "In Port-au-Prince, UN officials met. Kenya's Bank of Kilimanjaro lent Haiti money.\n\nDone.",
    "The pair were admitted to hospital in Airdrie, Lanarkshire. GPs may now diagnose it.",
]


@pytest.mark.parametrize("text", NAMED, ids=range(len(NAMED)))
def test_sentence_bookkeeping_matches_spacys(text):
    doc = nlp.parse(text)
    found = Entities(text, doc)
    for sent in doc.sents:
        assert found._chunks(sent) == [c for c in _proper_chunks(sent) if found._nameable(*c)]
        assert found._chunks(sent) is found._chunks(sent)  # worked out once
        for start, end, name in found._chunks(sent):
            assert name == doc.char_span(start, end).text.strip()
    grouped = {start: [e.text for e in ents] for start, ents in found._ents.items()}
    by_spacy: dict[int, list[str]] = {}
    for ent in found.ents:
        by_spacy.setdefault(ent.sent.start, []).append(ent.text)
    assert grouped == by_spacy
