"""The staff inbox: questions from people about their plan, hand-offs from the assistant, safety alerts."""
from sqlmodel import Session, select

from portal.models import Person, StaffTask, TaskKind

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
    task = _task(session, task_id)
    task.answer = text.strip()[:2000]
    task.answered_by_id = staff.id
    task.answered_at = now_utc()
    task.closed_at = task.answered_at
    session.add(task)
    audit.record(session, "answer:question", actor_id=staff.id, subject_id=task.person_id, ip=ip,
                 detail=str(task.id), commit=False)
    session.commit()
    return task


def close(session: Session, task_id: int, staff: Person, ip: str) -> StaffTask:
    task = _task(session, task_id)
    task.closed_at = now_utc()
    session.add(task)
    audit.record(session, "close:task", actor_id=staff.id, subject_id=task.person_id, ip=ip, detail=str(task.id),
                 commit=False)
    session.commit()
    return task
