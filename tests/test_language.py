"""Language detection (service.write.language) and the refusal of articles not in English: through
POST /api/v1/articles (422, the one problem shape) and `timeline ingest` (skipped, saying why)."""

from __future__ import annotations

import json
import re

import pytest

from service.storage.models import Article
from service.write import language

from .conftest import FIXTURES
from .test_errors import assert_problem

#: One short news sentence per language, written for these tests.
SENTENCES = {
    "en": "Rescue teams searched the collapsed buildings overnight after the earthquake.",
    "fr": "Les secours ont fouillé les immeubles effondrés toute la nuit après le séisme.",
    "de": "Rettungskräfte durchsuchten die ganze Nacht eingestürzte Gebäude nach dem Erdbeben.",
    "es": "Los equipos de rescate buscaron toda la noche entre los edificios derrumbados.",
    "it": "Le squadre di soccorso hanno cercato tutta la notte tra gli edifici crollati.",
    "pt": "As equipes de resgate procuraram a noite toda nos prédios desabados após o terremoto.",
    "nl": "Reddingswerkers doorzochten de hele nacht ingestorte gebouwen na de aardbeving.",
    "ru": "Спасатели всю ночь обыскивали обрушившиеся здания после землетрясения.",
    "pl": "Ratownicy przez całą noc przeszukiwali zawalone budynki po trzęsieniu ziemi.",
    "tr": "Kurtarma ekipleri depremden sonra bütün gece çöken binalarda arama yaptı.",
    "zh": "地震发生后，救援人员连夜在倒塌的建筑物中搜寻幸存者。",
    "ar": "فتشت فرق الإنقاذ المباني المنهارة طوال الليل بعد الزلزال.",
}
FRENCH_ARTICLE = (
    "Le gouvernement a annoncé lundi une nouvelle réforme des retraites. Les syndicats ont "
    "appelé à une grève nationale pour jeudi prochain, et les négociations reprendront la "
    "semaine prochaine à Paris."
)
GERMAN_ARTICLE = (
    "Die Zentralbank hat am Dienstag die Zinsen erhöht. Die Inflation sei weiterhin zu hoch, "
    "sagte die Präsidentin nach der Sitzung in Frankfurt."
)


@pytest.mark.parametrize(("code", "text"), SENTENCES.items(), ids=list(SENTENCES))
def test_detects_a_news_sentence_in_each_language(code, text):
    detected, confidence = language.detect(text)
    assert detected == code and confidence >= language.MIN_CONFIDENCE


@pytest.mark.parametrize(
    "text",
    ["Xi Jinping in Moscow", "Angela Merkel", "Apple Q3 2024: $85.8bn", "Lufthansa, Embraer", ""],
)
def test_names_and_numbers_alone_cannot_be_told(text):
    assert language.detect(text) == (None, 0.0)
    assert language.unsupported(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Ministers of China and India met in Nairobi on Monday to sign a deal.",
        "Ministers of Kenya and India met in Nairobi on Monday to sign a deal (6-3).",
    ],
)
def test_english_not_ruled_out_is_english(text):
    # py3langid scores these a little higher as Nigerian Pidgin than as English.
    code, confidence = language.detect(text)
    assert code == "en" and confidence >= language.ENGLISH_DOUBT


def test_no_sentence_of_the_news_fixtures_is_refused():
    texts = (FIXTURES / "articles" / "news" / "texts").glob("*.txt")
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t.read_text()) if s]
    assert len(sentences) > 100
    assert [s for s in sentences if language.unsupported(s)] == []


def test_refusal_names_the_language_and_what_is_supported():
    message = language.unsupported(FRENCH_ARTICLE)
    assert "French ('fr'" in message and "only English ('en')" in message
    assert language.unsupported(SENTENCES["en"]) is None


def test_detection_reads_only_the_start_of_a_long_article():
    text = SENTENCES["en"] + " " + FRENCH_ARTICLE * 200
    assert len(text) > language.SAMPLE_CHARS
    assert language.detect(text)[0] == "fr"
    assert language.detect(SENTENCES["en"] * 60 + FRENCH_ARTICLE * 200)[0] == "en"


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"text": FRENCH_ARTICLE}, "French ('fr'"),
        ({"text": GERMAN_ARTICLE, "language": "en"}, "German ('de'"),
        ({"text": SENTENCES["en"], "language": "fr"}, "'fr' is not supported"),
    ],
    ids=["detected", "given-en-but-german", "given-fr"],
)
def test_api_refuses_an_article_not_in_english(app, client, body, named):
    response = client.post("/api/v1/articles", json=dict(body, published_at="2024-03-04"))
    problem = assert_problem(response, 422)
    messages = " ".join(problem["errors"]["language"])
    assert named in messages and "English ('en')" in messages
    with app.app_context():
        assert Article.select().count() == 0


@pytest.mark.parametrize(
    "text",
    ["Xi Jinping in Moscow on Monday.", SENTENCES["en"], "Angela Merkel, Emmanuel Macron."],
)
def test_api_accepts_english_and_texts_that_cannot_be_told(client, text):
    response = client.post("/api/v1/articles", json={"text": text, "published_at": "2024-03-04"})
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["language"] == "en"


def test_ingest_skips_articles_not_in_english_saying_why(app, runner, tmp_path):
    records = [
        {"text": "The summit opened in Rome on Monday.", "published_at": "2024-03-04"},
        {"text": FRENCH_ARTICLE, "published_at": "2024-03-04"},
    ]
    (tmp_path / "a.json").write_text(json.dumps(records))
    result = runner.invoke(args=["ingest", str(tmp_path / "a.json")])
    assert result.exit_code == 1, result.output  # something was skipped
    assert "1 stored" in result.output and "1 skipped" in result.output
    assert (
        "skipped " in result.output
        and "a.json[2]: language: The text is in French" in result.output
    )
    with app.app_context():
        assert Article.select().count() == 1
