"""Follow-ups answered by the actions, whatever intent the NLU read them as; the personal answers about the
champion and what is booked ahead, from the portal's summary."""
from conftest import make_tracker, run_action
from rasa_sdk.events import SlotSet

from actions.guidance import ActionAnswerFromGuidance
from actions.people import ActionRequestChampion
from actions.personal import ActionPersonalSummary
from actions.safety import ActionFallback, ActionSafetyResponse
from actions.small_talk import ActionSmallTalk
from actions.texts import by_key

SUMMARY_PATH = ("GET", "/api/v1/assistant/summary")
SIGNED_IN = {"language": "en", "person_token": "person-token-1", "device": "phone"}
# Monday 14 December 2026: the champion meeting at 11:00 comes before the probation appointment on Tuesday.
KYLE = {
    "first_name": "Kyle", "release_date": "2026-12-04", "release_time": None, "released": True,
    "release_area": "Leeds", "champion_requested": True,
    "next_appointments": [
        {"kind": "Probation", "kind_code": "probation", "provider": "Leeds Probation Office",
         "starts_at": "2026-12-15T09:30:00+00:00", "address": "5 Park Place, Leeds LS1 2RU",
         "phone": "0113 496 0777", "what_to_bring": "Your licence"},
    ],
    "champion": {"first_name": "Tomasz", "kind": "peer", "next_meetings": [
        {"starts_at": "2026-12-14T11:00:00+00:00", "ends_at": "2026-12-14T12:00:00+00:00",
         "place": "Café at the Wharf Street service", "at_the_gate": False},
    ]},
}


def text_of(messages):
    return "\n".join(m.get("text") or "" for m in messages)


def signed_in(intent, message, topic=None, language="en", confidence=0.3):
    return make_tracker(intent, message, language=language, topic=topic, confidence=confidence,
                        metadata={**SIGNED_IN, "language": language})


# --- Pages -----------------------------------------------------------------------------------------

def test_a_guidance_answer_makes_its_page_the_topic(content_dir):
    _, events = run_action(ActionAnswerFromGuidance(), make_tracker("ask_naloxone", "what is naloxone"))
    assert events == [SlotSet("topic", "naloxone")]


def test_naloxone_then_how_do_i_use_it_then_where_do_i_get_one(content_dir):
    # The NLU reads the bare follow-ups as out of scope and as getting naloxone.
    messages, events = run_action(ActionSmallTalk(), make_tracker(
        "out_of_scope", "how do I use it?", topic="naloxone", confidence=0.32))
    assert "/guidance/naloxone" in messages[0]["text"] and "Give one spray in one nostril." in messages[0]["text"]
    assert events == [SlotSet("topic", "naloxone")]

    messages, events = run_action(ActionAnswerFromGuidance(), make_tracker(
        "ask_housing", "and where do I get one?", topic="naloxone", confidence=0.4))
    assert "/guidance/getting-naloxone" in messages[0]["text"]
    assert events == [SlotSet("topic", "getting-naloxone")]


def test_a_follow_up_in_polish_gets_the_polish_page(content_dir):
    messages, _ = run_action(ActionFallback(), make_tracker(
        "nlu_fallback", "jak go użyć?", language="pl", topic="getting-naloxone",
        ranking=[{"name": "nlu_fallback", "confidence": 0.9}, {"name": "affirm", "confidence": 0.08}]))
    assert messages[0]["text"].startswith("Nalokson ratuje życie")


def test_a_new_question_after_a_topic_gets_its_own_answer(content_dir):
    messages, events = run_action(ActionAnswerFromGuidance(), make_tracker(
        "get_naloxone", "where can I get a naloxone kit", topic="appointments", confidence=0.97))
    assert "/guidance/getting-naloxone" in messages[0]["text"]
    assert events == [SlotSet("topic", "getting-naloxone")]


# --- What is booked ahead ------------------------------------------------------------------------

def test_the_next_appointment_counts_champion_meetings(portal, content_dir):
    portal.replies[SUMMARY_PATH] = (200, KYLE)
    messages, events = run_action(ActionPersonalSummary(), signed_in(
        "ask_next_appointment", "when is my next appointment", confidence=1.0))
    answer = messages[0]["text"]
    assert "Monday, 14 December 2026, 11:00: Meeting with your Recovery Champion, Tomasz" in answer
    assert "Tuesday, 15 December 2026, 09:30: Probation – Leeds Probation Office" in answer
    assert answer.index("Tomasz") < answer.index("Probation")
    assert events == [SlotSet("topic", "appointments")]


def test_nothing_booked_ahead_is_said_honestly(portal, content_dir):
    portal.replies[SUMMARY_PATH] = (200, {**KYLE, "next_appointments": [],
                                          "champion": {**KYLE["champion"], "next_meetings": []}})
    messages, _ = run_action(ActionPersonalSummary(), signed_in(
        "ask_next_appointment", "when is my next appointment", confidence=1.0))
    assert by_key("no_appointments")["en"] in messages[0]["text"]
    assert "no meetings with a champion" in by_key("no_appointments")["en"]


def test_where_is_it_after_the_appointments_gives_the_place_of_the_next_one(portal, content_dir):
    portal.replies[SUMMARY_PATH] = (200, KYLE)
    messages, events = run_action(ActionSmallTalk(), signed_in(
        "out_of_scope", "where is it?", topic="appointments", confidence=0.22))
    assert messages[0]["text"].startswith(
        "Your next appointment (Meeting with your Recovery Champion, Tomasz, Monday, 14 December 2026, 11:00) "
        "is at Café at the Wharf Street service.")
    assert events == [SlotSet("topic", "appointments")]


def test_what_time_after_the_appointments_in_arabic_uses_the_portals_clock(portal, content_dir):
    summary = {**KYLE, "champion": None}
    portal.replies[SUMMARY_PATH] = (200, summary)
    messages, _ = run_action(ActionSmallTalk(), signed_in(
        "out_of_scope", "الساعة كم؟", topic="appointments", language="ar", confidence=0.63))
    answer = messages[0]["text"]
    assert "09:30" in answer  # 24-hour, as the plan page shows it, not "9:30 ص"
    assert "5 Park Place, Leeds LS1 2RU" in answer


def test_what_to_bring_and_who_to_call(portal, content_dir):
    portal.replies[SUMMARY_PATH] = (200, {**KYLE, "champion": None})
    messages, _ = run_action(ActionSmallTalk(), signed_in(
        "ask_release_plan", "what do i need to bring", topic="appointments", confidence=0.17))
    assert "bring: Your licence." in messages[0]["text"]
    messages, _ = run_action(ActionSmallTalk(), signed_in(
        "out_of_scope", "whats their number", topic="appointments", confidence=0.5))
    assert "0113 496 0777" in messages[0]["text"]


def test_missing_an_appointment_gets_the_probation_page(portal, content_dir, monkeypatch):
    from conftest import write_page
    write_page(content_dir, "en", "probation", "Your first probation appointment",
               "You must see your probation officer.", ["If you will be late, phone them first."])
    messages, _ = run_action(ActionFallback(), make_tracker(
        "nlu_fallback", "what happens if I miss it?", topic="appointments",
        ranking=[{"name": "nlu_fallback", "confidence": 0.9}, {"name": "express_crisis", "confidence": 0.09}]))
    assert "/guidance/probation" in messages[0]["text"]


def test_a_follow_up_read_as_an_emergency_gets_its_answer_and_the_urgent_line(portal, content_dir):
    portal.replies[SUMMARY_PATH] = (200, KYLE)
    messages, _ = run_action(ActionSafetyResponse(), signed_in(
        "report_emergency", "ble mae o?", topic="appointments", language="cy", confidence=0.79))
    assert "Café at the Wharf Street service" in messages[0]["text"]
    assert messages[-1]["text"] == by_key("urgent_help_phone")["cy"]
    assert not any(m.get("custom") for m in messages)  # no alarm for staff


def test_an_emergency_after_a_topic_still_gets_the_steps(portal, content_dir):
    messages, _ = run_action(ActionSafetyResponse(), make_tracker(
        "report_emergency", "he's not breathing", topic="naloxone", confidence=0.98))
    assert {"safety": "emergency"} in [m.get("custom") for m in messages]
    assert portal.requests == []


# --- The champion --------------------------------------------------------------------------------

def test_who_is_my_champion_answers_with_the_name_and_the_next_meeting(portal, content_dir):
    portal.replies[SUMMARY_PATH] = (200, KYLE)
    messages, events = run_action(ActionRequestChampion(), signed_in(
        "request_champion", "who is my champion?", confidence=1.0))
    assert messages[0]["text"] == (
        "Your Recovery Champion is Tomasz.\n"
        "You next meet Tomasz on Monday, 14 December 2026, 11:00.\n"
        "Where: Café at the Wharf Street service\n"
        "Meetings and messages: /my-champion")
    assert events == [SlotSet("topic", "champion")]


def test_when_do_i_see_them_next_after_the_champion(portal, content_dir):
    portal.replies[SUMMARY_PATH] = (200, KYLE)
    # The NLU reads it, rightly on its own, as the next appointment: the topic says it is the champion.
    messages, _ = run_action(ActionPersonalSummary(), signed_in(
        "ask_next_appointment", "when do I see them next?", topic="champion", confidence=0.95))
    assert messages[0]["text"].startswith("You next meet Tomasz on Monday, 14 December 2026, 11:00.")


def test_a_champion_without_a_meeting_booked(portal, content_dir):
    portal.replies[SUMMARY_PATH] = (200, {**KYLE, "champion": {**KYLE["champion"], "next_meetings": []}})
    messages, _ = run_action(ActionRequestChampion(), signed_in("request_champion", "who is my champion", confidence=1))
    assert messages[0]["text"] == "Your Recovery Champion is Tomasz.\n" + \
        by_key("champion_no_meeting")["en"].format(name="Tomasz")


def test_someone_who_has_asked_is_told_we_are_finding_one(portal, content_dir):
    portal.replies[SUMMARY_PATH] = (200, {**KYLE, "champion": None, "champion_requested": True})
    messages, _ = run_action(ActionRequestChampion(), signed_in("request_champion", "who is my champion", confidence=1))
    assert messages[0]["text"] == by_key("champion_asked")["en"]


def test_someone_without_a_champion_is_told_how_to_ask_in_their_language(portal, content_dir):
    portal.replies[SUMMARY_PATH] = (200, {**KYLE, "champion": None, "champion_requested": False})
    messages, _ = run_action(ActionRequestChampion(), signed_in(
        "request_champion", "kto jest moim championem", language="pl", confidence=1))
    assert messages[0]["text"] == by_key("champion_how_to")["pl"]


def test_the_champion_of_someone_not_signed_in_is_not_looked_up(portal, content_dir):
    messages, _ = run_action(ActionRequestChampion(), make_tracker("request_champion", "who is my champion"))
    assert messages[0]["text"] == by_key("champion_how_to")["en"]
    assert portal.requests == []


def test_the_portal_down_is_said_without_guessing(portal_down, content_dir):
    messages, _ = run_action(ActionRequestChampion(), signed_in("request_champion", "who is my champion", confidence=1))
    assert messages[0]["text"] == by_key("champion_unavailable")["en"]


def test_a_family_member_hears_of_their_family_support_contact(portal, content_dir):
    portal.replies[SUMMARY_PATH] = (200, {**KYLE, "champion": {**KYLE["champion"], "first_name": "Helen",
                                                                "kind": "family"}})
    messages, _ = run_action(ActionRequestChampion(), signed_in("request_champion", "who do i talk to", confidence=1))
    assert messages[0]["text"].startswith("Your family-support contact is Helen.")


# --- The release plan ------------------------------------------------------------------------------

def test_what_time_after_the_release_date(portal, content_dir):
    portal.replies[SUMMARY_PATH] = (200, {**KYLE, "released": False, "release_time": "08:30"})
    messages, events = run_action(ActionSmallTalk(), signed_in(
        "out_of_scope", "what time?", topic="release-plan", confidence=0.81))
    assert messages[0]["text"].startswith("Kyle, your release date is 4 December 2026. You are due to leave at 08:30.")
    assert events == [SlotSet("topic", "release-plan")]


def test_the_safety_steps_end_the_topic(content_dir):
    _, events = run_action(ActionSafetyResponse(), make_tracker(
        "express_crisis", "i want to die", topic="naloxone", confidence=0.99))
    assert events == [SlotSet("topic", None)]
