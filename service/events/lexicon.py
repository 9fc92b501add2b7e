"""What a predicate means: event types by lemma and frame, and the verbs that are no events.

A predicate's type comes from its lemma, refined by its frame (the nouns it governs): "rose"
is a market move when an index or a price rises, an economic release when inflation does;
"launched" is a conflict when an attack is launched, a launch otherwise. The classes follow
TimeML's EVENT notion (occurrences, actions, changes of state, speech acts); states and
opinions ("believe", "want", "seem") and aspectual or modal verbs are no events.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: lemma -> type, for verbs whose type does not depend on their frame.
VERB_TYPES: dict[str, str] = {}
for _type, _lemmas in {
    "statement": """say state declare announce tell claim deny warn urge stress insist note
        acknowledge confirm reveal disclose comment assert reiterate condemn criticize criticise
        welcome praise accuse apologise apologize demand threaten vow predict add explain
        describe argue suggest admit report respond reply question dismiss reject blame
        thank congratulate express emphasise emphasize underline complain""",
    "meeting": "meet host confer convene negotiate discuss consult attend gather talk",
    "visit": "visit arrive travel tour fly",
    "agreement": "agree sign ratify pledge commit endorse",
    "membership": "join admit accede",
    "sanctions": "sanction blacklist embargo",
    "conflict": """attack invade bomb shell shoot raid clash fight capture seize occupy wound
        destroy ambush massacre assassinate kidnap abduct hijack bombard torpedo storm
        retake recapture repel intercept""",
    "death": "die drown perish",
    "election": "elect reelect re-elect inaugurate",
    "deal": "acquire buy purchase sell merge invest divest order bid",
    "market": "rally slump tumble plunge soar surge slide jump sink rebound dip",
    "legal": """sue charge indict convict sentence acquit arrest detain plead fine jail
        imprison prosecute appeal settle testify overturn uphold extradite investigate probe
        allege subpoena""",
    "disaster": "erupt collapse crash derail flood evacuate",
    "launch": "launch release unveil introduce debut",
    "appointment": "appoint nominate hire promote",
    "resignation": "resign quit retire oust sack",
    "legislation": "pass enact veto legislate amend repeal",
    "protest": "protest demonstrate march boycott",
}.items():
    for _lemma in _lemmas.split():
        VERB_TYPES[_lemma] = _type

#: Phrasal verbs (lemma and particle) whose type differs from the verb's own.
PHRASAL = {
    "point out": "statement",
    "step down": "resignation",
    "stand down": "resignation",
    "take over": "deal",
    "buy out": "deal",
    "sell off": "market",
    "carry out": "other",
    "set up": "launch",
    "roll out": "launch",
    "call off": "other",
    "sign up": "agreement",
    "break out": "conflict",
    "pass away": "death",
    "shut down": "other",
    "lay off": "other",
    "speak out": "statement",
    "hit back": "statement",
}
#: Growth verbs: an economic release when the economy or a measure of it is their subject.
GROWTH = frozenset({"grow", "shrink", "contract", "expand"})

#: Reporting verbs: what they report (their clausal complement) is an event of its own.
REPORTING = _words(
    "say state declare announce tell claim deny warn report add confirm reveal disclose "
    "assert reiterate insist acknowledge note stress explain argue suggest admit write"
)
#: States, opinions, perception, aspect and modality: no happening of their own.
STATIVE = _words(
    "be have seem appear believe think know want wish hope expect need like love hate feel "
    "consider include contain remain mean cost own belong deserve matter depend represent "
    "involve concern lack exist tend fear doubt prefer understand recognize recognise "
    "suppose assume regard see hear look sound become keep stay continue try seek aim "
    "intend plan attempt manage fail begin start stop cease finish get let make go come use "
    "allow enable help require cause face account range total number amount compare "
    "estimate worry care mind imagine remember forget reflect indicate show suggest "
    "follow accord base dub wait await live work reside serve"
)
#: Verbs whose infinitive complement is an intention: the complement is planned.
PLANNING = _words(
    "plan intend aim expect hope agree decide vow promise pledge propose prepare schedule "
    "set want seek threaten offer undertake resolve"
)
#: Adverbs of habit: the clause tells what usually happens, not a happening.
HABITUAL = _words(
    "repeatedly regularly often usually routinely frequently increasingly always typically "
    "generally sometimes rarely seldom never occasionally"
)

#: Nouns naming a happening, with their type ("the summit", "Monday's earthquake").
NOUN_TYPES: dict[str, str] = {}
for _type, _nouns in {
    "statement": "statement remark speech announcement address interview testimony apology",
    "meeting": "meeting talk summit consultation negotiation conference call session",
    "visit": "visit trip tour",
    "agreement": """agreement deal treaty accord memorandum communique communiqué ceasefire
        truce pact""",
    "membership": "admission accession membership",
    "sanctions": "sanction embargo tariff",
    "conflict": """war invasion attack offensive airstrike strike shelling fighting clash bombing
        raid shooting assault ambush battle coup uprising incursion""",
    "death": "death funeral",
    "election": "election referendum vote runoff ballot primary poll polls inauguration",
    "deal": "acquisition merger takeover purchase sale buyout investment ipo offering bid",
    "economy": "recession inflation gdp growth unemployment",
    "legal": """trial ruling verdict arrest lawsuit indictment conviction sentence hearing probe
        investigation charge appeal settlement""",
    "disaster": """earthquake quake aftershock flood storm hurricane typhoon cyclone tornado tsunami
        eruption landslide avalanche wildfire fire blaze explosion blast crash collapse
        derailment outbreak drought""",
    "launch": "launch release unveiling debut rollout",
    "appointment": "appointment nomination",
    "resignation": "resignation retirement dismissal ouster",
    "legislation": "bill law legislation",
    "protest": "protest demonstration rally march boycott riot",
    "research": "study discovery",
    "earnings": "results",
}.items():
    for _noun in _nouns.split():
        NOUN_TYPES[_noun] = _type

#: Verbs that say a noun's happening happened: "the summit took place", "talks began".
OCCURRENCE = _words(
    "take happen occur begin start end conclude open close resume continue last set schedule "
    "plan due"
)
#: Light verbs whose object noun is the happening: "held talks", "paid a visit".
LIGHT = _words(
    "hold have conduct pay make launch stage file reach strike sign impose issue give "
    "announce carry deliver mount complete hold go come head"
)

#: Frame nouns that retype a predicate (its subject or object is one of these).
DISASTER_NOUNS = _words(
    "earthquake quake flood floods storm hurricane typhoon cyclone tornado tsunami eruption "
    "landslide avalanche wildfire fire blaze explosion blast volcano"
)
MARKET_NOUNS = _words(
    "index stock stocks share shares price prices market markets dollar euro yen pound "
    "sterling yuan rouble ruble rupee franc bitcoin bond bonds yield yields oil gold "
    "futures currency dow nasdaq ftse dax nikkei peso lira rupee rand ringgit renminbi "
    "crude brent treasuries"
)
ECONOMY_NOUNS = _words(
    "economy gdp inflation unemployment output growth exports imports deficit surplus "
    "rate rates production sales spending"
)
ELECTION_NOUNS = _words(
    "election vote votes seat seats presidency primary race ballot majority mandate"
)
LEGISLATION_NOUNS = _words(
    "bill law legislation measure budget reform amendment resolution motion act package"
)
SANCTION_NOUNS = _words("sanction sanctions embargo tariff tariffs ban export controls")
ATTACK_WORDS = _words(
    "attack attacker attackers gunman gunmen militant militants soldier soldiers troops army "
    "bomb bombing missile strike airstrike shelling rebels forces"
)
ATTACK_NOUNS = _words("attack attacks offensive strike strikes raid raids assault operation")
LEGAL_NOUNS = _words("lawsuit suit charges charge complaint case appeal petition")
PEOPLE_NOUNS = _words(
    "worker workers union unions employee employees staff pilots nurses doctors teachers "
    "drivers miners"
)
RESEARCHERS = _words(
    "study studies research researchers scientists scientist astronomers team journal "
    "university nature science lancet survey trial"
)
COURTS = _words("judge court jury tribunal magistrate justices prosecutors prosecutor")
EARNINGS_NOUNS = _words(
    "profit profits revenue revenues earnings sales income loss losses turnover margin results "
    "forecast guidance outlook dividend"
)
#: Documents a verb can release: "released a statement" is a statement, not a launch.
DOCUMENT_NOUNS = _words(
    "statement communique communiqué declaration report letter note memo transcript "
    "announcement response reply apology appeal warning"
)
#: Places a patient is admitted to: "admitted to hospital" is no membership.
CARE_NOUNS = _words("hospital clinic ward care unit infirmary icu centre center hospice")
#: Verbs that say a happening broke out: typed by their subject ("protests erupted").
OUTBREAK = _words("erupt flare spread escalate intensify ignite")
#: Movement verbs typed by their subject (markets, the economy) or left "other".
MOVES = _words("rise fall drop climb gain decline lose close trade edge ease slip advance")
#: Casualty verbs: deaths in an attack or a disaster are that happening's.
CASUALTY = _words("kill injure hurt wound")
#: What a happening does ("the blast destroyed", "the storm left"): it is that happening.
CONSEQUENCE = CASUALTY | _words("destroy damage flatten displace strand cut topple")


def verb_type(
    lemma: str, subject: set[str], obj: set[str], pobj: set[str], head: str | None = None
) -> str:
    """The type of a verb predicate from its lemma and the nouns of its frame (lemmas)."""
    frame = subject | obj
    if lemma in GROWTH:
        return "economy" if subject & ECONOMY_NOUNS else "other"
    if lemma in MOVES:
        if subject & EARNINGS_NOUNS:
            return "earnings"
        if subject & MARKET_NOUNS:
            return "market"
        if subject & ECONOMY_NOUNS:
            return "economy"
        return "other"
    if lemma in ("raise", "cut", "lower", "hike", "lift", "trim"):
        if obj & {"rate", "rates"}:
            return "economy"
        if obj & EARNINGS_NOUNS:
            return "earnings"  # "raised its forecast for the year"
        return "other"
    if lemma in ("post", "report", "announce", "book", "record") and obj & EARNINGS_NOUNS:
        return "earnings"  # "posted a net loss of $53 million"
    if lemma in ("hit", "strike", "ravage", "devastate", "batter", "rock", "shake"):
        if subject & DISASTER_NOUNS:
            return "disaster"
        if lemma == "strike" and subject & PEOPLE_NOUNS:
            return "protest"
        if lemma == "strike" and obj & {"deal", "agreement", "accord"}:
            return "agreement"
        return "conflict"
    if lemma in CASUALTY:
        return "disaster" if subject & DISASTER_NOUNS else "conflict"
    if lemma in ("launch", "mount", "stage", "carry", "conduct"):
        if obj & ATTACK_NOUNS:
            return "conflict"
        if obj & {"protest", "protests", "demonstration", "strike"}:
            return "protest"
        if lemma == "launch":
            return "launch"
    if lemma in ("release", "publish", "issue", "put", "post") and obj & DOCUMENT_NOUNS:
        return "statement"  # "the ministry released a statement"
    if lemma == "admit":
        if pobj & CARE_NOUNS:
            return "other"  # "a man was admitted to hospital"
        return "membership" if pobj else "statement"  # "admitted to the SCO" / "admitted that"
    if lemma in OUTBREAK:
        typed = [NOUN_TYPES[n] for n in sorted(subject) if n in NOUN_TYPES]
        if typed:
            return typed[0]  # "protests erupted": a protest; "fighting flared": a conflict
    if lemma in ("impose", "lift", "extend", "announce", "slap", "levy") and obj & SANCTION_NOUNS:
        return "sanctions"
    if lemma in ("file", "bring", "lodge") and obj & LEGAL_NOUNS:
        return "legal"
    if lemma in ("win", "secure", "land", "book", "receive", "place") and obj & {
        "order",
        "orders",
        "contract",
        "contracts",
        "deal",
        "tender",
    }:
        return "deal"  # "won an order for 100 jets"
    if lemma in ("win", "lose", "contest", "concede"):
        return "election" if frame & ELECTION_NOUNS else "other"
    if lemma in ("approve", "adopt", "reject", "back", "introduce", "pass", "vote", "block"):
        if frame & LEGISLATION_NOUNS or pobj & LEGISLATION_NOUNS:
            return "legislation"
        if lemma == "vote":
            return "election"
        if lemma == "introduce":
            return "launch"
        return "other" if lemma != "pass" else "legislation"
    if lemma in ("reach", "conclude", "sign", "seal", "clinch") and obj & {
        "deal",
        "agreement",
        "accord",
        "treaty",
        "pact",
        "ceasefire",
        "truce",
    }:
        return "agreement"
    if lemma in ("rule", "order") and subject & {"court", "judge", "judges", "tribunal", "jury"}:
        return "legal"
    if (
        lemma in ("find", "show", "discover", "publish", "detect", "identify", "observe")
        and (subject | pobj) & RESEARCHERS
    ):
        return "research"
    if lemma == "receive" and obj & {"delegation", "visitor", "counterpart", "minister"}:
        return "meeting"
    if lemma in ("name", "appoint", "choose", "select", "tap") and not subject & DISASTER_NOUNS:
        return "appointment"
    if lemma in ("step", "fire", "dismiss", "remove", "leave") and obj & {
        "post",
        "office",
        "job",
        "role",
        "position",
    }:
        return "resignation"
    if lemma in ("hold", "have") and obj:
        for noun in obj:
            if noun in NOUN_TYPES:
                return NOUN_TYPES[noun]
    if lemma in ("sell", "buy") and subject & MARKET_NOUNS:
        return "market"
    found = VERB_TYPES.get(lemma, "other")
    if found == "other" and head in NOUN_TYPES and head not in ("call", "session", "growth"):
        return NOUN_TYPES[head]  # "accepted Iran's admission", "announced a merger"
    return found


def noun_type(lemma: str) -> str | None:
    """The type of a noun naming a happening, or ``None`` for a noun that names none."""
    return NOUN_TYPES.get(lemma.lower())
