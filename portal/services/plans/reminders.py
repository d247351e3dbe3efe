"""Appointment reminders 24 hours and 2 hours before, in the portal and through a pluggable channel.

`send_due` is run by cron (`flask send-reminders`). A reminder row is written and committed before
anything leaves the building; the unique key (appointment, lead, channel) means the same reminder
can never be sent twice, even by two runs at the same moment.
"""
import logging
import smtplib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Protocol

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from portal.models import Appointment, Person, Reminder

LEADS = (("24h", timedelta(hours=24)), ("2h", timedelta(hours=2)))
log = logging.getLogger("throughcare.reminders")


class Channel(Protocol):
    name: str

    def reaches(self, person: Person) -> bool: ...

    def send(self, person: Person, text: str) -> None: ...


class PortalChannel:
    """The reminder row itself is the in-portal message."""

    name = "portal"

    def reaches(self, person: Person) -> bool:
        return True

    def send(self, person: Person, text: str) -> None:
        pass


class LogSmsChannel:
    """The default SMS channel: writes what it would send to the log (plug a gateway in here)."""

    name = "sms"

    def reaches(self, person: Person) -> bool:
        return bool(person.mobile)

    def send(self, person: Person, text: str) -> None:
        log.info("SMS to %s: %s", person.mobile, text)


@dataclass
class SmtpEmailChannel:
    host: str
    port: int
    sender: str
    username: str = ""
    password: str = ""
    use_tls: bool = True
    name: str = "email"

    def reaches(self, person: Person) -> bool:
        return bool(person.email)

    def send(self, person: Person, text: str) -> None:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = self.sender, person.email, text.split("\n")[0][:120]
        message.set_content(text)
        with smtplib.SMTP(self.host, self.port, timeout=10) as smtp:
            if self.use_tls:
                smtp.starttls()
            if self.username:
                smtp.login(self.username, self.password)
            smtp.send_message(message)


@dataclass
class SendReport:
    sent: dict = field(default_factory=dict)  # channel -> count
    failed: int = 0


def due(session: Session, now: datetime) -> list[tuple[Appointment, Person, str]]:
    """(appointment, person, lead) for every appointment inside a lead time that has not started."""
    found = []
    # Each lead covers its own window, so an appointment an hour away gets the 2-hour one only.
    windows = [(lead, delta, LEADS[i + 1][1] if i + 1 < len(LEADS) else timedelta(0))
               for i, (lead, delta) in enumerate(LEADS)]
    for lead, delta, shorter in windows:
        rows = session.exec(
            select(Appointment, Person).join(Person, Person.id == Appointment.person_id)
            .where(Appointment.starts_at > now + shorter, Appointment.starts_at <= now + delta, Person.is_active)
            .order_by(Appointment.starts_at)
        ).all()
        found.extend((appointment, person, lead) for appointment, person in rows)
    return found


def send_due(session: Session, now: datetime, channels: list[Channel],
             text_for: Callable[[Person, Appointment, str], str]) -> SendReport:
    report = SendReport()
    for appointment, person, lead in due(session, now):
        text = None
        for channel in channels:
            if not channel.reaches(person):
                continue
            text = text or text_for(person, appointment, lead)
            session.add(Reminder(appointment_id=appointment.id, person_id=person.id, lead=lead,
                                 channel=channel.name, text=text))
            try:
                session.commit()
            except IntegrityError:
                session.rollback()  # already sent by an earlier (or a parallel) run
                continue
            try:
                channel.send(person, text)
            except (OSError, smtplib.SMTPException) as error:
                report.failed += 1
                log.warning("reminder %s/%s via %s failed: %s", appointment.id, lead, channel.name, error)
                continue
            report.sent[channel.name] = report.sent.get(channel.name, 0) + 1
    return report


def in_portal(session: Session, person: Person, now: datetime, limit: int = 5) -> list[Reminder]:
    """Reminders for appointments still to come, newest first."""
    return list(session.exec(
        select(Reminder).join(Appointment, Appointment.id == Reminder.appointment_id)
        .where(Reminder.person_id == person.id, Reminder.channel == "portal", Appointment.starts_at > now)
        .order_by(Reminder.sent_at.desc()).limit(limit)
    ))
