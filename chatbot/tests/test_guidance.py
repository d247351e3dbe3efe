from pathlib import Path

import pytest
from conftest import make_tracker, run_action

from actions.guidance import INTENT_TOPICS, ActionAnswerFromGuidance, load_page
from actions.texts import LANGUAGES, by_key

REAL_CONTENT = Path(__file__).resolve().parents[2] / "content"


def test_answers_in_the_conversation_language_with_steps_and_link(content_dir):
    messages, _ = run_action(ActionAnswerFromGuidance(),
                             make_tracker("ask_naloxone", "co to nalokson", language="pl"))
    answer = messages[0]["text"]
    assert answer.startswith("Nalokson ratuje życie\nNalokson na krótko odwraca")
    assert "1. Najpierw zadzwoń pod 999.\n2. Podaj jedną dawkę do nosa.\n3. Zostań z tą osobą." in answer
    assert "/guidance/naloxone" in answer
    assert by_key("guidance_english_only")["pl"] not in answer


def test_falls_back_to_english_and_says_so(content_dir):
    messages, _ = run_action(ActionAnswerFromGuidance(),
                             make_tracker("get_naloxone", "de unde iau naloxona", language="ro"))
    answer = messages[0]["text"]
    assert answer.startswith(by_key("guidance_english_only")["ro"])
    assert "You can get a free naloxone kit before you leave." in answer
    assert by_key("guidance_read_more")["ro"].format(link="/guidance/getting-naloxone") in answer


def test_offers_related_pages_it_can_answer_and_a_person(content_dir):
    messages, _ = run_action(ActionAnswerFromGuidance(), make_tracker("ask_naloxone", "naloxone"))
    offer = messages[1]
    assert offer["text"] == by_key("guidance_next_step")["en"]
    # family-naloxone has no intent; recognising-overdose has no page in the fixture.
    assert offer["buttons"] == [
        {"title": "Getting a naloxone kit", "payload": "/get_naloxone"},
        {"title": "Talk to a person", "payload": "/human_handoff"},
    ]


def test_missing_page_says_so_and_offers_a_person(content_dir):
    messages, _ = run_action(ActionAnswerFromGuidance(),
                             make_tracker("ask_housing", "i need a pad", language="en"))
    assert messages[0]["text"] == by_key("guidance_missing")["en"]
    assert messages[0]["buttons"][0]["payload"] == "/human_handoff"


@pytest.mark.skipif(not (REAL_CONTENT / "en").is_dir(), reason="content/ not present")
@pytest.mark.parametrize("topic_id", sorted(INTENT_TOPICS.values()))
def test_every_guidance_intent_has_a_readable_english_page(topic_id, monkeypatch):
    monkeypatch.setenv("THROUGHCARE_CONTENT_DIR", str(REAL_CONTENT))
    page = load_page(topic_id, "en")
    assert page is not None, f"content/en/{topic_id}.md missing or unreadable"
    assert page.summary and 3 <= len(page.key_steps) <= 6


@pytest.mark.skipif(not (REAL_CONTENT / "en").is_dir(), reason="content/ not present")
def test_translated_pages_that_exist_are_readable(monkeypatch):
    monkeypatch.setenv("THROUGHCARE_CONTENT_DIR", str(REAL_CONTENT))
    unreadable = [
        f"{code}/{topic_id}" for code in LANGUAGES for topic_id in INTENT_TOPICS.values()
        if (REAL_CONTENT / code / f"{topic_id}.md").exists() and load_page(topic_id, code) is None
    ]
    assert unreadable == []
