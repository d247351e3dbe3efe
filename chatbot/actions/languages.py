"""Changing the conversation's language when the person asks.

The target language comes from the language buttons (entity target_language) or from a
language named in the message, in any of our eight languages. The portal is told through the
custom payload {"set_language": code} so its pages follow.
"""
import re

from rasa_sdk import Action
from rasa_sdk.events import SlotSet

from .conversation import button, conversation_language, normalise_language
from .texts import LANGUAGE_NAMES, LANGUAGES, text

# Lower-case stems of each language's name as people write it in our eight languages, with
# and without diacritics. Matched as the start of a word.
LANGUAGE_NAME_STEMS = {
    "en": ["english", "engl", "angiel", "angielsk", "saesneg", "engleza", "engleză", "anglisht",
           "angl", "الإنجليزي", "الانجليزي", "انجليزي", "إنجليزي", "انگریزی", "انگلش"],
    "cy": ["welsh", "cymraeg", "gymraeg", "walijsk", "galeza", "galeză", "uellsisht",
           "velsisht", "valų", "valu", "الويلزي", "ویلش"],
    "pl": ["polish", "polsk", "polski", "pwyleg", "polonez", "polon", "polonisht", "lenk",
           "البولندي", "بولندي", "پولش", "پولستانی"],
    "ro": ["romanian", "rumuńsk", "rumunsk", "roman", "român", "rwmaneg", "rumanisht",
           "rumun", "الروماني", "روماني", "رومانوی", "رومانین"],
    "sq": ["albanian", "albańsk", "albansk", "albanez", "shqip", "albaneg", "alban",
           "الألباني", "الالباني", "البانوی", "البانین"],
    "lt": ["lithuanian", "litewsk", "lituanian", "lithwaneg", "lituanisht", "lietuv",
           "lituan", "الليتواني", "لتھوینین", "لیتھوینین"],
    "ar": ["arab", "arabsk", "arabeg", "arabisht", "arabų", "العربي", "عربي", "عربی"],
    "ur": ["urdu", "urdū", "اردو", "الأردي", "الاردي", "أردو"],
}

def languages_named_in(message):
    """Codes of the languages named in message, in the order they appear."""
    lowered = (message or "").lower()
    found = []
    for code, stems in LANGUAGE_NAME_STEMS.items():
        positions = [
            match.start()
            for stem in stems
            for match in re.finditer(r"(?:^|(?<=[\s,.!?;:'\"()/-]))" + re.escape(stem), lowered)
        ]
        if positions:
            found.append((min(positions), code))
    return [code for _, code in sorted(found)]


def requested_language(message, entity_value, current):
    """The language asked for, or None if the message does not say which."""
    from_button = normalise_language(entity_value)
    if from_button:
        return from_button
    named = languages_named_in(message)
    others = [code for code in named if code != current]
    if len(named) == 1:
        return named[0]
    if others:
        # "can we speak polish not english": the one that is not the current language.
        return others[0]
    return None


def language_buttons(current):
    return [
        button(LANGUAGE_NAMES[code], "change_language", {"target_language": code})
        for code in LANGUAGES
        if code != current
    ]


class ActionChangeLanguage(Action):
    def name(self):
        return "action_change_language"

    def run(self, dispatcher, tracker, domain):
        current = conversation_language(tracker)
        message = tracker.latest_message.get("text") or ""
        target = requested_language(
            message, next(tracker.get_latest_entity_values("target_language"), None), current
        )
        if not target:
            dispatcher.utter_message(
                text=text("language_choose", current), buttons=language_buttons(current)
            )
            return []
        dispatcher.utter_message(text=text("language_changed", target))
        dispatcher.utter_message(json_message={"set_language": target})
        return [SlotSet("language", target)]
