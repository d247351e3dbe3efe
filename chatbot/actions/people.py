"""Reaching people: handing the conversation to staff, and the person's Recovery Champion (who they are,
when they meet next) or how to ask for one."""
import logging
from datetime import datetime, timezone

from rasa_sdk import Action

from . import portal, topics
from .conversation import button, conversation_language, on_kiosk, person_token
from .follow_up import CHAMPION
from .personal import format_appointment_time, meeting_place
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
            return topics.forget()
        dispatcher.utter_message(
            text=f"{text('handoff_sent', language)}\n{urgent_help(tracker, language)}"
        )
        # The portal holds the hand-off: while it is open the person's messages go to staff (and the
        # portal's safety layer), not here. Pausing this tracker as well left it with unanswered turns
        # that made the next prediction loop after staff closed the hand-off.
        return topics.forget()


def champion_text(summary, language, aspect="who"):
    """The person's champion and their next meeting, or where their request is; None without either."""
    champion = summary.get("champion")
    if not champion:
        return text("champion_asked", language) if summary.get("champion_requested") else None
    name = champion.get("first_name") or ""
    meetings = champion.get("next_meetings") or []
    if aspect == "contact":
        return text("champion_contact", language, name=name)
    if meetings:
        meeting = meetings[0]
        values = {"name": name, "when": format_appointment_time(meeting["starts_at"], language)}
        place = meeting_place(meeting, language)
        if aspect == "place" and not place:
            return text("champion_meeting_place_unknown", language, **values)
        lines = [text("champion_next_meeting", language, **values)]
        if place:
            lines.append(text("meeting_place_line", language, place=place))
    else:
        lines = [text("champion_no_meeting", language, name=name)]
    if aspect not in ("time", "place"):
        who = "family_contact_is" if champion.get("kind") == "family" else "champion_is"
        lines = [text(who, language, name=name)] + lines + ([text("champion_page", language)] if meetings else [])
    return "\n".join(lines)


def send_champion(dispatcher, tracker, aspect="who"):
    """Who the champion is and when they meet next (from the portal), or how to ask for one."""
    language = conversation_language(tracker)
    answer = None
    if person_token(tracker):
        try:
            answer = champion_text(portal.fetch_summary(person_token(tracker)), language, aspect)
        except portal.NotSignedIn:
            pass  # how to ask for a champion is for everyone
        except portal.PortalUnavailable as error:
            logger.warning("Portal unavailable for the champion: %s", error)
            answer = text("champion_unavailable", language)
    dispatcher.utter_message(text=answer or text("champion_how_to", language))
    dispatcher.utter_message(
        text=text("anything_else", language),
        buttons=[
            button(text("btn_mutual_aid", language), "ask_mutual_aid"),
            button(text("btn_talk_to_person", language), "human_handoff"),
        ],
    )
    return topics.remember(CHAMPION)


class ActionRequestChampion(Action):
    def name(self):
        return "action_request_champion"

    def run(self, dispatcher, tracker, domain):
        events = topics.answer_follow_up(dispatcher, tracker)
        if events is not None:
            return events
        return send_champion(dispatcher, tracker)
