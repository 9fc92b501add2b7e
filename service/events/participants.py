"""Who takes part in a predicate: the actors named in its phrase by role (agents, targets,
others, the place), and pronouns resolved to the person or body named last."""

from __future__ import annotations

import bisect
import dataclasses

from . import lexicon, nlp, syntax
from .actors import ActorMention, slug
from .model import Actor

#: A noun's participants: its possessor, its compound modifiers, and these prepositions.
_NOUN_PREPS = frozenset({"by", "of", "between", "with", "to", "from", "against", "on", "for"})


def actors_by_token(sent, mentions: list[ActorMention]) -> dict[int, list[ActorMention]]:
    """The mentions over each token of ``sent`` (mention by mention, tokens in order)."""
    out: dict[int, list[ActorMention]] = {}
    if not mentions:
        return out
    tokens = [(tok.idx, tok.idx + len(tok.text), tok.i) for tok in sent]
    starts = [start for start, _, _ in tokens]
    ends = [end for _, end, _ in tokens]
    for m in mentions:
        # the tokens ending after the mention starts and starting before it ends (both ascend)
        first, last = bisect.bisect_right(ends, m.start), bisect.bisect_left(starts, m.end)
        for _, _, i in tokens[first:last]:
            out.setdefault(i, []).append(m)
    return out


#: Pronouns that stand for a person ("he", "her", "hers") and for a body or thing ("it", "its").
_PERSONAL = lexicon.pronouns(gender=("m", "f"))
_NEUTER = lexicon.pronouns(gender="n")


_NEUTER_KINDS = ("organisation", "country", "index", "currency", "product")


#: "the company said", "the bank cut", "the medical testing provider said": a body's common
#: noun (``service/data/actor_words.json``, ``company_nouns``).
_COMPANY_NOUNS = lexicon.actor_words("company_nouns")

#: Prepositions that place a happening in time by another one: "two months before Jackson's
#: death", "after the election of Obama" tell when, not who took part.
_TIME_PREPS = frozenset({"after", "before", "since", "until", "following", "ahead"})


def pronouns(sent, token_actors: dict[int, list[ActorMention]], recent: dict) -> None:
    """He/she/his: the last person named; it/its: the last company or body named (this
    sentence first, then earlier ones); "the company": the last company or body named as a
    subject, else the last named anywhere ("the chief executive of Paywell AG resigned after
    the company admitted"). A person's pronoun agrees with what the text told of them
    (``_person_for``). Updates ``recent`` as the text is read."""
    gender = recent.setdefault("gender", {})
    recent["subjects before"] = recent.get("subjects", [])
    recent["subjects"] = []
    recent["named here"] = False
    for tok in sent:
        here = token_actors.get(tok.i)
        if here:
            for m in here:
                if m.actor.kind == "person":
                    recent["named here"] = True
                    recent["person"] = m
                    people = recent.setdefault("people", [])
                    people[:] = [p for p in people if p.actor.key != m.actor.key] + [m]
                    if (said := _HONORIFICS.get(_before_name(sent, m))) is not None:
                        gender.setdefault(m.actor.key, said)  # "Ms. Sanders", "Mr. Stronach"
                    if syntax.in_subject(tok):
                        recent["subjects"].append(m.actor.key)
                elif m.actor.kind in _NEUTER_KINDS and syntax.in_subject(tok):
                    recent["organisation"] = m
                if m.actor.kind == "organisation" and m.via != "pronoun":
                    recent["named"] = m
            continue
        if tok.dep_ in ("dobj", "dative") and tok.lower_ in ("her", "him"):
            other = _other_person(tok, token_actors, recent.get("people", []))
            if other is not None:  # "Queen Elizabeth appointed her an MBE": not the Queen
                token_actors[tok.i] = [_standing_for(other, tok)]
            continue
        if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            continue
        if tok.dep_ == "poss" and _named_noun(tok.head, token_actors):
            continue  # "his assistant Paul Grant": Grant, not whose assistant he is
        nominal = _company_noun(tok) and not any(
            c.dep_ in ("amod", "compound") for c in tok.children
        )
        if tok.pos_ != "PRON" and not nominal:
            told = _inverted_teller(tok, token_actors)
            if told is not None:  # "Quest has developed a test, the testing provider said"
                token_actors[tok.i] = [_standing_for(told, tok)]
            continue
        if tok.lower_ in _PERSONAL:
            kind = "person"
        elif tok.lower_ in _NEUTER or nominal:
            kind = "organisation"
        else:
            kind = None
        m = recent.get(kind) if kind else None
        if kind == "person" and m is not None:
            m = _told_by_self(tok, token_actors) or _person_for(tok, recent) or m
        if nominal and m is None:
            m = recent.get("named")
        teller = syntax.teller_of(tok)
        if teller is not None:  # "the government said it would send": the government
            # A teller told by their office speaks in it, of someone else: "the judge said
            # she would be sentenced" is the defendant, "the lawyer said he" the client.
            named = [
                x
                for w in _name_words(teller)
                for x in token_actors.get(w.i, [])
                if x.via != "description"
            ]
            if not named and kind != "person":
                named = _spoken_for(teller, token_actors)  # "a spokesman for Acme said it"
            wanted = ("person",) if kind == "person" else _NEUTER_KINDS
            m = named[0] if named and named[0].actor.kind in wanted else None
            if m is None:
                continue
            if kind == "person" and (said := lexicon.pronoun_gender(tok.lower_)) is not None:
                gender.setdefault(m.actor.key, said)  # "Har-Shefi acknowledged she told"
        if nominal and m is not None and m.actor.kind != "organisation":
            continue  # "the company" is no country
        if m is not None:
            token_actors[tok.i] = [_standing_for(m, tok)]
            if m.actor.kind == "person":
                recent["named here"] = True
                people = recent.setdefault("people", [])  # a pronoun names them again
                people[:] = [p for p in people if p.actor.key != m.actor.key] + [m]
                if tok.dep_ in ("nsubj", "nsubjpass"):
                    recent["subjects"].append(m.actor.key)


#: How the words of a teller's name hang on its head ("Chief Constable Jo Hart", "the mayor,
#: John Smith"): not "of" or a possessor ("a friend of Rabin's assassin" is not Rabin).
_NAME_DEPS = frozenset({"compound", "flat", "appos", "nmod", "amod", "det", "punct", "poss"})


def _name_words(head) -> list:
    words = [head]
    for c in head.children:
        if c.dep_ in _NAME_DEPS:
            words += _name_words(c)
    return words


#: Who speaks for a body named after them (``service/data/actor_words.json``).
_SPEAKING_FOR = lexicon.actor_words("speaking_for")


def _spoken_for(teller, token_actors) -> list[ActorMention]:
    """The body a spokesperson speaks for ("a spokesman for the Saudi-led coalition", "an
    official of the ministry"): what the pronoun of their report stands for."""
    if teller.lemma_.lower() not in _SPEAKING_FOR and teller.lower_ not in _SPEAKING_FOR:
        return []
    return [
        m
        for prep in teller.children
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at")
        for noun in prep.children
        for m in actors_in(noun, token_actors)
        if m.actor.kind in _NEUTER_KINDS
    ]


def _told_by_self(tok, token_actors) -> ActorMention | None:
    """ "She said she gave them false information": the teller, a pronoun of the same sex
    resolved before, speaks of herself."""
    teller = syntax.reporter(tok)
    if teller is None or teller.pos_ != "PRON":
        return None
    if lexicon.pronoun_gender(teller.lower_) != lexicon.pronoun_gender(tok.lower_):
        return None
    found = [m for m in token_actors.get(teller.i, []) if m.actor.kind == "person"]
    return found[0] if found else None


#: What an honorific tells of a person (a pronoun's is ``lexicon.pronoun_gender``).
_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


def _before_name(sent, m: ActorMention) -> str:
    """The word just before a name, without its full stop ("Ms." -> "ms"); the mention's own
    first word when it starts with its title ("Ms. Lina Vos" found with the title)."""
    text = nlp.text_of(sent.doc)
    own = text[m.start : m.end].split()
    if len(own) > 1 and own[0].rstrip(".").lower() in _HONORIFICS:
        return own[0].rstrip(".").lower()
    words = text[max(0, m.start - 6) : m.start].split()
    return words[-1].rstrip(".").lower() if words else ""


def _person_for(tok, recent: dict) -> ActorMention | None:
    """The person "he"/"she"/"his"/"her" stands for, among those named so far: not one the
    text has told is of the other sex (a pronoun told of them, an honorific); when the pronoun
    opens the naming of its sentence, the last one that was a subject in the sentence before
    ("Har-Shefi has pleaded innocent to charges that she failed to report Amir's plan to kill
    Rabin. She took the stand": Har-Shefi, not Rabin); else the last named ("the doctor was
    at Jackson's house when he died")."""
    want = lexicon.pronoun_gender(tok.lower_)
    if want is None:
        return None
    gender = recent.get("gender", {})
    subjects = set(recent.get("subjects before", [])) | set(recent.get("subjects", []))
    people = [p for p in recent.get("people", []) if gender.get(p.actor.key, want) == want]
    if not people:
        return None
    if recent.get("named here"):
        return people[-1]  # told in a sentence that named someone: the last one named
    told = [p for p in people if p.actor.key in subjects]
    return (told or people)[-1]


def _other_person(tok, token_actors, people: list[ActorMention]) -> ActorMention | None:
    """The person an object "her"/"him" stands for: the last one named who is not the
    subject of its verb (that would be "herself": "Wills, who had defended her"), where
    the subject is named."""
    subject = syntax.subject(tok.head)
    if subject is None:
        return None
    found = actors_in(subject, token_actors)
    if not found or any(m.via == "pronoun" for m in found):
        return None  # "She praised him": who is who is a guess twice over
    own = {m.actor.key for m in found}
    others = [m for m in people if m.actor.key not in own]
    return others[-1] if others else None


def _named_noun(noun, token_actors) -> bool:
    """Whether a person noun names its person beside it: "assistant Paul Grant", "her son,
    Jack"."""
    return any(
        c.dep_ in ("appos", "compound", "flat")
        and any(m.actor.kind == "person" for m in token_actors.get(c.i, []))
        for c in noun.children
    ) or any(m.actor.kind == "person" for m in token_actors.get(noun.i, []))


def _company_noun(tok) -> bool:
    """ "the company", "the bank": a body's common noun told as known."""
    return (
        tok.pos_ == "NOUN"
        and tok.lemma_.lower() in _COMPANY_NOUNS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and not any(c.dep_ == "appos" for c in tok.children)  # "the company, Sunvale Care,"
    )


def _standing_for(m: ActorMention, tok) -> ActorMention:
    return ActorMention(m.actor, tok.idx, tok.idx + len(tok.text), m.surface, "pronoun")


def _inverted_teller(tok, token_actors) -> ActorMention | None:
    """The organisation a reporting verb's description subject stands for when the report it
    closes names it as its own subject: "Quest Diagnostics has developed a test, the medical
    testing provider said" (not "Acme cut prices, the analyst said": no body's noun)."""
    head = tok.head
    if tok.dep_ != "nsubj" or not _company_noun(tok):
        return None
    if head.lemma_.lower() not in lexicon.REPORTING:
        return None
    if any(w.i in token_actors for w in tok.subtree):
        return None  # "the French company Valmont said": the name is there
    for clause in head.children:
        if clause.dep_ != "ccomp" or clause.i > tok.i:
            continue
        subject = syntax.subject(clause)
        found = actors_in(subject, token_actors) if subject is not None else []
        if len(found) == 1 and found[0].actor.kind == "organisation":
            return found[0]
    return None


def actors_in(tok, token_actors) -> list[ActorMention]:
    if tok is None or not token_actors:
        return []
    lo, hi = tok.left_edge.i, tok.right_edge.i  # the phrase lies inside the subtree's span
    if not any(lo <= i <= hi for i in token_actors):
        return []
    seen = []
    for t in sorted(syntax.phrase_tokens(tok), key=lambda t: t.i):
        seen.extend(token_actors.get(t.i, []))
    return unique(seen)


def inherits_subject(tok) -> bool:
    return tok.dep_ in ("conj", "xcomp", "relcl", "pcomp") and syntax.subject(tok) is not None


def _purpose(tok) -> bool:
    """An infinitive of purpose ("sent a plane to pick up children")."""
    return tok.dep_ == "advcl" and any(
        a.dep_ == "aux" and a.lower_ == "to" and a.i < tok.i for a in tok.children
    )


def roles(tok, token_actors, noun: bool = False) -> dict:
    """Who takes part: agents (the subject; "by" in a passive), targets (objects), others."""
    agents: list[ActorMention] = []
    targets: list[ActorMention] = []
    others: list[ActorMention] = []
    places: list[ActorMention] = []
    inside: list[ActorMention] = []  # places inside the subject's or object's phrase
    told_in: list[ActorMention] = []  # what a "where" clause is told of
    befallen: list[ActorMention] = []  # countries a happening noun is told in
    if noun:
        where = _where(tok)
        if where is not None:
            found = actors_in(where, token_actors)
            governor = where.head.head if where.dep_ == "pobj" else None
            if governor is not None and lexicon.noun_type(governor.lemma_):
                found = unique(
                    found + actors_in(governor, token_actors)
                )  # "its invasion of Ukraine, where"
            places.extend(found)
            others.extend(m for m in found if m.actor.kind == "country")
        copula = syntax.copula_subject(tok)
        if copula is not None:  # "Mishustin was on a two-day visit"
            agents.extend(actors_in(copula, token_actors))
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                agents.extend(actors_in(c, token_actors))
            elif c.dep_ == "acl":  # "a meeting led by Li Qiang and his counterpart"
                for a in c.children:
                    if a.dep_ == "agent":
                        agents.extend(actors_in(a, token_actors))
            elif c.dep_ == "prep" and c.lower_ in _NOUN_PREPS:
                for p in c.children:
                    bucket = agents if c.lower_ in ("by", "between") else targets
                    bucket.extend(actors_in(p, token_actors))
            elif c.dep_ == "prep" and c.lower_ in ("in", "at", "near"):
                for p in c.children:
                    found = actors_in(p, token_actors)
                    places.extend(m for m in found if m.place)
                    # "the blasts in Kenya and Tanzania": the countries it befell, if it
                    # befalls a place (``where_part``); not a country deeper in the phrase
                    befallen.extend(
                        m
                        for m in found
                        if m.actor.kind == "country" and not m.place and _in_phrase_head(m, p)
                    )
    else:
        if tok.dep_ == "relcl" and any(c.lower_ == "where" for c in tok.children):
            told_in = actors_in(tok.head, token_actors)  # "Mexico, where it was first detected"
            places.extend(told_in)
        subject = syntax.subject(tok)
        passive = subject is not None and subject.dep_ == "nsubjpass"
        passive = passive or (syntax.fronted_participle(tok) and tok.tag_ == "VBN")
        passive = passive or syntax.described_participle(tok)
        if subject is not None:
            (targets if passive else agents).extend(actors_in(subject, token_actors))
        for c in tok.children:
            if c.dep_ in ("dobj", "dative", "attr", "oprd"):
                targets.extend(actors_in(c, token_actors))
            elif c.dep_ == "agent":
                agents.extend(actors_in(c, token_actors))
            elif (c.dep_ == "xcomp" or _purpose(c)) and c.pos_ == "VERB":
                # "agreed to buy aircraft from Embraer", "sent a plane to pick up Haitian
                # children": what is done to reach the purpose is part of the deed
                for x in c.children:
                    if x.dep_ in ("dobj", "prep", "dative"):
                        others.extend(m for m in actors_in(x, token_actors) if not m.place)
            elif c.dep_ == "prep":
                for p in c.children:
                    found = actors_in(p, token_actors)
                    aboard = c.lower_ == "aboard" or (c.lower_ == "on" and p.lower_ == "board")
                    if aboard:  # "killed on board the Sea Star": a vessel, where it happened
                        continue
                    if c.lower_ in _TIME_PREPS and p.pos_ == "NOUN" and lexicon.noun_type(p.lemma_):
                        continue  # "took out a policy before Jackson's death": when, not who
                    if c.lower_ in ("in", "at", "near", "outside", "inside") and found:
                        places.extend(
                            m
                            for m in found
                            if m.place or m.via == "capital" or m.actor.kind == "country"
                        )
                        others.extend(m for m in found if not (m.place or m.via == "capital"))
                    elif c.lower_ in ("against", "from"):  # "filed a lawsuit against Binance"
                        targets.extend(m for m in found if not m.place)
                    elif c.lower_ in ("to", "into") and p.dep_ == "pobj":
                        # "flew to Iquique", "were redeployed to Petit Goave": where they go
                        # takes part, whatever kind of place it is
                        others.extend(_city(m) for m in found if _names(m, p))
                        others.extend(m for m in found if not (m.place or _names(m, p)))
                    else:
                        others.extend(m for m in found if not m.place)
    if not noun:  # "people in London were diagnosed", "reported cases in Glasgow"
        subject = syntax.subject(tok)
        held = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        # what its consequence befell: "struck ..., damaging homes in the port of Iquique"
        # ("killing four people and damaging homes in ...": the participles and their conjuncts)
        ings = [c for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
        ings += [c for i in ings for c in i.conjuncts if c.tag_ == "VBG"]
        held += [o for c in ings for o in c.children if o.dep_ == "dobj"]
        for arg in [*held, *([subject] if subject is not None else [])]:
            for c in arg.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "at", "near"):
                    for p in c.children:
                        inside.extend(m for m in actors_in(p, token_actors) if m.place)
    agents = [m for m in unique(agents) if not m.place]
    if told_in and not any(m.actor.kind not in ("country", "place") for m in agents):
        # the country a doerless happening is told in takes part, as "in Mexico" would; where
        # a named doer did the deed ("Acme, ... Peru, where it opened a plant") it does not
        others.extend(m for m in told_in if m.actor.kind == "country")
    if not noun and any(m.actor.kind not in ("country", "place") for m in agents):
        targets = [m for m in targets if not _told_where(tok, m)]
        others = [m for m in others if not _told_where(tok, m)]
    struck = [] if noun else _struck(tok, targets)
    agent_keys = {m.actor.key for m in agents}
    targets = [m for m in unique(targets) if m.actor.key not in agent_keys and not m.place]
    taken = agent_keys | {m.actor.key for m in targets}
    others = [m for m in unique(others) if m.actor.key not in taken]
    named = [m for m in agents + targets + others if m.actor.kind != "place"]
    taken |= {m.actor.key for m in others}
    where = [
        city
        for m in unique(places + struck + inside)
        if (city := _city(m)).actor.kind == "place" and m.actor.key not in taken
    ]
    first = places[0] if places else None
    place = (
        None if first is None else first.actor.name if first.via == "adjective" else first.surface
    )
    return {
        "agents": agents,
        "targets": targets,
        "others": others,
        "all": agents + targets + others,
        "named": named,
        "place": place,
        "where": where,
        "befallen": [m for m in unique(befallen) if m.actor.key not in taken],
    }


def _in_phrase_head(m: ActorMention, p) -> bool:
    """``m`` is the object of the preposition itself or one of its conjuncts ("in Kenya and
    Tanzania"), not a name inside it ("in a Kenyan-owned hotel")."""
    span = p.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and (span.root.i == p.i or span.root in p.conjuncts)


def _struck(verb, targets: list[ActorMention]) -> list[ActorMention]:
    """The places a happening befalls: a place that is itself its object or passive subject,
    or that object's appositive ("the quake hit Galveston", "Iquique was hit by a quake",
    "hit Haiti's capital, Port-au-Prince"); not a place deeper in the phrase ("devastated
    the Caribbean country of Haiti")."""
    held = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    heads = {t.i for c in held for t in (c, *(a for a in c.children if a.dep_ == "appos"))}
    return [
        m
        for m in unique(targets)
        if m.place and m.actor.kind == "place" and _root(verb.doc, m) in heads
    ]


def _root(doc, m: ActorMention) -> int | None:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return None if span is None else span.root.i


#: Prepositions that tell where: "in the United States", "at Cape Canaveral".
_WHERE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})


def _names(m: ActorMention, tok) -> bool:
    """Whether the mention ``m`` is the word ``tok`` itself (or its name), not something
    deeper in its phrase ("to the rest of the world": no one)."""
    span = tok.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.i == tok.i


def _told_where(verb, m: ActorMention) -> bool:
    """``m`` is a country that is itself what an "in"/"at"/"near" names ("recalling cars in
    the United States and Japan", "launched the drug in France"): where a named doer did the
    deed, not a participant. Not a name deeper in the phrase ("pledged 400m euros in
    emergency aid for Haiti", "condemned the bombings of the embassies in Kenya")."""
    if m.actor.kind != "country" or m.place:
        return False
    span = verb.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ not in _WHERE_PREPS:
        return False
    told = tok.head.head  # the verb, or its object: "launched the drug in France"
    return told.i == verb.i or (told.head.i == verb.i and told.dep_ == "dobj")


#: Happenings that befall a place, so that where they happened takes part ("an earthquake hit
#: near Iquique", "protests in Valparaíso", "an air strike on a market in Al-Mansura", "cases
#: confirmed in Glasgow"); a death, an arrest, talks or a visit only happen somewhere.
PLACE_AFFECTED = frozenset({"disaster", "conflict", "protest"})


def where_part(type_: str, roles: dict) -> list:
    """The places an event of ``type_`` befalls: the city or region where it happened."""
    if type_ not in PLACE_AFFECTED:
        return []
    return roles["where"] + roles.get("befallen", [])


def _city(m: ActorMention) -> ActorMention:
    """A capital told as where ("people in London were diagnosed") is the city, not the
    state acting; any other mention is itself."""
    if m.via != "capital" or not m.place:
        return m
    city = Actor(f"place:{slug(m.surface)}", m.surface, "place", subkind="city or region")
    return dataclasses.replace(m, actor=city)


def _where(tok):
    """ "Ukraine, where war has been ongoing": the noun the relative clause is about."""
    head = tok.head if tok.dep_ in syntax.SUBJECTS else None
    if head is None:
        return None
    if head.dep_ != "relcl" and head.head.dep_ == "relcl" and tok.dep_ == "nsubj":
        head = head.head
    if head.dep_ == "relcl" and any(c.lower_ == "where" for c in head.children):
        return head.head
    return None


def unique(mentions: list[ActorMention]) -> list[ActorMention]:
    seen: dict[str, ActorMention] = {}
    for m in mentions:
        seen.setdefault(m.actor.key, m)
    return list(seen.values())
