"""What a news text tells that is no happening (issue precision2): a state or an activity told
as lasting ("have been cut off for two years", "ruled for centuries"), an allegation
("allegedly rented"), a voiced hope ("expressed the hope that"), a stance or a benefit ("has
staunchly opposed", "has benefited from"). Invented rows, each class with rows it must drop
and rows it must keep."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2024, 3, 28)


def _told(text: str, word: str) -> list[str]:
    return [
        e.title
        for e in extract(text, D)
        if any(word in text[m.start : m.end].lower() for m in e.mentions)
    ]


@pytest.mark.parametrize(
    "text, word",
    [
        # a perfect passive lasting for a period
        ("Talks between the two countries have been cut off for nearly two years.", "cut"),
        ("The border crossing has been closed for three weeks.", "closed"),
        ("The girl had been trapped under the rubble for three days.", "trapped"),
        ("The airport had been shut since the eruption.", "shut"),
        ("The aid convoy has been stalled at the border since the ceasefire.", "stall"),
        # any tense, for centuries, decades or years: a stretch of history
        ("The province was ruled from Vienna for centuries.", "ruled"),
        ("The dynasty ruled the region for hundreds of years.", "ruled"),
        ("Farmers in the valley grew rice for generations.", "grew"),
        ("The two families feuded for years.", "feud"),
        # an allegation is a claim, not a happening told
        ("Prosecutors said the suspect allegedly rented a flat in Leeds.", "rent"),
        ("The manager supposedly paid the referee before the match.", "paid"),
        ("Mr Holt purportedly signed the letter in 2019.", "sign"),
        # a voiced hope, wish or confidence: an attitude, nothing done
        ("The astronaut expressed the hope that he would one day fly again.", "express"),
        ("The minister voiced confidence that a deal would be reached.", "voice"),
        ("The coach reiterated his belief that the team would win the title.", "reiterat"),
        # a stance or a benefit held: a state
        ("The Kremlin has staunchly opposed the alliance's expansion.", "oppos"),
        ("Acme has benefited from the weak dollar.", "benefit"),
        ("Most voters favour a referendum on the treaty.", "favour"),
        ("Exporters profited from the weak currency.", "profit"),
        # a cause given, undated: an explanation
        ("Acme attributed the rise in costs to the strike.", "attribut"),
        ("The airline attributed the increase to higher fares.", "attribut"),
        # an undated change of a standing or a feeling: a figure
        (
            "Acme's stock hit a high in 1983, but the product failed and Acme's fortunes plunged.",
            "plung",
        ),
        ("Acme launched a phone in 2010 and the company's fortunes soared.", "soar"),
        ("Labour's hopes of a majority faded.", "fad"),
        ("The party's fortunes collapsed.", "collaps"),
        ("Morale in the army sank after the retreat.", "sank"),
        # an undated passive of a time gone by: a former state
        ("Previously, foreign imports were denied such treatment.", "denied"),
        ("The site was formerly used by the army as a barracks.", "used"),
        # an undertaking only said to be had: no happening to place
        ("The Acme union said it would press for higher pay.", "press"),
        ("Greenpeace said it would lobby the European Commission for a ban.", "lobby"),
        ("Greenpeace said it would campaign against the new mine.", "campaign"),
    ],
)
def test_no_event(text, word):
    told = _told(text, word)
    assert not told, told


@pytest.mark.parametrize(
    "text, word",
    [
        # a deed that sets a term keeps its event
        ("The striker has been banned for two years.", "ban"),
        ("The former mayor has been jailed for six years for fraud.", "jail"),
        ("The trial has been postponed for a week.", "postpone"),
        ("Acme signed the striker for three years on Monday.", "sign"),
        # a period with a reason of its own, a counted period in a simple past, a stretch the
        # text dates
        ("The company was fined for years of price fixing.", "fine"),
        ("The rebels held the hostages for three months before releasing them.", "held"),
        ("The Habsburgs ruled the province for decades until 1918.", "ruled"),
        # a deed repeated since a time
        ("The activist has been arrested numerous times since 1990.", "arrest"),
        # a progressive dated by its stretch is told (ongoing or past)
        ("Inflation has been falling for six months.", "fall"),
        ("The rebels had been holding the hostages for three months.", "hold"),
        # a report, not an allegation; a stance that is a deed of its own
        ("The suspect reportedly fled to Spain on Monday.", "fled"),
        ("The minister expressed concern about the delays on Monday.", "express"),
        ("The senate voted to oppose the plan on Tuesday.", "vote"),
        # an active deed told as earlier, a dated passive, a dated cause, a dated undertaking
        ("Acme had previously announced a loss.", "announc"),
        ("The bridge was previously closed on Monday.", "closed"),
        ("On Tuesday the coroner attributed the death to an overdose.", "attribut"),
        ("The union said on Monday it would press for a pay rise.", "said"),
        # a measure's change is told; a figure the text dates is told too
        ("Acme shares plunged after the product failed.", "plung"),
        ("Consumer confidence fell three points in May.", "fell"),
        # a stance the text dates is a deed of its day
        ("The Senate opposed the bill on Tuesday.", "oppos"),
        ("The Chinese government said on Monday it opposed the sale.", "said"),
        ("Acme said on Monday it had benefited from the weak dollar.", "said"),
    ],
)
def test_still_an_event(text, word):
    assert _told(text, word)
