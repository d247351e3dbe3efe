"""Reminder wording in each person's own language, and the channels the configuration enables."""
from flask_babel import force_locale, format_datetime
from flask_babel import gettext as _

from portal.web.i18n import BABEL_LOCALES
from portal.models import Appointment, Person
from portal.plan_labels import APPOINTMENT_KINDS
from portal.services import languages, reminders


def reminder_text(person: Person, appointment: Appointment, lead: str) -> str:
    with force_locale(BABEL_LOCALES.get(person.locale, person.locale)):
        kind = appointment.kind.value if hasattr(appointment.kind, "value") else appointment.kind
        when = format_datetime(appointment.starts_at, "EEEE d MMMM, HH:mm")
        first = (_("Reminder: %(when)s", when=when) if lead == "24h" else _("Starting soon: %(when)s", when=when))
        lines = [first, f"{APPOINTMENT_KINDS[kind]}: {appointment.provider}"]
        if appointment.address:
            lines.append(appointment.address)
        if appointment.what_to_bring:
            lines.append(_("Bring: %(things)s", things=appointment.what_to_bring))
        if appointment.phone:
            lines.append(_("Can't make it? Call %(phone)s.", phone=appointment.phone))
        # The phone number, address and time keep their order inside an Arabic or Urdu text.
        return languages.isolate_ltr_runs("\n".join(lines), person.locale)


def checkin_text(person: Person) -> str:
    with force_locale(BABEL_LOCALES.get(person.locale, person.locale)):
        return _("How are you doing? Let us know in Throughcare: good, OK or not good. "
                 "If you are in danger, call 999. Samaritans: 116 123.")


def missed_appointment_text(person: Person) -> str:
    with force_locale(BABEL_LOCALES.get(person.locale, person.locale)):
        return _("We heard you could not make your appointment. How are you doing? The team will be in touch "
                 "to book another. If you are in danger, call 999.")


def channels_from_config(config) -> list:
    channels = [reminders.PortalChannel(), reminders.LogSmsChannel()]
    if config.get("SMTP_HOST"):
        channels.append(reminders.SmtpEmailChannel(
            host=config["SMTP_HOST"], port=int(config.get("SMTP_PORT", 587)), sender=config["SMTP_FROM"],
            username=config.get("SMTP_USERNAME", ""), password=config.get("SMTP_PASSWORD", ""),
            use_tls=config.get("SMTP_TLS", True)))
    return channels
