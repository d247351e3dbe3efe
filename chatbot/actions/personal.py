"""Release plan and next appointments, for a signed-in person only, from the portal."""
import logging
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from rasa_sdk import Action

from . import portal
from .conversation import button, conversation_language, person_token
from .texts import text

logger = logging.getLogger(__name__)

LONDON = ZoneInfo("Europe/London")
BABEL_LOCALES = {
    "en": "en_GB", "cy": "cy_GB", "pl": "pl_PL", "ro": "ro_RO",
    "sq": "sq_AL", "lt": "lt_LT", "ar": "ar", "ur": "ur_PK",
}
# A kiosk or phone screen shows this many appointments; the rest are on /my-plan.
APPOINTMENTS_SHOWN = 3


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
    return f"{day}, {format_time(moment, format='short', tzinfo=LONDON, locale=locale)}"


def appointment_lines(appointment, language):
    """Two lines per appointment; the portal gives kind and provider in the person's words."""
    when = format_appointment_time(appointment["starts_at"], language)
    what = " – ".join(part for part in (appointment.get("kind"), appointment.get("provider")) if part)
    where = " · ".join(part for part in (appointment.get("address"), appointment.get("phone")) if part)
    return [f"{when}: {what}"] + ([f"   {where}"] if where else [])


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
    appointments = sorted(summary.get("next_appointments") or [], key=lambda a: a["starts_at"])
    if not appointments:
        return text("no_appointments", language)
    lines = [text("next_appointments", language)]
    for appointment in appointments[:APPOINTMENTS_SHOWN]:
        lines += appointment_lines(appointment, language)
    return "\n".join(lines)


class ActionPersonalSummary(Action):
    """ask_release_plan and ask_next_appointment."""

    def name(self):
        return "action_personal_summary"

    def run(self, dispatcher, tracker, domain):
        language = conversation_language(tracker)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        try:
            summary = portal.fetch_summary(person_token(tracker))
        except portal.NotSignedIn:
            dispatcher.utter_message(text=text("sign_in_needed", language))
            return []
        except portal.PortalUnavailable as error:
            logger.warning("Portal unavailable for the summary: %s", error)
            dispatcher.utter_message(
                text=text("portal_down", language),
                buttons=[button(text("btn_talk_to_person", language), "human_handoff")],
            )
            return []

        if intent == "ask_next_appointment":
            parts = [appointments_text(summary, language)]
            other = button(text("btn_release_plan", language), "ask_release_plan")
        else:
            parts = [release_plan_text(summary, language), appointments_text(summary, language)]
            other = button(text("btn_talk_to_person", language), "human_handoff")
        parts.append(text("see_full_plan", language))
        dispatcher.utter_message(text="\n\n".join(parts), buttons=[other])
        return []
