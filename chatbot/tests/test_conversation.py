from conftest import make_tracker, run_action
from rasa_sdk.events import SlotSet

from actions.conversation import ActionReadPortalMetadata, normalise_language


def tracker_with_slots(language, portal_language, metadata):
    tracker = make_tracker(metadata=metadata)
    tracker.slots.update({"language": language, "portal_language": portal_language})
    return tracker


def test_first_message_takes_the_portal_language():
    _, events = run_action(ActionReadPortalMetadata(),
                           tracker_with_slots("en", None, {"language": "pl"}))
    assert events == [SlotSet("portal_language", "pl"), SlotSet("language", "pl")]


def test_a_language_chosen_in_the_chat_is_kept_while_the_portal_catches_up():
    # The person asked for Welsh in the chat; the portal still sends English.
    _, events = run_action(ActionReadPortalMetadata(),
                           tracker_with_slots("cy", "en", {"language": "en"}))
    assert events == []


def test_choosing_another_language_in_the_portal_switches_the_conversation():
    _, events = run_action(ActionReadPortalMetadata(),
                           tracker_with_slots("cy", "en", {"language": "ro-RO"}))
    assert events == [SlotSet("portal_language", "ro"), SlotSet("language", "ro")]


def test_unknown_or_missing_languages_change_nothing():
    for metadata in ({}, {"language": "de"}, {"language": None}):
        _, events = run_action(ActionReadPortalMetadata(), tracker_with_slots("en", "en", metadata))
        assert events == []


def test_normalise_language():
    assert normalise_language("PL_pl") == "pl"
    assert normalise_language("ur") == "ur"
    assert normalise_language("fr") is None
