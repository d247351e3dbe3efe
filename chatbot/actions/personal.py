"""Release plan and what is booked ahead (appointments and champion meetings), for a signed-in person
only, from the portal; and the follow-ups about them ("where is it?", "what time?")."""
import logging
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from rasa_sdk import Action

from . import portal, topics
from .conversation import button, conversation_language, person_token
from .follow_up import APPOINTMENTS, RELEASE_PLAN
from .texts import text

logger = logging.getLogger(__name__)

LONDON = ZoneInfo("Europe/London")
BABEL_LOCALES = {
    "en": "en_GB", "cy": "cy_GB", "pl": "pl_PL", "ro": "ro_RO",
    "sq": "sq_AL", "lt": "lt_LT", "ar": "ar", "ur": "ur_PK",
}
# A kiosk or phone screen shows this many appointments; the rest are on /my-plan.
APPOINTMENTS_SHOWN = 3
# The portal shows times as 24-hour HH:mm in every language: the chat says them the same way, so the
# time in the chat is the time on the plan page and the card.
CLOCK = "HH:mm"
# Arabic and Urdu write their own comma between the day and the time.
LIST_COMMA = {"ar": "، ", "ur": "، "}


def locale_for(language):
    return BABEL_LOCALES.get(language, "en_GB")


def format_release_date(iso_date, language):
    return format_date(date.fromisoformat(iso_date), format="long", locale=locale_for(language))


def format_appointment_time(starts_at, language):
    """'Monday, 1 December 2026, 09:30' in London time, in the language's own words and order
    (the weekday in full: people released on a Friday need to see it)."""
    moment = datetime.fromisoformat(starts_at).astimezone(LONDON)
    locale = locale_for(language)
    day = format_date(moment.date(), format="full", locale=locale)
    return f"{day}{LIST_COMMA.get(language, ', ')}{format_time(moment, CLOCK, tzinfo=LONDON, locale=locale)}"


@dataclass(frozen=True)
class Booked:
    """One thing booked ahead: an appointment, or a meeting with the person's champion."""

    starts_at: str
    what: str
    place: str = ""
    phone: str = ""
    what_to_bring: str = ""
    with_champion: bool = False

    @property
    def moment(self):
        return datetime.fromisoformat(self.starts_at)


def meeting_label(champion, language):
    key = "family_contact_meeting" if champion.get("kind") == "family" else "champion_meeting"
    return text(key, language, name=champion.get("first_name") or "")


def meeting_place(meeting, language):
    return meeting.get("place") or (text("at_the_gate", language) if meeting.get("at_the_gate") else "")


def booked_ahead(summary, language):
    """Appointments and champion meetings from now on, soonest first."""
    booked = [
        Booked(
            starts_at=a["starts_at"],
            what=" – ".join(part for part in (a.get("kind"), a.get("provider")) if part),
            place=a.get("address") or "",
            phone=a.get("phone") or "",
            what_to_bring=a.get("what_to_bring") or "",
        )
        for a in summary.get("next_appointments") or []
    ]
    champion = summary.get("champion") or {}
    booked += [
        Booked(starts_at=m["starts_at"], what=meeting_label(champion, language),
               place=meeting_place(m, language), with_champion=True)
        for m in champion.get("next_meetings") or []
    ]
    return sorted(booked, key=lambda b: b.moment)


def appointment_lines(booked, language):
    """Two lines per appointment; the portal gives kind and provider in the person's words."""
    where = " · ".join(part for part in (booked.place, booked.phone) if part)
    return [f"{format_appointment_time(booked.starts_at, language)}: {booked.what}"] + ([f"   {where}"] if where else [])


def release_plan_text(summary, language):
    name = summary.get("first_name") or ""
    if summary.get("released"):
        return text("already_released", language, name=name)
    if summary.get("release_date"):
        return text(
            "release_date_is", language, name=name,
            date=format_release_date(summary["release_date"], language),
        )
    return text("release_date_unknown", language, name=name)


def appointments_text(summary, language):
    booked = booked_ahead(summary, language)
    if not booked:
        return text("no_appointments", language)
    lines = [text("next_appointments", language)]
    for item in booked[:APPOINTMENTS_SHOWN]:
        lines += appointment_lines(item, language)
    return "\n".join(lines)


def next_appointment_text(summary, language, aspect):
    """The answer to a follow-up about the next thing booked: where, when, what to bring, who to call."""
    booked = booked_ahead(summary, language)
    if not booked:
        return text("no_appointments", language)
    first = booked[0]
    values = {"what": first.what, "when": format_appointment_time(first.starts_at, language)}
    if aspect == "place":
        if first.place:
            return text("next_appointment_place", language, place=first.place, **values)
        return text("appointment_place_unknown", language, **values)
    if aspect == "bring" and not first.with_champion:
        if first.what_to_bring:
            return text("appointment_bring", language, things=first.what_to_bring, **values)
        return text("appointment_bring_unknown", language, **values)
    if aspect == "contact":
        if first.with_champion:
            return text("next_appointment_time", language, **values) + "\n" + text("champion_page", language)
        if first.phone:
            return text("appointment_phone", language, phone=first.phone, **values)
        return text("appointment_phone_unknown", language, **values)
    answer = text("next_appointment_time", language, **values)
    if first.place:
        answer += "\n" + text("appointment_address_line", language, place=first.place)
    return answer


def release_time_text(summary, language):
    """When the person leaves: the date, and the time when the prison has given one."""
    answer = release_plan_text(summary, language)
    if summary.get("released") or not summary.get("release_date"):
        return answer
    if summary.get("release_time"):
        return answer + " " + text("release_time_is", language, time=summary["release_time"])
    return answer + " " + text("release_time_unknown", language)


def fetch_summary(dispatcher, tracker, language):
    """The person's summary, or None after saying why there is none (not signed in, portal down)."""
    try:
        return portal.fetch_summary(person_token(tracker))
    except portal.NotSignedIn:
        dispatcher.utter_message(text=text("sign_in_needed", language))
    except portal.PortalUnavailable as error:
        logger.warning("Portal unavailable for the summary: %s", error)
        dispatcher.utter_message(
            text=text("portal_down", language),
            buttons=[button(text("btn_talk_to_person", language), "human_handoff")],
        )
    return None


def send_detail(dispatcher, tracker, topic, aspect):
    """A follow-up about the appointments or the release plan."""
    language = conversation_language(tracker)
    summary = fetch_summary(dispatcher, tracker, language)
    if summary is None:
        return []
    if topic == RELEASE_PLAN and aspect in ("time", "more", "who"):
        dispatcher.utter_message(text=release_time_text(summary, language) + "\n\n" + text("see_full_plan", language),
                                 buttons=[button(text("btn_appointments", language), "ask_next_appointment")])
        return topics.remember(RELEASE_PLAN)
    dispatcher.utter_message(text=next_appointment_text(summary, language, aspect) + "\n\n"
                             + text("see_full_plan", language))
    return topics.remember(APPOINTMENTS)


class ActionPersonalSummary(Action):
    """ask_release_plan and ask_next_appointment."""

    def name(self):
        return "action_personal_summary"

    def run(self, dispatcher, tracker, domain):
        events = topics.answer_follow_up(dispatcher, tracker)
        if events is not None:
            return events
        language = conversation_language(tracker)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        summary = fetch_summary(dispatcher, tracker, language)
        if summary is None:
            return []

        if intent == "ask_next_appointment":
            parts = [appointments_text(summary, language)]
            other = button(text("btn_release_plan", language), "ask_release_plan")
            topic = APPOINTMENTS
        else:
            parts = [release_plan_text(summary, language), appointments_text(summary, language)]
            other = button(text("btn_talk_to_person", language), "human_handoff")
            topic = RELEASE_PLAN
        parts.append(text("see_full_plan", language))
        dispatcher.utter_message(text="\n\n".join(parts), buttons=[other])
        return topics.remember(topic)
