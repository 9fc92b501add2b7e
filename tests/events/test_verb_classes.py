"""Types for verbs and nouns the main tables do not list, from the broad verb classes
(``service/data/verb_classes.json``), and the predicate's own words over other words of its
clause. Invented rows, positive and negative."""

import datetime as dt

import pytest

from service.events import extract, lexicon

D = dt.date(2024, 3, 28)


@pytest.mark.parametrize(
    "text, type_",
    [
        # commerce: an offer, a bid, a sale, put up for sale
        ("Acme received a takeover offer from Orland on Monday.", "deal"),
        ("Orland sweetened its bid for Acme on Tuesday.", "deal"),
        ("The family put the newspaper up for sale on Monday.", "deal"),
        ("The state auctioned the licences on Monday.", "deal"),
        ("The city leased the port to a Danish operator on Monday.", "deal"),
        # legal process and crime
        ("The suspect was arraigned in federal court on Monday.", "legal"),
        ("On Monday the driver was cited by police for speeding.", "legal"),
        ("Police cited the driver for speeding on Monday.", "legal"),
        ("The governor pardoned the former mayor on Friday.", "legal"),
        ("Two men were deported to Albania on Tuesday.", "legal"),
        ("The board censured the senator on Thursday.", "legal"),
        ("Thieves robbed a jewellery store in Lyon on Monday.", "legal"),
        ("The treasurer embezzled $2 million from the charity in 2019.", "legal"),
        ("The judge handed down a ten-year sentence on Friday.", "legal"),
        ("The former minister will stand trial in May.", "legal"),
        # conflict and violence
        ("Gunmen stabbed two guards at the gate on Monday.", "conflict"),
        ("Rebels besieged the town of Kura on Monday.", "conflict"),
        ("Russia annexed Crimea in March 2014.", "conflict"),
        ("The garrison surrendered on Friday.", "conflict"),
        ("Troops fired rockets into the town on Monday.", "conflict"),
        ("Troops fired on protesters in the capital on Monday.", "conflict"),
        ("Militants shot down a helicopter on Monday.", "conflict"),
        ("Pirates took the crew hostage on Tuesday.", "conflict"),
        # deaths
        ("The climber succumbed to his injuries on Tuesday.", "death"),
        ("Police discovered the body of a woman in a flat on Monday.", "death"),
        # employment
        ("The board fired its chief executive on Monday.", "resignation"),
        ("The king abdicated on Tuesday.", "resignation"),
        ("The army deposed the president on Wednesday.", "resignation"),
        ("The party designated Ana Ruiz as its candidate on Monday.", "appointment"),
        ("Stephen Vale will succeed Mary Cole as chief executive in June.", "appointment"),
        ("The new ministers were sworn in on Monday.", "appointment"),
        # markets and the economy: a verb of change is its subject's
        ("The yen plummeted on Monday.", "market"),
        ("Shares of Acme skyrocketed on Monday.", "market"),
        ("Inflation spiked in March.", "economy"),
        ("The central bank devalued the peso on Monday.", "economy"),
        ("Argentina defaulted on its debt in 2001.", "economy"),
        ("The carmaker furloughed 3,000 workers on Monday.", "economy"),
        ("The state bailed out the bank on Sunday.", "economy"),
        # communication
        ("The minister promised on Monday to cut taxes.", "statement"),
        ("The president denounced the decision on Monday.", "statement"),
        ("The senator lambasted the plan on Tuesday.", "statement"),
        ("The union called on the government to resign on Monday.", "statement"),
        ("The prime minister reaffirmed on Monday that taxes would not rise.", "statement"),
        ("Soldiers defended the town against the rebels on Monday.", "conflict"),
        ("Nadal defended his title in Paris on Sunday.", "other"),
        # a product developed is a launch; a fever developed no launch
        (
            "Orbis has developed the first rapid test for the virus, the firm said on Tuesday.",
            "launch",
        ),
        ("The patient developed a fever on Monday.", "other"),
        # diplomacy and agreements
        ("Qatar brokered a truce between the two sides on Monday.", "agreement"),
        ("The two firms partnered with the university on Monday.", "agreement"),
        ("Moscow expelled ten British diplomats on Monday.", "sanctions"),
        ("The EU banned imports of Russian steel on Monday.", "sanctions"),
        # motion and space
        ("The satellite was sent into space on Monday.", "launch"),
        ("The shuttle docked with the space station on Monday.", "launch"),
        ("The capsule splashed down in the Pacific on Friday.", "launch"),
        # disasters and outbreaks
        ("Floodwaters inundated the old town on Monday.", "disaster"),
        ("The tanker spilled 3,000 tonnes of oil on Monday.", "disaster"),
        ("The virus infected 40 people in the camp in March.", "disaster"),
        # protest and politics
        ("Dockworkers picketed the port on Monday.", "protest"),
        ("The candidate campaigned in Ohio on Monday.", "election"),
        ("Larkspur campaigned against the merger with Orland on Monday.", "other"),
        # science
        ("Astronomers discovered a new moon of Saturn on Monday.", "research"),
        # negatives: an untyped verb stays untyped; generic verbs take no class
        ("The government ordered its ambassador home on Monday.", "other"),
        ("The ministry ordered the troops home from the border on Monday.", "other"),
        ("Ryanair ordered 20 aircraft from Boeing on Monday.", "deal"),
    ],
)
def test_broad_verb_classes(text, type_):
    events = extract(text, D)
    assert [e.type for e in events] == [type_], [(e.type, e.title) for e in events]


@pytest.mark.parametrize(
    "text, types",
    [
        # the blasts of bombs are the attack's; a gas blast or a quake's injured a disaster's
        (
            "Two car bombs exploded outside the embassy on Friday. The blasts killed 40 people.",
            ["conflict", "conflict"],
        ),
        (
            "An earthquake struck the region on Monday. At least 300 people were injured.",
            ["disaster", "disaster"],
        ),
        ("A gas explosion killed four people in a Lyon apartment block on Friday.", ["disaster"]),
        # "succeeded in" names no successor: the deal reached is the event
        ("The company succeeded in reaching a deal on Monday.", ["agreement"]),
    ],
)
def test_several_events_or_none_typed(text, types):
    assert [e.type for e in extract(text, D)] == types


@pytest.mark.parametrize(
    "text, type_",
    [
        # the predicate's own lemma over a word elsewhere in its clause
        ("Troops fired rockets at the village on Monday.", "conflict"),  # "fire" is no blaze
        ("Acme said on Monday it would cut 2,000 jobs.", "economy"),
        ("Acme said on Monday that it had acquired Orland for $2 billion.", "deal"),
        ("Police said on Monday they had arrested two men.", "legal"),
        ("The minister said on Monday that the economy was strong.", "statement"),
        # a deed done to someone with no doer named is the report's news: its type
        ("The regulator said on Monday that the bank had been fined $5 million.", "legal"),
        ("Police confirmed on Monday that two men were arrested.", "legal"),
        ("The ministry said on Monday that the talks were postponed.", "statement"),
        ("The minister said on Monday that talks had failed.", "statement"),
        # "died" of a subject with no life is no death; of people it is
        ("The fad died out in 1999.", "other"),
        ("The bill died in committee on Tuesday.", "other"),
        ("The singer died on Monday.", "death"),
        ("A boy died of swine flu in Texas on Monday.", "death"),
        # a noun inside an adjective is no frame noun: "duty-free access" imposes no duty
        ("The ministry approved duty-free access for Haitian textiles on Monday.", "other"),
        ("Washington imposed new tariffs on Chinese steel on Monday.", "sanctions"),
        ("The government raised import duties on cars on Monday.", "sanctions"),
        ("Rebels seized the war-torn town on Monday.", "conflict"),
        # a relative pronoun subject stands for the noun it hangs on: the quake struck
        ("The quake, which struck Haiti at dawn on Tuesday, killed 12 people.", "disaster"),
        ("The rebels, who struck the town on Monday, fled into the hills.", "conflict"),
    ],
)
def test_the_predicate_decides(text, type_):
    assert [e.type for e in extract(text, D)] == [type_]


def test_the_classes_are_well_formed():
    """Every class names a known type, no verb sits in two classes, and the main tables keep
    their words (a class never retypes a verb lexicon.json types)."""
    from service.vocabulary import EVENT_TYPES

    assert set(lexicon.CLASSES["verbs"]) <= set(EVENT_TYPES)
    assert set(lexicon.CLASSES["nouns"]) <= set(EVENT_TYPES)
    assert set(lexicon.CLASS_PHRASES.values()) <= set(EVENT_TYPES)
    for rule in lexicon.CLASS_RULES:
        assert rule.type in EVENT_TYPES
    words = [w for ws in lexicon.CLASSES["verbs"].values() for w in ws]
    assert len(words) == len(set(words))
    assert len(words) + len(lexicon.CLASS_MOVES) >= 400


@pytest.mark.parametrize(
    "lemma, subject, obj, type_",
    [
        ("arraign", set(), set(), "legal"),
        ("plummet", {"yen"}, set(), "market"),
        ("plummet", {"profit"}, set(), "earnings"),
        ("plummet", {"inflation"}, set(), "economy"),
        ("plummet", {"attendance"}, set(), "other"),
        ("receive", set(), {"offer"}, "deal"),
        ("receive", set(), {"letter"}, "other"),
        ("say", set(), set(), "statement"),  # the main tables keep precedence
        ("order", set(), {"aircraft"}, "deal"),
    ],
)
def test_verb_type_falls_back_to_the_classes(lemma, subject, obj, type_):
    head = next(iter(obj), None)
    assert lexicon.verb_type(lemma, subject, obj, set(), head=head) == type_
