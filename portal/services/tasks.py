"""The staff inbox: questions from people about their plan, hand-offs from the assistant, safety alerts.

A hand-off belongs to the portal: while one is open for a conversation, the person's messages go to
the task (and the safety layer), not to the assistant, and each gets an answer saying when the team
will reply; closing it gives the conversation back to the assistant.
"""
from datetime import datetime, time, timedelta

import holidays
from sqlalchemy import case
from sqlmodel import Session, select

from portal.models import ChatMessage, Person, Sender, StaffTask, TaskKind
from portal.services import audit, safety, staff_scope
from portal.services.clock import LONDON, now_utc

MAX_QUESTION = 1000
MAX_HANDOFF_TRANSCRIPT = 8000
TEAM_HOURS = (time(9, 0), time(17, 0))  # Monday to Friday, not on bank holidays
TEAM_REPLIES_WITHIN = timedelta(hours=2)
NEXT_DAY_REPLY_AT = time(12, 0)


def _working_day(day) -> bool:
    return day.weekday() < 5 and day not in holidays.UK(subdiv="ENG", years=day.year)


def answer_expected_by(now: datetime) -> datetime:
    """When the team will answer a message sent now: within two hours in team hours, else by noon of the
    next working day. The same promise is shown to the person and kept by the inbox order."""
    local = now.astimezone(LONDON)
    opens, closes = TEAM_HOURS
    if _working_day(local.date()) and opens <= local.time() and (local + TEAM_REPLIES_WITHIN).time() <= closes \
            and (local + TEAM_REPLIES_WITHIN).date() == local.date():
        return now + TEAM_REPLIES_WITHIN
    day = local.date() if local.time() < opens else local.date() + timedelta(days=1)
    while not _working_day(day):
        day += timedelta(days=1)
    return datetime.combine(day, NEXT_DAY_REPLY_AT, tzinfo=LONDON)


def open_handoff(session: Session, conversation_id: str) -> StaffTask | None:
    return session.exec(select(StaffTask).where(StaffTask.kind == TaskKind.HANDOFF,
                                                StaffTask.conversation_id == conversation_id,
                                                StaffTask.closed_at.is_(None))
                        .order_by(StaffTask.id.desc())).first()


def add_to_handoff(session: Session, task: StaffTask, text: str) -> None:
    """A message written while the team has the conversation: it joins the task staff are reading."""
    task.summary = (task.summary + "\nuser: " + text)[-MAX_HANDOFF_TRANSCRIPT:]
    session.add(task)


def ask(session: Session, person: Person, subject_ref: str, text: str, ip: str, *, language: str = "en",
        kiosk: bool = False) -> tuple[StaffTask, safety.Screening]:
    """A question about the plan. Screened first: "I want to end my life" asked here is an alarm too."""
    screening = safety.screen(session, text, person=person, source="plan-question", screen_language=language,
                              kiosk=kiosk, commit=False)
    task = StaffTask(kind=TaskKind.QUESTION, person_id=person.id, subject_ref=subject_ref[:60],
                     language=language, summary=safety.clean(text).strip()[:MAX_QUESTION])
    session.add(task)
    audit.record(session, "create:question", actor_id=person.id, subject_id=person.id, ip=ip, detail=subject_ref,
                 commit=False)
    session.commit()
    return task, screening


def questions_of(session: Session, person: Person) -> list[StaffTask]:
    return list(session.exec(select(StaffTask).where(StaffTask.person_id == person.id,
                                                     StaffTask.kind == TaskKind.QUESTION)
                             .order_by(StaffTask.created_at.desc())))


def open_tasks(session: Session, staff: Person) -> list[StaffTask]:
    """The open tasks of the staff member's prisons (staff_scope): urgent first, then possible alarms (an
    overdose or crisis to check), then oldest first: nobody waits longest by accident."""
    alarm_first = case((StaffTask.kind.in_([TaskKind.EMERGENCY, TaskKind.CRISIS]), 0), else_=1)
    return list(session.exec(select(StaffTask).where(StaffTask.closed_at.is_(None),
                                                     staff_scope.tasks(staff_scope.scope_of(staff)))
                             .order_by(StaffTask.urgent.desc(), alarm_first, StaffTask.created_at, StaffTask.id)))


def answer(session: Session, task_id: int, text: str, staff: Person, ip: str) -> StaffTask:
    """Answers a question (shown on the plan) or replies to a hand-off (shown in the same chat)."""
    task = staff_scope.get(session, staff, StaffTask, task_id)
    task.answer = text.strip()[:2000]
    if task.kind == TaskKind.HANDOFF and task.conversation_id:
        session.add(ChatMessage(conversation_id=task.conversation_id, person_id=task.person_id, sender=Sender.STAFF,
                                text=task.answer, language=task.language or "en"))
    task.answered_by_id = staff.id
    task.answered_at = now_utc()
    if task.kind == TaskKind.QUESTION:
        task.closed_at = task.answered_at  # a hand-off stays open until staff give the chat back
    session.add(task)
    audit.record(session, "answer:question", actor_id=staff.id, subject_id=task.person_id, ip=ip,
                 detail=str(task.id), commit=False)
    session.commit()
    return task


def close(session: Session, task_id: int, staff: Person, ip: str, resume_chat=None) -> StaffTask:
    """Closing a hand-off gives the conversation back to the assistant (`resume_chat(conversation_id)`)."""
    task = staff_scope.get(session, staff, StaffTask, task_id)
    task.closed_at = now_utc()
    if task.kind == TaskKind.HANDOFF and task.conversation_id and resume_chat is not None:
        resume_chat(task.conversation_id)
    session.add(task)
    audit.record(session, "close:task", actor_id=staff.id, subject_id=task.person_id, ip=ip, detail=str(task.id),
                 commit=False)
    session.commit()
    return task
