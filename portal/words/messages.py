"""What the portal says to people: the message for each refusal a service can raise, and reminders
and check-ins in each person's own language."""
from flask_babel import force_locale, format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.models import Appointment, Person
from portal.services import languages
from portal.services.errors import DomainError
from portal.words.plans import APPOINTMENT_KINDS

# One message per error code a service raises (services/errors.py).
MESSAGES = {
    "sign_in_failed": _l("Those details did not match. Check them and try again."),
    "account_locked": _l("Too many wrong tries. This account is locked for %(minutes)s minutes. Ask a member of staff if you need help now."),
    "not_allowed": _l("You do not have access to this."),
    "not_found": _l("We could not find that."),
    "identifier_invalid": _l("Enter a valid e-mail address or a UK mobile number starting 07."),
    "identifier_taken": _l("That e-mail address or mobile number is already used by another account."),
    "password_short": _l("Use at least 10 characters."),
    "activation_code_invalid": _l("This code does not work. It may have been used, or be more than 30 days old. Ask your probation officer or the team for a new card."),
    "champion_too_early": _l("You can ask for a champion from %(weeks)s weeks before your release."),
    "champion_already_requested": _l("You have already asked. We will tell you here when a champion says yes."),
    "champion_language_needed": _l("Choose at least one language."),
    "offer_expired": _l("This offer has run out. Thank you anyway."),
    "match_moved_on": _l("This has already been answered or changed."),
    "match_not_ready": _l("This is not possible until the champion has said yes."),
    "meeting_in_past": _l("That time has already passed. Choose another."),
    "meeting_slot_taken": _l("Sorry, someone has just booked that time. Choose another."),
    "slot_invalid": _l("Check the times: the end must be after the start."),
    "vetting_incomplete": _l("Before approval, record: %(missing)s."),
    "stale_edit": _l("Someone else changed this while you were editing. Your changes are still in the form: check them against the latest version and save again."),
}


# Names of the parts of a champion's vetting, for "Before approval, record: …".
VETTING_PARTS = {
    "training": _l("the training date"),
    "vetting": _l("the vetting (DBS) date"),
    "supervisor": _l("a supervisor"),
}


def message_for(error: DomainError) -> str:
    template = MESSAGES.get(error.code, _l("Something went wrong. Please try again."))
    params = dict(error.params)
    if isinstance(params.get("missing"), tuple):
        params["missing"] = ", ".join(str(VETTING_PARTS.get(part, part)) for part in params["missing"])
    return str(template) % params if params else str(template)




def reminder_text(person: Person, appointment: Appointment, lead: str) -> str:
    with force_locale(languages.babel_locale(person.locale)):
        when = format_datetime(appointment.starts_at, "EEEE d MMMM, HH:mm")
        first = (_("Reminder: %(when)s", when=when) if lead == "24h" else _("Starting soon: %(when)s", when=when))
        lines = [first, f"{APPOINTMENT_KINDS[appointment.kind]}: {appointment.provider}"]
        if appointment.address:
            lines.append(appointment.address)
        if appointment.what_to_bring:
            lines.append(_("Bring: %(things)s", things=appointment.what_to_bring))
        if appointment.phone:
            lines.append(_("Can't make it? Call %(phone)s.", phone=appointment.phone))
        # The phone number, address and time keep their order inside an Arabic or Urdu text.
        return languages.isolate_ltr_runs("\n".join(lines), person.locale)


def checkin_text(person: Person) -> str:
    with force_locale(languages.babel_locale(person.locale)):
        return _("How are you doing? Let us know in Throughcare: good, OK or not good. "
                 "If you are in danger, call 999. Samaritans: 116 123.")


def missed_appointment_text(person: Person) -> str:
    with force_locale(languages.babel_locale(person.locale)):
        return _("We heard you could not make your appointment. How are you doing? The team will be in touch "
                 "to book another. If you are in danger, call 999.")
