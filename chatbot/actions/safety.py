"""Emergency (an overdose or collapse now) and crisis (suicidal thoughts, self-harm) answers.

The steps come from content/safety/responses.yml; if that file cannot be read the built-in
texts in texts.SAFETY_FALLBACK are used, because a safety answer must never fail. Every safety
answer also carries {"safety": "emergency" | "crisis"} as a custom payload so the portal raises
an urgent task for staff.
"""
import logging

import yaml
from rasa_sdk import Action

from . import topics
from .content import content_root
from .conversation import button, conversation_language, on_kiosk
from .small_talk import main_choices
from .texts import DEFAULT_LANGUAGE, SAFETY_FALLBACK, text

logger = logging.getLogger(__name__)

SAFETY_KINDS = {"report_emergency": "emergency", "express_crisis": "crisis"}

# When the model is unsure, a safety intent this likely among its top guesses still gets the
# safety answer: a needless crisis line costs little, a missed one can cost a life.
FALLBACK_SAFETY_CONFIDENCE = 0.1
FALLBACK_SAFETY_RANK = 2


def load_responses():
    path = content_root() / "safety" / "responses.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        logger.error("Safety responses unreadable (%s); using built-in texts", error)
        return {}
    return data if isinstance(data, dict) else {}


def usable(entry):
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("title"), str)
        and isinstance(entry.get("steps"), list)
        and entry["steps"]
    )


def safety_entry(kind, language):
    """{title, steps, kiosk_steps?} for kind in language, falling back to English, then to
    the built-in texts."""
    by_language = load_responses().get(kind) or {}
    for candidate in (by_language.get(language), by_language.get(DEFAULT_LANGUAGE)):
        if usable(candidate):
            return candidate
    return SAFETY_FALLBACK[kind].get(language) or SAFETY_FALLBACK[kind][DEFAULT_LANGUAGE]


def safety_text(kind, language, kiosk):
    entry = safety_entry(kind, language)
    # In prison the cell bell comes first: nobody on a kiosk can call 999 themselves.
    steps = (list(entry.get("kiosk_steps") or []) if kiosk else []) + list(entry["steps"])
    lines = [entry["title"]] + [f"{n}. {step}" for n, step in enumerate(steps, start=1)]
    return "\n".join(lines)


def send_safety_answer(dispatcher, tracker, kind):
    language = conversation_language(tracker)
    buttons = []
    if kind == "crisis":
        buttons = [button(text("btn_talk_to_person", language), "human_handoff")]
    dispatcher.utter_message(
        text=safety_text(kind, language, on_kiosk(tracker)), buttons=buttons
    )
    dispatcher.utter_message(json_message={"safety": kind})


def likely_safety_kind(tracker):
    """The safety kind among the model's top guesses, if any is likely enough."""
    ranking = [
        guess for guess in tracker.latest_message.get("intent_ranking") or []
        if guess.get("name") != "nlu_fallback"
    ][:FALLBACK_SAFETY_RANK]
    for guess in ranking:
        kind = SAFETY_KINDS.get(guess.get("name"))
        if kind and (guess.get("confidence") or 0) >= FALLBACK_SAFETY_CONFIDENCE:
            return kind
    return None


class ActionSafetyResponse(Action):
    def name(self):
        return "action_safety_response"

    def run(self, dispatcher, tracker, domain):
        # Only a plain follow-up ("ble mae o?" after the appointments, read as an emergency) is answered from
        # the topic instead, with the urgent-help line; follow_up.resolve is strict about it.
        events = topics.answer_follow_up(dispatcher, tracker)
        if events is not None:
            return events
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        send_safety_answer(dispatcher, tracker, SAFETY_KINDS.get(intent, "emergency"))
        return topics.forget()


class ActionFallback(Action):
    """"I didn't understand", unless the message may be an emergency or a crisis."""

    def name(self):
        return "action_fallback"

    def run(self, dispatcher, tracker, domain):
        events = topics.answer_follow_up(dispatcher, tracker)
        if events is not None:
            return events
        kind = likely_safety_kind(tracker)
        if kind:
            send_safety_answer(dispatcher, tracker, kind)
            return topics.forget()
        language = conversation_language(tracker)
        dispatcher.utter_message(
            text=text("not_understood", language), buttons=main_choices(language)
        )
        return []
