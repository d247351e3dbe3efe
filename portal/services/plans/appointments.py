"""Appointments: made by staff or pushed by partners; changes never overwrite each other silently."""
from datetime import datetime

from sqlmodel import Session, select

from portal.models import Appointment, AppointmentKind, Person, Reminder
from portal.services import audit
from portal.services.clock import now_utc
from portal.services.concurrency import save_versioned
from portal.services.errors import NotFound
from portal.services.plans import checkins

EDITABLE = ("kind", "provider", "starts_at", "address", "what_to_bring", "phone", "notes", "outcome")
OUTCOMES = ("attended", "missed")


def create(session: Session, person: Person, fields: dict, actor: Person | None, ip: str, source: str = "staff",
           external_ref: str | None = None) -> Appointment:
    appointment = Appointment(person_id=person.id, source=source, external_ref=external_ref,
                              **{k: v for k, v in fields.items() if k in EDITABLE})
    appointment.kind = AppointmentKind(appointment.kind)  # a form or payload may give the plain value
    session.add(appointment)
    session.flush()
    audit.record(session, "create:appointment", actor_id=actor.id if actor else None, subject_id=person.id, ip=ip,
                 detail=f"{appointment.kind.value} via {source}", commit=False)
    session.commit()
    return appointment


def update(session: Session, appointment: Appointment, expected_version: int, fields: dict, actor: Person | None,
           ip: str, missed_text=None) -> None:
    """`missed_text(person)` words the check-in sent when the outcome becomes "missed"."""
    was_missed = appointment.outcome == "missed"
    save_versioned(session, appointment, expected_version, {k: v for k, v in fields.items() if k in EDITABLE})
    audit.record(session, "update:appointment", actor_id=actor.id if actor else None,
                 subject_id=appointment.person_id, ip=ip, detail=str(appointment.id))
    if appointment.outcome == "missed" and not was_missed and missed_text is not None:
        checkins.appointment_missed(session, appointment, missed_text)


def delete(session: Session, appointment: Appointment, actor: Person, ip: str) -> None:
    person_id = appointment.person_id
    for reminder in session.exec(select(Reminder).where(Reminder.appointment_id == appointment.id)):
        session.delete(reminder)
    session.flush()  # reminders go first: they refer to the appointment
    session.delete(appointment)
    audit.record(session, "delete:appointment", actor_id=actor.id, subject_id=person_id, ip=ip,
                 detail=str(appointment.id), commit=False)
    session.commit()


def get_for_person(session: Session, appointment_id: int, person_id: int) -> Appointment:
    appointment = session.get(Appointment, appointment_id)
    if appointment is None or appointment.person_id != person_id:
        raise NotFound("not_found")
    return appointment


def upcoming(session: Session, person_id: int, after: datetime | None = None, limit: int = 5) -> list[Appointment]:
    return list(session.exec(
        select(Appointment).where(Appointment.person_id == person_id, Appointment.starts_at >= (after or now_utc()))
        .order_by(Appointment.starts_at).limit(limit)
    ))
