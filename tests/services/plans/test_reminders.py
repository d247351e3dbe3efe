"""Reminders 24 hours and 2 hours before each appointment: each sent once, in the person's language."""
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from portal.models import Appointment, AppointmentKind, Person, Reminder
from portal.services.plans import reminders
from portal.words.messages import reminder_text
from tests.support import AuthActions


class RecordingChannel:
    """An outside edge (an SMS gateway) replaced by a recorder."""

    name = "sms"

    def __init__(self):
        self.sent = []

    def reaches(self, person):
        return bool(person.mobile)

    def send(self, person, text):
        self.sent.append((person.mobile, text))


def _kyle(db):
    kyle = db.exec(select(Person).where(Person.email == "released@example.org")).one()
    kyle.mobile = "07700900001"
    kyle.locale = "pl"
    db.add(kyle)
    db.commit()
    return kyle


def _appointment(db, person, starts_at):
    appointment = Appointment(person_id=person.id, kind=AppointmentKind.PROBATION, provider="Leeds Probation",
                              starts_at=starts_at, address="1 Demo Street", phone="0113 496 0999")
    db.add(appointment)
    db.commit()
    return appointment


def _send(app, db, now, channel):
    with app.test_request_context():
        return reminders.send_due(db, now, [reminders.PortalChannel(), channel], reminder_text)


def test_each_reminder_is_sent_once_per_channel(app, demo, db):
    kyle = _kyle(db)
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    _appointment(db, kyle, now + timedelta(hours=20))
    sms = RecordingChannel()
    _send(app, db, now, sms)
    _send(app, db, now + timedelta(minutes=5), sms)
    assert len(sms.sent) == 1
    assert {(r.lead, r.channel) for r in db.exec(select(Reminder))} == {("24h", "portal"), ("24h", "sms")}
    _send(app, db, now + timedelta(hours=18, minutes=30), sms)  # 1.5 hours before: the 2-hour reminder
    _send(app, db, now + timedelta(hours=19), sms)
    assert len(sms.sent) == 2
    assert {(r.lead, r.channel) for r in db.exec(select(Reminder))} == {
        ("24h", "portal"), ("24h", "sms"), ("2h", "portal"), ("2h", "sms")}


def test_two_runs_at_the_same_moment_send_once(app, demo, db):
    kyle = _kyle(db)
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    _appointment(db, kyle, now + timedelta(hours=1))
    sms = RecordingChannel()
    with Session(app.extensions["db_engine"]) as other:
        _send(app, db, now, sms)
        _send(app, other, now, sms)
    assert len(sms.sent) == 1


def test_past_and_far_away_appointments_get_no_reminder(app, demo, db):
    kyle = _kyle(db)
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    _appointment(db, kyle, now - timedelta(minutes=1))
    _appointment(db, kyle, now + timedelta(hours=30))
    sms = RecordingChannel()
    _send(app, db, now, sms)
    assert sms.sent == []


def test_reminder_is_in_the_persons_language_and_london_time(app, demo, db):
    kyle = _kyle(db)
    appointment = _appointment(db, kyle, datetime(2026, 12, 2, 10, 30, tzinfo=UTC))
    with app.test_request_context():
        text = reminder_text(kyle, appointment, "24h")
    assert "grudnia" in text and "10:30" in text  # Polish month name; GMT in December
    assert "Leeds Probation" in text and "0113 496 0999" in text


def test_reminders_show_in_the_portal(app, demo, db, client):
    kyle = _kyle(db)
    now = datetime.now(UTC)
    _appointment(db, kyle, now + timedelta(hours=3))
    _send(app, db, now, RecordingChannel())
    AuthActions(client).sign_in("released@example.org")
    assert "Leeds Probation" in client.get("/my/").get_data(as_text=True)


def test_send_reminders_command_reports_what_it_sent(app, demo, db, runner):
    kyle = _kyle(db)
    _appointment(db, kyle, datetime.now(UTC) + timedelta(hours=5))
    result = runner.invoke(args=["send-reminders"])
    assert "1 by portal" in result.output and "1 by sms" in result.output
    again = runner.invoke(args=["send-reminders"])
    assert "reminders sent: none" in again.output
