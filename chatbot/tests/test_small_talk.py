from conftest import make_tracker, run_action

from actions.small_talk import ActionSmallTalk
from actions.texts import by_key


def test_greeting_in_arabic_offers_the_main_choices():
    messages, _ = run_action(ActionSmallTalk(), make_tracker("greet", "مرحبا", language="ar"))
    assert messages[0]["text"] == by_key("greet")["ar"]
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert payloads == ["/ask_release_plan", "/ask_naloxone", "/human_handoff"]
    assert messages[0]["buttons"][2]["title"] == by_key("btn_talk_to_person")["ar"]


def test_goodbye_does_not_push_buttons():
    messages, _ = run_action(ActionSmallTalk(), make_tracker("goodbye", "pa", language="pl"))
    assert messages[0]["text"] == by_key("goodbye")["pl"]
    assert messages[0]["buttons"] == []


def test_out_of_scope_in_welsh():
    messages, _ = run_action(ActionSmallTalk(), make_tracker("out_of_scope", "deud jôc", language="cy"))
    assert messages[0]["text"] == by_key("out_of_scope")["cy"]
    assert messages[0]["buttons"]
