"""Which language an article is written in, and whether the service can read it (pure).

``detect(text) -> (code, confidence)`` asks py3langid (a naive Bayes model over byte n-grams
shipped inside the package: loaded once per process, offline) about the start of the text;
``code`` is an ISO 639 code, or ``None`` when the text gives too little to tell: few words
that are not names or numbers ("Xi Jinping in Moscow", "Apple Q3 2024: $85.8bn") or no
language the model is sure of. As long as the model does not rule English out, the answer is
English: the service reads English, and a short English sentence can score a little higher
as an English-based creole ("Ministers of China and India met in Nairobi on Monday" as
Nigerian Pidgin, 0.52 against 0.37 for English). ``unsupported(text)`` says why an article
cannot be ingested, or ``None``: only English is read for now.
"""

from __future__ import annotations

import functools
import re

import pycountry

SUPPORTED = ("en",)
#: Detection reads this many characters from the start (about 300 words): enough for any
#: article's language, and the cost stays flat (under 1 ms) however long the article is.
SAMPLE_CHARS = 2000
#: Below this confidence the model is not sure of any language, and the text is not refused.
MIN_CONFIDENCE = 0.5
#: English is ruled out only below this probability (texts in other languages score ~0.000;
#: no sentence of TimeBank, the fixtures or the seed, 4,838 in all, comes near it).
ENGLISH_DOUBT = 0.1
#: Letters in words that are not capitalised (names) nor numbers needed before detecting: a
#: short sentence has 20-40. Scripts written without spaces carry more per letter.
MIN_EVIDENCE = 20
DENSE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def evidence(text: str) -> int:
    """How much of ``text`` is ordinary words: letters in words not starting with a capital."""
    words = [w for w in WORD.findall(text) if not w[0].isupper()]
    return sum(len(w) + 2 * len(DENSE_SCRIPT.findall(w)) for w in words)


def detect(text: str) -> tuple[str | None, float]:
    """The language of ``text`` and the model's confidence; ``None`` when it cannot be told."""
    sample = text[:SAMPLE_CHARS]
    if evidence(sample) < MIN_EVIDENCE:
        return None, 0.0
    identifier = _identifier()
    code, confidence = identifier.classify(sample)
    if code == "en":
        return code, confidence
    english = dict(identifier.rank(sample)).get("en", 0.0)  # only then: rank costs more
    if english >= ENGLISH_DOUBT:
        return "en", english
    if confidence < MIN_CONFIDENCE:
        return None, confidence
    return code, confidence


def name(code: str) -> str:
    """An English name for an ISO 639 code: ``fr`` -> ``French``; the code when unknown."""
    found = pycountry.languages.get(alpha_2=code) or pycountry.languages.get(alpha_3=code)
    return found.name if found else code


def unsupported(text: str) -> str | None:
    """Why an article with this text cannot be ingested (its language), or ``None``."""
    code, confidence = detect(text)
    if code is None or code in SUPPORTED:
        return None
    return (
        f"The text is in {name(code)} ('{code}', detected with confidence {confidence:.2f}); "
        f"only English ('en') is supported for now."
    )
