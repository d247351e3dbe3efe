"""The staff inbox: questions from people about their plan, hand-offs from the assistant, safety alerts."""
from sqlmodel import Session, select

from portal.models import ChatMessage, Person, Sender, StaffTask, TaskKind

from . import audit
from .clock import now_utc
from .errors import NotFound

MAX_QUESTION = 1000


def ask(session: Session, person: Person, subject_ref: str, text: str, ip: str) -> StaffTask:
    task = StaffTask(kind=TaskKind.QUESTION, person_id=person.id, subject_ref=subject_ref[:60],
                     summary=text.strip()[:MAX_QUESTION])
    session.add(task)
    audit.record(session, "create:question", actor_id=person.id, subject_id=person.id, ip=ip, detail=subject_ref,
                 commit=False)
    session.commit()
    return task


def questions_of(session: Session, person: Person) -> list[StaffTask]:
    return list(session.exec(select(StaffTask).where(StaffTask.person_id == person.id,
                                                     StaffTask.kind == TaskKind.QUESTION)
                             .order_by(StaffTask.created_at.desc())))


def open_tasks(session: Session) -> list[StaffTask]:
    """Urgent first, then oldest first: nobody waits longest by accident."""
    return list(session.exec(select(StaffTask).where(StaffTask.closed_at.is_(None))
                             .order_by(StaffTask.urgent.desc(), StaffTask.created_at, StaffTask.id)))


def _task(session: Session, task_id: int) -> StaffTask:
    task = session.get(StaffTask, task_id)
    if task is None:
        raise NotFound("not_found")
    return task


def answer(session: Session, task_id: int, text: str, staff: Person, ip: str) -> StaffTask:
    """Answers a question (shown on the plan) or replies to a hand-off (shown in the same chat)."""
    task = _task(session, task_id)
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
    task = _task(session, task_id)
    task.closed_at = now_utc()
    if task.kind == TaskKind.HANDOFF and task.conversation_id and resume_chat is not None:
        resume_chat(task.conversation_id)
    session.add(task)
    audit.record(session, "close:task", actor_id=staff.id, subject_id=task.person_id, ip=ip, detail=str(task.id),
                 commit=False)
    session.commit()
    return task
