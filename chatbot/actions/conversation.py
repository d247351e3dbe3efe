"""What the portal tells us about the conversation: language, device and who is signed in.

The portal sends {"language", "person_token", "device"} as metadata with every message.
"""
import json

from rasa_sdk import Action
from rasa_sdk.events import SlotSet

from .texts import DEFAULT_LANGUAGE, LANGUAGES


def normalise_language(code):
    """'pl-PL' -> 'pl'; None for anything we do not speak."""
    if not isinstance(code, str):
        return None
    short = code.strip().lower().replace("_", "-").split("-")[0]
    return short if short in LANGUAGES else None


def message_metadata(tracker):
    return (tracker.latest_message or {}).get("metadata") or {}


def conversation_language(tracker):
    return normalise_language(tracker.get_slot("language")) or DEFAULT_LANGUAGE


def device(tracker):
    return message_metadata(tracker).get("device")


def on_kiosk(tracker):
    return device(tracker) == "kiosk"


def person_token(tracker):
    token = message_metadata(tracker).get("person_token")
    return token if isinstance(token, str) and token else None


def button(title, intent, entities=None):
    payload = "/" + intent
    if entities:
        payload += json.dumps(entities, ensure_ascii=False)
    return {"title": title, "payload": payload}


class ActionReadPortalMetadata(Action):
    """Custom slot mapping for `language` and `portal_language`, run after every user message.

    The conversation follows the portal's language only when the portal's language changes
    (the person chose another language there); a portal that has not yet caught up with a
    change_language made in the chat does not switch the conversation back.
    """

    def name(self):
        return "action_read_portal_metadata"

    def run(self, dispatcher, tracker, domain):
        portal_language = normalise_language(message_metadata(tracker).get("language"))
        if not portal_language or portal_language == tracker.get_slot("portal_language"):
            return []
        return [SlotSet("portal_language", portal_language), SlotSet("language", portal_language)]
