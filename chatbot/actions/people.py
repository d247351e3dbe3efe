"""Reaching people: handing the conversation to staff, and asking for a Recovery Champion."""
import logging
from datetime import datetime, timezone

from rasa_sdk import Action

from . import portal
from .conversation import button, conversation_language, on_kiosk, person_token
from .texts import text

logger = logging.getLogger(__name__)

# Enough of the conversation for staff to pick it up without asking again.
TRANSCRIPT_MESSAGES = 30


def transcript(tracker):
    messages = []
    for event in tracker.events:
        if event.get("event") not in ("user", "bot") or not event.get("text"):
            continue
        at = datetime.fromtimestamp(event.get("timestamp") or 0, tz=timezone.utc)
        messages.append({
            "from": event["event"],
            "text": event["text"],
            "at": at.isoformat(timespec="seconds"),
        })
    return messages[-TRANSCRIPT_MESSAGES:]


def urgent_help(tracker, language):
    return text("urgent_help_kiosk" if on_kiosk(tracker) else "urgent_help_phone", language)


class ActionHumanHandoff(Action):
    def name(self):
        return "action_human_handoff"

    def run(self, dispatcher, tracker, domain):
        language = conversation_language(tracker)
        try:
            portal.create_handoff(
                sender_id=tracker.sender_id,
                language=language,
                person_token=person_token(tracker),
                transcript=transcript(tracker),
            )
        except portal.PortalUnavailable as error:
            logger.warning("Handoff not delivered: %s", error)
            dispatcher.utter_message(
                text=f"{text('handoff_failed', language)}\n{urgent_help(tracker, language)}"
            )
            return []
        dispatcher.utter_message(
            text=f"{text('handoff_sent', language)}\n{urgent_help(tracker, language)}"
        )
        # The portal holds the hand-off: while it is open the person's messages go to staff (and the
        # portal's safety layer), not here. Pausing this tracker as well left it with unanswered turns
        # that made the next prediction loop after staff closed the hand-off.
        return []


class ActionRequestChampion(Action):
    def name(self):
        return "action_request_champion"

    def run(self, dispatcher, tracker, domain):
        language = conversation_language(tracker)
        dispatcher.utter_message(text=text("champion_how_to", language))
        dispatcher.utter_message(
            text=text("anything_else", language),
            buttons=[
                button(text("btn_mutual_aid", language), "ask_mutual_aid"),
                button(text("btn_talk_to_person", language), "human_handoff"),
            ],
        )
        return []
