"""Types a verb takes from its frame (``service/data/verb_frames.json``, ``verb_classes.json``,
``eventtype.of_verb``): words said ("raised concerns", "sent signals"), moves of a bid and
of earnings, filings, deals ended, people brought in to lead, and trips to a named place.
Invented rows, positive and negative."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2024, 3, 28)


def _types(text: str) -> list[str]:
    return [e.type for e in extract(text, D)]


@pytest.mark.parametrize(
    "text, type_",
    [
        # a word said by someone: raised concerns, voiced doubts, sent a signal
        ("Senator Ana Ruiz raised concerns about the merger on Tuesday.", "statement"),
        ("The Polish premier voiced doubts about the treaty on Monday.", "statement"),
        ("Greek officials sent a signal on Friday that Athens would veto it.", "statement"),
        # a word of praise or blame on a happening is said, whatever the happening
        ("Libya hailed the court's ruling on Friday.", "statement"),
        ("The opposition decried the verdict on Monday.", "statement"),
        # a bid raised, lowered or dropped is the deal's; an auction won is a purchase
        ("Orland lowered its offer for Acme to $30 a share on Monday.", "deal"),
        ("Brixton withdrew its takeover bid for the airline on Thursday.", "deal"),
        ("The chain was sold at auction on Monday; the auction was won by Orland.", "deal"),
        # earnings that soar or plunge are the company's results
        ("Acme's quarterly earnings soared 40% in the third quarter.", "earnings"),
        ("Profits at the brewer plunged 20% in the first half.", "earnings"),
        # a filing in court or in bankruptcy
        ("Lawyers for the city filed objections to the ruling in May 2019.", "legal"),
        ("The miner filed a Chapter 11 reorganization plan on Monday.", "economy"),
        # an acquisition ended or cleared is a deal, told in a relative clause too
        ("Regulators cleared the takeover of Orland on Monday.", "deal"),
        # someone brought in, picked or hired to lead
        ("In March, the insurer brought in a new chief executive, Paula Reyes.", "appointment"),
        ("The board picked Tom Hale as chairman on Monday.", "appointment"),
        ("The club hired Rui Costa as its head coach on Friday.", "appointment"),
        # a trip to or from a named place
        ("The foreign minister returned to Beijing on Monday.", "visit"),
        ("The health minister led a team of doctors to Haiti on Friday.", "visit"),
    ],
)
def test_the_frame_types_the_verb(text, type_):
    assert type_ in _types(text), [(e.type, e.title) for e in extract(text, D)]


@pytest.mark.parametrize(
    "text, type_",
    [
        # no one spoke: a happening or a machine "raises fears", "sends signals"
        ("The outbreak has raised fears of a recession in Spain.", None),
        ("The probe has since sent signals to mission control.", None),
        # a verb of no saying takes its object's happening
        ("Acme announced a merger with Orland on Monday.", "deal"),
        # a rate or a price cut is no bid; a battle won no auction
        ("The central bank lowered interest rates on Monday.", "economy"),
        # sales that soar are the company's results, shares that soar a market's move
        ("Shares of Acme soared 12% on Monday.", "market"),
        # a reorganization of a ministry is no bankruptcy; a report filed no lawsuit
        ("The reporter filed a story from Kabul on Monday.", None),
        # people brought in who lead nothing
        ("The city brought in extra police officers on Friday.", None),
        # a return to no place, and troops on the move
        ("The company returned to profit in the second quarter.", None),
        ("Troops returned to Iraq on Monday.", None),
    ],
)
def test_the_frame_leaves_other_types(text, type_):
    """``None``: no event, or none of a type the rows above would give."""
    types = _types(text)
    if type_ is None:
        assert not set(types) & {"statement", "legal", "appointment", "visit"}, types
    else:
        assert type_ in types, types


@pytest.mark.parametrize(
    "text, type_",
    [
        # a thing's deed ("which struck") near a quake and no attacker: the disaster's
        (
            "It was a strong quake, the island's worst in decades, which struck at dawn on Monday.",
            "disaster",
        ),
        ("Militants fired rockets, which struck a school in the town on Monday.", "conflict"),
        ("The rebels, who struck the town on Monday, fled after the earthquake.", "conflict"),
        # a find police tell of is evidence; scientists' a discovery
        (
            "Police said on Friday that last month's discovery of a pistol near the farm was a "
            "breakthrough.",
            "legal",
        ),
        ("Scientists announced the discovery of a new species of frog on Monday.", "research"),
    ],
)
def test_context_types_the_deed(text, type_):
    assert type_ in _types(text), [(e.type, e.title) for e in extract(text, D)]


@pytest.mark.parametrize(
    "text, type_",
    [
        # a charge on the books is the company's results, no accusation and no command taken
        ("Acme took a fourth-quarter pre-tax charge of $10 million in December.", "earnings"),
        ("Acme recorded a charge of $45 million in the third quarter.", "earnings"),
        ("The prosecutor filed charges of fraud against the banker on Monday.", "legal"),
        ("Jane Smith took charge of the company in March.", "appointment"),
        # results hit by something are results, no attack
        (
            "Operating results were hit by higher loan loss reserves in the third quarter.",
            "earnings",
        ),
        ("The storm hit the coast on Monday.", "disaster"),
    ],
)
def test_books_and_results(text, type_):
    assert type_ in _types(text), [(e.type, e.title) for e in extract(text, D)]
