from conftest import bot_event, make_tracker, run_action, user_event
from rasa_sdk.events import SlotSet

from actions.people import ActionHumanHandoff, ActionRequestChampion
from actions.texts import by_key

# After the safety steps or a hand-off, a follow-up is not read against what came before.
FORGETS_THE_TOPIC = [SlotSet("topic", None)]

HISTORY = [
    user_event("hiya", 1795000000.0),
    bot_event("Hello, I'm the Throughcare assistant.", 1795000001.0),
    {"event": "action", "name": "action_small_talk", "timestamp": 1795000001.5},
    user_event("can i talk to a person", 1795000060.0),
]


def test_handoff_sends_the_transcript_and_leaves_the_pause_to_the_portal(portal):
    portal.replies[("POST", "/api/v1/assistant/handoffs")] = (201, {"id": 7})
    messages, events = run_action(ActionHumanHandoff(), make_tracker(
        "human_handoff", "can i talk to a person", sender_id="abc",
        metadata={"language": "en", "person_token": "p-1", "device": "phone"}, events=HISTORY))
    sent = portal.requests[0]
    assert sent["headers"]["Authorization"] == "Bearer assistant-secret"
    assert sent["json"]["sender_id"] == "abc"
    assert sent["json"]["language"] == "en"
    assert sent["json"]["person_token"] == "p-1"
    assert sent["json"]["transcript"] == [
        {"from": "user", "text": "hiya", "at": "2026-11-18T11:06:40+00:00"},
        {"from": "bot", "text": "Hello, I'm the Throughcare assistant.", "at": "2026-11-18T11:06:41+00:00"},
        {"from": "user", "text": "can i talk to a person", "at": "2026-11-18T11:07:40+00:00"},
    ]
    assert messages[0]["text"] == f"{by_key('handoff_sent')['en']}\n{by_key('urgent_help_phone')['en']}"
    assert events == FORGETS_THE_TOPIC  # and nothing is paused


def test_handoff_when_portal_is_down_does_not_pause_and_says_where_to_get_help(portal_down):
    messages, events = run_action(ActionHumanHandoff(), make_tracker(
        "human_handoff", "chce gadac z czlowiekiem", language="pl",
        metadata={"language": "pl", "device": "kiosk"}))
    assert messages[0]["text"] == f"{by_key('handoff_failed')['pl']}\n{by_key('urgent_help_kiosk')['pl']}"
    assert events == FORGETS_THE_TOPIC  # and nothing is paused


def test_handoff_rejected_by_portal_does_not_pause(portal):
    portal.replies[("POST", "/api/v1/assistant/handoffs")] = (400, {"error": "bad"})
    _, events = run_action(ActionHumanHandoff(), make_tracker("human_handoff", "human please"))
    assert events == FORGETS_THE_TOPIC  # and nothing is paused


def test_champion_request_points_to_the_portal_in_the_person_language():
    messages, _ = run_action(ActionRequestChampion(), make_tracker(
        "request_champion", "vreau un mentor", language="ro"))
    assert messages[0]["text"] == by_key("champion_how_to")["ro"]
    assert "/my-champion" in messages[0]["text"]
    assert [b["payload"] for b in messages[1]["buttons"]] == ["/ask_mutual_aid", "/human_handoff"]
