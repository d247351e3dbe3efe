"""The NLU classifier trains, survives being saved and loaded, and ranks intents."""
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.tfidf_intent_classifier import TfidfIntentClassifier

EXAMPLES = {
    "report_emergency": ["hes not breathing", "she wont wake up", "on nie oddycha",
                         "my mate is overdosing", "nu respira"],
    "ask_housing": ["i have nowhere to live", "nie mam gdzie mieszkać", "can i get a hostel",
                    "n-am unde sa stau", "where will i live"],
    "greet": ["hello", "cześć", "shwmae", "salut", "hiya"],
}


def test_trains_saves_loads_and_ranks(tmp_path):
    storage = LocalModelStorage(tmp_path)
    resource = Resource("tfidf")
    context = ExecutionContext(GraphSchema({}), "test")
    config = {**TfidfIntentClassifier.get_default_config(), "ranking_length": 2}
    classifier = TfidfIntentClassifier.create(config, storage, resource, context)
    classifier.train(TrainingData([
        Message(data={"text": text, "intent": intent})
        for intent, texts in EXAMPLES.items() for text in texts
    ]))

    loaded = TfidfIntentClassifier.load(config, storage, resource, context)
    [message] = loaded.process([Message(data={"text": "he is not breathing"})])

    assert message.get("intent")["name"] == "report_emergency"
    ranking = message.get("intent_ranking")
    assert len(ranking) == 2
    assert ranking[0]["confidence"] >= ranking[1]["confidence"]


def test_an_untrained_classifier_predicts_nothing(tmp_path):
    context = ExecutionContext(GraphSchema({}), "test")
    classifier = TfidfIntentClassifier.load(
        TfidfIntentClassifier.get_default_config(), LocalModelStorage(tmp_path),
        Resource("missing"), context)
    [message] = classifier.process([Message(data={"text": "hello"})])
    assert message.get("intent") == {"name": None, "confidence": 0.0}
    assert message.get("intent_ranking") == []
