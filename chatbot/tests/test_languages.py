import pytest
from conftest import make_tracker, run_action
from rasa_sdk.events import SlotSet

from actions.languages import ActionChangeLanguage, requested_language
from actions.texts import LANGUAGES, by_key


@pytest.mark.parametrize("message, expected", [
    ("can we speak polish", "pl"),
    ("po polsku prosze", "pl"),
    ("cymraeg plis", "cy"),
    ("in romana va rog", "ro"),
    ("shqip ju lutem", "sq"),
    ("lietuviškai prašau", "lt"),
    ("العربية من فضلك", "ar"),
    ("اردو میں بات کریں", "ur"),
    ("switch to english", "en"),
    ("can we speak polish not english", "pl"),
    ("change language", None),
])
def test_requested_language_is_read_from_the_message(message, expected):
    assert requested_language(message, None, "en") == expected


def test_switching_sets_the_slot_answers_in_the_new_language_and_tells_the_portal():
    messages, events = run_action(ActionChangeLanguage(), make_tracker(
        "change_language", "po polsku prosze", language="en"))
    assert messages[0]["text"] == by_key("language_changed")["pl"]
    assert messages[1]["custom"] == {"set_language": "pl"}
    assert events == [SlotSet("language", "pl")]


def test_language_button_entity_wins():
    messages, events = run_action(ActionChangeLanguage(), make_tracker(
        "change_language", "/change_language", language="pl",
        entities=[{"entity": "target_language", "value": "ur"}]))
    assert events == [SlotSet("language", "ur")]
    assert messages[1]["custom"] == {"set_language": "ur"}


def test_no_language_named_offers_the_others_as_buttons_and_changes_nothing():
    messages, events = run_action(ActionChangeLanguage(), make_tracker(
        "change_language", "zmień język", language="pl"))
    assert events == []
    assert messages[0]["text"] == by_key("language_choose")["pl"]
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert len(payloads) == len(LANGUAGES) - 1
    assert '/change_language{"target_language": "ar"}' in payloads
