"""The model's two rule components, ``attribute_ruler`` and ``lemmatizer``, as cached lookups.

Both set token attributes from rules over what the tagger and parser found: the ruler runs a
``Matcher`` of its 179 patterns over every token (tag -> POS and morphology, a few words'
exceptions), the lemmatizer a Python call per token. What each gives a token depends only on a
few of the token's values, so here each answer is worked out once per distinct key, by the
very patterns (or lemmatizer) of the loaded model, and read back from a dict afterwards; the
tokens get the same attributes (``tests/events/test_rulecache.py``), at a fraction of the cost.

A ruler with a pattern these lookups do not read (an operator, another token attribute) is
left as the model has it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language

#: Token attributes a ruler pattern may test here, and how a test reads each.
_READ = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
#: The attributes a rule may set, as ``Doc.from_array`` columns (in this order).
_COLUMNS = (POS, MORPH, LEMMA, TAG, DEP)
#: Entries kept per cache before it starts afresh (a long-running server meets new words).
_MAX_ENTRIES = 200_000


class Unsupported(ValueError):
    """A ruler pattern these lookups cannot read exactly."""


def install(nlp: Language) -> None:
    """Put the cached components in place of ``attribute_ruler`` and ``lemmatizer`` (each
    where it stands), when the model has them and their rules can be read here."""
    names = nlp.pipe_names
    if "attribute_ruler" in names:
        try:
            _rules(nlp.get_pipe("attribute_ruler"))
        except Unsupported:
            pass
        else:
            nlp.add_pipe("timeline_attribute_table", before="attribute_ruler")
            nlp.remove_pipe("attribute_ruler")
    if "lemmatizer" in names and getattr(nlp.get_pipe("lemmatizer"), "mode", None) == "rule":
        nlp.add_pipe("timeline_lemma_table", before="lemmatizer")
        nlp.remove_pipe("lemmatizer")


Test = Callable[[tuple], bool]


def _test(spec: dict) -> Test:
    """One token pattern (``{"TAG": "DT", "LOWER": {"IN": [...]}}``) as a test of the token's
    ``(lower, tag, dep, is_space)`` strings, with the Matcher's meaning of each operator."""
    checks = []
    for key, want in spec.items():
        if key not in _READ:
            raise Unsupported(key)
        slot = _READ[key]
        if isinstance(want, (str, bool)):
            checks.append(lambda v, s=slot, w=want: v[s] == w)
        elif isinstance(want, dict) and len(want) == 1:
            ((op, arg),) = want.items()
            if op == "IN":
                checks.append(lambda v, s=slot, a=frozenset(arg): v[s] in a)
            elif op == "NOT_IN":
                checks.append(lambda v, s=slot, a=frozenset(arg): v[s] not in a)
            elif op == "REGEX" and key == "LOWER":
                checks.append(
                    lambda v, r=re.compile(arg): v[0] is not None and bool(r.search(v[0]))
                )
            else:
                raise Unsupported(f"{key}: {op}")
        else:
            raise Unsupported(f"{key}: {want!r}")
    return lambda v: all(check(v) for check in checks)


def _rules(ruler) -> list[tuple[int, list[Test], int, dict]]:
    """``(order, tests of each token, target token, attributes)`` for each of the ruler's
    patterns; a later order wins, as in ``AttributeRuler.match``."""
    rules = []
    for order, attrs in enumerate(ruler.attrs):
        if set(attrs) - set(_COLUMNS):
            raise Unsupported(attrs)
        _, patterns = ruler.matcher.get(ruler.vocab.strings[str(order)])
        for pattern in patterns:
            if any(set(spec) - set(_READ) for spec in pattern):
                raise Unsupported(pattern)
            index = ruler.indices[order]
            target = index if index >= 0 else len(pattern) + index
            if not 0 <= target < len(pattern):
                raise Unsupported(pattern)
            rules.append((order, [_test(spec) for spec in pattern], target, attrs))
    return rules


class AttributeTable:
    """``attribute_ruler`` as a lookup: each token's new attributes by its (lower, tag, dep,
    is-space) key, the lower form kept only when some pattern tests it."""

    def __init__(self, ruler) -> None:
        self.ruler = ruler
        self.vocab = ruler.vocab
        rules = _rules(ruler)
        self.single = [
            (order, tests[0], attrs) for order, tests, _, attrs in rules if len(tests) == 1
        ]
        self.multi = [rule for rule in rules if len(rule[1]) > 1]
        named: set[str] = set()
        self.regexes: list[re.Pattern] = []
        for order, _ in enumerate(ruler.attrs):
            for pattern in ruler.matcher.get(self.vocab.strings[str(order)])[1]:
                for spec in pattern:
                    want = spec.get("LOWER")
                    if isinstance(want, str):
                        named.add(want)
                    elif isinstance(want, dict):
                        ((op, arg),) = want.items()
                        if op == "REGEX":
                            self.regexes.append(re.compile(arg))
                        else:
                            named.update(arg)
        self.named = frozenset(named)
        self.entries: dict[tuple, tuple] = {}  # by the token's hashes
        self.classes: dict[tuple, tuple] = {}  # by the strings the patterns test

    def _lower(self, lower: int) -> str | None:
        text = self.vocab.strings[lower]
        return text if text in self.named or any(r.search(text) for r in self.regexes) else None

    def _entry(self, features: tuple) -> tuple:
        """What the ruler does to a token with these (lower, tag, dep, is-space) hashes:
        ``(column changes, the matching single-token rules in order, the tests of multi-token
        rules passed)``; computed by class of key, kept by key."""
        entry = self.entries.get(features)
        if entry is None:
            lower, tag, dep, space = features
            strings = self.vocab.strings
            values = (self._lower(lower), strings[tag], strings[dep], bool(space))
            entry = self.classes.get(values)
            if entry is None:
                hits = tuple((order, attrs) for order, test, attrs in self.single if test(values))
                passed = frozenset(
                    (n, k)
                    for n, rule in enumerate(self.multi)
                    for k, test in enumerate(rule[1])
                    if test(values)
                )
                entry = self.classes[values] = (_changes(hits), hits, passed)
            if len(self.entries) > _MAX_ENTRIES:
                self.entries.clear()
            self.entries[features] = entry
        return entry

    def __call__(self, doc):
        if not len(doc):
            return doc
        known = self.entries
        entries = [
            known.get(f) or self._entry(f)
            for f in map(tuple, doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist())
        ]
        extra: dict[int, list] = {}
        starts = [i for i, entry in enumerate(entries) if entry[2]]
        for n, (order, tests, target, attrs) in enumerate(self.multi):
            width = len(tests)
            for start in starts:
                if start + width <= len(entries) and all(
                    (n, k) in entries[start + k][2] for k in range(width)
                ):
                    extra.setdefault(start + target, []).append((order, attrs))
        columns = doc.to_array(list(_COLUMNS)).tolist()
        for i, entry in enumerate(entries):
            changes = (
                entry[0]
                if i not in extra
                else _changes(sorted(entry[1] + tuple(extra[i]), key=_order))
            )
            if changes:
                row = columns[i]
                for column, value in changes:
                    row[column] = value
        doc.from_array(list(_COLUMNS), numpy.array(columns, dtype=numpy.uint64))
        return doc


def _order(hit: tuple) -> int:
    return hit[0]


def _changes(hits) -> tuple[tuple[int, int], ...]:
    """The column values the rules ``hits`` (in order) leave on a token: the last one wins."""
    final: dict[int, int] = {}
    for _, attrs in hits:
        for attr, value in attrs.items():
            final[_COLUMNS.index(attr)] = value
    return tuple(final.items())


class LemmaTable:
    """The rule lemmatizer with its answer kept per (form, POS, morphology): what its own
    ``rule_lemmatize`` reads of a token."""

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self.lemmas: dict[tuple[int, int, int], int] = {}
        self.indexed = False

    def __call__(self, doc):
        if not len(doc):
            return doc
        lemmatizer = self.lemmatizer
        if not lemmatizer._validated:
            lemmatizer._validate_tables()
        if not self.indexed:
            _index_as_sets(lemmatizer)
            self.indexed = True
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemmatizer.overwrite or lemma == 0:
                key = (orth, pos, morph)
                found = self.lemmas.get(key)
                if found is None:
                    if len(self.lemmas) > _MAX_ENTRIES:
                        self.lemmas.clear()
                    found = self.lemmas[key] = self.strings.add(lemmatizer.lemmatize(doc[i])[0])
                lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc


def _index_as_sets(lemmatizer) -> None:
    """The rule lemmatizer's ``lemma_index`` (the known words of each part of speech) as sets:
    ``rule_lemmatize`` only asks whether a form is in it (``form in index``) and whether a
    part of speech has one, which a list of 57,000 nouns answers by a scan of the list (about
    0.1 ms a new word, 7 % of a parse with the lemmas not yet kept) and a set at once."""
    index = lemmatizer.lookups.get_table("lemma_index", {})
    for pos, words in list(index.items()):
        if isinstance(words, list):
            index[pos] = frozenset(words)


@Language.factory("timeline_attribute_table")
def _attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp.get_pipe("attribute_ruler"))


@Language.factory("timeline_lemma_table")
def _lemma_table(nlp: Language, name: str) -> LemmaTable:
    return LemmaTable(nlp.get_pipe("lemmatizer"))
