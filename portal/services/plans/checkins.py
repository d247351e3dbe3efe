"""Check-ins after release: days 1, 3, 7, 14 and 28, when the risk of dying is highest.

"Not good", or no answer within 48 hours, raises a task for staff; an answer that trips the
safety net gets the emergency steps at once (see services/assistant/chat.py).
"""
from collections.abc import Callable
from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from portal.models import (
    ChatMessage,
    Checkin,
    CheckinAnswer,
    Person,
    ReleasePlan,
    Role,
    Sender,
    StaffTask,
    TaskKind,
)
from portal.services import safety
from portal.services.clock import LONDON
from portal.services.errors import NotFound

CHECKIN_DAYS = (1, 3, 7, 14, 28)
SEND_WINDOW_DAYS = 2  # a check-in missed by a day or two (cron down) is still sent; older ones are not
ANSWER_WITHIN = timedelta(hours=48)


def conversation_of(person: Person) -> str:
    return f"person-{person.id}"


def send_due(session: Session, today: date, channels: list, text_for: Callable[[Person], str]) -> int:
    rows = session.exec(select(Person, ReleasePlan).join(ReleasePlan, ReleasePlan.person_id == Person.id)
                        .where(Person.role == Role.RELEASED, Person.is_active)).all()
    sent = 0
    for person, plan in rows:
        days_out = (today - plan.release_date).days
        for day_number in CHECKIN_DAYS:
            if not day_number <= days_out < day_number + SEND_WINDOW_DAYS:
                continue
            text = text_for(person)
            session.add(Checkin(person_id=person.id, day_number=day_number))
            session.add(ChatMessage(conversation_id=conversation_of(person), person_id=person.id, sender=Sender.SYSTEM,
                                    text=text, language=person.locale))
            try:
                session.commit()  # the unique (person, day) key: never the same check-in twice
            except IntegrityError:
                session.rollback()
                continue
            sent += 1
            if person.contact_opt_in:
                for channel in channels:
                    if channel.name != "portal" and channel.reaches(person):
                        channel.send(person, text)
    return sent


def pending_for(session: Session, person: Person) -> Checkin | None:
    return session.exec(select(Checkin).where(Checkin.person_id == person.id, Checkin.answered_at.is_(None))
                        .order_by(Checkin.sent_at.desc())).first()


def answer(session: Session, person: Person, checkin_id: int, answer_value: CheckinAnswer, comment: str,
           now: datetime, *, language: str | None = None) -> tuple[Checkin, safety.Screening | None]:
    """Records the answer; returns the check-in and, for a comment, what the safety layer made of it."""
    checkin = session.get(Checkin, checkin_id)
    if checkin is None or checkin.person_id != person.id:
        raise NotFound("not_found")
    checkin.answer = answer_value
    checkin.comment = safety.clean(comment).strip()[:1000]
    checkin.answered_at = now
    session.add(checkin)
    screening = None
    if checkin.comment:
        screening = safety.screen(session, checkin.comment, person=person, source="checkin",
                                  screen_language=language or person.locale, commit=False)
    if screening is not None and screening.alarm:
        screening.task.subject_ref = f"checkin:{checkin.day_number}"
    if answer_value == CheckinAnswer.NOT_GOOD and not (screening is not None and screening.alarm
                                                       and screening.task.urgent):
        # A possible alarm (a task to check, not a page) leaves the check-in's own task in place: staff
        # see that the person said "not good" whatever the layer made of the words.
        session.add(StaffTask(kind=TaskKind.CHECKIN, urgent=False, person_id=person.id,
                              subject_ref=f"checkin:{checkin.day_number}",
                              summary=f"Day {checkin.day_number} check-in: not good. {checkin.comment}".strip()))
    session.commit()
    return checkin, screening


def escalate_unanswered(session: Session, now: datetime) -> int:
    overdue = session.exec(select(Checkin).where(Checkin.answered_at.is_(None), Checkin.escalated_at.is_(None),
                                                 Checkin.sent_at <= now - ANSWER_WITHIN)).all()
    for checkin in overdue:
        checkin.escalated_at = now
        session.add(checkin)
        session.add(StaffTask(kind=TaskKind.CHECKIN, urgent=False, person_id=checkin.person_id,
                              subject_ref=f"checkin:{checkin.day_number}",
                              summary=f"Day {checkin.day_number} check-in: no answer in 48 hours."))
    session.commit()
    return len(overdue)


def appointment_missed(session: Session, appointment, text_for: Callable[[Person], str]) -> StaffTask:
    """A missed appointment is a warning sign in the first weeks: a task for staff, a check-in for the person."""
    person = session.get(Person, appointment.person_id)
    session.add(ChatMessage(conversation_id=conversation_of(person), person_id=person.id, sender=Sender.SYSTEM,
                            text=text_for(person), language=person.locale))
    task = StaffTask(kind=TaskKind.CHECKIN, urgent=False, person_id=person.id,
                     subject_ref=f"appointment:{appointment.id}",
                     summary=f"Missed appointment: {appointment.kind.value} with {appointment.provider} "
                             f"on {appointment.starts_at.astimezone(LONDON):%d %b %Y %H:%M}.")
    session.add(task)
    session.commit()
    return task
