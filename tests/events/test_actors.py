"""Actor recognition: countries, capitals as governments, organisations, titled people."""

import pytest

from service.events import nlp
from service.events.actors import ArticleActors, country, slug
from service.events.sentences import Span


def split(text: str) -> list[Span]:
    """The sentences of ``text`` as the parse splits them."""
    return [Span(s.text, s.start_char, s.end_char) for s in nlp.parse(text).sents]


def keys(text: str) -> list[tuple[str, str]]:
    """(key, via) of every actor in the first sentence of ``text``."""
    article = ArticleActors(text)
    found = []
    for sentence in split(text):
        found.extend((m.actor.key, m.via) for m in article.find(sentence) if not m.place)
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia and China signed.", [("country:RUS", "name"), ("country:CHN", "name")]),
        ("Iran's admission was welcomed.", [("country:IRN", "name")]),
        ("The United States and the U.S. acted.", [("country:USA", "name")] * 2),
        ("Vietnam and Viet Nam are one.", [("country:VNM", "name")] * 2),
        ("South Korea protested.", [("country:KOR", "name")]),
        ("Chinese companies invested.", [("country:CHN", "adjective")]),
        (
            "Beijing and Moscow asserted it.",
            [("country:CHN", "capital"), ("country:RUS", "capital")],
        ),
        ("Sanctions against Moscow.", [("country:RUS", "capital")]),
        ("They met in Beijing.", []),
        ("The Shanghai Cooperation Organization (SCO) met.", [("org:SCO", "org")] * 2),
        ("The Group of 20 and the G20.", [("org:G20", "org")] * 2),
        ("The Asia-Pacific Economic Cooperation Forum and APEC.", [("org:APEC", "org")] * 2),
        ("The European Union and the EU.", [("org:EU", "org")] * 2),
        ("NATO and the North Atlantic Treaty Organization.", [("org:NATO", "org")] * 2),
        ("The United Nations and the UN.", [("org:UN", "org")] * 2),
        ("The BRICS bloc and the G7.", [("org:BRICS", "org"), ("org:G7", "org")]),
    ],
)
def test_countries_and_organisations(text, expected):
    assert keys(text) == expected


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        ("Chinese Premier Li Qiang spoke.", "person:li-qiang", "Chinese Premier"),
        (
            "Chinese President Xi Jinping on Wednesday spoke.",
            "person:xi-jinping",
            "Chinese President",
        ),
        (
            "Russian Deputy Prime Minister Dmitry Chernyshenko said so.",
            "person:dmitry-chernyshenko",
            "Russian Deputy Prime Minister",
        ),
        (
            "Chinese Premier Li Qiang met his Russian counterpart Mikhail Mishustin.",
            "person:mikhail-mishustin",
            "Russian Premier",
        ),
        ("Prime Minister Mark Rutte arrived.", "person:mark-rutte", "Prime Minister"),
        ("Mark Rutte met his counterpart Olaf Scholz.", "person:olaf-scholz", "counterpart"),
    ],
)
def test_titled_people(text, person, role):
    article = ArticleActors(text)
    (sentence,) = split(text)
    people = [m.actor for m in article.find(sentence) if m.actor.kind == "person"]
    assert people[-1].key == person
    assert people[-1].role == role


def test_titled_person_brings_nationality():
    assert keys("Chinese Premier Li Qiang spoke.") == [
        ("country:CHN", "adjective"),
        ("person:li-qiang", "person"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian Prime Minister Mikhail Mishustin arrived. Mishustin left.",
            ("person:mikhail-mishustin", "surname"),
        ),
        (
            "Mishustin’s visit ended. Russian Prime Minister Mikhail Mishustin left.",
            ("person:mikhail-mishustin", "surname"),
        ),
        ("Chinese President Xi Jinping spoke. Later Xi left.", ("person:xi-jinping", "surname")),
    ],
)
def test_people_coreference(text, expected):
    assert expected in keys(text)


def test_an_opening_pronoun_is_resolved_in_extraction():
    """ "He" is no longer the last titled name at recognition (participants.pronouns weighs
    the subject before and sex), but the extracted event still has its person."""
    import datetime as dt

    from service.events import extract

    events = extract(
        "Russian Prime Minister Mikhail Mishustin arrived. He met Xi.", dt.date(2024, 5, 1)
    )
    met = [e for e in events if "meet" in e.title.lower()]
    assert met and "person:mikhail-mishustin" in {a.key for a in met[0].actors}, [
        (e.title, [a.key for a in e.actors]) for e in events
    ]


def test_ambiguous_surname_token_is_not_resolved():
    text = "President Anna Lee spoke. Minister Tom Lee left. Lee smiled."
    assert ("person:anna-lee", "surname") not in keys(text)
    assert ("person:tom-lee", "surname") not in keys(text)


def test_group_anaphora_resolves_to_last_named_countries():
    found = keys("China and Russia have pledged support. They also jointly accepted it.")
    assert found[-2:] == [("country:CHN", "group"), ("country:RUS", "group")]


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("RUS", "Russia"),
        ("IRN", "Iran"),
        ("CHN", "China"),
        ("USA", "United States"),
        ("KOR", "South Korea"),
        ("TWN", "Taiwan"),
    ],
)
def test_country_display_names(code, name):
    actor = country(code)
    assert (actor.key, actor.name, actor.kind) == (f"country:{code}", name, "country")


def test_slug_is_ascii():
    assert slug("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Senator Alfonse D'Amato spoke.", "person:alfonse-d-amato"),
        ("Foreign Minister Jean-Yves Le Drian spoke.", "person:jean-yves-le-drian"),
        ("Ambassador Sean O’Brien left.", "person:sean-o-brien"),
    ],
)
def test_names_with_apostrophes_and_hyphens(text, key):
    assert (key, "person") in keys(text)
