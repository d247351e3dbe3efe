from pathlib import Path

import pytest
import yaml
from conftest import make_tracker, run_action
from rasa_sdk.events import SlotSet

from actions.safety import ActionFallback, ActionSafetyResponse
from actions.texts import LANGUAGES, SAFETY_FALLBACK, by_key

# After the safety steps or a hand-off, a follow-up is not read against what came before.
FORGETS_THE_TOPIC = [SlotSet("topic", None)]

REAL_RESPONSES = Path(__file__).resolve().parents[2] / "content" / "safety" / "responses.yml"


def test_emergency_in_polish_with_urgent_payload(content_dir):
    messages, events = run_action(ActionSafetyResponse(), make_tracker(
        "report_emergency", "on nie oddycha", metadata={"language": "pl", "device": "phone"},
        language="pl"))
    assert messages[0]["text"] == "Możliwe przedawkowanie - działaj\n1. Zadzwoń pod 999.\n2. Podaj nalokson."
    assert messages[1]["custom"] == {"safety": "emergency"}
    assert events == FORGETS_THE_TOPIC


def test_on_a_kiosk_the_prison_steps_come_first(content_dir):
    messages, _ = run_action(ActionSafetyResponse(), make_tracker(
        "report_emergency", "my cellmate collapsed", metadata={"language": "en", "device": "kiosk"}))
    assert messages[0]["text"].splitlines()[1:] == [
        "1. Press the cell bell now.", "2. Call 999 now.", "3. Give naloxone if you have it."]


def test_crisis_falls_back_to_english_steps_and_offers_a_person(content_dir):
    messages, _ = run_action(ActionSafetyResponse(), make_tracker(
        "express_crisis", "dua te vras veten", metadata={"language": "sq", "device": "kiosk"},
        language="sq"))
    assert messages[0]["text"] == "You matter\n1. Ask for a Listener.\n2. Call Samaritans on 116 123."
    assert messages[0]["buttons"] == [{"title": by_key("btn_talk_to_person")["sq"],
                                       "payload": "/human_handoff"}]
    assert messages[1]["custom"] == {"safety": "crisis"}


def test_unreadable_responses_file_still_gives_safety_steps(content_dir):
    (content_dir / "safety" / "responses.yml").write_text("emergency: [broken", encoding="utf-8")
    messages, _ = run_action(ActionSafetyResponse(), make_tracker(
        "report_emergency", "mae o wedi troi'n las", language="cy"))
    expected = SAFETY_FALLBACK["emergency"]["cy"]
    assert messages[0]["text"].startswith(expected["title"])
    assert expected["steps"][0] in messages[0]["text"]
    assert messages[1]["custom"] == {"safety": "emergency"}


def test_unsure_model_still_answers_a_likely_crisis(content_dir):
    ranking = [{"name": "nlu_fallback", "confidence": 0.25},
               {"name": "deny", "confidence": 0.22},
               {"name": "express_crisis", "confidence": 0.19}]
    messages, _ = run_action(ActionFallback(), make_tracker(
        "nlu_fallback", "nie dam rady dalej", language="en", ranking=ranking))
    assert messages[-1]["custom"] == {"safety": "crisis"}


def test_unsure_model_without_safety_guess_says_it_did_not_understand(content_dir):
    ranking = [{"name": "nlu_fallback", "confidence": 0.25},
               {"name": "ask_gp", "confidence": 0.2},
               {"name": "ask_housing", "confidence": 0.18},
               {"name": "report_emergency", "confidence": 0.15}]
    messages, _ = run_action(ActionFallback(), make_tracker(
        "nlu_fallback", "asdf", language="lt", ranking=ranking))
    assert messages == [{**messages[0], "text": by_key("not_understood")["lt"]}]
    assert not any("custom" in m and m["custom"] for m in messages)


@pytest.mark.skipif(not REAL_RESPONSES.exists(), reason="content/safety/responses.yml not present")
def test_real_safety_responses_cover_all_languages():
    data = yaml.safe_load(REAL_RESPONSES.read_text(encoding="utf-8"))
    for kind in ("emergency", "crisis"):
        for code in LANGUAGES:
            entry = data[kind][code]
            assert entry["title"].strip() and entry["steps"], (kind, code)
            assert all(isinstance(step, str) and step.strip() for step in entry["steps"])
        assert all(data["crisis"][code].get("kiosk_steps") for code in LANGUAGES)
