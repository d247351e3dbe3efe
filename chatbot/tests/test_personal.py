from conftest import make_tracker, run_action

from actions.personal import ActionPersonalSummary
from actions.texts import by_key

SUMMARY = {
    "first_name": "Ania",
    "release_date": "2026-12-04",
    "released": False,
    "next_appointments": [
        {"kind": "Drug service", "provider": "Change Grow Live", "address": "1 High St, Leeds",
         "phone": "0113 000 0000", "starts_at": "2026-12-07T09:30:00+00:00"},
        {"kind": "Probation", "provider": "Leeds PDU", "address": "2 Park Row, Leeds",
         "phone": "0113 111 1111", "starts_at": "2026-12-04T14:00:00+00:00"},
    ],
}
SIGNED_IN = {"language": "pl", "person_token": "person-token-123", "device": "phone"}


def test_release_plan_for_a_signed_in_person_in_polish(portal):
    portal.replies[("GET", "/api/v1/assistant/summary")] = (200, SUMMARY)
    messages, _ = run_action(ActionPersonalSummary(), make_tracker(
        "ask_release_plan", "kiedy wychodzę", language="pl", metadata=SIGNED_IN))
    answer = messages[0]["text"]
    assert answer.startswith("Ania, data twojego wyjścia to 4 grudnia 2026.")
    # Earliest first, in London time, in Polish.
    assert "piątek, 4 grudnia 2026, 14:00: Probation – Leeds PDU" in answer
    assert answer.index("Probation") < answer.index("Drug service")
    assert "/my-plan" in answer
    request = portal.requests[0]
    assert request["headers"]["Authorization"] == "Bearer assistant-secret"
    assert request["headers"]["X-Person-Token"] == "person-token-123"


def test_appointment_times_are_shown_in_london_summer_time(portal):
    summary = dict(SUMMARY, next_appointments=[dict(
        SUMMARY["next_appointments"][0], starts_at="2027-07-05T08:30:00+00:00")])
    portal.replies[("GET", "/api/v1/assistant/summary")] = (200, summary)
    messages, _ = run_action(ActionPersonalSummary(), make_tracker(
        "ask_next_appointment", "when is my next appointment", metadata={
            "language": "en", "person_token": "t"}))
    assert "Monday, 5 July 2027, 09:30: Drug service – Change Grow Live" in messages[0]["text"]
    assert "1 High St, Leeds · 0113 000 0000" in messages[0]["text"]


def test_released_person_without_appointments(portal):
    portal.replies[("GET", "/api/v1/assistant/summary")] = (
        200, {"first_name": "Dai", "release_date": None, "released": True, "next_appointments": []})
    messages, _ = run_action(ActionPersonalSummary(), make_tracker(
        "ask_release_plan", "pryd wi'n mas", language="cy",
        metadata={"language": "cy", "person_token": "t"}))
    assert by_key("already_released")["cy"].format(name="Dai") in messages[0]["text"]
    assert by_key("no_appointments")["cy"] in messages[0]["text"]


def test_a_rejected_token_reveals_nothing(portal):
    portal.replies[("GET", "/api/v1/assistant/summary")] = (401, {"first_name": "Ania"})
    messages, _ = run_action(ActionPersonalSummary(), make_tracker(
        "ask_release_plan", "kiedy wychodzę", language="pl", metadata=SIGNED_IN))
    assert [m["text"] for m in messages] == [by_key("sign_in_needed")["pl"]]


def test_without_a_person_token_the_portal_is_not_asked(portal):
    messages, _ = run_action(ActionPersonalSummary(), make_tracker(
        "ask_next_appointment", "next appt", metadata={"language": "en", "device": "kiosk"}))
    assert [m["text"] for m in messages] == [by_key("sign_in_needed")["en"]]
    assert portal.requests == []


def test_portal_down_is_said_kindly_with_the_plan_page(portal_down):
    messages, _ = run_action(ActionPersonalSummary(), make_tracker(
        "ask_release_plan", "cand ies", language="ro",
        metadata={"language": "ro", "person_token": "t"}))
    assert messages[0]["text"] == by_key("portal_down")["ro"]
    assert "/my-plan" in messages[0]["text"]


def test_portal_error_counts_as_down(portal):
    portal.replies[("GET", "/api/v1/assistant/summary")] = (500, {"error": "boom"})
    messages, _ = run_action(ActionPersonalSummary(), make_tracker(
        "ask_release_plan", "when do i get out", metadata={"language": "en", "person_token": "t"}))
    assert messages[0]["text"] == by_key("portal_down")["en"]
