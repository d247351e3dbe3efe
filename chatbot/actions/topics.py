"""The topic just discussed, kept in the slot `topic`, and answering a follow-up from it.

Every answering action (guidance, personal, champion, small talk, fallback, safety) first asks
`answer_follow_up`; follow_up.resolve decides whether the message is a follow-up and what answers it.
"""
from rasa_sdk.events import SlotSet

from . import follow_up
from .conversation import conversation_language

TOPIC_SLOT = "topic"


def remember(topic):
    """The events that make `topic` the one a follow-up is read against."""
    return [SlotSet(TOPIC_SLOT, topic)] if topic else []


def forget():
    """After the safety steps or a hand-off to staff, "where is it?" is not about what came before."""
    return [SlotSet(TOPIC_SLOT, None)]


def follow_up_of(tracker):
    message = tracker.latest_message or {}
    ranking = message.get("intent_ranking") or ([message["intent"]] if message.get("intent") else [])
    return follow_up.resolve(message.get("text") or "", conversation_language(tracker), ranking,
                             tracker.get_slot(TOPIC_SLOT))


def answer_follow_up(dispatcher, tracker):
    """The events of the answer if the latest message follows up the topic just discussed, else None."""
    resolution = follow_up_of(tracker)
    if resolution is None:
        return None
    # guidance, personal and people call this before their own answer, so they are imported here, when needed.
    from . import guidance, people, personal

    kind, detail = resolution.answer
    if kind == "page":
        events = guidance.send_page(dispatcher, tracker, detail)
    elif kind == follow_up.CHAMPION:
        events = people.send_champion(dispatcher, tracker, detail)
    else:
        events = personal.send_detail(dispatcher, tracker, kind, detail)
    if resolution.urgent_line:
        dispatcher.utter_message(text=people.urgent_help(tracker, conversation_language(tracker)))
    return events
