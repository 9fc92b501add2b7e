"""Company names a parse or a gazetteer splits (issue 26, the fresh wire set): a name with a
place after "of" is the company, not the place ("First of America Bank Corp.", told again as
"First of America" or "Bank of America"), and a verb whose clause opens with a name the parse
read as an adverb ("First of America announced ...") keeps that name for its subject.
Invented rows, positive and negative."""

import datetime as dt

import pytest

from service.events import entities, extract, nlp, syntax

D = dt.date(2009, 3, 4)


def titles_and_actors(text: str) -> list[tuple[str, set[str]]]:
    return [(e.title, {a.name for a in e.actors}) for e in extract(text, D)]


@pytest.mark.parametrize(
    "text, company",
    [
        (
            "First of America Bank Corp. said on Monday it sold its insurance arm.",
            "First of America Bank",
        ),
        (
            "Bank of America Corp. said on Monday it cut 1,000 jobs. Bank of America, which"
            " has 4,000 branches, announced an agreement to buy Lynch Partners on Tuesday.",
            "Bank of America",
        ),
        (
            "Bank of Montreal said on Monday it sold its insurance arm. Bank of Montreal"
            " announced an agreement to buy Kessler Corp. on Tuesday.",
            "Bank of Montreal",
        ),
        ("Bank of Ireland Group said on Monday it cut 500 jobs.", "Bank of Ireland"),
        (
            "Royal Bank of Canada Group said on Monday it sold its insurance arm.",
            "Royal Bank of Canada",
        ),
    ],
)
def test_a_company_named_of_a_place_is_the_company(text, company):
    found = titles_and_actors(text)
    assert found and all(company in actors for _, actors in found), found
    assert all(not ({"United States", "Canada", "Ireland"} & actors) for _, actors in found), found


@pytest.mark.parametrize(
    "text, country",
    [
        ("The president of France visited Germany on Monday.", "France"),
        ("The Bank of Japan raised rates on Monday.", None),
        ("Acme Corp. opened a plant in the south of France on Monday.", "France"),
    ],
)
def test_a_place_after_of_outside_a_company_name_stays_a_place(text, country):
    found = titles_and_actors(text)
    assert found
    if country:
        assert any(country in actors for _, actors in found), found


@pytest.mark.parametrize(
    "text, verb, subject",
    [
        ("First of America Bank Corp. said it completed the sale.", "said", "First"),
        ("First of America announced an agreement.", "announced", "First"),
        ("First of America, which has 45 banks, announced an agreement.", "announced", "First"),
    ],
)
def test_a_name_read_as_an_adverb_is_the_verbs_subject(text, verb, subject):
    doc = nlp.parse(text)
    tok = next(t for t in doc if t.text == verb)
    found = syntax.subject(tok)
    assert found is not None and found.text == subject


@pytest.mark.parametrize(
    "text, verb",
    [
        ("Acme said it completed the sale.", "said"),  # a subject of its own
        ("Later on Monday, officials met.", "met"),
        ("First, the company said it would cut jobs.", "said"),
        ("Yesterday shares rose.", "rose"),
    ],
)
def test_a_verb_with_its_own_subject_or_an_adverb_keeps_it(text, verb):
    doc = nlp.parse(text)
    tok = next(t for t in doc if t.text == verb)
    found = syntax.subject(tok)
    assert found is None or found.dep_ in ("nsubj", "nsubjpass")


def test_said_it_completed_names_the_company_split_by_the_parse():
    found = titles_and_actors(
        "First of America Bank Corp. said it completed its acquisition of Midwest Financial"
        " Group Inc. for about $250 million."
    )
    assert any(
        "acquisition" in title and "First of America Bank" in actors for title, actors in found
    ), found


@pytest.mark.parametrize(
    "alias, forms",
    [
        ("First of America Bank Corp.", {"First of America Bank Corp.", "First of America"}),
        ("Bank of Montreal", {"Bank of Montreal"}),
        ("Acme Corp.", set()),
        ("University of Leeds", {"University of Leeds"}),  # the caller asks for a company
        ("of America Corp.", set()),
    ],
)
def test_the_forms_a_company_of_a_place_is_told_again_in(alias, forms):
    assert set(entities._of_forms(alias)) == forms


@pytest.mark.parametrize(
    "text, found",
    [
        ("Bank of Montreal's profit rose.", ["Bank of Montreal"]),
        ("The Bank of Montreal-Chicago branch closed.", []),
        ("Westbank of Montreal closed.", []),
    ],
)
def test_a_form_is_found_as_whole_words(text, found):
    pattern = entities._whole_words("Bank of Montreal")
    assert [m.group() for m in pattern.finditer(text)] == found
    assert entities._whole_words("Bank of Montreal") is pattern  # compiled once


@pytest.mark.parametrize(
    "alias, forms",
    [
        ("First of America Bank Corp.", ("First of America Bank Corp.", "First of America")),
        ("Bank of America Corp.", ("Bank of America Corp.", "Bank of America")),
    ],
)
def test_a_name_with_of_is_looked_for_longest_form_first(alias, forms):
    """The forms come in one order in every process (a set's order changes with the
    process's string hashing), the whole name before its shorter form."""
    assert entities._of_forms(alias) == forms
