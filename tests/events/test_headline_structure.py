"""Headlines from the predicate-argument structure: the logical subject (the agent of a
passive), the verb in the present tense, the object; no addressee for what is said, no
dangling word, numbers kept with the word that gives their sense, agreement with a name."""

import datetime as dt

import pytest

from service.events import extract
from service.events.extract import described
from service.events.phrases import Phrase

D = dt.date(2024, 3, 28)


def titles(text: str) -> list[str]:
    return [e.title for e in extract(text, D)]


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "Yang told reporters on Tuesday that the talks had been useful.",
            "Yang says talks had been useful",
        ),
        (
            "Bankman-Fried was sentenced to 25 years in prison by a federal judge on Thursday.",
            "Federal judge sentences Bankman-Fried to 25 years in prison",
        ),
        (
            "One of the colleagues was convicted by a jury in March.",
            "Jury convicts one of the colleagues",
        ),
        ("George Lowe has died aged 89.", "George Lowe dies aged 89"),
        # a declared thing is an object, even when the parse reads it as a clause; a clause
        # declared is still said
        (
            "The World Health Organization declared an influenza pandemic on Thursday.",
            "WHO declares influenza pandemic",
        ),
        (
            "The government declared a state of emergency on Monday.",
            "Government declares state of emergency",
        ),
        ("Officials said on Monday the town is safe.", "Officials say town is safe"),
        # a role named in apposition: the person; a suggestion stays a suggestion
        (
            "The head of the World Health Organisation, Margaret Chan, suggested on Monday "
            "that the alert would move to its highest level.",
            "Margaret Chan suggests alert would move to its highest level",
        ),
        ("The company's chief executive, Anna Berg, resigned on Monday.", "Anna Berg resigns"),
        ("The president and his wife arrived on Monday.", "President and his wife arrive"),
        # an aside after the object is no second object; a noun parsed as a participle stays
        (
            "The navy issued a tsunami warning on Tuesday, the first since 2011.",
            "Navy issues tsunami warning",
        ),
        (
            "The bank sold its stake to Rosneft, the Russian oil giant, on Monday.",
            "Bank sells stake to Rosneft",
        ),
        ("Police arrested people living in the building on Monday.", "Police arrest people"),
        # a fronted "of" phrase tells what a number counts
        ("Of the 40 passengers, 12 were rescued on Monday.", "12 of the 40 passengers rescued"),
        ("Of course, the minister resigned on Monday.", "Minister resigns"),
        (
            "Daniel Whitcombe pleaded not guilty to fraud on Monday.",
            "Daniel Whitcombe pleads not guilty to fraud",
        ),
        ("Stocks in Santiago fell 1.2% on Thursday.", "Stocks in Santiago fall 1.2%"),
        (
            "A tsunami warning was issued on Tuesday, the first since 2011.",
            "Tsunami warning issued",
        ),
        (
            "Geert Wilders won the election in November. "
            "Wilders said on Tuesday that the coalition talks had failed.",
            "Wilders says coalition talks had failed",
        ),
    ],
)
def test_headline_from_the_predicate_and_its_arguments(text, title):
    assert title in titles(text)


@pytest.mark.parametrize(
    "text",
    [
        "A tsunami warning was issued on Tuesday, the first since 2011.",
        "Leaders agreed on Tuesday to hold the next summit on July 22-23, 2020.",
        "The suspect was arrested by police in Leeds on Monday.",
    ],
)
def test_no_headline_ends_on_a_function_word_or_an_ordinal(text):
    for title in titles(text):
        assert title.split()[-1].lower() not in {"on", "by", "to", "the", "a", "of", "first"}, title


@pytest.mark.parametrize(
    "phrase, expected",
    [
        (Phrase("Leaders", "agree", "to hold next summit on"), "Leaders agree to hold next summit"),
        (Phrase("Court", "rules", "against the"), "Court rules"),
        (Phrase("Talks", "end", "in Geneva"), "Talks end in Geneva"),
    ],
)
def test_a_dangling_function_word_is_dropped(phrase, expected):
    assert phrase.headline() == expected


@pytest.mark.parametrize(
    "text, title",
    [
        # a name is one, whatever its last letter, when the article names it so elsewhere
        (
            "Geert Wilders won the vote. Wilders said on Monday that the coalition had collapsed.",
            "Wilders says coalition had collapsed",
        ),
        # a pronoun told as the object of the active verb
        (
            "He was sentenced to 25 years in prison by a federal judge on Friday.",
            "Federal judge sentences him to 25 years in prison",
        ),
        # reported content ends on its verb, not on an auxiliary; an announcement is told so
        (
            "Ministers announced on Monday that GPs were to be allowed to diagnose the virus.",
            "Ministers announce GPs were to be allowed to diagnose the virus",
        ),
        # a disaster named by its noun is told as striking
        ("Rescuers reached the town after the Haiti earthquake on Tuesday.", None),
        # a noun's happening with the verb that says it happened, not a bare noun
        ("Talks between the two sides resumed on Monday.", "Talks between the two sides resume"),
        ("The summit took place in Bali on Tuesday.", "Summit takes place in Bali"),
        ("The trial is set to begin on 28 March.", "Trial to begin"),
        # the agent of a passive relative clause leads
        (
            "Mr Lambert, who was sentenced to 25 years in prison by the court in 2019, "
            "appealed on Monday.",
            "Court sentences Lambert to 25 years in prison",
        ),
        ("She was arrested by police on Sunday.", "Police arrest her"),
        # a ship is where it happened, not who took part
        ("Nine activists were killed on board the Sea Star on Monday.", "Nine activists killed"),
        # an adverb that is the verb's particle stays with it; an adverb of degree does not
        ("The mayor stepped down on Tuesday.", "Mayor steps down"),
        ("Dock workers walked out on Friday.", "Dock workers walk out"),
        ("The mayor quickly resigned on Tuesday.", "Mayor resigns"),
        # a noun's happening told with the verb's particle and its bare object
        ("The ceasefire will take effect on Sunday.", "Ceasefire to take effect"),
        ("Talks with the union broke down on Friday.", "Talks with the union break down"),
        # a relative pronoun object is the noun it stands for
        (
            "Troops entered Tessalit on Monday, a town which the rebels captured in 2019.",
            "Rebels capture town",
        ),
        # a clause on a happening's participant, with no object, is told of the happening;
        # one with an object stays with the participant
        (
            "Talks with the union, which collapsed in May, resumed on Monday.",
            "Talks with the union collapse",
        ),
        (
            "The strike by the dockers, who blocked the port in May, ended on Monday.",
            "Dockers block port",
        ),
        # a death or resignation named by its noun, with its owner, is told with its verb;
        # a noun with more to tell stays a noun
        (
            "The inquest opened two weeks after Jane Porter's death in May.",
            "Jane Porter dies",
        ),
        (
            "Shares fell on Monday after Tom Baker's resignation in March.",
            "Tom Baker resigns",
        ),
        # a group named by a plural common word agrees as many; a name as one
        ("Rebels attacked the village on Monday.", "Rebels attack village"),
        ("The Netherlands signed the treaty on Monday.", "Netherlands signs treaty"),
        # a conjoined subject of named actors, each by name, agrees as many
        (
            "Italian Prime Minister Marco Rossi and Anna Berg signed a pact on Tuesday.",
            "Marco Rossi and Anna Berg sign pact",
        ),
        # a reduced passive with its adjective complement; the active keeps its doer
        ("Former nurse Ellen Marsh, found guilty", "Ellen Marsh found guilty"),
        ("The jury found the nurse guilty on Friday.", "Jury finds nurse guilty"),
        # reported content that opens the sentence is not capitalised inside the headline
        (
            "Engineers have repaired the bridge, the council said on Monday.",
            "Council says engineers have repaired bridge",
        ),
        (
            "Italy has closed its border, officials said on Monday.",
            "Officials say Italy has closed border",
        ),
        # a count of days is when the event was, not its object; a count of a measure is
        (
            "The mayor of Leeds resigned on Friday, two days after the firm admitted that 2 "
            "million pounds listed in its accounts did not exist.",
            "Firm admits 2 million pounds did not exist",
        ),
        ("Shares in the bank rose 12 percent on Monday.", "Shares in the bank rise 12 percent"),
        # the role a verb with no object takes with "as"
        ("In 1961 Tom Baker trained as a pilot.", "Tom Baker trains as a pilot"),
        ("In 1961 Tom Baker trained in Leeds.", "Tom Baker trains in Leeds"),
        ("As a precaution, the school was closed on Monday.", "School closed"),
        # a count of minutes before a place in the match is kept with it
        (
            "Marsh scored ten minutes from the end on Sunday.",
            "Marsh scores ten minutes from the end",
        ),
        # a relative clause whose verb is told of people stays with the people
        (
            "The deaths of two patients who died during the outage in 2019 led to the inquiry.",
            "Two patients die",
        ),
    ],
)
def test_headline_rows(text, title):
    found = titles(text)
    if title is None:
        assert all(not t.lower().endswith(("say", "were", "earthquake")) for t in found), found
    else:
        assert title in found, found


def test_a_vessel_is_no_participant():
    (event,) = extract("Nine activists were killed on board the Sea Star on Monday.", D)
    assert not any("Sea Star" in a.name for a in event.actors)


@pytest.mark.parametrize(
    "text, title",
    [
        # a participle with a subject and no auxiliary or object is a passive: a headline's
        # "found guilty", a gapped "300 detained" (a gapped casualty count joins its toll,
        # test_one_toll.py)
        (
            "The surgeon's assistant, Pia Lorenz, found guilty of fraud on Monday.",
            "Pia Lorenz found guilty of fraud",
        ),
        (
            "Officials say up to 200 people have been arrested, 300 detained and 50 left "
            "homeless by the raids.",
            "300 detained",
        ),
        # an active verb with its object and complement stays active
        ("The jury found him guilty on Monday.", "Jury finds him guilty"),
        # an auxiliary of the passive makes a passive whatever the parse calls the subject
        (
            "The Hotel Mara is the oldest building in Lyon and has been described by the mayor "
            "as a treasure.",
            "Mayor describes Hotel Mara",
        ),
        # what the object is asked or sent to do stays with it
        (
            "The insurer asked a judge in Boston on Monday to cancel the policy.",
            "Insurer asks judge to cancel the policy in Boston",
        ),
        (
            "Norway sent a ship on Tuesday to rescue the crew.",
            "Norway sends ship to rescue the crew",
        ),
        # a lone infinitive word is no complement to tell
        ("The council met the unions on Monday to talk.", "Council meets unions"),
        # "he" is none of a plural teller
        (
            "Prosecutors said on Monday he gave the patient a lethal dose.",
            "He gives patient lethal dose",
        ),
        ("The minister said on Monday he would resign.", "Minister to resign"),
    ],
)
def test_passives_complements_and_tellers_in_headlines(text, title):
    told = [e.title for e, _ in described(text, D)]  # before the learned keep decision
    assert title in told, told


@pytest.mark.parametrize(
    "text, title",
    [
        # each conjunct of a joined subject is told, by its name or its own short phrase
        (
            "The military government and the separatist Northern Unity Front signed a ceasefire "
            "on Tuesday.",
            "Military government and Northern Unity Front sign ceasefire",
        ),
        ("Police and soldiers raided the house on Friday.", "Police and soldiers raid house"),
        (
            "Germany, France and Spain signed the pact on Monday.",
            "Germany, France and Spain sign pact",
        ),
        # an ampersand joins the words of one name; a name beside a description is one
        ("Procter & Gamble cut 2,000 jobs on Monday.", "Procter & Gamble cuts 2,000 jobs"),
        (
            "The auditor, Lindqvist & Partners, refused on Monday to sign off on the accounts.",
            "Auditor Lindqvist & Partners refuses to sign off on the accounts",
        ),
        # a gerund is the object as it is ("denied targeting"), never "to targeting"
        (
            "A spokesman for the coalition denied targeting civilians on Tuesday.",
            "Spokesman for the coalition denies targeting civilians",
        ),
        (
            "The coalition denied on Tuesday targeting civilians.",
            "Coalition denies targeting civilians",
        ),
        ("The firm agreed on Monday to pay a fine.", "Firm agrees to pay a fine"),
    ],
)
def test_joined_subjects_and_gerund_objects(text, title):
    assert title in titles(text), titles(text)


@pytest.mark.parametrize(
    "text, absent",
    [
        # an aside after a comma is no object
        ("Police opened fire on protesters on Monday, killing three.", "Police open fire killing"),
        ("Police and soldiers raided the house on Friday.", "Police raid house"),
    ],
)
def test_no_aside_as_object_and_no_conjunct_lost(text, absent):
    assert not any(t.startswith(absent) for t in titles(text)), titles(text)


@pytest.mark.parametrize(
    "text, title",
    [
        # a teller's own deed is told as the deed
        (
            "Apex Corp has agreed to buy its rival Bolt for $2 billion, the company said on "
            "Monday.",
            "Apex Corp agrees to buy its rival Bolt for $2 billion",
        ),
        (
            "Norrland Bank said on Monday it would cut 2,000 jobs.",
            "Norrland Bank to cut 2,000 jobs",
        ),
        # not a state or a view, not an activity, not someone else's deed, not the owner's
        ("Sorell said on Monday it was disappointed.", "Sorell says it was disappointed"),
        (
            'The bank said on Monday that it had "cooperated fully" with the investigation.',
            "Bank says it had cooperated with the investigation",
        ),
        (
            "Margaret Ellison, the explorer, has died, aged 91, her family said on Saturday.",
            "Margaret Ellison's family says Margaret Ellison has died",
        ),
        # an indirect question keeps its opening word; an age keeps "aged"
        (
            "The regulator said in September it was reviewing how banks value loans.",
            "Regulator reviews how banks value loans",
        ),
        ("Margaret Ellison has died aged 91.", "Margaret Ellison dies aged 91"),
        # what the object is ordered to do, parsed as a clause with no subject
        (
            "A judge ordered Dr Conrad Murray should stand trial in March.",
            "Judge orders Conrad Murray to stand trial",
        ),
        (
            "The judge set the trial for March over Jackson's death aged 50 in June 2009.",
            "Jackson dies aged 50",
        ),
    ],
)
def test_own_deeds_questions_and_ages(text, title):
    assert title in titles(text), titles(text)


@pytest.mark.parametrize(
    "text, title",
    [
        # a dateline's blanked place leaves no article at the head of the subject
        (
            "SANAA (Reuters) - An air strike hit a crowded market in the town of Al-Mansura on "
            "Tuesday.",
            "Air strike hits crowded market in Al-Mansura",
        ),
        (
            "FRANKFURT (Reuters) - The chief executive of German payments firm Paywell AG "
            "resigned on Wednesday.",
            "Chief executive resigns",
        ),
    ],
)
def test_no_article_left_by_a_dateline(text, title):
    assert title in titles(text), titles(text)


@pytest.mark.parametrize(
    "text, title",
    [
        # a verb with no object keeps the "at"/"in"/"on" phrase that completes it
        (
            "The rand traded at its weakest level in a decade on Monday.",
            "Rand trades at its weakest level",
        ),
        ("The stock closed at $12.40 on Friday.", "Stock closes at $12.40"),
        # a stretch of time spent keeps where or doing what (dated: undated, it is a stretch
        # of a life, no event, test_life_course.py)
        (
            "Okafor, who spent 11 years in prison from 1998, was freed on Monday.",
            "Okafor spends 11 years in prison",
        ),
        (
            "In the 1990s the company spent three years developing the engine.",
            "Company spends three years developing the engine",
        ),
        # an amount keeps the unit written onto its number
        ("The agency has pledged £15m to the appeal.", "Agency pledges £15m to the appeal"),
        ("The UN launched an appeal for $80m on Monday.", "UN launches appeal for $80m"),
        # "it" as the object of a second clause: the first clause's object
        (
            "The coast guard issued a storm warning on Monday and lifted it on Tuesday.",
            "Coast guard lifts storm warning",
        ),
        (
            "The senate passed the bill on Tuesday, a week after the lower house approved it.",
            "Lower house approves bill",
        ),
        # reported content keeps where its verb goes, and a question it asks
        (
            "The ministry said on Friday that the outbreak had spread to three more provinces.",
            "Ministry says outbreak had spread to three more provinces",
        ),
        # negative rows: an aside after a comma, a date and a circumstance are not told
        ("The minister resigned on Friday, in a letter to the prime minister.", "Minister resigns"),
        ("The talks broke down early on Sunday.", "Talks break down"),
        # where it happened is the place's to tell, not a complement
        ("A worker died at the plant on Monday.", "Worker dies"),
        ("A bomb exploded in the market on Monday.", "Bomb explodes"),
    ],
)
def test_what_completes_a_verb_is_told(text, title):
    assert title in titles(text), titles(text)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("The talks broke down early on Sunday.", "Talks break down early"),
        (
            "The minister resigned on Friday, in a letter to the prime minister.",
            "Minister resigns in a letter",
        ),
        ("The fund manager pledged $15m to the appeal.", "Fund manager pledges $15 to the appeal"),
        (
            "Nine activists were killed on board the Sea Star on Monday.",
            "Nine activists killed on board",
        ),
    ],
)
def test_no_date_aside_or_cut_amount_completes_a_verb(text, absent):
    assert absent not in titles(text), titles(text)


@pytest.mark.parametrize(
    "text, title",
    [
        # "police" is many, even where the text also names a "Police Department"
        (
            "The LA Police Department opened a case in June. "
            "Police have searched his offices, a spokesman said.",
            "Police search offices",
        ),
        ("Police interviewed the driver on Monday.", "Police interview driver"),
        # a plural common noun that no actor covers is many, even read as part of a name
        (
            "Heads of State and Government from 12 Pacific nations ended a two-day summit in "
            "Busan on Wednesday.",
            "Heads of State and Government end two-day summit in Busan",
        ),
        # a name is one
        (
            "Geert Wilders said on Tuesday that the talks had failed.",
            "Geert Wilders says talks had failed",
        ),
    ],
)
def test_police_agree_as_many(text, title):
    assert title in titles(text), titles(text)


@pytest.mark.parametrize(
    "text, title",
    [
        # a happening only scheduled is told as scheduled, not as a bare noun
        ("A hearing on the request is scheduled for Thursday.", "Hearing on the request scheduled"),
        (
            "Mediation talks are scheduled for Sept. 12 in Cologne, the union said.",
            "Mediation talks scheduled in Cologne",
        ),
        # set to happen: told by what it is set to do
        ("The trial is set to begin on March 28.", "Trial to begin"),
    ],
)
def test_a_scheduled_happening_is_told_scheduled(text, title):
    assert title in titles(text), titles(text)


@pytest.mark.parametrize(
    "text, title",
    [
        # a name ending in a plural s takes the apostrophe alone
        (
            "Orbis Technologies said its device had passed 200,000 folding tests.",
            "Orbis Technologies' device passes 200,000 folding tests",
        ),
        (
            "Brightline said its net profit rose 41 percent.",
            "Brightline's net profit rises 41 percent",
        ),
    ],
)
def test_possessive_of_a_name(text, title):
    assert title in titles(text), titles(text)


@pytest.mark.parametrize(
    "text, title",
    [
        # reported content too long for a headline is told with fewer words per phrase, not cut
        (
            "The health board confirmed on Monday that further analysis of these samples "
            "suggested a large majority of the tests were wrong.",
            "Health board confirms further analysis suggested large majority were wrong",
        ),
        # short content keeps its phrases whole
        (
            "The ministry said on Friday that the outbreak had spread to three more provinces.",
            "Ministry says outbreak had spread to three more provinces",
        ),
    ],
)
def test_long_reported_content_is_told_shorter(text, title):
    assert title in titles(text), titles(text)
