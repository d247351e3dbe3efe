"""Greetings, thanks, yes/no and out-of-scope: short, in the conversation's language, and
always with a next step."""
from rasa_sdk import Action

from . import topics
from .conversation import button, conversation_language
from .texts import text

SMALL_TALK_TEXT = {
    "greet": "greet",
    "goodbye": "goodbye",
    "thank": "thank",
    "affirm": "affirm",
    "deny": "deny",
    "out_of_scope": "out_of_scope",
}

# Replies that ask "what next?" get the main choices as buttons; goodbye and "no" do not
# push the person.
WITH_CHOICES = {"greet", "thank", "affirm", "out_of_scope"}


def main_choices(language):
    return [
        button(text("btn_release_plan", language), "ask_release_plan"),
        button(text("btn_naloxone", language), "ask_naloxone"),
        button(text("btn_talk_to_person", language), "human_handoff"),
    ]


class ActionSmallTalk(Action):
    def name(self):
        return "action_small_talk"

    def run(self, dispatcher, tracker, domain):
        # "what time?" read as out of scope, "thanks, where is it?" as thanks: answered from the topic.
        events = topics.answer_follow_up(dispatcher, tracker)
        if events is not None:
            return events
        language = conversation_language(tracker)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        key = SMALL_TALK_TEXT.get(intent, "not_understood")
        buttons = main_choices(language) if key in WITH_CHOICES else []
        dispatcher.utter_message(text=text(key, language), buttons=buttons)
        return []
